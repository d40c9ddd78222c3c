"""Whether a claim is asserted, negated or hedged, from the words that govern it."""

from __future__ import annotations

from .lexicon import HEDGING_AUX, HEDGING_HEADS, NEGATING_HEADS, SPEECH_VERBS
from .referents import verb_lemma

__all__ = ["polarity"]

#: Conjunctions whose clause states a fact, whatever the main clause does.
_FACT_MARKS = frozenset({"after", "before", "because", "since", "when", "once", "until",
                         "while", "as"})

#: Adjectives that make an event noun unsettled ("planned" is not one: "called off its
#: planned purchase" reports an agreed deal).
_UNSETTLED = frozenset({"possible", "potential", "proposed", "rumoured", "rumored", "mooted",
                        "hypothetical", "prospective", "mulled"})

#: Heads that undo an event after it happened: the event is still reported ("regulators
#: blocked the acquisition", "the judge dismissed the lawsuit"), unlike a denial.
_UNDOING = {
    "acquires": frozenset({"abandon", "scrap", "block", "terminate", "cancel", "kill",
                           "unwind", "halt", "drop", "call"}),
    "mergesWith": frozenset({"abandon", "scrap", "block", "terminate", "cancel", "kill",
                             "unwind", "halt", "drop", "call"}),
    "investsIn": frozenset({"abandon", "scrap", "block", "unwind", "cancel"}),
    "sues": frozenset({"dismiss", "drop", "settle", "withdraw", "reject", "throw"}),
}


def polarity(tok, method: str = "", predicate: str | None = None) -> str:
    """asserted, negated or hedged, from the words that govern the trigger.

    A description ("its chief executive, Jane Doe", "xAI's Grok") holds whatever
    the sentence around it does, so only an event is read in its context; and
    seeking damages is how a lawsuit is stated, not a hedge.
    """
    if not method.startswith(("verb:", "noun:")):
        return "negated" if any(c.dep_ == "neg" for c in tok.children) else "asserted"
    if method.startswith("noun:") and any(c.dep_ == "amod" and c.lower_ in _UNSETTLED
                                          for c in tok.children):
        return "hedged"  # "the possible takeover", "a proposed merger"
    node, came_from = tok, None
    for _ in range(6):
        for c in node.children:
            if c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no"):
                return "negated"
            if c.dep_ == "aux" and c.lower_ in HEDGING_AUX:
                return "hedged"
            if c.dep_ == "mark" and c.lower_ in ("whether", "if"):
                return "hedged"  # "the question of whether Acme should buy Beta"
            if c.dep_ == "compound" and c.lemma_.lower() in HEDGING_HEADS:
                return "hedged"
            if c.dep_ == "prep" and c.lower_ == "in" and any(
                    p.dep_ == "pobj" and p.lemma_.lower() in HEDGING_HEADS for p in c.children):
                return "hedged"  # "is in talks, to buy Beta"
        lemma = verb_lemma(node)
        if node.i != tok.i and lemma == "offer" and came_from is not None \
                and came_from.dep_ == "xcomp":
            return "hedged"  # "offered to buy Beta": a bid, not a deal
        if node.i != tok.i:
            if lemma in _UNDOING.get(predicate, ()) and method.startswith("noun:"):
                return "asserted"  # it happened, then was undone
            if lemma in NEGATING_HEADS:
                return "negated"
            if lemma in HEDGING_HEADS and not method.startswith("noun:damage"):
                return "hedged"
            if lemma in SPEECH_VERBS:
                break
        if node.head.i == node.i or node.dep_ in ("relcl",):
            break
        if node.dep_ in ("advcl", "ccomp") and any(
                c.dep_ == "mark" and c.lower_ in _FACT_MARKS for c in node.children):
            break  # "relenting only after Acme sued him": what "after" says happened
        if node.pos_ in ("NOUN", "PROPN") and node.dep_ in ("nsubj", "nsubjpass"):
            # an event named as a subject is taken for granted ("does not expect the
            # merger to affect contracts" still says there is a merger), unless its own
            # verb denies it ("the acquisition did not happen", "the deal collapsed")
            verb = node.head
            if any(c.dep_ == "neg" for c in verb.children) or \
                    verb.lemma_.lower() in NEGATING_HEADS:
                return "negated"
            break
        came_from, node = node, node.head
    return "asserted"
