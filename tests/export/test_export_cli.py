"""``kg export`` on the corpus store: formats, file names, standard output, filters, errors."""

from __future__ import annotations

import csv
import json

import pytest

from kg.cli import cli, export  # noqa: F401  (imports register the commands)
from kg.export.nxformats import read_gexf, read_graphml

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning"),
]


@pytest.fixture()
def run(kg, corpus_store):
    """``kg --store CORPUS export ARGS...``: the Run."""

    def go(*args):
        return kg("--store", corpus_store, "export", *args)

    return go


def test_export_cli_help_lists_formats_and_examples(kg):
    res = kg("export", "--help")

    assert res.code == 0
    assert "Example" in res.out
    for name in (
        "graphml",
        "gexf",
        "cytoscape",
        "json",
        "dot",
        "csv",
        "png",
        "svg",
        "html",
        "turtle",
        "trig",
        "nquads",
        "jsonld",
        "--construct",
        "--predicate",
        "--top",
    ):
        assert name in res.out


def test_export_cli_format_from_file_name(run, tmp_path):
    res = run("-o", tmp_path / "net.gexf")

    assert res.code == 0, res.err
    assert res.err.startswith(f"wrote {tmp_path / 'net.gexf'}: ")
    g = read_gexf(tmp_path / "net.gexf")
    assert len(g) > 10


def test_export_cli_graphml_with_filters(run, tmp_path):
    out = tmp_path / "sues.graphml"
    res = run(
        "--format",
        "graphml",
        "-o",
        out,
        "--predicate",
        "sues",
        "--type",
        "Person",
        "--type",
        "Organization",
        "--since",
        "2025",
    )

    assert res.code == 0, res.err
    g = read_graphml(out)
    assert {d["predicate"] for *_, d in g.edges(data=True)} == {"sues"}
    assert all(d["first"] >= "2025" for *_, d in g.edges(data=True))


def test_export_cli_csv_writes_two_files(run, tmp_path):
    res = run("--network", "comention", "--min-support", "2", "-o", tmp_path / "co.csv")

    assert res.code == 0, res.err
    with (tmp_path / "co-edges.csv").open(encoding="utf-8", newline="") as f:
        edges = list(csv.DictReader(f))
    assert edges and all(int(r["Weight"]) >= 2 for r in edges)
    assert (tmp_path / "co-nodes.csv").exists()


def test_export_cli_html_defaults_to_the_most_central(run, tmp_path):
    res = run("--network", "comention", "--top", "25", "-o", tmp_path / "co.html")

    assert res.code == 0, res.err
    assert "the 25 most central of" in res.err
    # the corpus's co-mention network has one big connected part: its most central nodes
    assert "Showing the 25 most central nodes of the network&#x27;s largest connected part" in (
        tmp_path / "co.html"
    ).read_text("utf-8")


def test_export_cli_png_around_an_entity(run, tmp_path):
    res = run("-o", tmp_path / "musk.png", "--ego", "Musk", "--depth", "1")

    assert res.code == 0, res.err
    assert (tmp_path / "musk.png").read_bytes()[:4] == b"\x89PNG"


def test_export_cli_rdf_to_standard_output(run):
    res = run(
        "--format",
        "turtle",
        "-o",
        "-",
        "--construct",
        "CONSTRUCT { ?a nkg:sues ?b } WHERE { ?a nkg:sues ?b }",
    )

    assert res.code == 0, res.err
    assert "entity:elon-musk nkg:sues" in res.out
    assert res.err == ""


def test_export_cli_json_to_standard_output(run):
    res = run("--format", "json", "-o", "-", "--predicate", "mergesWith")
    doc = json.loads(res.out)

    # the corpus has two mergers: SpaceX with xAI, and xAI with X
    assert {e["predicate"] for e in doc["edges"]} == {"mergesWith"}
    assert {
        frozenset(n.rsplit("/", 1)[1] for n in (e["source"], e["target"])) for e in doc["edges"]
    } == {frozenset(("spacex", "xai")), frozenset(("x", "xai"))}
    assert all(e["directed"] is False for e in doc["edges"])


def test_export_cli_construct_from_file_quietly(kg, corpus_store, tmp_path):
    query = tmp_path / "q.rq"
    query.write_text("CONSTRUCT { ?a nkg:founderOf ?b } WHERE { ?a nkg:founderOf ?b }", "utf-8")
    res = kg(
        "--store",
        corpus_store,
        "-q",
        "export",
        "-o",
        tmp_path / "founders.nq",
        "--construct-file",
        query,
    )

    assert res.code == 0, res.err
    assert res.err == ""
    assert "founderOf" in (tmp_path / "founders.nq").read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("-o", "net.xlsx"), "give --format"),
        (("--format", "csv", "-o", "-"), "kg: error: csv writes two files"),
        (("-o", "graph.ttl", "--network", "comention"), "kg: error: --network is for the network"),
        (("-o", "net.html", "--ego", "Nobody"), "kg: error: no entity named 'Nobody'"),
        (
            (
                "-o",
                "missing/dir/net.gexf",
            ),
            "kg: error: missing/dir: no such folder",
        ),
        (
            ("-o", "graph.ttl", "--construct", "SELECT * WHERE { ?s ?p ?o }"),
            "kg: error: --construct needs a CONSTRUCT",
        ),
    ],
)
def test_export_cli_errors(run, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    res = run(*args)

    assert res.code != 0
    assert message in res.err
    assert "Traceback" not in res.err
