"""``kg query``: SPARQL on the store."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import InputError
from ..graph.store import open_store
from ..query.sparql import QUERY_FORMATS, run_query
from .app import Context, cli
from .output import print_result


@cli.command()
@click.argument("sparql", required=False)
@click.option(
    "-f",
    "--file",
    "file",
    type=click.Path(dir_okay=False),
    metavar="FILE.rq",
    help="Read the query from a file.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(QUERY_FORMATS),
    default=None,
    help="Output format: table (default for SELECT/ASK), csv, tsv, json, xml "
    "(SPARQL results); turtle (default for CONSTRUCT/DESCRIBE), nt, jsonld.",
)
@click.option(
    "--allow-service",
    "allow_service",
    multiple=True,
    metavar="URL-PREFIX",
    help="Let SERVICE (federation) fetch from URLs starting so. Repeatable; "
    "without it SERVICE is refused.",
)
@click.pass_obj
def query(
    obj: Context,
    sparql: str | None,
    file: str | None,
    fmt: str | None,
    allow_service: tuple[str, ...],
) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the graph.

    The default graph holds every triple of the articles' graphs once (so
    COUNT counts facts); GRAPH ?g reaches each article's graph. The prefixes
    nkg:, entity:, claim:, article:, schema:, prov:, skos:, oa:, rdf:, rdfs:,
    owl:, xsd: and wd: are declared for you. Queries nested more than 128 deep
    or with over 1,000 operators are refused, and so is SERVICE unless
    --allow-service names the URL.

    \b
    Examples:
      kg query "SELECT ?a ?b WHERE { ?a nkg:partnerOf ?b }"
      kg query -f questions/partners.rq --format csv
      kg query "DESCRIBE entity:microsoft" --format turtle
    """
    if file and sparql:
        raise click.UsageError("give the query as an argument or with -f, not both")
    if file:
        try:
            sparql = Path(file).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(
                f"{file}: cannot read ({getattr(exc, 'strerror', None) or exc})"
            ) from None
    if not sparql:
        raise click.UsageError("give a SPARQL query, or -f FILE.rq")
    with open_store(obj.store, read_only=True) as store:
        result = run_query(store, sparql, allow_service=allow_service)
    for warning in result.warnings:
        click.echo(f"kg: warning: {warning}", err=True)
    if fmt is None:
        fmt = "turtle" if result.kind == "graph" else "table"
    if fmt == "table":
        if result.kind == "graph":
            fmt = "turtle"
        else:
            print_result(result)
            return
    click.echo(result.serialize(fmt), nl=False)
