"""``kg statements``, ``kg conflicts`` and ``kg timeline``: claims across sources and time."""

from __future__ import annotations

import click

from .app import Context, cli
from .options import as_of_option, format_option
from .output import emit_records

__all__ = ["statements", "conflicts", "timeline"]


@cli.command()
@format_option()
@as_of_option()
@click.option(
    "--min-support",
    type=click.IntRange(1),
    default=1,
    show_default=True,
    help="Only statements asserted by at least N distinct articles.",
)
@click.pass_obj
def statements(obj: Context, fmt: str, as_of: str | None, min_support: int) -> None:
    """List the statements: each (subject, predicate, object) once, with its support.

    Support is the number of distinct articles that assert it (copies of the
    same text count once); a symmetric relation (partnerOf, mergesWith,
    rivalOf) either way round is one statement. Each comes with its sources,
    articles, first and last publication date, and the amounts and dates
    reported with it.

    \b
    Examples:
      kg statements
      kg statements --min-support 2
      kg statements --as-of 2025-06 --format jsonl | jq -c '[.subject.label, .support]'
    """
    rows = [s.to_dict() for s in obj.graph().statements(as_of=as_of, min_support=min_support)]
    columns = [
        "subject",
        "predicate",
        "object",
        "support",
        "sources",
        "first_seen",
        "last_seen",
        "amounts",
        "dates",
    ]
    if fmt == "csv":
        columns += ["articles", "ended", "end_dates", "denied_by", "iri"]
    emit_records(rows, fmt, columns)


@cli.command()
@format_option()
@as_of_option()
@click.pass_obj
def conflicts(obj: Context, fmt: str, as_of: str | None) -> None:
    """List the statements whose reports disagree, with the competing values.

    Reports disagree on an amount (one currency, more than 2% apart), on the
    currency (not converted), on the date of a one-off event (acquisition,
    merger, founding, lawsuit) or of a relation's end, or on whether it
    happened (asserted in one article, denied in another). The table and CSV
    have one row per competing claim, with its article, source and sentence;
    JSON Lines one conflict a line. The same conflicts are in the graph as
    nkg:Conflict, for SPARQL.

    \b
    Examples:
      kg conflicts
      kg conflicts --format jsonl | jq -r .summary
      kg query "SELECT ?label WHERE { ?k a nkg:Conflict ; rdfs:label ?label }"
    """
    found = [k.to_dict() for k in obj.graph().conflicts(as_of=as_of)]
    if fmt == "jsonl":
        emit_records(found, fmt, [])
        return
    rows = [
        {
            "conflict": n,
            "kind": k["kind"],
            "subject": k["subject"],
            "predicate": k["predicate"],
            "object": k["object"],
            **v,
        }
        for n, k in enumerate(found, 1)
        for v in k["values"]
    ]
    columns = [
        "conflict",
        "kind",
        "subject",
        "predicate",
        "object",
        "value",
        "source",
        "article",
        "sentence",
    ]
    if fmt == "csv":
        columns += ["polarity", "published", "claim"]
    emit_records(rows, fmt, columns)


@cli.command()
@click.argument("name")
@format_option()
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Also negated and hedged claims (see the status column).",
)
@as_of_option()
@click.pass_obj
def timeline(obj: Context, name: str, fmt: str, include_all: bool, as_of: str | None) -> None:
    """Print the dated claims about the entity NAME in order, with their sources.

    A claim is dated by its event ("in 2019") where the article gives one,
    else by the article's publication (see dated_by); a relation the article
    says ended on a date gets a second row, marked ended, at that date.

    \b
    Examples:
      kg timeline "Elon Musk"
      kg timeline OpenAI --format csv > openai-timeline.csv
    """
    rows = [r.to_dict() for r in obj.graph().timeline(name, include_all=include_all, as_of=as_of)]
    columns = ["date", "subject", "predicate", "object", "amount", "status", "source", "article"]
    if fmt == "csv":
        columns[1:1] = ["dated_by"]
        columns += ["other", "sentence"]
    emit_records(rows, fmt, columns)
