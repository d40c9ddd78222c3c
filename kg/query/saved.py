"""Saved questions: named, parameterised SPARQL queries shipped as ``.rq`` files.

Each file in ``kg/query/saved/`` starts with a header comment::

    # name: partners
    # description: Who X has partnered with, and in how many articles
    # param: entity (entity) the organisation or person
    # example: entity=Microsoft

A parameter is a SPARQL variable of the same name (``?entity``). Its value is
bound with pyoxigraph substitutions, never pasted into the query text: an
``entity`` parameter is resolved to an entity IRI by
:func:`~kg.query.listing.find_entity`, a ``literal`` one becomes a plain
string literal. Substitution needs the variable in the outermost ``SELECT``,
so the queries project their parameters and :func:`run_saved` drops those
columns (they hold the same value on every row).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from pyoxigraph import Literal, NamedNode

from ..errors import KGError, QueryError
from ..graph.store import KGStore
from ..names import name_key
from .listing import find_entity, list_entities
from .sparql import QueryResult, run_query

__all__ = [
    "PARAM_KINDS",
    "EntityNames",
    "SavedParam",
    "SavedQuery",
    "saved_queries",
    "get_saved",
    "parse_saved",
    "bind_params",
    "run_saved",
    "without_params",
]

#: What a parameter's value is: the name of an entity, or a plain string.
PARAM_KINDS = ("entity", "literal")

_HEADER = re.compile(r"^#\s*(name|description|param|example):\s*(.*?)\s*$")
_PARAM = re.compile(r"^([A-Za-z_]\w*)\s*\((\w+)\)\s*(.*)$")


@dataclass(frozen=True)
class SavedParam:
    """One parameter of a saved question: its name (the variable), kind and meaning."""

    name: str
    kind: str
    description: str = ""


@dataclass(frozen=True)
class SavedQuery:
    """A saved question: its name, a one-line description, parameters and SPARQL."""

    name: str
    description: str
    params: tuple[SavedParam, ...]
    sparql: str
    example: dict[str, str] | None = None

    @property
    def param_names(self) -> list[str]:
        return [p.name for p in self.params]

    def as_dict(self) -> dict:
        """A plain description (for ``kg ask --list`` and the server's ``/saved``)."""
        return {
            "name": self.name,
            "description": self.description,
            "params": [
                {"name": p.name, "kind": p.kind, "description": p.description} for p in self.params
            ],
            "example": dict(self.example or {}),
            "sparql": self.sparql,
        }


def parse_saved(text: str, source: str = "<text>") -> SavedQuery:
    """Read a saved question from the text of its ``.rq`` file.

    >>> q = parse_saved("# name: n\\n# description: d\\n# param: x (literal) a value\\n"
    ...                 "SELECT ?x ?y WHERE { ?y ?p ?x }")
    >>> q.name, [(p.name, p.kind) for p in q.params]
    ('n', [('x', 'literal')])
    """
    fields: dict[str, str] = {}
    params: list[SavedParam] = []
    example: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _HEADER.match(line)
        if not m:
            continue
        key, value = m.groups()
        if key == "param":
            pm = _PARAM.match(value)
            if not pm or pm.group(2) not in PARAM_KINDS:
                raise QueryError(
                    f"{source}: bad parameter line {line!r} "
                    f"(expected: # param: NAME (entity|literal) description)"
                )
            params.append(SavedParam(*pm.groups()))
        elif key == "example":
            example.update(_pairs(value.split(" "), source))
        else:
            fields[key] = value
    if "name" not in fields or "description" not in fields:
        raise QueryError(f"{source}: the header needs '# name:' and '# description:' lines")
    return SavedQuery(fields["name"], fields["description"], tuple(params), text, example or None)


def _pairs(items, source: str) -> dict[str, str]:
    """``NAME=VALUE`` items as a dict; values may hold spaces when split naively."""
    out: dict[str, str] = {}
    last = None
    for item in items:
        if "=" in item:
            last, value = item.split("=", 1)
            out[last] = value
        elif last is not None:
            out[last] += " " + item
        elif item:
            raise QueryError(f"{source}: bad example {item!r} (expected NAME=VALUE)")
    return out


@lru_cache(maxsize=1)
def _load() -> dict[str, SavedQuery]:
    folder = resources.files("kg.query").joinpath("saved")
    out: dict[str, SavedQuery] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            q = parse_saved(entry.read_text("utf-8"), f"saved/{entry.name}")
            out[q.name] = q
    return out


def saved_queries() -> dict[str, SavedQuery]:
    """Every saved question shipped with kg, by name (sorted)."""
    return dict(_load())


def get_saved(name: str) -> SavedQuery:
    """The saved question called ``name``; :class:`~kg.errors.KGError` if there is none."""
    queries = _load()
    if name not in queries:
        close = difflib.get_close_matches(name, list(queries), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else " (see kg ask --list)"
        raise KGError(f"no saved question named {name!r}{hint}")
    return queries[name]


class EntityNames:
    """:func:`~kg.query.listing.find_entity` for many lookups: entities indexed by name once.

    Same answers as ``find_entity(entities, name)``; a name that matches
    nothing (or several entities) goes to ``find_entity`` itself for its message.
    """

    def __init__(self, entities: list[dict]):
        self.entities = entities
        self._key = name_key
        self._iris: dict[str, dict] = {}
        self._names: dict[str, dict[str, dict]] = {}
        for e in entities:
            self._iris.setdefault(e["iri"], e)
            self._iris.setdefault(e["iri"].rsplit("/", 1)[-1], e)
            for n in (e["label"], *e["aliases"]):
                self._names.setdefault(name_key(n), {}).setdefault(e["iri"], e)

    def find(self, name: str) -> dict:
        if name in self._iris:
            return self._iris[name]
        wanted = self._key(name)
        hits = list(self._names.get(wanted, {}).values()) if wanted else []
        return find_entity(hits if hits else self.entities, name)


_EXACT = "SELECT DISTINCT ?e ?wanted WHERE {{ GRAPH ?g {{ ?e {} ?wanted }} }}"


def _exact_label(store: KGStore, name: str) -> str | None:
    """The one entity whose label, else alias, is exactly ``name``, found through the
    store's indexes without listing every entity; None when there is not exactly one
    (then the full name matching decides)."""
    for predicate in ("skos:prefLabel", "skos:altLabel"):
        rows = store.select(_EXACT.format(predicate), bindings={"wanted": Literal(name.strip())})
        iris = {r["e"] for r in rows}
        if iris:
            return iris.pop() if len(iris) == 1 else None
    return None


def bind_params(
    store: KGStore,
    query: SavedQuery,
    params: dict[str, str],
    *,
    entities: list[dict] | EntityNames | None = None,
) -> dict:
    """The pyoxigraph terms to substitute for the query's parameters.

    ``entities`` (from :func:`list_entities`, or an :class:`EntityNames`)
    saves listing them again when several questions are asked of one store.
    """
    unknown = sorted(set(params) - set(query.param_names))
    if unknown:
        raise KGError(
            f"{query.name}: no parameter {', '.join(map(repr, unknown))} "
            f"(it takes: {', '.join(query.param_names) or 'none'})"
        )
    missing = [p.name for p in query.params if not params.get(p.name)]
    if missing:
        raise KGError(
            f"{query.name}: give a value for {', '.join(missing)} (--param {missing[0]}=...)"
        )
    bindings = {}
    for p in query.params:
        value = params[p.name]
        if p.kind == "entity":
            iri = _exact_label(store, value) if entities is None else None
            if iri is None:
                if entities is None:
                    entities = list_entities(store)
                if isinstance(entities, EntityNames):
                    iri = entities.find(value)["iri"]
                else:
                    iri = find_entity(entities, value)["iri"]
            bindings[p.name] = NamedNode(iri)
        else:
            bindings[p.name] = Literal(value)
    return bindings


def run_saved(
    store: KGStore,
    name: str,
    params: dict[str, str] | None = None,
    *,
    entities: list[dict] | EntityNames | None = None,
) -> QueryResult:
    """Ask the saved question ``name`` of the store, with ``params`` bound."""
    query = get_saved(name)
    bindings = bind_params(store, query, params or {}, entities=entities)
    result = run_query(store, query.sparql, bindings=bindings)
    return without_params(result, query)


def without_params(result: QueryResult, query: SavedQuery) -> QueryResult:
    """The result without the parameter columns (the same value on every row)."""
    names = set(query.param_names)
    if result.kind != "select" or not names & set(result.variables):
        return result
    keep = [i for i, v in enumerate(result.variables) if v not in names]
    return QueryResult(
        "select",
        [result.variables[i] for i in keep],
        [[row[i] for i in keep] for row in result.rows],
    )
