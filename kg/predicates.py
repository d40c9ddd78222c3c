"""The twelve claim predicates, one row each: every fact kg uses about a predicate.

Everything else is derived from :data:`TABLE`: the sets of symmetric, money and
one-off predicates, the argument types extraction keeps, the nouns that name an
event in a later sentence, the verbs that undo an event after it happened. The
tests tie the table to ``rdfs:domain``/``rdfs:range`` in ``ontologies/kg.ttl``
and to ``sh:in`` in ``ontologies/shapes.ttl``: adding a predicate is the
ontology plus one row here (and its trigger words in the rule files).

>>> PREDICATE["partnerOf"].symmetric, PREDICATE["acquires"].object_types
(True, (<EntityType.ORGANIZATION: 'Organization'>,))
>>> sorted(MONEY_PREDICATES)
['acquires', 'contractWith', 'investsIn', 'mergesWith', 'sues']
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import EntityType

__all__ = [
    "Predicate",
    "TABLE",
    "PREDICATE",
    "PREDICATES",
    "SYMMETRIC_PREDICATES",
    "MONEY_PREDICATES",
    "ONE_OFF_PREDICATES",
    "ONTOLOGY",
]

#: The namespace of the predicates (``nkg:`` in queries).
ONTOLOGY = "https://w3id.org/nkg/ontology#"

_PERSON, _ORG, _PRODUCT = EntityType.PERSON, EntityType.ORGANIZATION, EntityType.PRODUCT
_PARTY = (_ORG, _PERSON)

#: Verbs that undo a deal after it was made: the deal is still reported.
_DEAL_UNDONE = frozenset(
    {"abandon", "scrap", "block", "terminate", "cancel", "kill", "unwind", "halt", "drop", "call"}
)


@dataclass(frozen=True)
class Predicate:
    """What kg knows about one predicate."""

    name: str  # the local name in the ontology
    subject_types: tuple[EntityType, ...]
    object_types: tuple[EntityType, ...]
    symmetric: bool = False  # A rel B says B rel A
    money: bool = False  # its claims can carry a sum (a price, damages, a sum invested)
    one_off: bool = False  # it happens once, so two dates for it disagree
    #: nouns a later sentence names the event with ("The deal, worth $5bn, ..."), which
    #: lend the claim their sum and date
    event_nouns: frozenset[str] = frozenset()
    #: verbs that undo the event after it happened ("regulators blocked the takeover"):
    #: it is still reported, unlike a denial
    undone_by: frozenset[str] = frozenset()

    @property
    def iri(self) -> str:
        return ONTOLOGY + self.name


TABLE: tuple[Predicate, ...] = (
    Predicate(
        "partnerOf",
        _PARTY,
        _PARTY,
        symmetric=True,
        event_nouns=frozenset({"partnership", "deal", "agreement", "alliance", "collaboration"}),
    ),
    Predicate(
        "sues",
        _PARTY,
        _PARTY,
        money=True,
        one_off=True,
        event_nouns=frozenset({"lawsuit", "suit", "complaint", "case", "action", "damage"}),
        undone_by=frozenset({"dismiss", "drop", "settle", "withdraw", "reject", "throw"}),
    ),
    Predicate(
        "acquires",
        _PARTY,
        (_ORG,),
        money=True,
        one_off=True,
        event_nouns=frozenset(
            {"acquisition", "takeover", "purchase", "buyout", "deal", "transaction", "agreement"}
        ),
        undone_by=_DEAL_UNDONE,
    ),
    Predicate(
        "mergesWith",
        (_ORG,),
        (_ORG,),
        symmetric=True,
        money=True,
        one_off=True,
        event_nouns=frozenset({"merger", "deal", "transaction", "combination", "agreement"}),
        undone_by=_DEAL_UNDONE,
    ),
    Predicate(
        "investsIn",
        _PARTY,
        (_ORG,),
        money=True,
        event_nouns=frozenset({"investment", "stake", "round", "funding", "deal", "injection"}),
        undone_by=frozenset({"abandon", "scrap", "block", "unwind", "cancel"}),
    ),
    Predicate("founderOf", _PARTY, (_ORG,), one_off=True),
    Predicate("executiveOf", (_PERSON,), (_ORG,)),
    Predicate("subsidiaryOf", (_ORG,), (_ORG,)),
    Predicate("develops", _PARTY, (_PRODUCT,)),
    # not "contract": two parties often hold several, and a later "the contract" may be
    # another one
    Predicate(
        "contractWith",
        _PARTY,
        _PARTY,
        money=True,
        event_nouns=frozenset({"deal", "agreement", "licence", "license"}),
    ),
    Predicate("offers", (_ORG,), (_PRODUCT,)),
    Predicate("rivalOf", _PARTY, _PARTY, symmetric=True),
)

#: name -> row.
PREDICATE: dict[str, Predicate] = {p.name: p for p in TABLE}

#: The predicate names, in table order.
PREDICATES: tuple[str, ...] = tuple(PREDICATE)

SYMMETRIC_PREDICATES = frozenset(p.name for p in TABLE if p.symmetric)
MONEY_PREDICATES = frozenset(p.name for p in TABLE if p.money)
ONE_OFF_PREDICATES = frozenset(p.name for p in TABLE if p.one_off)
