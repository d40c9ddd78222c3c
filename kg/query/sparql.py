"""Running SPARQL and writing its results in the standard formats."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..errors import QueryError
from ..graph.store import KGStore
from ..vocab import PREFIXES
from .guard import check_sparql, check_terms

__all__ = ["QueryResult", "run_query", "QUERY_FORMATS", "RESULT_FORMATS", "GRAPH_FORMATS"]

#: SELECT/ASK results: name -> pyoxigraph QueryResultsFormat attribute.
RESULT_FORMATS = {"csv": "CSV", "tsv": "TSV", "json": "JSON", "xml": "XML"}
#: CONSTRUCT/DESCRIBE results: name -> pyoxigraph RdfFormat attribute.
GRAPH_FORMATS = {"turtle": "TURTLE", "nt": "N_TRIPLES", "jsonld": "JSON_LD", "xml": "RDF_XML"}
QUERY_FORMATS = ("table", *RESULT_FORMATS, *(f for f in GRAPH_FORMATS if f != "xml"))


@dataclass
class QueryResult:
    """A query's answer: ``kind`` is select, ask or graph."""

    kind: str
    variables: list[str]
    rows: list[list]  # pyoxigraph terms (or None) for select
    boolean: bool | None = None
    triples: list | None = None  # pyoxigraph triples for graph results
    #: What looked wrong in the query without stopping it (a misspelt vocabulary term).
    warnings: list[str] = field(default_factory=list)

    def serialize(self, fmt: str) -> str:
        """The result in a standard format (see :data:`QUERY_FORMATS`)."""
        if self.kind == "graph":
            return _graph_text(self.triples or [], fmt)
        if fmt not in RESULT_FORMATS:
            raise QueryError(
                f"format {fmt!r} is for CONSTRUCT/DESCRIBE results; "
                f"use one of {', '.join(RESULT_FORMATS)} or table"
            )
        target = getattr(ox.QueryResultsFormat, RESULT_FORMATS[fmt])
        return _results_text(self, target)


def _results_text(res: QueryResult, target) -> str:
    """Write the SPARQL JSON results document, then let pyoxigraph convert it."""

    def term(t):
        if t is None:
            return None
        if isinstance(t, ox.NamedNode):
            return {"type": "uri", "value": t.value}
        if isinstance(t, ox.BlankNode):
            return {"type": "bnode", "value": t.value}
        if isinstance(t, ox.Literal):
            d = {"type": "literal", "value": t.value}
            if t.language:
                d["xml:lang"] = t.language
            elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                d["datatype"] = t.datatype.value
            return d
        return {"type": "literal", "value": str(t)}

    if res.kind == "ask":
        doc = json.dumps({"head": {}, "boolean": bool(res.boolean)})
    else:
        bindings = [
            {v: term(t) for v, t in zip(res.variables, row, strict=True) if t is not None}
            for row in res.rows
        ]
        doc = json.dumps({"head": {"vars": res.variables}, "results": {"bindings": bindings}})
    if target == ox.QueryResultsFormat.JSON:
        return doc + "\n"
    parsed = ox.parse_query_results(doc.encode("utf-8"), format=ox.QueryResultsFormat.JSON)
    return parsed.serialize(format=target).decode("utf-8")


def _graph_text(triples, fmt: str) -> str:
    if fmt not in GRAPH_FORMATS:
        raise QueryError(
            f"format {fmt!r} is for SELECT/ASK results; "
            f"use one of {', '.join(f for f in GRAPH_FORMATS)}"
        )
    target = getattr(ox.RdfFormat, GRAPH_FORMATS[fmt])
    prefixes = PREFIXES if fmt in ("turtle", "xml") else None
    data = ox.serialize(triples, format=target, prefixes=prefixes)
    return data.decode("utf-8")


def run_query(
    store: KGStore, sparql: str, *, bindings: dict | None = None, allow_service: Sequence[str] = ()
) -> QueryResult:
    """Run a SPARQL query on the store and collect its answer.

    The query is checked first (:func:`~kg.query.guard.check_sparql`): one too
    deep or too long for the parser, or with a ``SERVICE`` to a URL not under
    ``allow_service``, raises :class:`QueryError` before it runs, and so does an
    unknown prefix (:func:`~kg.query.guard.check_terms`); a misspelt term of kg's
    vocabulary is reported in the result's ``warnings``.
    """
    if not sparql.strip():
        raise QueryError("empty query")
    check_sparql(sparql, allow_service=allow_service)
    warnings = check_terms(sparql)
    result = store.query(sparql, bindings=bindings)
    try:
        if isinstance(result, bool) or isinstance(result, ox.QueryBoolean):
            return QueryResult("ask", [], [], boolean=bool(result), warnings=warnings)
        if isinstance(result, ox.QuerySolutions):
            names = [v.value for v in result.variables]
            rows = [[sol[n] for n in names] for sol in result]
            return QueryResult("select", names, rows, warnings=warnings)
        return QueryResult("graph", [], [], triples=list(result), warnings=warnings)
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from None
