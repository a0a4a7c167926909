"""Where extraction runs: in this process, in worker processes, or on a Dask cluster.

The main job (`pipeline.run`) reads articles and writes them to the database in input order, one
transaction per article, in its own process. Only the costly and pure middle -- extraction,
geocoding and the near-duplicate signature of each article (`process_work`) -- goes to an
executor. Executors take *chunks* of articles and give results back in the order they were
submitted, with a bounded number of chunks in flight, so memory stays flat whatever the corpus
size and the database ends up exactly as a single-process run leaves it.

- `InlineExecutor`: this process (small inputs, tests, the API).
- `ProcessExecutor`: `--workers N` local processes, forked from a fork server that loaded spaCy
  once; each opens the gazetteer index itself (the Geocoder pickles as where its data is).
- `DaskExecutor`: the workers of a `dask.distributed` cluster (`--executor dask --scheduler
  ADDRESS`), or a LocalCluster started here. Workers need only conflictwatch (with the same
  version and rule files: checked on every chunk) and network access to the scheduler; only the
  client writes to the database.
"""

from __future__ import annotations

import gc
import logging
import os
import select
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from conflictwatch.models import Article, Claim

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

    from conflictwatch.budget import Budget
    from conflictwatch.geo import Geocoder
    from conflictwatch.ingest.neardup import Signature

log = logging.getLogger(__name__)

#: Articles per chunk sent to a worker: large enough that shipping costs nothing next to
#: extraction (~50 ms an article), small enough that results flow back steadily.
CHUNK = 16
#: Inputs with fewer articles to extract than this are extracted in this process: starting
#: worker processes (each loads spaCy) costs more than it saves.
MIN_PARALLEL = 48


class WorkerMismatch(RuntimeError):
    """A worker runs another conflictwatch (code or rule files) than the process writing results."""


@dataclass
class Work:
    """One article to extract, and whether its near-duplicate signature is wanted too."""

    article: Article
    signature: bool = True
    budget: Budget | None = None  # what the article may cost (size, time): over it, an error


@dataclass
class Processed:
    """What a worker returns for one article: its claims, or why extraction failed."""

    claims: list[Claim] = field(default_factory=list)
    signature: Signature | None = None
    error: str | None = None  # "ValueError: ..." as the single-process run reports it
    trace: str | None = None


@dataclass
class ChunkResult:
    version: str  # the worker's extractor_version: must equal the writer's
    items: list[Processed]


def process_work(work: list[Work], geocoder: Geocoder | None) -> ChunkResult:
    """Extract, geocode and sign a chunk of articles (in any process; touches no database)."""
    from conflictwatch.ingest.neardup import Signature
    from conflictwatch.pipeline import extractor_version, process_article

    # an article over its size budget is never parsed: it fails on its size below
    _prime_parser([w.article for w in work if w.budget is None or not w.budget.too_large(w.article.text)])
    out: list[Processed] = []
    for w in work:
        try:
            claims = process_article(w.article, geocoder, w.budget)
            sig = Signature.of(w.article.text) if w.signature else None
            out.append(Processed(claims, sig))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the chunk
            out.append(Processed(error=f"{type(exc).__name__}: {exc}", trace=traceback.format_exc()))
    return ChunkResult(_version(extractor_version), out)


@lru_cache(maxsize=1)
def _version(fn: Callable[[], str]) -> str:
    return fn()


def _prime_parser(articles: list[Article]) -> None:
    """Parse the chunk's candidate sentences in one spaCy batch (fewer, larger batches run ~7%
    faster than one per article); extraction then finds them in the parser's cache. Only speed
    depends on this: a sentence not primed is parsed when the extractor asks for it."""
    try:
        from conflictwatch.extract import nlp
        from conflictwatch.extract.quotes import straight_quotes
        from conflictwatch.extract.sentences import split_sentences
        from conflictwatch.extract.victims import may_have_victims
    except ImportError:  # the extractor was reorganised: nothing to prime
        return
    texts = [straight_quotes(s.text) for a in articles for s in split_sentences(a.text)
             if may_have_victims(s.text)]
    if texts and len(texts) < nlp._CACHE_SIZE // 2:
        nlp.parse(texts)


# -- executors ----------------------------------------------------------------------------

T = TypeVar("T")


class Handle(Protocol):
    def result(self) -> ChunkResult: ...


class Done:
    """A result computed on the spot (the inline executor)."""

    def __init__(self, value: ChunkResult) -> None:
        self.value = value

    def result(self) -> ChunkResult:
        return self.value


class Executor:
    """Runs `process_work` on chunks; `window` chunks may be in flight at once."""

    name = "inline"
    workers = 1
    window = 0

    def submit(self, work: list[Work]) -> Handle:
        raise NotImplementedError

    def close(self, cancel: bool = False) -> None:
        """Stop the workers; with `cancel`, drop chunks not started (an interrupted run)."""

    def check(self, result: ChunkResult, version: str) -> None:
        if result.version != version:
            raise WorkerMismatch(
                f"a {self.name} worker runs extractor version {result.version}, this process "
                f"{version}: install the same conflictwatch and rule files (CONFLICTWATCH_DATA, "
                "CONFLICTWATCH_PLACES) on every worker"
            )


def warm(geocoder: Geocoder | None) -> None:
    """Load what extraction loads on first use (the language model; the gazetteer index, built
    on first use) before the first article: it is not that article's time budget."""
    from conflictwatch.extract.nlp import pipeline as language_model

    language_model()
    if geocoder is not None:
        geocoder.bundled.find("Aleppo", 0)


class InlineExecutor(Executor):
    """This process. The geocoder is made on the first chunk: a run with nothing new never opens
    the gazetteer."""

    def __init__(self, geocoder: Callable[[], Geocoder | None]) -> None:
        self.geocoder = geocoder
        self._warm = False

    def submit(self, work: list[Work]) -> Handle:
        geocoder = self.geocoder()
        if not self._warm:
            warm(geocoder)
            self._warm = True
        return Done(process_work(work, geocoder))

    def check(self, result: ChunkResult, version: str) -> None:
        """Same process, same code."""


_WORKER_GEOCODER: Geocoder | None = None


def preload() -> None:
    """Load, in this process (the fork server the workers are forked from: `conflictwatch.preload`),
    what every worker loaded for itself before its first article: the extractor's modules, spaCy
    and its model, dateparser's tables (~3 s of CPU per worker, as much as 80 articles'
    extraction). Nothing that depends on the rule files or the environment is loaded here: a fork
    server lives as long as the process that started it, and each pool's workers must use that
    process's rules as they are when the pool starts (they load them on their first chunk)."""
    try:
        from datetime import datetime

        import dateparser

        from conflictwatch import pipeline  # noqa: F401 - imported for the workers
        from conflictwatch.extract.nlp import pipeline as language_model
        from conflictwatch.ingest.neardup import _minhash_class

        language_model()
        _minhash_class()
        # its time-zone and English tables are built on the first call
        dateparser.parse("3 March", languages=["en"], settings={"RELATIVE_BASE": datetime(2020, 3, 9)})
    except Exception:  # noqa: BLE001 - each worker meets the problem on its first chunk and reports it
        log.debug("preloading the extractor failed", exc_info=True)
    # What was loaded lives as long as the workers: kept out of the collector's generations, the
    # full collections a worker runs every few hundred articles no longer walk it all (they
    # were ~1% of a worker's CPU), and the pages stay shared (a collection writes to every object).
    gc.freeze()


_WORKER_GC_THRESHOLD = 10_000


def _init_worker(geocoder: Geocoder | None, writer: int, environ: dict[str, str]) -> None:
    """Each worker process: take the writing process's environment (a worker forked from a fork
    server has the server's, as it was when the server started) and its geocoder; leave Ctrl-C
    to the writing process, which stops the workers itself (a worker interrupted mid-chunk would
    only print a traceback); and exit when that process is gone (killed with SIGKILL, it cannot
    stop its workers)."""
    global _WORKER_GEOCODER
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if os.environ != environ:
        os.environ.clear()
        os.environ.update(environ)
    _WORKER_GEOCODER = geocoder
    # An article allocates tens of thousands of objects (tokens, matches, claims), nearly all freed
    # at once: a young-generation collection every 700 of them, and the older generations'
    # collections they lead to, were ~0.8% of a worker's CPU (0.24 -> 0.05 ms an article).
    gc.set_threshold(_WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    threading.Thread(target=_exit_with, args=(writer,), daemon=True, name="writer-watch").start()


def _exit_with(writer: int, every: float = 1.0) -> None:
    """Exit when process `writer` has ended. It is not the parent of a worker forked by the fork
    server, so its end is watched on a pidfd (Linux); elsewhere by polling: a worker the writer
    started itself (spawn) is orphaned, its parent id changes; else the writer's pid is probed."""
    try:
        fd = os.pidfd_open(writer)
    except ProcessLookupError:
        os._exit(1)
    except (AttributeError, OSError):  # not Linux, or an old kernel
        if os.getppid() == writer:
            while os.getppid() == writer:
                time.sleep(every)
        elif os.name == "posix":
            while _alive(writer):
                time.sleep(every)
        else:
            return  # cannot tell: the writer stops its workers itself when it can
    else:
        select.select([fd], [], [])  # readable once the process has ended
    os._exit(1)


def _alive(pid: int) -> bool:
    """Does process `pid` exist (POSIX: signal 0 only checks)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _work_in_pool(work: list[Work]) -> ChunkResult:
    return process_work(work, _WORKER_GEOCODER)


def _context() -> BaseContext:
    """Workers forked from a fork server that loaded the language model once (`preload`), where
    there is one (not on Windows: there they are started fresh). Not forked from this process:
    it may hold threads and database connections."""
    import multiprocessing

    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    ctx = multiprocessing.get_context("forkserver")
    # __main__ is preloaded by default (the running script's imports, once for all workers)
    ctx.set_forkserver_preload(["__main__", "conflictwatch.preload"])
    return ctx


class ProcessExecutor(Executor):
    """`workers` local processes."""

    name = "process"

    def __init__(self, geocoder: Geocoder | None, workers: int) -> None:
        self.workers = workers
        self.window = 2 * workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=_context(),
            initializer=_init_worker,
            initargs=(geocoder, os.getpid(), dict(os.environ)),
        )

    def submit(self, work: list[Work]) -> Handle:
        return _PoolHandle(self.pool.submit(_work_in_pool, work))

    def close(self, cancel: bool = False) -> None:
        self.pool.shutdown(wait=True, cancel_futures=cancel)


class _PoolHandle:
    def __init__(self, fut: Future[ChunkResult]) -> None:
        self.fut = fut

    def result(self) -> ChunkResult:
        try:
            return self.fut.result()
        except BrokenProcessPool as exc:
            raise RuntimeError(
                "a worker process died (out of memory?): what was stored so far is whole; "
                "run again to continue"
            ) from exc


class DaskExecutor(Executor):
    """Chunks as tasks on a Dask cluster: `scheduler` is its address (tcp://host:8786) or a
    scheduler file; without one, a LocalCluster of `workers` processes is started here."""

    name = "dask"

    def __init__(self, geocoder: Geocoder | None, scheduler: str | None = None, workers: int = 2) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:  # pragma: no cover - the extra is part of the test install
            raise RuntimeError(
                "the Dask executor needs dask.distributed: pip install 'conflictwatch[dask]'"
            ) from exc
        self.cluster: Any = None
        if scheduler is None:
            self.cluster = LocalCluster(
                n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
            )
            self.client = Client(self.cluster)
        elif os.path.isfile(scheduler):
            self.client = Client(scheduler_file=scheduler)
        else:
            self.client = Client(scheduler)
        self.workers = max(1, sum(self.client.nthreads().values()))
        self.window = 2 * self.workers
        self.geocoder = self.client.scatter(geocoder, broadcast=True) if geocoder is not None else None
        self._pending: list[Any] = []

    def submit(self, work: list[Work]) -> Handle:
        fut = self.client.submit(process_work, work, self.geocoder, pure=False)
        self._pending.append(fut)
        if len(self._pending) > 4 * self.window:
            self._pending = [f for f in self._pending if not f.done()]
        return fut  # type: ignore[no-any-return]

    def close(self, cancel: bool = False) -> None:
        if cancel and self._pending:
            self.client.cancel(self._pending)
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


@dataclass
class ExecutorSpec:
    """How a run extracts: `run --workers N [--executor dask [--scheduler ADDRESS]]`.

    `local` with one worker extracts in this process; more start worker processes. `dask` uses
    the cluster at `scheduler`, or a LocalCluster of `workers` processes without one. Inputs
    with fewer than `min_parallel` articles to extract are done in this process either way
    (unless `min_parallel` is 0). Worker processes are started fresh and import the main
    module: a script that runs the pipeline with workers needs `if __name__ == "__main__":`."""

    workers: int = 1
    executor: str = "local"
    scheduler: str | None = None
    min_parallel: int = MIN_PARALLEL
    chunk: int = CHUNK
    #: A worker forked as the run started (`early.EarlyWorker`): small inputs are extracted there
    #: instead of in this process, and it is ended when a pool is started instead.
    early: Any = None

    def __post_init__(self) -> None:
        if self.executor not in ("local", "dask"):
            raise ValueError(f"unknown executor {self.executor!r}: 'local' or 'dask'")
        if self.workers < 1:
            raise ValueError(f"workers must be at least 1, not {self.workers}")

    @property
    def parallel(self) -> bool:
        return self.executor == "dask" or self.workers > 1

    def start(self, geocoder: Geocoder | None) -> Executor:
        if self.executor == "dask":
            return DaskExecutor(geocoder, self.scheduler, self.workers)
        return ProcessExecutor(geocoder, self.workers)


def default_workers() -> int:
    """The cores this process may run on (respects taskset and CPU affinity)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


# -- the ordered stream -------------------------------------------------------------------


@dataclass
class Slot(Generic[T]):
    """One input item in the stream; `work` is set when it goes to an executor."""

    item: T
    work: Work | None = None


def ordered(
    slots: Iterable[Slot[T]],
    spec: ExecutorSpec,
    geocoder: Callable[[], Geocoder | None],
    version: str,
) -> Iterator[tuple[Slot[T], Processed | None]]:
    """Each slot with its result, in input order; slots without work pass through in place.

    Workers are started only once `spec.min_parallel` articles need extracting (a small input is
    done in this process); at most `window` chunks are in flight, so the input is read only as
    far ahead as the workers are. On an exception (Ctrl-C included) chunks not started are
    dropped and the workers stopped before the exception goes on."""
    stream = _chunks(iter(slots), spec.chunk)
    buffered: list[list[Slot[T]]] = []
    if spec.parallel:
        todo = 0
        for group in stream:
            buffered.append(group)
            todo += sum(s.work is not None for s in group)
            if todo >= spec.min_parallel:
                break
        parallel = todo >= max(spec.min_parallel, 1)
    else:
        parallel = False
    early = spec.early if spec.early is not None and spec.early.alive else None
    if parallel:
        if early is not None:
            early.shutdown()
        executor: Executor = spec.start(geocoder())
        log.info("extracting with %d %s workers", executor.workers, executor.name)
    else:
        executor = early.using(geocoder) if early is not None else InlineExecutor(geocoder)
    pending: deque[tuple[list[Slot[T]], Handle | None]] = deque()
    ok = False
    try:
        for group in _chain(buffered, stream):
            work = [s.work for s in group if s.work is not None]
            pending.append((group, executor.submit(work) if work else None))
            while len(pending) > executor.window:
                yield from _finish(executor, version, *pending.popleft())
        while pending:
            yield from _finish(executor, version, *pending.popleft())
        ok = True
    finally:
        executor.close(cancel=not ok)


def _finish(executor: Executor, version: str, group: list[Slot[T]],
            handle: Handle | None) -> Iterator[tuple[Slot[T], Processed | None]]:
    results: Iterator[Processed] = iter(())
    if handle is not None:
        res = handle.result()
        executor.check(res, version)
        results = iter(res.items)
    for s in group:
        yield s, (next(results) if s.work is not None else None)


def _chunks(slots: Iterator[Slot[T]], size: int) -> Iterator[list[Slot[T]]]:
    """Groups of slots holding `size` pieces of work (slots without work ride along)."""
    group: list[Slot[T]] = []
    n = 0
    for s in slots:
        group.append(s)
        if s.work is not None:
            n += 1
            if n >= size:
                yield group
                group, n = [], 0
    if group:
        yield group


def _chain(first: list[list[Slot[T]]], rest: Iterator[list[Slot[T]]]) -> Iterator[list[Slot[T]]]:
    yield from first
    yield from rest


__all__ = [
    "CHUNK",
    "MIN_PARALLEL",
    "DaskExecutor",
    "Executor",
    "ExecutorSpec",
    "InlineExecutor",
    "Processed",
    "ProcessExecutor",
    "Slot",
    "Work",
    "WorkerMismatch",
    "default_workers",
    "ordered",
    "process_work",
]
