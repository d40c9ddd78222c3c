"""``kg add`` with bad articles in the batch: each is one ``failed:`` line, the rest go in."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

GOOD = "Acme Corp. agreed to buy Widget Inc. for $5 million, Jane Doe said."


def _stored_ids(jsonl, store: Path) -> list[str]:
    return sorted(a["id"] for a in jsonl(store, "articles"))


def _failed(err: str) -> list[str]:
    return [
        line.strip()[len("failed: ") :]
        for line in err.splitlines()
        if line.strip().startswith("failed: ")
    ]


def test_cli_add_jsonl_bad_lines_keep_every_good_one(kg, jsonl, tmp_path):
    path = tmp_path / "batch.jsonl"
    bad = {
        5: json.dumps({"id": "long", "text": "word " * 250_000}),
        9: '{"id": "sur", "text": "bad \\ud800 text"}',
        13: json.dumps({"id": "date", "text": GOOD, "published": "2026-02-30"}),
        17: '{"text": "x", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        21: json.dumps({"id": "nl\nid", "text": GOOD}),
    }
    lines = [
        bad.get(n) or json.dumps({"id": f"good-{n:02d}", "text": f"{GOOD} Item {n}."})
        for n in range(1, 31)
    ]
    path.write_text("\n".join(lines) + "\n")
    store = tmp_path / "store"

    res = kg("--store", store, "add", "--workers", "1", path)

    assert res.code == 1, res.err
    assert "Traceback" not in res.err and "internal error" not in res.err
    assert _stored_ids(jsonl, store) == sorted(
        f"good-{n:02d}" for n in range(1, 31) if n not in bad
    )
    failed = _failed(res.err)
    assert [f.split(": ", 1)[0] for f in failed] == [f"{path}:{n}" for n in sorted(bad)]
    assert "25 added, 0 unchanged, 0 replaced, 5 failed" in res.err

    again = kg("--store", store, "add", "--workers", "1", path)  # a re-run goes past them too

    assert again.code == 1
    assert "0 added, 25 unchanged, 0 replaced, 5 failed" in again.err


def test_cli_add_bad_files_keep_the_good_ones(kg, jsonl, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"ok{i}.md").write_text(f"---\nid: ok-{i}\n---\n{GOOD} Number {i}.\n")
    (folder / "baddate.md").write_text(f"---\npublished: 2026-02-30\n---\n{GOOD}\n")
    (folder / "deep.md").write_text(
        "---\ntitle: " + "[" * 100_000 + "]" * 100_000 + f"\n---\n{GOOD}\n"
    )
    (folder / "sur.md").write_text(f'---\ntitle: "x \\ud800"\n---\n{GOOD}\n')
    with open(os.path.join(os.fsencode(folder), b"bad\xff.txt"), "wb") as handle:
        handle.write(GOOD.encode())
    with (folder / "big.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    os.mkfifo(folder / "fifo.md")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "utf16.txt").write_bytes(
        "\ufeff".encode("utf-16-le") + f"{GOOD} Wide.".encode("utf-16-le")
    )
    store = tmp_path / "store"

    res = kg("--store", store, "add", "--workers", "1", folder)

    assert res.code == 1, res.err
    assert "Traceback" not in res.err and "internal error" not in res.err
    assert _stored_ids(jsonl, store) == ["ok-0", "ok-1", "ok-2", "utf16"]
    reasons = {
        f.split(": ", 1)[0].rsplit("/", 1)[-1]: f.split(": ", 1)[1] for f in _failed(res.err)
    }
    assert reasons == {
        "bad\\xff.txt": "the file name is not UTF-8; rename the file (or give the article an id)",
        "baddate.md": "'published' is not a date ('2026-02-30')",
        "big.txt": reasons["big.txt"],
        "deep.md": "front matter is not valid YAML (nested too deeply)",
        "fifo.md": "not a regular file (a FIFO); kg reads files only",
        "sur.md": "'title' is not valid Unicode (a lone surrogate)",
        "zero.txt": "not a regular file (a character device); kg reads files only",
    }
    assert reasons["big.txt"].startswith("too large to be one article (50.0 MB;")
