"""Fixtures for the endpoint tests: ``kg serve`` started on a free loopback port."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from server.harness import TOKEN, start_server, stop_server  # tests/ is on sys.path
from server.newsroom import build_newsroom


@pytest.fixture(scope="session")
def newsroom_store(tmp_path_factory) -> Path:
    """The four hand-made articles of newsroom.py in a store (do not change it)."""
    return build_newsroom(tmp_path_factory.mktemp("newsroom") / "store")


@pytest.fixture(scope="module")
def endpoint(newsroom_store, tmp_path_factory):
    """A read-only ``kg serve`` on the newsroom store, with a small row cap and timeout."""
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    ep = start_server(newsroom_store, log, "--timeout", "3", "--max-rows", "50")
    yield ep
    stop_server(ep)


@pytest.fixture(scope="module")
def writable(newsroom_store, tmp_path_factory):
    """A ``kg serve --allow-update`` on a private copy of the newsroom store.

    Shared by a module's tests: each writes under IRIs of its own.
    """
    folder = tmp_path_factory.mktemp("writable")
    store = Path(shutil.copytree(newsroom_store, folder / "store"))
    ep = start_server(
        store, folder / "serve.log", "--allow-update", "--timeout", "10", env={"KG_TOKEN": TOKEN}
    )
    yield ep
    stop_server(ep)


@pytest.fixture(scope="session")
def token() -> str:
    """The token the writable endpoint expects (``Authorization: Bearer TOKEN``)."""
    return TOKEN
