"""Extraction workers end with the ``kg add`` that started them, however it ends."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

TEXT = "Acme Corp. agreed to buy Widget Inc. for $5 million, Jane Doe said. " * 5


def _children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    out = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            out.add(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead, only not reaped yet
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM], ids=["KILL", "TERM"])
def test_extract_workers_end_with_their_parent(tmp_path, signum):
    articles = tmp_path / "a.jsonl"
    articles.write_text(
        "".join(json.dumps({"id": f"a{i}", "text": TEXT}) + "\n" for i in range(3000))
    )
    exe = shutil.which("kg")
    cmd = [exe] if exe else [sys.executable, "-m", "kg"]
    proc = subprocess.Popen(
        [*cmd, "--store", str(tmp_path / "store"), "add", "--workers", "2", str(articles)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 90
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        workers = _children(proc.pid)
    assert len(workers) >= 2, "the two workers did not start"
    time.sleep(1)  # let them take a batch each
    closed = threading.Event()
    reader = threading.Thread(target=lambda: (proc.stdout.read(), closed.set()), daemon=True)
    reader.start()

    proc.send_signal(signum)
    proc.wait(timeout=30)
    ended = time.monotonic() + 15  # a generous bound: before, they ran on for good
    while any(_alive(w) for w in workers) and time.monotonic() < ended:
        time.sleep(0.1)
    left = {w for w in workers if _alive(w)}
    for w in left:
        os.kill(w, signal.SIGKILL)

    assert not left, f"workers still running after kill -{signum.name}"
    assert closed.wait(10), "the caller's standard output is still held open"
