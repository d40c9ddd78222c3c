"""The exporters, registered by name and imported only when used (rdflib's plugin registry).

Two kinds: ``network`` exporters write a networkx graph (``write(g, path)``),
``rdf`` exporters write RDF triples or quads (``write(statements, path)``).
Both return the paths they wrote.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from ..errors import KGError

__all__ = ["Exporter", "EXPORTERS", "register", "get_exporter", "format_for_path"]


@dataclass(frozen=True)
class Exporter:
    """One output format: its name, kind, file suffix and where its writer lives."""

    name: str
    kind: str  # "network" or "rdf"
    suffix: str
    description: str
    target: str  # "module:function", relative to kg.export
    default_top: int = 0  # most central nodes drawn by default (0: all)
    #: keep the nodes connected: the core of the largest connected part, not the most
    #: central nodes wherever they are (see :func:`~kg.network.metrics.top_nodes`)
    connected: bool = False

    def load(self):
        """The writer function (its module is imported now, not before)."""
        module, _, func = self.target.partition(":")
        return getattr(import_module(module, __package__), func)


#: Every exporter, by name.
EXPORTERS: dict[str, Exporter] = {}


def register(exporter: Exporter) -> Exporter:
    """Add an exporter (a later one with the same name replaces it)."""
    EXPORTERS[exporter.name] = exporter
    return exporter


def get_exporter(name: str) -> Exporter:
    """The exporter called ``name``; :class:`~kg.errors.KGError` naming the known ones if none."""
    try:
        return EXPORTERS[name]
    except KeyError:
        raise KGError(
            f"unknown export format {name!r}; use one of {', '.join(EXPORTERS)}"
        ) from None


def format_for_path(path: str | Path) -> str | None:
    """The format a file name implies by its suffix ("net.gexf" -> "gexf"), or None.

    >>> format_for_path("out/graph.ttl"), format_for_path("x.unknown")
    ('turtle', None)
    """
    name = str(path).lower()
    for exporter in sorted(EXPORTERS.values(), key=lambda e: -len(e.suffix)):
        if name.endswith(exporter.suffix):
            return exporter.name
    return None


for _spec in [
    (
        "graphml",
        "network",
        ".graphml",
        "GraphML (Gephi, yEd, Cytoscape)",
        ".nxformats:write_graphml",
    ),
    ("gexf", "network", ".gexf", "GEXF 1.2 (Gephi), colours by type", ".nxformats:write_gexf"),
    ("cytoscape", "network", ".cyjs", "Cytoscape.js elements JSON", ".nxformats:write_cytoscape"),
    ("json", "network", ".json", "node-link JSON (networkx, d3)", ".nxformats:write_node_link"),
    ("dot", "network", ".dot", "Graphviz DOT", ".dot:write_dot"),
    (
        "csv",
        "network",
        ".csv",
        "two CSV files, nodes and edges (Gephi's spreadsheet import)",
        ".csvfiles:write_csv",
    ),
]:
    register(Exporter(*_spec))
register(Exporter("png", "network", ".png", "a picture (PNG)", ".draw:write_png", default_top=60))
register(Exporter("svg", "network", ".svg", "a picture (SVG)", ".draw:write_svg", default_top=60))
register(
    Exporter(
        "html",
        "network",
        ".html",
        "one self-contained interactive page",
        ".html:write_html",
        default_top=150,
        connected=True,
    )
)
for _spec in [
    ("turtle", "rdf", ".ttl", "Turtle (triples: the article graphs merged)", ".rdf:write_turtle"),
    ("trig", "rdf", ".trig", "TriG (one named graph per article)", ".rdf:write_trig"),
    ("nquads", "rdf", ".nq", "N-Quads (one named graph per article)", ".rdf:write_nquads"),
    ("jsonld", "rdf", ".jsonld", "JSON-LD (one named graph per article)", ".rdf:write_jsonld"),
]:
    register(Exporter(*_spec))
del _spec
