"""`watch`: only what is new goes in; a feed that is down or sends garbage does not stop the others.

Feeds are served by a local http.server thread (127.0.0.1 only); folders are temporary. Articles
are our own writing (the integrity fixtures and short wire items written here).
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conflictwatch.cli import app
from conflictwatch.store import Store, open_store
from conflictwatch.watch import Watcher, parse_duration

FIX = Path(__file__).parent / "fixtures" / "integrity"
REPORTS = [json.loads(x) for x in (FIX / "reports.jsonl").read_text().splitlines()]
runner = CliRunner()

ITEMS = {
    "jobar": ("Shelling kills three in Jobar", "Tue, 18 Oct 2016 14:05:00 GMT",
              "Shelling killed three people in the Jobar district of Damascus on Tuesday, residents said. "
              "Rescue workers pulled two children from the rubble of a house near the main road."),
    "tikrit": ("Car bomb kills five at Tikrit checkpoint", "Wed, 19 Oct 2016 09:30:00 GMT",
               "A car bomb killed five policemen at a checkpoint on the southern edge of Tikrit on Wednesday, "
               "police sources said. The blast also wounded eight people waiting in their cars."),
    "baidoa": ("Mortar rounds hit Baidoa market", "Thu, 20 Oct 2016 11:00:00 GMT",
               "Mortar rounds fired by militants killed four traders in the main market of Baidoa on Thursday, "
               "a district official said. Shops were closed for the rest of the day."),
}


def rss(*keys: str, text: dict[str, str] | None = None) -> bytes:
    items = "".join(
        f"<item><title>{ITEMS[k][0]}</title><guid>https://news.example.org/{k}</guid>"
        f"<link>https://news.example.org/{k}</link><pubDate>{ITEMS[k][1]}</pubDate>"
        f"<description>{(text or {}).get(k, ITEMS[k][2])}</description></item>"
        for k in keys
    )
    return (f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Regional desk</title>'
            f"<link>https://news.example.org/</link><description>d</description>{items}</channel></rss>").encode()


class _Routes(BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        status, body = self.routes.get(self.path, (404, b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", "application/rss+xml" if status == 200 else "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[tuple[str, dict[str, tuple[int, bytes]]]]:
    routes: dict[str, tuple[int, bytes]] = {}
    handler = type("Routes", (_Routes,), {"routes": routes})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", routes
    finally:
        httpd.shutdown()
        httpd.server_close()


def _titles(store: Store) -> set[str]:
    return {a.title or "" for a in store.articles()}


def _drop(folder: Path, name: str, *reports: dict[str, Any]) -> Path:
    p = folder / name
    p.write_text("".join(json.dumps(r) + "\n" for r in reports), encoding="utf-8")
    return p


def test_a_new_file_is_taken_in_and_a_seen_one_is_skipped(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    a = _drop(inbox, "a.jsonl", REPORTS[0])
    store = open_store(str(tmp_path / "cw.db"))
    first = Watcher([str(inbox)], store, settle=0).round()
    assert first.ok and first.new_items == 1 and first.stats is not None and first.stats.articles_new == 1
    # a restarted watcher (or the next cron job) remembers: nothing is read, the main job does not run
    again = Watcher([str(inbox)], store, settle=0)
    again.rounds = 1
    second = again.round()
    assert second.new_items == 0 and second.stats is None
    _drop(inbox, "b.jsonl", REPORTS[1])
    third = again.round()
    assert third.new_items == 1 and third.stats is not None
    assert (third.stats.articles_read, third.stats.articles_new) == (1, 1)  # a.jsonl was not read again
    os.utime(a, (a.stat().st_atime, a.stat().st_mtime + 60))  # touched, same content: not read
    assert again.round().stats is None
    _drop(inbox, "a.jsonl", REPORTS[0], REPORTS[2])  # changed: read again, the known article skipped
    fifth = again.round()
    assert fifth.stats is not None
    assert (fifth.stats.articles_read, fifth.stats.articles_new, fifth.stats.articles_skipped) == (2, 1, 1)
    assert store.count("articles") == 3 and store.count("events") >= 3


def test_a_file_still_being_written_waits_for_the_next_round(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _drop(inbox, "fresh.jsonl", REPORTS[0])
    store = open_store(str(tmp_path / "cw.db"))
    w = Watcher([str(inbox)], store, settle=3600)
    assert w.round().new_items == 0 and store.count("articles") == 0
    w.settle = 0
    assert w.round().new_items == 1 and store.count("articles") == 1


def test_an_article_that_failed_is_tried_again_next_round(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _drop(inbox, "two.jsonl", REPORTS[0], REPORTS[1])
    store = open_store(str(tmp_path / "cw.db"))
    real = store._write_claims

    def faulty(conn: Any, article_id: str, rows: list[dict[str, Any]], **kw: Any) -> None:
        if article_id == REPORTS[1]["id"]:
            raise OSError("disk full (injected)")
        real(conn, article_id, rows, **kw)

    monkeypatch.setattr(store, "_write_claims", faulty)
    w = Watcher([str(inbox)], store, settle=0)
    first = w.round()
    assert not first.ok and store.count("articles") == 1
    monkeypatch.undo()
    second = w.round()  # the file was not remembered: read again, the stored article skipped
    assert second.ok and second.stats is not None and second.stats.articles_new == 1
    assert store.count("articles") == 2
    assert w.round().stats is None  # now remembered


def test_feeds_only_new_items_and_a_broken_feed_does_not_stop_the_others(
    tmp_path: Path, server: tuple[str, dict[str, tuple[int, bytes]]]
) -> None:
    base, routes = server
    routes["/good.xml"] = (200, rss("jobar", "tikrit"))
    routes["/down.xml"] = (503, b"<html>Service Unavailable</html>")
    routes["/garbage.xml"] = (200, b"<html><body>Our new website is coming soon!</body></html>")
    sources = [f"{base}/good.xml", f"{base}/down.xml", f"{base}/garbage.xml", f"{base}/missing.xml",
               "http://127.0.0.1:9/closed.xml"]  # the discard port: nothing listens
    store = open_store(str(tmp_path / "cw.db"))
    w = Watcher(sources, store, timeout=5)
    first = w.round()
    assert not first.ok and len(first.failed) == 4
    reasons = " | ".join(first.failed)
    assert "HTTP 503" in reasons and "HTTP 404" in reasons and "unreachable" in reasons
    assert "not an RSS/Atom feed" in reasons
    assert _titles(store) == {ITEMS["jobar"][0], ITEMS["tikrit"][0]}
    # next round: one new item in the good feed, the garbage feed fixed, the others still down
    routes["/good.xml"] = (200, rss("jobar", "tikrit", "baidoa"))
    routes["/garbage.xml"] = (200, rss("jobar"))  # the same story in another feed: stored once
    second = w.round()
    assert second.new_items == 2 and second.stats is not None
    assert (second.stats.articles_new, second.stats.articles_skipped) == (1, 1)
    assert len(second.failed) == 3
    assert _titles(store) == {ITEMS[k][0] for k in ITEMS}
    # unchanged feeds: nothing new; an item whose text changed is taken in again
    assert w.round().new_items == 0
    routes["/good.xml"] = (200, rss("jobar", "tikrit", "baidoa", text={
        "baidoa": ITEMS["baidoa"][2].replace("four traders", "six traders")}))
    fourth = w.round()
    assert fourth.new_items == 1 and fourth.stats is not None and fourth.stats.articles_new == 1
    assert store.count("articles") == 4


def test_watch_command_once(tmp_path: Path, server: tuple[str, dict[str, tuple[int, bytes]]]) -> None:
    base, routes = server
    routes["/feed.xml"] = (200, rss("jobar"))
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _drop(inbox, "a.jsonl", REPORTS[0])
    db = str(tmp_path / "cw.db")
    args = ["watch", f"{base}/feed.xml", str(inbox), "--db", db, "--once", "--settle", "0", "--workers", "1"]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, res.output
    assert "round 1: 2 sources, 2 new items" in res.stderr
    res = runner.invoke(app, args)
    assert res.exit_code == 0 and "round 1: 2 sources, 0 new items" in res.stderr
    routes["/feed.xml"] = (500, b"oops")
    res = runner.invoke(app, args)
    assert res.exit_code == 1 and "HTTP 500" in res.stderr  # cron sees the failure
    assert open_store(db).count("articles") == 2
    res = runner.invoke(app, ["watch", str(inbox), "--db", db, "--every", "soon"])
    assert res.exit_code == 2 and "not a duration" in res.stderr


def test_durations() -> None:
    assert [parse_duration(x) for x in ("90", "90s", "10m", "1h", "1h30m", "1d", "0.5m")] == [
        90, 90, 600, 3600, 5400, 86400, 30]
    for bad in ("", "soon", "10 minutes", "m10"):
        with pytest.raises(ValueError, match="not a duration"):
            parse_duration(bad)
