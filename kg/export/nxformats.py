"""GraphML, GEXF, node-link JSON and Cytoscape.js JSON, written through networkx's writers.

The entity network is directed, but partnerOf, mergesWith and rivalOf edges are
not: GraphML marks each such edge ``directed="false"`` and GEXF ``type="undirected"``,
which Gephi and yEd read as mixed graphs. networkx's readers refuse mixed graphs;
:func:`read_graphml` and :func:`read_gexf` read kg's files back (each edge's
``directed`` attribute still says which way it goes).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx

from .flat import edge_records, flat_graph, type_color

__all__ = [
    "write_graphml",
    "write_gexf",
    "write_node_link",
    "write_cytoscape",
    "node_link",
    "cytoscape_elements",
    "read_graphml",
    "read_gexf",
]


def write_graphml(g: nx.Graph, path: Path) -> list[Path]:
    """GraphML: every attribute typed, lists as "; "-joined strings, evidence as JSON."""
    nx.write_graphml(flat_graph(g), str(path), encoding="utf-8", prettyprint=True)
    if g.is_directed():
        _mark_undirected_graphml(Path(path))
    return [Path(path)]


def _mark_undirected_graphml(path: Path) -> None:
    """Mark directed="false" the edges whose ``directed`` attribute is false."""
    from lxml import etree  # deferred: lxml is slow to import; only GraphML needs it

    ns = "{http://graphml.graphdrawing.org/xmlns}"
    tree = etree.parse(str(path))
    keys = {
        k.get("id")
        for k in tree.iter(f"{ns}key")
        if k.get("for") == "edge" and k.get("attr.name") == "directed"
    }
    changed = False
    for edge in tree.iter(f"{ns}edge"):
        for data in edge.iter(f"{ns}data"):
            if data.get("key") in keys and (data.text or "").strip().lower() == "false":
                edge.set("directed", "false")
                changed = True
    if changed:
        tree.write(str(path), encoding="utf-8", xml_declaration=True)


def read_graphml(path: str | Path) -> nx.Graph:
    """A GraphML file kg wrote, read with networkx (which refuses per-edge directions)."""
    data = Path(path).read_bytes().replace(b' directed="false"', b"")
    return nx.read_graphml(io.BytesIO(data))


def read_gexf(path: str | Path) -> nx.Graph:
    """A GEXF file kg wrote, read with networkx (which refuses per-edge directions)."""
    data = Path(path).read_bytes().replace(b' type="undirected"', b"")
    return nx.read_gexf(io.BytesIO(data))


def write_gexf(g: nx.Graph, path: Path) -> list[Path]:
    """GEXF 1.2, with each node coloured by its type and sized by centrality (Gephi shows it)."""
    flat = flat_graph(g)
    for _, d in flat.nodes(data=True):
        rgb = type_color(d.get("type"))
        viz = {
            "color": {
                "r": int(rgb[1:3], 16),
                "g": int(rgb[3:5], 16),
                "b": int(rgb[5:7], 16),
                "a": 1.0,
            }
        }
        if "centrality" in d:
            viz["size"] = round(5 + 200 * float(d["centrality"]), 2)
        d["viz"] = viz
    if flat.is_directed():  # GEXF's own mark: Gephi draws these edges without arrows
        for *_, d in flat.edges(data=True):
            if d.get("directed") is False:
                d["type"] = "undirected"
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
        "nodes": [
            {"id": n, **{k: _json_ready(v) for k, v in d.items()}} for n, d in g.nodes(data=True)
        ],
        "edges": [
            {
                "source": u,
                "target": v,
                **({"key": k} if g.is_multigraph() else {}),
                **{a: _json_ready(b) for a, b in d.items()},
            }
            for u, v, k, d in _edges_with_keys(g)
        ],
    }


def _edges_with_keys(g: nx.Graph):
    if g.is_multigraph():
        yield from g.edges(keys=True, data=True)
    else:
        for u, v, d in g.edges(data=True):
            yield u, v, None, d


def write_node_link(g: nx.Graph, path: Path) -> list[Path]:
    """Node-link JSON: ``{"directed", "multigraph", "graph", "nodes", "edges"}``."""
    Path(path).write_text(
        json.dumps(node_link(g), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return [Path(path)]


def cytoscape_elements(g: nx.Graph) -> dict:
    """Cytoscape.js JSON (``{"data", "directed", "multigraph", "elements": {"nodes", "edges"}}``).

    Node data has ``id``, ``name`` and ``value`` (networkx's ``cytoscape_graph``
    reads it back), ``label``, ``type`` and ``color``; edge data has a unique
    ``id``, ``source``, ``target``, ``key`` (the predicate) and ``label``.
    """
    nodes = [
        {
            "data": {
                "id": n,
                "value": n,
                "name": d.get("label", n),
                "color": type_color(d.get("type")),
                **{k: _json_ready(v) for k, v in d.items()},
            }
        }
        for n, d in g.nodes(data=True)
    ]
    edges = []
    for eid, u, v, d in edge_records(g):
        data = {"id": eid, "source": u, "target": v, "label": d.get("predicate", "")}
        if g.is_multigraph():
            data["key"] = d.get("predicate", eid)
        data.update({k: _json_ready(x) for k, x in d.items()})
        edges.append({"data": data})
    return {
        "data": {k: _json_ready(v) for k, v in g.graph.items()},
        "directed": g.is_directed(),
        "multigraph": g.is_multigraph(),
        "elements": {"nodes": nodes, "edges": edges},
    }


def write_cytoscape(g: nx.Graph, path: Path) -> list[Path]:
    """Cytoscape.js elements JSON (Cytoscape's "cyjs" import)."""
    Path(path).write_text(
        json.dumps(cytoscape_elements(g), ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
    return [Path(path)]
