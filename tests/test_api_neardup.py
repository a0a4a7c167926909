"""The API finds reposts of the articles it stored and of those another process stored meanwhile
(the near-duplicate index lives in the database)."""

from __future__ import annotations

import json
import os
import sys
import warnings
from pathlib import Path

import pytest

from conflictwatch import pipeline
from conflictwatch.api import ApiConfig, create_app
from conflictwatch.store import open_store

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

BODY = ("BEIRUT (Reuters) - Air strikes killed {n} people in the town of {town} in Idlib province on Tuesday, "
        "the Syrian Observatory for Human Rights said. Rescue workers said the strikes hit a market and two "
        "houses near the main square, and that several people were still missing under the rubble of the "
        "buildings. The monitor said warplanes had struck the area several times since Sunday.")


def repost(text: str) -> str:
    return text + " Follow us for more news from the region every day of the week."


def test_api_finds_reposts_of_its_own_and_other_writers_articles(tmp_path: Path) -> None:
    db = str(tmp_path / "cw.db")
    api = TestClient(create_app(ApiConfig(db=db, token="t")))
    auth = {"Authorization": "Bearer t"}

    def post(aid: str, text: str) -> None:
        r = api.post("/api/articles", json={"articles": [{"id": aid, "text": text, "published": "2016-10-18"}],
                                            "reconcile": False}, headers=auth)
        assert r.status_code == 200 and r.json()["articles_new"] == 1, r.text

    first = BODY.format(n=9, town="Saraqeb")
    post("a1", first)
    post("a1-copy", repost(first))
    # another process stores an original: the server must not miss it
    other = ("MOGADISHU (Reuters) - A car bomb exploded at a checkpoint near the port of Mogadishu on Monday, "
             "killing at least six soldiers and two civilians, police said. Al Shabaab said it carried out "
             "the attack, the latest in a string of bombings in the capital this year. Officials closed the "
             "road to the port for several hours while investigators searched the area.")
    src = tmp_path / "other.jsonl"
    src.write_text(json.dumps({"id": "b1", "text": other, "published": "2016-10-18"}) + "\n", "utf-8")
    store = open_store(db)
    assert pipeline.run([str(src)], store, reconcile=False).articles_new == 1
    post("b1-copy", repost(other))
    assert store.duplicates() == {"a1-copy": "a1", "b1-copy": "b1"}
    store.engine.dispose()


def test_writes_run_in_one_thread_below_the_priority_of_reads(tmp_path: Path) -> None:
    """Extraction (~50 ms of CPU an article) must not starve the readers of other server processes
    (`serve --workers N`): writes run in one thread of lower CPU priority (Linux: per thread)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("per-thread priority is Linux's")
    api = TestClient(create_app(ApiConfig(db=str(tmp_path / "cw.db"), token="t", low_priority_writes=True)))
    for i in range(2):
        r = api.post("/api/articles", json={"articles": [{"id": f"p{i}", "text": BODY.format(n=3 + i, town="Ariha"),
                                                          "published": "2016-10-18"}]},
                     headers={"Authorization": "Bearer t"})
        assert r.status_code == 200, r.text
    writers = list(api.app.state.cw.writer._threads)  # type: ignore[attr-defined]
    assert len(writers) == 1 and writers[0].name.startswith("cw-writer"), "one writer thread for all writes"
    nice = int(open(f"/proc/self/task/{writers[0].native_id}/stat").read().rsplit(")", 1)[1].split()[16])
    assert nice == 10 and os.getpriority(os.PRIO_PROCESS, 0) == 0, (nice, "reads keep the normal priority")
