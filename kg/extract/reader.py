"""One parsed document -> its entities and claims, as plain records.

The steps, each a module of its own: names (:mod:`~kg.extract.mentions`), one
entity per name (:mod:`~kg.extract.resolve`), who said what
(:mod:`~kg.extract.attribution`), relations (:mod:`~kg.extract.relations`), and
the sums and dates claims carry (:mod:`~kg.extract.qualifiers`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from ..model import Claim, Entity, Polarity
from ..predicates import MONEY_PREDICATES, SYMMETRIC_PREDICATES
from .attribution import quote_sources, sentence_sources
from .claims import RawClaim
from .confidence import measured
from .context import Context
from .gazetteer import Gazetteer
from .mentions import add_repeated_names, add_untagged_names, find_mentions
from .qualifiers import carry, claim_amount, claim_date
from .referents import noun_lemma, refer
from .relations import find_relations
from .resolve import resolve_mentions
from .rules import Rules

__all__ = ["ReadOptions", "read_doc"]


@dataclass(frozen=True)
class ReadOptions:
    """What :func:`read_doc` needs besides the doc: the rules, and what the article
    says about itself."""

    rules: Rules
    gazetteer: Gazetteer
    published: date | None = None  # relative dates ("on Tuesday") resolve against it
    outlet: str | None = None  # the article's source, an organisation where named
    curation: object = None  # a person's merges and aliases (kg.curation.Curation)


def read_doc(doc, options: ReadOptions) -> tuple[tuple[Entity, ...], tuple[Claim, ...]]:
    """The entities and claims of a parsed document."""
    rules = options.rules
    mentions = find_mentions(doc, options.gazetteer, rules, options.outlet)
    mentions = add_repeated_names(doc, add_untagged_names(doc, mentions, rules), rules)
    ents = resolve_mentions(
        doc,
        mentions,
        options.gazetteer,
        options.curation,
        rules.words.speech_verbs,
        rules.words.distinct_name_words,
        rules.words.org_name_words,
    )
    ctx = Context(doc, ents, rules)

    def led(tok):
        """ "A group led by Jane Doe said ...": the one who leads the speaking group."""
        if noun_lemma(tok) not in rules.words.group_nouns:
            return None
        found = refer(ctx, tok)
        return found[0] if len(found) == 1 else None

    said = {s.start: sentence_sources(s, ents, led) for s in doc.sents}
    ents.sources = _source_only(said, ents)
    quoted = quote_sources(doc, said)
    claims: dict[tuple, tuple[Claim, RawClaim]] = {}
    text = doc.text  # built anew on each access
    for raw in find_relations(doc, ents, rules, quoted):
        claim = _claim(raw, text, said, options, quoted)
        key = (claim.subject, claim.predicate, claim.object, claim.sentence_start)
        claims[key] = (
            (_merge(claims[key][0], claim), claims[key][1]) if key in claims else (claim, raw)
        )
    found = carry(list(claims.values()), doc, ents, options.published, rules)
    return ents.records(), tuple(found)


def _merge(a: Claim, b: Claim) -> Claim:
    """One claim found twice in a sentence: the more confident reading, with what
    either reading knows of its time."""
    best, other = (a, b) if a.confidence >= b.confidence else (b, a)
    return replace(
        best,
        ended=a.ended or b.ended,
        end_date=best.end_date or other.end_date,
        date=best.date or other.date if not (a.ended or b.ended) else best.date,
        amount=best.amount or other.amount,
        attributed_to=best.attributed_to or other.attributed_to,
    )


def _source_only(said: dict[int, list], ents) -> set[int]:
    """Entities named only as the source of reported speech (an outlet that
    "reported"), never as an actor: poor antecedents for "the company"."""
    speaking: set[int] = set()
    for found in said.values():
        for _, _, phrase in found:
            speaking.update(t.i for t in phrase.subtree)
    return {
        e.index
        for e in ents.entities
        if all(i in speaking for m in e.mentions for i in range(m.start, m.end))
    }


def _claim(raw: RawClaim, text: str, said, options: ReadOptions, quoted) -> Claim:
    sent = raw.token.sent
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    s, o = raw.subject.key, raw.object.key
    if raw.predicate in SYMMETRIC_PREDICATES and o < s:
        s, o = o, s
    # the measured precision of the mechanism that found it, else its rule's own figure
    base = measured(options.rules.confidence, raw.method) or raw.confidence
    confidence = base - (0.2 if raw.polarity == Polarity.HEDGED else 0.0)
    when = claim_date(raw, sent, options.published, options.rules)
    # a verb of leaving dates the end of the relation, not its start
    return Claim(
        subject=s,
        predicate=raw.predicate,
        object=o,
        sentence=text[start:end],
        sentence_start=start,
        sentence_end=end,
        attributed_to=_source(raw, said.get(sent.start, ()), quoted, options.rules.words),
        amount=claim_amount(raw, sent, options.rules)
        if raw.predicate in MONEY_PREDICATES
        else None,
        date=None if raw.end_dated or raw.undated else when,
        confidence=round(max(0.05, min(1.0, confidence)), 2),
        polarity=raw.polarity.value,
        method=raw.method,
        ended=raw.ended,
        end_date=when if raw.end_dated else None,
    )


def _source(raw: RawClaim, found, quoted, words) -> str | None:
    """Who the sentence says the claim comes from: the subject of a speech verb that
    reports it, "according to X", or the speaker of the quotation it stands in.

    A description, or background in a relative clause ("Musk, who co-founded OpenAI,
    ..."), is the article's own voice, unless a party speaks of its own action: "Acme
    said it agreed to sell its Beta unit" (Acme says Beta is its unit), "Acme said it
    was pleased with Beta, in which it bought a stake". What the report takes as given
    ("said it would cut jobs following its takeover of Beta") is not what it reports,
    nor is a clause joined to the speech verb ("X said ..., but Acme sued Beta").
    """
    tok = raw.token
    background = not raw.reading.event or any(t.dep_ == "relcl" for t in (tok, *tok.ancestors))
    for entity, verb, phrase in found:
        # what the speech verb reports, not the speaker's own description
        # ("said Jane Doe, Acme's chief executive")
        scope = verb.head if verb.lower_ == "according" else verb
        reported = tok in scope.subtree or (
            # a closing "..., the Post reported." governs the sentence before it
            verb.i > tok.i and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children)
        )
        if verb.i == tok.i or not reported or tok in phrase.subtree:
            continue
        path = _heads_below(tok, scope)
        if path[-1].dep_ == "conj" or any(t.lower_ in words.presupposing_words for t in path):
            continue  # "X said ..., but Acme has sued Beta": a clause of its own
        if not background:
            return entity.key
        if entity.key in (raw.subject.key, raw.object.key) and (
            # a relative clause's own event, or a description within what the party
            # says it did (not within its opinion: "claims it was punished for the
            # ambitions of its founder X" is no report of who founded it)
            raw.reading.event or any(t.pos_ == "VERB" for t in path[1:])
        ):
            return entity.key
    for (start, end), speaker in quoted.items():
        if start <= tok.idx < end:
            return speaker.key
    return None


def _heads_below(tok, top) -> list:
    """``tok`` and its heads up to, not including, ``top``."""
    out = [tok]
    for t in tok.ancestors:
        if t.i == top.i:
            break
        out.append(t)
    return out
