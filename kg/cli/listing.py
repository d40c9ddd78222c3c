"""``kg entities`` and ``kg claims``: the contract outputs."""

from __future__ import annotations

import click

from ..graph.store import open_store
from ..query.listing import list_claims, list_entities
from ..workflow import alias_entity, merge_entities, rename_entity, split_entity, undo_curation
from .app import Context, cli
from .output import RECORD_FORMATS, emit_records
from .statements import as_of_option


@cli.group(invoke_without_command=True)
@click.option("--format", "fmt", type=click.Choice(RECORD_FORMATS), default="table",
              show_default=True)
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
    with open_store(obj.store, read_only=True) as store:
        rows = list_entities(store)
    emit_records(rows, fmt, ["label", "type", "aliases", "articles", "iri"])


def _notes(report) -> None:
    """What a correction repaired in the curation file (always said, even with --quiet)."""
    for note in report.notes:
        click.echo(f"kg: note: {note}", err=True)


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
    _notes(report)
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
    _notes(report)
    if not obj.quiet:
        click.echo(f"{alias!r} now names {entity['label']}; {report.replaced} articles "
                   f"re-extracted", err=True)


@entities.command("review")
@click.option("--format", "fmt", type=click.Choice(RECORD_FORMATS), default=None,
              help="table, jsonl or csv (default: as given to `kg entities`, else table).")
@click.pass_context
def entities_review(ctx: click.Context, fmt: str | None) -> None:
    """List pairs of entities that may be one, for a person to confirm with `merge`.

    A pair is listed when both have the same Wikidata id, share a name,
    have nearly the same name, or one name is part of the other; most likely
    first, with the command that would merge them.

    \b
    Example:
      kg entities review
    """
    from ..curation import review_entities

    obj: Context = ctx.obj
    fmt = fmt or ctx.parent.params.get("fmt") or "table"
    with open_store(obj.store, read_only=True) as store:
        rows = review_entities(store)
    emit_records(rows, fmt, ["merge", "into", "reasons", "score", "command"])


@entities.command("split")
@click.argument("name")
@click.pass_obj
def entities_split(obj: Context, name: str) -> None:
    """Undo the merge of NAME into another entity: it is an entity of its own again.

    NAME is the merged name as it was before the merge (or its key, as
    curation.yaml lists it); the articles that mention the entity it was
    merged into are read again.

    \b
    Example:
      kg entities split "Musk"
    """
    with open_store(obj.store, create=False) as store:
        key, target, report = split_entity(store, obj.curation_path, name,
                                           obj.curated_extractor_factory())
    _notes(report)
    if not obj.quiet:
        click.echo(f"{key} split out of {target}; {report.replaced} articles re-extracted",
                   err=True)


@entities.command("rename")
@click.argument("name")
@click.argument("label")
@click.pass_obj
def entities_rename(obj: Context, name: str, label: str) -> None:
    """Call the entity NAME by LABEL from now on, in every article.

    NAME is a label, an alias or the key after entity/. The entity's key (and
    IRI) follows the new name, as for any entity; a new name that only
    changes case or a corporate suffix keeps it.

    \b
    Example:
      kg entities rename "Larkspur" "Larkspur Industries"
    """
    with open_store(obj.store, create=False) as store:
        entity, key, report = rename_entity(store, obj.curation_path, name, label,
                                            obj.curated_extractor_factory())
    _notes(report)
    if not obj.quiet:
        click.echo(f"{entity['label']} is now {label} (entity/{key}); {report.replaced} "
                   f"articles re-extracted", err=True)


@entities.command("undo")
@click.pass_obj
def entities_undo(obj: Context) -> None:
    """Take back the last correction (merge, split, alias or rename).

    Run it again to go further back; curation.yaml keeps the last 50 changes.

    \b
    Example:
      kg entities undo
    """
    with open_store(obj.store, create=False) as store:
        entry, report = undo_curation(store, obj.curation_path,
                                      obj.curated_extractor_factory())
    _notes(report)
    if not obj.quiet:
        click.echo(f"undone: {entry.get('change') or entry['section']}; {report.replaced} "
                   f"articles re-extracted", err=True)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(RECORD_FORMATS), default="table",
              show_default=True)
@click.option("--all", "include_all", is_flag=True,
              help="Also list negated and hedged claims (see the polarity field).")
@click.option("--entity", metavar="NAME",
              help="Only the claims about this entity (as subject or object): a label, an "
                   "alias or the key after entity/.")
@click.option("--predicate", "predicates", multiple=True, metavar="P",
              help="Only these predicates (repeatable, or comma-separated).")
@click.option("--since", metavar="DATE",
              help="Only claims reported on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD): "
                   "the article's publication date, else the claim's own date.")
@click.option("--until", metavar="DATE", help="Only claims reported on or before DATE.")
@click.option("--source", "sources", multiple=True, metavar="OUTLET",
              help="Only claims from articles of this outlet (repeatable, any case).")
@as_of_option()
@click.pass_obj
def claims(obj: Context, fmt: str, include_all: bool, entity: str | None,
           predicates: tuple[str, ...], since: str | None, until: str | None,
           sources: tuple[str, ...], as_of: str | None) -> None:
    """List the claims: subject, predicate, object, the sentence, and who says so where.

    The table cuts each sentence to the terminal's width; --format jsonl or
    csv gives it whole, with its offsets in the article.

    \b
    Examples:
      kg claims
      kg claims --entity Microsoft --predicate investsIn
      kg claims --entity "Elon Musk" --since 2025 --until 2026-06 --source Reuters
      kg claims --format jsonl > claims.jsonl
      kg claims --all --format csv
      kg claims --as-of 2025-12-31
    """
    from ..network.filters import Filters

    filters = None
    if predicates or since or until or sources:
        filters = Filters(predicates=predicates, since=since, until=until, sources=sources)
    with open_store(obj.store, read_only=True) as store:
        rows = list_claims(store, include_all=include_all, as_of=as_of, entity=entity,
                           filters=filters)
    columns = ["subject", "predicate", "object", "attributed_to", "amount", "date", "article"]
    if include_all:
        columns.append("polarity")
    if fmt == "table":
        columns.append("sentence")
    else:
        columns += ["confidence", "sentence", "start", "end"]
    emit_records(rows, fmt, columns, cut=("sentence",))
