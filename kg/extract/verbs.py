"""Claims read from verbs: the active and passive voice, relative and reduced
relative clauses, gaps ("the company Musk founded"), products built into
others, sales, joint action, and hyphenated participles ("Musk-founded").

Each function takes the document's :class:`~kg.extract.context.Context` and a
token, and returns :class:`~kg.extract.claims.RawClaim` records.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import EntityType
from .claims import RawClaim, Reading, group, pairs
from .context import OBJ_DEPS, SUBJ_DEPS, Context
from .money import find_money
from .referents import distinct, noun_lemma, refer, role_referent, subject_of, verb_lemma
from .resolve import DocEntity
from .rules import Trigger

__all__ = [
    "verb_claims",
    "gap_claims",
    "into_claims",
    "sale_claims",
    "joint_claims",
    "hyphen_claims",
    "is_sum",
    "has_word",
    "shares_of",
]

ORG, PRODUCT = EntityType.ORGANIZATION, EntityType.PRODUCT


def verb_claims(ctx: Context, tok) -> list[RawClaim]:
    """ "Acme acquired Beta", "Beta was acquired by Acme", "Acme, which acquired Beta",
    "Beta, acquired by Acme", "Acme invested $5bn in Beta"."""
    out = []
    lemma = verb_lemma(tok, ctx.rules)
    for trig in ctx.rules.verbs.get(lemma, ()):
        if not _verb_applies(ctx, tok, trig):
            continue
        passive = _is_passive(tok, trig)
        if passive:
            agents, patients = _passive_arguments(ctx, tok)
            if not trig.direct and not _stranded(tok, trig):
                patients = []  # "the Mac made by Apple" is no partner of Apple's
            reading_ctx = ctx
        else:
            subjects = subject_of(ctx, tok)
            reading_ctx = ctx.avoiding(subjects)
            agents = subjects + _alongside(reading_ctx, tok, trig)
            patients = _active_patients(reading_ctx, tok, trig)
        patients += _role_left(reading_ctx, tok) if trig.ends else []
        patients += _prep_patients(reading_ctx, tok, trig)
        method = f"verb:{lemma}" + (":passive" if passive else "")
        found = pairs(trig, agents, patients, tok, method, Reading.VERB)
        if trig.together and len(patients) > 1:
            found += group(trig, patients, tok, method, Reading.VERB)
        objects = [c for c in tok.children if c.dep_ in OBJ_DEPS]
        if lemma in ctx.rules.sales and any(_majority(c) or _whole_stock(c) for c in objects):
            found = []  # "sold the stock of its Beta unit": the buyer's, see sale_claims
        majority = trig.majority and any(_majority(c) for c in objects)
        for c in found:
            c.ended = c.end_dated = trig.ends
            if majority:
                c.predicate, c.method = trig.majority, method + ":majority"
        out += found
    return out


def _verb_applies(ctx: Context, tok, trig: Trigger) -> bool:
    """Whether the verb has what its trigger requires: a particle ("take over"), an
    object word ("join forces"), a sum ("put $2bn into"), a preposition or none."""
    if trig.particle and not any(
        c.dep_ in ("prt", "advmod") and c.lower_ == trig.particle for c in tok.children
    ):
        return False
    objects = [c for c in tok.children if c.dep_ in OBJ_DEPS]
    if trig.object_word and not any(has_word(c, trig.object_word) for c in objects):
        return False
    if trig.money_object and not any(is_sum(c, ctx) for c in objects):
        return False
    preps = {c.lower_ for h in [tok, *objects] for c in h.children if c.dep_ in ("prep", "dative")}
    if trig.needs_prep and trig.needs_prep not in preps:
        return False
    return not (trig.bars_prep and trig.bars_prep in preps)


def _is_passive(tok, trig: Trigger) -> bool:
    """ "was acquired by", and a participle modifying a noun ("Beta, acquired by Acme",
    "technology developed for Starlink"); not a main verb misread as one ("Acme
    partnered with Beta": the name right before it is its subject)."""
    if any(c.dep_ in ("nsubjpass", "auxpass", "agent") for c in tok.children):
        return True
    if tok.tag_ != "VBN" or tok.i == 0:
        return False
    if tok.dep_ == "acl":
        return trig.direct or tok.nbor(-1).pos_ == "NOUN"
    return (
        tok.dep_ == "xcomp"
        and tok.nbor(-1).pos_ == "NOUN"
        and not any(c.dep_ == "aux" for c in tok.children)
    )


def _stranded(tok, trig: Trigger) -> bool:
    """ "Beta was invested in by Acme": the trigger's preposition with no object of its
    own, so the passive subject is its object."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in trig.preps
        and not any(p.dep_ == "pobj" for p in c.children)
        for c in tok.children
    )


def _passive_arguments(ctx: Context, tok) -> tuple[list[DocEntity], list[DocEntity]]:
    """The "by" phrase and the passive subject, or the noun a participle modifies:
    "co-founded by X and run by Y", "For OpenAI, led by chief executive Sam Altman",
    "Beta agreed to be acquired by Acme"."""
    agents: list[DocEntity] = []
    patients: list[DocEntity] = []
    for c in tok.children:
        if c.dep_ == "agent":
            agents += [e for p in c.children if p.dep_ == "pobj" for e in refer(ctx, p)]
        if c.dep_ == "nsubjpass":
            patients += refer(ctx, c)
    if agents:
        # "controlled by Acme, a brokerage firm, and Beta, a supplier", parsed with
        # Beta joined to the verb
        by = min(c.i for c in tok.children if c.dep_ == "agent")
        agents += [
            e
            for c in tok.children
            if c.dep_ == "conj" and c.i > by and c.pos_ == "PROPN" and ctx.at(c) is not None
            for e in refer(ctx, c)
        ]
    participle = tok
    while participle.dep_ == "conj" and participle.head.tag_ == "VBN":
        participle = participle.head
    if participle.dep_ == "acl" and not patients:
        patients += refer(ctx, participle.head)
    if (
        not patients
        and participle.dep_ == "advcl"
        and participle.i >= 2
        and ctx.doc[participle.i - 1].text == ","
        and ctx.at(ctx.doc[participle.i - 2]) is not None
    ):
        patients.append(ctx.at(ctx.doc[participle.i - 2]))
    if tok.dep_ == "xcomp" and not patients:
        patients += subject_of(ctx, tok.head)
    return agents, patients


def _alongside(ctx: Context, tok, trig: Trigger) -> list[DocEntity]:
    """Who the subject acted "alongside" ("Musk started OpenAI alongside Altman and
    Brockman"), or with, where the trigger says so ("builds the jet with Airbus")."""
    preps = trig.with_agents | {"alongside"}
    heads = [tok] + [c for c in tok.children if c.dep_ in OBJ_DEPS and trig.with_agents]
    return [
        e
        for h in heads
        for c in h.children
        if c.dep_ == "prep" and c.lower_ in preps
        for p in c.children
        if p.dep_ == "pobj"
        for e in refer(ctx, p)
    ]


def _active_patients(ctx: Context, tok, trig: Trigger) -> list[DocEntity]:
    """The object of an active verb, or what a relative clause describes."""
    if trig.direct:
        return _direct_objects(ctx, tok, trig)
    if trig.owner_object:
        # "licensed Arm's technology"; goods: "ordered 30 Boeing 737 planes"
        return [
            e
            for c in tok.children
            if c.dep_ in OBJ_DEPS
            for p in c.children
            if p.dep_ == "poss" or trig.object_word and p.dep_ in ("compound", "nmod") and ctx.at(p)
            for e in refer(ctx, p)
        ]
    if trig.object_word:
        # the dative of a sale is the buyer ("sold Gamma a stake in Beta")
        sale = verb_lemma(tok, ctx.rules) in ctx.rules.sales
        datives = [] if sale else [c for c in tok.children if c.dep_ == "dative"]
        objects = [c for c in tok.children if c.dep_ in OBJ_DEPS]
        if sale and len(objects) > 1:
            objects = objects[-1:]  # "sell Gamma 900,000 Beta shares"
        return [e for c in datives for e in refer(ctx, c)] + [
            e for c in objects for e in shares_of(ctx, c, trig)
        ]
    return []


def _direct_objects(ctx: Context, tok, trig: Trigger) -> list[DocEntity]:
    """ "acquired Beta"; "runs the carmaker Tesla", "makes Office 365" misread as an
    adverbial or a clause; "SpaceX, the company Musk runs"; "which Musk founded in
    2002 and still leads" (the first verb's relative pronoun is the second's object)."""
    out: list[DocEntity] = []
    has_object = any(c.dep_ in OBJ_DEPS for c in tok.children)
    # "sold Gamma a stake in Beta": Gamma is the buyer, not what is sold
    buyers = _indirect_buyers(ctx, tok) if verb_lemma(tok, ctx.rules) in ctx.rules.sales else []
    for c in tok.children:
        if trig.predicate == "acquires" and _part(c, ctx) or c in buyers:
            continue  # "bought Beta's chip unit" is not buying Beta
        if c.dep_ == "dative" and has_object and trig.predicate == "acquires":
            continue  # "it bought Beta a seat at the table": bought for Beta
        if c.dep_ in OBJ_DEPS or c.dep_ == "dative":
            out += refer(ctx, c)
        elif c.dep_ in ("npadvmod", "ccomp") and ctx.at(c) and c.i > tok.i:
            out.append(ctx.at(c))
    # "SpaceX, the company Musk runs"; not "China, where he had headed"
    where = any(c.lower_ in ("where", "when", "whence") for c in tok.children)
    if not out and tok.dep_ == "relcl" and not has_object and not where:
        out += refer(ctx, tok.head)
    if not out and tok.dep_ == "conj" and not has_object:
        out += [
            e
            for c in tok.head.children
            if c.dep_ in OBJ_DEPS and c.lower_ in ctx.rules.words.relative_pronouns
            for e in refer(ctx, c)
        ]
    nominal = any(c.dep_ in OBJ_DEPS and c.pos_ != "VERB" for c in tok.children)
    if not out and not nominal and tok.dep_ not in ("relcl", "acl"):
        out += _name_after(ctx, tok, trig)
    return out


def _name_after(ctx: Context, tok, trig: Trigger) -> list[DocEntity]:
    """A name right after the verb that the parser gave another role: "agreed to buy
    Britvic, the maker of ..." parsed with "Britvic" the subject of a later verb."""
    i = tok.i + 1
    while i < len(ctx.doc) and ctx.doc[i].dep_ == "prt":
        i += 1
    e = ctx.at(ctx.doc[i]) if i < len(ctx.doc) else None
    if e is None or ctx.doc[i].head.i == tok.i or (trig.particle and i == tok.i + 1):
        return []
    return [e]


def _share_head(tok, ctx: Context) -> bool:
    """A number, a percentage or a sum: "35 per cent", "$5bn"."""
    return tok.like_num or tok.ent_type_ == "PERCENT" or is_sum(tok, ctx)


def _role_left(ctx: Context, tok) -> list[DocEntity]:
    """ "stepped down as chief executive of Acme": the organisation of the role."""
    out: list[DocEntity] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "as":
            for role in c.children:
                out += [
                    e
                    for r in role.subtree
                    if r.dep_ == "pobj" and r.head.lower_ in ("of", "at")
                    for e in refer(ctx, r)
                ]
                out += [e for p in role.children if p.dep_ == "poss" for e in refer(ctx, p)]
    return out


def _prep_patients(ctx: Context, tok, trig: Trigger) -> list[DocEntity]:
    """The objects of the trigger's prepositions, on the verb or on a sum it governs
    ("invested $10 billion in Beta": the parser may hang "in" on the sum)."""
    heads = [tok] + [
        c
        for c in tok.children
        if c.dep_ in OBJ_DEPS
        and (
            c.like_num
            or c.ent_type_ == "PERCENT"
            or is_sum(c, ctx)
            or trig.object_preps
            or not trig.direct
            and _bare(c, ctx)
        )
    ]
    out: list[DocEntity] = []
    for h in heads:
        for c in h.children:
            if c.dep_ not in ("prep", "dative") or c.lower_ not in trig.preps:
                continue
            # "lost customers to Beta and to Gamma": the preposition repeated
            for prep in [c, *(x for x in c.children if x.dep_ == "conj" and x.lower_ == c.lower_)]:
                out += [
                    e
                    for p in prep.children
                    if p.dep_ == "pobj" and not (trig.predicate == "acquires" and _part(p, ctx))
                    # "owns 35% of the venture and Beta and Gamma 32.5% each": a share
                    # names one company
                    for e in refer(ctx, p, conj=h is tok or not _share_head(h, ctx))
                ]
    return out


def _bare(tok, ctx: Context) -> bool:
    """A noun with no determiner or possessor that names nothing: for a verb that takes
    no object, a misparse ("competes head-on with Beta": "with" hung on "head")."""
    return (
        tok.pos_ == "NOUN"
        and ctx.at(tok) is None
        and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
    )


#: Words that are a share only as the head of the phrase: "bought all of Beta", not
#: "cameras all over the field".
_QUANTITIES = frozenset({"all", "most", "rest", "remainder", "bulk", "part"})


def has_word(phrase, words: frozenset[str]) -> bool:
    """Whether one of ``words`` (lemmas or forms) is in the phrase: "1.4 mln of its
    shares" holds "shares"."""
    return any(
        (t.lemma_.lower() in words or t.lower_ in words)
        and (t.lower_ not in _QUANTITIES or t.i == phrase.i)
        for t in phrase.subtree
    )


#: Links from a share to the company it is of: "shares of Beta", "a stake in Beta common
#: stock", "Beta shares", "Beta's shares".
_SHARE_LINKS = frozenset(
    {"prep", "pobj", "compound", "nmod", "poss", "amod", "nummod", "quantmod", "appos"}
)


def shares_of(ctx: Context, obj, trig: Trigger) -> list[DocEntity]:
    """The companies the shares in the object phrase ``obj`` are of: names linked to it
    by "of"/"in" phrases and compounds, not by another preposition ("bought shares
    from Beta")."""
    out: list[DocEntity] = []
    for t in obj.subtree:
        e = ctx.at(t)
        if e is None or t.pos_ == "PRON":
            continue
        path = [
            t,
            *[
                a
                for a in t.ancestors
                if obj.left_edge.i <= a.i <= obj.right_edge.i and a.i != obj.i
            ],
        ]
        if all(
            a.dep_ in _SHARE_LINKS
            and (a.dep_ != "prep" or a.lower_ in trig.preps)
            and (a.dep_ != "poss" or _shares_of_owner(a.head, ctx))
            for a in path
        ):
            out.append(e)
    return distinct(out)


def _shares_of_owner(noun, ctx: Context) -> bool:
    """Whether a possessor before ``noun`` is the company the shares are of: "Beta's
    shares"; not "67.7% of Beta's affiliate Gamma" nor "Beta's stake in Gamma"."""
    if ctx.at(noun) is not None or noun_lemma(noun) in ("stake", "holding", "interest"):
        return False
    return not any(c.dep_ in ("appos", "compound") and ctx.at(c) for c in noun.children)


#: Words that make a share a majority: "all of", "the majority of", "control of".
_MAJORITY_WORDS = frozenset(
    {"all", "majority", "control", "whole", "entire", "outright", "most", "rest", "remainder"}
)


def _majority(obj) -> bool:
    """Whether the object phrase is more than half of something: "67.7% of Beta", "all
    of the common stock of Beta", "a majority stake"."""
    for t in obj.subtree:
        if t.lower_ in _MAJORITY_WORDS:
            return True
        if (
            t.like_num
            and t.i + 1 < len(t.doc)
            and t.doc[t.i + 1].lower_ in ("%", "pct", "percent", "per")
        ):
            try:
                if float(t.text.replace(",", "")) > 50:
                    return True
            except ValueError:
                continue
    return False


# ------------------------------------------------------------------------- gaps
def gap_claims(ctx: Context, tok) -> list[RawClaim]:
    """A relative clause without "which" whose object is the name before it:
    "SpaceX, the company Musk founded in 2002, ...", "Tesla, the carmaker Musk
    also runs". Read from the words, as the parser often misreads these."""
    doc = ctx.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and (nxt.pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM") or ctx.at(nxt)):
        return []  # the verb has an object of its own
    j = tok.i - 1
    while j >= 0 and doc[j].pos_ == "ADV":
        j -= 1
    agent = ctx.at(doc[j]) if j >= 0 else None
    described = _described_before(ctx, agent, j, tok) if agent is not None else None
    if described is None or described is agent:
        return []
    lemma = verb_lemma(tok, ctx.rules)
    out = []
    for trig in ctx.rules.verbs.get(lemma, ()):
        if trig.direct and not trig.particle and not trig.object_word and not trig.needs_prep:
            out += pairs(trig, [agent], [described], tok, f"gap:{lemma}", Reading.DESCRIPTION)
    return out


def _described_before(ctx: Context, agent: DocEntity, j: int, tok) -> DocEntity | None:
    """The name before ", the company" in "X, the company AGENT VERB"."""
    doc, words = ctx.doc, ctx.rules.words
    k = j
    while k > 0 and ctx.at(doc[k - 1]) is agent:
        k -= 1
    k -= 1  # the noun of the description: "company", "maker", "start-up"
    if k < 3 or noun_lemma(doc[k]) not in words.org_nouns | words.product_nouns or ctx.at(doc[k]):
        return None
    while k > 0 and doc[k - 1].lower_ not in ("the", "a", "an"):
        k -= 1
        if doc[k].pos_ not in ("NOUN", "ADJ", "PROPN", "PUNCT") or doc[k].text == ",":
            return None
        if tok.i - k > 10:
            return None
    if k < 3 or doc[k - 2].text != ",":
        return None
    return ctx.at(doc[k - 3])


# ------------------------------------------------------- products, sales, joint
def into_claims(ctx: Context, tok) -> list[RawClaim]:
    """ "Tesla built Grok into its cars": Tesla offers Grok; "Grok is built into
    X and into Tesla's cars": X and Tesla offer it."""
    lemma = verb_lemma(tok, ctx.rules)
    objs = [c for c in tok.children if c.dep_ in OBJ_DEPS + ("nsubjpass",)]
    preps = [c for h in [tok, *objs] for c in h.children if c.dep_ == "prep" and c.lower_ == "into"]
    if not preps:
        return []
    products = [e for c in objs for e in refer(ctx, c) if e.type == PRODUCT]
    if any(c.dep_ == "nsubjpass" for c in objs):
        hosts = []
        for p in (p for c in preps for p in c.children if p.dep_ == "pobj"):
            # "into Tesla's cars": the cars' owner
            owner = [e for c in p.children if c.dep_ == "poss" for e in refer(ctx, c)]
            hosts += owner or refer(ctx, p)
    else:
        hosts = subject_of(ctx, tok)
    out = []
    for trig in ctx.rules.into.get(lemma, ()):
        out += pairs(trig, distinct(hosts), products, tok, f"verb:{lemma}:into", Reading.VERB)
    return out


def sale_claims(ctx: Context, tok) -> list[RawClaim]:
    """ "Acme sold Beta to Gamma", "Beta's sale to Gamma", "the sale of Beta to
    Gamma": the buyer acquires what is sold."""
    if tok.tag_ == "NNS":
        return []  # "sales of Range Rovers" are revenue
    verb = tok.pos_ == "VERB"
    # "to" on the word, or on the verb the sale is the object of
    heads = [tok, tok.head] if not verb and tok.dep_ in OBJ_DEPS else [tok]
    if verb:  # "sell a minority stake to Beta" with "to" on the stake
        heads += [c for c in tok.children if c.dep_ in OBJ_DEPS]
    buyers = [
        e
        for h in heads
        for c in h.children
        if c.dep_ in ("prep", "dative") and c.lower_ == "to"
        for p in c.children
        if p.dep_ == "pobj"
        for e in _buyer(ctx, p)
    ]
    indirect = _indirect_buyers(ctx, tok) if verb and not buyers else []
    buyers += [e for t in indirect for e in refer(ctx, t)]
    if not buyers:
        return []  # "sells Yesafili" offers a product
    if verb:
        things = [c for c in tok.children if c.dep_ in OBJ_DEPS and c not in indirect]
    else:
        things = [
            p
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ] or [c for c in tok.children if c.dep_ == "poss"]
    lemma = tok.lemma_.lower()
    kind, reading = ("verb", Reading.VERB) if verb else ("noun", Reading.NOUN)
    out = []
    for trig in ctx.rules.sales.get(lemma, ()):
        method = f"{kind}:{lemma}:sale"
        if trig.object_word:  # "sold a stake in Beta to Gamma": Gamma invests in Beta
            sold = [
                e for t in things if has_word(t, trig.object_word) for e in shares_of(ctx, t, trig)
            ]
            if not sold and verb and any(_own_shares(t, trig) for t in things):
                # "Ferrari sold a minority stake to Mediobanca": a stake in itself
                sold, method = [e for e in subject_of(ctx, tok) if e.type == ORG], method + ":own"
        else:  # a named company, not "it" nor "its US unit"
            sold = [
                e for t in things if t.pos_ != "PRON" and not _part(t, ctx) for e in refer(ctx, t)
            ]
        found = pairs(trig, buyers, sold, tok, method, reading)
        if trig.majority and any(_majority(t) or _whole_stock(t) for t in things):
            for c in found:  # "sold all of Beta", "the stock of its Beta unit"
                c.predicate, c.method = trig.majority, method + ":majority"
        if trig.seller and found:
            out += _sellers_own(ctx, tok, trig, sold, method, reading)
        out += found
    return out


def _sellers_own(ctx: Context, tok, trig: Trigger, sold, method: str, reading) -> list[RawClaim]:
    """ "Acme sold Beta to Gamma", "Acme agreed to sell Beta": Beta was Acme's (the
    subject of the verb; of a noun, its possessor: "Acme's sale of Beta"), a state
    the sale's date does not date; not "seized and sold Acme's unit, Beta"."""
    if tok.pos_ == "VERB":
        sellers = subject_of(ctx, tok)
        things = [c for c in tok.children if c.dep_ in OBJ_DEPS]
    else:
        sellers = [e for c in tok.children if c.dep_ == "poss" for e in refer(ctx, c)]
        things = []
    sellers = [e for e in sellers if e.type == ORG and e not in sold]
    owners = [e for t in things for c in t.children if c.dep_ == "poss" for e in refer(ctx, c)]
    if any(e not in sellers for e in owners):
        return []
    owned = replace(trig, predicate=trig.seller, seller=None, majority=None)
    found = pairs(owned, sold, sellers, tok, method + ":seller", reading)
    for c in found:
        c.undated = True
    return found


def _whole_stock(phrase) -> bool:
    """ "the stock of its Beta unit": all of a company's stock, no figure said."""
    return (
        phrase.lemma_.lower() in ("stock", "share", "equity")
        and any(c.dep_ == "det" and c.lower_ == "the" for c in phrase.children)
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in phrase.children)
        and not any(c.dep_ in ("nummod", "amod", "compound") for c in phrase.children)
    )


def _buyer(ctx: Context, tok) -> list[DocEntity]:
    """Who a sale is to: the phrase's referents, or the company whose unnamed unit it
    is ("sold Beta to an affiliate of Gamma": Gamma buys)."""
    found = refer(ctx, tok)
    if found or noun_lemma(tok) not in ctx.rules.words.part_nouns:
        return found
    return [
        e
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
        for e in refer(ctx, p)
    ]


def _indirect_buyers(ctx: Context, tok) -> list:
    """The buyer as the first of two objects: "sell Gamma 900,000 Beta shares", "sold
    Gamma a stake in Beta" (a dative, or a name before the object that is a share)."""
    shares = frozenset(
        w for t in ctx.rules.sales.get(tok.lemma_.lower(), ()) for w in t.object_word
    )
    objs = [c for c in tok.children if c.dep_ in OBJ_DEPS or c.dep_ == "dative" and c.pos_ != "ADP"]
    if len(objs) < 2 or not shares or not has_word(objs[-1], shares):
        return []
    return [c for c in objs[:-1] if ctx.at(c) is not None and not has_word(c, shares)]


def _own_shares(phrase, trig: Trigger) -> bool:
    """A share with no company said: "a minority stake", "10% of its shares" is not
    (another's shares: "its stake")."""
    return (
        has_word(phrase, trig.object_word)
        and phrase.pos_ == "NOUN"
        and not any(
            c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in trig.preps for c in phrase.children
        )
    )


def joint_claims(ctx: Context, tok) -> list[RawClaim]:
    """ "Acme and Beta will jointly develop a battery": partners."""
    adverbs = [c.lower_ for c in tok.children if c.dep_ == "advmod" and c.lower_ in ctx.rules.joint]
    if not adverbs:
        return []
    subjects = [e for c in tok.children if c.dep_ in SUBJ_DEPS for e in refer(ctx, c)]
    if len(subjects) < 2:
        return []
    method = f"verb:{verb_lemma(tok, ctx.rules)}:jointly"
    return [
        c
        for trig in ctx.rules.joint[adverbs[0]]
        for c in group(trig, subjects, tok, method, Reading.VERB)
    ]


def hyphen_claims(ctx: Context, tok) -> list[RawClaim]:
    """ "the Musk-founded start-up": name, hyphen, participle, noun."""
    triggers = ctx.rules.hyphens.get(tok.lower_, ())
    if not triggers or tok.i < 2 or ctx.doc[tok.i - 1].text != "-":
        return []
    named = ctx.at(ctx.doc[tok.i - 2])
    if named is None:
        return []
    noun = tok.head if tok.head.pos_ in ("NOUN", "PROPN") else None
    while noun is not None and noun.dep_ == "compound":
        noun = noun.head
    if noun is None:
        return []
    referents = refer(ctx, noun) or role_referent(ctx, noun)
    return [
        c
        for trig in triggers
        for c in pairs(trig, [named], referents, tok, "hyphen:" + tok.lower_, Reading.DESCRIPTION)
    ]


# ---------------------------------------------------------------------- phrases
def is_sum(tok, ctx: Context) -> bool:
    """Whether the phrase of ``tok`` is a sum of money ("$500m", "2 billion euros",
    "fresh capital")."""
    return (
        tok.lemma_.lower() in ctx.rules.words.money_nouns
        or any(t.ent_type_ == "MONEY" or t.text in ("$", "\u20ac", "\u00a3") for t in tok.subtree)
        or bool(find_money(tok.doc[tok.left_edge.i : tok.i + 1].text))
    )


def _part(tok, ctx: Context) -> bool:
    """Whether ``tok`` heads "its chip unit", "a stake": a part of a company (not the
    company Arm, nor "its Corvale unit" or "its unit, Corvale", which name the unit)."""
    if noun_lemma(tok) not in ctx.rules.words.part_nouns or ctx.at(tok) is not None:
        return False
    if any(c.dep_ == "appos" and ctx.at(c) is not None for c in tok.children):
        return False  # "its self-driving unit, Advanced Technologies Group"
    named = any(c.dep_ == "compound" and ctx.at(c) is not None for c in tok.children)
    return not (named and any(c.dep_ == "poss" for c in tok.children))
