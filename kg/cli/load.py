"""``kg load``: bulk-load article graphs extracted elsewhere (:mod:`kg.graph.load`)."""

from __future__ import annotations

import click

from ..graph.load import check_file
from .app import Context, cli
from .options import progress_bar

_PROGRESS_MIN = 5  # show a progress bar from this many article graphs on


@cli.command("load")
@click.argument("files", nargs=-1, required=True, metavar="FILE.nq|FILE.trig...")
@click.pass_obj
def load_cmd(obj: Context, files: tuple[str, ...]) -> None:
    """Load article graphs extracted elsewhere (a cluster run, another store's export).

    Reads N-Quads (.nq) and TriG (.trig) holding kg article graphs, one named
    graph per article, as `kg export --format nquads` writes them. Every file
    is checked before anything is written: a file with anything else in it
    is refused and the store is left as it was. Each article graph is then
    written in one transaction, replacing the article if the store has it.

    \b
    Examples:
      kg --store other export --format nquads -o graphs.nq
      kg load graphs.nq
      kg --store /data/kg load run-*.nq
    """
    checked = [check_file(f) for f in files]
    total = sum(c.graphs for c in checked)
    with progress_bar(
        "loading", total, obj.quiet, lambda r: r.graphs, show=total >= _PROGRESS_MIN
    ) as tick:
        report = obj.graph().load(*checked, on_graph=tick)
    if not obj.quiet:
        click.echo(
            f"{report.added} added, {report.replaced} replaced; {report.quads} quads "
            f"in {report.graphs} article graphs from {len(checked)} "
            f"file{'s' if len(checked) != 1 else ''}",
            err=True,
        )
