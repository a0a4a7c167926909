"""Start-up: commands that geocode nothing never hash, build, open or read the bundled gazetteer;
a run imports only what it uses, loads spaCy's model as spaCy would, and leaves one database file.

Start-up times themselves are measured by bench/bench_startup.py (README, Benchmarks).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import conflictwatch.geo.gazetteer as gazetteer
import conflictwatch.geo.index as gindex
from conflictwatch.cli import app
from conflictwatch.ingest.neardup import NUM_PERM, SCHEME
from conflictwatch.store import open_store
from pgtest import Databases

runner = CliRunner()

ARTICLE = """Shelling kills three in Azaz

BEIRUT (Reuters) - Shelling killed three people in the Syrian border town of Azaz on Monday, a monitoring group said.

(Reporting by Test Writer)
"""
SECOND = """Air strike kills four in Idlib

BEIRUT (Reuters) - An air strike killed four people in the town of Saraqeb in Idlib province on Tuesday, rescuers said.
"""


class GazetteerOpened(AssertionError):
    pass


@pytest.fixture
def spy(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way to the bundled data raises, and is recorded, while the fixture is active."""
    calls: list[str] = []

    def refuse(what: str):  # noqa: ANN202
        def f(*args: object, **kwargs: object) -> None:
            calls.append(what)
            raise GazetteerOpened(what)
        return f

    monkeypatch.setattr(gindex, "_SHARED", None)  # a fresh process: nothing opened yet
    monkeypatch.setattr(gindex, "ensure_index", refuse("ensure_index"))
    monkeypatch.setattr(gindex, "source_digest", refuse("source_digest"))
    monkeypatch.setattr(gazetteer, "iter_bundled", refuse("iter_bundled"))
    return calls


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory, databases: Databases) -> tuple[str, Path]:
    """A database with one article in it (geocoded for real, before the spy is set)."""
    tmp_path = tmp_path_factory.mktemp("stored")
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = databases.new(tmp_path, "cw")
    res = runner.invoke(app, ["run", str(src), "--db", db, "--published", "2016-10-10", "-q"])
    assert res.exit_code == 0, res.output
    return db, src


@pytest.mark.parametrize("args", [
    ["--help"], ["run", "--help"], ["claims"], ["events"], ["places"], ["export", "claims"],
    ["export", "events", "--format", "geojson"], ["export", "articles"], ["reconcile"], ["gazetteer", "list"],
])
def test_commands_that_do_not_geocode_do_not_open_the_gazetteer(
    stored: tuple[str, Path], spy: list[str], args: list[str]
) -> None:
    db, _ = stored
    res = runner.invoke(app, args if args[-1] == "--help" else [*args, "--db", db])
    assert res.exit_code == 0, res.output
    assert spy == []


def test_run_with_nothing_new_does_not_open_the_gazetteer(stored: tuple[str, Path], spy: list[str]) -> None:
    db, src = stored
    res = runner.invoke(app, ["run", str(src), "--db", db, "-q"])
    assert res.exit_code == 0, res.output
    assert "0 new, 1 already stored" in res.output
    assert spy == []


def test_run_with_a_new_article_does_open_it(
    stored: tuple[str, Path], spy: list[str], tmp_path: Path, databases: Databases
) -> None:
    """The spy itself works: a run that has something to geocode goes to the gazetteer (in this
    process with --workers 1: else an early worker may extract and geocode, `conflictwatch.early`)."""
    db = databases.copy(stored[0], tmp_path, "copy")
    new = tmp_path / "b.txt"
    new.write_text(SECOND, encoding="utf-8")
    runner.invoke(app, ["run", str(new), "--db", db, "-q", "--workers", "1"])
    assert spy and spy[0] in ("ensure_index", "source_digest")


# -- what a command loads, and leaves behind (bench/bench_startup.py times them) ----------------

_MODULES = """
import atexit, json, sys
out = sys.argv.pop(1)
atexit.register(lambda: open(out, "w").write(json.dumps(sorted(sys.modules))))
from conflictwatch.cli import main
main()
"""


def _command(args: list[str], tmp_path: Path) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run `conflictwatch ARGS` in a new process, as a user would; the modules it had imported."""
    out = tmp_path / f"modules-{len(list(tmp_path.glob('modules-*')))}.json"
    done = subprocess.run([sys.executable, "-c", _MODULES, str(out), *args],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done, set(json.loads(out.read_text("utf-8")))


def test_a_run_signs_articles_without_importing_scipy_and_parses_with_spacy(tmp_path: Path) -> None:
    """datasketch's package imports scipy (0.5 s) for its LSH classes; the MinHash signature needs
    only its minhash module. A run with nothing new loads neither spaCy nor datasketch."""
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "cw.db")
    done, modules = _command(["run", str(src), "--db", db, "--published", "2016-10-10", "-q", "--workers", "1"],
                             tmp_path)  # one process: it parses and signs the article itself
    assert "1 new" in done.stderr
    assert {"spacy", "datasketch.minhash"} <= modules  # it did parse and sign the article
    assert not any(m == "scipy" or m.startswith("scipy.") for m in modules)
    assert "datasketch.lsh" not in modules
    store = open_store(db)
    stored = store.minhash_signatures([a.article_id for a in store.articles()], SCHEME)
    assert [len(b) for b in stored.values()] == [4 * NUM_PERM]
    store.engine.dispose()

    done, modules = _command(["run", str(src), "--db", db, "-q"], tmp_path)
    assert "0 new, 1 already stored" in done.stderr
    assert not modules & {"spacy", "datasketch", "datasketch.minhash", "scipy"}
    # nor what only other commands use: the evaluation and the feed poller (urllib's HTTP client)
    assert not modules & {"conflictwatch.evaluate", "conflictwatch.watch", "urllib.request"}


_HEAVY = {"spacy", "sqlalchemy", "dateparser", "conflictwatch.extract", "conflictwatch.geo",
          "conflictwatch.pipeline", "conflictwatch.reconcile", "conflictwatch.export"}


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["events", "--help"], ["export", "events", "--help"]])
def test_help_imports_no_stage_of_the_pipeline(tmp_path: Path, args: list[str]) -> None:
    """`--help` costs the command line's own modules only: no database layer (SQLAlchemy), no
    extractor (spaCy, dateparser), no geocoder, reconciliation or exports: they are imported by
    the commands that run them."""
    done, modules = _command(args, tmp_path)
    assert "Usage" in done.stdout
    assert not modules & _HEAVY


def test_reading_commands_open_the_database_without_the_extractor(tmp_path: Path) -> None:
    """`claims`, `events` and `export events` read the database: they import SQLAlchemy, never the
    extractor nor spaCy; a run with nothing new does not either (nor the geocoder)."""
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "cw.db")
    _command(["run", str(src), "--db", db, "--published", "2016-10-10", "-q", "--workers", "1"], tmp_path)
    extractor = {"spacy", "dateparser", "conflictwatch.extract", "conflictwatch.extract.claims"}
    for args in (["claims"], ["events"], ["export", "events", "-o", str(tmp_path / "e.csv")]):
        done, modules = _command([*args, "--db", db], tmp_path)
        assert "sqlalchemy" in modules, args
        assert not modules & extractor, args
    done, modules = _command(["run", str(src), "--db", db, "-q"], tmp_path)
    assert "0 new, 1 already stored" in done.stderr
    assert not modules & (extractor | {"conflictwatch.geo"})


def test_after_a_command_the_database_file_alone_holds_everything(tmp_path: Path) -> None:
    """The command line skips the interpreter's final garbage collection (`cli.main`), so it closes
    its databases itself: SQLite's write-ahead log is folded into the file and removed. A user who
    copies just the .db file (the -wal beside it is easy to miss) has every article."""
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    folder = tmp_path / "db"
    db = folder / "cw.db"
    _command(["run", str(src), "--db", str(db), "--published", "2016-10-10", "-q"], tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["cw.db"]
    copy = tmp_path / "copy.db"
    shutil.copyfile(db, copy)
    store = open_store(str(copy))
    assert len(list(store.articles())) == 1 and len(list(store.claims())) >= 1
    store.engine.dispose()


def test_the_pipeline_tokenizes_and_parses_as_spacys_own_load_of_the_model() -> None:
    """The pipeline skips loading what it never runs (lemmatizer, sentence recogniser) and fills an
    empty tokenizer with the model's (`extract.nlp.BARE_TOKENIZER`): the same tokenizer, to the
    byte, and the same tags, parse and entities as the model loaded the ordinary way."""
    import spacy

    from conflictwatch.extract import nlp

    ours = nlp.pipeline()
    ref = next(spacy.load(m) for m in nlp.MODELS if spacy.util.is_package(m))  # as pipeline() picks
    assert ours.tokenizer.to_bytes(exclude=["vocab"]) == ref.tokenizer.to_bytes(exclude=["vocab"])
    assert "lemmatizer" not in ours.component_names and "ner" in ours.component_names
    text = ARTICLE + SECOND + "Gunmen shot dead two U.S.-trained officers in Mosul's al-Zuhur district."
    mine = ours(text)
    nlp.entities(mine)
    theirs = ref(text)
    assert [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in mine] == \
        [(t.text, t.tag_, t.dep_, t.head.i, t.ent_type_) for t in theirs]
