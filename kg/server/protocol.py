"""The SPARQL 1.1 Protocol's small print: media types, content negotiation, datasets.

Plain functions of strings, so they are tested without a socket.
"""

from __future__ import annotations

from ..graph.remote import has_dataset_clause

__all__ = [
    "RESULT_MEDIA",
    "GRAPH_MEDIA",
    "MEDIA_TYPES",
    "FORMAT_ALIASES",
    "negotiate",
    "parse_accept",
    "has_dataset_clause",
]

#: SELECT/ASK answers: media type -> kg format name (see kg.query.sparql.RESULT_FORMATS).
RESULT_MEDIA = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}

#: CONSTRUCT/DESCRIBE answers (and graphs): media type -> format name.
GRAPH_MEDIA = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "nt",
    "text/plain": "nt",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/trig": "trig",
    "application/rdf+xml": "xml",
}

#: The media type an answer in a format is sent as, by kind and format.
MEDIA_TYPES = {
    "results": {
        "json": "application/sparql-results+json",
        "xml": "application/sparql-results+xml",
        "csv": "text/csv; charset=utf-8",
        "tsv": "text/tab-separated-values; charset=utf-8",
    },
    "graph": {
        "turtle": "text/turtle; charset=utf-8",
        "nt": "application/n-triples",
        "jsonld": "application/ld+json",
        "trig": "application/trig",
        "xml": "application/rdf+xml",
    },
}

#: ``format=`` / ``output=`` request parameters some clients send (SPARQLWrapper does).
FORMAT_ALIASES = {
    "json": "json",
    "xml": "xml",
    "csv": "csv",
    "tsv": "tsv",
    "turtle": "turtle",
    "ttl": "turtle",
    "n3": "turtle",
    "nt": "nt",
    "ntriples": "nt",
    "json-ld": "jsonld",
    "jsonld": "jsonld",
    "trig": "trig",
    "rdf": "xml",
    "rdf+xml": "xml",
}

_DEFAULT = {"results": "json", "graph": "turtle"}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an ``Accept`` header, most preferred first.

    >>> parse_accept("text/csv;q=0.5, application/sparql-results+json")
    [('application/sparql-results+json', 1.0), ('text/csv', 0.5)]
    """
    ranges = []
    for i, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for f in fields[1:]:
            key, _, value = f.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if q > 0:
            specific = 0 if media == "*/*" else 1 if media.endswith("/*") else 2
            ranges.append((-q, -specific, i, media, q))
    return [(media, q) for *_, media, q in sorted(ranges)]


def negotiate(kind: str, accept: str | None, fmt: str | None = None) -> tuple[str, str]:
    """The format and media type to answer with: ``kind`` is "results" or "graph".

    An explicit ``format=`` parameter wins when it fits the kind; then the
    ``Accept`` header; anything unknown gets the default (JSON results,
    Turtle graphs) rather than a 406, as most endpoints do.

    >>> negotiate("results", "text/csv")
    ('csv', 'text/csv; charset=utf-8')
    >>> negotiate("graph", "application/sparql-results+json, */*;q=0.1")
    ('turtle', 'text/turtle; charset=utf-8')
    """
    table = RESULT_MEDIA if kind == "results" else GRAPH_MEDIA
    media_types = MEDIA_TYPES[kind]
    if fmt:
        name = FORMAT_ALIASES.get(fmt.strip().lower())
        if kind == "graph" and name == "json":
            name = "jsonld"
        if name is None:
            name = table.get(fmt.split(";")[0].strip().lower())
        if name in media_types:
            return name, media_types[name]
    for media, _q in parse_accept(accept):
        if media in table:
            name = table[media]
            return name, media_types[name]
        if media == "*/*":
            name = _DEFAULT[kind]
            return name, media_types[name]
        if media.endswith("/*"):
            for name, sent_as in media_types.items():  # in order of preference
                if sent_as.startswith(media[:-1]):
                    return name, sent_as
    name = _DEFAULT[kind]
    return name, media_types[name]


# Strings, IRIs and comments, which may contain "FROM" without it being a keyword.
