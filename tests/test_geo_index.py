"""The on-disk gazetteer index: same answers as the in-memory index, built once, rebuilt on new data.

The fixture `fixtures/geo/gazetteer-sample.tsv.gz` is a slice of the bundled gazetteer
(Aleppo governorate, the homonyms the geocoder must tell apart, and a spread of other
rows; data from Who's On First and GeoNames, CC BY), in the bundled file's format.
"""

from __future__ import annotations

import gzip
import multiprocessing
import os
import random
import shutil
from pathlib import Path

import pytest

from conflictwatch.geo.gazetteer import PlaceIndex, read_bundled
from conflictwatch.geo.index import SqlitePlaceIndex, ensure_index, index_name

FIXTURE = Path(__file__).parent / "fixtures" / "geo" / "gazetteer-sample.tsv.gz"
COUNTRIES = [None, "SY", "LB", "IQ", "PS", "NG", "TR", "US"]


@pytest.fixture(scope="module")
def both(tmp_path_factory: pytest.TempPathFactory) -> tuple[PlaceIndex, SqlitePlaceIndex]:
    folder = tmp_path_factory.mktemp("cache")
    return read_bundled(FIXTURE), SqlitePlaceIndex(FIXTURE, [folder])


def _sample_names(mem: PlaceIndex, n: int = 600) -> list[str]:
    rnd = random.Random(11)
    names = [mem.place(i).name for i in rnd.sample(range(len(mem)), n)]

    def misspell(s: str) -> str:  # wire-style variants: the loose tiers and fuzzy must agree too
        if len(s) < 5:
            return s + "h"
        j = rnd.randrange(1, len(s) - 1)
        return s[:j] + rnd.choice("aeiouykhq") + s[j + 1:]

    fixed = ["Douma", "Duma", "Tripoli", "Azaz", "A'zaz", "al-Bab", "el-Bab", "Aleppo", "Suran",
             "Handarat", "Sheikh Maqsoud", "The", "Reuters", "", "--", "Xqzwvtplk"]
    return fixed + names + [misspell(s) for s in names[:300]]


def test_len_and_rows_match(both: tuple[PlaceIndex, SqlitePlaceIndex]) -> None:
    mem, disk = both
    assert len(disk) == len(mem) > 3000
    for i in (0, 1, len(mem) // 2, len(mem) - 1):
        assert disk.place(i) == mem.place(i)


def test_find_gives_the_same_places_in_the_same_order(both: tuple[PlaceIndex, SqlitePlaceIndex]) -> None:
    mem, disk = both
    compared = nonempty = 0
    for name in _sample_names(mem):
        for tier in range(3):
            for cc in COUNTRIES:
                expected = mem.find(name, tier, cc)
                assert disk.find(name, tier, cc) == expected, (name, tier, cc)
                compared += 1
                nonempty += bool(expected)
    assert nonempty > 1000  # the comparison is about real hits, not empty lists
    assert compared > 10_000


def test_fuzzy_gives_the_same_places(both: tuple[PlaceIndex, SqlitePlaceIndex]) -> None:
    mem, disk = both
    nonempty = 0
    for name in _sample_names(mem)[::2]:
        for cc in ("SY", "LB", "IQ"):
            expected = mem.fuzzy(name, cc)
            assert disk.fuzzy(name, cc) == expected, (name, cc)
            nonempty += bool(expected)
    assert nonempty > 100


def test_admin2_is_read_from_the_file(both: tuple[PlaceIndex, SqlitePlaceIndex]) -> None:
    _, disk = both
    azaz = [p for p in disk.find("Azaz", 0, "SY") if p.placetype == "locality"]
    assert azaz and azaz[0].admin2 == "A'zaz" and azaz[0].admin1 == "Aleppo"


def test_index_is_built_once_then_opened(tmp_path: Path) -> None:
    first = ensure_index(FIXTURE, [tmp_path])
    again = ensure_index(FIXTURE, [tmp_path])
    assert first.built and not again.built and first.path == again.path
    assert first.path.name == index_name(FIXTURE)
    assert [p.name for p in tmp_path.iterdir()] == [first.path.name]  # no temporary file left


def test_a_new_gazetteer_gets_a_new_index(tmp_path: Path) -> None:
    src = tmp_path / "g.tsv.gz"
    shutil.copy(FIXTURE, src)
    cache = tmp_path / "cache"
    old = SqlitePlaceIndex(src, [cache])
    assert old.find("Qwertzville", 0) == []
    old_path = old.path
    with gzip.open(FIXTURE, "rt", encoding="utf-8") as fh:
        header, *rows = fh.read().splitlines()
    cols = header.split("\t")
    new_row = dict.fromkeys(cols, "")
    new_row.update(name="Qwertzville", lat="36.1", lon="37.1", admin1="Aleppo", admin2="Jebel Saman",
                   cc="SY", ptype="L", pop="1200", ph="kuartsuila")
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write("\n".join([header, *rows, "\t".join(new_row[c] for c in cols)]) + "\n")
    new = SqlitePlaceIndex(src, [cache])
    (p,) = new.find("Qwertzville", 0)
    assert (p.admin1, p.admin2, p.country_code, p.population) == ("Aleppo", "Jebel Saman", "SY", 1200)
    assert new.path != old_path and len(new) == len(old) + 1
    assert old.find("Qwertzville", 0) == []  # an open index keeps answering from its own data


def test_a_damaged_index_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / index_name(FIXTURE)
    path.write_bytes(b"not a database, e.g. a copy cut short")
    info = ensure_index(FIXTURE, [tmp_path])
    assert info.built and info.path == path
    assert SqlitePlaceIndex(FIXTURE, [tmp_path]).find("Aleppo", 0)


def test_an_unwritable_cache_folder_falls_back_to_the_next(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    info = ensure_index(FIXTURE, [blocker / "cache", tmp_path / "tmp"])  # cannot mkdir under a file
    assert info.built and info.path.parent == tmp_path / "tmp"
    with pytest.raises(OSError, match="CONFLICTWATCH_CACHE"):
        ensure_index(FIXTURE, [blocker / "cache"])


def _build_and_look_up(cache: str, barrier: multiprocessing.synchronize.Barrier, out: multiprocessing.Queue) -> None:
    barrier.wait()  # start together: every process finds no index and builds one
    idx = SqlitePlaceIndex(FIXTURE, [Path(cache)])
    out.put((str(idx.path), [(p.name, p.latitude) for p in idx.find("Aleppo", 0)], len(idx), idx.info.built))


def test_concurrent_first_builds_give_one_whole_index(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    barrier, out = ctx.Barrier(3), ctx.Queue()
    procs = [ctx.Process(target=_build_and_look_up, args=(str(tmp_path), barrier, out)) for _ in range(3)]
    for p in procs:
        p.start()
    results = [out.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    assert len({r[0] for r in results}) == 1
    assert all(r[:3] == results[0][:3] for r in results) and results[0][1]
    assert [p.name for p in tmp_path.iterdir()] == [index_name(FIXTURE)]


def test_a_rebuild_does_not_disturb_an_open_reader(tmp_path: Path) -> None:
    idx = SqlitePlaceIndex(FIXTURE, [tmp_path])
    before = idx.find("Aleppo", 0)
    ensure_index(FIXTURE, [tmp_path], force=True)  # replaces the file under the open connection
    idx._hits.clear()
    assert idx.find("Aleppo", 0) == before


# --- the bundled data through the geocoder -------------------------------------------------

def test_geocoded_claim_gets_the_district_of_its_town() -> None:
    from conflictwatch.geo import Geocoder
    from conflictwatch.models import Article, Claim

    article = Article(title="Shelling near Azaz", text="Shelling hit Azaz in northern Syria, a Syrian monitor said.")
    claims = [Claim(article_id="a", quote="q", location=loc) for loc in ("Azaz", "Douma", "Aleppo countryside")]
    Geocoder().geocode_claims(claims, article)
    azaz, douma, province = claims
    assert (azaz.admin1, azaz.admin2, azaz.country) == ("Aleppo", "A'zaz", "Syria")
    assert (douma.admin1, douma.admin2) == ("Rif Dimashq", "Duma")
    assert province.admin1 == "Aleppo" and province.admin2 is None  # a province has no district


def _look_up_in_child(idx: SqlitePlaceIndex, out: multiprocessing.Queue) -> None:
    idx._hits.clear()
    names = [p.name for p in idx.find("Aleppo", 0)]
    out.put((names, idx._pid == os.getpid()))  # a connection opened in this process, not the parent's


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_a_forked_worker_opens_its_own_connection(tmp_path: Path) -> None:
    idx = SqlitePlaceIndex(FIXTURE, [tmp_path])
    expected = [p.name for p in idx.find("Aleppo", 0)]
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    proc = ctx.Process(target=_look_up_in_child, args=(idx, out))
    proc.start()
    assert out.get(timeout=60) == (expected, True)
    proc.join(timeout=60)
    assert proc.exitcode == 0


def test_build_index_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    import conflictwatch.geo.gazetteer as gazetteer
    from conflictwatch.cli import app

    monkeypatch.setattr(gazetteer, "bundled_source", lambda: FIXTURE)  # the full data takes ~20 s
    runner = CliRunner()
    first = runner.invoke(app, ["gazetteer", "build-index", "--cache", str(tmp_path)])
    again = runner.invoke(app, ["gazetteer", "build-index", "--cache", str(tmp_path)])
    forced = runner.invoke(app, ["gazetteer", "build-index", "--cache", str(tmp_path), "--force"])
    assert first.exit_code == again.exit_code == forced.exit_code == 0, first.output
    assert "built in" in first.output and "already built" in again.output and "built in" in forced.output
    assert (tmp_path / index_name(FIXTURE)).is_file()


def test_an_open_index_can_be_sent_to_a_worker(tmp_path: Path) -> None:
    """Pickled (multiprocessing, Dask) it carries where the data is, not its connection or caches."""
    import pickle

    idx = SqlitePlaceIndex(FIXTURE, [tmp_path])
    expected = idx.find("Aleppo", 0)
    copy = pickle.loads(pickle.dumps(idx))
    assert len(pickle.dumps(idx)) < 2000 and copy._db is None and not copy._hits
    assert copy.find("Aleppo", 0) == expected
