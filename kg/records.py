"""What the graph answers, as plain frozen records: entities, claims, statements, conflicts.

The records that leave the store (as :mod:`kg.model` has those that enter it). Each
is a frozen dataclass whose :meth:`~Record.to_dict` is the dict that ``kg entities``,
``kg claims``, ``kg statements``, ``kg conflicts``, ``kg timeline`` and ``kg articles``
print as JSON Lines (the evaluation contract), and :meth:`~Record.from_dict` reads
one back: lists become tuples, nested entities :class:`EntityRef` and amounts
:class:`Amount`.

>>> ref = EntityRef.from_dict({"iri": "https://example.org/entity/acme", "label": "Acme"})
>>> ref.label, ref.type, ref.to_dict()
('Acme', None, {'iri': 'https://example.org/entity/acme', 'label': 'Acme'})
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any, ClassVar

__all__ = [
    "Record",
    "EntityRef",
    "Amount",
    "EntityRecord",
    "ArticleRecord",
    "ClaimRecord",
    "StatementRecord",
    "ConflictValue",
    "ConflictRecord",
    "TimelineRecord",
]


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _frozen(value: Any) -> Any:
    """A value read from a dict, as records keep it: tuples for lists, records for the
    entities and amounts inside."""
    if isinstance(value, list):
        return tuple(_frozen(v) for v in value)
    if isinstance(value, dict):
        if set(value) == {"value", "currency"}:
            return Amount.from_dict(value)
        if "iri" in value and set(value) <= {"iri", "label", "type"}:
            return EntityRef.from_dict(value)
    return value


@dataclass(frozen=True)
class Record:
    """A frozen record that turns into the dict kg prints, and back."""

    #: Fields left out of the dict when None (they are absent from kg's output then).
    _omit_none: ClassVar[tuple[str, ...]] = ()
    #: Fields whose items are records of another kind: name -> that record class.
    _items: ClassVar[dict[str, type[Record]]] = {}

    def to_dict(self) -> dict:
        """The record as kg prints it (JSON Lines): plain dicts, lists and values."""
        return {
            f.name: _plain(getattr(self, f.name))
            for f in fields(self)
            if not (f.name in self._omit_none and getattr(self, f.name) is None)
        }

    @classmethod
    def from_dict(cls, data: dict):
        """A record from a dict of kg's output; keys the record does not have are refused."""
        names = {f.name for f in fields(cls)}
        unknown = set(data) - names
        if unknown:
            raise TypeError(f"{cls.__name__} has no field {', '.join(sorted(unknown))}")
        values = {}
        for key, value in data.items():
            item = cls._items.get(key)
            if item is not None and isinstance(value, list):
                values[key] = tuple(item.from_dict(v) for v in value)
            else:
                values[key] = _frozen(value)
        return cls(**values)


@dataclass(frozen=True)
class EntityRef(Record):
    """An entity where a claim names it: IRI, label and (not for a speaker) type."""

    _omit_none: ClassVar[tuple[str, ...]] = ("type",)

    iri: str
    label: str
    type: str | None = None


@dataclass(frozen=True)
class Amount(Record):
    """A sum of money as a claim reports it."""

    value: float
    currency: str


@dataclass(frozen=True)
class EntityRecord(Record):
    """An entity of the graph: IRI, label, coarse type, aliases and the articles that
    mention it (one line of ``kg entities``)."""

    iri: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    articles: tuple[str, ...] = ()

    def as_dict(self) -> dict:
        """The shape :func:`~kg.query.listing.find_entity` reads (:meth:`to_dict`)."""
        return self.to_dict()


@dataclass(frozen=True)
class ArticleRecord(Record):
    """An article of the store with its counts (one line of ``kg articles``)."""

    id: str
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None
    entities: int = 0
    claims: int = 0


@dataclass(frozen=True)
class ClaimRecord(Record):
    """A claim of one article: who, what, whom, the sentence and its offsets (one line of
    ``kg claims``)."""

    iri: str
    article: str
    subject: EntityRef
    predicate: str
    object: EntityRef
    attributed_to: EntityRef | None
    amount: Amount | None
    date: str | None
    sentence: str
    start: int
    end: int
    confidence: float
    polarity: str
    method: str | None
    ended: bool
    end_date: str | None


@dataclass(frozen=True)
class StatementRecord(Record):
    """One (subject, predicate, object) however many articles report it, with its support
    (one line of ``kg statements``)."""

    iri: str
    subject: EntityRef
    predicate: str
    object: EntityRef
    support: int
    sources: tuple[str, ...]
    articles: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None
    amounts: tuple[Amount, ...]
    dates: tuple[str, ...]
    ended: bool
    end_dates: tuple[str, ...]
    denied_by: tuple[str, ...]
    claims: tuple[str, ...]


@dataclass(frozen=True)
class ConflictValue(Record):
    """One claim taking part in a conflict, with the value it gives."""

    value: Amount | str | None
    polarity: str
    article: str
    source: str | None
    published: str | None
    sentence: str
    claim: str


@dataclass(frozen=True)
class ConflictRecord(Record):
    """Reports of one statement that disagree (one line of ``kg conflicts --format jsonl``)."""

    _items: ClassVar[dict[str, type[Record]]] = {"values": ConflictValue}

    iri: str
    kind: str
    statement: str
    subject: EntityRef
    predicate: str
    object: EntityRef
    summary: str
    values: tuple[ConflictValue, ...]


@dataclass(frozen=True)
class TimelineRecord(Record):
    """A dated claim about an entity (one line of ``kg timeline``)."""

    date: str
    dated_by: str
    status: str
    subject: EntityRef
    predicate: str
    object: EntityRef
    other: EntityRef
    amount: Amount | None
    source: str | None
    article: str
    published: str | None
    sentence: str
    claim: str
