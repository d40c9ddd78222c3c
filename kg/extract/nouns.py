"""Claims read from event nouns: "a partnership with Beta", "Acme's lawsuit against
Beta", "the acquisition of Beta by Acme", "Acme announced a merger with Beta".

The agent is the noun's possessor, its "by" phrase, or the subject of the verb
that governs it; the patient the object of one of the trigger's prepositions.
Lawsuits add their own forms ("a suit from Beta", "Acme faces a lawsuit",
"seeking damages from Beta"), each a field of the trigger.
"""

from __future__ import annotations

from ..predicates import SYMMETRIC_PREDICATES
from .claims import RawClaim, Reading, group, pairs
from .context import OBJ_DEPS, SUBJ_DEPS, Context
from .referents import compounds, governing_verb, noun_lemma, refer, subject_of
from .resolve import DocEntity
from .rules import Trigger

__all__ = ["noun_claims", "trigger_applies", "agent_phrases"]


def noun_claims(ctx: Context, tok) -> list[RawClaim]:
    """The claims of the event noun ``tok``, one trigger at a time."""
    lemma = noun_lemma(tok)
    out = []
    for trig in ctx.rules.nouns.get(lemma, ()):
        if not trigger_applies(ctx, tok, trig):
            continue
        agents, patients, between = _noun_arguments(ctx, tok, trig)
        governor = governing_verb(tok)
        if trig.filers or trig.defenders:
            agents, patients, governor = _lawsuit_parties(
                ctx, tok, trig, agents, patients, governor
            )
        if not agents:
            acted = _act_on(ctx, tok)
            agents = acted if acted is not None else _agent_from_above(ctx, tok, trig, governor)
        patients = patients or _governor_patients(ctx, governor, trig)
        if patients and governor is not None:
            # "a partnership with Beta, ..., and Gamma": the parser may hang the last
            # name on the verb
            patients += [
                ctx.at(c)
                for c in governor.children
                if c.dep_ == "conj" and c.pos_ == "PROPN" and ctx.at(c)
            ]
        symmetric = trig.predicate in SYMMETRIC_PREDICATES
        if not agents and len(patients) > 1 and symmetric:
            between, patients = patients, []  # "the merger of Acme and Beta"
        method = f"noun:{lemma}"
        if between and symmetric:
            found = group(trig, between, tok, method, Reading.NOUN)
        else:
            found = pairs(trig, agents, patients, tok, method, Reading.NOUN)
        if governor is not None and governor.lemma_.lower() in ctx.rules.words.ending_verbs:
            for c in found:
                c.ended = c.end_dated = True  # "ended their partnership": held until then
        out += found
    return out


def trigger_applies(ctx: Context, tok, trig: Trigger) -> bool:
    """Whether a noun has what its trigger requires: a part of speech, a dependency,
    a modifier ("a funding round", "a joint effort") or none ("a supply deal" is no
    partnership), no possessor it bars ("her partner"), a preposition naming an
    entity ("part of Acme")."""
    if trig.pos and tok.pos_ != trig.pos:
        return False
    if trig.deps and tok.dep_ not in trig.deps:
        return False
    modifiers = {c.lower_ for c in [*tok.children, *compounds(tok)]}
    before = ctx.doc[tok.i - 1] if tok.i > 0 else None
    if before is not None and before.head.i == tok.head.i and before.dep_ in ("amod", "compound"):
        modifiers.add(before.lower_)  # "chief executive Jane Doe" with both words on the name
    named = trig.or_named and any(
        c.dep_ in ("compound", "poss", "nmod") and ctx.at(c) for c in tok.children
    )
    if trig.needs_modifier and not modifiers & trig.needs_modifier and not named:
        return False
    if trig.bars_modifier and modifiers & trig.bars_modifier:
        return False
    if any(c.dep_ == "poss" and c.lower_ in trig.bars_possessor for c in tok.children):
        return False
    if trig.bars_clause and any(
        t.pos_ == "VERB"
        and t.dep_ in ("xcomp", "acl", "relcl")
        and t.lemma_.lower() in trig.bars_clause
        for t in tok.subtree
    ):
        return False
    return not trig.needs_prep or any(
        c.dep_ == "prep"
        and c.lower_ == trig.needs_prep
        and any(ctx.at(p) for p in c.children if p.dep_ == "pobj")
        for c in tok.children
    )


def _noun_arguments(ctx: Context, tok, trig: Trigger):
    """The possessor and "by" phrases (agents), the trigger's prepositions
    (patients) and "between" (both parties)."""
    agents = [e for c in tok.children if c.dep_ == "poss" for e in refer(ctx, c)]
    reading = ctx.avoiding(agents)
    patients: list[DocEntity] = []
    between: list[DocEntity] = []
    for c in tok.children:
        if c.dep_ != "prep":
            continue
        if c.lower_ == "by":
            agents += [e for p in c.children if p.dep_ == "pobj" for e in refer(reading, p)]
        elif c.lower_ == "between":
            between += [e for p in c.children if p.dep_ == "pobj" for e in refer(reading, p)]
        elif c.lower_ in trig.preps or _listing(c) and tok.tag_ == "NNS":
            # "a string of acquisitions, including Beta in 2012 and Gamma in 2017"
            patients += _prep_objects(reading, c, trig)
    if not agents:
        # "the acquisition of X, the social network, by xAI": the parser may hang
        # "by" on the object or its apposition
        agents += [
            e
            for b in agent_phrases(tok)
            for p in b.children
            if p.dep_ == "pobj"
            for e in refer(reading, p)
        ]
    if trig.named_holder and not patients:
        # "won a Pentagon contract": the client is the name compounded with it
        patients += [
            e for c in compounds(tok) for e in [ctx.at(c)] if e is not None and e not in agents
        ]
    if not agents and trig.from_agent:
        # "a lawsuit from Beta", "a lawsuit brought by Beta"
        agents += [
            e
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "from"
            for p in c.children
            if p.dep_ == "pobj"
            for e in refer(reading, p)
        ]
        agents += [
            e
            for v in tok.children
            if v.dep_ == "acl"
            for a in v.children
            if a.dep_ == "agent"
            for p in a.children
            if p.dep_ == "pobj"
            for e in refer(reading, p)
        ]
    return agents, patients, between


def _lawsuit_parties(ctx: Context, tok, trig: Trigger, agents, patients, governor):
    """Who sues whom, from the verb a lawsuit noun hangs on: "Acme faces a lawsuit
    from Beta", "Acme accused Beta of stealing secrets in a lawsuit", "X filed a
    suit against Y", "X is seeking $5bn in damages from Y"; or from the lawsuit's own
    accusation: "filed a lawsuit accusing Beta of fraud". A governing verb that
    is no filing verb names no party ("a lawsuit that worries Acme")."""
    if (
        agents
        and not patients
        and governor is not None
        and governor.lemma_.lower() in trig.defenders
    ):
        patients, governor = subject_of(ctx, governor), None
    elif governor is not None and not patients:
        accuser = governor
        while accuser.dep_ == "pcomp" and accuser.head.dep_ == "prep":
            accuser = accuser.head.head
        if accuser.lemma_.lower() in trig.accusers:
            governor = accuser
            patients = [e for c in accuser.children if c.dep_ in OBJ_DEPS for e in refer(ctx, c)]
    if not patients:
        # "filed a lawsuit accusing Beta of fraud"
        patients = [
            e
            for v in tok.children
            if v.dep_ == "acl" and v.lemma_.lower() in trig.accusers
            for c in v.children
            if c.dep_ in OBJ_DEPS
            for e in refer(ctx, c)
        ]
    if governor is not None and governor.lemma_.lower() not in trig.filers:
        governor = None
    if trig.damages:
        agents, patients = _damages(ctx, tok, trig)
    return agents, patients, governor


def _damages(ctx: Context, tok, trig: Trigger) -> tuple[list[DocEntity], list[DocEntity]]:
    """ "X is seeking $5bn in damages from Y": the claimant and who should pay."""
    node = tok
    for _ in range(5):
        if node.head.i == node.i:
            return [], []
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            break
    if node.lemma_.lower() not in trig.damages:
        return [], []
    payers = [
        e
        for t in node.subtree
        if t.dep_ == "prep" and t.lower_ == "from"
        for p in t.children
        if p.dep_ == "pobj"
        for e in refer(ctx, p)
    ]
    return subject_of(ctx, node), payers


def _act_on(ctx: Context, tok) -> list[DocEntity] | None:
    """Who acts on the noun when another's act takes it as its "of" object: the
    buyer in "Acme's purchase of a stake in Beta"; no one but the seller in "Acme's
    sale of a stake in Beta" (so not the subject of a verb above). None when no
    possessed act takes the noun."""
    if not (tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ == "NOUN"):
        return None
    act = tok.head.head
    owners = [e for c in act.children if c.dep_ == "poss" for e in refer(ctx, c)]
    if not owners:
        return None
    buying = any(t.predicate == "acquires" for t in ctx.rules.nouns.get(noun_lemma(act), ()))
    return owners if buying else []


def _agent_from_above(ctx: Context, tok, trig: Trigger, governor) -> list[DocEntity]:
    """The subject of the governing verb ("Acme announced a partnership with Beta"),
    else of the nearest verb above whose subject is not the noun's own phrase
    ("Acme announced a partnership with Beta to ...", parsed with "partnership" as
    the subject of "to expand"). A weak word takes no agent from afar: "X and Y
    called off the purchase after the deal ran into opposition" is no deal
    between X and Y; nor does a deal that is the passive subject of its verb ("X and Y
    tabled an offer before the Beta deal was agreed")."""
    if tok.dep_ == "nsubjpass":
        return []
    if governor is not None:
        found = subject_of(ctx, governor)
        if found:
            return found
    if not trig.outer_subject:
        return []
    node = tok
    for _ in range(5):
        if node.head.i == node.i:
            return []
        if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX"):
            return []  # a clause of its own: "X needs Y, and a stake in Z would ..."
        child, node = node, node.head
        if node.lemma_.lower() in ctx.rules.words.speech_verbs:
            return []  # the speaker is not a party to what they report
        if node.pos_ in ("VERB", "AUX"):
            subj = [c for c in node.children if c.dep_ in SUBJ_DEPS and c.i != child.i]
            if subj:
                return refer(ctx, subj[0])
    return []


def _governor_patients(ctx: Context, governor, trig: Trigger) -> list[DocEntity]:
    """The trigger's prepositions hung on the governing verb ("signed a deal on
    Monday with Beta"), "of" aside."""
    if governor is None:
        return []
    return [
        e
        for c in governor.children
        if c.dep_ == "prep" and c.lower_ in trig.preps and c.lower_ != "of"
        for e in _prep_objects(ctx, c, trig)
    ]


def _listing(prep) -> bool:
    """ "including", "like", "such as": a preposition that lists examples."""
    return prep.lower_ in ("including", "like") or (
        prep.lower_ == "as" and prep.i > 0 and prep.doc[prep.i - 1].lower_ == "such"
    )


def _prep_objects(ctx: Context, prep, trig: Trigger) -> list[DocEntity]:
    """What the objects of ``prep`` denote; with ``trig.owner_object``, the owner
    of a thing that names no one ("the licence to Arm's technology": Arm)."""
    out = []
    for p in prep.children:
        if p.dep_ != "pobj":
            continue
        hit = refer(ctx, p)
        if not hit and trig.owner_object:
            hit = [e for q in p.children if q.dep_ == "poss" for e in refer(ctx, q)]
        out += hit
    return out


def agent_phrases(tok) -> list:
    """The "by" phrases that name who does what the event noun ``tok`` says, where
    the parser hung them: on the noun, inside its phrase but not in a clause of its
    own ("the acquisition of X by Y"), or on the verb before it ("The acquisition
    of X, the social network, by Y was ...")."""
    out = []
    for t in tok.subtree:
        if t.lower_ != "by" or t.dep_ not in ("prep", "agent"):
            continue
        path = list(t.ancestors)
        path = path[: path.index(tok)] if tok in path else None
        if path is not None and not any(a.pos_ in ("VERB", "AUX") for a in path):
            out.append(t)
    out += [
        c
        for c in tok.head.children
        if c.lower_ == "by"
        and c.dep_ == "prep"
        and tok.i < c.i < tok.head.i
        and tok.dep_ in ("nsubj", "nsubjpass")
    ]
    return out
