"""Every command is documented: ``--help`` works and shows an example (datasette's test_docs)."""

from __future__ import annotations

import pytest

from kg import __version__
from kg.cli import cli

COMMANDS = sorted(cli.commands)


def test_cli_help_lists_contract_commands():
    assert {"add", "remove", "rebuild", "articles", "entities", "claims", "query"} <= set(COMMANDS)


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["--help", "-h"])
def test_cli_help_command_has_example(kg, command, flag):
    res = kg(command, flag)

    assert res.code == 0
    assert res.out.startswith(f"Usage: kg {command}")
    assert "Example" in res.out
    assert res.err == ""


def test_cli_help_top_level(kg):
    res = kg("--help")

    assert res.code == 0
    assert "Example" in res.out
    assert "KG_STORE" in res.out
    for command in COMMANDS:
        assert command in res.out


def test_cli_help_version(kg):
    res = kg("--version")

    assert res.code == 0
    assert res.out.strip() == f"kg, version {__version__}"


def test_cli_help_unknown_command(kg):
    res = kg("frobnicate")

    assert res.code != 0
    assert "Traceback" not in res.err
    assert "frobnicate" in res.err


def test_cli_help_end_to_end(kg_subprocess):
    proc = kg_subprocess("--help")

    assert proc.returncode == 0
    assert proc.stderr == ""
    assert "Example" in proc.stdout
