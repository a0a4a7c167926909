"""Start-up: wall and CPU time of whole `conflictwatch` commands, as a user types them.

Each command runs in a new process (median of --repeat runs): `--help`, `run` of one ~370-word
article into a new database, the same `run` again (nothing new), and commands that do not
geocode (`claims`, `events`, `export events`). The gazetteer index is built first if missing
(its build time is printed); --cold also times a first `run` that has to build it.
CPU time (user + system) is less sensitive than wall time to other work on the machine.
Usage: python bench/bench_startup.py [--repeat 5] [--cold]
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from conflictwatch.geo.gazetteer import bundled_source
from conflictwatch.geo.index import ENV_CACHE, ensure_index

REPO = Path(__file__).resolve().parents[1]


def cli() -> list[str]:
    script = Path(sys.executable).with_name("conflictwatch")
    if script.exists():
        return [str(script)]
    found = shutil.which("conflictwatch")
    return [found] if found else [sys.executable, "-c", "from conflictwatch.cli import main; main()"]


def one_article(folder: Path) -> Path:
    """The first own-written gold article (wire style), as a one-article text file."""
    gold = sorted((REPO / "gold").glob("wire-style-*.yaml"))[0]
    a = yaml.safe_load(gold.read_text("utf-8"))["articles"][0]
    path = folder / "one.txt"
    path.write_text(f"{a['title']}\n\n{a['text']}\n", encoding="utf-8")
    return path


def timed(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) for one command; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    done = subprocess.run([*cli(), *args], capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cold", action="store_true", help="also time a first run that builds the index")
    args = ap.parse_args()
    info = ensure_index(bundled_source())
    print(f"gazetteer index: {info.path} ({info.path.stat().st_size / 1e6:.0f} MB)"
          + (f", built now in {info.seconds:.1f} s" if info.built else ", already built"))
    rows: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        art = str(one_article(folder))
        for i in range(args.repeat):
            db = str(folder / f"run{i}.db")
            cmds = {
                "--help": ["--help"],
                "run, one new article": ["run", art, "--db", db, "-q"],
                "run, nothing new": ["run", art, "--db", db, "-q"],
                "claims": ["claims", "--db", db],
                "events": ["events", "--db", db],
                "export events (csv)": ["export", "events", "--db", db, "-o", str(folder / "e.csv")],
            }
            for label, cmd in cmds.items():
                rows.setdefault(label, []).append(timed(cmd))
        if args.cold:
            env = {**os.environ, ENV_CACHE: str(folder / "cold-cache")}
            rows["run, one article, index not built yet"] = [
                timed(["run", art, "--db", str(folder / "cold.db"), "-q"], env)]
    print(f"\n| command | wall (median of {args.repeat}) | CPU |\n| --- | ---: | ---: |")
    for label, times in rows.items():
        wall = statistics.median(t[0] for t in times)
        cpu = statistics.median(t[1] for t in times)
        print(f"| `{label}` | {wall:.2f} s | {cpu:.2f} s |")


if __name__ == "__main__":
    main()
