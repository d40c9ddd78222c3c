"""The names the doctests of kg/ and docs/ use: ``kg`` and ``tmp``, a fresh folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from _pytest.doctest import DoctestItem

import kg

ROOT = Path(__file__).parent


@pytest.fixture(autouse=True)
def _doctest_names(request, doctest_namespace, tmp_path_factory, monkeypatch):
    if isinstance(request.node, DoctestItem):
        tmp = tmp_path_factory.mktemp("doctest")
        for name in ("corpus", "examples"):  # the docs' examples run from the project root
            (tmp / name).symlink_to(ROOT / name)
        monkeypatch.chdir(tmp)  # ... but write their files here
        doctest_namespace["kg"] = kg
        doctest_namespace["tmp"] = tmp
