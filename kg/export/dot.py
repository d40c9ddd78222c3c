"""Graphviz DOT, written by hand: nodes filled by type, edges labelled by predicate.

The entity network is a ``digraph``; its symmetric edges get ``dir=none``.
The co-mention and bipartite networks are undirected ``graph``s. Every
attribute kg knows is kept (Graphviz ignores the ones it has no use for).
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from .flat import flat_edge, flat_node, type_color

__all__ = ["write_dot", "dot_text", "dot_quote"]


def dot_quote(value) -> str:
    """A DOT quoted string (or a bare number/boolean).

    >>> dot_quote('Say "hi"\\nnow'), dot_quote(3), dot_quote(True)
    ('"Say \\\\"hi\\\\"\\\\nnow"', '3', '"true"')
    """
    if isinstance(value, bool):
        return '"true"' if value else '"false"'
    if isinstance(value, (int, float)):
        return repr(value)
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return f'"{text}"'


def _attrs(attrs: dict) -> str:
    return ", ".join(f"{k}={dot_quote(v)}" for k, v in attrs.items() if v is not None)


def dot_text(g: nx.Graph) -> str:
    """The network in the DOT language."""
    directed = g.is_directed()
    arrow = "->" if directed else "--"
    title = {
        "entity": "Entity network",
        "comention": "Co-mention network",
        "bipartite": "Article-entity network",
    }.get(g.graph.get("kind"), "Network")
    if g.graph.get("filters"):
        title += f" ({g.graph['filters']})"
    lines = [
        f"{'digraph' if directed else 'graph'} kg {{",
        f"  graph [{_attrs({'label': title, 'labelloc': 't', 'overlap': 'false', 'fontname': 'Helvetica'})}];",  # noqa: E501
        '  node [style="filled", fontname="Helvetica", fontsize=10, fontcolor="white"];',
        '  edge [fontname="Helvetica", fontsize=8, color="#777777", fontcolor="#444444"];',
    ]
    for n, d in g.nodes(data=True):
        attrs = flat_node(n, d)
        del attrs["id"]
        attrs["fillcolor"] = type_color(d.get("type"))
        attrs["shape"] = "box" if d.get("kind") == "article" else "ellipse"
        lines.append(f"  {dot_quote(n)} [{_attrs(attrs)}];")
    for u, v, d in g.edges(data=True):
        attrs = flat_edge(d)
        if g.graph.get("kind") != "entity":
            attrs.pop("label", None)  # "co-mention" or "mentions" on every edge says nothing
        if directed and not d.get("directed", True):
            attrs["dir"] = "none"
        lines.append(f"  {dot_quote(u)} {arrow} {dot_quote(v)} [{_attrs(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_dot(g: nx.Graph, path: Path) -> list[Path]:
    """Write the network as a ``.dot`` file (``dot -Tsvg net.dot > net.svg`` draws it)."""
    Path(path).write_text(dot_text(g), encoding="utf-8")
    return [Path(path)]
