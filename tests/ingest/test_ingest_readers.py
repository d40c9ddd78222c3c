"""Tests of kg.ingest.readers: one file (or stream) into Article records."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import (
    READERS,
    Reader,
    iso_date,
    read_jsonl,
    read_jsonl_file,
    read_jsonl_stream,
    read_path,
)
from kg.model import Article

HTML_PAGE = """<!doctype html>
<html><head>
<title>Acme buys Widgets | Example News</title>
<meta name="date" content="2026-11-24">
<meta property="article:published_time" content="2026-11-24T10:00:00Z">
</head><body>
<nav><ul>
<li><a href="/">Home</a></li>
<li><a href="/world">World news section</a></li>
<li><a href="/markets">Markets and sprocket prices</a></li>
</ul></nav>
<article>
<h1>Acme buys Widgets</h1>
<p>Acme Corporation said on Tuesday that it would acquire Widgets Ltd for two billion
dollars, in a deal that its board approved without a single vote against it.</p>
<p>The chief executive of Acme, Jane Doe, told reporters that the purchase would double
the output of industrial sprockets at the company within the next two years.</p>
<p>Widgets Ltd, founded in Leeds in 1990, has been a rival of Acme for decades, and
regulators are expected to look at the deal closely before the summer.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
    return path


def only(articles: list[Article]) -> Article:
    assert len(articles) == 1
    return articles[0]


def test_readers_registry_extensions():
    assert set(READERS) == {".md", ".markdown", ".txt", ".html", ".htm", ".jsonl"}


def test_readers_registry_imports_a_reader_only_when_used(tmp_path):
    """Reading Markdown loads no HTML reader (trafilatura is slow to import)."""
    write(tmp_path / "a.md", "Acme bought Widgets.\n")
    code = (
        "import sys; from kg.ingest import read_path; "
        f"read_path({str(tmp_path / 'a.md')!r}); "
        "print(sorted(m for m in ('kg.ingest.html', 'trafilatura') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout

    assert out.strip() == "[]"


def test_readers_registry_takes_a_new_kind(tmp_path, monkeypatch):
    from kg.ingest import readers

    monkeypatch.setattr(readers, "READERS", dict(READERS))
    readers.register_reader(Reader((".text",), ".readers:read_txt"))

    article = only(read_path(write(tmp_path / "note.text", "Acme bought Widgets.\n")))

    assert (article.id, article.text) == ("note", "Acme bought Widgets.")
    with pytest.raises(InputError, match=r"kg reads \.md, \.txt, \.html, \.jsonl, \.text\)"):
        read_path(write(tmp_path / "note.doc", "x"))


def test_readers_markdown_front_matter(tmp_path):
    path = write(
        tmp_path / "acme-widgets.md",
        "---\n"
        "title: Acme buys Widgets\n"
        "published: 2026-11-24\n"
        "source: Example News\n"
        "url: https://news.example.org/acme\n"
        "---\n"
        "\n"
        "  Acme Corporation bought Widgets Ltd.\n\nIt paid  two billion dollars.  \n\n",
    )
    article = only(read_path(path))
    assert article.id == "acme-widgets"
    assert article.title == "Acme buys Widgets"
    assert article.published == "2026-11-24"
    assert article.source == "Example News"
    assert article.url == "https://news.example.org/acme"
    assert article.text == "Acme Corporation bought Widgets Ltd.\n\nIt paid  two billion dollars."
    assert article.origin == str(path)


def test_readers_markdown_id_and_datetime(tmp_path):
    path = write(
        tmp_path / "x.markdown",
        "---\nid: story-7\npublished: 2026-11-24T10:00:00Z\n---\nBody.\n",
    )
    article = only(read_path(path))
    assert article.id == "story-7"
    assert article.published == "2026-11-24"


def test_readers_markdown_published_string_iso(tmp_path):
    path = write(tmp_path / "a.md", "---\npublished: '2026-11-24T10:00:00Z'\n---\nBody.\n")
    assert only(read_path(path)).published == "2026-11-24"


def test_readers_markdown_bad_date(tmp_path):
    path = write(tmp_path / "a.md", "---\npublished: next tuesday\n---\nBody.\n")
    with pytest.raises(InputError, match=r"a\.md.*published"):
        read_path(path)


def test_readers_markdown_without_front_matter(tmp_path):
    path = write(tmp_path / "plain.md", "\n# Heading\n\nSome text -- with dashes.\n---\nMore.\n")
    article = only(read_path(path))
    assert article.id == "plain"
    assert article.title is None
    assert article.text == "# Heading\n\nSome text -- with dashes.\n---\nMore."


def test_readers_markdown_crlf_and_bom(tmp_path):
    path = tmp_path / "win.md"
    path.write_bytes(b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nLine one.\r\nLine two.\r\n")
    article = only(read_path(path))
    assert article.title == "T"
    assert article.text == "Line one.\nLine two."


def test_readers_markdown_bad_yaml(tmp_path):
    path = write(tmp_path / "bad.md", "---\ntitle: [unclosed\n---\nBody.\n")
    with pytest.raises(InputError, match=r"bad\.md: front matter is not valid YAML \("):
        read_path(path)


def test_readers_markdown_front_matter_not_mapping(tmp_path):
    path = write(tmp_path / "list.md", "---\n- one\n- two\n---\nBody.\n")
    with pytest.raises(InputError, match=r"list\.md: front matter is not valid YAML \(.*mapping"):
        read_path(path)


def test_readers_markdown_unclosed_front_matter(tmp_path):
    path = write(tmp_path / "open.md", "---\ntitle: T\nBody.\n")
    with pytest.raises(InputError, match="closing"):
        read_path(path)


def test_readers_txt(tmp_path):
    path = write(tmp_path / "note.txt", "\n\n  Acme sued Widgets.\r\nThey settled.  \n")
    article = only(read_path(path))
    assert article == Article(
        id="note", text="Acme sued Widgets.\nThey settled.", title=None, origin=str(path)
    )


def test_readers_html_main_text_without_nav(tmp_path):
    path = write(tmp_path / "page.html", HTML_PAGE)
    article = only(read_path(path))
    assert article.id == "page"
    assert article.title == "Acme buys Widgets"
    assert article.published == "2026-11-24"
    assert "Acme Corporation said on Tuesday" in article.text
    assert "regulators are expected" in article.text
    assert "World news section" not in article.text
    assert "Markets and sprocket prices" not in article.text
    assert "All rights reserved" not in article.text


def test_readers_html_without_main_text(tmp_path):
    path = write(
        tmp_path / "empty.htm", "<html><head><title>Nothing</title></head><body></body></html>"
    )
    with pytest.raises(InputError, match=r"empty\.htm: no main text"):
        read_path(path)


JSONL = (
    '{"id": "a1", "title": "First", "text": "Acme sues Widgets.", "source": "Wire",'
    ' "published": "2026-11-24T08:00:00Z", "extra": 1}\n'
    "\n"
    "{not json\n"
    '{"id": "a3", "title": "No text"}\n'
    '{"text": "Widgets invests in Acme."}\n'
)


def test_readers_jsonl_good_lines_go_on(tmp_path):
    path = write(tmp_path / "batch.jsonl", JSONL)
    results = list(read_jsonl_file(path))
    assert len(results) == 4
    first, bad_json, no_text, last = results
    assert isinstance(first, Article)
    assert (first.id, first.title, first.source, first.published) == (
        "a1",
        "First",
        "Wire",
        "2026-11-24",
    )
    assert first.text == "Acme sues Widgets."
    assert isinstance(bad_json, InputError)
    assert str(bad_json).startswith(f"{path}:3: not valid JSON")
    assert isinstance(no_text, InputError)
    assert str(no_text) == f"{path}:4: no 'text'"
    assert isinstance(last, Article)
    assert last.id == "batch-5"
    assert last.origin == str(path)


def test_readers_jsonl_list_reader_is_strict(tmp_path):
    path = write(tmp_path / "batch.jsonl", JSONL)
    with pytest.raises(InputError, match=r"batch\.jsonl:3"):
        read_jsonl(path)
    good = write(tmp_path / "good.jsonl", '{"text": "One."}\n{"text": "Two."}\n')
    assert [a.id for a in read_path(good)] == ["good-1", "good-2"]


def test_readers_jsonl_stream_text_and_bytes():
    text_stream = io.StringIO('{"text": "From stdin."}\n[1, 2]\n')
    results = list(read_jsonl_stream(text_stream, "<stdin>"))
    assert isinstance(results[0], Article)
    assert results[0].id == "stdin-1"
    assert results[0].origin == "<stdin>"
    assert str(results[1]) == "<stdin>:2: not a JSON object"

    byte_stream = io.BytesIO(b'{"text": "caf\xc3\xa9"}\n{"text": "caf\xe9"}\n{"text": "ok"}\n')
    results = list(read_jsonl_stream(byte_stream, "s.jsonl"))
    assert [type(r) for r in results] == [Article, InputError, Article]
    assert results[0].text == "café"
    assert str(results[1]) == "s.jsonl:2: not UTF-8 text"


def test_readers_jsonl_stream_empty():
    results = list(read_jsonl_stream(io.StringIO("\n  \n"), "<stdin>"))
    assert [str(r) for r in results] == ["<stdin>: empty file"]


def test_readers_missing_file(tmp_path):
    path = tmp_path / "nope.md"
    with pytest.raises(InputError, match=r"nope\.md: no such file$"):
        read_path(path)
    assert [str(r) for r in read_jsonl_file(tmp_path / "nope.jsonl")] == [
        f"{tmp_path / 'nope.jsonl'}: no such file"
    ]


@pytest.mark.parametrize("content", [b"", b"  \n\t\n"])
@pytest.mark.parametrize("name", ["e.md", "e.txt", "e.html", "e.jsonl"])
def test_readers_empty_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=f"{name}: empty file$"):
        read_path(path)


@pytest.mark.parametrize("name", ["b.md", "b.txt", "b.jsonl"])
def test_readers_binary_file(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match=f"{name}: binary file, not an article$"):
        read_path(path)


def test_readers_latin1_file(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9 Acme a rachet\u00e9 Widgets.".encode("latin-1"))
    with pytest.raises(InputError, match=r"latin\.txt: not UTF-8 text$"):
        read_path(path)


def test_readers_unknown_extension(tmp_path):
    path = write(tmp_path / "data.xyz", "text")
    with pytest.raises(InputError) as info:
        read_path(path)
    assert str(info.value) == (
        f"{path}: unknown extension '.xyz' (kg reads .md, .txt, .html, .jsonl)"
    )


def test_readers_extension_case_insensitive(tmp_path):
    path = write(tmp_path / "LOUD.TXT", "Acme.")
    assert only(read_path(path)).id == "LOUD"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-11-24", "2026-11-24"),
        ("2026-11-24T10:00:00Z", "2026-11-24"),
        ("2026-11-24 10:00", "2026-11-24"),
        ("Tue, 24 Nov 2026 10:00:00 GMT", "2026-11-24"),
        ("", None),
        (None, None),
    ],
)
def test_readers_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("value", ["2026-13-40", "soon", 2026])
def test_readers_iso_date_refuses(value):
    with pytest.raises(ValueError):
        iso_date(value)


def test_readers_package_exports():
    import kg.ingest

    assert sorted(kg.ingest.__all__) == sorted(set(kg.ingest.__all__))
    for name in kg.ingest.__all__:
        assert getattr(kg.ingest, name) is not None
