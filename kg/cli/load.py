"""``kg load``: bulk-load article graphs extracted elsewhere (N-Quads or TriG).

A cluster run, or another store's ``kg export --format nquads``, gives files
of per-article named graphs. Every file is read through once and checked
before anything is written, so a bad file changes nothing; then each article
graph is written in one transaction, replacing the article's graph if the
store has it, with the merged graph and the derived graph brought up to date
in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import click

from ..errors import InputError
from ..graph.store import KGStore, open_store
from ..vocab import BASE, DERIVED_GRAPH, NKG, RDF, article_graph_iri, article_iri
from . import Context, cli

__all__ = ["LoadReport", "GraphFile", "check_file", "load_files", "LOAD_FORMATS"]

#: File suffix -> pyoxigraph format name.
LOAD_FORMATS = {".nq": "N_QUADS", ".nquads": "N_QUADS", ".trig": "TRIG"}
_FORMAT_NAMES = {"N_QUADS": "N-Quads", "TRIG": "TriG"}
_GRAPHS = BASE + "graph/"
#: Article graphs between flushes of the store's write log: the log is held in memory
#: until flushed, so a long load would otherwise grow with the number of graphs.
FLUSH_EVERY = 1000
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
    import pyoxigraph as ox

    try:
        yield from ox.parse(path=str(path), format=getattr(ox.RdfFormat, fmt))
    except SyntaxError as exc:
        raise InputError(f"{path}: not valid {_FORMAT_NAMES[fmt]} ({_short(exc)})") from None
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read ({_short(getattr(exc, 'strerror', None) or exc)})"
                         ) from None


def _article_id(graph: str) -> str | None:
    """The article whose graph this is, or None if it is no kg article graph's name."""
    if not graph.startswith(_GRAPHS):
        return None
    article_id = unquote(graph[len(_GRAPHS):])
    return article_id if article_id and str(article_graph_iri(article_id)) == graph else None


def check_file(path: str | Path) -> GraphFile:
    """Read a file through and check that it holds kg article graphs and nothing else.

    Each named graph must be ``graph:ID`` and describe ``article:ID`` as an
    ``nkg:Article`` with ``nkg:articleId "ID"`` (as ``kg add`` writes it); the
    derived graph (statements and conflicts) is allowed and left out, since
    the store keeps its own. Raises :class:`InputError` otherwise.
    """
    path = Path(path)
    fmt = LOAD_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: unknown extension {path.suffix or '(none)'!r} "
                         f"(kg load reads {', '.join(LOAD_FORMATS)})")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    type_, article_class, id_pred = str(RDF.type), str(NKG.Article), str(NKG.articleId)
    described: dict[str, set[str]] = {}  # graph -> what of the article it says
    done: set[str] = set()  # graphs whose run of quads has ended
    grouped = True
    current = None
    quads = 0
    for q in _parse(path, fmt):
        graph = getattr(q.graph_name, "value", None)
        if graph is None:
            raise InputError(f"{path}: {_short(f'{q.subject} {q.predicate} {q.object}', 100)} "
                             "is outside any named graph; kg load reads article graphs "
                             "(as `kg export --format nquads` writes them)")
        if graph == _DERIVED:
            continue
        article_id = _article_id(graph)
        if article_id is None:
            raise InputError(f"{path}: graph <{_short(graph, 100)}> is not a kg article graph "
                             f"(those are <{_GRAPHS}ID>)")
        if graph != current:
            if current is not None:
                done.add(current)
            grouped = grouped and graph not in done
            current = graph
        said = described.setdefault(graph, set())
        if q.subject.value == str(article_iri(article_id)):
            if q.predicate.value == type_ and q.object.value == article_class:
                said.add("type")
            elif q.predicate.value == id_pred and q.object.value == article_id:
                said.add("id")
        quads += 1
    for graph, said in described.items():
        if said != {"type", "id"}:
            raise InputError(f"{path}: graph <{_short(graph, 100)}> does not describe its "
                             "article (an nkg:Article with its nkg:articleId); not a kg "
                             "article graph")
    if not described:
        raise InputError(f"{path}: no kg article graph in it")
    return GraphFile(path, fmt, len(described), quads, grouped)


def _graphs(checked: GraphFile) -> Iterator[tuple[str, list]]:
    """(article id, its quads) for every article graph of a checked file."""
    quads = (q for q in _parse(checked.path, checked.format)
             if q.graph_name.value != _DERIVED)
    if not checked.grouped:  # a graph in several runs: gather them first
        by_graph: dict[str, list] = {}
        for q in quads:
            by_graph.setdefault(q.graph_name.value, []).append(q)
        for graph, qs in by_graph.items():
            yield _article_id(graph), qs
        return
    current, run = None, []
    for q in quads:
        if q.graph_name.value != current:
            if run:
                yield _article_id(current), run
            current, run = q.graph_name.value, []
        run.append(q)
    if run:
        yield _article_id(current), run


def load_files(store: KGStore, checked: Iterable[GraphFile],
               on_graph: Callable[[LoadReport], None] | None = None) -> LoadReport:
    """Write the article graphs of files checked by :func:`check_file` into ``store``,
    one transaction per article graph (with its statements and conflicts)."""
    report = LoadReport(files=list(checked))
    try:
        for graph_file in report.files:
            for article_id, quads in _graphs(graph_file):
                if store.put_article_graph(article_id, quads):
                    report.replaced += 1
                else:
                    report.added += 1
                report.quads += len(quads)
                if report.graphs % FLUSH_EVERY == 0:
                    store.flush()
                if on_graph:
                    on_graph(report)
    finally:
        if report.graphs:
            # write the log out now: the next process to open the store need not replay it
            store.flush()
    if report.graphs >= FLUSH_EVERY:
        store.optimize()
    return report


@cli.command("load")
@click.argument("files", nargs=-1, required=True, metavar="FILE.nq|FILE.trig...")
@click.pass_obj
def load_cmd(obj: Context, files: tuple[str, ...]) -> None:
    """Load article graphs extracted elsewhere (a cluster run, another store's export).

    Reads N-Quads (.nq) and TriG (.trig) holding kg article graphs, one named
    graph per article, as `kg export --format nquads` writes them. Every file
    is checked before anything is written: a file with anything else in it
    is refused and the store is left as it was. Each article graph is then
    written in one transaction, replacing the article if the store has it.

    \b
    Examples:
      kg --store other export --format nquads -o graphs.nq
      kg load graphs.nq
      kg --store /data/kg load run-*.nq
    """
    from .ingest import _progress

    checked = [check_file(f) for f in files]
    total = sum(c.graphs for c in checked)
    with open_store(obj.store) as store:
        bar = _progress(total, obj.quiet, "loading") if total >= 5 else None
        if bar is None:
            report = load_files(store, checked)
        else:
            with bar:
                task = bar.add_task("load", total=total)
                report = load_files(store, checked,
                                    on_graph=lambda r: bar.update(task, completed=r.graphs))
    if not obj.quiet:
        click.echo(f"{report.added} added, {report.replaced} replaced; {report.quads} quads "
                   f"in {report.graphs} article graphs from {len(checked)} "
                   f"file{'s' if len(checked) != 1 else ''}", err=True)
