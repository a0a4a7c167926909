"""`conflictwatch serve --workers 2`: two processes, each configured from the environment, both
answering reads and writes on one database."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def test_two_worker_processes_serve_reads_and_writes(demo_db: str) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    exe = Path(sys.executable).parent / "conflictwatch"
    proc = subprocess.Popen([str(exe), "serve", "--db", demo_db, "--port", str(port), "--workers", "2"],
                            env={**os.environ, "CONFLICTWATCH_API_TOKEN": "tok"},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/events", timeout=5).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.time() < deadline and proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.2)
        totals = {httpx.get(f"{base}/api/events", timeout=30).json()["total"] for _ in range(20)}
        assert len(totals) == 1 and totals.pop() > 0
        body = {"articles": [{"id": "w-1", "published": "2016-10-20", "text": (
            "BEIRUT (Reuters) - An air strike killed seven people in the town of Saraqeb in Idlib province "
            "on Wednesday, the Syrian Observatory for Human Rights said.")}]}
        assert httpx.post(f"{base}/api/articles", json=body, timeout=300).status_code == 401
        r = httpx.post(f"{base}/api/articles", json=body, timeout=300, headers={"Authorization": "Bearer tok"})
        assert r.status_code == 200 and r.json()["articles_new"] == 1, r.text
        # whichever process answers, it sees the new article
        assert all(httpx.get(f"{base}/api/articles/w-1", timeout=30).status_code == 200 for _ in range(10))
        ps = subprocess.run(["ps", "--ppid", str(proc.pid), "-o", "pid="], capture_output=True, text=True)
        assert len(ps.stdout.split()) >= 2, "two worker processes"
    finally:
        proc.terminate()
        proc.wait(30)
