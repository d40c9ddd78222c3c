"""The examples in the network and export modules' docstrings run, and __all__ is what it says."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kg.export
import kg.network

MODULES = sorted(
    f"{pkg.__name__}.{m.name}"
    for pkg in (kg.network, kg.export)
    for m in pkgutil.iter_modules(pkg.__path__)
) + ["kg.network", "kg.export"]


@pytest.mark.parametrize("name", MODULES)
def test_network_docs_doctests_pass(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)

    assert result.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_network_docs_module_docstring_and_all(name):
    module = importlib.import_module(name)

    assert module.__doc__ and module.__doc__.strip()
    assert module.__all__, name
    for item in module.__all__:
        assert hasattr(module, item), f"{name}.{item}"
