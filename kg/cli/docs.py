"""Docs that come from the commands: the reference and the examples of the guides.

The command reference (docs/reference.md) is generated from the commands' own
``--help``: ``python -m kg.cli.docs > docs/reference.md`` writes it.

The guides' examples are run: in the pages of :data:`EXAMPLE_PAGES`, every
```` ```console ```` block is a session in a fresh folder holding ``corpus/`` and
``examples/``, whose store (``.kg``) starts with the corpus in it (unless the page's
first command is a ``kg add``). Each ``$ command`` shown with output is run in bash
(standard error with standard output) and must print that output, where ``...``
stands for any text; a command shown without output is an illustration, not run;
``$ cat FILE`` shown with output, for a file that is not there, makes it.
``python -m kg.cli.docs --examples`` writes what the commands print now into the
pages, for the outputs that no longer match.

Tests fail when the reference or an example is stale, so the docs cannot drift.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import click

from . import cli

__all__ = [
    "command_paths",
    "help_text",
    "reference",
    "EXAMPLE_PAGES",
    "Example",
    "examples",
    "run_page",
    "run_pages",
    "update_page",
]

#: The source tree (the docs and the corpus are not installed with the package).
ROOT = Path(__file__).resolve().parents[2]
#: The pages whose examples are run (the others need a server, a cluster, a second store
#: or the evaluation's gold; where a page shows a server's session, it is a ```text block).
EXAMPLE_PAGES = (
    "walk-through.md",
    "command-line.md",
    "claims-across-sources.md",
    "curation.md",
    "networks-and-exports.md",
    "graph-model.md",
)

WIDTH = 100


def command_paths(
    group: click.Group = cli, prefix: tuple[str, ...] = ()
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
    parts = [
        "# Command reference\n\n"
        "Generated from the commands' own `--help` by `python -m kg.cli.docs > "
        "docs/reference.md`; do not edit by hand. The walk-through is in "
        "[the command-line guide](command-line.md).\n"
    ]
    for path in [(), *command_paths()]:
        title = " ".join(("kg", *path))
        parts.append(f"\n## `{title}`\n\n```text\n{help_text(path).rstrip()}\n```\n")
    return "".join(parts)


# ------------------------------------------------------------------------- examples

_BLOCK = re.compile(r"^```console\n(.*?)^```$", re.S | re.M)


@dataclass(frozen=True)
class Example:
    """One ``$ command`` of a page and the output shown under it (``start:end`` in the
    page's text)."""

    command: str
    output: str
    start: int
    end: int


def examples(text: str) -> list[Example]:
    r"""The commands of a page's ```` ```console ```` blocks, in order, with their outputs.

    >>> page = "Text.\n\n```console\n$ kg ask --list | wc -l\n12\n$ kg add x.md\n```\n"
    >>> [(e.command, e.output) for e in examples(page)]
    [('kg ask --list | wc -l', '12\n'), ('kg add x.md', '')]
    """
    found = []
    for block in _BLOCK.finditer(text):
        pos = block.start(1)
        lines = block.group(1).splitlines(keepends=True)
        i = 0
        while i < len(lines):
            if not lines[i].startswith("$ "):
                pos += len(lines[i])
                i += 1
                continue
            command = lines[i][2:]
            pos += len(lines[i])
            i += 1
            while command.rstrip("\n").endswith("\\") and i < len(lines):
                command += lines[i]
                pos += len(lines[i])
                i += 1
            start = pos
            while i < len(lines) and not lines[i].startswith("$ "):
                pos += len(lines[i])
                i += 1
            found.append(Example(command.rstrip("\n"), text[start:pos], start, pos))
    return found


def _normal(output: str) -> str:
    return "\n".join(line.rstrip() for line in output.strip("\n").splitlines()) + "\n"


def matches(shown: str, printed: str) -> bool:
    """Whether a command printed what the page shows (``...`` for any text; spaces at the
    ends of lines do not count)."""
    checker = doctest.OutputChecker()
    return checker.check_output(_normal(shown), _normal(printed), doctest.ELLIPSIS)


def _session(folder: Path, store: Path | None, first: str | None) -> dict[str, str]:
    """Set up ``folder`` for a page's examples; the environment to run them in."""
    for name in ("corpus", "examples"):
        (folder / name).symlink_to(ROOT / name)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("KG_", "COLUMNS"))}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["NO_COLOR"] = "1"
    if first is None or not first.startswith("kg add"):
        if store is not None:
            shutil.copytree(store, folder / ".kg")
        else:
            subprocess.run(["kg", "--quiet", "add", "corpus"], cwd=folder, env=env, check=True)
    return env


def run_page(page: Path, store: Path | None = None) -> list[tuple[Example, str]]:
    """Run a page's examples (see the module's docstring) in a fresh folder: each example
    shown with output, and what it printed. ``store``: a store of the corpus to start
    from (else one is built)."""
    text = page.read_text("utf-8")
    found = examples(text)
    ran = [e for e in found if e.output.strip()]
    with tempfile.TemporaryDirectory(prefix="kg-docs-") as tmp:
        folder = Path(tmp)
        env = _session(folder, store, ran[0].command if ran else None)
        out = []
        for example in ran:
            given = re.fullmatch(r"cat (\S+)", example.command)
            if given and not (folder / given.group(1)).exists():
                (folder / given.group(1)).write_text(example.output, "utf-8")
            res = subprocess.run(
                ["bash", "-o", "pipefail", "-c", example.command],
                cwd=folder,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                timeout=600,
            )
            out.append((example, res.stdout))
        return out


def run_pages(
    names: Iterable[str] = EXAMPLE_PAGES, store: Path | None = None
) -> dict[str, list[tuple[Example, str]]]:
    """:func:`run_page` for the pages ``names`` of docs/, side by side (each in its own
    folder and store)."""
    names = list(names)
    with ThreadPoolExecutor(max(1, len(names))) as pool:
        runs = {name: pool.submit(run_page, ROOT / "docs" / name, store) for name in names}
    return {name: run.result() for name, run in runs.items()}


def update_page(page: Path, results: list[tuple[Example, str]]) -> int:
    """Write into ``page`` what its examples printed, where it no longer matches what the
    page shows: the number of outputs rewritten."""
    text = page.read_text("utf-8")
    stale = [(e, printed) for e, printed in results if not matches(e.output, printed)]
    for example, printed in sorted(stale, key=lambda r: -r[0].start):
        text = text[: example.start] + printed.rstrip("\n") + "\n" + text[example.end :]
    page.write_text(text, "utf-8")
    return len(stale)


def _update_examples() -> None:
    for name, results in run_pages().items():
        n = update_page(ROOT / "docs" / name, results)
        print(f"docs/{name}: {n} outputs rewritten", file=sys.stderr)


if __name__ == "__main__":
    if sys.argv[1:] == ["--examples"]:
        _update_examples()
    else:
        sys.stdout.write(reference())
