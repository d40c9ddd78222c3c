"""``kg add``, ``kg remove``, ``kg rebuild``, ``kg articles``."""

from __future__ import annotations

import sys

import click

from ..errors import KGError
from ..ingest import count_articles, expand_inputs
from ..workflow import AddReport
from .app import Context, cli
from .options import format_option, progress_bar
from .output import emit_records

_PROGRESS_MIN = 5  # show a progress bar from this many inputs on


def _summary(report: AddReport, quiet: bool) -> None:
    """The counts (unless quiet), then every failure (always)."""
    if not quiet:
        click.echo(
            f"{report.added} added, {report.unchanged} unchanged, {report.replaced} replaced, "
            f"{len(report.failed)} failed; {report.entities} entities and {report.claims} "
            f"claims written",
            err=True,
        )
    for _origin, message in report.failed:
        click.echo(f"  failed: {message}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option(
    "--feed",
    "feeds",
    multiple=True,
    metavar="URL",
    help="An RSS or Atom feed: each item's page is added. Repeatable.",
)
@click.option("--strict", is_flag=True, help="Stop at the first article that cannot be read.")
@click.option("--force", is_flag=True, help="Re-extract articles even when unchanged.")
@click.option(
    "-w",
    "--workers",
    type=click.IntRange(0),
    default=0,
    show_default=True,
    help="Extraction processes; 0 = one per core when the input is large "
    "(a JSON Lines stream, a feed or 50+ files), else 1.",
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where extraction runs: on this machine, or on a Dask cluster (with --scheduler).",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="The Dask scheduler, e.g. tcp://HOST:8786 (with --executor dask).",
)
@click.pass_obj
def add(
    obj: Context,
    paths: tuple[str, ...],
    feeds: tuple[str, ...],
    strict: bool,
    force: bool,
    workers: int,
    executor: str,
    scheduler: str | None,
) -> None:
    """Add articles to the graph: files, folders, globs, URLs, or - for JSON Lines on stdin.

    Reads .md (YAML front matter: id, title, published, source, url), .txt,
    .html and .jsonl (id, title, text, source, published, url per line).
    Adding an unchanged article again changes nothing; an article whose id
    exists with a new text replaces what was extracted from it.

    \b
    Examples:
      kg add corpus/
      kg add 'news/**/*.md' story.html
      kg add https://example.org/2026/11/24/story.html
      kg add --feed https://example.org/rss.xml
      cat articles.jsonl | kg add -
      kg add --workers 2 ../archive/articles.jsonl
      kg add --executor dask --scheduler tcp://10.0.0.5:8786 ../archive/articles.jsonl
    """
    if not paths and not feeds:
        raise click.UsageError("give at least one PATH (or - for stdin) or --feed URL")
    if executor == "dask" and not scheduler:
        raise click.UsageError("--executor dask needs --scheduler ADDRESS (tcp://HOST:8786)")
    if executor == "local" and scheduler:
        raise click.UsageError("--scheduler is for --executor dask")
    if executor == "dask" and workers:
        raise click.UsageError(
            "--workers is for the local executor; on Dask, the cluster's workers do the extraction"
        )
    sources = expand_inputs(paths)
    streams = any(s.endswith(".jsonl") or s == "-" for s in sources)
    many = len(sources) >= _PROGRESS_MIN or bool(feeds) or streams
    # a total (and so an ETA) whenever it can be known: files, and the lines of JSON Lines
    total = count_articles(sources) if many and not feeds else None
    if workers == 0:
        # deferred: it imports the extraction pipeline, which the other commands never load
        from ..extract.parallel import default_workers

        workers = default_workers() if (streams or feeds or len(sources) >= 50) else 1
    with progress_bar("adding", total, obj.quiet, lambda r: r.seen, show=many) as tick:
        report = obj.graph().add(
            *sources,
            feeds=feeds,
            strict=strict,
            force=force,
            workers=workers,
            scheduler=scheduler if executor == "dask" else None,
            on_article=tick,
        )
    _summary(report, obj.quiet)
    if report.failed and report.seen == len(report.failed):
        raise KGError(f"no article could be read ({len(report.failed)} failed)")
    if report.failed:
        sys.exit(1)


@cli.command()
@click.argument("ids", nargs=-1, required=True, metavar="ID...")
@click.pass_obj
def remove(obj: Context, ids: tuple[str, ...]) -> None:
    """Remove articles, and everything extracted from them, by id.

    \b
    Example:
      kg remove 2026-11-24-microsoft-starlink-kenya
    """
    removed, missing = obj.graph().remove(*ids)
    if not obj.quiet:
        click.echo(f"{len(removed)} removed", err=True)
    if missing:
        raise KGError(f"no article with id {', '.join(missing)}")


@cli.command("rebuild")
@click.pass_obj
def rebuild_cmd(obj: Context) -> None:
    """Re-extract every stored article with the current pipeline.

    The store keeps each article's text and metadata, so no original file is
    needed: run it after upgrading kg or its model.

    \b
    Example:
      kg rebuild
    """
    graph = obj.graph()
    with progress_bar(
        "rebuilding", lambda: len(graph.article_ids()), obj.quiet, lambda r: r.seen
    ) as tick:
        report = graph.rebuild(on_article=tick)
    if not obj.quiet:
        click.echo(
            f"{report.replaced} articles re-extracted; {report.entities} entities and "
            f"{report.claims} claims written",
            err=True,
        )


@cli.command()
@format_option()
@click.pass_obj
def articles(obj: Context, fmt: str) -> None:
    """List the articles in the store with their counts of entities and claims.

    \b
    Example:
      kg articles --format csv > articles.csv
    """
    rows = [a.to_dict() for a in obj.graph().articles()]
    emit_records(rows, fmt, ["id", "title", "published", "source", "entities", "claims"])
