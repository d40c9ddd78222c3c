"""The explorer's pages: HTML made on the server (they work without JavaScript), from Jinja2
templates, by a reader process on its snapshot of the store.

Pages::

    /                      the query page: a query (?query=) is run and its rows paged
    /entity/SLUG           an entity: claims both ways with their evidence, conflicts,
                           timeline, neighbourhood network
    /entity/SLUG/network.json   its neighbourhood, for the network's "show neighbours"
    /article/ID            an article's text, each claim's sentence marked, names linked
    /search?q=             entities by name and alias, articles by their words

Every page is sent with a Content Security Policy that lets it load nothing but
this server's own files (:data:`CSP`).
"""

from __future__ import annotations

import functools
import json
import math
from urllib.parse import quote, urlencode

import pyoxigraph as ox
from markupsafe import Markup, escape

from ..errors import QueryError
from ..graph.fulltext import search_names, search_text
from ..query.explore import (
    article_id_of,
    article_view,
    entity_iri_for,
    entity_view,
    neighbourhood,
    slug_of,
)
from ..query.guard import check_sparql, check_terms
from ..query.saved import saved_queries
from ..vocab import PREFIXES
from .reply import Reply

__all__ = ["CSP", "PAGE_ROWS", "MAX_OFFSET", "render_page", "error_page", "highlight"]

#: What a page may load: this server's scripts, styles and JSON, nothing else.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
#: Rows a query page shows, by default, and the choices.
PAGE_ROWS = 100
ROW_CHOICES = (50, 100, 500, 1000)
#: The farthest row a page may start at (a query's rows are read through to it).
MAX_OFFSET = 10_000_000
#: Rows counted past the page shown, to say how many there are in all.
COUNT_AHEAD = 100_000
#: Hits on a search page.
SEARCH_HITS = 20

_EXAMPLE = """SELECT ?a ?predicate ?b ?sentence WHERE {
  ?c a nkg:Claim ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
     nkg:polarity "asserted" ; nkg:evidence/oa:exact ?sentence .
  ?s rdfs:label ?a . ?o rdfs:label ?b .
  BIND(REPLACE(STR(?p), "^.*#", "") AS ?predicate)
} LIMIT 50"""


@functools.cache
def _env():
    import jinja2  # deferred: slow to import, and the endpoint's workers seldom render a page

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("kg.server", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )

    def snippet(text: str) -> Markup:
        return Markup(str(escape(text)).replace("\x02", "<mark>").replace("\x03", "</mark>"))

    env.filters["urlpart"] = lambda value: quote(str(value), safe="")
    env.filters["snippet"] = snippet
    env.filters["urlencode"] = lambda value: (
        urlencode(value) if isinstance(value, dict) else quote(str(value), safe="")
    )
    return env


def _script_json(value) -> str:
    """JSON safe inside a <script> element."""
    text = json.dumps(value, ensure_ascii=False)
    return Markup(
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _html(code: int, template: str, **context) -> Reply:
    body = _env().get_template(template).render(**context).encode("utf-8")
    return Reply(
        code,
        "text/html; charset=utf-8",
        body,
        (
            ("Content-Security-Policy", CSP),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
        ),
    )


def error_page(status: int, message: str, q: str | None = None) -> Reply:
    """A page that says what went wrong (404: no such entity or article; 400: a bad
    parameter), with the search box to go on from."""
    heading = {404: "Not found", 400: "Bad request"}.get(status, "Error")
    return _html(
        status, "error.html", page="error", status=status, heading=heading, message=message, q=q
    )


def highlight(sparql: str) -> str:
    """A query as HTML, coloured by Pygments' SPARQL lexer (classes, styled by
    ``/static/pygments.css``)."""
    # deferred: Pygments' lexers are slow to import, and only the query page needs them
    from pygments import highlight as pyg
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import SparqlLexer

    return Markup(pyg(sparql, SparqlLexer(), HtmlFormatter(nowrap=True)))


@functools.cache
def pygments_css() -> str:
    from pygments.formatters import HtmlFormatter  # deferred: as in highlight

    return HtmlFormatter(style="default").get_style_defs(".hl")


# ------------------------------------------------------------------ terms as links
def term_link(value: str) -> str | None:
    """Where an IRI leads in the explorer: an entity's or an article's page (at the claim,
    for a claim), else None."""
    entity, claim = PREFIXES["entity"], PREFIXES["claim"]
    if value.startswith(entity) and "/" not in value[len(entity) :].split("#")[0]:
        return "/entity/" + slug_of(value.split("#")[0])
    aid = article_id_of(value.split("#")[0])
    if aid is not None:
        return "/article/" + quote(aid, safe="")
    if value.startswith(claim):
        rest = value[len(claim) :].split("#")[0]
        if "/" in rest:
            article, local = rest.rsplit("/", 1)
            return f"/article/{article}#claim-{local}"
    return None


def _short(value: str) -> str:
    best = None
    for prefix, ns in PREFIXES.items():
        if value.startswith(ns) and (best is None or len(ns) > len(best[1])):
            best = (prefix, ns)
    return f"{best[0]}:{value[len(best[1]) :]}" if best else value


def _cell(term) -> dict | None:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return {"iri": term.value, "text": _short(term.value), "href": term_link(term.value)}
    if isinstance(term, ox.Triple):
        return {"text": str(term)}
    return {"text": term.value}


# ------------------------------------------------------------------ pages
def render_page(session, job: dict) -> Reply:
    """Answer a page job (a dict from the HTTP layer) on a reader's snapshot."""
    kind = job["page"]
    store = session.store(session._min)
    if kind == "entity":
        return _entity(store, job["slug"])
    if kind == "entity-network":
        return _entity_network(store, job["slug"])
    if kind == "article":
        return _article(store, job["id"])
    if kind == "search":
        return _search(session, store, job.get("q") or "", int(job.get("page_no") or 1))
    if kind == "query":
        return _query(
            store, job.get("query"), int(job.get("page_no") or 1), int(job.get("rows") or PAGE_ROWS)
        )
    return error_page(404, f"no such page: {kind}")


def _entity(store, slug: str) -> Reply:
    iri = entity_iri_for(slug)
    view = entity_view(store, iri)
    if view is None:
        return error_page(404, f"No entity {slug!r} in this graph.", q=slug.replace("-", " "))
    network = _network_json(view["network"], iri)
    return _html(
        200,
        "entity.html",
        page="entity",
        e=view["entity"],
        view=view,
        network_json=_script_json(network),
    )


def _network_json(net: dict, center: str) -> dict:
    """The neighbourhood as the network view reads it (nodes link to their pages, edges'
    evidence to the article at the sentence)."""
    nodes = [{**n, "href": "/entity/" + n["slug"], "expandable": True} for n in net["nodes"]]
    edges = []
    for e in net["edges"]:
        evidence = [
            {**ev, "href": f"/article/{quote(ev['article'], safe='')}#s-{ev['start']}"}
            for ev in e["evidence"]
        ]
        edges.append({**e, "id": f"{e['from']}|{e['predicate']}|{e['to']}", "evidence": evidence})
    return {"center": center, "nodes": nodes, "edges": edges}


def _entity_network(store, slug: str) -> Reply:
    iri = entity_iri_for(slug)
    net = neighbourhood(store, iri)
    if net is None:
        return Reply(
            404, "application/json", json.dumps({"error": f"no entity {slug!r}"}).encode("utf-8")
        )
    return Reply(
        200,
        "application/json",
        json.dumps(_network_json(net, iri), ensure_ascii=False).encode("utf-8"),
    )


def _article(store, article_id: str) -> Reply:
    view = article_view(store, article_id)
    if view is None:
        return error_page(404, f"No article with id {article_id!r} in this graph.")
    return _html(200, "article.html", page="article", a=view["article"], view=view)


def _search(session, store, q: str, page_no: int) -> Reply:
    q = q.strip()
    names, texts, total = [], [], 0
    offset = (page_no - 1) * SEARCH_HITS
    if q:
        index = session.text_index()
        names = (
            [
                {
                    "iri": h.iri,
                    "slug": slug_of(h.iri),
                    "label": h.label,
                    "type": h.type,
                    "matched": h.matched,
                    "articles": h.articles,
                }
                for h in search_names(index, q, limit=SEARCH_HITS)
            ]
            if page_no == 1
            else []
        )
        total, texts = search_text(index, q, limit=SEARCH_HITS, offset=offset)
    return _html(
        200,
        "search.html",
        page="search",
        q=q,
        names=names,
        texts=texts,
        total=total,
        offset=offset,
        page_no=page_no,
    )


def _query(store, query: str | None, page_no: int, rows: int) -> Reply:
    context = {
        "page": "query",
        "query": query,
        "example": _EXAMPLE,
        "rows": rows,
        "prefixes": PREFIXES,
        "prefixes_json": _script_json(PREFIXES),
        "saved": [q.as_dict() for q in saved_queries().values()],
        "highlighted": highlight(query or _EXAMPLE),
        "warnings": [],
        "error": None,
        "result": None,
    }
    if not query or not query.strip():
        return _html(200, "query.html", **context)
    try:
        check_sparql(query)
        context["warnings"] = check_terms(query)
        context["result"] = _page_of(store, query, page_no, rows)
    except QueryError as exc:
        context["error"] = str(exc)
        return _html(400, "query.html", **context)
    return _html(200, "query.html", **context)


def _page_of(store, query: str, page_no: int, rows: int) -> dict:
    """One page of a query's answer: ``rows`` rows from row ``(page_no - 1) * rows``, and
    how many there are (counted up to :data:`COUNT_AHEAD` past the page)."""
    raw = store.query(query)
    offset = (page_no - 1) * rows
    if isinstance(raw, (bool, ox.QueryBoolean)):
        return {
            "kind": "ask",
            "boolean": bool(raw),
            "rows": [],
            "variables": [],
            "offset": 0,
            "page": 1,
            "more": False,
            "summary": "ASK",
        }
    if isinstance(raw, ox.QuerySolutions):
        variables = [v.value for v in raw.variables]
        kind = "select"

        def cells(sol):
            return [_cell(sol[v]) for v in variables]
    else:
        variables = ["subject", "predicate", "object"]
        kind = "graph"

        def cells(t):
            return [_cell(t.subject), _cell(t.predicate), _cell(t.object)]

    shown, seen = [], 0
    try:
        for item in raw:
            if offset <= seen < offset + rows:
                shown.append(cells(item))
            seen += 1
            if seen >= offset + rows + COUNT_AHEAD:
                break
    except (OSError, RuntimeError, ValueError) as exc:
        raise QueryError(f"query failed: {' '.join(str(exc).split())[:300]}") from None
    capped = seen >= offset + rows + COUNT_AHEAD
    count = f"more than {seen - 1:,}" if capped else f"{seen:,}"
    if shown:
        summary = f"Rows {offset + 1:,} to {offset + len(shown):,} of {count}."
    elif seen:
        last = max(1, math.ceil(seen / rows))
        summary = f"No row on page {page_no:,}: the answer has {count} rows (pages 1 to {last:,})."
    else:
        summary = "No row."
    return {
        "kind": kind,
        "variables": variables,
        "rows": shown,
        "offset": offset,
        "page": page_no,
        "more": seen > offset + rows,
        "summary": summary,
    }
