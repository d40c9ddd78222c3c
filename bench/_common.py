"""What the bench scripts share: reading a research corpus, and naming the machine."""

from __future__ import annotations

import hashlib
import json
import os
import platform
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy

import kg
from kg.errors import InputError
from kg.extract.nlp import pipeline_name
from kg.ingest.readers import read_jsonl_stream
from kg.model import Article

__all__ = ["Corpus", "read_corpus", "machine", "source_digest", "source_note"]


@dataclass
class Corpus:
    """Articles read from a JSON Lines file, and what was left out on the way."""

    path: str
    articles: list[Article] = field(default_factory=list)
    duplicates: int = 0  # records whose text repeats an earlier one
    bad_lines: list[str] = field(default_factory=list)  # InputError messages

    @property
    def characters(self) -> int:
        return sum(len(a.text) for a in self.articles)


def _lines(path: Path, category: str | None) -> Iterator[bytes]:
    """The file's lines; with a category, other lines become blank so numbering is kept."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with handle:
        for raw in handle:
            if category is not None:
                try:
                    record = json.loads(raw)
                except ValueError:
                    yield raw  # the reader reports it
                    continue
                if isinstance(record, dict) and record.get("category") != category:
                    yield b"\n"
                    continue
            yield raw


def read_corpus(
    path: str | Path,
    *,
    limit: int | None = None,
    category: str | None = None,
    dedupe: bool = True,
) -> Corpus:
    """Read up to ``limit`` articles (distinct texts with ``dedupe``) with kg's JSONL reader.

    ``category`` keeps only records whose ``category`` key equals it (the key
    is not part of :class:`Article`, so it is read from the raw JSON). Bad
    lines are counted, not raised; a file that yields no article raises
    :class:`InputError`.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    corpus = Corpus(str(path))
    seen: set[str] = set()
    for item in read_jsonl_stream(_lines(path, category), str(path)):
        if limit is not None and len(corpus.articles) >= limit:
            break
        if isinstance(item, InputError):
            corpus.bad_lines.append(str(item))
            continue
        if dedupe:
            if item.text in seen:
                corpus.duplicates += 1
                continue
            seen.add(item.text)
        corpus.articles.append(item)
    if not corpus.articles:
        what = f" in category {category!r}" if category else ""
        raise InputError(f"{path}: no article{what}")
    return corpus


def machine(nlp) -> dict[str, str]:
    """Where a figure was measured: platform, CPUs, Python, spaCy, model, kg, and how busy."""
    cpus = os.cpu_count() or 0
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = cpus
    return {
        "platform": platform.platform(),
        "cpu": f"{platform.machine()} {platform.processor()}".strip(),
        "cpus": str(cpus) if usable == cpus else f"{cpus} ({usable} usable)",
        "python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "spacy": spacy.__version__,
        "model": pipeline_name(nlp),
        "kg": kg.__version__,
        "load average": " ".join(f"{x:.2f}" for x in os.getloadavg()),  # 1, 5, 15 min
    }


def source_digest() -> str:
    """A short SHA-256 of the files of the kg package: which code a figure was measured on."""
    package = Path(kg.__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def source_note(before: str) -> str:
    """The "kg source" line: the digest taken at start, and whether the files changed since.

    A running process keeps the code it imported at start, so the figures
    are those of ``before`` even when the files change under it.
    """
    after = source_digest()
    if after == before:
        return f"kg source: {before}"
    return f"kg source: {before} (the files changed during the run, now {after})"
