"""Load test on loopback: 50 readers and 1 writer for 60 s against a database of 100,000 events.

1. A database of synthetic reports is made once through the Store (`--events N`, default
   100,000): 25,000 articles of 4 incident claims each, one event per claim (countries, provinces,
   types, actors, sources and tolls drawn from realistic lists; dates over three years). It is
   kept (`--db`, default /tmp/cw-load-100000.db) and reused by later runs.
2. `conflictwatch serve` is started on it (one process, as users run it) on 127.0.0.1.
3. For `--seconds` (60): `--readers` (50) readers, each like a dashboard user: ask for a page of
   the event list — the default view, a later page, another sort, a country, a type, a date range
   or a text search — then read it for 0.5-1.5 s (`--think`; 0 = ask again at once: a saturation
   test); and one writer posting one new article at a time (`POST /api/articles`, without
   rebuilding the events: `"reconcile": false`), as fast as the server takes them. One write is
   made before the clock starts (a server in service has loaded its models on its first write).
4. Prints, per kind of request: count, errors, median, p95, p99 and max latency.

Usage: python bench/bench_load.py [--events 100000] [--seconds 60] [--readers 50] [--think 0.5-1.5]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import httpx

from conflictwatch.ingest.neardup import SCHEME, Signature
from conflictwatch.models import Article, Claim, Event, Range
from conflictwatch.pipeline import extractor_version
from conflictwatch.store import open_store

COUNTRIES = {
    "Syria": [("Aleppo", 36.2, 37.15), ("Idlib", 35.93, 36.63), ("Homs", 34.73, 36.71),
              ("Deir ez-Zor", 35.33, 40.14)],
    "Iraq": [("Ninawa", 36.34, 43.13), ("Anbar", 33.42, 43.3), ("Baghdad", 33.31, 44.36)],
    "Yemen": [("Taizz", 13.58, 44.02), ("Sanaa", 15.35, 44.2), ("Hodeidah", 14.8, 42.95)],
    "Afghanistan": [("Kabul", 34.53, 69.17), ("Helmand", 31.58, 64.37), ("Kunduz", 36.73, 68.86)],
    "Nigeria": [("Borno", 11.85, 13.16), ("Zamfara", 12.17, 6.25), ("Kaduna", 10.52, 7.44)],
    "Somalia": [("Banadir", 2.04, 45.34), ("Lower Shabelle", 1.87, 44.83)],
    "Ukraine": [("Donetsk", 48.0, 37.8), ("Luhansk", 48.57, 39.31)],
}
TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Explosions/Remote violence", "Remote explosive/landmine/IED"),
         ("Violence against civilians", "Attack"), ("Strategic developments", "Looting/property destruction")]
ACTORS = ["Military Forces of Syria", "Islamic State", "Hayat Tahrir al-Sham", "Taliban", "Boko Haram",
          "Al Shabaab", "Military Forces of Russia", "Civilians", "Unidentified Armed Group", "Houthis"]
SOURCES = ["Syrian Observatory for Human Rights", "Reuters", "AFP", "local officials", "the health ministry",
           "Syrian Civil Defence", "UNAMA", "the army", "police", "residents"]
WORDS = ("strike shelling clash attack village town market checkpoint convoy road bridge school hospital "
         "mosque farm camp district outskirts night morning fighters gunmen soldiers militants drone").split()


def build(db: Path, n_events: int, seed: int = 12) -> None:
    """n_events events, 4 claims per article, through Store.save_article and Store.save_events."""
    rng = random.Random(seed)
    store = open_store(str(db))
    version = extractor_version()  # as if extracted by this version: a POST must not re-extract them
    start, events = date(2016, 1, 1), []
    t = time.perf_counter()
    for a in range(n_events // 4):
        country = rng.choice(list(COUNTRIES))
        published = start + timedelta(days=rng.randrange(1100))
        body = " ".join(rng.choice(WORDS) for _ in range(60)) + f" report {a}."
        art = Article(text=body, title=f"Report {a} from {country}", published=published,
                      article_id=f"load-{a:06d}", source=rng.choice(["Reuters", "AFP", "AP"]))
        claims = []
        for k in range(4):
            admin1, lat, lon = rng.choice(COUNTRIES[country])
            et, st = rng.choice(TYPES)
            killed = rng.choice([None, rng.randint(1, 5), rng.randint(1, 40), rng.randint(1, 300)])
            day = published - timedelta(days=rng.randrange(3))
            claims.append(Claim(
                article_id=art.article_id or "", quote=f"Sentence {k} of report {a}: {body[:120]}",
                event_type=et, sub_event_type=st, date_start=day, date_end=day, time_precision=1,
                location=f"{rng.choice(WORDS).title()} {a % 997}", admin1=admin1, country=country,
                latitude=lat + rng.uniform(-0.5, 0.5), longitude=lon + rng.uniform(-0.5, 0.5),
                geo_precision=rng.choice([1, 2, 3]), actor1=rng.choice(ACTORS), actor2=rng.choice(ACTORS),
                killed=Range(killed, killed) if killed else None, claimed_by=rng.choice(SOURCES),
                sentence_index=k, quote_start=k * 10, quote_end=k * 10 + 9))
        sig = Signature.of(art.text)  # and its near-duplicate index bands, as a run stores them
        stored = store.save_article(art, claims, extractor_version=version, minhash=sig.blob,
                                    minhash_scheme=SCHEME, bands=sig.bands)
        for c in stored:
            k = c.killed.low if c.killed else None
            events.append(Event(
                event_id=f"ev{len(events):012x}", claim_ids=[c.claim_id], article_ids=[art.article_id or ""],
                event_date=c.date_start, time_precision=1, event_type=c.event_type,
                sub_event_type=c.sub_event_type, actor1=c.actor1, actor2=c.actor2, country=c.country,
                admin1=c.admin1, location=c.location, latitude=c.latitude, longitude=c.longitude,
                geo_precision=c.geo_precision, sources=[c.claimed_by or ""],
                notes=f"{c.claimed_by}: {k} killed",
                fatalities=k, fatalities_low=k, fatalities_high=k, injured=None, children_killed=None,
                disputed=False))
        if a % 2500 == 0:
            print(f"  {a:,} articles ({time.perf_counter() - t:.0f} s)", flush=True)
    store.save_events(events)
    store.engine.dispose()
    took = time.perf_counter() - t
    print(f"built {db}: {n_events // 4:,} articles, {len(events):,} events in {took:.0f} s")


READS = [
    ("list: default", {}),
    ("list: page 2-2000", None),  # a random later page
    ("list: deadliest", {"sort": "-fatalities"}),
    ("list: country", None),
    ("list: type", None),
    ("list: date range", None),
    ("list: text search", None),
]


def read_params(kind: str, rng: random.Random) -> dict[str, str | int]:
    if kind == "list: page 2-2000":
        return {"offset": 50 * rng.randint(1, 1999)}
    if kind == "list: country":
        return {"country": rng.choice(list(COUNTRIES))}
    if kind == "list: type":
        return {"type": rng.choice(TYPES)[rng.randint(0, 1)]}
    if kind == "list: date range":
        d = date(2016, 1, 1) + timedelta(days=rng.randrange(1000))
        return {"since": d.isoformat(), "until": (d + timedelta(days=30)).isoformat()}
    if kind == "list: text search":
        return {"q": rng.choice(WORDS)}
    return dict(next(p for k, p in READS if k == kind) or {})


async def reader(base: str, until: float, think: tuple[float, float], seed: int,
                 out: dict[str, list[float]], errors: dict[str, list[str]]) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:
        await asyncio.sleep(rng.uniform(0, think[1]))  # users do not all arrive at once
        while time.monotonic() < until:
            kind = rng.choices([k for k, _ in READS], weights=[4, 2, 1, 1, 1, 1, 1])[0]
            t = time.perf_counter()
            try:
                r = await client.get("/api/events", params=read_params(kind, rng))
                ok = r.status_code == 200 and "items" in r.json()
                why = f"HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                ok, why = False, type(exc).__name__
            dt = time.perf_counter() - t
            out[kind].append(dt)
            out["list: all"].append(dt)
            if not ok:
                errors[kind].append(why)
            if think[1] > 0:
                await asyncio.sleep(rng.uniform(*think))


async def writer(base: str, until: float, token: str, out: dict[str, list[float]],
                 errors: dict[str, list[str]]) -> None:
    rng = random.Random(99)
    n = 0
    async with httpx.AsyncClient(base_url=base, timeout=120,
                                 headers={"Authorization": f"Bearer {token}"}) as client:
        while time.monotonic() < until:
            n += 1
            country = rng.choice(list(COUNTRIES))
            admin1 = rng.choice(COUNTRIES[country])[0]
            text = (f"An air strike killed {rng.randint(2, 60)} people in a market in {admin1} province on "
                    f"Monday, {rng.choice(SOURCES)} said. Witnesses said {rng.randint(2, 30)} more were "
                    f"wounded. Load test report {n} {time.time_ns()}.")
            body = {"articles": [{"text": text, "title": f"Strike in {admin1}", "published": "2018-06-12",
                                  "id": f"w{time.time_ns()}"}], "reconcile": False}
            t = time.perf_counter()
            try:
                r = await client.post("/api/articles", json=body)
                ok = r.status_code == 200 and r.json()["articles_new"] == 1
                why = f"HTTP {r.status_code}: {r.text[:100]}"
            except httpx.HTTPError as exc:
                ok, why = False, type(exc).__name__
            out["write: POST /api/articles"].append(time.perf_counter() - t)
            if not ok:
                errors["write: POST /api/articles"].append(why)


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(p / 100 * len(xs)))] * 1000


def process_cpu(pid: int) -> float:
    """CPU seconds (user + system) used by a process and its children (serve --workers), from /proc."""
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, rest = stat.read_text().rsplit(")", 1)
        except (OSError, ValueError):
            continue
        fields = rest.split()
        if stat.parent.name == str(pid) or fields[1] == str(pid):
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--readers", type=int, default=50)
    ap.add_argument("--think", default="0.5-1.5", help="reader pause range in seconds, e.g. 0.5-1.5 or 0")
    ap.add_argument("--no-writer", action="store_true")
    ap.add_argument("--workers", type=int, default=1, help="server processes (serve --workers)")
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    db = args.db or Path(f"/tmp/cw-load-{args.events}.db")
    if not db.exists():
        build(db, args.events)
    with sqlite3.connect(db) as conn:  # built by an earlier version of the code: same claims
        conn.execute("UPDATE articles SET extractor_version = ?", (extractor_version(),))
    lo, _, hi = args.think.partition("-")
    think = (float(lo), float(hi or lo))
    port, token = free_port(), "load-test-token"
    exe = Path(sys.executable).parent / "conflictwatch"
    server = subprocess.Popen([str(exe), "serve", "--db", str(db), "--port", str(port),
                               "--workers", str(args.workers)],
                              env={**os.environ, "CONFLICTWATCH_API_TOKEN": token},
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/api/summary", timeout=30).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)
        else:
            raise SystemExit("server did not start")
        httpx.get(f"{base}/api/events", timeout=30)  # warm the page cache
        # a server in service has loaded its language model, gazetteer and near-duplicate index on
        # its first write: do that first write before the clock starts
        text = "An air strike killed 3 people in a market in Idlib province on Monday, the army said."
        warm = {"articles": [{"text": text, "id": f"warm{time.time_ns()}"}], "reconcile": False}
        r = httpx.post(f"{base}/api/articles", json=warm, timeout=600,
                       headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 200, r.text
        out: dict[str, list[float]] = defaultdict(list)
        errors: dict[str, list[str]] = defaultdict(list)
        until = time.monotonic() + args.seconds
        cpu0, server0 = time.process_time(), process_cpu(server.pid)

        async def go() -> None:
            tasks = [reader(base, until, think, i, out, errors) for i in range(args.readers)]
            if not args.no_writer:
                tasks.append(writer(base, until, token, out, errors))
            await asyncio.gather(*tasks)

        asyncio.run(go())
        client_cpu = time.process_time() - cpu0
        server_cpu = process_cpu(server.pid) - server0
    finally:
        server.send_signal(signal.SIGINT)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            server.kill()
    n_reads = len(out.get("list: all", []))
    print(f"{args.readers} readers (pause {args.think} s), {'no' if args.no_writer else '1'} writer, "
          f"{args.seconds:.0f} s, {args.events:,} events; load client CPU {client_cpu:.0f} s; server CPU "
          f"{server_cpu:.0f} s ({server_cpu / max(n_reads, 1) * 1000:.0f} ms per read, writes included); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    print(f"{'request':<28} {'count':>6} {'errors':>6} {'median ms':>9} {'p95 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8}")
    for kind in ["list: all", *[k for k, _ in READS], "write: POST /api/articles"]:
        xs = out.get(kind, [])
        if not xs:
            continue
        print(f"{kind:<28} {len(xs):>6} {len(errors.get(kind, [])):>6} {statistics.median(xs) * 1000:>9.0f} "
              f"{pct(xs, 95):>8.0f} {pct(xs, 99):>8.0f} {max(xs) * 1000:>8.0f}")
    for kind, errs in errors.items():
        print(f"errors in {kind}: {errs[:3]}")
    if errors:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
