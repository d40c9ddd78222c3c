"""Plain records that cross the stages: read -> extract -> build RDF.

They hold no behaviour beyond small conveniences, and they do not know about
spaCy or rdflib, so every stage can be tested on its own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from enum import Enum

__all__ = [
    "COARSE_TYPES",
    "EntityType",
    "Polarity",
    "Article",
    "Money",
    "Mention",
    "Entity",
    "Claim",
    "Extraction",
]


class _Name(str, Enum):
    """A closed set of names that compare, hash and print as their plain string."""

    def __str__(self) -> str:
        return self.value

    def __format__(self, spec: str) -> str:
        return format(self.value, spec)


class EntityType(_Name):
    """The coarse entity types of the evaluation contract."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    PLACE = "Place"
    PRODUCT = "Product"
    OTHER = "Other"


class Polarity(_Name):
    """Whether an article asserts a claim, denies it, or reports it as unsettled."""

    ASSERTED = "asserted"
    NEGATED = "negated"
    HEDGED = "hedged"


#: The coarse entity types, as strings.
COARSE_TYPES = tuple(t.value for t in EntityType)


@dataclass(frozen=True)
class Article:
    """One news article as read from a file, a URL or a JSON line."""

    id: str
    text: str
    title: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    source: str | None = None  # the outlet, e.g. "Reuters"
    url: str | None = None
    origin: str | None = None  # where it was read from (path or URL), for messages

    @property
    def text_hash(self) -> str:
        """SHA-256 of the text: the article's content identity."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Money:
    """An amount of money: a value and an ISO 4217 currency code."""

    value: float
    currency: str


@dataclass(frozen=True)
class Mention:
    """One place in the text where an entity is named or referred to."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Entity:
    """An entity as one article knows it.

    ``key`` is the corpus-wide identity (the same real entity gets the same
    key in every article); the graph layer turns it into an IRI.
    """

    key: str
    label: str
    type: str  # an EntityType value
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    wikidata: str | None = None


@dataclass(frozen=True)
class Claim:
    """A relation between two entities that an article asserts or reports.

    ``sentence_start``/``sentence_end`` are character offsets into the
    article text such that ``text[sentence_start:sentence_end] == sentence``.
    """

    subject: str  # entity key
    predicate: str  # one of kg.predicates.PREDICATES
    object: str  # entity key
    sentence: str
    sentence_start: int
    sentence_end: int
    attributed_to: str | None = None  # entity key
    amount: Money | None = None
    date: str | None = None  # ISO date, year-month or year
    confidence: float = 0.5
    polarity: str = "asserted"  # a Polarity value
    method: str = "pattern"
    ended: bool = False  # the relation no longer holds ("former chief executive")
    end_date: str | None = None  # when it ended, where the article says


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    entities: tuple[Entity, ...] = ()
    claims: tuple[Claim, ...] = ()
    pipeline: str = ""  # name and version of what extracted it
    extra: dict = field(default_factory=dict, compare=False)
