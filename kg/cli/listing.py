"""``kg entities`` and ``kg claims``: the contract outputs."""

from __future__ import annotations

import click

from ..graph.store import open_store
from ..query.listing import list_claims, list_entities
from . import Context, cli
from .output import RECORD_FORMATS, emit_records


@cli.command()
@click.option("--format", "fmt", type=click.Choice(RECORD_FORMATS), default="table",
              show_default=True)
@click.pass_obj
def entities(obj: Context, fmt: str) -> None:
    """List the entities: label, type, aliases and the articles that mention them.

    \b
    Examples:
      kg entities
      kg entities --format jsonl | jq -r 'select(.type=="Person") | .label'
    """
    with open_store(obj.store, create=False) as store:
        rows = list_entities(store)
    emit_records(rows, fmt, ["label", "type", "aliases", "articles", "iri"])


@cli.command()
@click.option("--format", "fmt", type=click.Choice(RECORD_FORMATS), default="table",
              show_default=True)
@click.option("--all", "include_all", is_flag=True,
              help="Also list negated and hedged claims (see the polarity field).")
@click.pass_obj
def claims(obj: Context, fmt: str, include_all: bool) -> None:
    """List the claims: subject, predicate, object, and where and who says so.

    \b
    Examples:
      kg claims
      kg claims --format jsonl > claims.jsonl
      kg claims --all --format csv
    """
    with open_store(obj.store, create=False) as store:
        rows = list_claims(store, include_all=include_all)
    columns = ["subject", "predicate", "object", "attributed_to", "amount", "date", "article",
               "confidence"]
    if include_all:
        columns.append("polarity")
    if fmt == "csv":
        columns += ["sentence", "start", "end"]
    emit_records(rows, fmt, columns)
