"""Writing articles: each change in one transaction, with the merged graph and the derived
graph brought up to date in the same transaction.

Two graphs follow the article graphs (see :mod:`kg.graph.store`):

- the **merged graph**, the default graph of every query: each triple of the
  named graphs once. A triple enters it with the first graph that holds it
  and leaves it with the last: when a graph is replaced or dropped, each of
  its triples is looked up in the other graphs (one index lookup a triple),
  so the cost is that of the article, whatever the size of the store;
- the **derived graph** of statements and conflicts
  (:mod:`kg.graph.derive`): only the statements between the pairs of
  entities that the changed articles' claims join are computed again, from
  every claim about those pairs; and those of an entity whose label the
  change turns to another name.

:func:`write_articles` plans all of it before writing (reading the store, the
articles' old graphs and their new quads) and sends one SPARQL update.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from ..vocab import (
    BASE,
    DERIVED_GRAPH,
    PREFIXES,
    article_graph_iri,
    conflict_iri,
    local_name,
    statement_iri,
)
from .derive import (
    ARTICLE_INFO_PATTERN,
    CLAIM_PATTERN,
    CLAIM_VARIABLES,
    CONFLICT_KINDS,
    ENTITY_PATTERN,
    IN_ARTICLE_GRAPH,
    build_conflicts,
    build_statements,
    claim_record,
    conflict_local_id,
    derived_quads,
    entity_label,
    statement_key,
    statement_local_id,
)

__all__ = ["write_graphs", "write_articles", "derived_update", "rederive", "merge_all",
           "unmerge_graph", "merge_graph"]

_DERIVED = str(DERIVED_GRAPH)
_ALL_CLAIMS = f"SELECT {CLAIM_VARIABLES} WHERE {{ {CLAIM_PATTERN} }}"
_ALL_LABELS = (f"SELECT ?e ?label (COUNT(*) AS ?n) WHERE {{ {ENTITY_PATTERN} }} "
               "GROUP BY ?e ?label")
_ALL_INFO = f"SELECT ?id ?published ?source ?hash WHERE {{ {ARTICLE_INFO_PATTERN} }}"
_MENTIONS = f"SELECT DISTINCT ?e WHERE {{ {ENTITY_PATTERN} }}"


# ------------------------------------------------------------------ SPARQL pieces
def _iri(value: str) -> str:
    return f"<{value}>"


def _merged(store, triple: str = "?s ?p ?o") -> str:
    """A template that writes ``triple`` into the store's merged graph."""
    if store.merged_graph is None:
        return triple
    return f"GRAPH {_iri(store.merged_graph)} {{ {triple} }}"


def _held_elsewhere(store, *graphs: str) -> str:
    """A filter: ``?s ?p ?o`` is in no named graph but ``graphs`` (and the merged one)."""
    others = [*graphs, *([store.merged_graph] if store.merged_graph else [])]
    condition = " && ".join(f"?h != {_iri(g)}" for g in others)
    return f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER({condition}) }}"


def unmerge_graph(store, graph: str) -> str:
    """The update that takes a graph's triples out of the merged graph, but those that
    another graph holds too (run it before the graph is dropped or replaced)."""
    return (f"DELETE {{ {_merged(store)} }} WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} "
            f"{_held_elsewhere(store, graph)} }}")


def merge_graph(store, graph: str) -> str:
    """The update that puts a graph's triples into the merged graph."""
    return f"INSERT {{ {_merged(store)} }} WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} }}"


def merge_all(store) -> str:
    """The update that makes the merged graph the union of the named graphs again, whatever
    it held (a whole-store repair: its cost grows with the store)."""
    inside = store.merged_graph
    # on an external store, kg's graphs only (it has graphs of its own)
    scope = f'FILTER(?g != {_iri(inside)} && STRSTARTS(STR(?g), "{BASE}"))' if inside else ""
    remove = (f"DELETE {{ {_merged(store)} }} WHERE {{ {_merged(store)} "
              f"{_held_elsewhere(store)} }}")
    return (f"{remove} ;\nINSERT {{ {_merged(store)} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
            f"{scope} }}")


def _values(variables: str, rows: Iterable[tuple[str, ...]]) -> str:
    body = " ".join("(" + " ".join(row) + ")" for row in rows)
    return f"VALUES ({variables}) {{ {body} }}"


def _literal(text: str) -> str:
    from pyoxigraph import Literal

    return str(Literal(text))


def _excluding(graphs: Iterable[str]) -> str:
    graphs = sorted(graphs)
    if not graphs:
        return ""
    return f"FILTER(?g NOT IN ({', '.join(_iri(g) for g in graphs)}))"


def _select(ox_store, sparql: str) -> list[dict[str, str]]:
    """A SELECT on a pyoxigraph store as rows of strings (as :meth:`KGStore.select`)."""
    result = ox_store.query(sparql, prefixes=PREFIXES)
    names = [v.value for v in result.variables]
    return [{n: sol[n].value for n in names if sol[n] is not None} for sol in result]


def _nt(term) -> str:
    return term.n3() if hasattr(term, "n3") else str(term)


# ------------------------------------------------------------------ the derived graph
class _Side:
    """What a set of article graphs says: their claims (rows), entity label counts,
    the entities they mention and the articles' info."""

    def __init__(self, ox_store=None):
        rows = _select(ox_store, _ALL_CLAIMS) if ox_store is not None else []
        self.claims = rows
        self.labels: dict[str, Counter] = defaultdict(Counter)
        self.mentioned: set[str] = set()
        self.info: dict[str, dict] = {}
        if ox_store is None:
            return
        for r in _select(ox_store, _ALL_LABELS):
            self.labels[r["e"]][r["label"]] += int(r["n"])
        self.mentioned = {r["e"] for r in _select(ox_store, _MENTIONS)}
        self.info = _info(_select(ox_store, _ALL_INFO))


def _info(rows: list[dict]) -> dict[str, dict]:
    return {r["id"]: {"published": r.get("published"), "source": r.get("source"),
                      "hash": r.get("hash") or r["id"]} for r in rows}


def _pair(row: dict) -> frozenset:
    return frozenset((row["s"], row["o"]))


def _key(row: dict) -> tuple[str, str, str]:
    return statement_key(row["s"], local_name(row["p"]), row["o"])


class _Rest:
    """The store but the graphs being changed: what the other articles say."""

    def __init__(self, store, exclude: set[str]):
        self.store = store
        self.exclude = _excluding(exclude)

    def claims(self, pairs: set[frozenset]) -> list[dict]:
        if not pairs:
            return []
        rows = []
        for pair in pairs:
            a, *rest = sorted(pair)
            b = rest[0] if rest else a
            rows += [(_iri(a), _iri(b)), (_iri(b), _iri(a))] if a != b else [(_iri(a), _iri(a))]
        return self.store.select(f"SELECT {CLAIM_VARIABLES} WHERE {{ {_values('?s ?o', rows)} "
                                 f"{CLAIM_PATTERN} {self.exclude} }}")

    def labels(self, entities: set[str]) -> dict[str, Counter]:
        out: dict[str, Counter] = defaultdict(Counter)
        if entities:
            rows = self.store.select(
                f"SELECT ?e ?label (COUNT(*) AS ?n) WHERE {{ "
                f"{_values('?e', ((_iri(e),) for e in sorted(entities)))} {ENTITY_PATTERN} "
                f"{self.exclude} }} GROUP BY ?e ?label")
            for r in rows:
                out[r["e"]][r["label"]] += int(r["n"])
        return out

    def info(self, ids: set[str]) -> dict[str, dict]:
        if not ids:
            return {}
        return _info(self.store.select(
            f"SELECT ?id ?published ?source ?hash WHERE {{ "
            f"{_values('?id', ((_literal(i),) for i in sorted(ids)))} {ARTICLE_INFO_PATTERN} "
            f"{self.exclude} }}"))

    def pairs_of(self, entities: set[str]) -> set[frozenset]:
        """The pairs joined by an asserted claim of one of ``entities``."""
        if not entities:
            return set()
        rows = self.store.select(
            f"SELECT DISTINCT ?s ?o WHERE {{ {_values('?e', ((_iri(e),) for e in entities))} "
            "GRAPH ?g { { ?c rdf:subject ?e } UNION { ?c rdf:object ?e } "
            "?c rdf:subject ?s ; rdf:object ?o ; nkg:polarity \"asserted\" } "
            f"{IN_ARTICLE_GRAPH} {self.exclude} }}")
        return {_pair(r) for r in rows}


def _add(counts: dict[str, Counter], more: dict[str, Counter]) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    for source in (counts, more):
        for e, c in source.items():
            out[e].update(c)
    return out


def _derived_subjects(keys: Iterable[tuple[str, str, str]]) -> set[str]:
    """The IRIs of the statements with these keys and of every conflict about them."""
    out = set()
    for key in keys:
        st = str(statement_iri(statement_local_id(key)))
        out.add(st)
        out.update(str(conflict_iri(conflict_local_id(st, kind))) for kind in CONFLICT_KINDS)
    return out


def derived_update(store, old, new, exclude: set[str]) -> list[str]:
    """The update steps that bring the derived graph up to date when the article graphs
    ``exclude`` go from what the in-memory store ``old`` holds to what ``new`` holds."""
    before, after = _Side(old), _Side(new)
    rest = _Rest(store, exclude)
    pairs = {_pair(r) for r in before.claims + after.claims}
    # entities whose label may change: those the changed articles describe
    described = before.mentioned | after.mentioned
    ends = {e for p in pairs for e in p}
    counts = rest.labels(described | ends)
    was, now = _add(counts, before.labels), _add(counts, after.labels)
    relabelled = {e for e in described if _label(e, was) != _label(e, now)}
    if relabelled:  # every statement of theirs reads differently now
        more = rest.pairs_of(relabelled) - pairs
        pairs |= more
        counts.update(rest.labels({e for p in more for e in p} - ends - described))
    if not pairs:
        return []
    labels_after = _add(counts, after.labels)
    rows = rest.claims(pairs) + after.claims
    info = rest.info({r["id"] for r in rows}) | after.info
    keys = {_key(r) for r in rows} | {_key(r) for r in before.claims if _pair(r) in pairs}

    def ref(iri: str | None, with_type: bool = True) -> dict | None:
        if iri is None:
            return None
        out = {"iri": iri, "label": _label(iri, labels_after)}
        if with_type:
            out["type"] = None  # the derived graph carries no types
        return out

    claims = [claim_record(r, ref) for r in rows]
    statements = build_statements(claims, info)
    conflicts = build_conflicts(claims, info, statements)
    return replace_derived(store, derived_quads(statements, conflicts), _derived_subjects(keys))


def _label(entity: str, counts: dict[str, Counter]) -> str:
    c = counts.get(entity)
    return entity_label(c) if c else local_name(entity)


def replace_derived(store, quads, subjects: set[str] | None) -> list[str]:
    """The update steps that put ``quads`` in the derived graph in place of everything
    about ``subjects`` (None: in place of the whole graph), the merged graph following."""
    g = _iri(_DERIVED)
    steps = []
    if subjects is None:
        steps += [unmerge_graph(store, _DERIVED), f"DROP SILENT GRAPH {g}"]
    elif subjects:
        values = _values("?s", ((_iri(s),) for s in sorted(subjects)))
        steps += [f"DELETE {{ {_merged(store)} }} WHERE {{ {values} GRAPH {g} {{ ?s ?p ?o }} "
                  f"{_held_elsewhere(store, _DERIVED)} }}",
                  f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ {values} "
                  f"GRAPH {g} {{ ?s ?p ?o }} }}"]
    if quads:
        body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o, *_ in quads)
        steps.append(f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
        steps.append(f"INSERT DATA {{ {_merged(store, chr(10) + body + chr(10))} }}")
    return steps


def rederive(store) -> tuple[int, int]:
    """Compute the derived graph again from every article graph and write it, in one
    transaction: (statements, conflicts). Its cost grows with the store: for repairs."""
    side = _Side()
    side.claims = store.select(_ALL_CLAIMS)
    for r in store.select(_ALL_LABELS):
        side.labels[r["e"]][r["label"]] += int(r["n"])
    info = _info(store.select(_ALL_INFO))

    def ref(iri: str | None, with_type: bool = True) -> dict | None:
        if iri is None:
            return None
        out = {"iri": iri, "label": _label(iri, side.labels)}
        if with_type:
            out["type"] = None
        return out

    claims = [claim_record(r, ref) for r in side.claims]
    statements = build_statements(claims, info)
    conflicts = build_conflicts(claims, info, statements)
    store.update(" ;\n".join(replace_derived(store, derived_quads(statements, conflicts), None)))
    return len(statements), len(conflicts)


# ------------------------------------------------------------------ writes
def write_graphs(store, bodies: dict[str, str | None]) -> dict[str, bool]:
    """Replace (or, for None, drop) named graphs in one transaction, with the merged graph
    and, where they are article graphs, the derived graph. ``bodies``: graph IRI -> its
    triples as SPARQL data (``<s> <p> "o" .`` lines), or None. Returns, per graph,
    whether the store had it."""
    import pyoxigraph as ox

    existed = {g: store.has_graph(g) for g in bodies}
    old, new = ox.Store(), ox.Store()
    for g in bodies:
        if existed[g]:
            old.extend(store.quads(g))
    data = [f"GRAPH {_iri(g)} {{\n{body}\n}}" for g, body in bodies.items() if body]
    if data:
        new.update(f"INSERT DATA {{ {' '.join(data)} }}")
    steps = []
    for g, body in bodies.items():
        if existed[g]:
            steps += [unmerge_graph(store, g), f"DROP SILENT GRAPH {_iri(g)}"]
        if body:
            steps += [f"INSERT DATA {{ GRAPH {_iri(g)} {{\n{body}\n}} }}", merge_graph(store, g)]
        elif body is not None:
            steps.append(f"CREATE SILENT GRAPH {_iri(g)}")
    steps += derived_update(store, old, new, set(bodies))
    if steps:
        store.update(" ;\n".join(steps))
    return existed


def write_articles(store, bodies: dict[str, str | None]) -> dict[str, bool]:
    """:func:`write_graphs` for article graphs, by article id."""
    graphs = {aid: str(article_graph_iri(aid)) for aid in bodies}
    existed = write_graphs(store, {graphs[aid]: body for aid, body in bodies.items()})
    return {aid: existed[g] for aid, g in graphs.items()}
