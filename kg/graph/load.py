"""Bulk-load article graphs extracted elsewhere (N-Quads or TriG), as ``kg load`` does.

A cluster run, or another store's ``kg export --format nquads``, gives files
of per-article named graphs. Every file is read through and every graph in it
checked against what ``kg add`` writes (:mod:`kg.graph.shape`) before anything
is written (:func:`check_file`), so a bad file changes nothing; then each file
is written in one transaction (a file of more than :data:`TRANSACTION_QUADS`
quads in several, each of whole article graphs), replacing the graphs of
articles the store has, with the merged graph and the derived graph brought up
to date in the same transaction (:func:`load_files`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pyoxigraph as ox

from ..errors import InputError, KGError
from ..vocab import BASE, DERIVED_GRAPH, article_graph_iri
from .base import KGStore
from .shape import check_article_graph

__all__ = ["LoadReport", "GraphFile", "check_file", "load_files", "LOAD_FORMATS"]

#: File suffix -> pyoxigraph format name.
LOAD_FORMATS = {".nq": "N_QUADS", ".nquads": "N_QUADS", ".trig": "TRIG"}
_FORMAT_NAMES = {"N_QUADS": "N-Quads", "TRIG": "TriG"}
_GRAPHS = BASE + "graph/"
#: The most quads written in one transaction: a file is one transaction up to this size,
#: else several, each of whole article graphs (a transaction is held in memory).
TRANSACTION_QUADS = 500_000
_DERIVED = str(DERIVED_GRAPH)


@dataclass(frozen=True)
class GraphFile:
    """A file checked by :func:`check_file`: what it holds, and whether its graphs
    come in one run each (so that it can be written while it is read)."""

    path: Path
    format: str
    graphs: int
    quads: int
    grouped: bool


@dataclass
class LoadReport:
    """What a load did."""

    added: int = 0
    replaced: int = 0
    quads: int = 0
    files: list[GraphFile] = field(default_factory=list)

    @property
    def graphs(self) -> int:
        return self.added + self.replaced


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _parse(path: Path, fmt: str) -> Iterator:
    """The file's quads; a syntax error becomes an :class:`InputError`."""
    try:
        yield from ox.parse(path=str(path), format=getattr(ox.RdfFormat, fmt))
    except SyntaxError as exc:
        raise InputError(f"{path}: not valid {_FORMAT_NAMES[fmt]} ({_short(exc)})") from None
    except MemoryError:  # the parser's buffer: one term of 16 MiB or more
        raise InputError(
            f"{path}: a term longer than the parser reads (16 MiB); kg article graphs hold none"
        ) from None
    except (OSError, ValueError) as exc:
        raise InputError(
            f"{path}: cannot read ({_short(getattr(exc, 'strerror', None) or exc)})"
        ) from None


def _article_id(graph: str) -> str | None:
    """The article whose graph this is, or None if it is no kg article graph's name."""
    if not graph.startswith(_GRAPHS):
        return None
    article_id = unquote(graph[len(_GRAPHS) :])
    return article_id if article_id and str(article_graph_iri(article_id)) == graph else None


def _read_graphs(path: Path, fmt: str) -> tuple[dict[str, list], int]:
    """The file's article graphs (graph IRI -> quads, the derived graph left out) and its
    number of quads; InputError for anything outside a kg article graph."""
    graphs: dict[str, list] = {}
    quads = 0
    for q in _parse(path, fmt):
        graph = getattr(q.graph_name, "value", None)
        if graph is None:
            raise InputError(
                f"{path}: {_short(f'{q.subject} {q.predicate} {q.object}', 100)} "
                "is outside any named graph; kg load reads article graphs "
                "(as `kg export --format nquads` writes them)"
            )
        if graph == _DERIVED:
            continue
        if _article_id(graph) is None:
            raise InputError(
                f"{path}: graph <{_short(graph, 100)}> is not a kg article graph "
                f"(those are <{_GRAPHS}ID>)"
            )
        graphs.setdefault(graph, []).append(q)
        quads += 1
    if not graphs:
        raise InputError(f"{path}: no kg article graph in it")
    for graph, qs in graphs.items():
        check_article_graph(_article_id(graph), qs, str(path))
    return graphs, quads


def check_file(path: str | Path) -> GraphFile:
    """Read a file through and check that it holds kg article graphs and nothing else.

    Each named graph must be ``graph:ID`` and hold what ``kg add`` writes for
    article ``ID`` (:func:`~kg.graph.shape.check_article_graph`): its article,
    the entities it mentions and its claims; the derived graph (statements
    and conflicts) is allowed and left out, since the store recomputes its
    own. Raises :class:`InputError` otherwise.
    """
    path = Path(path)
    fmt = LOAD_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: unknown extension {path.suffix or '(none)'!r} "
            f"(kg load reads {', '.join(LOAD_FORMATS)})"
        )
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    graphs, quads = _read_graphs(path, fmt)
    return GraphFile(path, fmt, len(graphs), quads, True)


def _batches(graphs: dict[str, list]) -> Iterator[list[tuple[str, list]]]:
    """Whole article graphs, in batches of at most TRANSACTION_QUADS quads (or one graph)."""
    batch, size = [], 0
    for graph, quads in graphs.items():
        if batch and size + len(quads) > TRANSACTION_QUADS:
            yield batch
            batch, size = [], 0
        batch.append((_article_id(graph), quads))
        size += len(quads)
    if batch:
        yield batch


def load_files(
    store: KGStore,
    checked: Iterable[GraphFile],
    on_graph: Callable[[LoadReport], None] | None = None,
) -> LoadReport:
    """Write the article graphs of files checked by :func:`check_file` into ``store``,
    each file in one transaction with its statements and conflicts (see
    :data:`TRANSACTION_QUADS`). A file is checked again as it is read for writing (it
    may have changed since), and a failure names it."""
    report = LoadReport(files=list(checked))
    flushed = 0
    try:
        for graph_file in report.files:
            graphs, _ = _read_graphs(graph_file.path, graph_file.format)
            written = 0
            for batch in _batches(graphs):
                try:
                    replaced = store.put_article_graphs(batch)
                except KGError as exc:
                    kept = (
                        f"{written} of its {len(graphs)} article graphs were written"
                        if written
                        else "the store has none of its graphs"
                    )
                    raise InputError(
                        f"{graph_file.path}: cannot be written ({exc}); {kept}"
                    ) from None
                written += len(batch)
                report.replaced += sum(replaced)
                report.added += len(replaced) - sum(replaced)
                report.quads += sum(len(quads) for _, quads in batch)
                if on_graph:
                    on_graph(report)
                if report.graphs - flushed >= store.flush_every:
                    store.flush()
                    flushed = report.graphs
            del graphs
    finally:
        if report.graphs:
            # write the log out now: the next process to open the store need not replay it
            store.flush()
    if report.graphs >= store.flush_every:
        store.optimize()
    return report
