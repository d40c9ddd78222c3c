"""Readers of one article file (.md, .txt, .html, .jsonl) into Article records."""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import yaml

from kg.errors import InputError
from kg.model import Article

__all__ = [
    "READERS",
    "KNOWN_EXTENSIONS",
    "STDIN_ORIGIN",
    "read_path",
    "read_markdown",
    "read_txt",
    "read_html",
    "read_jsonl",
    "read_jsonl_file",
    "read_jsonl_stream",
    "html_to_article",
    "iso_date",
]

#: How standard input is named in messages and in ``Article.origin``.
STDIN_ORIGIN = "<stdin>"

_SNIFF_BYTES = 8192
_FRONT_MATTER_KEYS = ("id", "title", "published", "source", "url")
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")


# -- shared checks ---------------------------------------------------------------------------


def _read_bytes(path: Path) -> bytes:
    """Read a whole file, turning OS failures into InputError."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None


def _decode(data: bytes, origin: str) -> str:
    """Decode article bytes strictly as UTF-8 (BOM allowed), with "\\n" line ends."""
    if not data.strip():
        raise InputError(f"{origin}: empty file")
    if b"\0" in data[:_SNIFF_BYTES]:
        raise InputError(f"{origin}: binary file, not an article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{origin}: not UTF-8 text") from None
    if not text.strip():
        raise InputError(f"{origin}: empty file")
    return text.replace("\r\n", "\n")


def _read_text(path: Path) -> str:
    """The text of an article file after the shared checks."""
    return _decode(_read_bytes(path), str(path))


# -- field normalisation ---------------------------------------------------------------------


def iso_date(value: Any) -> str | None:
    """Normalise a date, datetime or date string to "YYYY-MM-DD".

    Returns None for None or an empty string; raises ValueError when the
    value cannot be read as a date.

    Examples
    --------
    >>> iso_date("2026-11-24T10:00:00Z")
    '2026-11-24'
    >>> iso_date(dt.date(2026, 11, 24))
    '2026-11-24'
    >>> iso_date("Tue, 24 Nov 2026 10:00:00 GMT")
    '2026-11-24'
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    if not text:
        return None
    match = _ISO_PREFIX.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return dt.date(year, month, day).isoformat()  # ValueError for 2026-13-40
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"not a date: {value!r}") from None


def _published(value: Any, where: str) -> str | None:
    try:
        return iso_date(value)
    except ValueError:
        raise InputError(f"{where}: 'published' is not a date ({value!r})") from None


def _opt_str(value: Any, key: str, where: str) -> str | None:
    """A scalar field as a string (None or "" -> None); lists and mappings are refused."""
    if value is None:
        return None
    if isinstance(value, (dict, list, tuple, set)):
        raise InputError(f"{where}: '{key}' must be a string, not {type(value).__name__}")
    text = str(value).strip()
    return text or None


# -- .md -------------------------------------------------------------------------------------


def _split_front_matter(text: str, origin: str) -> tuple[str | None, str]:
    """Split "---\\n<yaml>\\n---\\n<body>" into (yaml, body); (None, text) without front matter."""
    first, newline, rest = text.partition("\n")
    if first.rstrip() != "---":
        return None, text
    if not newline:
        raise InputError(f"{origin}: front matter has no closing '---' line")
    offset = 0
    for line in rest.splitlines(keepends=True):
        if line.rstrip() == "---":
            return rest[:offset], rest[offset + len(line) :]
        offset += len(line)
    raise InputError(f"{origin}: front matter has no closing '---' line")


def _yaml_reason(exc: yaml.YAMLError) -> str:
    """A short, one-line reason for a YAML error, with the line number in the file."""
    if isinstance(exc, yaml.MarkedYAMLError):
        problem = exc.problem or exc.context or "syntax error"
        if exc.problem_mark is not None:
            return f"{problem}, line {exc.problem_mark.line + 2}"  # +1 for "---", +1 for 1-based
        return problem
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def read_markdown(path: Path) -> list[Article]:
    """Read a Markdown file with optional YAML front matter (id, title, published, source, url).

    The body is the text after the closing ``---`` line with surrounding
    whitespace stripped and nothing else changed, so offsets into it are stable.
    """
    origin = str(path)
    header, body = _split_front_matter(_read_text(path), origin)
    meta: dict[str, Any] = {}
    if header is not None:
        try:
            loaded = yaml.safe_load(header)
        except yaml.YAMLError as exc:
            raise InputError(
                f"{origin}: front matter is not valid YAML ({_yaml_reason(exc)})"
            ) from None
        if loaded is not None and not isinstance(loaded, dict):
            raise InputError(
                f"{origin}: front matter is not valid YAML "
                f"(a {type(loaded).__name__}, not a mapping)"
            )
        meta = loaded or {}
    body = body.strip()
    if not body:
        raise InputError(f"{origin}: no article text after the front matter")
    fields = {key: meta.get(key) for key in _FRONT_MATTER_KEYS}
    return [
        Article(
            id=_opt_str(fields["id"], "id", origin) or path.stem,
            text=body,
            title=_opt_str(fields["title"], "title", origin),
            published=_published(fields["published"], origin),
            source=_opt_str(fields["source"], "source", origin),
            url=_opt_str(fields["url"], "url", origin),
            origin=origin,
        )
    ]


# -- .txt ------------------------------------------------------------------------------------


def read_txt(path: Path) -> list[Article]:
    """Read a plain-text file: the whole text, stripped, with the file stem as id."""
    return [Article(id=path.stem, text=_read_text(path).strip(), origin=str(path))]


# -- .html -----------------------------------------------------------------------------------


def html_to_article(html: str, *, id: str, origin: str, url: str | None = None) -> Article:
    """Extract the main text, title, date and site name of an HTML page with trafilatura.

    Navigation, footers and comments are left out. ``source`` is the site name
    from the page metadata, or None. Raises InputError when no main text is found.
    """
    import trafilatura  # imported lazily: it is slow to import and only HTML needs it

    doc = trafilatura.bare_extraction(
        html,
        include_comments=False,
        include_tables=True,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "").replace("\r\n", "\n").strip()
    if not text:
        raise InputError(f"{origin}: no main text found in the page")
    try:
        published = iso_date(getattr(doc, "date", None))
    except ValueError:
        published = None  # page metadata is a hint, not something the user wrote
    return Article(
        id=id,
        text=text,
        title=(getattr(doc, "title", None) or "").strip() or None,
        published=published,
        source=(getattr(doc, "sitename", None) or "").strip() or None,
        url=url,
        origin=origin,
    )


def read_html(path: Path) -> list[Article]:
    """Read an HTML file: its main text, and title and date from the page metadata."""
    return [html_to_article(_read_text(path), id=path.stem, origin=str(path))]


# -- .jsonl ----------------------------------------------------------------------------------


def _jsonl_article(line: str, number: int, origin: str, stem: str) -> Article:
    """One JSON line as an Article; raises InputError naming origin:line."""
    where = f"{origin}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: no 'text'")
    return Article(
        id=_opt_str(record.get("id"), "id", where) or f"{stem}-{number}",
        text=text.replace("\r\n", "\n").strip(),
        title=_opt_str(record.get("title"), "title", where),
        published=_published(record.get("published"), where),
        source=_opt_str(record.get("source"), "source", where),
        url=_opt_str(record.get("url"), "url", where),
        origin=origin,
    )


def read_jsonl_stream(
    stream: IO[str] | IO[bytes] | Iterable[str | bytes], origin: str, *, stem: str | None = None
) -> Iterator[Article | InputError]:
    """Read JSON lines lazily, one article per line; a bad line yields an InputError.

    Each line is an object with ``text`` and optionally ``id``, ``title``,
    ``source``, ``published`` and ``url`` (other keys are ignored). A missing
    ``id`` becomes "<stem>-<line number>", the stem defaulting to the origin's
    file stem ("stdin" for standard input). Blank lines are skipped; a stream
    with no line at all yields a single "empty file" error.
    """
    if stem is None:
        stem = "stdin" if origin == STDIN_ORIGIN else Path(origin).stem
    lines = iter(stream)
    number = 0
    seen = False
    while True:
        try:
            raw = next(lines)
        except StopIteration:
            break
        except UnicodeDecodeError:  # a text stream that is not UTF-8 cannot go on
            yield InputError(f"{origin}:{number + 1}: not UTF-8 text")
            return
        number += 1
        if isinstance(raw, bytes):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError:
                seen = True
                yield InputError(f"{origin}:{number}: not UTF-8 text")
                continue
        else:
            line = raw.removeprefix("\ufeff") if number == 1 else raw
        if not line.strip():
            continue
        seen = True
        try:
            yield _jsonl_article(line, number, origin, stem)
        except InputError as exc:
            yield exc
    if not seen:
        yield InputError(f"{origin}: empty file")


def read_jsonl_file(path: Path) -> Iterator[Article | InputError]:
    """Stream a .jsonl file line by line after the shared file checks (never loaded whole)."""
    origin = str(path)
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield InputError(f"{origin}: no such file")
        return
    except IsADirectoryError:
        yield InputError(f"{origin}: is a folder, not a file")
        return
    except OSError as exc:
        yield InputError(f"{origin}: cannot read ({exc.strerror or exc})")
        return
    with handle:
        if b"\0" in handle.read(_SNIFF_BYTES):
            yield InputError(f"{origin}: binary file, not an article")
            return
        handle.seek(0)
        yield from read_jsonl_stream(handle, origin)


def read_jsonl(path: Path) -> list[Article]:
    """Read a whole .jsonl file; the first bad line raises (see read_jsonl_file to go on)."""
    articles = []
    for item in read_jsonl_file(path):
        if isinstance(item, InputError):
            raise item
        articles.append(item)
    return articles


# -- registry --------------------------------------------------------------------------------

#: Readers by lower-case file extension.
READERS: dict[str, Callable[[Path], list[Article]]] = {
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".txt": read_txt,
    ".html": read_html,
    ".htm": read_html,
    ".jsonl": read_jsonl,
}

KNOWN_EXTENSIONS = frozenset(READERS)


def read_path(path: Path | str) -> list[Article]:
    """Read one article file with the reader registered for its extension.

    Raises InputError for a missing file, an unknown extension, or a file
    that fails the shared checks (empty, binary, not UTF-8).
    """
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not a file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        what = f"unknown extension '{path.suffix}'" if path.suffix else "no extension"
        raise InputError(f"{path}: {what} (kg reads .md, .txt, .html, .jsonl)")
    return reader(path)
