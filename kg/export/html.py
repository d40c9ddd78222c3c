"""One self-contained HTML page to explore a network in a browser, offline.

The layout is computed here; the page embeds it as JSON with vis-network (from
the pyvis package), kg's network view (:mod:`kg.web`, the one the explorer of
``kg serve`` uses) and its own furniture (:mod:`kg.export.html_assets`), under
a Content Security Policy that forbids fetching anything. Nodes are coloured
by type and sized by centrality, edges labelled by predicate; a click pins a
node's or an edge's details (evidence sentences, links to the articles) in a
panel, where the text can be selected; a search box zooms to a name, and
predicate and date filters hide what they leave out.
"""

from __future__ import annotations

import html
import json
import math
from pathlib import Path

import networkx as nx

from ..web import graph_css, graph_js, vis_network_css, vis_network_js
from .draw import network_title
from .flat import TYPE_COLORS, node_centrality, type_color
from .html_assets import CSS, SCRIPT
from .layout import layout_positions

__all__ = ["write_html", "page_data", "html_page"]

_CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"


def _evidence(d: dict) -> list[dict]:
    """An edge's evidence for the page: each sentence, its article (linked to where it was
    published, when known), outlet and date."""
    return [
        {
            **{k: e.get(k) for k in ("sentence", "title", "article", "source", "date")},
            "href": e.get("url"),
        }
        for e in d.get("evidence", [])
    ]


def page_data(g: nx.Graph) -> dict:
    """What the page's script draws: laid-out nodes, edges with evidence, filters, notes."""
    pos = layout_positions(g)
    n = len(g)
    size = min(5000.0, max(500.0, 170.0 * math.sqrt(max(n, 1))))
    top_y = max((p[1] for p in pos.values()), default=0.0)
    cent = node_centrality(g)
    most = max(cent.values(), default=0.0) or 1.0
    degree = dict(nx.Graph(g).degree()) if n else {}
    nodes = [
        {
            "id": v,
            "label": str(d.get("label", v)),
            "type": d.get("type", "Other"),
            "color": type_color(d.get("type")),
            "aliases": list(d.get("aliases") or []),
            "x": round(pos[v][0] * size, 1),
            "y": round((top_y - pos[v][1]) * size, 1),
            "r": round(6 + 16 * math.sqrt(cent[v] / most), 1),
            "centrality": round(cent[v], 4),
            "degree": degree.get(v, 0),
            "expandable": False,
        }
        for v, d in g.nodes(data=True)
    ]
    weights = [d.get("weight", 1) for *_, d in g.edges(data=True)]
    heavy = max(weights, default=1)
    edges = []
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        w = d.get("weight", 1)
        edges.append(
            {
                "id": f"e{i}",
                "from": u,
                "to": v,
                "predicate": d.get("predicate", ""),
                "directed": bool(g.is_directed() and d.get("directed", True)),
                "weight": w,
                "first": d.get("first"),
                "last": d.get("last"),
                "width": round(1 + 3 * math.log1p(w) / math.log1p(heavy), 2),
                "evidence": _evidence(d),
            }
        )
    dates = sorted(x for e in edges for x in (e["first"], e["last"]) if x)
    types = {t: c for t, c in TYPE_COLORS.items() if any(x["type"] == t for x in nodes)}
    shown, total = g.graph.get("shown", n), g.graph.get("total", n)
    component = g.graph.get("component")
    note = ""
    if total > shown and component is not None:
        if component <= shown:
            what = (
                f"the largest connected part of the network ({component} of its {total} "
                f"nodes) and the next largest parts that fit, {shown} nodes in all"
            )
        else:
            what = (
                f"the {shown} most central nodes of the network's largest connected part "
                f"({component} of its {total} nodes), linked to one another"
            )
        note = (
            f"Showing {what}. Export with --top 0 to show them all, or --top N for another number."
        )
    elif total > shown:
        note = (
            f"Showing the {shown} most central of {total} nodes (PageRank). "
            "Export with --top 0 to show them all, or --top N for another number."
        )
    title, _, filters = network_title(g).partition("\n")
    return {
        "title": title,
        "filters": filters,
        "note": note,
        "kind": g.graph.get("kind", ""),
        "total": total,
        "nodes": nodes,
        "edges": edges,
        "types": types,
        "predicates": sorted({e["predicate"] for e in edges}),
        "dates": [dates[0], dates[-1]] if dates else [None, None],
        "edgeLabels": g.graph.get("kind") == "entity" and len(edges) <= 150,
    }


def _script_json(value) -> str:
    """JSON safe inside a <script> element (no "</script>", no HTML-significant characters)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _inline(code: str) -> str:
    """A script's text, safe inside a <script> element."""
    return code.replace("</script", "<\\/script").replace("<!--", "<\\!--")


def html_page(data: dict) -> str:
    """The page for :func:`page_data`'s output."""
    esc = html.escape
    sub = f'<p class="sub">{esc(data["filters"])}</p>' if data["filters"] else ""
    note = f'<p class="note">{esc(data["note"])}</p>' if data["note"] else ""
    script = "\n".join([vis_network_js(), graph_js(), SCRIPT])
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kg export --format html">
<title>{esc(data["title"])}</title>
<style>{vis_network_css()}
{graph_css()}
{CSS}</style>
</head>
<body data-status="loading" data-drawn-nodes="0" data-drawn-edges="0"
  data-kind="{esc(data["kind"])}" data-total-nodes="{data["total"]}">
<header>
<h1>{esc(data["title"])}</h1>
{sub}{note}
<div class="controls">
  <label>Search <input id="kg-search" type="search" placeholder="a name, e.g. Musk"
    autocomplete="off"></label> <span id="kg-search-count" class="counts"></span>
  <label>From <input id="kg-since" type="date"></label>
  <label>to <input id="kg-until" type="date"></label>
  <div id="kg-predicates" class="predicates" title="edge types shown"></div>
  <div id="kg-legend" class="legend"></div>
  <span id="kg-counts" class="counts"></span>
</div>
</header>
<main class="kg-graph">
<div id="kg-canvas" class="kg-canvas" role="img" aria-label="{esc(data["title"])}"></div>
<aside id="kg-details" class="kg-details"><p class="hint">Click a node or a link: its details
and evidence stay here, to read, copy or follow to the article.</p></aside>
</main>
<script type="application/json" id="kg-data">{_script_json(data)}</script>
<script>{_inline(script)}</script>
</body>
</html>
"""


def write_html(g: nx.Graph, path: Path) -> list[Path]:
    """Write the page (one file; open it in any browser, no network needed)."""
    Path(path).write_text(html_page(page_data(g)), encoding="utf-8")
    return [Path(path)]
