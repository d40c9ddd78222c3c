"""``kg entities`` and ``kg claims``: the contract outputs. The corrections, ``kg entities
merge`` and the rest, are in :mod:`kg.cli.curation`."""

from __future__ import annotations

import click

from .app import Context, cli
from .options import as_of_option, format_option
from .output import emit_records


@cli.group(invoke_without_command=True)
@format_option()
@click.pass_context
def entities(ctx: click.Context, fmt: str) -> None:
    """List the entities: label, type, aliases and the articles that mention them.

    With a subcommand, correct them: `review` the likely duplicates, `merge`
    two entities into one and `split` them again, add an `alias`, `rename`
    one, or `undo` the last correction. Corrections are kept in curation.yaml
    in the store folder and every later ingest honours them.

    \b
    Examples:
      kg entities
      kg entities --format jsonl | jq -r 'select(.type=="Person") | .label'
      kg entities review
      kg entities merge "Musk" "Elon Musk"
      kg entities alias "Department of Defense" "the Pentagon"
      kg entities undo
    """
    if ctx.invoked_subcommand is not None:
        return
    obj: Context = ctx.obj
    rows = [e.to_dict() for e in obj.graph().entities()]
    emit_records(rows, fmt, ["label", "type", "aliases", "articles", "iri"])


@cli.command()
@format_option()
@click.option(
    "--all",
    "include_all",
    is_flag=True,
    help="Also list negated and hedged claims (see the polarity field).",
)
@click.option(
    "--entity",
    metavar="NAME",
    help="Only the claims about this entity (as subject or object): a label, an "
    "alias or the key after entity/.",
)
@click.option(
    "--predicate",
    "predicates",
    multiple=True,
    metavar="P",
    help="Only these predicates (repeatable, or comma-separated).",
)
@click.option(
    "--since",
    metavar="DATE",
    help="Only claims reported on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD): "
    "the article's publication date, else the claim's own date.",
)
@click.option("--until", metavar="DATE", help="Only claims reported on or before DATE.")
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="OUTLET",
    help="Only claims from articles of this outlet (repeatable, any case).",
)
@click.option(
    "--min-confidence",
    type=click.FloatRange(0, 1),
    metavar="C",
    help="Only claims whose confidence (the measured precision of the rule "
    "that found them) is at least C, a number from 0 to 1.",
)
@as_of_option()
@click.pass_obj
def claims(
    obj: Context,
    fmt: str,
    include_all: bool,
    entity: str | None,
    predicates: tuple[str, ...],
    since: str | None,
    until: str | None,
    sources: tuple[str, ...],
    min_confidence: float | None,
    as_of: str | None,
) -> None:
    """List the claims: subject, predicate, object, the sentence, and who says so where.

    The table cuts each sentence to the terminal's width; --format jsonl or
    csv gives it whole, with its offsets in the article.

    \b
    Examples:
      kg claims
      kg claims --entity Microsoft --predicate investsIn
      kg claims --entity "Elon Musk" --since 2025 --until 2026-06 --source Reuters
      kg claims --min-confidence 0.8
      kg claims --format jsonl > claims.jsonl
      kg claims --all --format csv
      kg claims --as-of 2025-12-31
    """
    rows = [
        c.to_dict()
        for c in obj.graph().claims(
            entity=entity,
            predicates=predicates,
            since=since,
            until=until,
            sources=sources,
            as_of=as_of,
            include_all=include_all,
            min_confidence=min_confidence,
        )
    ]
    columns = ["subject", "predicate", "object", "attributed_to", "amount", "date", "article"]
    if include_all:
        columns.append("polarity")
    if fmt == "table":
        columns.append("sentence")
    else:
        columns += ["confidence", "sentence", "start", "end"]
    emit_records(rows, fmt, columns, cut=("sentence",))
