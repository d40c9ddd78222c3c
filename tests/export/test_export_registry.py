"""The exporter registry: every format by name, chosen from a file name, imported lazily."""

from __future__ import annotations

import subprocess
import sys

import pytest

import kg.export
from kg.errors import KGError
from kg.export import EXPORTERS, Exporter, format_for_path, get_exporter, register

NETWORK_FORMATS = ["graphml", "gexf", "cytoscape", "json", "dot", "csv", "png", "svg", "html"]
RDF_FORMATS = ["turtle", "trig", "nquads", "jsonld"]


def test_export_registry_has_every_format():
    assert list(EXPORTERS) == NETWORK_FORMATS + RDF_FORMATS
    assert [e.kind for e in EXPORTERS.values()] == ["network"] * 9 + ["rdf"] * 4
    assert all(callable(e.load()) for e in EXPORTERS.values())


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("net.graphml", "graphml"),
        ("NET.GEXF", "gexf"),
        ("net.cyjs", "cytoscape"),
        ("net.json", "json"),
        ("net.dot", "dot"),
        ("net.csv", "csv"),
        ("a/b.png", "png"),
        ("b.svg", "svg"),
        ("b.html", "html"),
        ("g.ttl", "turtle"),
        ("g.trig", "trig"),
        ("g.nq", "nquads"),
        ("g.jsonld", "jsonld"),
        ("g.xlsx", None),
        ("noext", None),
    ],
)
def test_export_registry_format_for_path(name, fmt):
    assert format_for_path(name) == fmt


def test_export_registry_unknown_format():
    with pytest.raises(KGError, match="unknown export format 'xlsx'; use one of graphml, gexf"):
        get_exporter("xlsx")


def test_export_registry_register_a_new_format(monkeypatch):
    monkeypatch.setattr(kg.export.registry, "EXPORTERS", dict(EXPORTERS))
    register(Exporter("gml", "network", ".gml", "GML", "networkx.readwrite.gml:write_gml"))

    assert kg.export.registry.EXPORTERS["gml"].load().__name__ == "write_gml"


def test_export_registry_imports_writers_only_when_used():
    code = (
        "import sys, kg.export, kg.cli; "
        "print(sorted(m for m in ('matplotlib', 'kg.export.draw', 'kg.export.html') "
        "if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout

    assert out.strip() == "[]"


def test_export_registry_public_api():
    assert sorted(kg.export.__all__) == sorted(
        [
            "EXPORTERS",
            "Exporter",
            "ExportResult",
            "export",
            "export_network",
            "format_for_path",
            "get_exporter",
            "rdf_statements",
            "read_gexf",
            "read_graphml",
            "register",
        ]
    )
    for name in kg.export.__all__:
        assert hasattr(kg.export, name)
