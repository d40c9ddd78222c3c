"""Starting ``kg serve`` in a child process, and a small urllib client for it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

__all__ = ["TOKEN", "Answer", "Endpoint", "start_server", "stop_server"]

TOKEN = "test-token-5f1c"
_SERVING = re.compile(r"serving .* at (http://127\.0\.0\.1:\d+)/")


@dataclass
class Answer:
    """An HTTP answer: status, headers (lower-case names) and body."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    @property
    def media(self) -> str:
        return self.headers.get("content-type", "").split(";")[0]


class Endpoint:
    """A running ``kg serve``: its base URL and a small urllib client."""

    def __init__(self, url: str, store: Path, process: subprocess.Popen, log: Path):
        self.url, self.store, self.process, self.log = url, store, process, log

    def request(
        self,
        method: str,
        path: str,
        *,
        params: dict | None = None,
        body: bytes | str | None = None,
        headers: dict | None = None,
    ) -> Answer:
        url = self.url + path
        if params:
            url += "?" + urllib.parse.urlencode(params, doseq=True)
        data = body.encode("utf-8") if isinstance(body, str) else body
        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                return Answer(
                    resp.status, {k.lower(): v for k, v in resp.headers.items()}, resp.read()
                )
        except urllib.error.HTTPError as err:
            return Answer(err.code, {k.lower(): v for k, v in err.headers.items()}, err.read())

    def get(self, path: str, params: dict | None = None, **headers) -> Answer:
        return self.request("GET", path, params=params, headers=_headers(headers))

    def post(
        self, path: str, body, content_type: str, params: dict | None = None, **headers
    ) -> Answer:
        if isinstance(body, dict):
            body = urllib.parse.urlencode(body, doseq=True)
        return self.request(
            "POST",
            path,
            params=params,
            body=body,
            headers={"Content-Type": content_type, **_headers(headers)},
        )

    def query(self, sparql: str, accept: str = "application/sparql-results+json") -> Answer:
        return self.get("/sparql", {"query": sparql}, accept=accept)


def _headers(kwargs: dict) -> dict:
    return {k.replace("_", "-").title(): v for k, v in kwargs.items()}


def start_server(store: Path, log: Path, *args, env: dict | None = None) -> Endpoint:
    """Start ``kg --store STORE serve --port 0 ARGS...`` and wait until it answers."""
    exe = shutil.which("kg")
    cmd = [exe] if exe else [sys.executable, "-m", "kg"]
    handle = log.open("w")
    proc = subprocess.Popen(
        [*cmd, "--store", str(store), "serve", "--port", "0", "--workers", "2", *map(str, args)],
        stdout=subprocess.DEVNULL,
        stderr=handle,
        env={**os.environ, **(env or {})},
    )
    handle.close()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        m = _SERVING.search(log.read_text())
        if m:
            return Endpoint(m.group(1), store, proc, log)
        if proc.poll() is not None:
            raise AssertionError(f"kg serve exited ({proc.returncode}): {log.read_text()}")
        time.sleep(0.05)
    proc.kill()
    raise AssertionError(f"kg serve did not start: {log.read_text()}")


def stop_server(endpoint: Endpoint) -> None:
    endpoint.process.terminate()
    try:
        endpoint.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        endpoint.process.kill()
        endpoint.process.wait(timeout=15)
