"""Readers load no spaCy: ``import kg.query``, ``kg query`` and ``kg serve``'s workers start as
a SPARQL client does (each checked in a fresh interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("spacy", "thinc", "kg.extract")

REPORT = f"""
import json, sys
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] in {HEAVY!r}
                        or m.startswith("kg.extract"))))
"""


def _loaded(code: str) -> list[str]:
    proc = subprocess.run(
        [sys.executable, "-c", code + REPORT], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_query_import_loads_no_spacy():
    assert (
        _loaded("import kg.query, kg.query.statements, kg.query.conflicts, kg.query.derived") == []
    )


def test_query_command_loads_no_spacy(sample_store):
    code = f"""
from kg.cli import main
try:
    main(["--store", {str(sample_store)!r}, "query", "--format", "csv",
          "SELECT ?l WHERE {{ entity:acme rdfs:label ?l }}"])
except SystemExit as exc:
    assert not exc.code, exc.code
"""
    assert _loaded(code) == []


@pytest.mark.parametrize("module", ["kg.server.workers", "kg.server.jobs", "kg.server.writes"])
def test_query_server_workers_load_no_spacy(module, sample_store):
    code = f"""
import {module}
from kg.server.jobs import ReaderSession
session = ReaderSession({str(sample_store)!r})
reply = session.handle({{"op": "query", "sparql": "ASK {{ ?s ?p ?o }}"}})
assert reply.status == 200, reply.body
session.close()
"""
    assert _loaded(code) == []
