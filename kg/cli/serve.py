"""``kg serve``: the store as a SPARQL 1.1 endpoint."""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading

import click

from .app import Context, cli


def _stop(signum, frame) -> None:
    """SIGTERM (a service manager, a test) stops the server as Ctrl-C does."""
    raise KeyboardInterrupt


@cli.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on (loopback by default; anything else is reachable "
    "from other machines).",
)
@click.option(
    "--port",
    default=7878,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="Port to listen on (0: any free port, printed at start).",
)
@click.option(
    "--timeout",
    default=30.0,
    show_default=True,
    type=click.FloatRange(min=0.1),
    help="Seconds a query may run before it is stopped and answered with 503.",
)
@click.option(
    "--max-rows",
    default=10_000,
    show_default=True,
    type=click.IntRange(min=1),
    help="Most rows (or triples) in one answer; longer ones are cut (header X-KG-Truncated).",
)
@click.option(
    "--workers",
    default=None,
    type=click.IntRange(1, 64),
    help="Queries answered at once, one process each (default: the CPUs, 4 to 8).",
)
@click.option(
    "--allow-update",
    is_flag=True,
    help="Serve /update (SPARQL Update) and /store (Graph Store Protocol), "
    "for requests bearing the token.",
)
@click.option(
    "--token-env",
    default="KG_TOKEN",
    show_default=True,
    metavar="NAME",
    help="Environment variable holding the token that writes must bear "
    "(Authorization: Bearer TOKEN).",
)
@click.option(
    "--allow-service",
    "allow_service",
    multiple=True,
    metavar="URL-PREFIX",
    help="Let SERVICE (federated queries) fetch from URLs starting so. Repeatable; "
    "without it SERVICE is refused (400).",
)
@click.option(
    "--allow-load",
    "allow_load",
    multiple=True,
    metavar="URL-PREFIX",
    help="Let LOAD (in updates, with --allow-update) read URLs starting so. "
    "Repeatable; without it LOAD is refused (400).",
)
@click.pass_obj
def serve(
    obj: Context,
    host: str,
    port: int,
    timeout: float,
    max_rows: int,
    workers: int | None,
    allow_update: bool,
    token_env: str,
    allow_service: tuple[str, ...],
    allow_load: tuple[str, ...],
) -> None:
    """Serve the graph over the SPARQL 1.1 Protocol, with a page for people at /.

    /sparql answers queries (GET ?query=, POST form or application/sparql-query;
    results as JSON, XML, CSV, TSV, Turtle, N-Triples, JSON-LD or TriG by
    Accept), and describes the service when asked without a query. /saved
    lists the saved questions and /saved/NAME?entity=... answers one. It is
    read-only unless --allow-update; `kg add` may write while it serves.

    \b
    Examples:
      kg serve                                   then open http://127.0.0.1:7878/
      curl -H 'Accept: text/csv' 'http://127.0.0.1:7878/saved/partners?entity=Microsoft'
      curl --data-urlencode 'query=ASK { ?s ?p ?o }' http://127.0.0.1:7878/sparql
      KG_TOKEN=s3cret kg serve --allow-update    writes send 'Authorization: Bearer s3cret'
    """
    # deferred: the server is a large package that only this command needs
    from ..server import ServerConfig, make_server

    if allow_load and not allow_update:
        raise click.UsageError("--allow-load is for updates: give --allow-update too")
    token = os.environ.get(token_env) if allow_update else None
    if allow_update and not token:
        raise click.UsageError(
            f"--allow-update needs a token: set {token_env} in the "
            "environment (or name another variable with --token-env)"
        )
    level = logging.WARNING if obj.quiet else logging.INFO
    logger = logging.getLogger("kg.server")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(level)
    config = ServerConfig(
        store=obj.store,
        host=host,
        port=port,
        timeout=timeout,
        max_rows=max_rows,
        allow_update=allow_update,
        token=token,
        log_level=level,
        allow_service=allow_service,
        allow_load=allow_load,
        **({"workers": workers} if workers else {}),
    )
    server = make_server(config)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)
    if host not in ("127.0.0.1", "::1", "localhost"):
        logger.warning("listening on %s: other machines can reach this endpoint", host)
    mode = "read-write with a token" if allow_update else "read-only"
    click.echo(f"kg: serving {server.store} at {server.url} ({mode}; Ctrl-C to stop)", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        if not obj.quiet:
            click.echo("kg: stopped", err=True)
    finally:
        server.close()
