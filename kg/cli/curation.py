"""``kg entities review|merge|alias|split|rename|undo``: correcting entities, as
:mod:`kg.corrections` does."""

from __future__ import annotations

import click

from ..corrections import Correction
from .app import Context
from .listing import entities
from .output import RECORD_FORMATS, emit_records


def _done(obj: Context, correction: Correction) -> None:
    """What the correction repaired in the curation file (always said, even with --quiet),
    then what it did."""
    for note in correction.report.notes:
        click.echo(f"kg: note: {note}", err=True)
    if not obj.quiet:
        click.echo(str(correction), err=True)


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
    _done(obj, obj.graph().merge(source, target))


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
    _done(obj, obj.graph().alias(name, alias))


@entities.command("review")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(RECORD_FORMATS),
    default=None,
    help="table, jsonl or csv (default: as given to `kg entities`, else table).",
)
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
    obj: Context = ctx.obj
    fmt = fmt or ctx.parent.params.get("fmt") or "table"
    rows = obj.graph().review()
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
    _done(obj, obj.graph().split(name))


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
    _done(obj, obj.graph().rename(name, label))


@entities.command("undo")
@click.pass_obj
def entities_undo(obj: Context) -> None:
    """Take back the last correction (merge, split, alias or rename).

    Run it again to go further back; curation.yaml keeps the last 50 changes.

    \b
    Example:
      kg entities undo
    """
    _done(obj, obj.graph().undo())
