"""`gazetteer load` (GeoNames dump and CSV) and `places` through the CLI on a temporary database."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from typer.testing import CliRunner

from conflictwatch.cli import app
from conflictwatch.geo import Geocoder
from conflictwatch.geo.userdata import load_file, user_places
from conflictwatch.models import Article, Claim
from conflictwatch.store import open_store

FIX = Path(__file__).parent / "fixtures" / "geo"
runner = CliRunner()
ARTICLE = Article(title="Aleppo strikes", text="Air strikes on Aleppo, Syria. Syrian forces in Aleppo.")


def claim(loc: str, ctx: list[str] | None = None, quote: str = "q") -> Claim:
    return Claim(article_id=ARTICLE.article_id or "", quote=quote, location=loc, place_context=ctx or [])


def test_load_geonames_dump_reports_bad_line_and_reload_adds_nothing(db_path: str) -> None:
    r = runner.invoke(app, ["gazetteer", "load", str(FIX / "SY_sample.txt"), "--db", db_path])
    assert r.exit_code == 0, r.output
    assert "loaded 2 places" in r.output
    assert "SY_sample.txt:3" in r.output  # the bad line, as file:line
    store = open_store(db_path)
    n = store.count("gazetteer")
    r = runner.invoke(app, ["gazetteer", "load", str(FIX / "SY_sample.txt"), "--db", db_path])
    assert "loaded 0 places" in r.output
    assert store.count("gazetteer") == n
    places = {p.name: p for p in user_places(store)}
    assert places["Bustan al Qasr"].admin1 == "Aleppo"  # admin1 code 09 mapped to its name
    assert places["Bustan al Qasr"].placetype == "neighbourhood"


def test_load_zip_and_user_rows_win_over_bundled(db_path: str, tmp_path: Path) -> None:
    z = tmp_path / "SY.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(FIX / "SY_sample.txt", "SY.txt")
    store = open_store(db_path)
    rep = load_file(store, z)
    assert rep.loaded == 2 and len(rep.errors) == 1 and "SY.txt:3" in rep.errors[0]
    geo = Geocoder.for_store(store)
    c = claim("Bustan al-Qasr", ["Aleppo"])
    geo.geocode_claims([c], ARTICLE)
    # user's GeoNames row (36.1901, 37.1399), not the bundled alias (36.193, 37.142)
    assert (c.latitude, c.longitude, c.geo_precision) == (36.1901, 37.1399, 1)
    c = claim("Mashariqa", ["Aleppo"])  # alternate name from the dump, unknown to bundled data
    geo.geocode_claims([c], ARTICLE)
    assert (c.latitude, c.longitude) == (36.2011, 37.1322)


def test_load_csv_user_row_wins_and_bad_row_reported(db_path: str, tmp_path: Path) -> None:
    csv_path = tmp_path / "places.csv"
    shutil.copy(FIX / "places.csv", csv_path)
    r = runner.invoke(app, ["gazetteer", "load", str(csv_path), "--db", db_path])
    assert r.exit_code == 0, r.output
    assert "loaded 2 places" in r.output and "places.csv:3" in r.output
    runner.invoke(app, ["gazetteer", "load", str(csv_path), "--db", db_path])
    store = open_store(db_path)
    assert store.count("gazetteer") == 2
    geo = Geocoder.for_store(store)
    c = claim("al-Mashhad", ["Aleppo"])
    geo.geocode_claims([c], ARTICLE)
    assert (c.latitude, c.longitude, c.country, c.admin1) == (36.1815, 37.1433, "Syria", "Aleppo")
    r = runner.invoke(app, ["gazetteer", "list", "--db", db_path])
    assert r.exit_code == 0 and "your gazetteer" in r.output
    from conflictwatch.geo.userdata import gazetteer_stats

    assert gazetteer_stats(store) == [(str(csv_path), 2)]


def test_places_unresolved_lists_names_without_coordinates(db_path: str) -> None:
    store = open_store(db_path)
    store.add_article(ARTICLE)
    claims = [claim("al-Marjeh", ["Aleppo"], "a"), claim("Xqzwvtplk", [], "b"), claim("Xqzwvtplk", [], "c")]
    Geocoder.for_store(store).geocode_claims(claims, ARTICLE)
    assert claims[1].latitude is None and claims[0].latitude is not None
    store.replace_claims(ARTICLE.article_id or "", claims)
    r = runner.invoke(app, ["places", "--unresolved", "--db", db_path])
    assert r.exit_code == 0, r.output
    assert "Xqzwvtplk" in r.output and "2" in r.output and "al-Marjeh" not in r.output
    r = runner.invoke(app, ["places", "--db", db_path])
    assert "al-Marjeh" in r.output and "Aleppo" in r.output and "Xqzwvtplk" not in r.output
