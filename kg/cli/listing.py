"""``kg entities`` and ``kg claims``: the contract outputs."""

from __future__ import annotations

import click

from ..graph.store import open_store
from ..query.listing import list_claims, list_entities
from ..workflow import alias_entity, merge_entities
from . import Context, cli
from .output import RECORD_FORMATS, emit_records


@cli.group(invoke_without_command=True)
@click.option("--format", "fmt", type=click.Choice(RECORD_FORMATS), default="table",
              show_default=True)
@click.pass_context
def entities(ctx: click.Context, fmt: str) -> None:
    """List the entities: label, type, aliases and the articles that mention them.

    With a subcommand, correct them: `merge` two entities into one, or add an
    `alias`. Corrections are kept in curation.yaml in the store folder and
    every later ingest honours them.

    \b
    Examples:
      kg entities
      kg entities --format jsonl | jq -r 'select(.type=="Person") | .label'
      kg entities merge "Musk" "Elon Musk"
      kg entities alias "Department of Defense" "the Pentagon"
    """
    if ctx.invoked_subcommand is not None:
        return
    obj: Context = ctx.obj
    with open_store(obj.store, read_only=True) as store:
        rows = list_entities(store)
    emit_records(rows, fmt, ["label", "type", "aliases", "articles", "iri"])


@entities.command("merge")
@click.argument("source")
@click.argument("target")
@click.pass_obj
def entities_merge(obj: Context, source: str, target: str) -> None:
    """Make SOURCE one entity with TARGET (TARGET's IRI and label are kept).

    Names are labels or aliases as you would type them; the articles that
    mention either are read again.

    \b
    Example:
      kg entities merge "Musk" "Elon Musk"
    """
    with open_store(obj.store, create=False) as store:
        a, b, report = merge_entities(store, obj.curation_path, source, target,
                                      obj.curated_extractor_factory())
    if not obj.quiet:
        click.echo(f"{a['label']} merged into {b['label']}; {report.replaced} articles "
                   f"re-extracted", err=True)


@entities.command("alias")
@click.argument("name")
@click.argument("alias")
@click.pass_obj
def entities_alias(obj: Context, name: str, alias: str) -> None:
    """Make ALIAS always name the entity NAME, in every article.

    \b
    Example:
      kg entities alias "Department of Defense" "the Pentagon"
    """
    with open_store(obj.store, create=False) as store:
        entity, report = alias_entity(store, obj.curation_path, name, alias,
                                      obj.curated_extractor_factory())
    if not obj.quiet:
        click.echo(f"{alias!r} now names {entity['label']}; {report.replaced} articles "
                   f"re-extracted", err=True)


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
    with open_store(obj.store, read_only=True) as store:
        rows = list_claims(store, include_all=include_all)
    columns = ["subject", "predicate", "object", "attributed_to", "amount", "date", "article",
               "confidence"]
    if include_all:
        columns.append("polarity")
    if fmt == "csv":
        columns += ["sentence", "start", "end"]
    emit_records(rows, fmt, columns)
