"""Hostile and broken inputs: each is one clear failure, and reading never hangs or blows up.

Every input is made by the test: long texts, escapes that make lone surrogates,
impossible dates, deep nesting, names that are not UTF-8, FIFOs, symbolic-link
loops, devices, tags with too many attributes, NULs, bad ids, UTF-16.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import iter_articles, read_jsonl_file, read_path
from kg.ingest.html import MAX_ATTRIBUTES
from kg.ingest.readers import time_limit
from kg.ingest.sources import expand_inputs, glob_files
from kg.model import Article

GOOD = "Acme Corp. agreed to buy Widget Inc. for $5 million, Jane Doe said."


def _line(**record) -> str:
    return json.dumps(record)


def _results(path: Path) -> list:
    return [r for _, r in iter_articles([str(path)])]


# -- item 1: one bad article is one failure --------------------------------------------------


def test_ingest_text_over_the_limit_fails_its_line_only(tmp_path):
    path = tmp_path / "long.jsonl"
    lines = [_line(id=f"a{i}", text=GOOD) for i in range(3)]
    lines.insert(1, _line(id="long", text="word " * 250_000))  # 1,250,000 characters
    path.write_text("\n".join(lines) + "\n")

    results = _results(path)

    assert [r.id for r in results if isinstance(r, Article)] == ["a0", "a1", "a2"]
    [error] = [str(r) for r in results if isinstance(r, InputError)]
    assert error == (
        f"{path}:2: the text is 1,249,999 characters long; kg reads up to "
        "1,000,000 (set KG_MAX_CHARS to raise the limit)"
    )


def test_ingest_max_chars_can_be_raised(tmp_path, monkeypatch):
    path = tmp_path / "long.txt"
    path.write_text("word " * 250_000)
    with pytest.raises(InputError, match="1,000,000"):
        read_path(path)

    monkeypatch.setenv("KG_MAX_CHARS", "2000000")

    [article] = read_path(path)
    assert len(article.text) == 1_249_999


def test_ingest_large_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: nothing to read it for

    with pytest.raises(InputError) as info:
        read_path(path)

    assert str(info.value).startswith(f"{path}: too large to be one article (50.0 MB;")


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "a\\udc00b"])
def test_ingest_lone_surrogate_from_json(tmp_path, escape):
    path = tmp_path / "s.jsonl"
    path.write_text(
        f'{{"id": "s", "text": "bad {escape} text"}}\n'
        + _line(id="fine", text=GOOD)
        + "\n"
        + f'{{"id": "t", "text": "{GOOD}", "title": "{escape}"}}\n'
    )

    results = _results(path)

    assert [r.id for r in results if isinstance(r, Article)] == ["fine"]
    assert [str(r) for r in results if isinstance(r, InputError)] == [
        f"{path}:1: the text is not valid Unicode (a lone surrogate such as \\ud800, "
        "from an escape)",
        f"{path}:3: 'title' is not valid Unicode (a lone surrogate)",
    ]


def test_ingest_lone_surrogate_from_yaml(tmp_path):
    path = tmp_path / "s.md"
    path.write_text(f'---\ntitle: "bad \\ud800"\n---\n{GOOD}\n')

    with pytest.raises(InputError, match=r"s\.md: 'title' is not valid Unicode"):
        read_path(path)


@pytest.mark.parametrize("date", ["2026-02-30", "2026-13-01", "2025-02-29T10:00:00Z"])
def test_ingest_impossible_date(tmp_path, date):
    path = tmp_path / "d.md"
    path.write_text(f"---\npublished: {date}\n---\n{GOOD}\n")

    with pytest.raises(InputError) as info:
        read_path(path)

    assert str(info.value) == f"{path}: 'published' is not a date ('{date}')"


def test_ingest_dates_still_read(tmp_path):
    path = tmp_path / "d.md"
    path.write_text(f"---\npublished: 2024-02-29\n---\n{GOOD}\n")

    assert read_path(path)[0].published == "2024-02-29"


def test_ingest_yaml_nested_deep(tmp_path):
    path = tmp_path / "deep.md"
    path.write_text("---\ntitle: " + "[" * 100_000 + "]" * 100_000 + f"\n---\n{GOOD}\n")

    with pytest.raises(InputError) as info:
        read_path(path)

    assert str(info.value) == f"{path}: front matter is not valid YAML (nested too deeply)"


def test_ingest_json_nested_deep_and_huge_number(tmp_path):
    path = tmp_path / "deep.jsonl"
    path.write_text(
        _line(id="a", text=GOOD)
        + "\n"
        + '{"text": "x", "x": '
        + "[" * 100_000
        + "]" * 100_000
        + "}\n"
        + '{"text": "x", "n": '
        + "9" * 5000
        + "}\n"
        + _line(id="b", text=GOOD)
        + "\n"
    )

    results = _results(path)

    assert [r.id for r in results if isinstance(r, Article)] == ["a", "b"]
    errors = [str(r) for r in results if isinstance(r, InputError)]
    assert errors[0] == f"{path}:2: not valid JSON (nested too deeply)"
    assert errors[1].startswith(f"{path}:3: not valid JSON (")


def test_ingest_file_name_not_utf8(tmp_path):
    raw = os.path.join(os.fsencode(tmp_path), b"bad\xff-name.txt")
    with open(raw, "wb") as handle:
        handle.write(GOOD.encode())
    named = os.path.join(os.fsencode(tmp_path), b"caf\xe9.md")
    with open(named, "wb") as handle:
        handle.write(f"---\nid: cafe\n---\n{GOOD}\n".encode())

    with pytest.raises(InputError) as info:
        read_path(os.fsdecode(raw))
    [article] = read_path(os.fsdecode(named))  # the id is in the front matter

    assert str(info.value) == (
        f"{tmp_path}/bad\\xff-name.txt: the file name is not UTF-8; "
        "rename the file (or give the article an id)"
    )
    assert article.id == "cafe"


def test_ingest_long_json_line_is_skipped_unread(tmp_path, monkeypatch):
    monkeypatch.setenv("KG_MAX_CHARS", "1000")  # lines of up to 6 * 1000 + 64 KiB bytes
    path = tmp_path / "l.jsonl"
    path.write_text(
        _line(id="a", text=GOOD)
        + "\n"
        + _line(id="x", text="y" * 200_000)
        + "\n"
        + _line(id="b", text=GOOD)
        + "\n"
    )

    results = list(read_jsonl_file(path))

    assert [r.id for r in results if isinstance(r, Article)] == ["a", "b"]
    [error] = [str(r) for r in results if isinstance(r, InputError)]
    assert error.startswith(f"{path}:2: the line is longer than kg reads (71,536 bytes;")


# -- item 7: only regular files, bounded time, no loops --------------------------------------


def test_ingest_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    started = time.monotonic()

    results = _results(fifo)
    os.mkfifo(tmp_path / "other.jsonl")
    streamed = list(read_jsonl_file(tmp_path / "other.jsonl"))

    assert time.monotonic() - started < 10  # a generous bound: before, it blocked for ever
    assert [str(r) for r in results] == [
        f"{fifo}: not a regular file (a FIFO); kg reads files only"
    ]
    assert [str(r) for r in streamed] == [
        f"{tmp_path / 'other.jsonl'}: not a regular file (a FIFO); kg reads files only"
    ]


def test_ingest_symlink_to_a_device_is_refused(tmp_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")

    with pytest.raises(InputError) as info:
        read_path(link)

    assert (
        str(info.value) == f"{link}: not a regular file (a character device); kg reads files only"
    )


def test_ingest_symlink_loop_file(tmp_path):
    (tmp_path / "a.md").symlink_to(tmp_path / "b.md")
    (tmp_path / "b.md").symlink_to(tmp_path / "a.md")

    with pytest.raises(InputError, match=r"a\.md: a loop of symbolic links$"):
        read_path(tmp_path / "a.md")


def test_ingest_glob_over_a_symlink_loop_ends(tmp_path, monkeypatch):
    sub = tmp_path / "loop" / "sub"
    sub.mkdir(parents=True)
    (sub / "a.md").write_text(GOOD)
    (sub / "up").symlink_to("..")  # two links back up: glob.glob would walk 2**40 paths
    (sub / "up2").symlink_to("..")
    (tmp_path / "loop" / "b.md").write_text(GOOD)
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()

    found = expand_inputs(["loop/**/*.md"])

    assert time.monotonic() - started < 10
    assert found == ["loop/b.md", "loop/sub/a.md"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("*.md", ["a.md", "b.md"]),
        ("[ab].md", ["a.md", "b.md"]),
        ("[!a].md", ["b.md"]),
        ("?.txt", ["c.txt"]),
        ("**/*.md", ["a.md", "b.md", "d/e.md", "d/f/g.md"]),
        ("d/**/*.md", ["d/e.md", "d/f/g.md"]),
        ("d/*/*.md", ["d/f/g.md"]),
        ("*/e.md", ["d/e.md"]),
    ],
)
def test_ingest_glob_files_matches_like_glob(tmp_path, monkeypatch, pattern, expected):
    import glob

    for name in ["a.md", "b.md", "c.txt", ".hidden.md", "d/e.md", "d/f/g.md", ".h/i.md"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(GOOD)
    monkeypatch.chdir(tmp_path)

    assert glob_files(pattern) == expected == sorted(glob.glob(pattern, recursive=True))
    assert glob_files(f"{tmp_path}/{pattern}") == [f"{tmp_path}/{p}" for p in expected]


def test_ingest_html_tag_with_many_attributes_is_refused_fast(tmp_path):
    path = tmp_path / "attrs.html"
    attrs = " ".join(f'a{i}="v"' for i in range(200_000))
    path.write_text(f"<html><body><div {attrs}><p>{GOOD}</p></div></body></html>")
    started = time.monotonic()

    with pytest.raises(InputError) as info:
        read_path(path)

    assert time.monotonic() - started < 30  # before: minutes in the main-text extractor
    assert str(info.value) == (
        f"{path}: an HTML tag with 200,000 attributes (kg reads pages "
        f"with up to {MAX_ATTRIBUTES:,} a tag)"
    )


def test_ingest_time_limit_stops_a_slow_read(monkeypatch, tmp_path):
    from kg.ingest import readers

    def slow(path):
        while True:
            time.sleep(0.01)

    monkeypatch.setattr(readers, "read_markdown", slow)  # what READERS[".md"] loads
    monkeypatch.setenv("KG_READ_TIMEOUT", "0.3")
    (tmp_path / "slow.md").write_text(GOOD)
    started = time.monotonic()

    with pytest.raises(InputError) as info:
        read_path(tmp_path / "slow.md")

    assert time.monotonic() - started < 10
    assert str(info.value) == (
        f"{tmp_path / 'slow.md'}: reading it took longer than 0.3 s; "
        "skipped (set KG_READ_TIMEOUT to allow more)"
    )


def test_ingest_time_limit_leaves_no_alarm_behind():
    import signal

    with time_limit(5, "x"):
        pass

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, signal.SIG_IGN, None)


# -- item 11: small ones ---------------------------------------------------------------------


@pytest.mark.parametrize("offset", [10, 8192 + 100, 100_000])
def test_ingest_nul_anywhere_is_binary(tmp_path, offset):
    path = tmp_path / "nul.txt"
    text = (GOOD + " ") * (offset // len(GOOD) + 2)
    path.write_bytes(text[:offset].encode() + b"\0" + text[offset:].encode())

    with pytest.raises(InputError, match=r"nul\.txt: binary file, not an article$"):
        read_path(path)


def test_ingest_nul_from_a_json_escape(tmp_path):
    path = tmp_path / "n.jsonl"
    path.write_text('{"id": "n", "text": "a \\u0000 b"}\n')

    [error] = _results(path)

    assert str(error) == f"{path}:1: the text holds a NUL character; not an article"


@pytest.mark.parametrize(
    ("article_id", "shown"),
    [
        ("a\u0000b", "'a\\x00b'"),
        ("line\nbreak", "'line\\nbreak'"),
        ("tab\there", "'tab\\there'"),
        ("bell\u0007", "'bell\\x07'"),
        ("sep\u2028x", "'sep\\u2028x'"),
        ("del\u007f", "'del\\x7f'"),
    ],
)
def test_ingest_id_with_control_characters_is_refused(tmp_path, article_id, shown):
    path = tmp_path / "ids.jsonl"
    path.write_text(_line(id=article_id, text=GOOD) + "\n" + _line(id="fine", text=GOOD) + "\n")

    results = _results(path)

    assert [r.id for r in results if isinstance(r, Article)] == ["fine"]
    [error] = [str(r) for r in results if isinstance(r, InputError)]
    assert error.startswith(f"{path}:1: the id {shown} holds a control character or line break")


def test_ingest_id_in_front_matter_with_a_newline(tmp_path):
    path = tmp_path / "x.md"
    path.write_text(f'---\nid: "two\\nlines"\n---\n{GOOD}\n')

    with pytest.raises(InputError, match="holds a control character or line break"):
        read_path(path)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_ingest_utf16_and_utf32_with_a_bom(tmp_path, encoding):
    path = tmp_path / "wide.txt"
    path.write_bytes("\ufeff".encode(encoding) + f"{GOOD}\r\nSecond line.".encode(encoding))

    [article] = read_path(path)

    assert article.text == f"{GOOD}\nSecond line."


def test_ingest_utf16_without_a_bom_is_binary(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(GOOD.encode("utf-16-le"))

    with pytest.raises(InputError, match="binary file, not an article$"):
        read_path(path)
