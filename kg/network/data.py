"""What the networks are made from: articles, entities and asserted claims, read from the store.

Two SPARQL queries, whatever the size of the store: the entity listing
(:func:`~kg.query.listing.list_entities`) and one query for the articles and
their asserted claims.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..graph.store import KGStore
from ..query.listing import list_entities
from ..records import EntityRecord
from ..vocab import local_name

#: An entity as the networks see it: the graph's entity record.
EntityInfo = EntityRecord

__all__ = ["ArticleInfo", "EntityInfo", "ClaimInfo", "NetworkData", "read_network_data"]


@dataclass(frozen=True)
class ArticleInfo:
    """An article as the networks see it: id, title, publication date and outlet."""

    id: str
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None
    text_hash: str | None = None  # copies of one text (syndication) support an edge once
    url: str | None = None  # where the article was published


@dataclass(frozen=True)
class ClaimInfo:
    """One asserted claim: who, what, whom, in which article and sentence."""

    iri: str
    article: str
    subject: str  # entity IRI
    predicate: str  # local name, one of kg.model.PREDICATES
    object: str  # entity IRI
    sentence: str
    date: str | None = None  # the claim's own event date (YYYY, YYYY-MM or YYYY-MM-DD)
    ended: bool = False  # the article says the relation no longer holds
    end_date: str | None = None  # when it ended, where the article says


@dataclass(frozen=True)
class NetworkData:
    """Everything a projection needs, keyed for lookup."""

    articles: Mapping[str, ArticleInfo] = field(default_factory=dict)
    entities: Mapping[str, EntityInfo] = field(default_factory=dict)
    claims: tuple[ClaimInfo, ...] = ()

    @classmethod
    def from_records(
        cls,
        articles: Iterable[ArticleInfo],
        entities: Iterable[EntityInfo],
        claims: Iterable[ClaimInfo],
    ) -> NetworkData:
        """Build from plain records (tests build small graphs this way).

        >>> d = NetworkData.from_records([ArticleInfo("a1")],
        ...                              [EntityInfo("e:x", "X", "Person")], [])
        >>> d.entities["e:x"].label
        'X'
        """
        return cls({a.id: a for a in articles}, {e.iri: e for e in entities}, tuple(claims))

    def entity(self, iri: str) -> EntityInfo:
        """The entity with this IRI (a bare placeholder when the store lacks its description)."""
        found = self.entities.get(iri)
        return found if found is not None else EntityInfo(iri, local_name(iri), "Other")

    def entity_dicts(self) -> list[dict]:
        """The entities as :func:`~kg.query.listing.find_entity` takes them."""
        return [e.as_dict() for e in self.entities.values()]


_ARTICLES_AND_CLAIMS = """
SELECT ?id ?title ?published ?source ?hash ?url ?c ?s ?p ?o ?sentence ?date ?ended ?end
WHERE { GRAPH ?g {
  ?a a nkg:Article ; nkg:articleId ?id .
  OPTIONAL { ?a nkg:textHash ?hash }
  OPTIONAL { ?a schema:url ?url }
  OPTIONAL { ?a schema:headline ?title }
  OPTIONAL { ?a schema:datePublished ?published }
  OPTIONAL { ?a nkg:outlet ?source }
  OPTIONAL {
    ?c prov:wasDerivedFrom ?a ; a nkg:Claim ; nkg:polarity "asserted" ;
       rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; nkg:evidence ?ev .
    ?ev oa:exact ?sentence .
    OPTIONAL { ?c nkg:eventDate ?date }
    OPTIONAL { ?c nkg:ended ?ended }
    OPTIONAL { ?c nkg:endDate ?end }
  }
} } ORDER BY ?id ?c"""


def read_network_data(store: KGStore) -> NetworkData:
    """Read the articles, entities and asserted claims of the store."""
    entities = [
        EntityInfo(e["iri"], e["label"], e["type"], tuple(e["aliases"]), tuple(e["articles"]))
        for e in list_entities(store)
    ]
    articles: dict[str, ArticleInfo] = {}
    claims: dict[str, ClaimInfo] = {}
    for r in store.select(_ARTICLES_AND_CLAIMS):
        aid = r["id"]
        if aid not in articles:
            articles[aid] = ArticleInfo(
                aid,
                r.get("title"),
                (r.get("published") or "")[:10] or None,
                r.get("source"),
                r.get("hash"),
                r.get("url"),
            )
        if "c" in r and r["c"] not in claims:
            claims[r["c"]] = ClaimInfo(
                r["c"],
                aid,
                r["s"],
                local_name(r["p"]),
                r["o"],
                r["sentence"],
                r.get("date"),
                r.get("ended") == "true",
                r.get("end"),
            )
    return NetworkData.from_records(articles.values(), entities, claims.values())
