"""The bundled gazetteer can be rebuilt from ../shared (skipped when shared data is absent)."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def test_build_script_writes_gazetteer(tmp_path: Path) -> None:
    if not (SHARED / "data" / "gazetteer" / "whosonfirst" / "whosonfirst_SY.tsv").exists():
        pytest.skip("shared gazetteer data not present")
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    mod.COUNTRIES = ["SY"]  # one country keeps the test quick
    out = tmp_path / "g.tsv.gz"
    stats = mod.build(SHARED, out, world_min_pop=5_000_000)
    assert stats["rows"] > 10_000
    with gzip.open(out, "rt", encoding="utf-8") as fh:
        header = fh.readline().rstrip("\n").split("\t")
        rows = [line.rstrip("\n").split("\t") for line in fh]
    assert header == ["name", "keys", "lat", "lon", "admin1", "admin2", "cc", "ptype", "pop", "ph"]
    azaz = [r for r in rows if r[0] == "Azaz" and r[6] == "SY"]
    assert azaz and "izaz" in azaz[0][1] and azaz[0][4] == "Aleppo"
    assert azaz[0][5] == "A'zaz"  # admin2: the WOF county named by the town's county_id
    douma = [r for r in rows if r[0] == "Douma" and r[6] == "SY" and r[4] == "Rif Dimashq"]
    assert douma and douma[0][5] == "Duma"
    syria = [r for r in rows if r[6] == "SY"]
    assert sum(1 for r in syria if r[5]) > 0.8 * len(syria)  # most Syrian rows know their district
    assert (tmp_path / "admin1_codes.tsv").read_text(encoding="utf-8").count("SY\t09\tAleppo") == 1


def test_bundled_file_is_small() -> None:
    f = REPO / "src" / "conflictwatch" / "data" / "gazetteer.tsv.gz"
    assert f.stat().st_size < 12_000_000  # ships in the wheel: keep it small
