/* The explorer's pages, made richer: the entity's network, the query page's colouring and
 * saved questions. Every page works without it. */
(function () {
  "use strict";
  var body = document.body;
  var $ = function (id) { return document.getElementById(id); };
  window.addEventListener("error", function (e) {
    body.setAttribute("data-errors", String(e.message || e));
  });
  Array.prototype.forEach.call(document.querySelectorAll(".js-only"), function (e) {
    e.hidden = false;
  });

  function el(name, text, cls, parent) {
    var e = document.createElement(name);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    if (parent) { parent.appendChild(e); }
    return e;
  }

  // ---- the entity page: its neighbourhood, drawn by graph.js ------------------------------
  function entityPage() {
    var source = $("kg-network");
    if (!source || !window.KG || !window.vis) { return false; }
    var data = JSON.parse(source.textContent);
    var loaded = {};
    loaded[data.center] = true;
    KG.graph({
      container: $("kg-canvas"), panel: $("kg-details"), data: data,
      openOnDoubleClick: true,
      expand: function (node) {
        if (loaded[node.id]) { return Promise.resolve({nodes: [], edges: []}); }
        return fetch("/entity/" + node.slug + "/network.json",
                     {headers: {"Accept": "application/json"}})
          .then(function (r) {
            if (!r.ok) { throw new Error(r.status + " " + r.statusText); }
            return r.json();
          })
          .then(function (more) { loaded[node.id] = true; return more; });
      }
    });
    return true;
  }

  // ---- the query page ----------------------------------------------------------------------
  function prefixes() {
    var source = $("kg-prefixes");
    return source ? JSON.parse(source.textContent) : {};
  }
  function short(term, known) {
    if (!term) { return ""; }
    if (term.type !== "uri") { return term.value; }
    var best = null;
    Object.keys(known).forEach(function (p) {
      var ns = known[p];
      if (term.value.indexOf(ns) === 0 && (!best || ns.length > best[1].length)) { best = [p, ns]; }
    });
    return best ? best[0] + ":" + term.value.slice(best[1].length) : term.value;
  }
  function linkOf(iri, known) {
    var entity = known.entity, article = known.article, graph = known.graph;
    var tail;
    if (iri.indexOf(entity) === 0 && (tail = iri.slice(entity.length)).indexOf("/") < 0) {
      return "/entity/" + tail.split("#")[0];
    }
    for (var i = 0; i < 2; i++) {
      var ns = i ? graph : article;
      if (iri.indexOf(ns) === 0 && (tail = iri.slice(ns.length)).indexOf("/") < 0) {
        return "/article/" + tail.split("#")[0];
      }
    }
    return null;
  }
  function table(doc, parent, known) {
    parent.textContent = "";
    if (typeof doc.boolean === "boolean") { el("p", doc.boolean ? "yes" : "no", "answer", parent); return 0; }
    var vars = doc.head.vars || [], rows = doc.results.bindings;
    var t = el("table", null, "results", parent);
    var head = el("tr", null, null, el("thead", null, null, t));
    vars.forEach(function (v) { el("th", v, null, head); });
    var tb = el("tbody", null, null, t);
    rows.slice(0, 1000).forEach(function (b) {
      var tr = el("tr", null, null, tb);
      vars.forEach(function (v) {
        var td = el("td", null, null, tr), term = b[v];
        if (!term) { return; }
        var href = term.type === "uri" ? linkOf(term.value, known) : null;
        if (href) { var a = el("a", short(term, known), null, td); a.href = href; }
        else { td.textContent = short(term, known); }
        if (term.type === "uri") { td.className = "iri"; td.title = term.value; }
      });
    });
    return rows.length;
  }

  function queryPage() {
    var editor = $("query");
    if (!editor) { return; }
    var known = prefixes();
    editor.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); $("query-form").submit(); }
    });
    // the query, coloured as it is typed (the server's Pygments does the colouring)
    var timer = null;
    editor.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        fetch("/highlight", {method: "POST", body: new URLSearchParams({query: editor.value}),
                             headers: {"Content-Type": "application/x-www-form-urlencoded"}})
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (html) { if (html !== null) { $("kg-highlight").innerHTML = html; } })
          .catch(function () {});
      }, 250);
    });
    // saved questions
    var saved = [];
    var current = function () {
      return saved.filter(function (q) { return q.name === $("saved").value; })[0];
    };
    function pick() {
      var q = current();
      if (!q) { return; }
      $("saved-desc").textContent = q.description;
      var box = $("saved-params");
      box.textContent = "";
      q.params.forEach(function (p) {
        var label = el("label", p.name + " (" + p.kind + "): " + p.description, null, box);
        var input = el("input", null, null, label);
        input.name = p.name;
        input.value = (q.example || {})[p.name] || "";
        input.addEventListener("keydown", function (e) { if (e.key === "Enter") { ask(); } });
      });
    }
    function ask() {
      var q = current();
      if (!q) { return; }
      var params = new URLSearchParams();
      Array.prototype.forEach.call($("saved-params").querySelectorAll("input"), function (i) {
        params.set(i.name, i.value);
      });
      $("saved-status").textContent = "asking...";
      fetch("/saved/" + encodeURIComponent(q.name) + "?" + params.toString(),
            {headers: {"Accept": "application/sparql-results+json"}})
        .then(function (r) {
          return r.text().then(function (text) { return {ok: r.ok, status: r.status, text: text}; });
        })
        .then(function (r) {
          if (!r.ok) { $("saved-status").textContent = r.status + ": " + r.text; return; }
          var n = table(JSON.parse(r.text), $("saved-results"), known);
          $("saved-status").textContent = n + " rows";
        })
        .catch(function (err) { $("saved-status").textContent = String(err); });
    }
    fetch("/saved", {headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (list) {
        saved = list;
        list.forEach(function (q) {
          var o = el("option", q.name, null, $("saved"));
          o.value = q.name;
        });
        pick();
      })
      .catch(function (err) { $("saved-status").textContent = "cannot list the saved questions: " + err; });
    $("saved").addEventListener("change", pick);
    $("ask").addEventListener("click", ask);
    $("to-editor").addEventListener("click", function () {
      var q = current();
      if (!q) { return; }
      editor.value = q.sparql.split("\n").filter(function (l) { return l.indexOf("#") !== 0; })
        .join("\n");
      editor.dispatchEvent(new Event("input"));
    });
  }

  var page = body.getAttribute("data-page");
  var drawing = page === "entity" && entityPage();
  if (page === "query") { queryPage(); }
  if (!drawing) { body.setAttribute("data-status", "ready"); }
})();
