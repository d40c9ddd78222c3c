"""What kind of thing a name is, from the words around it.

NER's label is a first guess; these read the signals a careful reader uses:
the name's own last word ("Mawingu Networks", "Kennedy Space Center"), the
noun before or after it ("start-up DeepSeek", "the Grok chatbot"), an
apposition ("Northwind, a start-up"), what only an organisation has ("the
chief executive of Quora"), and what the sentence does with it. The roles a
name plays in claims are read later, in a pass of their own
(:func:`kg.extract.relations.type_by_roles`).
"""

from __future__ import annotations

import re

from ..model import EntityType
from ..names import CORPORATE_SUFFIXES
from .rules import Rules

__all__ = [
    "context_type",
    "honorific_type",
    "place_type",
    "site_type",
    "list_type",
    "model_name_type",
    "name_ending_type",
    "argument_type",
]

ORG, PERSON, PLACE, PRODUCT = (
    EntityType.ORGANIZATION,
    EntityType.PERSON,
    EntityType.PLACE,
    EntityType.PRODUCT,
)
_SUFFIX_WORDS = frozenset(s.lower() for s in CORPORATE_SUFFIXES)
#: A model's name: "HLV-310", "A320", "F-35", "DB9", "PS5".
_MODEL_RE = re.compile(r"^(?:[A-Z][A-Za-z]{0,4}-?\d{2,4}|[A-Z]{2,4}\d)$")


def context_type(
    doc, start: int, end: int, rules: Rules, full_name: bool = False
) -> EntityType | None:
    """A type read from the words around the name ``doc[start:end]``.

    A ``full_name`` NER calls a person's is not made a company by an apposition
    alone: "the chipmaker Daniel Reyes runs" is misparsed that way."""
    return (
        honorific_type(doc, start, end, rules)
        or place_type(doc, start, end, rules)
        or _own_words_type(doc, start, end, rules)
        or _person_context_type(doc, start, end, rules)
        or _noun_after_type(doc, start, end, rules)
        or _noun_before_type(doc, start, end, rules)
        or _listed_before_type(doc, start, end, rules)
        or _listed_after_type(doc, start, rules)
        or _apposition_type(doc[start:end].root, rules)
        or holder_type(doc[start:end].root, rules, full_name)
        or _described_type(doc[start:end].root, rules, full_name)
    )


def honorific_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """ "Mr Ebbers", "Dr. Okafor", "Chancellor Olaf Scholz": only people have
    honorifics, and a capitalised title before a name of up to three words is a
    person's ("President Bush"; not a word that begins company names: "General")."""
    prev = doc[start - 1] if start > 0 else None
    if prev is None:
        return None
    if prev.lower_ in rules.words.honorifics:
        return PERSON
    if (
        prev.is_title
        and prev.lower_ in rules.title_words
        and prev.lower_ not in rules.words.name_titles
        and end - start <= 3
        and all(t.is_title and t.pos_ == "PROPN" for t in doc[start:end])
    ):
        return PERSON
    return None


def place_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """ "Redmond-based", "Tarnwick-headquartered": what a company is based in is a
    place; so is a state's abbreviation ("COLO.") and the name of a site ("its
    Pellworth plant")."""
    if (
        end + 1 < len(doc)
        and doc[end].text == "-"
        and not doc[end - 1].whitespace_
        and not doc[end].whitespace_
        and doc[end + 1].lower_ in rules.words.located_words
    ):
        return PLACE
    if (
        end < len(doc)
        and doc[end].text == "."
        and not doc[end - 1].whitespace_
        and doc[start:end].text.lower() + "." in rules.words.region_names
    ):
        return PLACE  # "DENVER, COLO., March 17": the tokenizer split the abbreviation
    return site_type(doc, start, end, rules)


#: NER's labels for the name of a place, or of a people that a place is often taken for.
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})


def site_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """ "its Pellworth plant", "Quorvex's Midlands factory", "Drummock gold mine",
    "the Arden plant" (a name NER takes for a place's): the name of a site is a
    place's; not "the Acme plant" (a company's) nor "a Halvard plant"."""
    noun = doc[end - 1]
    while noun.dep_ in ("compound", "nmod", "amod") and noun.head.i in range(
        noun.i + 1, noun.i + 3
    ):
        noun = noun.head
    if (
        noun.i < end
        or noun.pos_ != "NOUN"
        or noun.tag_ != "NN"
        or noun.lemma_.lower() not in rules.words.site_nouns
    ):
        return None
    dets = [c for c in noun.children if c.dep_ in ("det", "poss") and c.i < start]
    if not dets or dets[0].dep_ == "poss":
        return PLACE
    if dets[0].lower_ == "the" and doc[start].ent_type_ in _PLACE_LABELS:
        return PLACE
    return None


def _own_words_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """ "Acme Corp", "Mawingu Networks", "Rift Valley", "Apple Watch", "Office 365"."""
    if end - start < 2:
        return None
    last = doc[end - 1]
    words = rules.words
    if (
        last.lower_.rstrip(".") in _SUFFIX_WORDS
        or last.lower_ in words.org_name_words
        or doc[start].lower_ in words.org_first_words
    ):
        return ORG
    if last.lower_ in words.place_name_words:
        return PLACE
    if last.lower_ in words.product_name_words or (last.like_num and not doc[start].like_num):
        return PRODUCT
    return None


def _person_context_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """What only people do: "Jane Doe, who ..." (a name of two or three words),
    "Doe remains executive chairman", "succeeded Jane Doe as chief executive"."""
    span = doc[start:end]
    if (
        2 <= len(span) <= 3
        and end + 1 < len(doc)
        and doc[end].text == ","
        and doc[end + 1].lower_ in ("who", "whom")
        and all(t.text[:1].isupper() for t in span)
        and not (start > 0 and doc[start - 1].lower_ == "the")
    ):
        return PERSON
    root = span.root
    verb = root.head
    if root.dep_ == "nsubj" and verb.lemma_.lower() in rules.words.copulas:
        held = [c for c in verb.children if c.dep_ == "attr"]
    elif root.dep_ == "dobj" and verb.lemma_.lower() in rules.words.succeeding_verbs:
        held = [
            p
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ == "as"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    else:
        return None
    if held and held[0].pos_ == "NOUN" and held[0].lemma_.lower() in rules.title_nouns:
        return PERSON
    return None


def _noun_after_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """ "the Grok chatbot", "Optimus humanoid robot", "the Zephyr warehouse robot";
    "the Sal Quorn investment bank" (not a place's: "a San Francisco start-up"; nor
    a maker's wares: "the Zephyr maker"; nor a lone surname's: "the Doe group")."""
    last = noun = doc[end - 1]
    while noun.dep_ in ("compound", "nmod", "amod") and noun.head.i in range(
        noun.i + 1, noun.i + 3
    ):
        noun = noun.head
    if noun is last or noun.pos_ != "NOUN":
        return None
    words, lemma = rules.words, noun.lemma_.lower()
    if noun.lower_ in words.product_nouns:
        return PRODUCT
    if (
        lemma in words.org_nouns
        and lemma not in rules.roles
        and lemma not in words.party_nouns
        and lemma not in rules.person_nouns
        and doc[start].ent_type_ not in ("GPE", "LOC")
        and end - start > 1
    ):  # "the Gabelli group" is Mario Gabelli's
        return ORG
    return None


#: Words that may stand between the names of a list: "A, B and C", "A's".
_LIST_GLUE = frozenset({",", "and", "&", "or", "'s", "\u2019s", "the"})
#: Determiners that make "the X brand" one thing of a kind, not a maker's wares
#: ("Nissan cars").
_ONE_OF_A_KIND = frozenset({"the", "a", "an", "its", "their", "his", "her", "whose"})


def _listed_before_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """A name in a list before the noun that says what its members are: "the
    Churchill, Privilege and Darwin brands", "the Leaf and Ariya electric cars";
    not a maker's wares ("Nissan cars")."""
    i, names = end, 1 + _names_before(doc, start)
    while i < min(len(doc), end + 14):
        tok = doc[i]
        if (
            tok.tag_ == "POS"
            and i + 1 < len(doc)
            and doc[i + 1].lower_ not in _LIST_GLUE
            and not _last_listed(doc, i - 1)
        ):
            # "Boeing's Starliner capsule": Boeing owns it; but a list goes on through
            # a name's possessive ("the Amstel and Murphy's stout brands")
            return None
        if (
            tok.lower_ in _LIST_GLUE
            or tok.pos_ == "NUM"
            or tok.text == "-"
            and not doc[i - 1].whitespace_
        ):  # "sport-utility"
            i += 1
        elif tok.pos_ == "PROPN" or tok.ent_type_:
            names += doc[i - 1].lower_ in (",", "and", "or")
            i += 1
        elif (
            tok.pos_ in ("ADJ", "NOUN")
            and tok.dep_ in ("amod", "compound", "nmod")
            and tok.head.i > tok.i
        ):
            # "electric", "cough", "sport-utility"; "Pepsi, 7UP and other PepsiCo drinks"
            names += tok.lower_ == "other" and doc[i - 1].lower_ in ("and", "or")
            i += 1
        else:
            break
    if i >= len(doc) or doc[i].pos_ != "NOUN":
        return None
    noun, lemma = doc[i], doc[i].lemma_.lower()
    words = rules.words
    if lemma not in words.product_nouns or lemma in words.org_nouns:
        return None
    before = doc[start - 1] if start > 0 else None
    kind = before is not None and (before.lower_ in _ONE_OF_A_KIND or before.tag_ == "POS")
    if kind or names > 1 or lemma in words.kind_nouns or noun.tag_ == "NN":
        return PRODUCT
    return None


def _last_listed(doc, i: int) -> bool:
    """Whether the name ending at ``doc[i]`` is the last of a list: "and" or "or"
    right before it ("the Amstel and Murphy's brands"; not "Raw, WWE's show")."""
    while i > 0 and (doc[i].pos_ == "PROPN" or doc[i].ent_type_):
        i -= 1
    return doc[i].lower_ in ("and", "or")


def _names_before(doc, start: int) -> int:
    """How many names stand listed right before ``doc[start]``: "the Eurostar Neo and
    OneSat satellites" lists one before OneSat."""
    count, i = 0, start - 1
    while (
        i > 0
        and doc[i].lower_ in (",", "and", "or")
        and (doc[i - 1].ent_type_ or doc[i - 1].pos_ == "PROPN")
    ):
        count += 1
        i -= 1
        while (
            i > 0
            and (doc[i - 1].ent_type_ or doc[i - 1].pos_ == "PROPN")
            and doc[i - 1].lower_ not in _LIST_GLUE
        ):
            i -= 1
        i -= 1
    return count


def list_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """A type from a list the name ``doc[start:end]`` is part of: "the Leaf and Ariya
    electric cars", "brands include A and B"."""
    return _listed_before_type(doc, start, end, rules) or _listed_after_type(doc, start, rules)


def model_name_type(text: str) -> EntityType | None:
    """ "HLV-310", "A320", "F-35", "DB9": letters and a number of two to four digits,
    or two to four capitals and a digit, name a model, not a company ("O2", "G4S"
    are not of this form)."""
    return PRODUCT if _MODEL_RE.match(text) else None


def _listed_after_type(doc, start: int, rules: Rules) -> EntityType | None:
    """A name listed after the noun that says what its members are: "brands include
    A, B and C", "rivals including A", "carriers such as A", "programmes like A"."""
    end = start
    while end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].ent_type_):
        end += 1
    if end < len(doc) and doc[end].tag_ == "POS":
        return None  # "products such as Nintendo's Game Cube": Nintendo owns a member
    i = start - 1
    while i >= max(0, start - 14) and (
        doc[i].lower_ in _LIST_GLUE
        or doc[i].pos_ == "PROPN"
        or doc[i].ent_type_
        and doc[i].pos_ != "VERB"
        or doc[i].text == "-"
        and not doc[i].whitespace_
    ):
        i -= 1
    if i < 0:
        return None
    tok = doc[i]
    noun = None
    if tok.lemma_.lower() == "include" and tok.pos_ == "VERB" and tok.dep_ != "prep":
        noun = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    elif (
        tok.lower_ in ("including", "like")
        or tok.lower_ == "as"
        and i > 0
        and doc[i - 1].lower_ == "such"
    ):
        noun = tok.head.head if tok.lower_ == "as" and tok.head.pos_ != "NOUN" else tok.head
    if noun is None or noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    if lemma in rules.words.product_nouns and lemma in rules.words.org_nouns:
        return None  # "services such as Spotify": a service, or the company running it
    return _noun_type(lemma, rules)


def _noun_before_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """ "start-up DeepSeek", "broadband provider Mawingu", "chatbot Grok" (the noun
    tagged a proper noun too, when written in lower case)."""
    prev = doc[start - 1] if start > 0 else None
    if (
        prev is None
        or not (prev.pos_ == "NOUN" or prev.pos_ == "PROPN" and prev.is_lower)
        or prev.head.i not in range(start, end)
        or prev.dep_ not in ("compound", "nmod", "amod")
    ):
        return None
    lemma = prev.lemma_.lower()
    words = rules.words
    if lemma in words.org_nouns and lemma not in words.product_nouns | rules.person_nouns:
        return ORG
    if lemma in words.product_nouns and lemma not in words.org_nouns:
        return PRODUCT
    return None


def _apposition_type(head, rules: Rules) -> EntityType | None:
    """ "Northwind, a start-up", "Sutskever, a co-founder and board member"."""
    words = rules.words
    for child in head.children:
        if child.dep_ != "appos":
            continue
        lemma = child.lemma_.lower()
        if lemma in words.product_nouns:
            return PRODUCT
        if lemma in words.place_nouns:
            return PLACE
        if lemma in words.org_nouns:
            return ORG
        if lemma in rules.person_nouns and child.i > head.i and lemma not in words.party_nouns:
            return PERSON
    return None


def holder_type(head, rules: Rules, full_name: bool) -> EntityType | None:
    """ "the chief executive of Quora", "Qualcomm's founder": only organisations have
    these ("Yukos chief executive Steven Theede" too, but not "named Jane Doe chief
    executive"; "the company's San Francisco headquarters" is a place)."""
    if head.dep_ == "poss" or head.dep_ == "compound" and not full_name:
        holder = head.head
    elif head.dep_ == "pobj" and head.head.lower_ in ("of", "at"):
        holder = head.head.head
    else:
        return None
    lemma = holder.lemma_.lower()
    if (
        lemma in rules.words.org_possessed_nouns
        and holder.i != head.i
        and not (head.dep_ == "compound" and lemma == "headquarters")
    ):
        return ORG
    return None


def _described_type(head, rules: Rules, full_name: bool) -> EntityType | None:
    """A name set beside a noun that says what it is: "the chatbot, Grok"."""
    if head.dep_ != "appos" or head.head.pos_ != "NOUN":
        return None
    lemma = head.head.lemma_.lower()
    if lemma in rules.words.product_nouns:
        return PRODUCT
    if lemma in rules.person_nouns:
        return PERSON
    if lemma in rules.words.org_nouns and not full_name:
        return ORG
    return None


def name_ending_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """ "Acme Corp", "Mawingu Networks": a name whose last word says it is a company."""
    last = doc[end - 1].lower_.rstrip(".")
    if end - start > 1 and (last in _SUFFIX_WORDS or last in rules.words.org_name_words):
        return ORG
    return None


def argument_type(root, by_token: dict, rules: Rules) -> EntityType | None:
    """A type for an untagged name from its place in the sentence: coordinated with or
    set beside a tagged name, described by a noun, owning what only organisations
    own, or doing what organisations do."""
    for other in [root.head, *[c for c in root.children if c.dep_ in ("conj", "appos")]]:
        if root.dep_ in ("conj", "appos") or other.head.i == root.i:
            m = by_token.get(other.i)
            if m is not None and other.i != root.i:
                return m.type
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            typ = _noun_type(c.lemma_.lower(), rules)
            if typ is not None:
                return typ
    head = root.head
    words = rules.words
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() in words.org_nouns:
        return ORG
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() in words.product_nouns:
        return PRODUCT  # "its most advanced product, Aflivra"
    noun = root
    while noun.dep_ in ("compound", "nmod") and noun.head.i in range(noun.i + 1, noun.i + 4):
        noun = noun.head
    if noun is not root and noun.pos_ == "NOUN" and noun.lower_ in words.product_nouns:
        return PRODUCT  # "the Zephyr 2 robot", "the Zephyr warehouse robot"
    if root.dep_ == "poss" and head.lemma_.lower() in rules.words.org_possessed_nouns:
        return ORG
    if (
        root.dep_ in ("nsubj", "dobj", "nsubjpass")
        and head.lemma_.lower() in words.organisation_verbs
    ):
        return ORG
    return None


def _noun_type(lemma: str, rules: Rules) -> EntityType | None:
    if lemma in rules.words.product_nouns:
        return PRODUCT
    if lemma in rules.words.org_nouns:
        return ORG
    if lemma in rules.person_nouns:
        return PERSON
    return None
