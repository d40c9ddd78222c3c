"""Readers of one article file (.md, .txt, .html, .jsonl) into Article records."""

from __future__ import annotations

import codecs
import datetime as dt
import email.utils
import errno
import json
import os
import re
import signal
import stat
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import IO, Any

import yaml

from kg import limits
from kg.errors import InputError
from kg.model import Article

__all__ = [
    "READERS",
    "Reader",
    "register_reader",
    "KNOWN_EXTENSIONS",
    "STDIN_ORIGIN",
    "read_path",
    "read_markdown",
    "read_txt",
    "read_jsonl",
    "read_jsonl_file",
    "read_jsonl_stream",
    "iso_date",
    "display_path",
    "time_limit",
]

#: How standard input is named in messages and in ``Article.origin``.
STDIN_ORIGIN = "<stdin>"

_SNIFF_BYTES = 8192
_FRONT_MATTER_KEYS = ("id", "title", "published", "source", "url")
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
#: Byte-order marks, longest first (a UTF-32 LE mark starts like a UTF-16 LE one).
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
#: Characters an id may not hold: controls (NUL, tab, newline...) and line separators.
_BAD_ID_CHAR = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SURROGATE = re.compile("[\ud800-\udfff]")
MAX_ID_CHARS = 1000
_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


# -- shared checks ---------------------------------------------------------------------------


def display_path(path: str | os.PathLike) -> str:
    """A path as it can be printed: the bytes of a name that is not UTF-8 as ``\\xNN``.

    >>> display_path(os.fsdecode(b"caf\\xe9.md"))
    'caf\\\\xe9.md'
    """
    text = os.fspath(path)
    try:
        raw = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def _too_large(origin: str, size: int) -> InputError:
    return InputError(
        f"{origin}: too large to be one article ({_megabytes(size)}; kg reads texts "
        f"of up to {limits.max_chars():,} characters, set KG_MAX_CHARS to raise it)"
    )


def _open_regular(path: Path, origin: str) -> tuple[IO[bytes], int]:
    """Open a regular file for reading (never a FIFO, device or socket: those could block
    or never end) and return it with its size; every failure is an InputError."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(f"{origin}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{origin}: is a folder, not a file") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise InputError(f"{origin}: a loop of symbolic links") from None
        raise InputError(f"{origin}: cannot read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{origin}: is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a file")
            raise InputError(f"{origin}: not a regular file ({kind}); kg reads files only")
        return os.fdopen(fd, "rb"), info.st_size
    except BaseException:
        os.close(fd)
        raise


def _read_bytes(path: Path, origin: str, limit: int) -> bytes:
    """Read a whole regular file of at most ``limit`` bytes, else InputError."""
    handle, size = _open_regular(path, origin)
    with handle:
        if size > limit:
            raise _too_large(origin, size)
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError(f"{origin}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:  # the file grew while it was read
        raise _too_large(origin, len(data))
    return data


def _decode(data: bytes, origin: str) -> str:
    """Decode article bytes strictly as UTF-8, or as UTF-16 or UTF-32 when a byte-order mark
    says so, with "\\n" line ends; a NUL anywhere means binary data, not an article."""
    encoding, name = next(
        ((enc, nm) for bom, enc, nm in _BOMS if data.startswith(bom)), ("utf-8", "UTF-8")
    )
    if not data.strip():
        raise InputError(f"{origin}: empty file")
    if encoding == "utf-8" and b"\0" in data:
        raise InputError(f"{origin}: binary file, not an article")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise InputError(f"{origin}: not {name} text") from None
    if "\0" in text:
        raise InputError(f"{origin}: binary file, not an article")
    if not text.strip():
        raise InputError(f"{origin}: empty file")
    return text.replace("\r\n", "\n")


def _read_text(path: Path, origin: str, *, html: bool = False) -> str:
    """The text of an article file after the shared checks."""
    return _decode(_read_bytes(path, origin, limits.max_file_bytes(html)), origin)


def _check_id(value: str, where: str, *, from_name: bool = False) -> str:
    """An article id, refused when it is not one line of printable text."""
    if _SURROGATE.search(value):
        if from_name:
            raise InputError(
                f"{where}: the file name is not UTF-8; rename the file (or give the article an id)"
            )
        raise InputError(f"{where}: the id is not valid Unicode (a lone surrogate)")
    bad = _BAD_ID_CHAR.search(value)
    if bad:
        raise InputError(
            f"{where}: the id {value!r} holds a control character or line "
            f"break ({bad.group()!r}); an id is one line of printable text"
        )
    if len(value) > MAX_ID_CHARS:
        raise InputError(
            f"{where}: the id is {len(value):,} characters long (at most {MAX_ID_CHARS:,})"
        )
    return value


def _article(
    where: str, *, id: str, text: str, from_name: bool = False, **fields: str | None
) -> Article:
    """An Article, after checking what the store and the extractor cannot take: a lone
    surrogate (from a JSON or YAML escape), a NUL, a bad id, a text over the limit."""
    limit = limits.max_chars()
    if len(text) > limit:
        raise InputError(
            f"{where}: the text is {len(text):,} characters long; kg reads up to "
            f"{limit:,} (set KG_MAX_CHARS to raise the limit)"
        )
    if _SURROGATE.search(text):
        raise InputError(
            f"{where}: the text is not valid Unicode (a lone surrogate such as "
            "\\ud800, from an escape)"
        )
    if "\0" in text:
        raise InputError(f"{where}: the text holds a NUL character; not an article")
    for key, value in fields.items():
        if key != "origin" and value is not None and _SURROGATE.search(value):
            raise InputError(f"{where}: '{key}' is not valid Unicode (a lone surrogate)")
    return Article(id=_check_id(id, where, from_name=from_name), text=text, **fields)


class _Overtime(Exception):
    """Raised by the alarm of :func:`time_limit`."""


@contextmanager
def time_limit(seconds: float | None, origin: str):
    """Raise InputError when the body runs longer than ``seconds`` (default
    ``KG_READ_TIMEOUT``). Only in the main thread of a POSIX process (it uses SIGALRM);
    elsewhere the body runs without a limit."""
    seconds = limits.read_timeout() if seconds is None else seconds
    if (
        not hasattr(signal, "setitimer")
        or seconds <= 0
        or threading.current_thread() is not threading.main_thread()
        or signal.getitimer(signal.ITIMER_REAL)[0]
    ):  # someone else's alarm is set
        yield
        return
    armed = [True]

    def alarm(signum, frame):
        if armed[0]:
            raise _Overtime

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            armed[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _Overtime:
        raise InputError(
            f"{origin}: reading it took longer than {seconds:g} s; skipped "
            "(set KG_READ_TIMEOUT to allow more)"
        ) from None
    finally:
        signal.signal(signal.SIGALRM, previous)


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


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, but dates stay strings: kg reads them itself, and an
    impossible one ("2026-02-30") is then a message about 'published', not a crash."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _load_front_matter(header: str, origin: str) -> Any:
    try:
        return yaml.load(header, Loader=_FrontMatterLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as exc:
        raise InputError(
            f"{origin}: front matter is not valid YAML ({_yaml_reason(exc)})"
        ) from None
    except RecursionError:
        raise InputError(f"{origin}: front matter is not valid YAML (nested too deeply)") from None
    except (ValueError, OverflowError) as exc:  # a value no Python type holds
        raise InputError(f"{origin}: front matter is not valid YAML ({_one_line(exc)})") from None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


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
    origin = display_path(path)
    header, body = _split_front_matter(_read_text(path, origin), origin)
    meta: dict[str, Any] = {}
    if header is not None:
        loaded = _load_front_matter(header, origin)
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
    article_id = _opt_str(fields["id"], "id", origin)
    return [
        _article(
            origin,
            id=article_id or path.stem,
            from_name=article_id is None,
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
    """Read a plain-text file: the whole text, stripped, with the file stem as id.

    UTF-8, or UTF-16 or UTF-32 with a byte-order mark.
    """
    origin = display_path(path)
    return [
        _article(
            origin,
            id=path.stem,
            from_name=True,
            text=_read_text(path, origin).strip(),
            origin=origin,
        )
    ]


# -- .jsonl ----------------------------------------------------------------------------------


def _jsonl_article(line: str, number: int, origin: str, stem: str) -> Article:
    """One JSON line as an Article; raises InputError naming origin:line."""
    where = f"{origin}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") from None
    except RecursionError:
        raise InputError(f"{where}: not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # a number too long to convert
        raise InputError(f"{where}: not valid JSON ({_one_line(exc)})") from None
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: no 'text'")
    article_id = _opt_str(record.get("id"), "id", where)
    return _article(
        where,
        id=article_id or f"{stem}-{number}",
        from_name=article_id is None,
        text=text.replace("\r\n", "\n").strip(),
        title=_opt_str(record.get("title"), "title", where),
        published=_published(record.get("published"), where),
        source=_opt_str(record.get("source"), "source", where),
        url=_opt_str(record.get("url"), "url", where),
        origin=origin,
    )


def _bounded_lines(stream, limit: int) -> Iterator[str | bytes | None]:
    """The lines of a stream, or None for a line longer than ``limit`` (which is skipped
    without being held in memory)."""
    readline = getattr(stream, "readline", None)
    if readline is None:  # a plain iterable of lines
        for line in stream:
            yield line if len(line) <= limit else None
        return
    while True:
        line = readline(limit + 1)
        if not line:
            return
        if len(line) <= limit:
            yield line
            continue
        while line and line[-1:] not in ("\n", b"\n"):
            line = readline(1024 * 1024)
        yield None


def read_jsonl_stream(
    stream: IO[str] | IO[bytes] | Iterable[str | bytes], origin: str, *, stem: str | None = None
) -> Iterator[Article | InputError]:
    """Read JSON lines lazily, one article per line; a bad line yields an InputError.

    Each line is an object with ``text`` and optionally ``id``, ``title``,
    ``source``, ``published`` and ``url`` (other keys are ignored). A missing
    ``id`` becomes "<stem>-<line number>", the stem defaulting to the origin's
    file stem ("stdin" for standard input). Blank lines are skipped; a stream
    with no line at all yields a single "empty file" error. A line longer than
    the longest article text could make (see ``KG_MAX_CHARS``) is skipped unread.
    """
    if stem is None:
        stem = "stdin" if origin == STDIN_ORIGIN else Path(origin).stem
    limit = limits.max_line_bytes()
    lines = _bounded_lines(stream, limit)
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
        if raw is None:
            seen = True
            yield InputError(
                f"{origin}:{number}: the line is longer than kg reads ({limit:,} "
                "bytes; set KG_MAX_CHARS to raise the limit)"
            )
            continue
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
    origin = display_path(path)
    try:
        handle, _size = _open_regular(path, origin)
    except InputError as exc:
        yield exc
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


@dataclass(frozen=True)
class Reader:
    """A kind of article file: its extensions (the first is the one named in messages) and
    where its reading function lives, imported when a file of the kind is first read."""

    extensions: tuple[str, ...]
    target: str  # "module:function", relative to kg.ingest

    def load(self) -> Callable[[Path], list[Article]]:
        """The reading function (its module is imported now, not before)."""
        module, _, func = self.target.partition(":")
        return getattr(import_module(module, "kg.ingest"), func)


#: Readers by lower-case file extension (rdflib's plugins, as kg's exporters).
READERS: dict[str, Reader] = {}


def register_reader(reader: Reader) -> Reader:
    """Read files with ``reader`` by its extensions (a later reader of one replaces it)."""
    for extension in reader.extensions:
        READERS[extension.lower()] = reader
    return reader


register_reader(Reader((".md", ".markdown"), ".readers:read_markdown"))
register_reader(Reader((".txt",), ".readers:read_txt"))
register_reader(Reader((".html", ".htm"), ".html:read_html"))  # trafilatura, when needed
register_reader(Reader((".jsonl",), ".readers:read_jsonl"))

KNOWN_EXTENSIONS = frozenset(READERS)


def _kinds() -> str:
    """The kinds of file kg reads, as messages name them: ".md, .txt, .html, .jsonl"."""
    return ", ".join(dict.fromkeys(r.extensions[0] for r in READERS.values()))


def read_path(path: Path | str) -> list[Article]:
    """Read one article file with the reader registered for its extension.

    Raises InputError for a missing file, an unknown extension, or a file
    that fails the shared checks (a regular file, not empty, not binary, text
    in UTF-8, not larger than ``KG_MAX_CHARS`` allows), and when reading it
    takes longer than ``KG_READ_TIMEOUT`` seconds.
    """
    path = Path(path)
    shown = display_path(path)
    if not path.exists():
        if path.is_symlink():
            _open_regular(path, shown)  # says why: a loop, or where the link points is gone
        raise InputError(f"{shown}: no such file")
    if path.is_dir():
        raise InputError(f"{shown}: is a folder, not a file")
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        what = f"unknown extension '{display_path(path.suffix)}'" if path.suffix else "no extension"
        raise InputError(f"{shown}: {what} (kg reads {_kinds()})")
    with time_limit(None, shown):
        return reader.load()(path)
