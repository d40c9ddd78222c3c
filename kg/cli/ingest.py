"""``kg add``, ``kg remove``, ``kg rebuild``, ``kg articles``."""

from __future__ import annotations

import sys

import click

from ..errors import KGError
from ..graph.store import open_store
from ..ingest import count_articles, expand_inputs, iter_articles
from ..query.listing import list_articles
from ..workflow import AddReport, add_articles, rebuild, remove_articles
from .app import Context, cli
from .output import RECORD_FORMATS, emit_records

_PROGRESS_MIN = 5  # show a progress bar from this many inputs on


def _progress(total: int | None, quiet: bool, label: str):
    """A rich progress bar on standard error, or None when it would only be noise."""
    if quiet or not sys.stderr.isatty():
        return None
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    return Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    TimeRemainingColumn(), console=Console(stderr=True), transient=True)


def _summary(report: AddReport, quiet: bool) -> None:
    """The counts (unless quiet), then every failure (always)."""
    if not quiet:
        click.echo(
            f"{report.added} added, {report.unchanged} unchanged, {report.replaced} replaced, "
            f"{len(report.failed)} failed; {report.entities} entities and {report.claims} "
            f"claims written", err=True)
    for _origin, message in report.failed:
        click.echo(f"  failed: {message}", err=True)


@cli.command()
@click.argument("paths", nargs=-1, metavar="PATH...")
@click.option("--feed", "feeds", multiple=True, metavar="URL",
              help="An RSS or Atom feed: each item's page is added. Repeatable.")
@click.option("--strict", is_flag=True, help="Stop at the first article that cannot be read.")
@click.option("--force", is_flag=True, help="Re-extract articles even when unchanged.")
@click.option("-w", "--workers", type=click.IntRange(0), default=0, show_default=True,
              help="Extraction processes; 0 = one per core when the input is large "
                   "(a JSON Lines stream, a feed or 50+ files), else 1.")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local",
              show_default=True,
              help="Where extraction runs: on this machine, or on a Dask cluster "
                   "(with --scheduler).")
@click.option("--scheduler", metavar="ADDRESS",
              help="The Dask scheduler, e.g. tcp://HOST:8786 (with --executor dask).")
@click.pass_obj
def add(obj: Context, paths: tuple[str, ...], feeds: tuple[str, ...], strict: bool,
        force: bool, workers: int, executor: str, scheduler: str | None) -> None:
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
        raise click.UsageError("--workers is for the local executor; on Dask, the cluster's "
                               "workers do the extraction")
    sources = expand_inputs(paths)
    items = iter_articles(sources, feeds=feeds, stdin=sys.stdin)
    streams = any(s.endswith(".jsonl") or s == "-" for s in sources)
    many = len(sources) >= _PROGRESS_MIN or bool(feeds) or streams
    # a total (and so an ETA) whenever it can be known: files, and the lines of JSON Lines
    total = count_articles(sources) if many and not feeds else None
    bar = _progress(total, obj.quiet, "adding") if many else None
    if workers == 0:
        from ..extract.parallel import default_workers

        workers = default_workers() if (streams or feeds or len(sources) >= 50) else 1
    factory = obj.extractor_factory(workers, scheduler if executor == "dask" else None)
    with open_store(obj.store) as store:
        if bar is None:
            report = add_articles(store, items, factory, strict=strict, force=force)
        else:
            with bar:
                task = bar.add_task("add", total=total)
                report = add_articles(store, items, factory, strict=strict, force=force,
                                      on_article=lambda r: bar.update(task, completed=r.seen))
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
    with open_store(obj.store, create=False) as store:
        removed, missing = remove_articles(store, ids)
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
    with open_store(obj.store, create=False) as store:
        total = len(store.article_ids())
        bar = _progress(total, obj.quiet, "rebuilding")
        if bar is None:
            report = rebuild(store, obj.extractor_factory())
        else:
            with bar:
                task = bar.add_task("rebuild", total=total)
                report = rebuild(store, obj.extractor_factory(),
                                 on_article=lambda r: bar.update(task, completed=r.seen))
    if not obj.quiet:
        click.echo(f"{report.replaced} articles re-extracted; {report.entities} entities and "
                   f"{report.claims} claims written", err=True)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(RECORD_FORMATS), default="table",
              show_default=True)
@click.pass_obj
def articles(obj: Context, fmt: str) -> None:
    """List the articles in the store with their counts of entities and claims.

    \b
    Example:
      kg articles --format csv > articles.csv
    """
    with open_store(obj.store, read_only=True) as store:
        rows = list_articles(store)
    emit_records(rows, fmt, ["id", "title", "published", "source", "entities", "claims"])
