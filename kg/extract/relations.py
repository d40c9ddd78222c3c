"""Relations between entities, read from the dependency parse.

:func:`find_relations` walks the tokens of a document and hands each trigger
word to the finder of its construction (:mod:`kg.extract.verbs`,
:mod:`~kg.extract.nouns`, :mod:`~kg.extract.roles`); then, in passes of their
own, it reads each claim's polarity, types the names by the roles they play,
and keeps the claims whose arguments fit their predicate.
"""

from __future__ import annotations

from ..model import EntityType
from ..names import name_key
from ..predicates import PREDICATE, SYMMETRIC_PREDICATES
from .claims import RawClaim, Reading, keep_fitting, pairs, type_by_roles
from .context import Context
from .nouns import noun_claims
from .polarity import polarity
from .referents import noun_lemma, verb_lemma
from .resolve import DocEntities, DocEntity
from .roles import owner_claims, role_claims
from .rules import Rules
from .verbs import gap_claims, hyphen_claims, into_claims, joint_claims, sale_claims, verb_claims

__all__ = ["find_relations"]

ORG, PRODUCT = EntityType.ORGANIZATION, EntityType.PRODUCT


def find_relations(
    doc, ents: DocEntities, rules: Rules, quoted: dict | None = None
) -> list[RawClaim]:
    """Every relation the rules find in ``doc``; ``quoted`` gives the speaker of
    each quotation (:func:`kg.extract.attribution.quote_sources`)."""
    ctx = Context(doc, ents, rules, quoted or {})
    found: list[RawClaim] = []
    for tok in doc:
        found += _token_claims(ctx, tok)
    found += _makers_named(ctx)
    for c in found:
        c.polarity = polarity(c, rules)
    type_by_roles(found)
    found = keep_fitting(found)
    return _public_clients(_fit_domains(_drop_weak_deals(_drop_guesses(found))), rules)


def _token_claims(ctx: Context, tok) -> list[RawClaim]:
    """The claims whose trigger is ``tok``."""
    rules = ctx.rules
    out: list[RawClaim] = []
    lemma = verb_lemma(tok, rules)
    if tok.pos_ in ("VERB", "AUX") or (tok.tag_ in ("VBN", "VBD") and lemma in rules.verbs):
        if lemma in rules.verbs:
            out += verb_claims(ctx, tok) + gap_claims(ctx, tok)
        if lemma in rules.into:
            out += into_claims(ctx, tok)
        if lemma in rules.sales:
            out += sale_claims(ctx, tok)
        out += joint_claims(ctx, tok)
    elif (
        tok.pos_ in ("NOUN", "PROPN")
        or (tok.dep_ in ("amod", "compound") and tok.lemma_ in rules.roles)
    ) and ctx.at(tok) is None:
        lemma = noun_lemma(tok)
        if lemma in rules.nouns:
            out += noun_claims(ctx, tok)
        if lemma in rules.roles:
            out += role_claims(ctx, tok)
        if lemma in rules.sales:
            out += sale_claims(ctx, tok)
    if tok.lower_ in rules.hyphens:
        out += hyphen_claims(ctx, tok)
    e = ctx.at(tok)
    if e is not None and (tok.i + 1 == len(ctx.doc) or ctx.at(ctx.doc[tok.i + 1]) is not e):
        out += owner_claims(ctx, tok)
    return out


def _makers_named(ctx: Context) -> list[RawClaim]:
    """ "the Airbus A320", "a Toyota Prius": a product whose name begins with the
    name of an organisation of the story is that organisation's."""
    trig = next((t for t in ctx.rules.owned if t.predicate == "develops"), None)
    ents = ctx.ents.entities
    orgs = {name_key(m.text): e for e in ents if e.type == ORG for m in e.mentions}
    out: list[RawClaim] = []
    for e in ents:
        if trig is None or e.type != PRODUCT or not e.mentions:
            continue
        words = e.label.split()
        maker = next(
            (
                orgs[k]
                for n in range(len(words) - 1, 0, -1)
                for k in [name_key(" ".join(words[:n]))]
                if k in orgs
            ),
            None,
        )
        if maker is not None and maker is not e:
            tok = ctx.doc[e.mentions[0].start]
            out += pairs(trig, [maker], [e], tok, "name:maker", Reading.DESCRIPTION)
    return out


def _drop_guesses(claims: list[RawClaim]) -> list[RawClaim]:
    """A title's organisation guessed from the story gives way to one its sentence
    states for that person: "Oracle, run by chief executive Safra Catz" is
    Oracle's, whatever else the story is about."""

    def key(c):
        return c.subject.index, c.predicate, c.token.sent.start

    stated = {key(c) for c in claims if not c.guessed}
    return [c for c in claims if not c.guessed or key(c) not in stated]


def _drop_weak_deals(claims: list[RawClaim]) -> list[RawClaim]:
    """ "Acme will combine with Beta in an all-share deal": the deal is the merger,
    not a partnership too. A partnership read from a weak word ("deal",
    "agreement") gives way to another relation of the same pair in its sentence, and
    a maker does not offer what it makes ("sells its own Zintro brand")."""

    def pair(c):
        return frozenset((c.subject.index, c.object.index)), c.token.sent.start

    other = {pair(c) for c in claims if c.predicate != "partnerOf"}
    made = {
        (c.subject.index, c.object.index, c.token.sent.start)
        for c in claims
        if c.predicate == "develops"
    }
    return [
        c
        for c in claims
        if not (c.predicate == "partnerOf" and c.trigger.weak and pair(c) in other)
        and not (
            c.predicate == "offers"  # "sells the Maguary and Dafruta brands"
            and (c.subject.index, c.object.index, c.token.sent.start) in made
        )
    ]


def _fit_domains(claims: list[RawClaim]) -> list[RawClaim]:
    """Keep claims whose arguments have the types their predicate relates; a
    product standing for its maker ("Grok competes with ChatGPT", "Foundry added
    support for Grok") is replaced by the maker the article names."""
    makers: dict[int, DocEntity] = {}
    for c in claims:
        if c.predicate == "develops" and c.polarity == "asserted":
            makers.setdefault(c.object.index, c.subject)
    out = []
    for c in claims:
        row = PREDICATE[c.predicate]
        # a product stands for its maker as a rival or partner, not as a buyer or an
        # investor ("Fosters bought a stake": a company named like its lager)
        stands_in = c.predicate in SYMMETRIC_PREDICATES or c.predicate == "offers"
        if c.subject.type == PRODUCT and PRODUCT not in row.subject_types and stands_in:
            c.subject = makers.get(c.subject.index, c.subject)
        if c.object.type == PRODUCT and PRODUCT not in row.object_types:
            c.object = makers.get(c.object.index, c.object)
        if (
            c.subject.type in row.subject_types
            and c.object.type in row.object_types
            and c.subject is not c.object
        ):
            out.append(c)
    return out


def _public_clients(claims: list[RawClaim], rules: Rules) -> list[RawClaim]:
    """ "The Army will renegotiate a contract with ITT": a contract between a public
    body and a company is the company's, supplying the public body; a licence from a
    public body is a permit, not a contract."""

    def public(e: DocEntity) -> bool:
        return e.type == ORG and bool(
            {w.strip(".,").lower() for w in e.label.split()} & rules.words.public_body_words
        )

    out = []
    for c in claims:
        if c.trigger.permit and (public(c.subject) or public(c.object)):
            continue  # "its licence from the FCC": a regulator's licence, not a contract
        if c.predicate == "contractWith" and public(c.subject) and not public(c.object):
            c.subject, c.object = c.object, c.subject
        out.append(c)
    return out
