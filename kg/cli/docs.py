"""The command reference (docs/reference.md), generated from the commands' own ``--help``.

``python -m kg.cli.docs > docs/reference.md`` writes it; a test fails when the file
is not what this prints, so the reference cannot drift from the commands.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import click

from . import cli

__all__ = ["command_paths", "help_text", "reference"]

WIDTH = 100


def command_paths(group: click.Group = cli, prefix: tuple[str, ...] = ()
                  ) -> Iterator[tuple[str, ...]]:
    """Every command and subcommand, as the words that call it: ("entities", "merge")."""
    for name in sorted(group.commands):
        command = group.commands[name]
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from command_paths(command, (*prefix, name))


def help_text(path: tuple[str, ...] = ()) -> str:
    """What ``kg PATH... --help`` prints, at a fixed width."""
    command: click.Command = cli
    # the group's own settings (-h, the width), as `kg --help` has them; children inherit
    settings = {**cli.context_settings, "terminal_width": WIDTH, "max_content_width": WIDTH}
    ctx = click.Context(cli, info_name="kg", **settings)
    for name in path:
        command = command.commands[name]
        ctx = click.Context(command, info_name=name, parent=ctx)
    return command.get_help(ctx)


def reference() -> str:
    """The reference page: the help of ``kg`` and of every command, in order."""
    parts = ["# Command reference\n\n"
             "Generated from the commands' own `--help` by `python -m kg.cli.docs > "
             "docs/reference.md`; do not edit by hand. The walk-through is in "
             "[the command-line guide](command-line.md).\n"]
    for path in [(), *command_paths()]:
        title = " ".join(("kg", *path))
        parts.append(f"\n## `{title}`\n\n```text\n{help_text(path).rstrip()}\n```\n")
    return "".join(parts)


if __name__ == "__main__":
    sys.stdout.write(reference())
