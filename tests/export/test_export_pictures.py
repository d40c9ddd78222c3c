"""PNG and SVG pictures: valid files, every node labelled, and the empty network drawn too."""

from __future__ import annotations

import struct
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kg.export import export_network
from kg.export.draw import network_title
from kg.network import Filters, entity_network, top_nodes

SVG = "{http://www.w3.org/2000/svg}"


def test_export_pictures_png_is_a_png(awkward_data, tmp_path):
    path = tmp_path / "net.png"
    export_network(top_nodes(entity_network(awkward_data), 0), "png", path)
    data = path.read_bytes()

    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert width >= 1000 and height >= 600


def test_export_pictures_svg_has_every_label_as_text(awkward_data, tmp_path):
    g = top_nodes(entity_network(awkward_data), 0)
    path = tmp_path / "net.svg"
    export_network(g, "svg", path)
    root = ET.parse(path).getroot()
    texts = {"".join(t.itertext()) for t in root.iter(SVG + "text")}

    assert root.tag == SVG + "svg"
    assert {d["label"] for _, d in g.nodes(data=True)} <= texts
    assert {"executiveOf", "partnerOf", "sues"} <= texts
    assert {"Person", "Organization"} <= texts  # the legend


def test_export_pictures_svg_is_reproducible(awkward_data, tmp_path):
    g = top_nodes(entity_network(awkward_data), 0)
    export_network(g, "svg", tmp_path / "a.svg")
    export_network(g, "svg", tmp_path / "b.svg")

    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_export_pictures_empty_network(awkward_data, tmp_path, fmt):
    g = top_nodes(entity_network(awkward_data, Filters(predicates=("acquires",))), 0)
    path = tmp_path / f"empty.{fmt}"
    export_network(g, fmt, path)

    assert path.stat().st_size > 1000


def test_export_pictures_title_says_what_is_shown():
    g = nx.MultiDiGraph(kind="entity", filters="predicates sues", shown=60, total=110)
    assert network_title(g) == (
        "Entity network: the 60 most central of 110 entities, 0 edges\npredicates sues"
    )
