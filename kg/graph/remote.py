"""A SPARQL 1.1 endpoint as the store: Virtuoso, Fuseki, GraphDB, QLever, Neptune.

``--store https://host/sparql`` reads through the SPARQL 1.1 Protocol and
writes through SPARQL 1.1 Update (at ``KG_UPDATE_URL`` when the endpoint has
a separate one), with credentials from ``KG_STORE_USER`` and
``KG_STORE_PASSWORD`` (HTTP basic or digest). Each article is still one named
graph written by one update request, with the merged graph and the derived
graph in the same request.

An endpoint has no default graph of kg's own to keep the merged graph in, so
it lives in the named graph :data:`~kg.vocab.MERGED_GRAPH`, and every query
without a dataset or ``GRAPH`` patterns of its own asks for it as its default
graph (``default-graph-uri``). A query with ``GRAPH`` patterns is sent as it
is: with a default graph given, Virtuoso answers ``GRAPH <iri>`` from no graph
at all; without one, its default graph is its own union of all graphs (a bag,
the merged graph included), and ``GRAPH ?g`` sees the merged graph too.
"""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

import pyoxigraph as ox
from pyoxigraph import Literal, NamedNode, Quad

from ..errors import QueryError, StoreError
from ..vocab import BASE, MERGED_GRAPH, PREFIXES
from .base import KGStore
from .changes import merge_all, rederive

__all__ = ["RemoteStore", "open_remote", "has_dataset_clause"]

_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_OUR_GRAPHS = BASE + "graph/"


_SKIP = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\s{}|^`\\\"]*>"
    r"|#[^\n]*",
    re.S,
)
_FROM = re.compile(r"(?i)(?<![\w:?$])FROM\s+(NAMED\b)?")


def has_dataset_clause(sparql: str) -> tuple[bool, bool]:
    """Whether a query has ``FROM`` and ``FROM NAMED`` clauses: (from, from_named).

    The default graph is kg's merged graph unless the query or the request
    names its own dataset, so kg must know.

    >>> has_dataset_clause('SELECT * FROM <g> WHERE { ?s ?p "from <x>" }')
    (True, False)
    >>> has_dataset_clause('SELECT * WHERE { ?s ?p ?o } # FROM <g>')
    (False, False)
    """
    text = _SKIP.sub(" ", sparql)
    found_from = found_named = False
    for m in _FROM.finditer(text):
        if m.group(1):
            found_named = True
        else:
            found_from = True
    return found_from, found_named


_GRAPH = re.compile(r"(?i)(?<![\w:?$])GRAPH\b")


def _names_graphs(sparql: str) -> bool:
    """Whether a query has ``GRAPH`` patterns. Given a default graph, Virtuoso answers
    ``GRAPH <iri>`` from no graph at all (while ``GRAPH ?g`` still sees every graph), so
    such a query is sent without one.

    >>> _names_graphs('SELECT * WHERE { GRAPH ?g { ?s ?p "GRAPH" } }'), _names_graphs('ASK {}')
    (True, False)
    """
    return bool(_GRAPH.search(_SKIP.sub(" ", sparql)))


def _prologue() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def _values(bindings: dict | None) -> str:
    """A trailing VALUES block that binds variables as pyoxigraph substitutions would."""
    if not bindings:
        return ""
    names, terms = [], []
    for name, value in bindings.items():
        term = Literal(value) if isinstance(value, str) else value
        names.append(f"?{name}")
        terms.append(str(term))  # pyoxigraph terms print as N-Triples, which SPARQL reads
    return f"\nVALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


def open_remote(url: str, *, create: bool = True, read_only: bool = False) -> RemoteStore:
    """The store at a SPARQL endpoint's URL, with the settings of the environment (see
    above); ``create`` and ``read_only`` change nothing: the endpoint decides."""
    return RemoteStore.from_environment(url)


class RemoteStore(KGStore):
    """The store on a SPARQL endpoint. Use :func:`kg.graph.store.open_store`."""

    merged_graph = str(MERGED_GRAPH)

    def __init__(
        self,
        query_url: str,
        update_url: str | None = None,
        *,
        user: str | None = None,
        password: str | None = None,
        timeout: float = 120,
    ):
        super().__init__(query_url)
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.timeout = timeout
        handlers = []
        if user:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {self.query_url, self.update_url}:
                manager.add_password(None, url, user, password or "")
            handlers += [
                urllib.request.HTTPBasicAuthHandler(manager),
                urllib.request.HTTPDigestAuthHandler(manager),
            ]
        self._opener = urllib.request.build_opener(*handlers)
        self._merged: bool | None = None  # the endpoint holds the merged graph (asked once)

    @classmethod
    def from_environment(cls, url: str) -> RemoteStore:
        return cls(
            url,
            os.environ.get("KG_UPDATE_URL"),
            user=os.environ.get("KG_STORE_USER"),
            password=os.environ.get("KG_STORE_PASSWORD"),
        )

    # ------------------------------------------------------------------- HTTP
    def _post(self, url: str, form: dict, accept: str) -> bytes:
        data = urllib.parse.urlencode(form).encode("utf-8")
        request = urllib.request.Request(
            url,
            data=data,
            headers={
                "Accept": accept,
                "Content-Type": "application/x-www-form-urlencoded",
                "User-Agent": "kg",
            },
        )
        try:
            with self._opener.open(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as exc:
            detail = " ".join(exc.read().decode("utf-8", "replace").split())
            detail = detail.split(" SPARQL query:")[0][:300]  # Virtuoso echoes the query
            if exc.code in (400, 500) and detail:
                raise QueryError(f"the endpoint refused the request: {detail}") from None
            raise StoreError(f"{url}: HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise StoreError(f"{url}: cannot reach the SPARQL endpoint ({reason})") from None

    # ------------------------------------------------------------- primitives
    @property
    def dataset(self):
        """The endpoint as an rdflib ``Dataset`` (rdflib's SPARQLUpdateStore)."""
        if self._dataset is None:
            # deferred: rdflib's SPARQL store loads its SPARQL parser, slow to import,
            # and only the rdflib view (SHACL checks) needs it
            from rdflib import Dataset
            from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

            self._dataset = Dataset(
                SPARQLUpdateStore(self.query_url, self.update_url), default_union=True
            )
        return self._dataset

    def update(self, sparql: str) -> None:
        self._bring_up_to_date()
        self._post(self.update_url, {"update": _prologue() + sparql}, "*/*")

    def _ask(self, sparql: str) -> bool:
        data = self._post(self.query_url, {"query": sparql}, "application/sparql-results+xml")
        return bool(ox.parse_query_results(data, format=ox.QueryResultsFormat.XML))

    def _has_merged(self) -> bool:
        """Whether queries can be answered from the merged graph: it is there, or there is
        nothing of kg's (False for data written by a kg from before the merged graph)."""
        if self._merged is None:
            self._merged = self._ask(
                f"ASK {{ GRAPH <{self.merged_graph}> {{ ?s ?p ?o }} }}"
            ) or not self._ask(
                f'ASK {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{_OUR_GRAPHS}")) }}'
            )
        return self._merged

    def _bring_up_to_date(self) -> None:
        """Before the first write to data from a kg without the merged graph: build it,
        and the derived graph (once; both cost a pass over the store)."""
        if self._has_merged():
            return
        self._merged = True
        self._post(self.update_url, {"update": _prologue() + merge_all(self)}, "*/*")
        rederive(self)

    def has_graph(self, iri: str) -> bool:
        return bool(self.query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"))

    def __len__(self) -> int:
        rows = self.select(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{_OUR_GRAPHS}")) }}'
        )
        return int(rows[0]["n"]) if rows else 0

    def quads(self, graph: str | None = None) -> Iterator:
        where = (
            f"GRAPH <{graph}> {{ ?s ?p ?o }} BIND(<{graph}> AS ?g)"
            if graph
            else f'GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{_OUR_GRAPHS}"))'
        )
        result = self.query(f"SELECT ?g ?s ?p ?o WHERE {{ {where} }}")
        for sol in result:
            yield Quad(sol["s"], sol["p"], sol["o"], NamedNode(sol["g"].value))

    def query(self, sparql: str, *, bindings: dict | None = None):
        """Run SPARQL on the endpoint; the answer as pyoxigraph results, as the
        embedded store gives them."""
        if not sparql.strip():
            raise QueryError("empty query")
        text = re.sub(r"#[^\n]*", "", sparql)
        form = _FORM.search(text)
        if form is None:
            raise QueryError("malformed SPARQL: no SELECT, ASK, CONSTRUCT or DESCRIBE")
        graph = form.group(1).upper() in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph else "application/sparql-results+xml"
        form = {"query": _prologue() + sparql + _values(bindings)}
        if not any(has_dataset_clause(sparql)) and not _names_graphs(sparql) and self._has_merged():
            form["default-graph-uri"] = self.merged_graph
        data = self._post(self.query_url, form, accept)
        try:
            if graph:
                return [
                    ox.Triple(q.subject, q.predicate, q.object)
                    for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)
                ]
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.XML)
        except (SyntaxError, ValueError) as exc:
            raise QueryError(f"the endpoint's answer cannot be read: {exc}") from None
