"""``kg serve`` and ``kg ask`` on the command line: help, and errors before serving."""

from __future__ import annotations

import socket

import pytest


@pytest.mark.parametrize("command", ["serve", "ask"])
def test_server_cli_help_has_examples(kg, command):
    res = kg(command, "--help")

    assert res.code == 0
    assert res.out.startswith(f"Usage: kg {command}")
    assert "Example" in res.out


def test_server_cli_no_store(kg, tmp_path):
    res = kg("--store", tmp_path / "missing", "serve", "--port", "0")

    assert res.code == 1
    assert res.error_lines == [
        f"kg: error: {tmp_path / 'missing'}: no store here (run `kg add` first, or pass --store)"
    ]


def test_server_cli_updates_need_a_token(kg, sample_store, monkeypatch):
    monkeypatch.delenv("KG_TOKEN", raising=False)

    res = kg("--store", sample_store, "serve", "--allow-update")

    assert res.code == 2
    assert "KG_TOKEN" in res.err


@pytest.mark.network
def test_server_cli_port_in_use(kg, sample_store):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]

        res = kg("--store", sample_store, "serve", "--port", port)

    assert res.code == 1
    assert res.error_lines[0].startswith(f"kg: error: cannot listen on 127.0.0.1:{port}")
