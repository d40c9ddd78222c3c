"""Network formats, each read back by a reader that is not kg's and compared with the network.

GraphML and GEXF through networkx's readers, node-link and Cytoscape JSON through networkx's
json_graph, DOT through pydot and Graphviz's ``dot``, CSV through the csv module.
"""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter

import networkx as nx
import pytest

from kg.export import export_network
from kg.export.nxformats import read_gexf, read_graphml
from kg.graph import open_store
from kg.network import build_network, entity_network, read_network_data, top_nodes

KINDS = ["entity", "comention", "bipartite"]


@pytest.fixture(
    params=[
        *[("awkward", k) for k in KINDS],
        *[pytest.param(("corpus", k), marks=pytest.mark.slow, id=f"corpus-{k}") for k in KINDS],
    ],
    ids=lambda p: "-".join(p) if isinstance(p, tuple) else p,
)
def network(request, awkward_data):
    """A network to export: the awkward hand-made one or the corpus's, of each kind."""
    source, kind = request.param
    if source == "awkward":
        data = awkward_data
    else:
        with open_store(request.getfixturevalue("corpus_store"), read_only=True) as store:
            data = read_network_data(store)
    return top_nodes(build_network(data, kind), 0)


def edge_signature(g, u, v, d) -> tuple:
    """What identifies an edge, whichever way an undirected one is read back."""
    ends = (u, v) if g.is_directed() else tuple(sorted((u, v)))
    return (*ends, d["predicate"], int(d["weight"]), str(d["directed"]).lower())


def signatures(g) -> Counter:
    return Counter(edge_signature(g, u, v, d) for u, v, d in g.edges(data=True))


def test_export_networks_graphml_round_trip(network, tmp_path):
    path = tmp_path / "net.graphml"
    export_network(network, "graphml", path)
    back = read_graphml(path)

    assert set(back) == set(network)
    for n, d in network.nodes(data=True):
        assert back.nodes[n]["label"] == d["label"]
        assert back.nodes[n]["type"] == d["type"]
    assert back.is_directed() == network.is_directed()
    assert signatures(back) == signatures(network)
    evidence = sorted(
        json.dumps(json.loads(d["evidence"]), sort_keys=True) for *_, d in back.edges(data=True)
    )
    assert evidence == sorted(
        json.dumps(d["evidence"], sort_keys=True) for *_, d in network.edges(data=True)
    )


def test_export_networks_gexf_round_trip(network, tmp_path):
    path = tmp_path / "net.gexf"
    export_network(network, "gexf", path)
    back = read_gexf(path)

    assert set(back) == set(network)
    assert {n: d["label"] for n, d in back.nodes(data=True)} == {
        n: d["label"] for n, d in network.nodes(data=True)
    }
    assert signatures(back) == signatures(network)
    colours = {
        d["type"]: tuple(d["viz"]["color"][c] for c in "rgb") for _, d in back.nodes(data=True)
    }
    assert len(set(colours.values())) == len(colours)  # one colour per type


def test_export_networks_node_link_json_round_trip(network, tmp_path):
    path = tmp_path / "net.json"
    export_network(network, "json", path)
    doc = json.loads(path.read_text("utf-8"))
    try:
        back = nx.node_link_graph(doc, edges="edges")
    except TypeError:  # networkx < 3.4
        back = nx.node_link_graph(doc, link="edges")

    assert nx.utils.graphs_equal(back, network)


def test_export_networks_cytoscape_round_trip(network, tmp_path):
    path = tmp_path / "net.cyjs"
    export_network(network, "cytoscape", path)
    doc = json.loads(path.read_text("utf-8"))
    back = nx.cytoscape_graph(doc)
    nodes = doc["elements"]["nodes"]
    edges = doc["elements"]["edges"]

    assert {n["data"]["id"] for n in nodes} == set(network)
    assert len({e["data"]["id"] for e in edges}) == len(edges) == network.number_of_edges()
    assert all(e["data"]["source"] in network and e["data"]["target"] in network for e in edges)
    assert all(n["data"]["color"].startswith("#") for n in nodes)
    assert set(back) == set(network)
    assert signatures(back) == signatures(network)


def _unquote(value: str) -> str:
    if value.startswith('"') and value.endswith('"'):
        value = value[1:-1]
    return value.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # pydot's use of pyparsing
def test_export_networks_dot_read_by_pydot(network, tmp_path):
    pydot = pytest.importorskip("pydot")
    path = tmp_path / "net.dot"
    export_network(network, "dot", path)
    (graph,) = pydot.graph_from_dot_data(path.read_text("utf-8"))
    nodes = {
        _unquote(n.get_name()): n
        for n in graph.get_nodes()
        if n.get_name() not in ("node", "edge", "graph")
    }

    assert graph.get_type() == ("digraph" if network.is_directed() else "graph")
    assert set(nodes) == set(network)
    assert {n: _unquote(nodes[n].get("label")) for n in nodes} == {
        n: d["label"] for n, d in network.nodes(data=True)
    }
    edges = Counter(
        (_unquote(e.get_source()), _unquote(e.get_destination()), _unquote(e.get("predicate")))
        for e in graph.get_edges()
    )
    assert edges == Counter((u, v, d["predicate"]) for u, v, d in network.edges(data=True))
    undirected = [e for e in graph.get_edges() if _unquote(e.get("dir") or "") == "none"]
    assert len(undirected) == sum(
        1 for *_, d in network.edges(data=True) if network.is_directed() and not d["directed"]
    )


@pytest.mark.skipif(
    shutil.which("dot") is None or shutil.which("gc") is None,
    reason="Graphviz is not installed (apt-get install graphviz); .ci/run does",
)
def test_export_networks_dot_read_by_graphviz(network, tmp_path):
    path = tmp_path / "net.dot"
    export_network(network, "dot", path)
    counted = subprocess.run(
        ["gc", "-n", "-e", str(path)], capture_output=True, text=True, timeout=60
    )

    assert counted.returncode == 0, counted.stderr
    assert counted.stderr == ""
    assert [int(x) for x in counted.stdout.split()[:2]] == [len(network), network.number_of_edges()]
    if network.number_of_edges() > 300:
        return  # laying out a dense graph takes Graphviz a minute: counting it is enough
    proc = subprocess.run(["dot", "-Tsvg", str(path)], capture_output=True, text=True, timeout=120)

    assert proc.returncode == 0, proc.stderr
    assert "Warning" not in proc.stderr and "Error" not in proc.stderr
    svg = ET.fromstring(proc.stdout)
    classes = Counter(g.get("class") for g in svg.iter("{http://www.w3.org/2000/svg}g"))
    assert classes["node"] == len(network)
    assert classes["edge"] == network.number_of_edges()


def test_export_networks_csv_reloaded(network, tmp_path):
    paths = export_network(network, "csv", tmp_path / "net.csv")

    assert [p.name for p in paths] == ["net-nodes.csv", "net-edges.csv"]
    with paths[0].open(encoding="utf-8", newline="") as f:
        nodes = list(csv.DictReader(f))
    with paths[1].open(encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert {r["Id"]: (r["Label"], r["type"]) for r in nodes} == {
        n: (d["label"], d["type"]) for n, d in network.nodes(data=True)
    }
    assert list(edges[0])[:6] == ["Id", "Source", "Target", "Type", "Label", "Weight"]
    back = Counter(
        (r["Source"], r["Target"], r["Label"], int(r["Weight"]), r["Type"] == "Directed")
        for r in edges
    )
    assert back == Counter(
        (u, v, d["predicate"], d["weight"], network.is_directed() and d["directed"])
        for u, v, d in network.edges(data=True)
    )
    assert sorted(json.loads(r["evidence"])[0]["sentence"] or "" for r in edges) == sorted(
        d["evidence"][0]["sentence"] or "" for *_, d in network.edges(data=True)
    )


def test_export_networks_gephi_and_yed_see_undirected_edges(awkward_data, tmp_path):
    g = top_nodes(entity_network(awkward_data), 0)
    export_network(g, "graphml", tmp_path / "net.graphml")
    export_network(g, "gexf", tmp_path / "net.gexf")
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graphml = ET.parse(tmp_path / "net.graphml").getroot()
    gexf = ET.parse(tmp_path / "net.gexf").getroot()

    assert graphml.find("g:graph", ns).get("edgedefault") == "directed"
    marked = {e.get("directed") for e in graphml.iter(f"{{{ns['g']}}}edge")}
    assert marked == {None, "false"}
    assert sum(e.get("directed") == "false" for e in graphml.iter(f"{{{ns['g']}}}edge")) == 1
    edges = [e for e in gexf.iter() if e.tag.endswith("}edge")]
    by_label = {e.get("label"): e.get("type") for e in edges}
    assert by_label == {"executiveOf": None, "partnerOf": "undirected", "sues": None}
