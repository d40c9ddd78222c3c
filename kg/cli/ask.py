"""``kg ask``: run a saved question by name."""

from __future__ import annotations

import click

from ..graph.store import open_store
from ..query.saved import get_saved, run_saved, saved_queries
from ..query.sparql import QUERY_FORMATS
from .app import Context, cli
from .output import emit_records, print_result


def _params(pairs: tuple[str, ...], values: tuple[str, ...], names: list[str]) -> dict[str, str]:
    """``--param NAME=VALUE`` options and bare values (in parameter order) as one dict."""
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.UsageError(f"--param {pair!r}: expected NAME=VALUE")
        out[key.strip()] = value
    free = [n for n in names if n not in out]
    if len(values) > len(free):
        raise click.UsageError(f"too many values: the question takes {', '.join(names) or 'none'}")
    out.update(zip(free, values, strict=False))  # missing ones are reported later
    return out


@cli.command()
@click.argument("name", required=False)
@click.argument("values", nargs=-1)
@click.option(
    "-p",
    "--param",
    "pairs",
    multiple=True,
    metavar="NAME=VALUE",
    help="A parameter's value (repeatable); an entity by its name, as you would type it.",
)
@click.option(
    "--list", "show_list", is_flag=True, help="List the saved questions with their parameters."
)
@click.option("--show", is_flag=True, help="Print the question's SPARQL instead of running it.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(QUERY_FORMATS),
    default="table",
    show_default=True,
    help="Output format, as for kg query.",
)
@click.pass_obj
def ask(
    obj: Context,
    name: str | None,
    values: tuple[str, ...],
    pairs: tuple[str, ...],
    show_list: bool,
    show: bool,
    fmt: str,
) -> None:
    """Ask a saved question: NAME, then its parameters.

    Parameters are bound, never pasted into the query: a name that matches
    no entity is an error, not SPARQL. VALUES after NAME fill the parameters
    in order; --param NAME=VALUE names them.

    \b
    Examples:
      kg ask --list
      kg ask partners --param entity=Microsoft
      kg ask both-mentioned SpaceX OpenAI --format csv
      kg ask said-by --param "source=New York Post" --format json
      kg ask most-connected
    """
    if show_list:
        rows = [
            {
                "name": q.name,
                "parameters": " ".join(f"{p.name}:{p.kind}" for p in q.params),
                "description": q.description,
            }
            for q in saved_queries().values()
        ]
        list_fmt = {"csv": "csv", "json": "jsonl"}.get(fmt, "table")
        emit_records(rows, list_fmt, ["name", "parameters", "description"])
        return
    if not name:
        raise click.UsageError("name a saved question (kg ask --list shows them)")
    query = get_saved(name)
    if show:
        click.echo(query.sparql, nl=False)
        return
    params = _params(pairs, values, query.param_names)
    with open_store(obj.store, read_only=True) as store:
        result = run_saved(store, name, params)
    if fmt == "table" and result.kind != "graph":
        print_result(result)
        return
    click.echo(result.serialize("turtle" if fmt == "table" else fmt), nl=False)
