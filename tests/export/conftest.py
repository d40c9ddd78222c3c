"""Fixtures for the export tests: a small network with awkward text, and headless Chromium."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from kg.network import ArticleInfo, ClaimInfo, EntityInfo, NetworkData

E = "https://w3id.org/nkg/entity/"

#: A sentence with everything that breaks a careless writer: quotes, backslash, newline,
#: markup, an ampersand, a closing script tag, a semicolon and a pipe, and non-ASCII.
AWKWARD = 'He said "merge"; C:\\path & <b>bold</b> </script><!-- | naïve — 東京\nnext line'


@pytest.fixture()
def awkward_sentence() -> str:
    """The evidence sentence of :func:`awkward_data`'s first claim."""
    return AWKWARD


@pytest.fixture()
def awkward_data() -> NetworkData:
    """Three entities, four claims in three articles, one symmetric, text that needs escaping."""
    articles = [
        ArticleInfo(
            "n1",
            'Title "one" & <two>',
            "2025-03-01",
            "Wire; A",
            url="https://example.org/n1?a=1&b=2",
        ),
        ArticleInfo("n2", "Second", "2025-04-02", "Wire B"),
        ArticleInfo("n3", "Third", None, None),
    ]
    entities = [
        EntityInfo(E + "ren%C3%A9", 'René "the boss" Ø', "Person", ("René",), ("n1", "n2")),
        EntityInfo(E + "acme", "Acme & Co <Ltd>", "Organization", (), ("n1", "n2", "n3")),
        EntityInfo(E + "globex", "Globex", "Organization", (), ("n2", "n3")),
    ]
    claims = [
        ClaimInfo("c1", "n1", E + "ren%C3%A9", "executiveOf", E + "acme", AWKWARD),
        ClaimInfo("c2", "n2", E + "ren%C3%A9", "executiveOf", E + "acme", "René runs Acme."),
        ClaimInfo("c3", "n2", E + "globex", "partnerOf", E + "acme", "Globex and Acme team up."),
        ClaimInfo("c4", "n3", E + "acme", "sues", E + "globex", "Acme sued Globex.", "2024-07"),
    ]
    return NetworkData.from_records(articles, entities, claims)


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture()
def chromium(tmp_path):
    """``run(page) -> (dom, log)``: the page opened in headless Chromium, DOM after scripts.

    Skipped when Chromium is not installed (.ci/run installs Debian's chromium).
    Every request outside the page is refused, so a page that needs the network fails.
    """
    exe = chromium_path()
    if exe is None:
        pytest.skip("chromium is not installed (apt-get install chromium); .ci/run installs it")

    def run(page: Path, *extra: str) -> tuple[str, str]:
        profile = tmp_path / f"chromium-profile-{len(list(tmp_path.iterdir()))}"
        cmd = [
            exe,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            f"--user-data-dir={profile}",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1280,900",
            "--virtual-time-budget=5000",
            *extra,
            "--dump-dom",
            page.resolve().as_uri(),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0, proc.stderr[-2000:]
        return proc.stdout, proc.stderr

    return run
