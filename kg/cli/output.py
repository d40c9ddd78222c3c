"""Writing records to the terminal: table, jsonl or csv."""

from __future__ import annotations

import csv
import io
import json
import sys

import click

__all__ = ["RECORD_FORMATS", "emit_records", "flatten"]

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


def emit_records(records: list[dict], fmt: str, columns: list[str]) -> None:
    """Print records as a table (terminal), JSON Lines or CSV."""
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
    from rich.console import Console
    from rich.table import Table

    table = Table(*columns, show_lines=False, header_style="bold")
    for r in records:
        table.add_row(*[flatten(r.get(c)) for c in columns])
    console = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 200)
    console.print(table)
    console.print(f"{len(records)} rows", style="dim")
