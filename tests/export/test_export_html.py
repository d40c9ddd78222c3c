"""The HTML page: one self-contained file that fetches nothing, opened in headless Chromium."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kg.export import export_network
from kg.graph import open_store
from kg.network import Filters, build_network, entity_network, read_network_data, top_nodes

E = "https://w3id.org/nkg/entity/"

# Run in the page after kg's script: click the executiveOf edge (the click vis-network sends),
# search, untick a predicate and set a start date, and write what happened into <body>
# attributes that --dump-dom shows.
HARNESS = """<script>
(function () {
  var b = document.body, q = function (s) { return document.querySelector(s); };
  var graph = window.kgGraph;
  var edge = graph.edges.get({filter: function (e) {
    return e.raw.predicate === "executiveOf"; }})[0];
  graph.network.emit("click", {nodes: [], edges: [edge.id], event: {}, pointer: {}});
  var panel = q("#kg-details");
  b.setAttribute("data-test-pinned", panel.getAttribute("data-pinned"));
  b.setAttribute("data-test-panel", panel.textContent);
  b.setAttribute("data-test-links", Array.prototype.map.call(
    panel.querySelectorAll("a.article-link"), function (a) { return a.href; }).join(" "));
  graph.network.emit("click", {nodes: [], edges: [], event: {}, pointer: {}});
  b.setAttribute("data-test-still-pinned", panel.getAttribute("data-pinned"));
  var s = q("#kg-search");
  s.value = "acme"; s.dispatchEvent(new Event("change"));
  b.setAttribute("data-test-found", q("#kg-search-count").textContent);
  b.setAttribute("data-test-selected", graph.network.getSelectedNodes().join(" "));
  var box = q("#kg-predicates input[value=sues]");
  if (box) { box.checked = false; box.dispatchEvent(new Event("change")); }
  b.setAttribute("data-test-without-sues", b.getAttribute("data-drawn-edges"));
  if (box) { box.checked = true; box.dispatchEvent(new Event("change")); }
  var since = q("#kg-since");
  since.value = "2025-04-01"; since.dispatchEvent(new Event("change"));
  b.setAttribute("data-test-since-april", b.getAttribute("data-drawn-edges"));
})();
</script>
"""


class _Page(HTMLParser):
    """The attributes of <body> and of every <script>, <link>, <img>, <iframe>."""

    def __init__(self):
        super().__init__()
        self.body: dict[str, str | None] = {}
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "body":
            self.body = dict(attrs)
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    return page


def embedded_data(html: str) -> dict:
    m = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    return json.loads(m.group(1))


@pytest.fixture()
def awkward_page(awkward_data, tmp_path) -> tuple[Path, object]:
    g = top_nodes(entity_network(awkward_data), 0)
    path = tmp_path / "net.html"
    export_network(g, "html", path)
    return path, g


def console_messages(log: str) -> list[str]:
    return [line for line in log.splitlines() if ":CONSOLE" in line]


def test_export_html_is_self_contained(awkward_page):
    path, g = awkward_page
    html = path.read_text("utf-8")
    page = parse(html)

    fetching = [
        (t, a)
        for t, a in page.tags
        if (t in ("script", "img", "iframe", "audio", "video", "source") and a.get("src"))
        or (t == "link")
    ]
    assert fetching == []
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert html.count("</script>") == 2  # the data block and the script, nothing escaped early
    assert "@import" not in html and "url(http" not in html


def test_export_html_embeds_the_network(awkward_page, awkward_sentence):
    path, g = awkward_page
    data = embedded_data(path.read_text("utf-8"))

    assert len(data["nodes"]) == len(g) == 3
    assert len(data["edges"]) == g.number_of_edges() == 3
    sentences = {e["sentence"] for edge in data["edges"] for e in edge["evidence"]}
    assert awkward_sentence in sentences
    assert data["predicates"] == ["executiveOf", "partnerOf", "sues"]
    assert data["types"] == {"Person": "#E69F00", "Organization": "#0072B2"}
    assert [e["directed"] for e in data["edges"] if e["predicate"] == "partnerOf"] == [False]
    assert data["note"] == ""


def test_export_html_says_when_only_the_most_central_are_shown(awkward_data, tmp_path):
    path = tmp_path / "top.html"
    export_network(top_nodes(entity_network(awkward_data), 2), "html", path)
    html = path.read_text("utf-8")

    assert "Showing the 2 most central of 3 nodes (PageRank)" in html
    assert len(embedded_data(html)["nodes"]) == 2


def test_export_html_draws_in_chromium(awkward_page, chromium):
    path, g = awkward_page
    dom, log = chromium(path)
    body = parse(dom).body

    assert console_messages(log) == []
    assert "data-errors" not in body
    assert body["data-status"] == "ready"
    assert int(body["data-drawn-nodes"]) == len(g)
    assert int(body["data-drawn-edges"]) == g.number_of_edges()
    assert "<canvas" in dom  # vis-network draws on a canvas


def test_export_html_click_search_and_filters_work(awkward_page, chromium, tmp_path):
    path, g = awkward_page
    probe = tmp_path / "probe.html"
    probe.write_text(path.read_text("utf-8").replace("</body>", HARNESS + "</body>"), "utf-8")
    dom, log = chromium(probe)
    body = parse(dom).body

    assert console_messages(log) == []
    assert "data-errors" not in body
    assert body["data-test-pinned"] == "edge"
    panel = body["data-test-panel"]
    assert "executiveOf" in panel and "2 articles" in panel
    assert 'He said "merge"' in panel and 'Title "one" & <two>' in panel
    assert body["data-test-links"] == "https://example.org/n1?a=1&b=2"
    # a click on the empty canvas leaves the evidence pinned, to be read and copied
    assert body["data-test-still-pinned"] == "edge"
    assert body["data-test-found"] == "1 found"
    assert body["data-test-selected"] == E + "acme"
    assert body["data-test-without-sues"] == "2"
    # since April 2025: executiveOf (n2) and partnerOf (n2); sues has only 2024-07
    assert body["data-test-since-april"] == "2"


def test_export_html_empty_network_in_chromium(awkward_data, tmp_path, chromium):
    path = tmp_path / "empty.html"
    export_network(
        top_nodes(entity_network(awkward_data, Filters(predicates=("acquires",))), 0), "html", path
    )
    dom, log = chromium(path)
    body = parse(dom).body

    assert console_messages(log) == []
    assert body["data-status"] == "ready"
    assert body["data-drawn-nodes"] == "0"
    assert "No node matches the filters." in dom


@pytest.mark.slow
@pytest.mark.parametrize(("kind", "top"), [("entity", 150), ("comention", 40)])
def test_export_html_corpus_in_chromium(corpus_store, tmp_path, chromium, kind, top):
    with open_store(corpus_store, read_only=True) as store:
        g = build_network(read_network_data(store), kind)
    shown = top_nodes(g, top)
    path = tmp_path / f"{kind}.html"
    export_network(shown, "html", path)
    dom, log = chromium(path)
    body = parse(dom).body

    assert console_messages(log) == []
    assert body["data-status"] == "ready"
    assert int(body["data-drawn-nodes"]) == len(shown) == min(top, len(g))
    assert int(body["data-drawn-edges"]) == shown.number_of_edges()
