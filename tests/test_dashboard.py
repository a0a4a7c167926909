"""The dashboard in a real headless Chromium (Debian's), driven by Playwright, against the API
served by uvicorn on the demo database. Screenshots go to artifacts/screenshots/ (gitignored).

Skipped, with the reason, when Chromium or Playwright is missing; `.ci/run` installs both."""

from __future__ import annotations

import base64
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from pgtest import Databases

# CONFLICTWATCH_CHROMIUM names another browser binary (or a missing one, to see the skip)
CHROMIUM = os.environ.get("CONFLICTWATCH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update"]
SHOTS = Path(__file__).resolve().parents[1] / "artifacts" / "screenshots"
TOKEN = "browser-test-token"

try:
    from playwright.sync_api import Browser, Page, sync_playwright
except ImportError:  # pragma: no cover - the test extras install it
    sync_playwright = None  # type: ignore[assignment]

pytestmark = [
    pytest.mark.skipif(sync_playwright is None, reason="playwright is not installed (pip install -e '.[test]')"),
    pytest.mark.skipif(not Path(CHROMIUM).exists(),
                       reason="Chromium not found: apt-get install -y chromium (.ci/run does)"),
]

# An article whose headline and body carry markup and script: it must show as text and run nothing.
EVIL = {
    "id": "xss-test",
    "title": 'Air strike kills five in Saraqeb <img src=x onerror="window.__pwned=2">',
    "published": "2016-10-19",
    "source": "Reuters",
    "url": "javascript:window.__pwned=3",
    "text": ("BEIRUT (Reuters) - An air strike killed five people in the town of Saraqeb in Idlib province "
             "on Tuesday, the Syrian Observatory for Human Rights said. <script>window.__pwned = 1</script> "
             "Residents said the raid hit a market <b onmouseover=\"window.__pwned=4\">near the mosque</b>."),
}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(demo_db_master: str, databases: Databases, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from conflictwatch.api import ApiConfig, create_app

    db = databases.copy(demo_db_master, tmp_path_factory.mktemp("web"), "web")
    port = _free_port()
    app = create_app(ApiConfig(db=str(db), token=TOKEN))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    r = httpx.post(f"{base}/api/articles", json={"articles": [EVIL]}, timeout=120,
                   headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200 and r.json()["articles_new"] == 1, r.text
    yield base
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    # bypass_csp: the page's Content-Security-Policy would block script even if the dashboard
    # inserted article text as markup; without it, these tests show the escaping alone keeps
    # `<script>` inert (and Playwright's polling, which evaluates strings, can run)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("dialog", lambda d: (errors.append(f"dialog: {d.message}"), d.dismiss()))
    yield pg
    ctx.close()
    assert not errors, errors


def api(base: str, path: str, **params: Any) -> Any:
    return httpx.get(f"{base}/api/{path}", params=params, timeout=30).json()


def ready(page: Page) -> None:
    page.wait_for_selector("#view[data-ready='1']", timeout=30_000)


def state(page: Page) -> dict[str, str | None]:
    return {
        "markers": page.get_attribute("#map", "data-markers"),
        "timeline": page.get_attribute("#timeline", "data-total"),
        "timeline_types": page.get_attribute("#timeline", "data-types"),
        "table": page.get_attribute("#events-table", "data-total"),
        "summary": page.inner_text("#summary"),
    }


def painted(page: Page) -> dict[str, int]:
    """Pixels of the type colours in a screenshot of the map, once the outlines are drawn too."""
    page.wait_for_selector("#map[data-base]")
    page.wait_for_timeout(300)
    png = page.locator("#map").screenshot()
    return page.evaluate("""async (b64) => {
        const img = new Image();
        img.src = 'data:image/png;base64,' + b64;
        await img.decode();
        const c = document.createElement('canvas');
        c.width = img.width; c.height = img.height;
        const ctx = c.getContext('2d');
        ctx.drawImage(img, 0, 0);
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        let orange = 0, red = 0;
        for (let i = 0; i < d.length; i += 4) {
          if (d[i] > 230 && d[i+1] > 120 && d[i+1] < 175 && d[i+2] < 90) orange++;
          if (d[i] > 190 && d[i+1] < 90 && d[i+2] < 90) red++;
        }
        return {orange, red};
    }""", base64.b64encode(png).decode())


def test_map_shows_markers_for_the_demo_data(server: str, page: Page) -> None:
    page.goto(server + "/")
    ready(page)
    located = api(server, "events/points")["rows"]
    assert len(located) > 10
    assert page.get_attribute("#map", "data-markers") == str(len(located))
    # the markers are painted, above the outlines: orange air strikes, red battles on screen
    seen = painted(page)
    assert seen["orange"] > 50 and seen["red"] > 10, seen
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == min(50, api(server, "events")["total"])
    page.screenshot(path=str(SHOTS / "dashboard.png"), full_page=True)


def test_type_filter_changes_map_timeline_and_table_together(server: str, page: Page) -> None:
    page.goto(server + "/")
    ready(page)
    before = state(page)
    page.select_option("select[name=type]", "Battles")
    page.click("#filters button[type=submit]")
    page.wait_for_function("location.hash.includes('type=Battles')")
    ready(page)
    page.wait_for_selector("#events-table[data-total]")
    after = state(page)
    battles = api(server, "events", type="Battles", limit=500)["items"]
    assert after["table"] == str(len(battles)) != before["table"]
    assert after["markers"] == str(sum(e["latitude"] is not None for e in battles)) != before["markers"]
    assert after["timeline"] == str(sum(e["fatalities"] or 0 for e in battles if e["event_date"]))
    assert after["timeline"] != before["timeline"] and after["timeline_types"] == "Battles"
    assert f"{len(battles)} events" in after["summary"]
    seen = painted(page)  # only red battle markers are left on the map
    assert seen["red"] > 30 and seen["orange"] == 0, seen
    types = page.locator("#events-table tbody td[data-label=type]").all_inner_texts()
    assert types and all(t.strip() in {e["sub_event_type"] or e["event_type"] for e in battles} for t in types)
    page.screenshot(path=str(SHOTS / "filter-battles.png"), full_page=True)
    # the filters live in the URL: a reload keeps them, Reset clears them everywhere
    page.reload()
    ready(page)
    assert state(page)["table"] == after["table"]
    page.click("#reset")
    page.wait_for_function("!location.hash.includes('type=')")
    ready(page)
    page.wait_for_function(f"document.querySelector('#events-table').dataset.total === '{before['table']}'")
    assert state(page)["markers"] == before["markers"]


def test_only_the_maps_view_narrows_timeline_and_table(server: str, page: Page) -> None:
    page.goto(server + "/")
    ready(page)
    everything = state(page)
    page.check("input[name=inview]")
    page.wait_for_function("location.hash.includes('inview=1')")
    ready(page)
    assert state(page)["table"] == everything["table"]  # the fitted map shows every event
    yemen = [e for e in api(server, "events", country="Yemen")["items"] if e["latitude"] is not None]
    assert len(yemen) == 1
    page.evaluate(f"CW.mapInstance.setView([{yemen[0]['latitude']}, {yemen[0]['longitude']}], 9) && null")
    page.wait_for_function("document.querySelector('#events-table').dataset.total === '1'")
    assert "Sanaa" in page.inner_text("#events-table tbody")
    page.wait_for_function(f"document.querySelector('#timeline').dataset.total === '{yemen[0]['fatalities']}'")
    assert page.get_attribute("#map", "data-markers") == everything["markers"]  # the map keeps them all


def test_table_sorts_by_column(server: str, page: Page) -> None:
    page.goto(server + "/")
    ready(page)
    page.click("#events-table button[data-sort=fatalities]")  # ascending first
    page.wait_for_selector("#events-table th[aria-sort=ascending] button[data-sort=fatalities]")
    page.click("#events-table button[data-sort=fatalities]")
    page.wait_for_selector("#events-table th[aria-sort=descending] button[data-sort=fatalities]")
    cells = page.locator("#events-table tbody td[data-label=killed]").all_inner_texts()
    best = [int(c.split()[0]) for c in cells if c.strip()]
    assert best == sorted(best, reverse=True) and len(set(best)) > 3


def test_event_page_shows_each_claim_and_its_quote_in_the_article(server: str, page: Page) -> None:
    market = [e for e in api(server, "events", type="Air/drone strike", limit=500)["items"]
              if e["event_date"] == "2016-10-11"][0]
    detail = api(server, f"events/{market['event_id']}")
    page.goto(f"{server}/#/event/{market['event_id']}")
    ready(page)
    page.wait_for_selector("article.article")
    assert page.locator("table.claims tbody tr").count() == len(detail["claims"])
    assert page.inner_text("#ev-fatalities") == str(market["fatalities"])
    text = page.inner_text("table.claims")
    for source in market["sources"]:
        assert source in text
    marks = page.locator("article.article mark.hl")
    assert marks.count() >= len(detail["claims"])
    highlighted = " ".join(marks.all_inner_texts())
    for c in detail["claims"]:  # every claim's quote (first words) is highlighted in its article
        assert " ".join(c["quote"].split()[:6]) in " ".join(highlighted.split()), c["quote"]
    chart = page.locator("svg.toll-chart circle")
    assert chart.count() >= 2  # one point per source report
    page.screenshot(path=str(SHOTS / "event.png"), full_page=True)


def test_article_with_script_runs_nothing(server: str, page: Page) -> None:
    page.goto(f"{server}/#/article/xss-test")
    ready(page)
    body = page.inner_text("article.article")
    assert "<script>window.__pwned = 1</script>" in body
    assert '<img src=x onerror="window.__pwned=2">' in body
    assert page.locator("article.article script, article.article img, article.article b").count() == 0
    page.hover("article.article .article-text")
    assert page.evaluate("window.__pwned") is None
    assert page.locator("article.article a[href^=javascript]").count() == 0
    page.screenshot(path=str(SHOTS / "article-script.png"), full_page=True)
    # the same article on its event's page, and in the table
    ev = [e for e in api(server, "events", q="Saraqeb")["items"]]
    assert len(ev) == 1
    page.goto(f"{server}/#/event/{ev[0]['event_id']}")
    ready(page)
    page.wait_for_selector("article.article")
    assert "<script>" in page.inner_text("article.article")
    assert page.evaluate("window.__pwned") is None


def test_aggregate_and_silent_pages(server: str, page: Page) -> None:
    page.goto(f"{server}/#/aggregates")
    ready(page)
    n = api(server, "claims", scope="aggregate")["total"]
    assert page.get_attribute("#aggregates", "data-total") == str(n) and n > 0
    page.screenshot(path=str(SHOTS / "aggregates.png"), full_page=True)
    page.goto(f"{server}/#/silent")
    ready(page)
    assert page.get_attribute("#silent", "data-total") == "1"
    assert "migrants" in page.inner_text("#silent")


def test_phone_layout_fits_the_screen(server: str, browser: Browser) -> None:
    ctx = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True,
                              has_touch=True, bypass_csp=True)
    pg = ctx.new_page()
    pg.goto(server + "/")
    ready(pg)
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px phone"
    assert pg.get_attribute("#map", "data-markers") not in (None, "0")
    box = pg.locator("#map").bounding_box()
    assert box and box["width"] <= 390
    pg.screenshot(path=str(SHOTS / "phone.png"), full_page=False)
    pg.goto(f"{server}/#/event/{api(server, 'events', sort='-fatalities', limit=1)['items'][0]['event_id']}")
    ready(pg)
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    pg.screenshot(path=str(SHOTS / "phone-event.png"), full_page=True)
    ctx.close()


def test_dashboard_works_under_its_content_security_policy(server: str, browser: Browser) -> None:
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})  # CSP enforced, as for users
    pg = ctx.new_page()
    console: list[str] = []
    pg.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: console.append(str(e)))
    pg.goto(server + "/")
    ready(pg)
    pg.wait_for_selector("#map[data-base]")
    assert pg.get_attribute("#map", "data-markers") not in (None, "0")
    pg.goto(f"{server}/#/article/xss-test")
    ready(pg)
    assert pg.evaluate("window.__pwned") is None
    assert not console, console
    ctx.close()
