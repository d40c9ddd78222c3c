"""The ``kg`` command line: a thin layer over the library.

Every command parses its options, calls one library function and formats
what it returns. Errors become one line on standard error and a non-zero
exit status. The group is in :mod:`kg.cli.app`; each command module adds its
commands to it when imported here.
"""

from __future__ import annotations

import os
import sys

import click

from ..errors import KGError
from . import (  # noqa: F401  (each module adds its commands to the group)
    ask,
    curation,
    export,
    ingest,
    listing,
    load,
    network,
    query,
    serve,
    statements,
)
from .app import Context, cli

__all__ = ["cli", "main", "Context"]

EXIT_ERROR = 1
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``kg`` console script."""
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
        click.echo(
            f"kg: internal error: {type(exc).__name__}: {exc} (set KG_DEBUG=1 for the traceback)",
            err=True,
        )
        sys.exit(2)
