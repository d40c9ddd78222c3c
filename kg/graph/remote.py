"""A SPARQL 1.1 endpoint as the store: Virtuoso, Fuseki, GraphDB, QLever, Neptune.

``--store https://host/sparql`` reads through the SPARQL 1.1 Protocol and
writes through SPARQL 1.1 Update (at ``KG_UPDATE_URL`` when the endpoint has
a separate one), with credentials from ``KG_STORE_USER`` and
``KG_STORE_PASSWORD`` (HTTP basic or digest). Each article is still one named
graph written by one update request. The endpoint's default graph must be the
union of its named graphs, as it is in Virtuoso (Fuseki: ``unionDefaultGraph``).
"""

from __future__ import annotations

import os
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator

from ..errors import QueryError, StoreError
from ..vocab import BASE, PREFIXES
from .store import KGStore

__all__ = ["RemoteStore", "is_endpoint"]

_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)
_OUR_GRAPHS = BASE + "graph/"


def is_endpoint(location) -> bool:
    """True when a store location is an http(s) URL rather than a folder."""
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def _prologue() -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def _values(bindings: dict | None) -> str:
    """A trailing VALUES block that binds variables as pyoxigraph substitutions would."""
    if not bindings:
        return ""
    from pyoxigraph import Literal

    names, terms = [], []
    for name, value in bindings.items():
        term = Literal(value) if isinstance(value, str) else value
        names.append(f"?{name}")
        terms.append(str(term))  # pyoxigraph terms print as N-Triples, which SPARQL reads
    return f"\nVALUES ({' '.join(names)}) {{ ({' '.join(terms)}) }}"


class RemoteStore(KGStore):
    """The store on a SPARQL endpoint. Use :func:`kg.graph.store.open_store`."""

    def __init__(self, query_url: str, update_url: str | None = None, *,
                 user: str | None = None, password: str | None = None, timeout: float = 120):
        super().__init__(query_url, None)
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.timeout = timeout
        handlers = []
        if user:
            manager = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            for url in {self.query_url, self.update_url}:
                manager.add_password(None, url, user, password or "")
            handlers += [urllib.request.HTTPBasicAuthHandler(manager),
                         urllib.request.HTTPDigestAuthHandler(manager)]
        self._opener = urllib.request.build_opener(*handlers)

    @classmethod
    def from_environment(cls, url: str) -> RemoteStore:
        return cls(url, os.environ.get("KG_UPDATE_URL"), user=os.environ.get("KG_STORE_USER"),
                   password=os.environ.get("KG_STORE_PASSWORD"))

    # ------------------------------------------------------------------- HTTP
    def _post(self, url: str, form: dict, accept: str) -> bytes:
        data = urllib.parse.urlencode(form).encode("utf-8")
        request = urllib.request.Request(url, data=data, headers={
            "Accept": accept, "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": "kg"})
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
    def ox(self):
        raise StoreError(f"{self.path}: a remote store has no embedded Oxigraph database")

    @property
    def dataset(self):
        """The endpoint as an rdflib ``Dataset`` (rdflib's SPARQLUpdateStore)."""
        if self._dataset is None:
            from rdflib import Dataset
            from rdflib.plugins.stores.sparqlstore import SPARQLUpdateStore

            self._dataset = Dataset(SPARQLUpdateStore(self.query_url, self.update_url),
                                    default_union=True)
        return self._dataset

    def close(self) -> None:
        self._dataset = None

    def flush(self) -> None:
        """Nothing to do: every update request is committed by the endpoint."""

    def update(self, sparql: str) -> None:
        self._post(self.update_url, {"update": _prologue() + sparql}, "*/*")

    def has_graph(self, iri: str) -> bool:
        return bool(self.query(f"ASK {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"))

    def __len__(self) -> int:
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                           f"FILTER(STRSTARTS(STR(?g), \"{_OUR_GRAPHS}\")) }}")
        return int(rows[0]["n"]) if rows else 0

    def quads(self, graph: str | None = None) -> Iterator:
        from pyoxigraph import NamedNode, Quad

        where = (f"GRAPH <{graph}> {{ ?s ?p ?o }} BIND(<{graph}> AS ?g)" if graph else
                 f"GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), \"{_OUR_GRAPHS}\"))")
        result = self.query(f"SELECT ?g ?s ?p ?o WHERE {{ {where} }}")
        for sol in result:
            yield Quad(sol["s"], sol["p"], sol["o"], NamedNode(sol["g"].value))

    def query(self, sparql: str, *, bindings: dict | None = None):
        """Run SPARQL on the endpoint; the answer as pyoxigraph results, as the
        embedded store gives them."""
        import pyoxigraph as ox

        if not sparql.strip():
            raise QueryError("empty query")
        text = re.sub(r"#[^\n]*", "", sparql)
        form = _FORM.search(text)
        if form is None:
            raise QueryError("malformed SPARQL: no SELECT, ASK, CONSTRUCT or DESCRIBE")
        graph = form.group(1).upper() in ("CONSTRUCT", "DESCRIBE")
        accept = "application/n-triples" if graph else "application/sparql-results+xml"
        data = self._post(self.query_url, {"query": _prologue() + sparql + _values(bindings)},
                          accept)
        try:
            if graph:
                return [ox.Triple(q.subject, q.predicate, q.object)
                        for q in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.XML)
        except (SyntaxError, ValueError) as exc:
            raise QueryError(f"the endpoint's answer cannot be read: {exc}") from None
