"""Exports: networks for Gephi, Cytoscape, yEd, Graphviz, a browser or a slide; the graph as RDF.

Formats are registered by name in :data:`EXPORTERS` and their writers are
imported only when used (matplotlib only for png and svg).

>>> sorted(EXPORTERS)[:4]
['csv', 'cytoscape', 'dot', 'gexf']
"""

from .nxformats import read_gexf, read_graphml
from .registry import EXPORTERS, Exporter, format_for_path, get_exporter, register
from .run import ExportResult, export, export_network, rdf_statements

__all__ = [
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
