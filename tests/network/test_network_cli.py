"""``kg network ...`` on the corpus store: every subcommand, its formats and its errors."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.cli import cli, network  # noqa: F401  (imports register the commands)

pytestmark = pytest.mark.slow

SUBCOMMANDS = sorted(network.network.commands)


@pytest.fixture()
def net(kg, corpus_store):
    """``kg --store CORPUS network ARGS...``, which must succeed: its standard output."""

    def run(*args) -> str:
        res = kg("--store", corpus_store, "network", *args)
        assert res.code == 0, res.err
        return res.out

    return run


def test_network_cli_subcommands():
    assert SUBCOMMANDS == ["centrality", "communities", "ego", "path", "summary"]


@pytest.mark.parametrize("command", SUBCOMMANDS)
def test_network_cli_help_has_examples_and_filters(kg, command):
    res = kg("network", command, "--help")

    assert res.code == 0
    assert res.out.startswith(f"Usage: kg network {command}")
    assert "Example" in res.out
    for option in (
        "--predicate",
        "--type",
        "--since",
        "--until",
        "--source",
        "--min-support",
        "--network",
    ):
        assert option in res.out


def test_network_cli_summary(net):
    out = net("summary")

    assert out.splitlines()[0].split() == ["network", "entity"]
    assert "Organization" in out and "founderOf" in out and "density" in out


def test_network_cli_summary_json_with_filters(net):
    s = json.loads(net("summary", "--predicate", "sues", "--format", "json"))

    assert set(s["edges_by_predicate"]) == {"sues"}
    assert s["filters"] == "predicates sues"
    assert s["nodes"] >= 2 and s["nodes_by_type"].get("Person")  # Elon Musk sues ...


def test_network_cli_centrality_csv(net):
    rows = list(
        csv.DictReader(
            io.StringIO(net("centrality", "--top", "5", "--by", "degree", "--format", "csv"))
        )
    )

    assert len(rows) == 5
    assert {"OpenAI", "Microsoft"} & {r["label"] for r in rows}
    degrees = [float(r["degree"]) for r in rows]
    assert degrees == sorted(degrees, reverse=True)


def test_network_cli_communities_jsonl(net):
    lines = [json.loads(x) for x in net("communities", "--format", "jsonl").splitlines()]
    members = {m["label"]: c["community"] for c in lines for m in c["members"]}

    assert members["Jensen Huang"] == members["Nvidia"]
    larkspur = next(v for k, v in members.items() if k.startswith("Larkspur Industries"))
    assert larkspur != members["SpaceX"]
    assert [c["size"] for c in lines] == sorted((c["size"] for c in lines), reverse=True)


def test_network_cli_comention_network(net):
    s = json.loads(
        net("summary", "--network", "comention", "--min-support", "3", "--format", "json")
    )

    assert s["network"] == "comention"
    assert set(s["edges_by_predicate"]) == {"co-mention"}


def test_network_cli_path_with_sentences(net):
    out = net("path", "Musk", "Nvidia")
    lines = out.splitlines()

    # Nvidia invests in both OpenAI and xAI, which Musk co-founded and founded
    assert lines[0].startswith("2 shortest paths from Elon Musk to Nvidia, 2 hops each")
    assert lines[2] == "1. Elon Musk - OpenAI - Nvidia"
    assert "2. Elon Musk - xAI - Nvidia" in lines
    assert "Nvidia →investsIn→ OpenAI" in out
    assert '"Nvidia' in out and "2025-09-23-nvidia-openai-xai-chips, 2025-09-23)" in out


def test_network_cli_path_json(net):
    paths = json.loads(net("path", "Musk", "Microsoft", "--format", "json"))

    assert paths[0]["nodes"][0]["label"] == "Elon Musk"
    assert paths[0]["nodes"][-1]["label"] == "Microsoft"
    assert all(e["evidence"][0]["sentence"] for h in paths[0]["hops"] for e in h["edges"])


def test_network_cli_ego(net):
    out = net("ego", "Musk", "--depth", "1")
    rows = list(csv.DictReader(io.StringIO(net("ego", "Musk", "--depth", "1", "--format", "csv"))))

    assert out.startswith("Elon Musk: ") and " within 1 hop, " in out.splitlines()[0]
    assert {"OpenAI", "xAI"} <= {r["object"] for r in rows} | {r["subject"] for r in rows}
    assert {r["distance"] for r in rows} == {"1"}


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("path", "Musk", "Nobody"), "kg: error: no entity named 'Nobody'"),
        (
            ("path", "Musk", "Oracle", "--predicate", "sues"),
            "kg: error: Oracle is in the store but not in this network",
        ),
        (("summary", "--since", "yesterday"), "kg: error: --since 'yesterday' is not a date"),
        (("centrality", "--predicate", "likes"), "kg: error: unknown predicate 'likes'"),
    ],
)
def test_network_cli_errors_are_one_line(kg, corpus_store, args, message):
    res = kg("--store", corpus_store, "network", *args)

    assert res.code == 1
    assert len(res.error_lines) == 1
    assert res.error_lines[0].startswith(message)
    assert "Traceback" not in res.err
