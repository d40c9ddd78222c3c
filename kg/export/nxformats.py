"""GraphML, GEXF, node-link JSON and Cytoscape.js JSON, written through networkx's writers."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from .flat import edge_records, flat_graph, type_color

__all__ = ["write_graphml", "write_gexf", "write_node_link", "write_cytoscape", "node_link",
           "cytoscape_elements"]


def write_graphml(g: nx.Graph, path: Path) -> list[Path]:
    """GraphML: every attribute typed, lists as "; "-joined strings, evidence as JSON."""
    nx.write_graphml(flat_graph(g), str(path), encoding="utf-8", prettyprint=True)
    return [Path(path)]


def write_gexf(g: nx.Graph, path: Path) -> list[Path]:
    """GEXF 1.2, with each node coloured by its type and sized by centrality (Gephi shows it)."""
    flat = flat_graph(g)
    for _, d in flat.nodes(data=True):
        rgb = type_color(d.get("type"))
        viz = {"color": {"r": int(rgb[1:3], 16), "g": int(rgb[3:5], 16),
                         "b": int(rgb[5:7], 16), "a": 1.0}}
        if "centrality" in d:
            viz["size"] = round(5 + 200 * float(d["centrality"]), 2)
        d["viz"] = viz
    nx.write_gexf(flat, str(path), encoding="utf-8", prettyprint=True)
    return [Path(path)]


def _json_ready(value):
    if isinstance(value, tuple):
        return list(value)
    return value


def node_link(g: nx.Graph) -> dict:
    """The node-link document networkx's ``node_link_graph(doc, edges="edges")`` reads."""
    return {
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "graph": {k: _json_ready(v) for k, v in g.graph.items()},
        "nodes": [{"id": n, **{k: _json_ready(v) for k, v in d.items()}}
                  for n, d in g.nodes(data=True)],
        "edges": [{"source": u, "target": v, **({"key": k} if g.is_multigraph() else {}),
                   **{a: _json_ready(b) for a, b in d.items()}}
                  for u, v, k, d in _edges_with_keys(g)],
    }


def _edges_with_keys(g: nx.Graph):
    if g.is_multigraph():
        yield from g.edges(keys=True, data=True)
    else:
        for u, v, d in g.edges(data=True):
            yield u, v, None, d


def write_node_link(g: nx.Graph, path: Path) -> list[Path]:
    """Node-link JSON: ``{"directed", "multigraph", "graph", "nodes", "edges"}``."""
    Path(path).write_text(json.dumps(node_link(g), ensure_ascii=False, indent=1) + "\n",
                          encoding="utf-8")
    return [Path(path)]


def cytoscape_elements(g: nx.Graph) -> dict:
    """Cytoscape.js JSON (``{"data", "directed", "multigraph", "elements": {"nodes", "edges"}}``).

    Node data has ``id``, ``name`` and ``value`` (networkx's ``cytoscape_graph``
    reads it back), ``label``, ``type`` and ``color``; edge data has a unique
    ``id``, ``source``, ``target``, ``key`` (the predicate) and ``label``.
    """
    nodes = [{"data": {"id": n, "value": n, "name": d.get("label", n),
                       "color": type_color(d.get("type")),
                       **{k: _json_ready(v) for k, v in d.items()}}}
             for n, d in g.nodes(data=True)]
    edges = []
    for eid, u, v, d in edge_records(g):
        data = {"id": eid, "source": u, "target": v, "label": d.get("predicate", "")}
        if g.is_multigraph():
            data["key"] = d.get("predicate", eid)
        data.update({k: _json_ready(x) for k, x in d.items()})
        edges.append({"data": data})
    return {"data": {k: _json_ready(v) for k, v in g.graph.items()},
            "directed": g.is_directed(), "multigraph": g.is_multigraph(),
            "elements": {"nodes": nodes, "edges": edges}}


def write_cytoscape(g: nx.Graph, path: Path) -> list[Path]:
    """Cytoscape.js elements JSON (Cytoscape's "cyjs" import)."""
    Path(path).write_text(json.dumps(cytoscape_elements(g), ensure_ascii=False, indent=1)
                          + "\n", encoding="utf-8")
    return [Path(path)]
