"""The bundled demo end to end: the README's first command, on a temporary database."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner

from conflictwatch.cli import app
from conflictwatch.store import open_store

REPO = Path(__file__).resolve().parents[1]
runner = CliRunner()


def _events(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "events.jsonl").read_text().splitlines()]


def test_demo_run_gives_reconciled_disputed_events_and_all_exports(new_db: Callable[..., str], tmp_path: Path) -> None:
    db, out = new_db("demo"), tmp_path / "out"
    res = runner.invoke(app, ["run", str(REPO / "samples"), "--db", db, "--export-dir", str(out)])
    assert res.exit_code == 0, res.output
    assert "10 articles read: 10 new" in res.output
    for name in ("claims.jsonl", "claims.csv", "articles.jsonl", "events.csv", "events.jsonl",
                 "events.geojson", "events.parquet", "events-ged.csv"):
        assert (out / name).stat().st_size > 0, name
    events = _events(out)
    # Two articles report the Aleppo market strike of Oct. 11: Civil Defence 21, Observatory 15.
    market = [e for e in events if e["event_date"] == "2016-10-11"
              and e["sub_event_type"] == "Air/drone strike"]
    assert len(market) == 1
    m = market[0]
    assert m["disputed"] is True and m["n_articles"] == 2
    assert (m["fatalities"], m["fatalities_low"], m["fatalities_high"]) == (15, 15, 21)
    assert {"Syrian Civil Defence", "Syrian Observatory for Human Rights"} <= set(m["source"].split("; "))
    # The migrant-rescue story has deaths but no conflict: no claim comes from it.
    claims = [json.loads(line) for line in (out / "claims.jsonl").read_text().splitlines()]
    assert not [c for c in claims if "migrant" in (c["article_title"] or "").lower()]
    # Aggregates ("since Sept. 22") are never events.
    agg_ids = {c["claim_id"] for c in claims if c["scope"] == "aggregate"}
    assert agg_ids and not agg_ids & {cid for e in events for cid in e["claim_ids"]}


def test_demo_rerun_changes_nothing(new_db: Callable[..., str], tmp_path: Path) -> None:
    db, out = new_db("demo"), tmp_path / "out"
    runner.invoke(app, ["run", str(REPO / "samples"), "--db", db, "--export-dir", str(out)])
    first = _events(out)
    res = runner.invoke(app, ["run", str(REPO / "samples"), "--db", db, "--export-dir", str(out)])
    assert "0 new, 10 already stored" in res.output
    assert _events(out) == first
    assert open_store(db).count("articles") == 10


def test_demo_exports_open_in_pandas_like_acled_and_ged_files(new_db: Callable[..., str], tmp_path: Path) -> None:
    import pandas as pd

    from conflictwatch.export.events import COLUMNS
    from conflictwatch.export.ged import GED_COLUMNS

    out = tmp_path / "out"
    res = runner.invoke(app, ["run", str(REPO / "samples"), "--db", new_db("d"), "--export-dir",
                              str(out), "-q"])
    assert res.exit_code == 0, res.output
    csv_ev, jl_ev = pd.read_csv(out / "events.csv"), pd.read_json(out / "events.jsonl", lines=True)
    pq_ev = pd.read_parquet(out / "events.parquet")
    assert list(csv_ev.columns) == list(jl_ev.columns) == list(pq_ev.columns) == COLUMNS
    assert len(csv_ev) == len(jl_ev) == len(pq_ev) > 10
    assert csv_ev["event_date"].notna().all() and (csv_ev["year"] == 2016).all()
    assert set(csv_ev["region"]) <= {"Middle East"} and set(csv_ev["iso"]) <= {760, 368, 887}
    # every known pair of actor types gives ACLED's interaction code, smaller code first
    known = csv_ev.dropna(subset=["inter1", "interaction"])
    assert len(known) > 5
    for _, r in known.iterrows():
        lo, hi = sorted((int(r["inter1"]), int(r["inter2"])))
        assert int(r["interaction"]) == (int(r["inter1"]) * 10 if r["inter2"] == 0 else lo * 10 + hi)
        assert (r["civilian_targeting"] == "Civilian targeting") == (7 in (r["inter1"], r["inter2"]))
    ged = pd.read_csv(out / "events-ged.csv")
    assert list(ged.columns) == GED_COLUMNS
    assert (ged["best"] >= 1).all() and (ged["low"] <= ged["best"]).all() and (ged["best"] <= ged["high"]).all()
    assert len(ged) == (csv_ev["fatalities"] >= 1).sum()
