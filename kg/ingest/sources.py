"""Turn command-line inputs (files, folders, globs, "-", URLs, feeds) into a stream of articles."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from kg.errors import InputError
from kg.ingest.readers import (
    KNOWN_EXTENSIONS,
    STDIN_ORIGIN,
    display_path,
    read_jsonl_file,
    read_jsonl_stream,
    read_path,
)
from kg.ingest.web import fetch_url, read_feed
from kg.model import Article

__all__ = ["STDIN", "expand_inputs", "iter_articles", "is_url", "glob_files", "count_articles"]

#: The input that stands for standard input.
STDIN = "-"

_URL = re.compile(r"^https?://", re.IGNORECASE)
_GLOB_CHARS = frozenset("*?[")


def is_url(item: str) -> bool:
    """True for an http:// or https:// URL."""
    return bool(_URL.match(item))


def _is_glob(item: str) -> bool:
    return any(char in _GLOB_CHARS for char in item)


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: str) -> list[str]:
    """Article files under a folder, recursively and sorted, skipping hidden files and folders."""
    found: list[tuple[tuple[str, ...], str]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not _is_hidden(name)]
        for name in files:
            if _is_hidden(name) or Path(name).suffix.lower() not in KNOWN_EXTENSIONS:
                continue
            path = os.path.join(root, name)
            found.append((Path(os.path.relpath(path, folder)).parts, path))
    return [path for _, path in sorted(found)]


def _glob_part(part: str) -> str:
    """One path component of a glob pattern as a regular expression (no "/" matched)."""
    out = [] if part.startswith(".") else [r"(?!\.)"]  # "*" does not match hidden names
    i = 0
    while i < len(part):
        char = part[i]
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and part.find("]", i + 2) > 0:
            end = part.find("]", i + 2)  # "[]...]" holds a "]"
            body = part[i + 1 : end]
            negate = body[:1] in ("!", "^")
            body = body[1:] if negate else body
            out.append("[" + ("^/" if negate else "") + body.replace("\\", "\\\\") + "]")
            i = end
        else:
            out.append(re.escape(char))
        i += 1
    return "".join(out)


def _glob_regex(parts: list[str]) -> re.Pattern:
    pieces = []
    for n, part in enumerate(parts):
        last = n == len(parts) - 1
        if part == "**":
            pieces.append(r"(?:(?!\.)[^/]+/)*(?!\.)[^/]+" if last else r"(?:(?!\.)[^/]+/)*")
        else:
            pieces.append(_glob_part(part) + ("" if last else "/"))
    return re.compile("".join(pieces) + r"\Z", re.S)


def glob_files(pattern: str) -> list[str]:
    """The paths matching a glob pattern (``**`` for any depth of folders), sorted.

    Like ``glob.glob(pattern, recursive=True)``, except that a folder reached
    through symbolic links is walked once: a link back up the tree (a loop)
    is not followed round and round.
    """
    parts = pattern.replace(os.sep, "/").split("/")
    fixed = 0
    while fixed < len(parts) - 1 and not _is_glob(parts[fixed]):
        fixed += 1
    base = "/".join(parts[:fixed])
    if pattern.startswith("/") and not base:
        base = "/"
    rest = parts[fixed:]
    if not rest or (base and not os.path.isdir(base)):
        return []
    matcher = _glob_regex(rest)
    depth = None if "**" in rest else len(rest)
    root_dir = base or "."
    try:
        top = os.stat(root_dir)
    except OSError:
        return []
    seen = {(top.st_dev, top.st_ino)}
    found: list[str] = []
    for root, dirs, files in os.walk(root_dir, followlinks=True):
        rel = os.path.relpath(root, root_dir)
        rel = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        level = rel.count("/")
        keep = []
        for name in sorted(dirs):
            path = os.path.join(root, name)
            if matcher.match(rel + name):
                found.append(path)
            try:
                info = os.stat(path)
            except OSError:
                continue
            if (info.st_dev, info.st_ino) in seen or (depth is not None and level + 1 >= depth):
                continue
            seen.add((info.st_dev, info.st_ino))
            keep.append(name)
        dirs[:] = keep
        found.extend(os.path.join(root, name) for name in files if matcher.match(rel + name))
    if not base:
        found = [p[2:] if p.startswith("./") else p for p in found]
    return sorted(found)


def _expand_one(item: str) -> list[str]:
    if item == STDIN or is_url(item):
        return [item]
    if os.path.isdir(item):
        return _walk(item) or [item]  # an empty folder is kept, so reading it says so
    if os.path.exists(item) or not _is_glob(item):
        return [item]
    matches: list[str] = []
    for match in glob_files(item):
        if os.path.isdir(match):
            matches.extend(_walk(match))
        elif Path(match).suffix.lower() in KNOWN_EXTENSIONS:
            matches.append(match)
    return matches or [item]  # kept, so reading it reports "no file matches"


def _key(item: str) -> str:
    if item == STDIN or is_url(item):
        return item
    return os.path.normcase(os.path.abspath(item))


def expand_inputs(inputs: Sequence[str]) -> list[str]:
    """Expand inputs into the files, URLs and "-" to read, in order and without duplicates.

    An input is a file, a folder (walked recursively, sorted, keeping files
    with a known extension and skipping hidden files and folders), a glob
    pattern (``**`` allowed), ``-`` for standard input, or an http(s) URL.
    A glob matching nothing and a folder with no article file are kept as they
    are, so that reading them reports the problem.
    """
    seen: set[str] = set()
    expanded: list[str] = []
    for item in inputs:
        for path in _expand_one(item):
            key = _key(path)
            if key not in seen:
                seen.add(key)
                expanded.append(path)
    return expanded


def count_articles(sources: Sequence[str]) -> int | None:
    """How many articles ``sources`` (as :func:`expand_inputs` gives them) hold at most: one
    per file, one per non-blank line of a JSON Lines file; None when it cannot be known
    before reading (standard input, a URL) or a file cannot be read."""
    total = 0
    for item in sources:
        if item == STDIN or is_url(item):
            return None
        path = Path(item)
        if path.suffix.lower() != ".jsonl":
            total += 1
            continue
        try:
            with path.open("rb") as f:
                total += sum(1 for line in f if line.strip())
        except OSError:
            return None
    return total


def _read_one(item: str, stdin: TextIO | None) -> Iterator[tuple[str, Article | InputError]]:
    if item == STDIN:
        stream = stdin if stdin is not None else sys.stdin
        if stream is None:
            yield STDIN_ORIGIN, InputError(f"{STDIN_ORIGIN}: no standard input")
            return
        for result in read_jsonl_stream(stream, STDIN_ORIGIN):
            yield STDIN_ORIGIN, result
        return
    if is_url(item):
        try:
            yield item, fetch_url(item)
        except InputError as exc:
            yield item, exc
        return
    path = Path(item)
    shown = display_path(item)
    if os.path.isdir(item):
        yield (
            item,
            InputError(f"{shown}: folder has no article files (kg reads .md, .txt, .html, .jsonl)"),
        )
    elif not path.exists() and not path.is_symlink() and _is_glob(item):
        yield item, InputError(f"{shown}: no file matches")
    elif path.suffix.lower() == ".jsonl":
        for result in read_jsonl_file(path):  # streamed line by line
            yield item, result
    else:
        try:
            articles = read_path(path)
        except InputError as exc:
            yield item, exc
            return
        for article in articles:
            yield item, article


def iter_articles(
    inputs: Sequence[str], *, feeds: Sequence[str] = (), stdin: TextIO | None = None
) -> Iterator[tuple[str, Article | InputError]]:
    """Yield (origin, article or error) for every article or failure in the inputs and feeds.

    Reading is lazy: a large JSONL file or standard input is read line by line.
    Failures are yielded, never raised, so the caller can list them and go on
    (or stop at the first, for a strict mode). Standard input (``-``) is read
    as JSON lines from ``stdin``, by default ``sys.stdin``.
    """
    for item in expand_inputs(inputs):
        yield from _read_one(item, stdin)
    for feed in feeds:
        for result in read_feed(feed):
            origin = result.origin if isinstance(result, Article) and result.origin else feed
            yield origin, result
