"""``kg export``: networks for Gephi, Cytoscape, yEd, Graphviz or a browser; the graph as RDF."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

import click

from ..errors import InputError, KGError
from ..export import EXPORTERS, format_for_path, get_exporter
from ..network import Filters
from .app import Context, cli
from .options import network_options


def _formats_help() -> str:
    return "; ".join(f"{e.name} ({e.description})" for e in EXPORTERS.values())


@cli.command("export")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(EXPORTERS)),
    default=None,
    help="Output format (default: from the file name's suffix).",
)
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="FILE",
    help="Where to write; - for standard output. csv writes FILE-nodes.csv and "
    "FILE-edges.csv (a .csv suffix is dropped first).",
)
@network_options
@click.option(
    "--top",
    type=click.IntRange(min=0),
    default=None,
    metavar="N",
    help="Keep the N most central nodes (PageRank); 0 for all. Default: 60 for "
    "png/svg, 150 for html, all for the rest.",
)
@click.option("--ego", metavar="NAME", help="Only what is within --depth hops of this entity.")
@click.option(
    "--depth",
    type=click.IntRange(min=1),
    default=2,
    show_default=True,
    metavar="N",
    help="Hops out from --ego.",
)
@click.option(
    "--construct",
    metavar="QUERY",
    help="RDF formats: export what this SPARQL CONSTRUCT (or DESCRIBE) returns "
    "instead of the whole store.",
)
@click.option(
    "--construct-file",
    type=click.Path(dir_okay=False),
    metavar="FILE.rq",
    help="The same, with the query read from a file.",
)
@click.pass_obj
def export_cmd(
    obj: Context,
    fmt: str | None,
    output: str,
    kind: str,
    filters: Filters,
    top: int | None,
    ego: str | None,
    depth: int,
    construct: str | None,
    construct_file: str | None,
) -> None:
    """Export a network (graphml, gexf, cytoscape, json, dot, csv, png, svg, html) or the
    graph itself (turtle, trig, nquads, jsonld).

    Networks take the same filters as `kg network`, plus --ego and --top.
    The RDF formats write the whole store (one named graph per article;
    Turtle merges them), the article graphs the filters select keeping only
    the claims that pass, or what --construct selects.

    \b
    Examples:
      kg export -o entities.gexf                      open it in Gephi
      kg export --format graphml -o entities.graphml --predicate sues,investsIn
      kg export -o network.html --since 2025          a page to explore in a browser
      kg export -o network.png --top 40               a picture for a report
      kg export --network comention --format csv -o comention
      kg export -o graph.trig                         the whole store as RDF
      kg export --format turtle -o - --construct "CONSTRUCT { ?a nkg:sues ?b } WHERE { ?a nkg:sues ?b }"
    """  # noqa: E501
    if construct and construct_file:
        raise click.UsageError("give --construct or --construct-file, not both")
    if construct_file:
        try:
            construct = Path(construct_file).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                f"{construct_file}: cannot read ({getattr(exc, 'strerror', None) or exc})"
            ) from None
    if fmt is None:
        fmt = format_for_path(output) if output != "-" else None
        if fmt is None:
            raise click.UsageError(
                "give --format (the output name does not say which); one of " + ", ".join(EXPORTERS)
            )
    exporter = get_exporter(fmt)
    if exporter.kind == "rdf" and kind != "entity":
        raise KGError(f"--network is for the network formats, not {fmt}")
    if output == "-" and fmt == "csv":
        raise KGError("csv writes two files; give -o STEM, not -")
    with tempfile.TemporaryDirectory(prefix="kg-export-") as tmp:
        target = Path(tmp) / f"out{exporter.suffix}" if output == "-" else Path(output)
        if output != "-" and not target.parent.exists():
            raise KGError(f"{target.parent}: no such folder")
        result = obj.graph().export(
            target,
            fmt,
            network=kind,
            filters=filters,
            top=top,
            ego=ego,
            depth=depth,
            construct=construct,
        )
        if output == "-":
            with result.paths[0].open("rb") as f:
                shutil.copyfileobj(f, sys.stdout.buffer)
            sys.stdout.flush()
    if obj.quiet or output == "-":
        return
    names = ", ".join(str(p) for p in result.paths)
    if result.statements is not None:
        click.echo(f"wrote {names}: {result.statements} statements", err=True)
        return
    size = f"{result.nodes} nodes"
    if result.total_nodes and result.total_nodes > result.nodes:
        size = f"the {result.nodes} most central of {result.total_nodes} nodes"
    click.echo(f"wrote {names}: {size}, {result.edges} edges", err=True)
