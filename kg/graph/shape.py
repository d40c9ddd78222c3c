"""What ``kg add`` writes into an article's graph, as rules a graph loaded from a file must meet.

An article graph (see :func:`kg.graph.build.article_quads`) describes its
article, the entities the article mentions and the claims it makes, and
nothing else: the store's default graph is the union of all article graphs,
so a triple about another article, or a label of an entity that its name
does not give, would change what every query sees. :func:`check_article_graph`
refuses a graph that holds anything ``kg add`` would not have written there.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from urllib.parse import unquote

import pyoxigraph as ox

from ..errors import InputError
from ..limits import max_chars
from ..names import name_key
from ..predicates import PREDICATES
from ..vocab import (
    BASE,
    NKG,
    OA,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SKOS,
    TYPE_CLASSES,
    WD,
    XSD,
    article_iri,
    claim_iri,
)

__all__ = ["check_article_graph"]

_ENTITY = BASE + "entity/"
_PREDICATES = {str(NKG[p]) for p in PREDICATES}
_TYPES = {str(c) for c in TYPE_CLASSES.values()}


def _literal(*datatypes) -> frozenset[str]:
    return frozenset(str(d) for d in datatypes)


# Oxigraph keeps numbers by value, so an xsd:nonNegativeInteger may come back as xsd:integer
_STRING = _literal(XSD.string)
_DATES = _literal(XSD.date, XSD.gYear, XSD.gYearMonth)
_INTEGER = _literal(XSD.nonNegativeInteger, XSD.integer)
_DECIMAL = _literal(XSD.decimal, XSD.integer)

# predicate -> what its object must be: a set of IRIs (a set), literal datatypes (a
# frozenset), or a kind of IRI (a string)
_ARTICLE = {
    str(RDF.type): {str(NKG.Article)},
    str(NKG.articleId): _STRING,
    str(SDO.articleBody): _STRING,
    str(NKG.textHash): _STRING,
    str(PROV.generatedAtTime): _literal(XSD.dateTime),
    str(NKG.extractedWith): _STRING,
    str(SDO.headline): _STRING,
    str(SDO.datePublished): _literal(XSD.date),
    str(NKG.outlet): _STRING,
    str(SDO.url): _literal(XSD.anyURI),
    str(SDO.mentions): "entity",
}
_ENTITY_FACTS = {
    str(RDF.type): _TYPES,
    str(RDFS.label): _STRING,
    str(SKOS.prefLabel): _STRING,
    str(SKOS.altLabel): _STRING,
    str(OWL.sameAs): "wikidata",
}
_CLAIM = {
    str(RDF.type): {str(NKG.Claim), str(RDF.Statement)},
    str(RDF.subject): "entity",
    str(RDF.predicate): _PREDICATES,
    str(RDF.object): "entity",
    str(PROV.wasDerivedFrom): "article",
    str(NKG.confidence): _DECIMAL,
    str(NKG.polarity): _STRING,
    str(NKG.method): _STRING,
    str(NKG.evidence): "evidence",
    str(NKG.attributedTo): "entity",
    str(NKG.amount): "amount",
    str(NKG.eventDate): _DATES,
    str(NKG.ended): _literal(XSD.boolean),
    str(NKG.endDate): _DATES,
}
_EVIDENCE = {
    str(RDF.type): {str(OA.TextPositionSelector), str(OA.TextQuoteSelector)},
    str(OA.hasSource): "article",
    str(OA.start): _INTEGER,
    str(OA.end): _INTEGER,
    str(OA.exact): _STRING,
}
_AMOUNT = {
    str(RDF.type): {str(SDO.MonetaryAmount)},
    str(SDO.value): _DECIMAL,
    str(SDO.currency): _STRING,
}


def _short(text: str, limit: int = 80) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def check_article_graph(article_id: str, quads, where: str) -> None:
    """Refuse (InputError naming ``where`` and the graph) an article graph that holds
    anything ``kg add`` would not write into article ``article_id``'s graph.

    The rules: only IRIs and literals (no blank node, no RDF 1.2 triple term);
    literals no longer than ``KG_MAX_CHARS``; subjects are the article, its
    claims (and their evidence and amounts), or entities the article mentions,
    each with the predicates and kinds of object kg writes for it; the text hash
    is the text's; an entity's label gives its key and its other names occur in
    the text; an asserted relation between entities is one a claim asserts; a
    claim's evidence quotes the text at its offsets.
    """
    article = str(article_iri(article_id))
    claims = str(claim_iri(article_id, ""))
    limit = max_chars()

    def refuse(reason: str) -> InputError:
        return InputError(f"{where}: article graph {article_id!r} {reason}; not what kg add writes")

    facts: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for q in quads:
        s, p, o = q.subject, q.predicate, q.object
        for term in (s, o):
            if isinstance(term, ox.Triple):
                raise refuse(f"holds an RDF 1.2 triple term ({_short(term)})")
            if isinstance(term, ox.BlankNode):
                raise refuse(f"holds a blank node ({_short(q)})")
        if isinstance(o, ox.Literal) and len(o.value) > limit:
            raise refuse(
                f"holds a literal of {len(o.value):,} characters (at most {limit:,}; "
                "see KG_MAX_CHARS)"
            )
        facts[s.value][p.value].append(o)

    def kind_of(subject: str) -> tuple[str, dict]:
        if subject == article:
            return "article", _ARTICLE
        if subject.startswith(_ENTITY):
            return "entity", _ENTITY_FACTS
        if subject.startswith(claims) and len(subject) > len(claims):
            local = subject[len(claims) :]
            if "#" not in local and "/" not in local:
                return "claim", _CLAIM
            base, _, part = local.partition("#")
            if "/" not in base and part in ("evidence", "amount"):
                return part, _EVIDENCE if part == "evidence" else _AMOUNT
        raise refuse(
            f"describes <{_short(subject)}>, which is neither its article, one of "
            "its claims, nor an entity"
        )

    def check_object(subject: str, predicate: str, o, want) -> None:
        if isinstance(want, frozenset):
            ok = isinstance(o, ox.Literal) and o.datatype.value in want
        elif isinstance(want, set):
            ok = isinstance(o, ox.NamedNode) and o.value in want
        elif want == "entity":
            ok = isinstance(o, ox.NamedNode) and o.value.startswith(_ENTITY)
        elif want == "wikidata":
            ok = isinstance(o, ox.NamedNode) and o.value.startswith(str(WD))
        elif want == "article":
            ok = isinstance(o, ox.NamedNode) and o.value == article
        else:  # evidence, amount: the claim's own node
            ok = isinstance(o, ox.NamedNode) and o.value == f"{subject}#{want}"
        if not ok:
            raise refuse(
                f"says <{_short(subject)}> <{_short(predicate)}> {_short(o)}, which kg "
                "does not write"
            )

    # the article: its id, one text, and the hash of that text
    said = facts.get(article)
    if not said:
        raise refuse("does not describe its article")
    texts = said.get(str(SDO.articleBody), [])
    if [o.value for o in said.get(str(NKG.articleId), [])] != [article_id] or len(texts) != 1:
        raise refuse("does not describe its article (one nkg:articleId, one schema:articleBody)")
    text = texts[0].value
    hashes = [o.value for o in said.get(str(NKG.textHash), [])]
    if hashes != [hashlib.sha256(text.encode("utf-8")).hexdigest()]:
        raise refuse("has an nkg:textHash that is not the SHA-256 of its text")
    mentioned = {o.value for o in said.get(str(SDO.mentions), [])}

    kinds: dict[str, str] = {}
    for subject, by_predicate in facts.items():
        kind, allowed = kind_of(subject)
        kinds[subject] = kind
        for predicate, objects in by_predicate.items():
            if kind == "entity" and predicate in _PREDICATES:
                continue  # an asserted relation: checked against the claims below
            if predicate not in allowed:
                raise refuse(
                    f"says <{_short(subject)}> <{_short(predicate)}> ..., a predicate "
                    f"kg does not write for a{'n' if kind[0] in 'aeiou' else ''} "
                    f"{kind}"
                )
            for o in objects:
                check_object(subject, predicate, o, allowed[predicate])

    asserted = set()
    for subject, kind in kinds.items():
        by_predicate = facts[subject]
        if kind == "claim":
            s, p, o = (
                by_predicate.get(str(x), [None])[0]
                for x in (RDF.subject, RDF.predicate, RDF.object)
            )
            if s is None or p is None or o is None:
                raise refuse(
                    f"has a claim <{_short(subject)}> without its subject, predicate and object"
                )
            polarity = [x.value for x in by_predicate.get(str(NKG.polarity), [])]
            if polarity == ["asserted"]:
                asserted.add((s.value, p.value, o.value))
        elif kind == "evidence":
            start = [int(x.value) for x in by_predicate.get(str(OA.start), [])]
            end = [int(x.value) for x in by_predicate.get(str(OA.end), [])]
            exact = [x.value for x in by_predicate.get(str(OA.exact), [])]
            if len(start) != 1 or len(end) != 1 or exact != [text[start[0] : end[0]]]:
                raise refuse(
                    f"has evidence <{_short(subject)}> that does not quote the text at its offsets"
                )
        elif kind == "entity":
            if subject not in mentioned:
                raise refuse(
                    f"describes <{_short(subject)}>, an entity its article does not mention"
                )
            key = unquote(subject[len(_ENTITY) :])
            for predicate in (str(RDFS.label), str(SKOS.prefLabel)):
                for label in by_predicate.get(predicate, []):
                    if name_key(label.value).replace(" ", "-") != key:
                        raise refuse(
                            f"labels <{_short(subject)}> {label.value!r}, a name that "
                            "does not give its key"
                        )
            for alias in by_predicate.get(str(SKOS.altLabel), []):
                if alias.value not in text:
                    raise refuse(
                        f"gives <{_short(subject)}> the other name {alias.value!r}, "
                        "which its text does not use"
                    )
    for subject, kind in kinds.items():
        if kind != "entity":
            continue
        for predicate, objects in facts[subject].items():
            for o in objects:
                if predicate in _PREDICATES and (
                    not isinstance(o, ox.NamedNode) or (subject, predicate, o.value) not in asserted
                ):
                    raise refuse(
                        f"says <{_short(subject)}> <{_short(predicate)}> "
                        f"<{_short(o.value)}> without a claim that asserts it"
                    )
