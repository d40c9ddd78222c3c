"""Tests of kg.ingest.sources: expanding inputs and reading them as a stream of articles."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import count_articles, expand_inputs, iter_articles
from kg.model import Article


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture()
def corpus(tmp_path, monkeypatch) -> Path:
    """A small tree of articles, with hidden files and folders and files kg does not read."""
    root = tmp_path / "corpus"
    write(root / "b.md", "---\ntitle: B\n---\nAcme sues Widgets.\n")
    write(root / "a.txt", "Acme buys Widgets.\n")
    write(root / "sub" / "c.jsonl", '{"text": "One."}\n{"text": "Two."}\n')
    write(root / "sub" / "deeper" / "d.HTML", "<html><body><p>x</p></body></html>")
    write(root / "sub" / "notes.xyz", "not an article")
    write(root / ".hidden.md", "Hidden.\n")
    write(root / ".git" / "e.md", "Hidden folder.\n")
    write(root / "sub" / ".cache" / "f.txt", "Hidden folder.\n")
    monkeypatch.chdir(tmp_path)
    return root


def test_sources_folder_recursion_skips_hidden(corpus):
    assert expand_inputs(["corpus"]) == [
        os.path.join("corpus", "a.txt"),
        os.path.join("corpus", "b.md"),
        os.path.join("corpus", "sub", "c.jsonl"),
        os.path.join("corpus", "sub", "deeper", "d.HTML"),
    ]


def test_sources_glob(corpus):
    assert expand_inputs(["corpus/*.md"]) == [os.path.join("corpus", "b.md")]
    assert expand_inputs(["corpus/**/*.jsonl", "corpus/?.txt"]) == [
        os.path.join("corpus", "sub", "c.jsonl"),
        os.path.join("corpus", "a.txt"),
    ]


def test_sources_order_kept_and_duplicates_removed(corpus):
    inputs = ["corpus/b.md", "-", "https://example.org/x", "corpus", "./corpus/a.txt", "-"]
    assert expand_inputs(inputs) == [
        "corpus/b.md",
        "-",
        "https://example.org/x",
        os.path.join("corpus", "a.txt"),
        os.path.join("corpus", "sub", "c.jsonl"),
        os.path.join("corpus", "sub", "deeper", "d.HTML"),
    ]


def test_sources_glob_matching_nothing(corpus):
    assert expand_inputs(["corpus/*.pdf"]) == ["corpus/*.pdf"]
    results = list(iter_articles(["corpus/*.pdf"]))
    assert len(results) == 1
    origin, error = results[0]
    assert origin == "corpus/*.pdf"
    assert isinstance(error, InputError)
    assert str(error) == "corpus/*.pdf: no file matches"


def test_sources_folder_without_articles(corpus):
    write(corpus / "empty" / "readme.xyz", "nothing")
    assert expand_inputs(["corpus/empty"]) == ["corpus/empty"]
    [(origin, error)] = iter_articles(["corpus/empty"])
    assert origin == "corpus/empty"
    assert isinstance(error, InputError)
    assert "folder has no article files" in str(error)


def test_sources_iter_articles_yields_failures_and_goes_on(corpus):
    write(corpus / "bad.md", "---\ntitle: [oops\n---\nBody.\n")
    write(corpus / "zz.txt", "Last one.\n")
    results = list(iter_articles(["corpus/bad.md", "missing.txt", "corpus/zz.txt"]))
    assert [origin for origin, _ in results] == ["corpus/bad.md", "missing.txt", "corpus/zz.txt"]
    bad, missing, good = (result for _, result in results)
    assert isinstance(bad, InputError)
    assert "front matter is not valid YAML" in str(bad)
    assert isinstance(missing, InputError)
    assert str(missing) == "missing.txt: no such file"
    assert isinstance(good, Article)
    assert good.text == "Last one."


def test_sources_iter_articles_whole_folder(corpus):
    results = list(iter_articles(["corpus"]))
    ids = [r.id for _, r in results if isinstance(r, Article)]
    assert ids == ["a", "b", "c-1", "c-2", "d"]
    assert [o for o, _ in results][2:4] == [os.path.join("corpus", "sub", "c.jsonl")] * 2


def test_sources_stdin_stream():
    stdin = io.StringIO('{"id": "s1", "text": "From a pipe."}\n\nnot json\n{"text": "More."}\n')
    results = list(iter_articles(["-"], stdin=stdin))
    assert [origin for origin, _ in results] == ["<stdin>"] * 3
    first, bad, last = (result for _, result in results)
    assert isinstance(first, Article) and first.id == "s1"
    assert isinstance(bad, InputError) and str(bad).startswith("<stdin>:3: not valid JSON")
    assert isinstance(last, Article) and last.id == "stdin-4"


def test_sources_jsonl_is_streamed(tmp_path):
    """A JSONL file is read line by line: a line appended after the first article still comes."""
    path = write(tmp_path / "big.jsonl", '{"text": "Line 1."}\n')
    stream = iter_articles([str(path)])
    origin, first = next(stream)
    assert origin == str(path)
    assert isinstance(first, Article) and first.id == "big-1"
    with path.open("a", encoding="utf-8") as handle:
        handle.write('{"text": "Line 2."}\n')
    rest = [result for _, result in stream]
    assert [a.text for a in rest if isinstance(a, Article)] == ["Line 2."]


def test_sources_never_raise(tmp_path):
    binary = tmp_path / "img.md"
    binary.write_bytes(b"\x00\x01\x02")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("caf\u00e9".encode("latin-1"))
    unknown = write(tmp_path / "x.xyz", "text")
    results = list(iter_articles([str(binary), str(latin), str(unknown)]))
    messages = [str(r) for _, r in results]
    assert messages == [
        f"{binary}: binary file, not an article",
        f"{latin}: not UTF-8 text",
        f"{unknown}: unknown extension '.xyz' (kg reads .md, .txt, .html, .jsonl)",
    ]


def test_ingest_sources_count_articles_for_an_eta(tmp_path):
    (tmp_path / "a.md").write_text("---\nid: a\n---\nText.\n", "utf-8")
    lines = tmp_path / "b.jsonl"
    lines.write_text(
        '{"id": "1", "text": "x"}\n\n{"id": "2", "text": "y"}\n  \n{"id": "3", "text": "z"}',
        "utf-8",
    )
    sources = expand_inputs([str(tmp_path)])

    assert count_articles(sources) == 4  # one a file, one a non-blank line of JSON Lines
    assert count_articles([*sources, "-"]) is None  # standard input: not known beforehand
    assert count_articles(["https://example.org/a.html"]) is None
    assert count_articles([str(tmp_path / "gone.jsonl")]) is None
