"""What several commands share: the ``--format``, ``--as-of`` and network options, and the
progress bar on standard error."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from ..network import NETWORK_KINDS, Filters
from .output import RECORD_FORMATS

__all__ = ["format_option", "as_of_option", "network_options", "progress_bar"]


def format_option():
    """``--format table|jsonl|csv`` (default table), for the commands that list records."""
    return click.option(
        "--format", "fmt", type=click.Choice(RECORD_FORMATS), default="table", show_default=True
    )


def as_of_option():
    """The ``--as-of DATE`` option; a bad date is the library's one-line error."""
    return click.option(
        "--as-of",
        "as_of",
        metavar="DATE",
        help="The graph as it stood on DATE (YYYY, YYYY-MM or YYYY-MM-DD): claims from "
        "articles published by then, leaving out relations that had ended before it.",
    )


def network_options(func):
    """The options every network command and export takes; the command gets ``kind`` and
    ``filters`` (a :class:`~kg.network.Filters`)."""
    options = [
        click.option(
            "--network",
            "kind",
            type=click.Choice(NETWORK_KINDS),
            default="entity",
            show_default=True,
            help="entity: claims between entities; comention: entities in the same "
            "article; bipartite: articles and the entities they mention.",
        ),
        click.option(
            "--predicate",
            "predicates",
            multiple=True,
            metavar="NAME",
            help="Only claims with this predicate (repeatable, or comma-separated), "
            "e.g. sues,investsIn.",
        ),
        click.option(
            "--type",
            "types",
            multiple=True,
            metavar="TYPE",
            help="Only entities of this type: Person, Organization, Place, Product, "
            "Other (repeatable, or comma-separated).",
        ),
        click.option(
            "--since",
            metavar="DATE",
            help="Only articles published on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD).",
        ),
        click.option(
            "--until",
            metavar="DATE",
            help="Only articles published on or before DATE (YYYY includes the whole year).",
        ),
        click.option(
            "--source",
            "sources",
            multiple=True,
            metavar="OUTLET",
            help="Only articles from this outlet (repeatable).",
        ),
        click.option(
            "--min-support",
            type=click.IntRange(min=1),
            default=1,
            show_default=True,
            metavar="N",
            help="Only edges that at least N distinct articles support.",
        ),
        click.option(
            "--as-of",
            "as_of",
            metavar="DATE",
            help="The graph as it stood on DATE: claims reported by then, less the "
            "relations the articles say had ended.",
        ),
    ]

    @functools.wraps(func)
    def wrapper(*args, predicates, types, since, until, sources, min_support, as_of, **kwargs):
        filters = Filters(
            predicates=predicates,
            types=types,
            since=since,
            until=until,
            sources=sources,
            min_support=min_support,
            as_of=as_of,
        )
        return func(*args, filters=filters, **kwargs)

    for option in reversed(options):
        wrapper = option(wrapper)
    return wrapper


@contextmanager
def progress_bar(
    label: str,
    total: int | Callable[[], int] | None,
    quiet: bool,
    count: Callable[[object], int],
    show: bool = True,
) -> Iterator[Callable[[object], None] | None]:
    """A callback for a library job's progress reports that moves a rich progress bar on
    standard error to ``count(report)`` of ``total`` (a function of none is called only
    when there is a bar); None when the bar would only be noise (not ``show``,
    ``quiet``, or standard error no terminal)."""
    if not show or quiet or not sys.stderr.isatty():
        yield None
        return
    # deferred: rich is slow to import, and only a terminal sees the bar
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    bar = Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task(label, total=total() if callable(total) else total)
        yield lambda report: bar.update(task, completed=count(report))
