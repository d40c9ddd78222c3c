"""The stylesheet and script of the HTML export, inlined into every page (nothing is fetched).

Kept as Python strings so that they ship inside the package like any module.
The script is plain JavaScript with no library: it draws the nodes and
edges the exporter laid out as SVG, and wires up hovering, search, filters,
pan, zoom and dragging. When it has drawn, ``<body>`` carries
``data-status="ready"`` and ``data-drawn-nodes`` / ``data-drawn-edges``
(the counts now visible; ``data-total-nodes`` is the network's size before
keeping the most central); a script error lands in ``data-errors``.
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
main { position: relative; flex: 1; min-height: 0; }
svg#kg-canvas { width: 100%; height: 100%; display: block; cursor: grab; background: #fafafa; }
svg#kg-canvas.panning { cursor: grabbing; }
.edge { fill: none; stroke: #8d8d8d; stroke-opacity: 0.75; }
.edge-hit { fill: none; stroke: transparent; stroke-width: 12px; cursor: help; }
.edge-label { font-size: 9px; fill: #555; text-anchor: middle; dominant-baseline: central;
  paint-order: stroke; stroke: #fafafa; stroke-width: 3px; pointer-events: none; }
.node circle { stroke: #fff; stroke-width: 1.5px; cursor: pointer; }
.node text { font-size: 11px; fill: #222; text-anchor: middle; paint-order: stroke;
  stroke: #fafafa; stroke-width: 3px; pointer-events: none; }
.hidden { display: none; }
.dim { opacity: 0.15; }
.match circle { stroke: #d00; stroke-width: 3px; }
.match text { font-weight: 700; }
.edge.hot { stroke: #d55e00; stroke-opacity: 1; }
svg.small-labels .edge-label { display: none; }
svg.many-edges .edge { stroke-opacity: 0.3; }
#kg-tooltip { position: absolute; max-width: 460px; padding: 8px 10px; background: #fff;
  border: 1px solid #bbb; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.15);
  font-size: 12.5px; pointer-events: none; z-index: 10; }
#kg-tooltip h2 { font-size: 13px; margin: 0 0 4px; }
#kg-tooltip .meta { color: #666; margin: 0 0 6px; }
#kg-tooltip ul { margin: 0; padding-left: 16px; }
#kg-tooltip li { margin: 0 0 5px; }
#kg-tooltip q { font-style: italic; }
#kg-tooltip .src { color: #555; display: block; }
.empty { position: absolute; top: 40%; width: 100%; text-align: center; color: #777;
  font-size: 16px; }
"""

SCRIPT = r"""
(function () {
  "use strict";
  var body = document.body;
  window.addEventListener("error", function (e) {
    body.setAttribute("data-errors", String(e.message || e));
  });
  var DATA = JSON.parse(document.getElementById("kg-data").textContent);
  var NS = "http://www.w3.org/2000/svg";
  var svg = document.getElementById("kg-canvas");
  var tip = document.getElementById("kg-tooltip");
  var nodes = DATA.nodes, edges = DATA.edges;

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function html(name, text, cls, parent) {
    var e = document.createElement(name);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  // ---- page furniture: legend, predicate filters, date range ------------------------------
  var legend = document.getElementById("kg-legend");
  Object.keys(DATA.types).forEach(function (t) {
    var s = html("span", t, null, legend);
    s.style.setProperty("--c", DATA.types[t]);
  });
  var predBox = document.getElementById("kg-predicates");
  var predChecks = {};
  DATA.predicates.forEach(function (p) {
    var lab = html("label", null, null, predBox);
    var box = document.createElement("input");
    box.type = "checkbox"; box.checked = true; box.value = p;
    box.addEventListener("change", applyFilters);
    lab.appendChild(box);
    lab.appendChild(document.createTextNode(" " + p));
    predChecks[p] = box;
  });
  var since = document.getElementById("kg-since"), until = document.getElementById("kg-until");
  if (DATA.dates[0]) { since.placeholder = DATA.dates[0]; until.placeholder = DATA.dates[1]; }
  since.addEventListener("change", applyFilters);
  until.addEventListener("change", applyFilters);

  // ---- drawing ------------------------------------------------------------------------------
  var defs = el("defs", {}, svg);
  var marker = el("marker", {id: "kg-arrow", viewBox: "0 0 10 10", refX: "10", refY: "5",
    markerWidth: "9", markerHeight: "9", markerUnits: "userSpaceOnUse",
    orient: "auto-start-reverse"}, defs);
  el("path", {d: "M0,0 L10,5 L0,10 z", fill: "#8d8d8d"}, marker);
  var view = el("g", {id: "kg-viewport"}, svg);
  var edgeLayer = el("g", {"class": "edges"}, view);
  var labelLayer = el("g", {"class": "edge-labels"}, view);
  var nodeLayer = el("g", {"class": "nodes"}, view);

  nodes.forEach(function (n, i) {
    n.index = i;
    n.g = el("g", {"class": "node"}, nodeLayer);
    n.circle = el("circle", {r: n.r, fill: n.color}, n.g);
    n.text = el("text", {dy: -(n.r + 4)}, n.g);
    n.text.textContent = n.label;
    n.edges = [];
    n.g.addEventListener("mouseenter", function (ev) { showNode(n, ev); });
    n.g.addEventListener("mousemove", moveTip);
    n.g.addEventListener("mouseleave", hideTip);
    n.g.addEventListener("mousedown", function (ev) { startDrag(ev, n); });
  });
  // parallel edges between the same two nodes fan out as curves
  var pairCount = {};
  edges.forEach(function (e) {
    var a = Math.min(e.source, e.target), b = Math.max(e.source, e.target);
    var key = a + " " + b;
    var i = pairCount[key] || 0;
    pairCount[key] = i + 1;
    e.bend = i === 0 ? 0 : Math.ceil(i / 2) * (i % 2 ? 1 : -1) * 26;
    e.flip = e.source > e.target ? -1 : 1;
    e.path = el("path", {"class": "edge", "stroke-width": e.width}, edgeLayer);
    if (e.directed) { e.path.setAttribute("marker-end", "url(#kg-arrow)"); }
    e.hit = el("path", {"class": "edge-hit", "data-predicate": e.predicate}, edgeLayer);
    e.label = el("text", {"class": "edge-label"}, labelLayer);
    e.label.textContent = e.showLabel ? e.predicate : "";
    nodes[e.source].edges.push(e);
    nodes[e.target].edges.push(e);
    e.hit.addEventListener("mouseenter", function (ev) { showEdge(e, ev); });
    e.hit.addEventListener("mousemove", moveTip);
    e.hit.addEventListener("mouseleave", function () {
      e.path.classList.remove("hot");
      hideTip();
    });
  });

  if (edges.length > 300) { svg.classList.add("many-edges"); }
  function placeNode(n) { n.g.setAttribute("transform", "translate(" + n.x + "," + n.y + ")"); }
  function placeEdge(e) {
    var s = nodes[e.source], t = nodes[e.target];
    var dx = t.x - s.x, dy = t.y - s.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var b = e.bend * e.flip;
    var cx = (s.x + t.x) / 2 - dy / len * b, cy = (s.y + t.y) / 2 + dx / len * b;
    // end the line at the target's rim, so the arrowhead shows
    var ex = t.x - cx, ey = t.y - cy, el_ = Math.sqrt(ex * ex + ey * ey) || 1;
    var tx = t.x - ex / el_ * (t.r + 1), ty = t.y - ey / el_ * (t.r + 1);
    var d = "M" + s.x.toFixed(1) + "," + s.y.toFixed(1) + " Q" + cx.toFixed(1) + "," +
      cy.toFixed(1) + " " + tx.toFixed(1) + "," + ty.toFixed(1);
    e.path.setAttribute("d", d);
    e.hit.setAttribute("d", d);
    e.label.setAttribute("x", (0.25 * s.x + 0.5 * cx + 0.25 * t.x).toFixed(1));
    e.label.setAttribute("y", (0.25 * s.y + 0.5 * cy + 0.25 * t.y).toFixed(1));
  }
  nodes.forEach(placeNode);
  edges.forEach(placeEdge);

  // ---- tooltips -----------------------------------------------------------------------------
  function moveTip(ev) {
    var box = svg.getBoundingClientRect();
    var x = ev.clientX - box.left + 14, y = ev.clientY - box.top + 14;
    if (x + tip.offsetWidth > box.width) {
      x = Math.max(0, ev.clientX - box.left - tip.offsetWidth - 10);
    }
    if (y + tip.offsetHeight > box.height) {
      y = Math.max(0, ev.clientY - box.top - tip.offsetHeight - 10);
    }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  function showNode(n, ev) {
    if (dragging) { return; }
    tip.textContent = "";
    html("h2", n.label, null, tip);
    var meta = n.type + " · " + n.degree + (n.degree === 1 ? " link" : " links") +
      " · centrality " + n.centrality;
    html("p", meta, "meta", tip);
    if (n.aliases && n.aliases.length) { html("p", "also: " + n.aliases.join(", "), "meta", tip); }
    tip.hidden = false;
    moveTip(ev);
  }
  function showEdge(e, ev) {
    if (dragging) { return; }
    e.path.classList.add("hot");
    tip.textContent = "";
    var s = nodes[e.source].label, t = nodes[e.target].label;
    html("h2", s + (e.directed ? " → " : " — ") + e.predicate + (e.directed ? " → " : " — ") + t,
      null, tip);
    var span = e.first ? (e.first === e.last ? e.first : e.first + " to " + e.last) : "undated";
    html("p", e.weight + (e.weight === 1 ? " article" : " articles") + " · " + span, "meta", tip);
    var ul = html("ul", null, null, tip);
    e.evidence.slice(0, 6).forEach(function (ev_) {
      var li = html("li", null, null, ul);
      if (ev_.sentence) { html("q", ev_.sentence, null, li); }
      var where = [ev_.source, ev_.date].filter(Boolean).join(", ");
      html("span", (ev_.sentence ? "— " : "") + (ev_.title || ev_.article) +
        (where ? " (" + where + ")" : ""), "src", li);
    });
    if (e.evidence.length > 6) {
      html("p", "and " + (e.evidence.length - 6) + " more", "meta", tip);
    }
    tip.hidden = false;
    moveTip(ev);
  }

  // ---- filters and search -------------------------------------------------------------------
  function datePasses(d, from, to) {
    if (!from && !to) { return true; }
    if (!d) { return false; }
    if (from && d.slice(0, from.length) < from.slice(0, d.length)) { return false; }
    if (to && d.slice(0, to.length) > to.slice(0, d.length)) { return false; }
    return true;
  }
  function applyFilters() {
    var from = since.value, to = until.value;
    var shownNodes = 0, shownEdges = 0;
    nodes.forEach(function (n) { n.visible = n.edges.length === 0; });
    edges.forEach(function (e) {
      var ok = predChecks[e.predicate] ? predChecks[e.predicate].checked : true;
      if (ok && (from || to)) {
        ok = e.evidence.some(function (x) { return datePasses(x.date, from, to); });
      }
      e.visible = ok;
      [e.path, e.hit, e.label].forEach(function (x) { x.classList.toggle("hidden", !ok); });
      if (ok) { shownEdges += 1; nodes[e.source].visible = true; nodes[e.target].visible = true; }
    });
    nodes.forEach(function (n) {
      n.g.classList.toggle("hidden", !n.visible);
      if (n.visible) { shownNodes += 1; }
    });
    body.setAttribute("data-drawn-nodes", String(shownNodes));
    body.setAttribute("data-drawn-edges", String(shownEdges));
    document.getElementById("kg-counts").textContent = shownNodes + " nodes, " + shownEdges +
      " edges shown";
  }
  var search = document.getElementById("kg-search");
  var searchCount = document.getElementById("kg-search-count");
  function matches(n, q) {
    if (n.label.toLowerCase().indexOf(q) >= 0) { return true; }
    return (n.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
  }
  function applySearch() {
    var q = search.value.trim().toLowerCase();
    var found = [];
    nodes.forEach(function (n) {
      var hit = q !== "" && matches(n, q);
      n.g.classList.toggle("match", hit);
      n.g.classList.toggle("dim", q !== "" && !hit);
      if (hit) { found.push(n); }
    });
    edges.forEach(function (e) {
      var lit = q === "" || nodes[e.source].g.classList.contains("match") ||
        nodes[e.target].g.classList.contains("match");
      e.path.classList.toggle("dim", !lit);
      e.label.classList.toggle("dim", !lit);
    });
    searchCount.textContent = q ? found.length + " found" : "";
    return found;
  }
  search.addEventListener("input", applySearch);
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter") {
      var found = applySearch();
      if (found.length) { centerOn(found[0]); }
    }
  });

  // ---- pan, zoom, drag ----------------------------------------------------------------------
  var vb = {x: 0, y: 0, w: 100, h: 100};
  function setView() {
    svg.setAttribute("viewBox", vb.x + " " + vb.y + " " + vb.w + " " + vb.h);
    var scale = svg.clientWidth / vb.w;
    svg.classList.toggle("small-labels", DATA.hideEdgeLabels && scale < 1.4);
  }
  function fit() {
    if (!nodes.length) { setView(); return; }
    var xs = nodes.map(function (n) { return n.x; }), ys = nodes.map(function (n) { return n.y; });
    var pad = 90;
    vb.x = Math.min.apply(null, xs) - pad; vb.y = Math.min.apply(null, ys) - pad;
    vb.w = Math.max.apply(null, xs) - vb.x + pad; vb.h = Math.max.apply(null, ys) - vb.y + pad;
    var ratio = (svg.clientWidth || 1000) / (svg.clientHeight || 700);
    if (vb.w / vb.h < ratio) { var w = vb.h * ratio; vb.x -= (w - vb.w) / 2; vb.w = w; }
    else { var h = vb.w / ratio; vb.y -= (h - vb.h) / 2; vb.h = h; }
    setView();
  }
  function centerOn(n) { vb.x = n.x - vb.w / 2; vb.y = n.y - vb.h / 2; setView(); }
  function toSvg(ev) {
    var box = svg.getBoundingClientRect();
    return {x: vb.x + (ev.clientX - box.left) / box.width * vb.w,
            y: vb.y + (ev.clientY - box.top) / box.height * vb.h};
  }
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var p = toSvg(ev), k = ev.deltaY < 0 ? 0.85 : 1 / 0.85;
    vb.x = p.x - (p.x - vb.x) * k; vb.y = p.y - (p.y - vb.y) * k; vb.w *= k; vb.h *= k;
    setView();
  }, {passive: false});
  var dragging = null, panning = null;
  function startDrag(ev, n) { ev.stopPropagation(); dragging = n; hideTip(); }
  svg.addEventListener("mousedown", function (ev) {
    panning = {x: ev.clientX, y: ev.clientY, vx: vb.x, vy: vb.y};
    svg.classList.add("panning");
  });
  window.addEventListener("mousemove", function (ev) {
    if (dragging) {
      var p = toSvg(ev);
      dragging.x = p.x; dragging.y = p.y;
      placeNode(dragging);
      dragging.edges.forEach(placeEdge);
    } else if (panning) {
      var box = svg.getBoundingClientRect();
      vb.x = panning.vx - (ev.clientX - panning.x) / box.width * vb.w;
      vb.y = panning.vy - (ev.clientY - panning.y) / box.height * vb.h;
      setView();
    }
  });
  window.addEventListener("mouseup", function () {
    dragging = null; panning = null; svg.classList.remove("panning");
  });
  window.addEventListener("resize", fit);

  if (!nodes.length) { html("div", "No node matches the filters.", "empty", svg.parentNode); }
  fit();
  applyFilters();
  body.setAttribute("data-status", "ready");
})();
"""
