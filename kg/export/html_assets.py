"""The HTML export's own styles and script, inlined into every page with vis-network and kg's
network view (:mod:`kg.web`), so that nothing is fetched.

The script reads the page's data, draws it with ``KG.graph`` (a click pins a
node's or an edge's details in the side panel) and wires up the search box
(it zooms to the first match), the predicate boxes and the date range. When it
has drawn, ``<body>`` carries ``data-status="ready"`` and ``data-drawn-nodes``
/ ``data-drawn-edges`` (the counts now visible; ``data-total-nodes`` is the
network's size before keeping the most central); a script error lands in
``data-errors``.
"""

from __future__ import annotations

__all__ = ["CSS", "SCRIPT"]

CSS = r"""
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, -apple-system, "Segoe UI",
  Roboto, "DejaVu Sans", sans-serif; color: #222; background: #fafafa; }
body { display: flex; flex-direction: column; }
header { padding: 10px 16px 8px; background: #fff; border-bottom: 1px solid #ddd; }
header h1 { font-size: 18px; margin: 0 0 2px; font-weight: 600; }
header .sub { color: #555; font-size: 13px; margin: 0 0 6px; }
header .note { color: #8a4b00; font-size: 13px; margin: 0 0 6px; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 18px; align-items: center; }
.controls label { font-size: 13px; color: #444; }
.controls input[type=search] { width: 220px; padding: 4px 8px; border: 1px solid #bbb;
  border-radius: 4px; font-size: 13px; }
.controls input[type=date] { padding: 2px 4px; border: 1px solid #bbb; border-radius: 4px;
  font-size: 13px; }
.predicates { display: flex; flex-wrap: wrap; gap: 4px 10px; }
.predicates label { white-space: nowrap; }
.legend { display: flex; gap: 12px; font-size: 13px; }
.legend span::before { content: ""; display: inline-block; width: 11px; height: 11px;
  border-radius: 50%; margin-right: 4px; vertical-align: -1px; background: var(--c); }
.counts { color: #555; font-size: 13px; }
main.kg-graph { flex: 1; min-height: 0; padding: 10px; }
main.kg-graph .kg-canvas { height: 100%; }
.empty { padding: 40px; text-align: center; color: #777; font-size: 16px; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  var body = document.body;
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };
  var el = KG.el;

  var legend = $("kg-legend");
  Object.keys(DATA.types).forEach(function (t) {
    var s = el("span", t, null, legend);
    s.style.setProperty("--c", DATA.types[t]);
  });
  function counts(n, e) {
    $("kg-counts").textContent = n + " nodes, " + e + " links shown";
  }
  if (!DATA.nodes.length) {
    var canvas = $("kg-canvas");
    el("p", "No node matches the filters.", "empty", canvas);
    body.setAttribute("data-status", "ready");
    counts(0, 0);
    return;
  }
  var graph = KG.graph({container: $("kg-canvas"), panel: $("kg-details"), data: DATA,
                        filters: true, edgeLabels: DATA.edgeLabels, onCount: counts});

  var predBox = $("kg-predicates");
  DATA.predicates.forEach(function (p) {
    var lab = el("label", null, null, predBox);
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.value = p;
    box.addEventListener("change", function () { graph.setPredicate(p, box.checked); });
    lab.appendChild(box);
    lab.appendChild(document.createTextNode(" " + p));
  });
  var since = $("kg-since"), until = $("kg-until");
  if (DATA.dates[0]) { since.placeholder = DATA.dates[0]; until.placeholder = DATA.dates[1]; }
  function dates() { graph.setDates(since.value, until.value); }
  since.addEventListener("change", dates);
  until.addEventListener("change", dates);

  var search = $("kg-search"), found = $("kg-search-count");
  function find() {
    var hits = graph.search(search.value);
    found.textContent = search.value.trim() ? hits.length + " found" : "";
  }
  search.addEventListener("change", find);
  search.addEventListener("keydown", function (e) { if (e.key === "Enter") { find(); } });
})();
"""
