"""Whether a claim is asserted, negated or hedged, from the words that govern it."""

from __future__ import annotations

from ..model import Polarity
from ..predicates import PREDICATE
from .claims import RawClaim, Reading
from .referents import verb_lemma
from .rules import Rules

__all__ = ["polarity"]

ASSERTED, NEGATED, HEDGED = Polarity.ASSERTED, Polarity.NEGATED, Polarity.HEDGED


def polarity(claim: RawClaim, rules: Rules) -> Polarity:
    """asserted, negated or hedged, from the words that govern the trigger.

    A description ("its chief executive, Jane Doe", "xAI's Grok") holds whatever
    the sentence around it does, so only an event is read in its context.
    """
    tok = claim.token
    if not claim.reading.event:
        return NEGATED if any(c.dep_ == "neg" for c in tok.children) else ASSERTED
    words = rules.words
    if claim.reading is Reading.VERB and any(
        c.dep_ in ("dobj", "obj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
        for c in tok.children
    ):
        return NEGATED  # "holds no stake in Beta"
    if claim.reading is Reading.NOUN and any(
        c.dep_ == "amod" and c.lower_ in words.unsettled_words for c in tok.children
    ):
        return HEDGED  # "the possible takeover", "a proposed merger"
    if (
        claim.reading is Reading.NOUN
        and tok.lemma_.lower() in words.contest_nouns
        and tok.head.lemma_.lower() != "win"
    ):
        return HEDGED  # "a bidding war for Beta" is a bid until it is won
    node, came_from = tok, None
    for _ in range(6):
        found = _marked(node, words)
        if found is None and node.i != tok.i:
            found = _governed(claim, node, came_from, rules)
            if found is None and verb_lemma(node, rules) in words.speech_verbs:
                break  # what a speaker reports is not governed by the words above
        if found is not None:
            return found
        if _stops(node, words):
            break
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("nsubj", "nsubjpass"):
            return _subject_event(node, words)
        came_from, node = node, node.head
    return ASSERTED


def _marked(node, words) -> Polarity | None:
    """What the children of ``node`` say: "not", "no", "could", "whether", "in talks"."""
    for c in node.children:
        if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
            return NEGATED
        if c.dep_ == "aux" and c.lower_ in words.hedging_aux:
            return HEDGED
        if c.dep_ == "mark" and c.lower_ in ("whether", "if"):
            return HEDGED  # "the question of whether Acme should buy Beta"
        if c.dep_ == "compound" and c.lemma_.lower() in words.hedging_heads:
            return HEDGED
        if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() in words.hedging_heads:
            return HEDGED  # "held talks with Beta on forming a venture to buy Gamma"
        if (
            c.dep_ == "prep"
            and c.lower_ == "in"
            and any(
                p.dep_ == "pobj" and p.lemma_.lower() in words.hedging_heads for p in c.children
            )
        ):
            return HEDGED  # "is in talks, to buy Beta"
    return None


def _governed(claim: RawClaim, node, came_from, rules: Rules) -> Polarity | None:
    """What a head above the trigger does to it: "offered to buy" (a bid), "blocked
    the takeover" (it happened, then was undone), "denied", "considering", and
    "seeking damages" (how a lawsuit is stated, not a hedge)."""
    lemma = verb_lemma(node, rules)
    words = rules.words
    if (
        node.lemma_.lower() in words.ending_nouns
        and came_from is not None
        and came_from.dep_ == "prep"
    ):
        return ASSERTED  # "negotiated an end to its alliance with Beta": there was one
    if lemma == "offer" and came_from is not None and came_from.dep_ == "xcomp":
        return HEDGED  # "offered to buy Beta": a bid, not a deal
    if lemma in PREDICATE[claim.predicate].undone_by and claim.reading is Reading.NOUN:
        return ASSERTED
    if lemma in words.negating_heads:
        return NEGATED
    if lemma in words.hedging_heads and not claim.trigger.damages:
        return HEDGED
    return None


def _stops(node, words) -> bool:
    """Whether the words above ``node`` no longer govern the claim: the root, a
    relative clause, or a clause of fact ("relenting only after Acme sued him":
    what "after" says happened)."""
    if node.head.i == node.i or node.dep_ == "relcl":
        return True
    return node.dep_ in ("advcl", "ccomp") and any(
        c.dep_ == "mark" and c.lower_ in words.fact_marks for c in node.children
    )


def _subject_event(node, words) -> Polarity:
    """An event named as a subject is taken for granted ("does not expect the merger
    to affect contracts" still says there is a merger), unless its own verb denies
    it ("the acquisition did not happen", "the deal collapsed") or a modal makes one
    not yet named a supposition ("a merger of Acme and Beta would create ...")."""
    verb = node.head
    if any(c.dep_ == "neg" for c in verb.children) or verb.lemma_.lower() in words.negating_heads:
        return NEGATED
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in node.children) and any(
        c.dep_ == "aux" and c.lower_ in words.hedging_aux | words.conditional_aux
        for c in verb.children
    ):
        return HEDGED  # "a merger between Acme and Beta would be the biggest": none yet
    return ASSERTED
