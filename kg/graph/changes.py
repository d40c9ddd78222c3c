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
articles' old graphs and their new quads) and sends one SPARQL update. Every
lookup names its entities, pairs, claims or articles in the query text, so that
Oxigraph reads them off its indexes (with a ``VALUES`` block, or an ``OPTIONAL``
over variables, it evaluates the pattern over the whole store first). On the
embedded store, which only the writing process may change, the triples that
leave the merged graph are looked up before the update, and the label counts
read are kept for the next write of the same process.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

import pyoxigraph as ox
from pyoxigraph import Literal

from ..errors import QueryError
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
    CLAIM_CORE_VARIABLES,
    CLAIM_DETAIL_VARIABLES,
    CLAIM_PATTERN,
    CLAIM_VARIABLES,
    CONFLICT_KINDS,
    IN_ARTICLE_GRAPH,
    article_info_pattern,
    build_conflicts,
    build_statements,
    claim_core_pattern,
    claim_details_pattern,
    claim_record,
    conflict_local_id,
    derived_quads,
    entity_label,
    statement_key,
    statement_local_id,
)
from .fulltext import index_graphs

__all__ = [
    "write_graphs",
    "write_articles",
    "derived_update",
    "rederive",
    "merge_all",
    "unmerge_graph",
    "merge_graph",
]

_DERIVED = str(DERIVED_GRAPH)
_ALL_CLAIMS = f"SELECT {CLAIM_VARIABLES} WHERE {{ {CLAIM_PATTERN} }}"
_ALL_INFO = f"SELECT ?id ?published ?source ?hash WHERE {{ {ARTICLE_INFO_PATTERN} }}"


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
    if not others:
        return "FILTER NOT EXISTS { GRAPH ?h { ?s ?p ?o } }"
    condition = " && ".join(f"?h != {_iri(g)}" for g in others)
    return f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} FILTER({condition}) }}"


def unmerge_graph(store, graph: str) -> str:
    """The update that takes a graph's triples out of the merged graph, but those that
    another graph holds too (run it before the graph is dropped or replaced)."""
    return (
        f"DELETE {{ {_merged(store)} }} WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} "
        f"{_held_elsewhere(store, graph)} }}"
    )


def merge_graph(store, graph: str) -> str:
    """The update that puts a graph's triples into the merged graph."""
    return f"INSERT {{ {_merged(store)} }} WHERE {{ GRAPH {_iri(graph)} {{ ?s ?p ?o }} }}"


def merge_all(store) -> str:
    """The update that makes the merged graph the union of the named graphs again, whatever
    it held (a whole-store repair: its cost grows with the store)."""
    inside = store.merged_graph
    # on an external store, kg's graphs only (it has graphs of its own)
    scope = f'FILTER(?g != {_iri(inside)} && STRSTARTS(STR(?g), "{BASE}"))' if inside else ""
    remove = f"DELETE {{ {_merged(store)} }} WHERE {{ {_merged(store)} {_held_elsewhere(store)} }}"
    return f"{remove} ;\nINSERT {{ {_merged(store)} }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {scope} }}"


def _literal(text: str) -> str:
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
def _labels_query(store, entity: str = "?e") -> str:
    """How many graphs give ``entity`` (a variable or an IRI) each label."""
    inside = f"FILTER(?g != {_iri(store.merged_graph)})" if store.merged_graph else ""
    bind = "" if entity.startswith("?") else f"BIND({entity} AS ?e) "
    return f"{{ {bind}GRAPH ?g {{ {entity} skos:prefLabel ?label }} {inside} }}"


def _union(blocks: list[str]) -> str:
    return " UNION ".join(blocks)


def _counts(rows: list[dict]) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    for r in rows:
        out[r["e"]][r["label"]] += int(r["n"])
    return out


def _info(rows: list[dict]) -> dict[str, dict]:
    return {
        r["id"]: {
            "published": r.get("published"),
            "source": r.get("source"),
            "hash": r.get("hash") or r["id"],
        }
        for r in rows
    }


class _Side:
    """What some article graphs say (all of an in-memory store's): their claims (rows),
    how many of them give each entity each label, and their articles' info."""

    def __init__(self, ox_store):
        self.claims = _select(ox_store, _ALL_CLAIMS)
        self.labels = _counts(
            _select(
                ox_store,
                "SELECT ?e ?label (COUNT(*) AS ?n) WHERE { GRAPH ?g { "
                "?e skos:prefLabel ?label } } GROUP BY ?e ?label",
            )
        )
        self.info = _info(_select(ox_store, _ALL_INFO))


def _pair(row: dict) -> frozenset:
    return frozenset((row["s"], row["o"]))


def _key(row: dict) -> tuple[str, str, str]:
    return statement_key(row["s"], local_name(row["p"]), row["o"])


#: Entities (or pairs, or articles) looked up in one query.
_BATCH = 40


def _batches(items) -> Iterable[list]:
    items = sorted(items)
    for i in range(0, len(items), _BATCH):
        yield items[i : i + _BATCH]


class _Rest:
    """The store but the graphs being changed: what the other articles say.

    Every lookup names its entities, pairs or articles in the query text rather than
    in a VALUES block, so that the store reads them off its indexes: the cost is
    that of what is found, not of the store.
    """

    def __init__(self, store, exclude: set[str]):
        self.store = store
        self.exclude = _excluding(exclude)

    def claims(self, pairs: set[frozenset]) -> list[dict]:
        """The claims (rows of :data:`~kg.graph.derive.CLAIM_VARIABLES`) between ``pairs``,
        looked up by subject and object, then their details claim by claim."""
        ends = sorted({tuple(sorted(p)) for p in pairs})
        ways = sorted(
            {(a, b) for x, y in ((e[0], e[-1]) for e in ends) for a, b in ((x, y), (y, x))}
        )
        cores = []
        for batch in _batches(ways):
            blocks = [
                f"{{ BIND({_iri(a)} AS ?s) BIND({_iri(b)} AS ?o) "
                f"{claim_core_pattern(_iri(a), _iri(b))} {self.exclude} }}"
                for a, b in batch
            ]
            cores += self.store.select(
                f"SELECT {CLAIM_CORE_VARIABLES} WHERE {{ {_union(blocks)} }}"
            )
        details: dict[tuple, list[dict]] = defaultdict(list)
        for batch in _batches({(r["c"], r["g"]) for r in cores}):
            blocks = [
                f"{{ BIND({_iri(c)} AS ?c) BIND({_iri(g)} AS ?g) "
                f"{claim_details_pattern(_iri(c), _iri(g))} }}"
                for c, g in batch
            ]
            for r in self.store.select(
                f"SELECT ?c ?g {CLAIM_DETAIL_VARIABLES} WHERE {{ {_union(blocks)} }}"
            ):
                details[(r["c"], r["g"])].append(r)
        return [
            {**core, **more}
            for core in cores
            for more in details.get((core["c"], core["g"])) or [{}]
        ]

    def label_totals(self, entities: set[str]) -> dict[str, Counter]:
        """How many graphs of the whole store (the changed ones too) give each label."""
        out: dict[str, Counter] = defaultdict(Counter)
        for batch in _batches(entities):
            blocks = [_labels_query(self.store, _iri(e)) for e in batch]
            out.update(
                _counts(
                    self.store.select(
                        f"SELECT ?e ?label (COUNT(*) AS ?n) WHERE {{ {_union(blocks)} }} "
                        "GROUP BY ?e ?label"
                    )
                )
            )
        return out

    def info(self, ids: set[str]) -> dict[str, dict]:
        out = {}
        for batch in _batches(ids):
            blocks = [
                f"{{ BIND({_literal(i)} AS ?id) {article_info_pattern(_literal(i))} "
                f"{self.exclude} }}"
                for i in batch
            ]
            out |= _info(
                self.store.select(
                    f"SELECT ?id ?published ?source ?hash WHERE {{ {_union(blocks)} }}"
                )
            )
        return out

    def pairs_of(self, entities: set[str]) -> dict[str, set[frozenset]]:
        """Entity -> the pairs it is in by an asserted claim (for those of ``entities``
        that are in any)."""
        out: dict[str, set[frozenset]] = defaultdict(set)
        for batch in _batches(entities):
            blocks = [
                f"{{ BIND({_iri(e)} AS ?e) GRAPH ?g {{ ?c {side} {_iri(e)} ; "
                f'rdf:subject ?s ; rdf:object ?o ; nkg:polarity "asserted" }} '
                f"{IN_ARTICLE_GRAPH} {self.exclude} }}"
                for e in batch
                for side in ("rdf:subject", "rdf:object")
            ]
            for r in self.store.select(f"SELECT DISTINCT ?e ?s ?o WHERE {{ {_union(blocks)} }}"):
                out[r["e"]].add(_pair(r))
        return out


def _plus(
    counts: dict[str, Counter], more: dict[str, Counter], less: dict[str, Counter] | None = None
) -> dict[str, Counter]:
    out: dict[str, Counter] = defaultdict(Counter)
    for e, c in counts.items():
        out[e].update(c)
    for e, c in more.items():
        out[e].update(c)
    for e, c in (less or {}).items():
        out[e].subtract(c)
        out[e] = +out[e]
    return out


def _derived_subjects(keys: Iterable[tuple[str, str, str]]) -> set[str]:
    """The IRIs of the statements with these keys and of every conflict about them."""
    out = set()
    for key in keys:
        st = str(statement_iri(statement_local_id(key)))
        out.add(st)
        out.update(str(conflict_iri(conflict_local_id(st, kind))) for kind in CONFLICT_KINDS)
    return out


def derived_update(store, old, new, exclude: set[str], *, written: bool = False) -> list[str]:
    """The update steps that bring the derived graph up to date when the article graphs
    ``exclude`` go from what the in-memory store ``old`` holds to what ``new`` holds.

    ``written``: whether the store already holds ``new`` (else it holds ``old``).
    Only the pairs of entities that the old or new claims join are computed again,
    and those of an entity whose label changes (which all its statements show).
    """
    return _derived(store, old, new, exclude, written=written)[0]


def _derived(
    store,
    old,
    new,
    exclude: set[str],
    *,
    written: bool = False,
    labels: dict[str, Counter] | None = None,
) -> tuple[list[str], dict[str, Counter]]:
    """:func:`derived_update`, and how the store's label counts change with the write.

    ``labels``: what is known of the store's label counts (entity -> how many graphs
    give each label), read from it and filled in as needed.
    """
    before, after = _Side(old), _Side(new)
    rest = _Rest(store, exclude)
    present = after if written else before

    def totals(entities: set[str]) -> dict[str, Counter]:
        if labels is None:
            return rest.label_totals(entities)
        missing = entities - labels.keys()
        if missing:
            found = rest.label_totals(missing)
            labels.update({e: found.get(e, Counter()) for e in missing})
        return {e: labels[e] for e in entities}

    delta = _plus(after.labels, {}, None)
    for e, c in before.labels.items():
        delta[e].subtract(c)
    pairs = {_pair(r) for r in before.claims + after.claims}
    ends = {e for p in pairs for e in p}
    # an entity the changed articles describe may now go by another label, which every
    # statement of its shows: those not among the pairs above matter only if the other
    # articles join it to someone (most entities are in no claim at all)
    described = set(before.labels) | set(after.labels)
    linked = rest.pairs_of(described - ends)
    check = (described & ends) | set(linked)
    counts = totals(ends | check)
    others = _plus(counts, {}, present.labels)  # the graphs that stay as they are
    was, now = _plus(others, before.labels), _plus(others, after.labels)
    relabelled = {e for e in check if _label(e, was) != _label(e, now)}
    if relabelled:  # every statement of theirs reads differently now
        more = set().union(*(linked[e] for e in relabelled & set(linked)))
        for found in rest.pairs_of(relabelled & ends).values():
            more |= found
        more -= pairs
        pairs |= more
        now = _plus(now, totals({e for p in more for e in p} - set(counts)))
    if not pairs:
        return [], delta
    rows = rest.claims(pairs) + after.claims
    info = rest.info({r["id"] for r in rows} - set(after.info)) | after.info
    keys = {_key(r) for r in rows} | {_key(r) for r in before.claims}

    def ref(iri: str | None, with_type: bool = True) -> dict | None:
        if iri is None:
            return None
        out = {"iri": iri, "label": _label(iri, now)}
        if with_type:
            out["type"] = None  # the derived graph carries no types
        return out

    claims = [claim_record(r, ref) for r in rows]
    statements = build_statements(claims, info)
    conflicts = build_conflicts(claims, info, statements)
    quads = derived_quads(statements, conflicts)
    return replace_derived(store, quads, _derived_subjects(keys)), delta


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
    elif subjects:  # named in the text, so that the store reads them off its indexes
        for batch in _batches(subjects):
            found = _union(
                [f"{{ BIND({_iri(s)} AS ?s) GRAPH {g} {{ {_iri(s)} ?p ?o }} }}" for s in batch]
            )
            steps += [
                f"DELETE {{ {_merged(store)} }} WHERE {{ {found} "
                f"{_held_elsewhere(store, _DERIVED)} }}",
                f"DELETE {{ GRAPH {g} {{ ?s ?p ?o }} }} WHERE {{ {found} }}",
            ]
    if quads:
        body = "\n".join(f"{_nt(s)} {_nt(p)} {_nt(o)} ." for s, p, o, *_ in quads)
        steps.append(f"INSERT DATA {{ GRAPH {g} {{\n{body}\n}} }}")
        steps.append(f"INSERT DATA {{ {_merged(store, chr(10) + body + chr(10))} }}")
    return steps


def rederive(store) -> tuple[int, int]:
    """Compute the derived graph again from every article graph and write it, in one
    transaction: (statements, conflicts). Its cost grows with the store: for repairs."""
    labels = _counts(
        store.select(
            f"SELECT ?e ?label (COUNT(*) AS ?n) WHERE {_labels_query(store)} GROUP BY ?e ?label"
        )
    )
    info = _info(store.select(_ALL_INFO))

    def ref(iri: str | None, with_type: bool = True) -> dict | None:
        if iri is None:
            return None
        out = {"iri": iri, "label": _label(iri, labels)}
        if with_type:
            out["type"] = None
        return out

    claims = [claim_record(r, ref) for r in store.select(_ALL_CLAIMS)]
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
    existed = {g: store.has_graph(g) for g in bodies}
    old, new = ox.Store(), ox.Store()
    for g in bodies:
        if existed[g]:
            old.extend(store.quads(g))
    data = [f"GRAPH {_iri(g)} {{\n{body}\n}}" for g, body in bodies.items() if body]
    if data:
        try:
            new.update(f"INSERT DATA {{ {' '.join(data)} }}")
        except SyntaxError as exc:  # what the store would refuse: nothing is written
            raise QueryError(f"malformed SPARQL update: {' '.join(str(exc).split())}") from None
    steps = []
    orphans = _orphans(store, old, new, set(bodies))
    for g, body in bodies.items():
        if existed[g]:
            if orphans is None:
                steps.append(unmerge_graph(store, g))
            steps.append(f"DROP SILENT GRAPH {_iri(g)}")
        if body:
            steps += [f"INSERT DATA {{ GRAPH {_iri(g)} {{\n{body}\n}} }}", merge_graph(store, g)]
        elif body is not None:
            steps.append(f"CREATE SILENT GRAPH {_iri(g)}")
    if orphans:  # what no graph holds any more leaves the merged graph
        steps.append("DELETE DATA { " + " ".join(orphans) + " }")
    known = store.label_counts  # None when another process may write the store too
    more, delta = _derived(store, old, new, set(bodies), labels=known)
    steps += more
    kept = dict(known) if known is not None else None
    if steps:
        store.update(" ;\n".join(steps))  # which forgets the label counts: put them back
    # the search index follows, after the transaction (a failure there is mended on search)
    index_graphs(store, {g: new if body is not None else None for g, body in bodies.items()})
    if kept is not None:
        for e, change in delta.items():
            if e in kept:
                counts = Counter(kept[e])
                counts.update(change)
                kept[e] = +counts
        store.label_counts.update(kept)
    return existed


def _orphans(store, old, new, changed: set[str]) -> list[str] | None:
    """The triples of the old graphs that no graph will hold after the write (SPARQL data
    lines), looked up in the store's index before writing, as only this process writes
    it. None where that cannot be done (an external store, or blank nodes): the update
    then looks them up itself (:func:`unmerge_graph`)."""
    if store.merged_graph is not None or store.label_counts is None:
        return None
    out = []
    for q in old.quads_for_pattern(None, None, None, None):
        if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
            return None
        if next(iter(new.quads_for_pattern(q.subject, q.predicate, q.object, None)), None):
            continue
        held = any(
            isinstance(h.graph_name, ox.NamedNode) and h.graph_name.value not in changed
            for h in store.ox.quads_for_pattern(q.subject, q.predicate, q.object, None)
        )
        if not held:
            out.append(f"{q.subject} {q.predicate} {q.object} .")
    return sorted(set(out))


def write_articles(store, bodies: dict[str, str | None]) -> dict[str, bool]:
    """:func:`write_graphs` for article graphs, by article id."""
    graphs = {aid: str(article_graph_iri(aid)) for aid in bodies}
    existed = write_graphs(store, {graphs[aid]: body for aid, body in bodies.items()})
    return {aid: existed[g] for aid, g in graphs.items()}
