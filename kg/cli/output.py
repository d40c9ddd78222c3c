"""Writing records to the terminal: table, jsonl or csv."""

from __future__ import annotations

import csv
import io
import json
import os
import sys

import click

from ..vocab import PREFIXES

__all__ = ["RECORD_FORMATS", "emit_records", "flatten", "print_result"]

RECORD_FORMATS = ("table", "jsonl", "csv")


def flatten(value) -> str:
    """A cell value for a table or a CSV file."""
    if value is None:
        return ""
    if isinstance(value, dict):
        if "label" in value:
            return str(value["label"])
        if "value" in value and "currency" in value:
            return f"{value['value']} {value['currency']}"
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "; ".join(flatten(v) for v in value)
    return str(value)


def emit_records(
    records: list[dict], fmt: str, columns: list[str], cut: tuple[str, ...] = ()
) -> None:
    """Print records as a table (terminal), JSON Lines or CSV. In a table, the ``cut``
    columns stay on one line, cut short (…) to fit the terminal's width."""
    if fmt == "jsonl":
        out = sys.stdout
        for r in records:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        return
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(columns)
        for r in records:
            w.writerow([flatten(r.get(c)) for c in columns])
        click.echo(buf.getvalue(), nl=False)
        return
    # deferred: rich is slow to import, and only tables need it
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False, width=None if sys.stdout.isatty() else _width())
    cells = [[flatten(r.get(c)) for c in columns] for r in records]
    # the other columns as wide as their text (up to 30, then they wrap); the cut ones
    # share what is left of the width
    natural = {
        c: min(30, max([len(c), *(len(row[i]) for row in cells)]))
        for i, c in enumerate(columns)
        if c not in cut
    }
    left = console.width - sum(natural.values()) - 3 * len(columns) - 1
    table = Table(show_lines=False, header_style="bold")
    for c in columns:
        if c in cut:
            table.add_column(
                c, no_wrap=True, overflow="ellipsis", max_width=max(20, left // max(1, len(cut)))
            )
        else:
            table.add_column(c)
    for row in cells:
        table.add_row(*row)
    console.print(table)
    console.print(f"{len(records)} rows", style="dim")


def _width() -> int:
    """The width of a table written to a file or a pipe: $COLUMNS, else 200."""
    try:
        return max(40, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return 200


def print_result(result) -> None:
    """A SELECT result as a table (IRIs as prefixed names), an ASK one as yes or no."""
    # deferred: rich is slow to import, as in emit_records
    from rich.console import Console
    from rich.table import Table

    console = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 200)
    if result.kind == "ask":
        console.print("yes" if result.boolean else "no")
        return
    table = Table(*result.variables, header_style="bold")
    for row in result.rows:
        table.add_row(*[_term(t) for t in row])
    console.print(table)
    console.print(f"{len(result.rows)} rows", style="dim")


def _term(term) -> str:
    """A term as a person reads it: prefixed names for IRIs, values for literals."""
    if term is None:
        return ""
    value = term.value
    if type(term).__name__ == "NamedNode":
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if value.startswith(ns):
                return f"{prefix}:{value[len(ns) :]}"
    return value
