"""``kg network``: who is connected to whom, and how strongly."""

from __future__ import annotations

import json

import click

from ..graph.store import open_store
from ..network import (
    CENTRALITY_MEASURES,
    COMMUNITY_METHODS,
    Filters,
    centrality,
    communities,
    ego_network,
    load_network,
    network_summary,
    resolve_node,
    shortest_paths,
)
from .app import Context, cli
from .options import format_option, network_options
from .output import emit_records

__all__ = ["network"]


def _load(obj: Context, kind: str, filters: Filters):
    """The network and what resolves names in it (:meth:`kg.Graph.network` gives the
    network alone)."""
    with open_store(obj.store, read_only=True) as store:
        return load_network(store, kind, filters)


@cli.group()
def network() -> None:
    """Networks of who is connected to whom: summary, centrality, communities, paths, egos.

    Every subcommand takes the same filters (--predicate, --type, --since,
    --until, --source, --min-support) and --network entity|comention|bipartite.
    Names are typed as you would say them ("Musk", "Microsoft").

    \b
    Examples:
      kg network summary
      kg network centrality --top 5
      kg network communities --network comention
      kg network path Musk Microsoft
      kg network ego Musk --depth 2 --predicate sues,founderOf
    """


@network.command("summary")
@network_options
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def network_summary_cmd(obj: Context, kind: str, filters: Filters, fmt: str) -> None:
    """Nodes by type, edges by predicate, components and density.

    \b
    Examples:
      kg network summary
      kg network summary --network comention --since 2026
      kg network summary --predicate sues --format json
    """
    g, _ = _load(obj, kind, filters)
    s = network_summary(g)
    if fmt == "json":
        click.echo(json.dumps(s, ensure_ascii=False, indent=1))
        return

    def counts(d: dict) -> str:
        return ", ".join(f"{k} {v}" for k, v in d.items())

    rows = [
        ("network", s["network"]),
        ("filters", s["filters"] or "none"),
        ("nodes", f"{s['nodes']}" + (f"  ({counts(s['nodes_by_type'])})" if s["nodes"] else "")),
        (
            "edges",
            f"{s['edges']}" + (f"  ({counts(s['edges_by_predicate'])})" if s["edges"] else ""),
        ),
        ("linked pairs", s["linked_pairs"]),
        ("components", f"{s['components']} (largest {s['largest_component']} nodes)"),
        ("density", s["density"]),
    ]
    for name, value in rows:
        click.echo(f"{name:<13} {value}")


@network.command("centrality")
@network_options
@click.option(
    "--by",
    type=click.Choice(CENTRALITY_MEASURES),
    default="degree",
    show_default=True,
    help="The measure to rank by (all three are shown).",
)
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=10,
    show_default=True,
    metavar="N",
    help="How many to list (0: all).",
)
@format_option()
@click.pass_obj
def network_centrality(
    obj: Context, kind: str, filters: Filters, by: str, top: int, fmt: str
) -> None:
    """The most central entities: degree, betweenness and PageRank, top N.

    Degree and betweenness are on the undirected network; PageRank follows
    the direction of claims (an undirected edge counts both ways) and their
    weights (the number of articles).

    \b
    Examples:
      kg network centrality
      kg network centrality --by pagerank --top 5
      kg network centrality --network comention --type Person --format csv
    """
    g, _ = _load(obj, kind, filters)
    rows = centrality(g, by=by, top=top)
    columns = ["label", "type", "neighbours", "degree", "betweenness", "pagerank"]
    if fmt != "table":
        columns.append("id")
    emit_records(rows, fmt, columns)


@network.command("communities")
@network_options
@click.option(
    "--method",
    type=click.Choice(COMMUNITY_METHODS),
    default="louvain",
    show_default=True,
    help="Louvain (seeded: the same answer every time) or greedy modularity.",
)
@format_option()
@click.pass_obj
def network_communities(obj: Context, kind: str, filters: Filters, method: str, fmt: str) -> None:
    """Groups of entities more linked to each other than to the rest, largest first.

    \b
    Examples:
      kg network communities
      kg network communities --method greedy --format jsonl
      kg network communities --network comention --min-support 2
    """
    g, _ = _load(obj, kind, filters)
    found = communities(g, method=method)
    emit_records(found["communities"], fmt, ["community", "size", "members"])
    if fmt == "table":
        click.echo(f"modularity {found['modularity']} ({method})")


def _edge_line(e: dict) -> str:
    arrow = "→" if e["directed"] else "—"
    span = ""
    if e.get("first"):
        span = e["first"] if e["first"] == e["last"] else f"{e['first']} to {e['last']}"
        span = f", {span}"
    n = e["weight"]
    return (
        f"{e['subject_label']} {arrow}{e['predicate']}{arrow} {e['object_label']}  "
        f"[{n} article{'s' if n != 1 else ''}{span}]"
    )


@network.command("path")
@click.argument("source", metavar="A")
@click.argument("target", metavar="B")
@network_options
@click.option(
    "--max",
    "limit",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    metavar="N",
    help="At most N shortest paths.",
)
@click.option(
    "--evidence",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    metavar="N",
    help="Sentences shown for each claim.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.pass_obj
def network_path(
    obj: Context,
    source: str,
    target: str,
    kind: str,
    filters: Filters,
    limit: int,
    evidence: int,
    fmt: str,
) -> None:
    """The shortest chains of claims linking A to B, each hop with its sentence and article.

    Direction is ignored when looking for a path; each hop shows its claims
    as stated (→ directed, — symmetric).

    \b
    Examples:
      kg network path Musk Microsoft
      kg network path "Sam Altman" Nvidia --max 5 --evidence 2
      kg network path Musk Oracle --format json
    """
    g, data = _load(obj, kind, filters)
    a, b = resolve_node(g, data, source), resolve_node(g, data, target)
    paths = shortest_paths(g, a, b, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(paths, ensure_ascii=False, indent=1))
        return
    la, lb = g.nodes[a]["label"], g.nodes[b]["label"]
    if not paths:
        click.echo(f"{la} and {lb} are not linked in this network")
        return
    hops = len(paths[0]["hops"])
    click.echo(
        f"{len(paths)} shortest path{'s' if len(paths) != 1 else ''} from {la} to "
        f"{lb}, {hops} hop{'s' if hops != 1 else ''} each"
    )
    for i, p in enumerate(paths, 1):
        click.echo("")
        click.echo(f"{i}. " + " - ".join(n["label"] for n in p["nodes"]))
        for hop in p["hops"]:
            for e in hop["edges"]:
                click.echo(f"   {_edge_line(e)}")
                for ev in e["evidence"][:evidence]:
                    where = ev["article"] + (f", {ev['date']}" if ev.get("date") else "")
                    text = f'"{ev["sentence"]}"' if ev.get("sentence") else ev.get("title")
                    click.echo(f"      {text} ({where})")


@network.command("ego")
@click.argument("name", metavar="A")
@network_options
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    metavar="N",
    help="How many hops out from A.",
)
@format_option()
@click.pass_obj
def network_ego(obj: Context, name: str, kind: str, filters: Filters, depth: int, fmt: str) -> None:
    """Everything within N hops of A: its entities by distance, then the edges among them.

    With --format jsonl or csv, the edges only (subject, predicate, object,
    weight, dates, articles, and the distance of the farther end).

    \b
    Examples:
      kg network ego Musk
      kg network ego Microsoft --depth 1 --format csv
      kg export --format html --ego Musk --depth 2 -o musk.html   (the same, as a page)
    """
    g, data = _load(obj, kind, filters)
    center = resolve_node(g, data, name)
    ego = ego_network(g, center, depth=depth)
    dist = dict(ego.nodes(data="distance"))
    edges = []
    for u, v, d in sorted(
        ego.edges(data=True),
        key=lambda x: (
            max(dist[x[0]], dist[x[1]]),
            ego.nodes[x[0]]["label"],
            x[2].get("predicate", ""),
        ),
    ):
        edges.append(
            {
                "subject": ego.nodes[u]["label"],
                "predicate": d.get("predicate", ""),
                "object": ego.nodes[v]["label"],
                "directed": d.get("directed", True),
                "weight": d.get("weight", 1),
                "first": d.get("first"),
                "last": d.get("last"),
                "distance": max(dist[u], dist[v]),
                "articles": d.get("articles", []),
                "subject_iri": u,
                "object_iri": v,
            }
        )
    if fmt != "table":
        emit_records(
            edges,
            fmt,
            [
                "subject",
                "predicate",
                "object",
                "weight",
                "first",
                "last",
                "distance",
                "articles",
                "subject_iri",
                "object_iri",
            ],
        )
        return
    click.echo(
        f"{ego.nodes[center]['label']}: {len(ego) - 1} within {depth} "
        f"hop{'s' if depth != 1 else ''}, {ego.number_of_edges()} edges"
    )
    nodes = sorted(
        (
            {"label": d["label"], "type": d.get("type", ""), "distance": d["distance"]}
            for n, d in ego.nodes(data=True)
            if n != center
        ),
        key=lambda r: (r["distance"], r["label"]),
    )
    emit_records(nodes, "table", ["label", "type", "distance"])
    emit_records(
        edges, "table", ["subject", "predicate", "object", "weight", "first", "last", "distance"]
    )
