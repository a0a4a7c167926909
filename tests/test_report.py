"""`conflictwatch report`: the printable brief, on the demo database."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conflictwatch.cli import app
from conflictwatch.report.brief import find_chromium
from conflictwatch.report.svg import country_rings, fit_box
from conflictwatch.store import open_store
from conflictwatch.store import query as Q

runner = CliRunner()


def brief(db: str, tmp_path: Path, since: str = "2016-10-01", until: str = "2016-10-31",
          *extra: str) -> str:
    out = tmp_path / "brief.html"
    res = runner.invoke(app, ["report", "--db", db, "--from", since, "--to", until, "--out", str(out), *extra])
    assert res.exit_code == 0, res.output
    return out.read_text(encoding="utf-8")


def section(html: str, ident: str) -> str:
    m = re.search(rf'<table id="{ident}">(.*?)</table>', html, re.S)
    assert m, ident
    return m.group(1)


def test_brief_totals_map_timeline_and_tables(demo_db: str, tmp_path: Path) -> None:
    html = brief(demo_db, tmp_path)
    with open_store(demo_db).engine.connect() as conn:
        f = Q.Filters(since=date(2016, 10, 1), until=date(2016, 10, 31))
        totals = Q.totals(conn, f)
        events = Q.list_events(conn, f, "-fatalities", 0, 1000).items
    assert f"<b>{totals['events']}</b>incidents" in html
    assert f"<b>{totals['fatalities']}</b>killed (best estimates)" in html
    assert f"<b>{totals['disputed']}</b>with disputed tolls" in html
    located = [e for e in events if e["latitude"] is not None]
    svg_map = re.search(r'<svg[^>]*class="map".*?</svg>', html, re.S)
    assert svg_map and svg_map.group(0).count("<circle") == len(located) > 10
    assert svg_map.group(0).count("<path") > 5  # country outlines around the incidents
    timeline = re.search(r'<svg[^>]*class="timeline".*?</svg>', html, re.S)
    assert timeline and timeline.group(0).count("<rect") >= 5
    deadliest = section(html, "deadliest")
    figures = [int(x) for x in re.findall(r'<td class="num">(\d+)', deadliest)]
    assert figures == sorted(figures, reverse=True) and figures[0] == max(e["fatalities"] or 0 for e in events)
    disputed = section(html, "disputed")
    assert "Syrian Civil Defence" in disputed and "Syrian Observatory for Human Rights" in disputed
    assert "23 \u2192 29" in disputed  # a source's rising toll, in the order it was reported
    assert "Syrian Observatory for Human Rights" in section(html, "sources")
    # self-contained: nothing to fetch when opened or printed
    assert not re.search(r'(src|href)="https?:', html) and "<script" not in html


def test_brief_covers_only_the_range(demo_db: str, tmp_path: Path) -> None:
    html = brief(demo_db, tmp_path, "2016-10-12", "2016-10-12")
    with open_store(demo_db).engine.connect() as conn:
        day = Q.list_events(conn, Q.Filters(), "date", 0, 1000).items
    n = sum(e["event_date"] == "2016-10-12" for e in day)
    assert 0 < n < len(day)
    assert f"<b>{n}</b>incidents" in html
    assert "2016-10-08" not in section(html, "deadliest")


def test_brief_escapes_article_text(demo_db: str, tmp_path: Path) -> None:
    evil = {"id": "xss", "published": "2016-10-19", "title": "Air strike kills five in Saraqeb",
            "text": ("BEIRUT (Reuters) - An air strike killed five people in the town of Saraqeb in Idlib "
                     "province on Tuesday, the <script>alert(1)</script> Syrian Observatory for Human "
                     "Rights said.")}
    src = tmp_path / "evil.jsonl"
    src.write_text(json.dumps(evil) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["run", str(src), "--db", demo_db, "-q"])
    assert res.exit_code == 0, res.output
    html = brief(demo_db, tmp_path)
    assert "<script" not in html


def test_refusals(tmp_path: Path, demo_db: str) -> None:
    missing = tmp_path / "missing.db"
    res = runner.invoke(app, ["report", "--db", str(missing), "--from", "2016-10-01", "--to", "2016-10-31"])
    assert res.exit_code == 2 and not missing.exists()
    res = runner.invoke(app, ["report", "--db", demo_db, "--from", "2016-10-31", "--to", "2016-10-01"])
    assert res.exit_code == 2 and "after" in res.output
    res = runner.invoke(app, ["report", "--db", demo_db, "--from", "October", "--to", "2016-10-01"])
    assert res.exit_code == 2


@pytest.mark.skipif(find_chromium() is None, reason="PDF printing needs Chromium (apt-get install chromium)")
def test_pdf_with_chromium(demo_db: str, tmp_path: Path) -> None:
    pdf = tmp_path / "brief.pdf"
    brief(demo_db, tmp_path, "2016-10-01", "2016-10-31", "--pdf", str(pdf))
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000


def test_world_atlas_outlines_decode_to_real_coordinates() -> None:
    rings = dict(country_rings("110m"))
    syria = rings["Syria"]
    lons = [p[0] for r in syria for p in r]
    lats = [p[1] for r in syria for p in r]
    assert 35.5 < min(lons) < 36.5 and 42 < max(lons) < 42.6
    assert 32 < min(lats) < 32.6 and 37 < max(lats) < 37.6
    w, s, e, n = fit_box([(37.1, 36.2), (44.2, 15.3)])
    assert w < 37.1 < 44.2 < e and s < 15.3 < 36.2 < n


def test_pdf_without_chromium_says_so(demo_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONFLICTWATCH_CHROMIUM", "")
    out, pdf = tmp_path / "b.html", tmp_path / "b.pdf"
    res = runner.invoke(app, ["report", "--db", demo_db, "--from", "2016-10-01", "--to", "2016-10-31",
                              "--out", str(out), "--pdf", str(pdf)])
    assert res.exit_code == 1 and "apt-get install chromium" in res.output
    assert out.exists() and not pdf.exists()  # the HTML brief is still written
