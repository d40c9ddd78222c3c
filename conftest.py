"""The names the doctests of kg/ and docs/ use: ``kg`` and ``tmp``, a fresh folder."""

from __future__ import annotations

import pytest
from _pytest.doctest import DoctestItem

import kg


@pytest.fixture(autouse=True)
def _doctest_names(request, doctest_namespace, tmp_path_factory, monkeypatch):
    if isinstance(request.node, DoctestItem):
        tmp = tmp_path_factory.mktemp("doctest")
        monkeypatch.chdir(tmp)  # a doctest that writes files writes them here
        doctest_namespace["kg"] = kg
        doctest_namespace["tmp"] = tmp
