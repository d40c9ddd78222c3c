/* kg's network view: vis-network (from the pyvis package) and a details panel.
 *
 * Shared by the explorer's entity page (kg serve) and the page `kg export --format html`
 * writes. KG.graph(options) draws options.data ({nodes, edges}) in options.container and
 * pins, on click, a node's or an edge's details (the evidence sentences, with links to the
 * articles) in options.panel, where they stay until another click: the text can be
 * selected and copied, and the links followed. When it has drawn, <body> carries
 * data-status="ready" and data-drawn-nodes / data-drawn-edges; a script error lands in
 * data-errors.
 */
(function () {
  "use strict";
  var KG = window.KG = window.KG || {};
  window.addEventListener("error", function (e) {
    document.body.setAttribute("data-errors", String(e.message || e));
  });

  var TYPE_COLORS = {Person: "#E69F00", Organization: "#0072B2", Place: "#009E73",
                     Product: "#CC79A7", Other: "#999999", Article: "#555555"};

  function el(name, text, cls, parent) {
    var e = document.createElement(name);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  KG.el = el;

  function link(text, href, parent, cls) {
    var a = el("a", text, cls, parent);
    a.href = href;
    return a;
  }

  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }

  KG.graph = function (options) {
    var data = options.data, panel = options.panel, body = document.body;
    var nodes = new vis.DataSet(), edges = new vis.DataSet();
    var hidden = {predicates: {}, since: "", until: ""};

    function nodeItem(n) {
      var color = n.color || TYPE_COLORS[n.type] || TYPE_COLORS.Other;
      var item = {id: n.id, label: n.label, title: undefined, shape: "dot",
                  size: n.r || (n.id === data.center ? 18 : 11), raw: n,
                  color: {background: color, border: "#ffffff",
                          highlight: {background: color, border: "#d00000"}},
                  borderWidth: n.id === data.center ? 3 : 1.5,
                  font: {size: n.id === data.center ? 16 : 13, strokeWidth: 3,
                         strokeColor: "#ffffff"}};
      if (typeof n.x === "number" && typeof n.y === "number") {
        item.x = n.x; item.y = n.y; item.physics = false;
      }
      if (n.r) {
        // a big network, drawn small: vis-network scales each label with the node's value
        // (see the scaling option below), so the hubs stay named when the whole is shown
        item.value = n.r;
        delete item.size;
        delete item.font.size;
      }
      return item;
    }
    function edgeItem(e) {
      return {id: e.id, from: e.from, to: e.to, raw: e,
              label: options.edgeLabels === false ? undefined : e.predicate,
              arrows: e.directed ? "to" : "",
              width: e.width || Math.min(6, 1 + Math.log(1 + (e.weight || 1))),
              font: {size: 10, color: "#555555", strokeWidth: 3, strokeColor: "#ffffff",
                     align: "middle"},
              color: {color: "#9a9a9a", highlight: "#d55e00"},
              smooth: {type: "dynamic"}};
    }
    function add(more) {
      var fresh = 0;
      (more.nodes || []).forEach(function (n) {
        if (!nodes.get(n.id)) { nodes.add(nodeItem(n)); fresh++; }
      });
      (more.edges || []).forEach(function (e) {
        if (!edges.get(e.id)) { edges.add(edgeItem(e)); }
      });
      return fresh;
    }
    add(data);

    function edgeShown(item) {
      var e = item.raw;
      if (hidden.predicates[e.predicate]) { return false; }
      var first = e.first || e.last, last = e.last || e.first;
      if (hidden.since && (!last || last < hidden.since)) { return false; }
      if (hidden.until && (!first || first > hidden.until)) { return false; }
      return true;
    }
    var filtering = !!options.filters;
    var degree = {};
    data.edges.forEach(function (e) {
      degree[e.from] = (degree[e.from] || 0) + 1;
      degree[e.to] = (degree[e.to] || 0) + 1;
    });
    var edgeView = filtering ? new vis.DataView(edges, {filter: edgeShown}) : edges;
    var nodeView = filtering ? new vis.DataView(nodes, {filter: function (item) {
      var ids = edgeView.getIds();
      for (var i = 0; i < ids.length; i++) {
        var e = edges.get(ids[i]);
        if (e.from === item.id || e.to === item.id) { return true; }
      }
      return !degree[item.id];
    }}) : nodes;

    var fixed = data.nodes.length && typeof data.nodes[0].x === "number";
    var network = new vis.Network(options.container, {nodes: nodeView, edges: edgeView}, {
      autoResize: true,
      interaction: {hover: true, tooltipDelay: 300, multiselect: false,
                    navigationButtons: false, keyboard: false},
      physics: fixed ? false : {solver: "forceAtlas2Based", stabilization: {iterations: 200},
                                forceAtlas2Based: {gravitationalConstant: -60,
                                                   springLength: 120}},
      layout: {improvedLayout: data.nodes.length < 150},
      nodes: {scaling: {min: 8, max: 26, label: {enabled: true, min: 12, max: 44,
                                                 maxVisible: 22, drawThreshold: 7}}}
    });

    function counted() {
      body.setAttribute("data-drawn-nodes", String(nodeView.length));
      body.setAttribute("data-drawn-edges", String(edgeView.length));
      if (options.onCount) { options.onCount(nodeView.length, edgeView.length); }
    }

    // ---- the details panel ---------------------------------------------------------------
    function clear() {
      panel.textContent = "";
      panel.removeAttribute("data-pinned");
    }
    function evidenceList(items, parent) {
      var ul = el("ul", null, "evidence", parent);
      items.forEach(function (ev) {
        var li = el("li", null, null, ul);
        if (ev.sentence) { el("q", ev.sentence, null, li); }
        var src = el("span", null, "src", li);
        var name = ev.title || ev.article || "article";
        if (ev.href) { link(name, ev.href, src, "article-link"); } else { el("span", name, null, src); }
        var meta = [ev.source, ev.date].filter(Boolean).join(", ");
        if (meta) { src.appendChild(document.createTextNode(" (" + meta + ")")); }
      });
    }
    function showEdge(id) {
      var item = edges.get(id);
      if (!item) { return; }
      var e = item.raw, a = nodes.get(e.from), b = nodes.get(e.to);
      clear();
      panel.setAttribute("data-pinned", "edge");
      el("h2", (a ? a.label : e.from) + " " + e.predicate + " " + (b ? b.label : e.to), null,
         panel);
      var meta = plural(e.weight || (e.evidence || []).length, "article");
      if (e.first) { meta += ", " + e.first + (e.last && e.last !== e.first ? " to " + e.last : ""); }
      el("p", meta, "meta", panel);
      evidenceList(e.evidence || [], panel);
    }
    function showNode(id) {
      var item = nodes.get(id);
      if (!item) { return; }
      var n = item.raw;
      clear();
      panel.setAttribute("data-pinned", "node");
      el("h2", n.label, null, panel);
      var meta = [n.type];
      if (n.aliases && n.aliases.length) { meta.push("also " + n.aliases.join(", ")); }
      el("p", meta.join("; "), "meta", panel);
      var actions = el("p", null, "actions", panel);
      if (n.href) { link("Open " + n.label + "'s page", n.href, actions, "open-page"); }
      if (options.expand && n.expandable !== false) {
        var more = el("button", "Show its neighbours", "expand", actions);
        more.type = "button";
        more.addEventListener("click", function () { expand(id, more); });
      }
      var around = edges.get({filter: function (e) { return e.from === id || e.to === id; }});
      if (around.length) {
        el("h3", plural(around.length, "link"), null, panel);
        var ul = el("ul", null, "links", panel);
        around.forEach(function (e) {
          var li = el("li", null, null, ul);
          var other = nodes.get(e.from === id ? e.to : e.from);
          var text = e.from === id ? e.raw.predicate + " " + (other ? other.label : "")
                                   : (other ? other.label : "") + " " + e.raw.predicate;
          var b = el("button", text, "link-button", li);
          b.type = "button";
          b.addEventListener("click", function () { network.selectEdges([e.id]); showEdge(e.id); });
        });
      }
    }
    function expand(id, button) {
      if (button) { button.disabled = true; button.textContent = "Loading..."; }
      options.expand(nodes.get(id).raw).then(function (more) {
        var fresh = add(more);
        counted();
        body.setAttribute("data-expanded", id);
        if (button) { button.textContent = fresh ? plural(fresh, "new neighbour") + " shown"
                                                 : "No new neighbour"; }
      }).catch(function (err) {
        if (button) { button.disabled = false; button.textContent = "Could not load: " + err; }
      });
    }

    network.on("click", function (params) {
      if (params.nodes.length) { showNode(params.nodes[0]); }
      else if (params.edges.length) { showEdge(params.edges[0]); }
    });
    network.on("doubleClick", function (params) {
      if (!params.nodes.length) { return; }
      var n = nodes.get(params.nodes[0]).raw;
      if (n.href && options.openOnDoubleClick) { window.location.href = n.href; }
    });

    // ---- search: find a node by name and zoom to it ---------------------------------------
    function find(text) {
      var q = text.trim().toLowerCase();
      if (!q) { return []; }
      return nodes.get({filter: function (item) {
        var n = item.raw;
        if (n.label.toLowerCase().indexOf(q) >= 0) { return true; }
        return (n.aliases || []).some(function (a) { return a.toLowerCase().indexOf(q) >= 0; });
      }}).map(function (item) { return item.id; });
    }
    function search(text) {
      var found = find(text).filter(function (id) { return nodeView.get(id); });
      if (found.length) {
        network.selectNodes(found);
        network.focus(found[0], {scale: 1.4, animation: {duration: 300}});
        showNode(found[0]);
        body.setAttribute("data-focused", found[0]);
      } else {
        network.unselectAll();
      }
      return found;
    }

    function refilter() {
      if (!filtering) { return; }
      edgeView.refresh();
      nodeView.refresh();
      counted();
    }

    network.once("afterDrawing", function () {
      counted();
      body.setAttribute("data-status", "ready");
    });
    if (!data.nodes.length) {
      counted();
      body.setAttribute("data-status", "ready");
    }
    var api = {network: network, nodes: nodes, edges: edges, search: search, expand: expand,
               showNode: showNode, showEdge: showEdge,
               setPredicate: function (p, shown) { hidden.predicates[p] = !shown; refilter(); },
               setDates: function (since, until) {
                 hidden.since = since || ""; hidden.until = until || ""; refilter();
               }};
    window.kgGraph = api;
    return api;
  };
})();
