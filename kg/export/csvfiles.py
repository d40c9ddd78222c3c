"""Two CSV files, nodes and edges, with the column names Gephi's spreadsheet import expects.

``-o net.csv`` (or ``-o net``) writes ``net-nodes.csv`` and ``net-edges.csv``
beside each other. Nodes: ``Id``, ``Label``, ``type``, ``kind`` and the rest;
edges: ``Id``, ``Source``, ``Target``, ``Type`` (Directed or Undirected),
``Label`` (the predicate), ``Weight`` and the rest. Lists are "; "-joined,
the evidence a JSON array.
"""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx

from .flat import edge_records, flat_edge, flat_node

__all__ = ["write_csv", "csv_paths", "NODE_COLUMNS", "EDGE_COLUMNS"]

NODE_COLUMNS = ["Id", "Label", "type", "kind"]
EDGE_COLUMNS = ["Id", "Source", "Target", "Type", "Label", "Weight"]


def csv_paths(path: str | Path) -> tuple[Path, Path]:
    """The nodes and edges files for ``-o path``.

    >>> [p.name for p in csv_paths("out/net.csv")]
    ['net-nodes.csv', 'net-edges.csv']
    """
    path = Path(path)
    stem = path.name[:-4] if path.name.lower().endswith(".csv") else path.name
    return path.with_name(f"{stem}-nodes.csv"), path.with_name(f"{stem}-edges.csv")


def _columns(first: list[str], rows: list[dict]) -> list[str]:
    extra = sorted({k for r in rows for k in r} - set(first))
    return first + extra


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write(path: Path, columns: list[str], rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(columns)
        for r in rows:
            w.writerow([_cell(r.get(c)) for c in columns])


def write_csv(g: nx.Graph, path: Path) -> list[Path]:
    """Write ``STEM-nodes.csv`` and ``STEM-edges.csv``; return both paths."""
    nodes_path, edges_path = csv_paths(path)
    nodes = []
    for n, d in g.nodes(data=True):
        r = flat_node(n, d)
        nodes.append({"Id": r.pop("id"), "Label": r.pop("label"), **r})
    edges = []
    for eid, u, v, d in edge_records(g):
        r = flat_edge(d)
        directed = g.is_directed() and d.get("directed", True)
        edges.append(
            {
                "Id": eid,
                "Source": u,
                "Target": v,
                "Type": "Directed" if directed else "Undirected",
                "Label": r.pop("label"),
                "Weight": r.pop("weight", 1),
                **r,
            }
        )
    _write(nodes_path, _columns(NODE_COLUMNS, nodes), nodes)
    _write(edges_path, _columns(EDGE_COLUMNS, edges), edges)
    return [nodes_path, edges_path]
