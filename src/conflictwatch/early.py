"""A worker forked as `conflictwatch run` starts, loading the extractor while the run opens the
database and reads its input.

A run of a few articles (fewer than `ExecutorSpec.min_parallel`, too few for a worker pool) spends
~1.3 s of CPU loading what extraction needs (spaCy, its model, the extractor and dateparser) and
~0.7 s on what writing needs (SQLAlchemy, the database, the input). The two do not depend on each
other, yet one process did them one after the other. The early worker is forked before either: it
loads the extractor on one core while the command opens the database and reads the input on the
other, then extracts the articles it is sent with the same `parallel.process_work` a pool worker
runs (same claims and signatures, checked against the writer's extractor version); the writing
process stores them, in input order, as always.

Forked, not spawned, and as soon as the command line sees that its first argument is `run`
(`prefork`, before typer is imported): a copy of the process has its interpreter at once, and no
database is open nor thread running yet. When a run turns out to have nothing to extract (nothing
new), or enough for a pool, the worker is killed: its work was spent on the other core. It is not
kept when every input is older than the SQLite database (`likely_new`).
Only Linux forks it (elsewhere the run extracts in its own process), and only a process with a
single thread (a fork copies no other thread, nor what their locks protect).
"""

from __future__ import annotations

import importlib
import importlib.util
import logging
import multiprocessing
import os
import signal
import sys
import threading
import types
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictwatch.parallel import ChunkResult, Executor, ExecutorSpec, Work, process_work
from conflictwatch.store.names import DB_ENV, DEFAULT_DB, sqlite_path

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

    from conflictwatch.geo import Geocoder

log = logging.getLogger(__name__)


def wanted(spec: ExecutorSpec, articles: int | None = None) -> bool:
    """Is an early worker worth having for a run of `articles` (None: not known yet, or standard
    input)? Not when the run may use one process only (`--workers 1`), extracts elsewhere (Dask),
    will start a pool anyway, or has nothing to extract."""
    if spec.executor != "local" or spec.workers < 2 or articles == 0:
        return False
    return articles is None or articles < spec.min_parallel


def likely_new(inputs: list[str], database: Path | None) -> bool:
    """Does the run probably have something to extract? Not when every input (file or folder, as
    named: folders are not walked) is older than its SQLite database file: a cron job or a user
    running the same folder again, where a worker would load spaCy for nothing. A wrong guess
    costs speed only: a new article that looks old is extracted in the run's own process, a folder
    that looks new but holds nothing new wastes the worker's start on the other core."""
    if database is None or "-" in inputs:
        return True  # a server, or standard input: cannot tell
    try:
        stored = database.stat().st_mtime
    except OSError:
        return True  # a new database
    for name in inputs:
        try:
            if Path(name).stat().st_mtime >= stored:
                return True
        except OSError:
            continue  # the run reports it
    return False


def can_fork() -> bool:
    """Linux, and no other thread in this process (a fork copies no thread, nor what their locks
    protect: a test runner's or an application's threads)."""
    return sys.platform == "linux" and threading.active_count() == 1


class EarlyWorker(Executor):
    """One forked process extracting the chunks it is sent, in order (`ordered` uses it in place
    of `InlineExecutor` when the run is too small for a pool). It lives for the whole run (a run
    extracts in two streams, stored articles to repair and then the input): `close` without
    `cancel` keeps it, `shutdown` ends it."""

    name = "early"
    workers = 1
    window = 1  # the next chunk is read and sent while one is extracted

    def __init__(self) -> None:
        ctx = multiprocessing.get_context("fork")
        self._conn, child = ctx.Pipe()
        self._proc: BaseProcess | None = ctx.Process(
            target=_serve, args=(child, self._conn), name="conflictwatch-early", daemon=True)
        self._proc.start()
        child.close()
        self._geocoder: Callable[[], Geocoder | None] = lambda: None
        self._sent_geocoder = False
        self._pending = 0

    @property
    def alive(self) -> bool:
        return self._proc is not None

    def using(self, geocoder: Callable[[], Geocoder | None]) -> EarlyWorker:
        """This worker, extracting with the run's geocoder (made, and sent, with the first chunk)."""
        self._geocoder = geocoder
        return self

    def submit(self, work: list[Work]) -> _Reply:
        if self._proc is None:
            raise RuntimeError("the early worker was shut down")
        geocoder: Geocoder | None | str = _SAME
        if not self._sent_geocoder:
            geocoder, self._sent_geocoder = self._geocoder(), True
        try:
            self._conn.send((geocoder, work))
        except OSError as exc:  # it is gone
            raise self._died() from exc
        self._pending += 1
        return _Reply(self)

    def _receive(self) -> ChunkResult:
        try:
            kind, value = self._conn.recv()
        except (EOFError, OSError) as exc:
            raise self._died() from exc
        self._pending -= 1
        if kind == "error":
            raise value
        return value  # type: ignore[no-any-return]

    def _died(self) -> RuntimeError:
        self.shutdown()
        return RuntimeError("the extraction worker died (out of memory?): what was stored so far is "
                            "whole; run again to continue")

    def close(self, cancel: bool = False) -> None:
        """End of one stream: the worker stays for the next, unless the run was interrupted."""
        if cancel or self._pending:
            self.shutdown()

    def shutdown(self) -> None:
        """End the worker now, whatever it is doing (it holds no file, lock or database)."""
        proc, self._proc = self._proc, None
        if proc is not None:
            proc.kill()
            proc.join()
            self._conn.close()


class _Reply:
    def __init__(self, worker: EarlyWorker) -> None:
        self.worker = worker

    def result(self) -> ChunkResult:
        return self.worker._receive()


_SAME = "same"  # the geocoder sent with an earlier chunk


def _serve(conn: Connection, writer_end: Connection) -> None:
    """The worker: load the extractor, then extract each chunk received until the writer is gone.

    Ctrl-C is left to the writing process, which ends this one. A failure to load (no language
    model) is what the first chunk gets back: raised in the writer, as an inline run raises it."""
    writer_end.close()
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    failure: BaseException | None = None
    try:  # what extraction loads on first use: the extractor, spaCy and its model
        _without_spacy_cli()
        from conflictwatch import pipeline  # noqa: F401 - process_work's
        from conflictwatch.extract.nlp import pipeline as language_model

        language_model()
    except BaseException as exc:  # noqa: BLE001 - reported to the writer
        failure = exc
    geocoder: Geocoder | None = None
    warm = False
    while True:
        try:
            sent, work = conn.recv()
        except (EOFError, OSError):  # the writer is done, or gone
            break
        try:
            if failure is not None:
                raise failure
            if sent != _SAME:
                geocoder = sent
            if not warm:  # as the inline executor does before its first article
                from conflictwatch.parallel import warm as warm_up

                warm_up(geocoder)
                warm = True
            conn.send(("ok", process_work(work, geocoder)))
        except BaseException as exc:  # noqa: BLE001 - the writer raises it
            conn.send(("error", _sendable(exc)))


def _without_spacy_cli() -> None:
    """`import spacy` imports its command line (`spacy.cli`: the download, init, debug and project
    commands, with typer, click, requests and weasel; ~0.2 s) for the one function it re-exports,
    `spacy.info`. This process only extracts: here the command line's package is made without
    running its `__init__`, and `spacy.cli.info` is a stand-in whose `info` (or any other name)
    imports the real module when used. Its submodules still import as usual. Done in this process
    only, never in one that may use spaCy otherwise; the tokens, tags and parses are spaCy's own
    (tests/test_startup.py compares them with spaCy's usual load)."""
    if "spacy" in sys.modules or "spacy.cli" in sys.modules:
        return
    found = importlib.util.find_spec("spacy")
    if found is None or not found.submodule_search_locations:
        return
    folder = Path(next(iter(found.submodule_search_locations))) / "cli"
    spec = importlib.util.spec_from_file_location(
        "spacy.cli", folder / "__init__.py", submodule_search_locations=[str(folder)])
    if spec is None or not (folder / "info.py").is_file():
        return
    package = importlib.util.module_from_spec(spec)
    info = _LazyModule("spacy.cli.info")
    package.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = package
    sys.modules["spacy.cli.info"] = info


class _LazyModule(types.ModuleType):
    """Stands for a module until one of its names is used, then imports it (in its place)."""

    def __init__(self, name: str) -> None:
        super().__init__(name, f"{name}, imported when used (conflictwatch.early)")
        self.info = self._call("info")

    def _call(self, attr: str) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            return getattr(self._real(), attr)(*args, **kwargs)
        return call

    def _real(self) -> types.ModuleType:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        return importlib.import_module(self.__name__)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):  # what the import system asks of any module (__path__...)
            raise AttributeError(name)
        return getattr(self._real(), name)


def _sendable(exc: BaseException) -> BaseException:
    """The exception itself when it survives pickling, else a RuntimeError saying what it was."""
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:  # noqa: BLE001
        return RuntimeError(f"{type(exc).__name__}: {exc}")


_PREFORKED: EarlyWorker | None = None


def prefork(args: list[str]) -> None:
    """For `conflictwatch run ...` (not `--help`), fork the worker before the command line parses
    its arguments: ~0.2 s sooner than the command itself could (the command line's imports, and
    typer's parsing, which imports pydantic), and that is ~0.2 s off the run. Its inputs and
    database are guessed from the arguments (`likely_new` of every argument that names a file or
    folder, and of --db, else $CONFLICTWATCH_DB, else the default): a run with nothing new forks
    nothing. `start` then keeps the worker or ends it, from the parsed options."""
    global _PREFORKED
    if args[:1] != ["run"] or {"--help", "-h"} & set(args) or not can_fork():
        return
    inputs, db = _guess(args[1:])
    if likely_new(inputs, sqlite_path(db)):
        _shared_imports()
        _PREFORKED = _fork()


def _shared_imports() -> None:
    """What both processes import anyway, imported once before the fork instead of once in each:
    the pipeline with ingest and the geocoder, and pydantic (typer's parsing of the options here,
    spaCy's configuration in the worker). The worker would import them first thing: its path is
    as long either way, the two processes together spend ~0.2 s of CPU less."""
    import pydantic.main  # noqa: F401
    import pydantic.type_adapter  # noqa: F401

    import conflictwatch.geo  # noqa: F401
    import conflictwatch.pipeline  # noqa: F401


def _guess(args: list[str]) -> tuple[list[str], str]:
    """What may be the inputs in `args` (every word that is not an option, option values among
    them: `likely_new` looks only at those that name a file or folder), and the database as typer
    will read it (--db, else $CONFLICTWATCH_DB, else the default)."""
    db = os.environ.get(DB_ENV) or DEFAULT_DB
    inputs: list[str] = []
    words = iter(args)
    for a in words:
        if a == "--db":
            db = next(words, db)
        elif a.startswith("--db="):
            db = a.removeprefix("--db=")
        elif a == "-" or not a.startswith("-"):
            inputs.append(a)
    return inputs, db


def discard() -> None:
    """End a worker forked by `prefork` that no command took (a usage error, an exception)."""
    global _PREFORKED
    worker, _PREFORKED = _PREFORKED, None
    if worker is not None:
        worker.shutdown()


def start(spec: ExecutorSpec, inputs: list[str], database: Path | None) -> EarlyWorker | None:
    """An early worker for the run, when it is one the worker may help (`wanted`, `likely_new`)
    and forking is safe: the one `prefork` started, else one forked now; None otherwise.
    `database`: the SQLite file, None for a server. The run sets it as `spec.early`, and ends it
    with `shutdown` once it knows more (`wanted` with the number of articles) or is done."""
    global _PREFORKED
    worker, _PREFORKED = _PREFORKED, None
    if not (wanted(spec) and likely_new(inputs, database)):
        if worker is not None:
            worker.shutdown()
        return None
    if worker is not None:
        return worker
    return _fork() if can_fork() else None


def _fork() -> EarlyWorker | None:
    try:
        return EarlyWorker()
    except OSError as exc:  # no memory, too many processes: the run extracts in its own process
        log.debug("no early worker: %s", exc)
        return None


__all__ = ["EarlyWorker", "can_fork", "discard", "likely_new", "prefork", "start", "wanted"]
