"""Claims read from descriptions: role nouns ("Sam Altman, OpenAI's chief
executive", "the ChatGPT maker", "Starlink, the satellite arm of SpaceX") in
apposition, after a copula, before a name or compounded with one, and an
organisation's own products ("xAI's Grok", "its Claude chatbot").

The *referent* holds the role (:func:`~kg.extract.referents.role_referent`);
the *related* party is the possessor, the "of"/"at" object or a name
compounded with the title.
"""

from __future__ import annotations

from ..model import EntityType
from ..predicates import SYMMETRIC_PREDICATES
from .claims import RawClaim, Reading, group, pairs
from .context import OBJ_DEPS, Context
from .nouns import trigger_applies
from .referents import (
    distinct,
    names_listed_before,
    noun_lemma,
    refer,
    role_referent,
    subject_of,
)
from .resolve import DocEntity
from .rules import Trigger
from .verbs import has_word, shares_of

__all__ = ["role_claims", "owner_claims"]

ORG, PERSON, PRODUCT = EntityType.ORGANIZATION, EntityType.PERSON, EntityType.PRODUCT


def role_claims(ctx: Context, tok) -> list[RawClaim]:
    """The claims of the role noun ``tok``: its holder in the role toward the
    related party."""
    lemma = noun_lemma(tok)
    first = _first_title(ctx, tok)
    referents = role_referent(ctx, first)
    out = []
    for trig in ctx.rules.roles.get(lemma, ()):
        if not trigger_applies(ctx, tok, trig):
            continue
        holders = (trig.named_holder and _named_holders(ctx, tok)) or referents
        related = [e for e in _related(ctx.avoiding(holders), tok, first, trig) if e not in holders]
        related = (
            related
            or _joined(ctx, tok)
            or _acting_on(ctx, tok, trig, holders)
            or _deal_partner(ctx, tok, trig)
        )
        if not related:
            related, holders = _named_by(ctx, tok, holders)
        method, guessed = f"role:{lemma}", False
        if (
            not related
            and trig.predicate in ("executiveOf", "founderOf")
            and not trig.public_office
            and _bare_title(ctx, tok, holders)
        ):
            story = ctx.ents.story_organisation(tok)
            related, guessed = distinct([story]), True
            method += ":context"
        if (
            not related
            and trig.predicate in SYMMETRIC_PREDICATES
            and len(holders) > 1
            and tok.dep_ in ("attr", "acomp", "oprd", "appos")
        ):
            # "Acme and Beta are partners"; not "sued rivals, including Acme and Beta"
            found = group(trig, holders, tok, method, Reading.DESCRIPTION)
        elif related:
            found = pairs(trig, holders, related, tok, method, Reading.DESCRIPTION)
        else:
            found = []
        past = _past(ctx, tok)
        for c in found:
            c.ended, c.guessed = past, guessed
        out += found
    return out


def _compounded(ctx: Context, tok) -> list[DocEntity]:
    """The names compounded with the noun, and those listed with them: "the Churchill,
    Privilege and Darwin brands"."""
    return distinct(
        [
            e
            for c in tok.children
            if c.dep_ in ("compound", "nmod") and ctx.at(c)
            for e in refer(ctx, c)
        ]
    )


def _named_holders(ctx: Context, tok) -> list[DocEntity]:
    """The names a kind noun is of: those compounded with it and those listed right
    before it ("under the Churchill, Privilege and Darwin brands")."""
    return distinct([*_compounded(ctx, tok), *names_listed_before(ctx, tok)])


def _first_title(ctx: Context, tok):
    """ "X, Acme's co-founder, chairman and largest shareholder": later titles share
    the holder and the company of the first; not "the ChatGPT maker and its chief
    executive, Sam Altman"."""
    first = tok
    while (
        first.dep_ == "conj"
        and noun_lemma(first.head) in ctx.rules.roles
        and not any(c.dep_ in ("poss", "det", "appos") for c in first.children)
    ):
        first = first.head
    return first


def _related(ctx: Context, tok, first, trig: Trigger) -> list[DocEntity]:
    """The party the title relates its holder to: "Acme's chief executive", "Acme
    chief executive", "chief executive of Acme"; "Microsoft CEO Satya Nadella",
    "Acme's rival Beta Corp" (a sibling modifier of the name)."""
    related: list[DocEntity] = []
    for c in [*tok.children, *(first.children if first.i != tok.i else ())]:
        if c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and ctx.at(c)):
            related += refer(ctx, c)
        elif c.dep_ == "prep" and c.lower_ in trig.preps:
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                if trig.object_word and ctx.at(p) is None and has_word(p, trig.object_word):
                    # "holder of 4.5 pct of Beta": the company the shares are of
                    related += shares_of(ctx, p, trig)
                else:
                    related += refer(ctx, p) or _unnamed_part_of(ctx, p, trig)
    named = ctx.at(tok.head) if tok.dep_ in ("compound", "amod") else None
    if named is not None:
        related += [
            ctx.at(c)
            for c in tok.head.children
            if c.dep_ in ("compound", "nmod", "poss")
            and c.i < tok.i
            and ctx.at(c)
            and ctx.at(c) is not named
        ]
        # "Endeavor, whose chief executive Ari Emanuel ...": "whose" on the name
        related += [
            e
            for c in tok.head.children
            if c.dep_ == "poss" and c.i < tok.i and c.lower_ == "whose"
            for e in refer(ctx, c)
            if e is not named
        ]
    return related


def _unnamed_part_of(ctx: Context, tok, trig: Trigger) -> list[DocEntity]:
    """ "head of Acme's insurance arm": a post in a company's unnamed part is a post
    at the company."""
    if trig.predicate != "executiveOf" or noun_lemma(tok) not in ctx.rules.unit_nouns:
        return []
    return [e for c in tok.children if c.dep_ == "poss" for e in refer(ctx, c) if e.type == ORG]


def _joined(ctx: Context, tok) -> list[DocEntity]:
    """ "joined Acme in 2010 as chief financial officer": Acme."""
    if not (
        tok.dep_ == "pobj"
        and tok.head.lower_ == "as"
        and tok.head.head.lemma_.lower() in ctx.rules.words.joining_verbs
    ):
        return []
    return [
        e
        for c in tok.head.head.children
        if c.dep_ in OBJ_DEPS
        for e in refer(ctx, c)
        if e.type == ORG
    ]


def _acting_on(ctx: Context, tok, trig: Trigger, holders) -> list[DocEntity]:
    """ "Acme is to buy rival Beta", "Acme beat rivals including Beta and Gamma": the
    subject of one of ``trig.acting_verbs`` whose object is the role noun, when the
    noun names its holders (not "undermine competitors that depend on Arm")."""
    while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head  # "under the Churchill, Privilege and Darwin brands" split by the parser
    if not trig.acting_verbs or tok.dep_ not in OBJ_DEPS + ("compound", "amod", "pobj"):
        return []
    named = ctx.at(tok.head) if tok.dep_ in ("compound", "amod") else None
    verb = (
        tok.head.head
        if named is not None and tok.head.dep_ in OBJ_DEPS or tok.dep_ == "pobj"
        else tok.head
    )  # "sells cover under the X brand"
    if (
        named is None
        and not any(
            c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ in ("including", "like")
            for c in tok.children
        )
        and not holders
    ):
        return []
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in trig.acting_verbs:
        return []
    return [e for e in subject_of(ctx, verb) if e not in holders]


def _deal_partner(ctx: Context, tok, trig: Trigger) -> list[DocEntity]:
    """ "its takeover of former parent Beta", "bought by former subsidiary Acme": a
    unit's or owner's title set before one party of a deal relates it to the other."""
    if trig.predicate != "subsidiaryOf":
        return []
    if tok.dep_ == "compound":
        name = tok.head  # the slot of the deal the named party fills
        if ctx.at(name) is None:
            return []
    elif any(c.dep_ in ("appos", "compound", "npadvmod") and ctx.at(c) for c in tok.children):
        name = tok  # "takeover of former parent AT&T" with the name hung on the title
    else:
        return []
    if name.dep_ == "pobj" and name.head.lower_ == "of":
        event = name.head.head
        if event.pos_ == "NOUN" and noun_lemma(event) in ctx.rules.words.deal_nouns:
            return [e for c in event.children if c.dep_ == "poss" for e in refer(ctx, c)]
        return []
    verb = name.head.head if name.dep_ == "pobj" and name.head.dep_ == "agent" else None
    if verb is None and name.dep_ == "dobj":
        verb = name.head
    if verb is None or not any(
        t.predicate == "acquires" for t in ctx.rules.verbs.get(verb.lemma_.lower(), ())
    ):
        return []
    if name.dep_ == "dobj":
        return subject_of(ctx, verb)
    passive = [e for c in verb.children if c.dep_ == "nsubjpass" for e in refer(ctx, c)]
    if not passive and verb.dep_ == "acl":
        passive = refer(ctx, verb.head)  # "AT&T, being bought by former subsidiary SBC"
    return passive or subject_of(ctx, verb)


def _named_by(ctx: Context, tok, holders: list[DocEntity]):
    """ "Acme named Jane Doe (as) chief executive", "Acme won Beta as a customer": of
    the organisation that named her, that won it. Returns (related, holders)."""
    as_role = tok.dep_ == "pobj" and tok.head.lower_ == "as"
    namer = tok.head.head if as_role else (tok.head if tok.dep_ in ("oprd", "dobj") else None)
    if namer is None or namer.pos_ != "VERB" or any(c.dep_ == "nsubjpass" for c in namer.children):
        return [], holders
    naming = namer.lemma_.lower() in ctx.rules.words.naming_verbs
    if not (naming or as_role and any(c.dep_ in OBJ_DEPS for c in namer.children)):
        return [], holders
    related = [e for e in subject_of(ctx, namer) if e.type == ORG]
    return related, [e for e in holders if e not in related]


def _past(ctx: Context, tok) -> bool:
    """ "former chief executive", "ex-partner"."""
    return any(c.lower_ in ctx.rules.words.past_role_words for c in tok.children) or (
        tok.i >= 2 and ctx.doc[tok.i - 1].text == "-" and ctx.doc[tok.i - 2].lower_ == "ex"
    )


def _bare_title(ctx: Context, tok, referents) -> bool:
    """A title held by a named person with no organisation said: before the name,
    beside it with "the" or "a", after "as", or after "become"."""
    if not any(e.type == PERSON for e in referents):
        return False
    if any(
        c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN" and ctx.at(c) is None
        for c in tok.children
    ):
        return False  # "National Bureau of Statistics chief Li Deshui": a body unnamed
    if tok.dep_ == "compound" and ctx.at(tok.head):
        return True
    if any(c.dep_ == "appos" and ctx.at(c) for c in tok.children):
        return True
    title = tok.head if tok.dep_ == "nmod" and tok.head.dep_ == "appos" else tok
    if title.dep_ == "appos" and any(c.lower_ in ("the", "a", "an") for c in title.children):
        return True
    if tok.dep_ == "attr" and tok.head.lemma_ == "become":
        return True  # "will become chief executive on Jan. 1"
    return tok.dep_ == "pobj" and tok.head.lower_ == "as"


# --------------------------------------------------------------------- products
def owner_claims(ctx: Context, tok) -> list[RawClaim]:
    """What an organisation owns, named with its possessive: its products ("xAI's Grok
    models", "its Claude chatbot", "Azure, Microsoft's cloud platform", "DeepSeek-R1,
    the reasoning model from DeepSeek", "the start-up behind the Grok chatbot") and its
    companies ("Comcast's NBCUniversal", "Acme's budget airline, Beta Air")."""
    thing = ctx.at(tok)
    if thing is None:
        return []
    out = []
    for trig in ctx.rules.owned:
        types = trig.subject_types if trig.reverse else trig.object_types
        if thing.type not in types:
            continue
        owners = (
            _product_owners(ctx, tok, thing)
            if thing.type == PRODUCT
            else _company_owners(ctx, tok, thing)
        )
        out += pairs(
            trig, owners, [thing], tok, f"poss:{thing.type.value.lower()}", Reading.DESCRIPTION
        )
    return out


def _product_owners(ctx: Context, tok, product: DocEntity) -> list[DocEntity]:
    nouns = _product_nouns(ctx, tok)
    words = ctx.rules.words
    owners = [e for n in nouns for c in n.children if c.dep_ == "poss" for e in refer(ctx, c)]
    owners += [
        e
        for n in nouns
        if n.i == tok.i or noun_lemma(n) in words.product_nouns
        for c in n.children
        if c.dep_ == "prep" and c.lower_ in ("from", "by")
        for p in c.children
        if p.dep_ == "pobj"
        for e in refer(ctx, p)
        if e.type == ORG
    ]
    owners += [
        e
        for n in nouns
        if n.dep_ == "pobj" and n.head.lower_ == "behind"
        for e in refer(ctx, n.head.head)
        if e.type == ORG
    ]
    owners += _possessor_before(ctx, tok, product)
    owners += _other_maker(ctx, tok, product)
    return distinct(owners)


def _company_owners(ctx: Context, tok, company: DocEntity) -> list[DocEntity]:
    """ "Comcast's NBCUniversal" (not "Acme's Beta stake": a name that modifies
    another noun), "Acme's budget airline, Beta Air" (a company noun with a
    possessive, set beside the name)."""
    org_nouns = ctx.rules.words.org_nouns
    if tok.dep_ in ("compound", "amod", "nmod") and noun_lemma(tok.head) not in org_nouns:
        return []
    if company.label.split()[-1].lower() in ctx.rules.words.body_name_words:
        return []  # "the Bank's Monetary Policy Committee": a body of the bank, no unit
    owners = _possessor_before(ctx, tok, company)
    noun = tok.head if tok.dep_ == "appos" else None
    if (
        noun is not None
        and noun.pos_ == "NOUN"
        and noun_lemma(noun) in org_nouns
        and noun_lemma(noun) not in ctx.rules.roles
        and not any(
            noun_lemma(c) in ctx.rules.roles
            for c in noun.children
            if c.dep_ in ("compound", "amod")
        )
    ):  # "its parent company, Beta"
        owners += [e for c in noun.children if c.dep_ == "poss" for e in refer(ctx, c)]
    return distinct([e for e in owners if e is not company])


def _product_nouns(ctx: Context, tok) -> list:
    """The words that may carry the product's owner: the name, the noun it is
    compounded with or set beside, the first of a list of products with its own
    possessive ("its own Apple Watch and Apple Pay"; not "OpenAI's GPT-4o and
    DeepSeek-R1"), an apposition ("Azure, Microsoft's cloud platform"; not a list
    "Sony's PlayStation, Microsoft's X-Box")."""
    words = ctx.rules.words
    nouns = [tok]
    if tok.dep_ in ("compound", "appos") or noun_lemma(tok.head) in words.product_nouns:
        nouns.append(tok.head)
    first = tok
    while first.dep_ == "conj" and first.head.pos_ == "PROPN":
        first = first.head
        if any(c.dep_ == "poss" and c.pos_ == "PRON" for c in first.children):
            nouns.append(first)
    if (
        first is not tok
        and first.dep_ in ("compound", "nmod")
        and noun_lemma(first.head) in words.product_nouns
    ):
        nouns.append(first.head)  # "its Celebrex and Bextra products": Bextra too
    nouns += [
        c
        for c in tok.children
        if c.dep_ == "appos"
        and not c.ent_type_
        and (c.pos_ == "NOUN" or c.lower_ in words.product_nouns)
    ]
    listing = first.head if first.dep_ == "pobj" else None
    if (
        listing is not None
        and listing.lower_ in ("including", "like")
        and noun_lemma(listing.head) in words.product_nouns
        and listing.head.tag_ == "NNS"
    ):
        nouns.append(listing.head)  # "Beta's programmes, including Zorin and Kestrel"
    return nouns


def _other_maker(ctx: Context, tok, product: DocEntity) -> list[DocEntity]:
    """ "Pepsi, 7UP and other PepsiCo drinks": the maker named in the list's last
    phrase, read from the words, whatever the parse."""
    doc = ctx.doc
    ends = [m.end for m in product.mentions if m.start <= tok.i < m.end]
    i = ends[0] if ends else tok.i + 1
    for _ in range(12):
        if i + 2 >= len(doc) or not (
            doc[i].text == ","
            or doc[i].lower_ == "and"
            or ctx.at(doc[i])
            or doc[i].pos_ in ("PROPN", "NUM")
        ):
            break
        i += 1
    if i + 2 < len(doc) and doc[i].lower_ == "other" and doc[i - 1].lower_ in (",", "and"):
        maker = ctx.at(doc[i + 1])
        j = max(m.end for m in maker.mentions if m.start <= i + 1 < m.end) if maker else i
        if (
            maker is not None
            and maker.type == ORG
            and j < len(doc)
            and noun_lemma(doc[j]) in ctx.rules.words.product_nouns
        ):
            return [maker]
    return []


def _possessor_before(ctx: Context, tok, product: DocEntity) -> list[DocEntity]:
    """ "Meta's Llama", "the Airbus A320" read from the words, whatever the parse."""
    spans = [m.start for m in product.mentions if m.start <= tok.i < m.end]
    first = min(spans) if spans else tok.i
    if first >= 2 and ctx.doc[first - 1].tag_ == "POS":
        owner = ctx.at(ctx.doc[first - 2])
        if owner is not None and owner.type == ORG:
            return [owner]
    before = ctx.doc[first - 1] if first >= 1 else None
    if before is not None and before.dep_ in ("compound", "nmod") and before.pos_ == "PROPN":
        owner = ctx.at(before)  # "30 Airbus A320 planes", "the Apple iPhone"
        if owner is not None and owner.type == ORG and owner is not product:
            return [owner]
    return []
