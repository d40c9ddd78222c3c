"""What the words of a sentence stand for: the entities behind names, pronouns,
descriptions ("the company", "the ChatGPT maker"), titles ("its chief executive")
and the subjects of verbs, read from the dependency parse.

Every function takes the :class:`~kg.extract.context.Context` of the document
it reads; the argument finders (:mod:`kg.extract.verbs`, :mod:`~kg.extract.nouns`,
:mod:`~kg.extract.roles`) read claims with these answers.
"""

from __future__ import annotations

from ..model import EntityType
from .context import OBJ_DEPS, SUBJ_DEPS, Context
from .countries import noun_countries
from .resolve import DocEntity
from .rules import Rules

__all__ = [
    "refer",
    "subject_of",
    "role_referent",
    "governing_verb",
    "accused_of",
    "verb_lemma",
    "noun_lemma",
    "distinct",
    "compounds",
    "clause_positions",
    "names_listed_before",
]

ORG, PERSON, PRODUCT = EntityType.ORGANIZATION, EntityType.PERSON, EntityType.PRODUCT


# ------------------------------------------------------------------------ words
def verb_lemma(tok, rules: Rules) -> str:
    """The lemma of a verb, mending the lemmatizer's slips: hyphenated words
    ("co-founded"), "fined", "hopes", "to found"."""
    lemma = rules.words.lemma_slips.get(tok.lower_) or tok.lemma_.lower()
    if lemma.startswith("co-found"):
        return "co-found"
    if (
        lemma == "find"
        and tok.lower_ in ("found", "founds", "founding")
        and (
            tok.tag_ in ("VB", "VBP", "VBZ", "VBG")
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
        )
    ):
        return "found"  # "to found Beta": the lemmatizer reads "find"
    return lemma


def noun_lemma(tok) -> str:
    """The lemma of a noun, joining words the tokenizer split at a hyphen
    ("co-founder", "start-up")."""
    lemma = tok.lemma_.lower()
    if tok.i >= 2 and tok.doc[tok.i - 1].text == "-" and not tok.doc[tok.i - 2].whitespace_:
        joined = f"{tok.doc[tok.i - 2].lower_}-{lemma}"
        if joined in ("co-founder", "start-up"):
            return "startup" if joined == "start-up" else "founder"
    return lemma


def compounds(tok) -> list:
    """The words compounded with ``tok``, nearest first: "the Zephyr warehouse robot"
    gives "warehouse", then "Zephyr"."""
    out, stack = [], [tok]
    while stack:
        node = stack.pop()
        for c in reversed(list(node.children)):
            if c.dep_ in ("compound", "nmod"):
                out.append(c)
                stack.append(c)
    return out


def distinct(items: list[DocEntity | None]) -> list[DocEntity]:
    """``items`` without ``None`` and repeats, in order."""
    seen, out = set(), []
    for e in items:
        if e is not None and e.index not in seen:
            seen.add(e.index)
            out.append(e)
    return out


def clause_positions(tok) -> set[int]:
    """Positions a description such as "the company" cannot point back to:
    the subject of its own clause and its own possessor ("Acme's deal with
    the company" is not a deal of Acme with itself)."""
    node = tok
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX") or node.head.i == node.i:
            break
        node = node.head
    heads = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
    heads += [c for c in tok.children if c.dep_ == "poss"]
    out: set[int] = set()
    for h in heads:
        out.add(h.i)
        for c in h.children:
            if c.dep_ in ("compound", "poss"):
                out.update(t.i for t in c.subtree)
    return out


def _pobjs(ctx: Context, prep, seen) -> list[DocEntity]:
    return [e for p in prep.children if p.dep_ == "pobj" for e in refer(ctx, p, seen)]


# -------------------------------------------------------------------- referents
def refer(ctx: Context, tok, seen: set | None = None, conj: bool = True) -> list[DocEntity]:
    """The entities the phrase headed by ``tok`` denotes (conjuncts included
    unless ``conj`` is false)."""
    seen = seen if seen is not None else set()
    if tok.i in seen:
        return []
    seen.add(tok.i)
    out = _refer_word(ctx, tok, seen)
    if conj:
        for c in tok.children:
            if c.dep_ == "conj":
                out += refer(ctx, c, seen)
            elif c.dep_ == "appos" and ctx.at(tok) is not None:
                # "Acme, a brokerage firm, and Beta, a supplier": the list goes on from
                # the apposition
                out += [
                    e
                    for d in c.children
                    if d.dep_ == "conj" and ctx.at(d) is not None
                    for e in refer(ctx, d, seen)
                ]
    return distinct(out)


def _refer_word(ctx: Context, tok, seen) -> list[DocEntity]:
    """What ``tok`` itself stands for: a name, a pronoun or a noun phrase."""
    words = ctx.rules.words
    e = ctx.at(tok)
    lower = tok.lower_
    if e is not None:
        return [e]
    ticker = _ticker_of(ctx, tok)
    if ticker is not None:
        return [ticker]
    if (
        lower in words.relative_pronouns
        and tok.i >= 2
        and ctx.doc[tok.i - 1].text == ","
        and ctx.at(ctx.doc[tok.i - 2]) is not None
    ):
        # "OpenAI, whose ChatGPT ...": the name right before, whatever the parse says
        return [ctx.at(ctx.doc[tok.i - 2])]
    if lower in ("we", "our", "us"):
        # '"We are delighted to partner with Beta," said Jane Doe, Acme's chief
        # executive': the speaker's organisation
        return distinct([_speaker_organisation(ctx, tok)])
    if lower in words.reflexives:
        # "Anthropic has marketed itself as a rival to OpenAI"
        verb = tok.head
        return subject_of(ctx, verb, seen=seen) if verb.pos_ in ("VERB", "AUX") else []
    if lower in words.relative_pronouns:
        return _relative_antecedent(ctx, tok, seen)
    if lower in words.person_pronouns:
        return distinct([ctx.ents.antecedent(tok, (PERSON,), exclude=_binders(ctx, tok))])
    if lower in words.org_pronouns:
        return _refer_org_pronoun(ctx, tok, seen)
    if tok.pos_ in ("NOUN", "PROPN"):
        return _refer_noun(ctx, tok, seen)
    return []


def _ticker_of(ctx: Context, tok) -> DocEntity | None:
    """ "New World Pictures Ltd <NWP>, holder of ...", parsed with the ticker heading
    the phrase: the company named right before the brackets."""
    doc, i = ctx.doc, tok.i
    if i < 2 or i + 1 >= len(doc) or doc[i - 1].text != "<" or doc[i + 1].text != ">":
        return None
    named = ctx.at(doc[i - 2])
    return named if named is not None and named.type == ORG else None


def _relative_antecedent(ctx: Context, tok, seen) -> list[DocEntity]:
    """ "X, which ...", "X, whose chatbot ...": the noun the relative clause hangs on."""
    node = tok.head
    for _ in range(4):
        if node.dep_ == "relcl" or node.head.i == node.i:
            break
        node = node.head
    return refer(ctx, node.head, seen) if node.dep_ == "relcl" else []


def _refer_org_pronoun(ctx: Context, tok, seen) -> list[DocEntity]:
    """ "it", "its", "they", "their", "them" as organisations."""
    lower = tok.lower_
    group = _plural_subject(ctx, tok, seen) if lower in ("their", "they", "them") else []
    if len(group) > 1:
        return group  # "Acme and Beta ended their partnership"
    if lower == "them":
        return []  # "pick models, test them and run them": things, not a company
    led = _group_speaker(ctx, tok)
    if led:
        return led
    own = _own_subject(ctx, tok)
    if own is not None:
        return [] if own.index in ctx.avoid else [own]
    found = (
        _coordinated_owner(ctx, tok)
        or _speaking_description(ctx, tok)
        or _controller(ctx, tok, (ORG,))
        or _described_subject(ctx, tok)
        or ctx.ents.antecedent(
            tok, (ORG,), exclude=_binders(ctx, tok) | ctx.avoid | _addressees(ctx, tok)
        )
    )
    return distinct([found])


def _speaker_organisation(ctx: Context, tok) -> DocEntity | None:
    """The organisation of whoever speaks the quotation around ``tok``: the
    speaker itself, or the company of the speaker's title ("said Jane Doe,
    Acme's chief executive", "said Acme chief executive Jane Doe")."""
    speaker = next(
        (who for (start, end), who in ctx.quoted.items() if start <= tok.idx < end), None
    )
    if speaker is None or speaker.type == ORG:
        return speaker
    for m in speaker.mentions:
        root = ctx.doc[m.start : m.end].root
        for title in root.children:
            if title.dep_ in ("appos", "compound") and noun_lemma(title) in ctx.rules.roles:
                orgs = [e for e in _title_holders(ctx, title) if e.type == ORG]
                if orgs:
                    return orgs[0]
    return None


def _title_holders(ctx: Context, title) -> list[DocEntity]:
    """The organisations a title names: "Acme's chief executive", "chief executive of Acme"."""
    for c in title.children:
        found = []
        if c.dep_ in ("poss", "compound", "nmod"):
            found = refer(ctx, c)
        elif c.dep_ == "prep" and c.lower_ in ("of", "at"):
            found = _pobjs(ctx, c, None)
        if any(e.type == ORG for e in found):
            return found
    return []


def _coordinated_owner(ctx: Context, tok) -> DocEntity | None:
    """ "OpenAI and its chief executive", "sued Acme along with its founder":
    "its" is the organisation the phrase is joined to."""
    if tok.lower_ != "its" or tok.dep_ != "poss":
        return None
    phrase = tok.head.head if tok.head.dep_ == "compound" else tok.head
    if phrase.dep_ == "conj":
        first = phrase.head
    elif (
        phrase.dep_ == "pobj"
        and phrase.head.lower_ == "with"
        and ctx.doc[phrase.head.i - 1].lower_ == "along"
    ):
        verb = phrase.head.head
        if verb.lower_ == "along":
            verb = verb.head
        objs = [c for c in verb.children if c.dep_ in OBJ_DEPS]
        if not objs and verb.dep_ == "conj":  # "which Musk co-founded and is suing"
            objs = [c for c in verb.head.children if c.dep_ in OBJ_DEPS]
        first = objs[0] if objs else None
    else:
        return None
    hit = [e for e in refer(ctx, first, conj=False) if e.type == ORG] if first is not None else []
    return hit[0] if len(hit) == 1 else None


def _clause_verb(tok, limit: int = 8):
    """The nearest verb above ``tok``, or None."""
    node = tok
    for _ in range(limit):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def _own_subject(ctx: Context, tok) -> DocEntity | None:
    """ "Nuro will license its system to Uber": "its" in the direct object is the
    company named as its verb's subject (none other, even when that one is not
    wanted as the claim's other party)."""
    if tok.lower_ != "its" or tok.dep_ != "poss" or tok.head.dep_ != "dobj":
        return None
    verb = tok.head.head
    subjects = [ctx.at(c) for c in verb.children if c.dep_ == "nsubj" and ctx.at(c)]
    return subjects[0] if len(subjects) == 1 and subjects[0].type == ORG else None


def _speaking_description(ctx: Context, tok) -> DocEntity | None:
    """ "The partnership said it acquired 346,600 shares": "it" is the speaker, a
    description that stands for a company."""
    if tok.lower_ != "it" or tok.dep_ != "nsubj" or tok.head.dep_ != "ccomp":
        return None
    speech = tok.head.head
    if speech.lemma_.lower() not in ctx.rules.words.speech_verbs:
        return None
    subj = [c for c in speech.children if c.dep_ == "nsubj"]
    if not subj or subj[0].pos_ != "NOUN" or noun_lemma(subj[0]) not in ctx.rules.words.org_nouns:
        return None
    hit = [e for e in refer(ctx, subj[0]) if e.type == ORG]
    return hit[0] if len(hit) == 1 else None


def _described_subject(ctx: Context, tok) -> DocEntity | None:
    """ "The search company is a rival to Microsoft and OpenAI, and its Gemini
    models ...": "its" is the subject of the clause, or of the clause its own
    clause is joined to, when that subject is a description ("the company")."""
    if tok.lower_ != "its":
        return None
    node = _clause_verb(tok)
    if node is None:
        return None
    for verb in (node, node.head if node.dep_ == "conj" else None):
        if verb is None:
            continue
        subj = [
            c
            for c in verb.children
            if c.dep_ in SUBJ_DEPS
            and tok not in c.subtree
            and c.pos_ == "NOUN"
            and noun_lemma(c) in ctx.rules.words.org_nouns
            and any(d.lower_ in ("the", "this") for d in c.children)
        ]
        if subj:
            hit = [e for e in refer(ctx, subj[0]) if e.type == ORG]
            return hit[0] if len(hit) == 1 else None
    return None


def _binders(ctx: Context, tok) -> set[int]:
    """Who an object pronoun cannot mean: the subject of its own verb ("Acme
    sued Beta, accusing it of ..." -- "it" is not Acme)."""
    verb = tok.head
    if verb.dep_ == "compound":
        verb = verb.head  # "its co-founder Jane Doe"
    hiring = verb.head.lemma_.lower() in ctx.rules.words.hiring_verbs
    if tok.dep_ == "poss" and verb.dep_ in OBJ_DEPS and hiring:
        verb = verb.head  # "Acme hired its co-founder": the co-founder of another
    elif tok.dep_ not in ("dobj", "dative") or verb.pos_ not in ("VERB", "AUX"):
        return set()
    return {e.index for e in subject_of(ctx, verb)}


def _addressees(ctx: Context, tok) -> set[int]:
    """Who a speaker tells what the pronoun does: "the group told the Securities and
    Exchange Commission it had bought shares" -- "it" is not the commission."""
    verb = tok.head
    if (
        tok.dep_ not in SUBJ_DEPS
        or verb.dep_ != "ccomp"
        or verb.head.lemma_.lower() not in ctx.rules.words.speech_verbs
    ):
        return set()
    told = [c for c in verb.head.children if c.dep_ in OBJ_DEPS + ("dative",)]
    told += [
        p
        for c in verb.head.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    return {e.index for t in told for e in refer(ctx, t)}


def _controller(ctx: Context, tok, types) -> DocEntity | None:
    """Who does what a subjectless clause says, when the verb above names them
    as its object: "accused Beta of copying lyrics to train its chatbot" (its =
    Beta's)."""
    node = tok
    for _ in range(8):
        if node.head.i == node.i:
            return None
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        if any(c.dep_ in SUBJ_DEPS + ("nsubjpass",) for c in node.children):
            return None
        obj = accused_of(node, ctx.rules) if node.dep_ == "pcomp" else None
        if obj is not None:
            hit = [e for e in refer(ctx, obj) if e.type in types]
            return hit[0] if len(hit) == 1 else None
        if node.dep_ not in ("xcomp", "advcl", "conj", "acl", "pcomp"):
            return None
    return None


def accused_of(verb, rules: Rules):
    """The object of "accused Beta of copying", who does the copying."""
    prep = verb.head
    if prep.dep_ != "prep" or prep.lower_ not in ("of", "for"):
        return None
    gov = prep.head  # "of" hangs on the verb, or on one of its objects
    accusing = gov.head if gov.dep_ in OBJ_DEPS + ("dative",) else gov
    if verb_lemma(accusing, rules) not in rules.words.accusing_verbs:
        return None
    # "fined Acme $5m for ...": the one fined, not the sum
    objs = [
        c
        for c in accusing.children
        if c.dep_ in OBJ_DEPS + ("dative",) and c.ent_type_ not in ("MONEY", "CARDINAL")
    ]
    if gov in objs:
        return gov
    return objs[0] if objs else None


def _plural_subject(ctx: Context, tok, seen) -> list[DocEntity]:
    """The coordinated subject of the clause around ``tok``, if it has one.

    "Acme and Beta said they would merge": where "they" is the subject of its own
    clause, the group is the subject of the clause above."""
    node = tok
    for _ in range(6):
        if node.head.i == node.i:
            return []
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            subj = [c for c in node.children if c.dep_ in SUBJ_DEPS and c.i != tok.i]
            if subj:
                return refer(ctx, subj[0], seen)
            if not any(c.i == tok.i for c in node.children):
                return []
    return []


# ------------------------------------------------------------------ noun phrases
def _refer_noun(ctx: Context, tok, seen) -> list[DocEntity]:
    """What a common noun phrase stands for: its apposition, a name listed with it,
    a name it is compounded with, the role it names, or what it describes."""
    lemma = noun_lemma(tok)
    words, roles = ctx.rules.words, ctx.rules.roles
    for c in tok.children:
        if c.dep_ == "appos":
            hit = refer(ctx, c, seen)
            if hit:
                return hit
    if tok.dep_ == "appos" and lemma not in roles and ctx.at(tok.head):
        # the name right before the comma, whatever the parse hangs the apposition on:
        # "merged WWE with the UFC, the promotion that Acme bought"
        return [_name_before_comma(ctx, tok) or ctx.at(tok.head)]
    hit = _included(ctx, tok, seen)
    if hit:
        return hit
    named = _compounded_names(ctx, tok, lemma)
    if named:
        return named
    if lemma in words.group_nouns:
        led = _leaders(ctx, tok) or _story_leaders(ctx, tok)
        if led:
            return led
    if lemma in roles:
        return role_referent(ctx, tok, seen)
    if tok.tag_ in ("NNS", "CD") or tok.ent_type_ == "CARDINAL":
        listed = _listed_after(ctx, tok)
        if listed:
            return listed
    if lemma in words.org_nouns:
        return _named_after(ctx, tok) or _described(ctx, tok)
    return []


def _leaders(ctx: Context, tok) -> list[DocEntity]:
    """Who leads the band of investors ``tok`` names: "a group led by Jane Doe", "a
    group of firms and funds controlled by Jane Doe" (the verb on the members)."""
    out: list[DocEntity] = []
    for t in tok.subtree:
        if t.dep_ != "acl" or verb_lemma(t, ctx.rules) not in ctx.rules.words.leading_verbs:
            continue
        node = t.head
        while node.i != tok.i and (
            node.dep_ in ("pobj", "conj") or node.dep_ == "prep" and node.lower_ == "of"
        ):
            node = node.head
        if node.i != tok.i:
            continue
        out += [
            e
            for a in t.children
            if a.dep_ == "agent"
            for p in a.children
            if p.dep_ == "pobj"
            for e in refer(ctx, p)
        ]
    return distinct(out)


def _story_leaders(ctx: Context, tok) -> list[DocEntity]:
    """ "The group held about 6% of Beta", where the story says once who leads the
    group ("a group formed by Jane Doe"): the one led group of the story."""
    if not any(c.dep_ == "det" and c.lower_ in ("the", "a", "an", "this") for c in tok.children):
        return []
    if any(c.dep_ in ("compound", "poss", "nmod", "appos", "amod") for c in tok.children):
        return []  # "the British group" is a company, not the band of investors
    lemma = noun_lemma(tok)
    found = {
        tuple(e.index for e in led): led
        for o in ctx.doc
        if o.i != tok.i and o.pos_ == "NOUN" and noun_lemma(o) == lemma
        for led in [_leaders(ctx, o)]
        if led
    }
    return next(iter(found.values())) if len(found) == 1 else []


def _group_speaker(ctx: Context, tok) -> list[DocEntity]:
    """ "A group of funds led by Jane Doe said it bought ...": the pronoun that is the
    subject of what a band of investors says is that band."""
    verb = tok.head
    if (
        tok.dep_ not in SUBJ_DEPS
        or verb.dep_ != "ccomp"
        or verb_lemma(verb.head, ctx.rules) not in ctx.rules.words.speech_verbs
    ):
        return []
    subj = [c for c in verb.head.children if c.dep_ in SUBJ_DEPS]
    if not subj or ctx.at(subj[0]) or noun_lemma(subj[0]) not in ctx.rules.words.group_nouns:
        return []
    return refer(ctx, subj[0], {tok.i})


def _named_after(ctx: Context, tok) -> list[DocEntity]:
    """ "to Italian bank Mediobanca" parsed with the name cut from its noun: the
    organisation named right after the noun (not the subject of a clause: "the
    company Microsoft bought")."""
    if tok.i + 1 >= len(ctx.doc):
        return []
    nxt = ctx.doc[tok.i + 1]
    e = ctx.at(nxt)
    if e is None or e.type != ORG or tok.dep_ not in ("pobj", "dobj", "dative"):
        return []
    root = max((m for m in e.mentions if m.start == nxt.i), default=None, key=lambda m: m.end)
    if root is None:
        return []
    head = ctx.doc[root.start : root.end].root
    return [e] if head.dep_ in ("ROOT", "appos") and head.head.i != tok.head.i else []


def _included(ctx: Context, tok, seen) -> list[DocEntity]:
    """ "researchers including Jane Doe", "rivals such as Acme"."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("including", "like"):
            hit = _pobjs(ctx, c, seen)
            if hit:
                return hit
    return []


def names_listed_before(ctx: Context, tok) -> list[DocEntity]:
    """The names listed right before a noun, read from the words as the parser often
    splits such lists: "the Churchill, Privilege and Darwin brands", "the Maguary
    and Dafruta juice brands", "the Eurostar Neo and OneSat telecoms satellites"."""
    doc, out = ctx.doc, []
    i = tok.i - 1
    while i >= 0 and doc[i].pos_ == "NOUN" and doc[i].is_lower and ctx.at(doc[i]) is None:
        i -= 1  # "juice brands"
    while i >= 0 and ctx.at(doc[i]) is not None:
        e = ctx.at(doc[i])
        while i >= 0 and ctx.at(doc[i]) is e:
            i -= 1
        out.append(e)
        if i >= 1 and doc[i].lower_ in (",", "and", "&") and ctx.at(doc[i - 1]) is not None:
            i -= 1
        else:
            break
    return list(reversed(out))


def _compounded_names(ctx: Context, tok, lemma: str) -> list[DocEntity]:
    """ "the Grok chatbot", "the Mawingu network", "the Amstel and Strongbow ciders";
    not "OpenAI researchers" nor "a San Francisco start-up"."""
    words = ctx.rules.words
    if lemma in words.product_nouns:
        wanted = PRODUCT
    elif lemma in words.org_nouns and lemma not in ctx.rules.roles:
        wanted = ORG
    else:
        return []
    for c in compounds(tok):
        e = ctx.at(c)
        if e is not None and e.type == wanted:
            listed = [x for x in refer(ctx, c) if x.type == wanted]
            before = [x for x in names_listed_before(ctx, tok) if x.type == wanted]
            return distinct([e, *listed, *before])
    return []


def _described(ctx: Context, tok) -> list[DocEntity]:
    """What "the company" stands for: the name it is set beside, or an antecedent."""
    dets = {c.lower_ for c in tok.children}
    if dets & {"the", "this", "a", "an"}:
        # a description set off by a comma right after a name is about that name
        # ("Blue Origin, the rocket company founded by ...")
        named = _name_before_comma(ctx, tok)
        if named is not None and tok.dep_ != "poss" and named.type != PERSON:
            return [named]
    if dets & {"the", "this"}:
        lemma = noun_lemma(tok)
        specific = lemma not in ctx.rules.words.generic_org_nouns
        a = ctx.ents.antecedent(
            tok,
            (ORG,),
            skip=clause_positions(tok),
            description=True,
            noun=tok.lower_,
            exclude=ctx.avoid,
            prefer=ctx.ents.described_as(lemma, tok.i) if specific else frozenset(),
            countries=described_countries(ctx, tok),
        )
        return distinct([a])
    return []


def described_countries(ctx: Context, tok):
    """The countries a description names ("the Frankfurt-based exchange", "the
    Swiss company"), with the article's ties of its organisations; None when it
    names none. Not a country's public body ("the French government": the
    country's own, not a company tied to it), nor several ("the Canadian
    publishers")."""
    words = ctx.rules.words
    if tok.tag_ == "NNS" or tok.lower_ in words.public_body_words:
        return None
    wanted = noun_countries(tok, ctx.ents, words)
    return (frozenset(wanted), ctx.ents.ties(words)) if wanted else None


def _listed_after(ctx: Context, tok) -> list[DocEntity]:
    """The names listed after a plural phrase: "hundreds of companies, among them
    Apple, Qualcomm and Samsung", "customers, including Beta and Gamma"."""
    doc = ctx.doc
    i = max(t.i for t in tok.subtree if t.i >= tok.i) + 1
    words = [t.lower_ for t in doc[i : i + 3]]
    if words[:1] != [","]:
        return []
    if words[1:3] == ["among", "them"] or words[1:3] == ["such", "as"]:
        i += 3
    elif words[1:2] == ["including"]:
        i += 2
    else:
        return []
    out: list[DocEntity] = []
    while i < len(doc):
        e = ctx.at(doc[i])
        if e is not None:
            out.append(e)
        elif doc[i].text not in (",", "and", "or"):
            break
        i += 1
    return distinct(out) if len(out) > 1 or (out and doc[i - 1].text != ",") else []


# ------------------------------------------------------------------------ roles
def role_referent(ctx: Context, tok, seen=None) -> list[DocEntity]:
    """Who holds the role the noun ``tok`` names: the name set beside it, the name
    it is set beside, the subject of a copula, the person a naming verb names, or
    an antecedent of "the chief executive"."""
    seen = seen if seen is not None else {tok.i}
    words = ctx.rules.words
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in words.one_of:
        # "Greg Brockman, OpenAI's president and one of its co-founders"
        tok = tok.head.head
        while tok.dep_ == "conj" and tok.head.pos_ in ("NOUN", "PROPN"):
            tok = tok.head
    for finder in (
        _set_off_after,
        _named_after_company,
        _beside_role,
        _named_unit,
        _role_in_clause,
        _role_of_verb,
    ):
        hit = finder(ctx, tok, seen)
        if hit is not None:
            return hit
    # one antecedent for one holder: "the owners of Rossignol" are not the company
    # named before
    if (
        any(c.lower_ in ("the", "this") for c in tok.children)
        and not _new_part(ctx, tok)
        and tok.tag_ != "NNS"
    ):
        role = ctx.rules.roles.get(noun_lemma(tok))
        aged = {"year", "old"} <= {t.lower_ for t in tok.subtree if t.i < tok.i}
        types = (
            (PERSON,)
            if aged or role and role[0].predicate in ("executiveOf", "founderOf")
            else (ORG,)
        )
        lemma = noun_lemma(tok)
        a = ctx.ents.antecedent(
            tok,
            types,
            skip=clause_positions(tok),
            description=True,
            exclude=ctx.avoid,
            # "its North American unit, 7-Eleven Inc. ... bought by the unit"
            prefer=ctx.ents.described_as(lemma, tok.i),
            countries=described_countries(ctx, tok) if types == (ORG,) else None,
        )
        return distinct([a])
    return []


def _set_off_after(ctx: Context, tok, seen) -> list[DocEntity] | None:
    """ "buy AIG Life, the British protection arm of AIG", parsed with the apposition
    on another name: a title set off by a comma and "the" right after a company is
    that company's, whatever the parse; a person's title right after a person, that
    person's."""
    if ctx.doc[tok.left_edge.i].lower_ != "the":
        return None
    named = _name_before_comma(ctx, tok)
    if named is None:
        return None
    if tok.dep_ != "appos":
        # "combines the business of Beta, the aircraft maker's space division, with ..."
        # parsed as a second object: a unit's phrase closed by a comma
        closed = tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].text == ","
        unit = noun_lemma(tok) in ctx.rules.unit_nouns
        ok = tok.dep_ in ("dobj", "conj") and closed and unit and named.type == ORG
        return [named] if ok else None
    if ctx.at(tok.head) in (None, named):
        return None
    if named.type == PERSON:
        # "fired Jane Roe, John Doe and Ann Lee, the company's head of legal policy":
        # the title is the last-named person's
        role = ctx.rules.roles.get(noun_lemma(tok))
        person_role = role and role[0].predicate in ("executiveOf", "founderOf")
        return [named] if person_role and ctx.at(tok.head).type == PERSON else None
    return [named] if named.type == ORG else None


def _named_after_company(ctx: Context, tok, seen) -> list[DocEntity] | None:
    """ "The chief executive of Acme, Jane Doe, said ...", "his counterpart at Acme,
    Jane Doe": the person set off after the title's company holds the title, though
    the parse hangs her on the company."""
    role = ctx.rules.roles.get(noun_lemma(tok))
    if not role or role[0].predicate not in ("executiveOf", "founderOf"):
        return None
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ not in role[0].preps:
            continue
        for company in prep.children:
            if company.dep_ != "pobj" or getattr(ctx.at(company), "type", None) != ORG:
                continue
            for c in company.children:
                named = ctx.at(c) if c.dep_ == "appos" else None
                if named is not None and named.type == PERSON and c.i not in seen:
                    return [named]
    return None


def _name_before_comma(ctx: Context, tok) -> DocEntity | None:
    """The name right before the comma that opens the phrase of ``tok`` ("Blue Origin,
    the rocket company ..."), whatever the parse hangs the phrase on."""
    left = tok.left_edge.i
    if left < 2 or ctx.doc[left - 1].text != ",":
        return None
    return ctx.at(ctx.doc[left - 2])


def _new_part(ctx: Context, tok) -> bool:
    """ "buy the PC division of IBM": a part of a company bought or sold is not the
    company the story is about."""
    role = ctx.rules.roles.get(noun_lemma(tok))
    if not role or role[0].predicate != "subsidiaryOf":
        return False
    verb = tok.head if tok.dep_ == "dobj" else None
    lemma = verb.lemma_.lower() if verb is not None else ""
    traded = lemma in ctx.rules.sales or any(
        t.predicate == "acquires" for t in ctx.rules.verbs.get(lemma, ())
    )
    return traded


def _beside_role(ctx: Context, tok, seen) -> list[DocEntity] | None:
    """The name set beside the title first ("chief financial officer Ned Segal", not
    the "and Jane Doe" after it), then the name the title is set beside ("Jane
    Doe, Acme's chief executive"), or the name after a second title joined to it
    ("its former parent and phone pioneer AT&T")."""
    plural = tok.tag_ == "NNS"  # "its rivals, Heineken and AB InBev": all of them
    for c in tok.children:
        if (
            c.dep_ == "conj"
            and ctx.at(c) is not None
            and not plural
            and ctx.doc[tok.i + 1].lower_ == "and"
            and _titles_between(ctx, tok.i + 2, c)
        ):
            return refer(ctx, c, seen, conj=False)
    for c in tok.children:
        if (
            c.dep_ == "appos"
            and c.i > tok.i
            and not any(t.is_punct for t in ctx.doc[tok.i + 1 : c.left_edge.i])
        ):
            hit = refer(ctx, c, seen, conj=plural)
            if hit:
                return hit
    if tok.dep_ == "appos":
        # "Agip, a subsidiary of ENI, and Arco": the one name it is set beside
        return refer(ctx, tok.head, seen, conj=plural)
    described = False
    for c in tok.children:
        if c.dep_ == "appos":
            hit = refer(ctx, c, seen, conj=plural)
            if hit:
                return hit
            described = described or c.i > tok.i and c.pos_ == "NOUN"
    # "The owners of Rossignol, the Boix-Vives family, ...": held by what the
    # apposition describes, which is no entity of the story
    return [] if described else None


def _titles_between(ctx: Context, start: int, name) -> bool:
    """Whether the words from ``start`` to the name ``name`` begins are one lower-case
    title ("phone pioneer")."""
    words = []
    for t in ctx.doc[start : name.i + 1]:
        if ctx.at(t) is not None:
            break
        words.append(t)
    return bool(words) and all(t.is_lower and t.pos_ in ("NOUN", "ADJ") for t in words)


def _named_unit(ctx: Context, tok, seen) -> list[DocEntity] | None:
    """ "Alphabet's Google unit": the unit is Google (without the possessor, "the
    Yukos unit" is a unit of Yukos, unless the story named Yukos someone's unit
    before); "Ilya Sutskever, a co-founder and board
    member": two titles read as one; "researchers including Jane Doe"."""
    lemma = noun_lemma(tok)
    if lemma in ctx.rules.unit_nouns:
        named = [
            ctx.at(c)
            for c in tok.children
            if c.dep_ == "compound" and ctx.at(c) and ctx.at(c).type == ORG
        ]
        if named and (
            any(c.dep_ == "poss" for c in tok.children)
            # "its Six Flags subsidiary ... the Six Flags subsidiary": the same unit
            or _owned_before_as(ctx, named[0], lemma, tok.i)
        ):
            return named[:1]
    if tok.dep_ == "nmod" and tok.head.dep_ == "appos":
        return refer(ctx, tok.head.head, seen)
    return _included(ctx, tok, seen) or None


def _owned_before_as(ctx: Context, e: DocEntity, lemma: str, before: int) -> bool:
    """Whether the story named ``e`` before as someone's unit of that noun: "its Six
    Flags theme park subsidiary"."""
    for m in e.mentions:
        if m.end > before:
            break
        node = ctx.doc[m.end - 1]
        while node.dep_ == "compound" and node.head.i > node.i:
            node = node.head
        if node.i != m.end - 1 and noun_lemma(node) == lemma:
            if any(c.dep_ == "poss" for c in node.children):
                return True
    return False


def _role_in_clause(ctx: Context, tok, seen) -> list[DocEntity] | None:
    """The holder a clause gives the title: "named Jane Doe chief executive"
    (parsed as a name modifying the title), "Acme is Beta's partner", "Acme's
    shareholders include Beta and Gamma", "Jane Doe was named chief executive"."""
    for c in tok.children:
        e = ctx.at(c) if c.dep_ in ("nmod", "compound") and tok.dep_ in ("oprd", "dobj") else None
        if e is not None and e.type == PERSON:
            return [e]
    if tok.dep_ in ("attr", "acomp", "oprd") and tok.head.lemma_ in ctx.rules.words.copulas:
        return subject_of(ctx, tok.head, seen=seen)
    if tok.dep_ == "nsubj" and (
        tok.head.lemma_ == "include"
        and tok.tag_ == "NNS"
        or tok.head.lemma_ in ctx.rules.words.copulas
    ):
        # "Acme's shareholders include Beta and Gamma", "whose chief executive is Jane Doe"
        named = [c for c in tok.head.children if c.dep_ in OBJ_DEPS + ("attr",)]
        if not named:
            return []
        listed = (
            _names_listed_from(ctx, named[0].left_edge.i) if tok.head.lemma_ == "include" else []
        )
        return distinct(refer(ctx, named[0], seen) + listed)
    if tok.dep_ == "oprd":
        named = [c for c in tok.head.children if c.dep_ in ("dobj", "nsubjpass")]
        return refer(ctx, named[0], seen) if named else []
    if tok.dep_ in ("compound", "amod") and ctx.at(tok.head):
        return [ctx.at(tok.head)]
    return None


def _names_listed_from(ctx: Context, start: int) -> list[DocEntity]:
    """The names of a list read from the words, whatever the parse: "include
    Newcastle Brown Ale, Foster's, John Smith's, Strongbow and Kronenbourg"."""
    out: list[DocEntity] = []
    doc = ctx.doc
    for t in doc[start : min(len(doc), start + 40)]:
        e = ctx.at(t)
        if e is not None:
            out.append(e)
        elif not (
            t.text in (",", "'s", "\u2019s")
            or t.lower_ in ("and", "or", "the")
            or t.pos_ == "PROPN"
        ):
            break
    return distinct(out)


def _role_of_verb(ctx: Context, tok, seen) -> list[DocEntity] | None:
    """ "counts HSBC and Barclays among its clients", "named X as chief executive";
    but "joined Acme as chief executive" is the subject's role."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "among" and tok.head.head.pos_ == "VERB":
        objs = [c for c in tok.head.head.children if c.dep_ in OBJ_DEPS]
        return refer(ctx, objs[0], seen) if objs else []
    if tok.dep_ == "pobj" and tok.head.lower_ == "as":
        verb = tok.head.head
        objs = [c for c in verb.children if c.dep_ in OBJ_DEPS]
        if objs and verb.lemma_.lower() in ctx.rules.words.succession_verbs:
            # "Jane Doe, who succeeded John Roe as chief executive": both held it
            return distinct([*subject_of(ctx, verb, seen=seen), *refer(ctx, objs[0], seen)])
        if objs and verb.lemma_.lower() not in ctx.rules.words.joining_verbs:
            return refer(ctx, objs[0], seen)
        return subject_of(ctx, verb, seen=seen)
    return None


# --------------------------------------------------------------------- subjects
def subject_of(ctx: Context, verb, depth: int = 0, seen=None) -> list[DocEntity]:
    """The entities doing what ``verb`` says, climbing through control and coordination."""
    if depth > 4:
        return []
    seen = seen if seen is not None else set()

    # the nearest subject first: "Acme, whose chief executive Jane Doe also runs Beta"
    # parsed with two subjects of "runs"; but not one a comma closes off from the verb:
    # "Acme, whose chief executive Jane Doe also runs Beta, holds a stake"
    def order(t):
        cut = any(w.text == "," for w in verb.doc[t.i + 1 : verb.i])
        return (t.i > verb.i, cut, -t.i)

    for c in sorted(verb.children, key=order):
        if c.dep_ in SUBJ_DEPS:
            hit = refer(ctx, c, seen)
            if not hit:
                for p in c.children:
                    if p.dep_ == "poss":
                        hit = refer(ctx, p, seen)
            return hit
    if verb.dep_ == "relcl":
        return refer(ctx, verb.head, seen)
    if verb.dep_ == "acl":
        hit = _modifier_subject(ctx, verb, depth, seen)
        if hit is not None:
            return hit
    accused = accused_of(verb, ctx.rules) if verb.dep_ == "pcomp" else None
    if accused is not None:
        return refer(ctx, accused, seen)
    if verb.dep_ == "conj" and verb.i > 0 and verb.doc[verb.i - 1].text == ",":
        # "Acme, whose chief executive Jane Doe also runs Beta, holds a stake", parsed
        # with "holds" joined to "runs" and two subjects there: the first is its own
        subjects = sorted(c.i for c in verb.head.children if c.dep_ in SUBJ_DEPS)
        if len(subjects) > 1 and subjects[0] < verb.head.i:
            return refer(ctx, verb.doc[subjects[0]], seen)
    if verb.dep_ == "xcomp":
        # "GM is obliged to buy", "Acme is expected to sell": the passive subject
        passive = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
        if passive:
            return refer(ctx, passive[0], seen)
    if verb.dep_ in ("xcomp", "conj", "advcl", "pcomp", "ccomp") and verb.head != verb:
        head = verb.head.head if verb.head.dep_ == "prep" else verb.head
        return subject_of(ctx, head, depth + 1, seen)
    return []


def _modifier_subject(ctx: Context, verb, depth: int, seen) -> list[DocEntity] | None:
    """The subject of a verb that modifies a noun: "Acme's plan to buy Beta",
    "Acme is in talks to buy Beta" (whose plan, talks); "Acme, adding support for
    ...", and "Acme partnered with ..." misparsed as a modifier of the name."""
    if (
        any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and verb.head.pos_ == "NOUN"
    ):
        noun = verb.head
        owners = [e for c in noun.children if c.dep_ == "poss" for e in refer(ctx, c, seen)]
        if owners:
            return owners
        governor = governing_verb(noun) or (
            noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
        )
        return subject_of(ctx, governor, depth + 1, seen) if governor is not None else []
    if verb.tag_ == "VBG" or verb.lemma_.lower() in ctx.rules.intransitive:
        return refer(ctx, verb.head, seen)
    return None


def governing_verb(tok):
    """The verb a noun is the object, attribute or passive subject of (through
    "of"-phrases and conjunctions), or None."""
    head = tok
    for _ in range(4):
        if head.dep_ in ("dobj", "attr", "nsubjpass", "oprd", "npadvmod", "conj", "appos"):
            head = head.head
        elif head.dep_ == "pobj" and head.head.dep_ == "prep":
            head = head.head.head
        else:
            break
        if head.pos_ in ("VERB", "AUX"):
            return head
    return None
