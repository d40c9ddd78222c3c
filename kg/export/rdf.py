"""The graph itself in Turtle, TriG, N-Quads and JSON-LD, written by pyoxigraph.

pyoxigraph keeps every literal's lexical form ("0.80" stays "0.80").
Turtle has no named graphs, so it holds the article graphs merged (each
triple once); the other three keep one named graph per article.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from ..vocab import PREFIXES

__all__ = [
    "write_turtle",
    "write_trig",
    "write_nquads",
    "write_jsonld",
    "statements_quads",
    "written_count",
]


def _serialize(statements: Iterable, path: Path, fmt: str, prefixes: bool = False) -> list[Path]:
    ox.serialize(
        statements,
        output=str(path),
        format=getattr(ox.RdfFormat, fmt),
        prefixes=PREFIXES if prefixes else None,
    )
    return [Path(path)]


def statements_quads(statements: Iterable) -> list:
    """Quads as they are; triples put in the default graph."""
    return [
        s if isinstance(s, ox.Quad) else ox.Quad(s.subject, s.predicate, s.object)
        for s in statements
    ]


def _triples(statements: Iterable) -> list:
    """Each distinct triple once, in first-seen order (named graphs merged)."""
    seen, out = set(), []
    for s in statements:
        t = s.triple if hasattr(s, "triple") else s
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out


def written_count(fmt: str, statements: list) -> int:
    """How many statements a format writes: Turtle writes each distinct triple once."""
    return len(_triples(statements)) if fmt == "turtle" else len(statements)


def write_turtle(statements: Iterable, path: Path) -> list[Path]:
    """Turtle, with kg's prefixes; named graphs are merged."""
    return _serialize(_triples(statements), path, "TURTLE", prefixes=True)


def write_trig(statements: Iterable, path: Path) -> list[Path]:
    """TriG, with kg's prefixes, one named graph per article."""
    return _serialize(statements_quads(statements), path, "TRIG", prefixes=True)


def write_nquads(statements: Iterable, path: Path) -> list[Path]:
    """N-Quads, one named graph per article."""
    return _serialize(statements_quads(statements), path, "N_QUADS")


def write_jsonld(statements: Iterable, path: Path) -> list[Path]:
    """JSON-LD (expanded, full IRIs), one named graph per article."""
    return _serialize(statements_quads(statements), path, "JSON_LD")
