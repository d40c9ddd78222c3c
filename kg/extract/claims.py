"""Raw claims: what an argument finder read, before polarity, types and qualifiers.

A finder pairs the agents and patients it found for a trigger
(:func:`pairs`, :func:`group`); the roles the arguments play then type the
names NER alone typed (:func:`type_by_roles`), and the claims whose
arguments do not fit their trigger are dropped (:func:`keep_fitting`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from itertools import combinations

from ..model import EntityType, Polarity
from ..predicates import PREDICATE, SYMMETRIC_PREDICATES
from .resolve import DocEntity
from .rules import Trigger

__all__ = ["Reading", "RawClaim", "pairs", "group", "type_by_roles", "keep_fitting"]

ORG, PERSON, PRODUCT = EntityType.ORGANIZATION, EntityType.PERSON, EntityType.PRODUCT
_PARTY_TYPES = (ORG, PERSON, PRODUCT)


class Reading(Enum):
    """How a claim was read: from an event (a verb or an event noun), which a
    sentence can deny, hedge, date or attribute to a source; or from a
    description ("Acme's chief executive", "xAI's Grok"), which holds whatever
    the sentence around it says."""

    VERB = "verb"
    NOUN = "noun"
    DESCRIPTION = "description"

    @property
    def event(self) -> bool:
        return self is not Reading.DESCRIPTION


@dataclass
class RawClaim:
    """One claim read from the parse, with what later passes need to know of it."""

    subject: DocEntity
    predicate: str
    object: DocEntity
    token: object  # the trigger token
    trigger: Trigger
    reading: Reading
    method: str  # the rule that found it, for provenance only: "verb:acquire:passive"
    confidence: float
    polarity: Polarity = Polarity.ASSERTED
    shared: bool = False  # one of several parties named together (amounts are not split)
    ended: bool = False  # the relation no longer holds
    end_dated: bool = False  # the trigger's time phrase dates the end ("resigned in 2021")
    guessed: bool = False  # a bare title's organisation, guessed from the story
    undated: bool = False  # a state before the event the sentence dates ("sold its unit")


def pairs(
    trig: Trigger,
    agents: list[DocEntity],
    patients: list[DocEntity],
    tok,
    method: str,
    reading: Reading,
) -> list[RawClaim]:
    """A claim for each agent and patient (swapped when ``trig.reverse``); with no
    patient, a symmetric trigger joins its agents to each other ("Acme and Beta
    partnered")."""
    # a trigger that needs its preposition relates the subject to that preposition's
    # object, never its subjects to each other ("A, B and C merged, creating a group with")
    if (
        not patients
        and trig.predicate in SYMMETRIC_PREDICATES
        and len(agents) > 1
        and not trig.needs_prep
    ):
        return group(trig, agents, tok, method, reading)
    # a sum is not split between several payers ("raised $50m from A and B")
    payers = [
        e
        for e in (patients if trig.reverse and trig.money_object else agents)
        if e.type in (ORG, PERSON)
    ]
    out = []
    for a in agents:
        for p in patients:
            s, o = (p, a) if trig.reverse else (a, p)
            out.append(
                RawClaim(
                    s,
                    trig.predicate,
                    o,
                    tok,
                    trig,
                    reading,
                    method,
                    trig.confidence,
                    shared=len(payers) > 1,
                )
            )
    return out


def group(
    trig: Trigger, members: list[DocEntity], tok, method: str, reading: Reading
) -> list[RawClaim]:
    """Every two of ``members`` in a symmetric relation. A weak word ("deal",
    "effort") joins organisations, not the people named with it."""
    members = [m for m in members if m.type == ORG or (m.type == PERSON and not trig.weak)]
    return [
        RawClaim(a, trig.predicate, b, tok, trig, reading, method + ":group", trig.confidence - 0.1)
        for a, b in combinations(members, 2)
        if a is not b
    ]


def type_by_roles(claims: list[RawClaim]) -> None:
    """What a name does outweighs NER's guess: the founder of "Twitch" makes it a
    company, "the maker of Fortnite" and "builds the Leaf" make products,
    "acquired Britvic" and "merged with Beta" make companies. Each claim votes for
    the type its trigger (or else its predicate) allows each argument, when it
    allows one, and a product doing what only parties do for a company ("AbbVie
    bought Cerevel"); a name all of whose votes agree takes that type. Only a type NER
    alone gave is changed, only between parties and products; a full personal
    name stays a person, a lone word is made no person, a known place stays a
    place, and a model's name with a number ("A320") a product."""
    votes: dict[int, tuple[DocEntity, set[EntityType]]] = {}
    for c in claims:
        if c.guessed:
            continue  # the organisation of a bare title, guessed from the story
        row = PREDICATE[c.predicate]
        roles = (
            (c.subject, c.trigger.subject_types or row.subject_types),
            (c.object, c.trigger.object_types or row.object_types),
        )
        for (e, types), (other, other_types) in (roles, roles[::-1]):
            # only a claim whose other argument fits votes ("said Jane Doe, selling
            # Beta" makes no product of Beta)
            if other.type not in other_types:
                continue
            if len(types) == 1:
                votes.setdefault(e.index, (e, set()))[1].add(types[0])
            elif e.type == PRODUCT and PRODUCT not in types and ORG in types:
                # "AbbVie agreed to buy Cerevel": no product buys; a company does
                votes.setdefault(e.index, (e, set()))[1].add(ORG)
    for e, types in votes.values():
        if len(types) == 1:
            _retype(e, next(iter(types)))


def _retype(e: DocEntity, typ: EntityType) -> None:
    if (
        e.type == typ
        or not e.weakly_typed
        or e.known_place
        or e.type not in _PARTY_TYPES
        or typ not in _PARTY_TYPES
    ):
        return
    if e.type == PERSON and " " in e.label or typ == PERSON and " " not in e.label:
        return  # "Jane Doe" is a person whatever a misparse makes her do; "Beta" is none
    if e.type == PRODUCT and any(ch.isdigit() for ch in e.label):
        return  # "bought 20 A320s": a model's name, not a company's
    e.type = typ


def keep_fitting(claims: list[RawClaim]) -> list[RawClaim]:
    """The claims whose two arguments are distinct parties or products of the types
    their trigger allows."""
    return [
        c
        for c in claims
        if c.subject is not c.object
        and c.subject.type in _PARTY_TYPES
        and c.object.type in _PARTY_TYPES
        and (not c.trigger.subject_types or c.subject.type in c.trigger.subject_types)
        and (not c.trigger.object_types or c.object.type in c.trigger.object_types)
    ]
