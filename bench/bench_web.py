"""API latency and dashboard load time on N synthetic events (default 10,000).

    python bench/bench_web.py [N]

Builds a temporary SQLite database with N events (two claims each, spread over a year and the
Middle East), serves it with uvicorn on 127.0.0.1, times the main API calls (median of 15), then
loads the dashboard in headless Chromium (Debian's, via Playwright) and reports the time until the
map, timeline and table are drawn, the time a type filter takes, and the longest main-thread task
(what a user would feel as a freeze). Chromium is optional: without it only the API is timed.
"""

from __future__ import annotations

import random
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert

from conflictwatch.api import ApiConfig, create_app
from conflictwatch.models import Article, Event
from conflictwatch.reconcile.storage import save_events
from conflictwatch.store import open_store
from conflictwatch.store import schema as s

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Strategic developments", "Looting/property destruction")]


def build(path: Path, n: int) -> None:
    rnd = random.Random(7)
    store = open_store(str(path))
    art = Article(text="synthetic", title="synthetic", article_id="bench", published=date(2016, 1, 1))
    store.add_article(art)
    events, claims = [], []
    for i in range(n):
        et, st = rnd.choice(TYPES)
        day = date(2016, 1, 1) + timedelta(days=rnd.randrange(366))
        dead = int(rnd.expovariate(1 / 6))
        eid = f"ev{i:012x}"
        cids = [f"c{i:07x}a", f"c{i:07x}b"]
        for k, cid in enumerate(cids):
            claims.append({"claim_id": cid, "article_id": "bench", "scope": "incident", "quote": f"q {i} {k}",
                           "event_type": et, "sub_event_type": st, "date_start": day, "killed_low": dead + k,
                           "killed_high": dead + k, "place_context": "[]",
                           "claimed_by": rnd.choice(["Monitor A", "Agency B", "Ministry C"])})
        events.append(Event(
            event_id=eid, claim_ids=cids, article_ids=["bench"], event_date=day, time_precision=1,
            event_type=et, sub_event_type=st, actor1="Actor X", actor2="Civilians", country="Syria",
            admin1=rnd.choice(["Aleppo", "Idlib", "Hama", "Homs"]), location=f"Place {i % 900}",
            latitude=round(rnd.uniform(32, 37.5), 4), longitude=round(rnd.uniform(35.5, 42), 4),
            geo_precision=1,
            sources=["Monitor A", "Agency B"], notes="synthetic", fatalities=dead, fatalities_low=dead,
            fatalities_high=dead + 1, injured=None, children_killed=None, disputed=True))
    with store.engine.begin() as conn:
        conn.execute(insert(s.claims), claims)
    save_events(store, events)
    store.engine.dispose()


def serve(db: Path) -> tuple[str, object]:
    import uvicorn

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(ApiConfig(db=str(db))), host="127.0.0.1", port=port,
                                        log_level="warning"))
    threading.Thread(target=srv.run, daemon=True).start()
    while not srv.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", srv


def time_api(base: str) -> None:
    calls = {
        "events page (50, sorted by -fatalities)": "/api/events?sort=-fatalities&limit=50",
        "events page, type + text filter": "/api/events?type=Battles&q=Place%201&limit=50",
        "event points (map, all)": "/api/events/points",
        "counts per day": "/api/counts",
        "summary (totals + sources)": "/api/summary",
        "events CSV download (all)": "/api/download/events?format=csv",
    }
    with httpx.Client(base_url=base, timeout=120) as c:
        for name, url in calls.items():
            times = []
            for _ in range(15 if "download" not in name else 3):
                t = time.perf_counter()
                r = c.get(url)
                times.append(time.perf_counter() - t)
                assert r.status_code == 200, r.text
            ms, kb = 1000 * statistics.median(times), len(r.content) / 1024
            print(f"  {name:42s} median {ms:7.1f} ms  ({kb:.0f} kB)")


def time_page(base: str) -> None:
    chromium = shutil.which("chromium")
    if not chromium:
        print("  (no chromium: dashboard not timed)")
        return
    from playwright.sync_api import sync_playwright

    args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update"]
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=args)
        pg = b.new_page(viewport={"width": 1280, "height": 900})
        pg.add_init_script("""window.__long = 0;
            new PerformanceObserver((l) => { for (const e of l.getEntries())
              window.__long = Math.max(window.__long, e.duration); })
            .observe({type: 'longtask', buffered: true});""")
        t = time.perf_counter()
        pg.goto(base + "/")
        pg.wait_for_selector("#view[data-ready='1']", timeout=120_000)
        load = time.perf_counter() - t
        markers = pg.get_attribute("#map", "data-markers")
        t = time.perf_counter()
        pg.select_option("select[name=type]", "Battles")
        pg.click("#filters button[type=submit]")
        pg.wait_for_function("location.hash.includes('type=Battles')")
        pg.wait_for_selector("#view[data-ready='1']", timeout=120_000)
        filt = time.perf_counter() - t
        t = time.perf_counter()
        pg.mouse.move(300, 400)
        pg.mouse.down()
        pg.mouse.move(420, 460, steps=10)
        pg.mouse.up()
        pan = time.perf_counter() - t
        longest = pg.evaluate("window.__long")
        print(f"  dashboard load to map+timeline+table drawn: {load:.2f} s ({markers} markers)")
        print(f"  type filter applied (map, timeline, table): {filt:.2f} s")
        print(f"  map drag (10 steps): {pan:.2f} s; longest main-thread task: {longest:.0f} ms")
        Path("artifacts/screenshots").mkdir(parents=True, exist_ok=True)
        pg.screenshot(path="artifacts/screenshots/bench-10k.png")
        b.close()


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    tmp = Path(tempfile.mkdtemp(prefix="cw-bench-"))
    try:
        t = time.perf_counter()
        build(tmp / "bench.db", n)
        print(f"{n} events, {2 * n} claims built in {time.perf_counter() - t:.1f} s")
        base, srv = serve(tmp / "bench.db")
        time_api(base)
        time_page(base)
        srv.should_exit = True  # type: ignore[attr-defined]
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
