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

from ..model import EntityType
from ..names import CORPORATE_SUFFIXES
from .rules import Rules

__all__ = ["context_type", "name_ending_type", "argument_type"]

ORG, PERSON, PLACE, PRODUCT = (EntityType.ORGANIZATION, EntityType.PERSON, EntityType.PLACE,
                               EntityType.PRODUCT)
_SUFFIX_WORDS = frozenset(s.lower() for s in CORPORATE_SUFFIXES)


def context_type(doc, start: int, end: int, rules: Rules,
                 full_name: bool = False) -> EntityType | None:
    """A type read from the words around the name ``doc[start:end]``.

    A ``full_name`` NER calls a person's is not made a company by an apposition
    alone: "the chipmaker Daniel Reyes runs" is misparsed that way."""
    return (_honorific_type(doc, start, rules)
            or _own_words_type(doc, start, end, rules)
            or _noun_after_type(doc, start, end, rules)
            or _noun_before_type(doc, start, end, rules)
            or _apposition_type(doc[start:end].root, rules)
            or _holder_type(doc[start:end].root, rules, full_name)
            or _described_type(doc[start:end].root, rules, full_name))


def _honorific_type(doc, start: int, rules: Rules) -> EntityType | None:
    """ "Mr Ebbers", "Dr. Okafor": only people have honorifics."""
    if start > 0 and doc[start - 1].lower_ in rules.words.honorifics:
        return PERSON
    return None


def _own_words_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """ "Acme Corp", "Mawingu Networks", "Rift Valley", "Apple Watch", "Office 365"."""
    if end - start < 2:
        return None
    last = doc[end - 1]
    words = rules.words
    if last.lower_.rstrip(".") in _SUFFIX_WORDS or last.lower_ in words.org_name_words:
        return ORG
    if last.lower_ in words.place_name_words:
        return PLACE
    if last.lower_ in words.product_name_words or (last.like_num and not doc[start].like_num):
        return PRODUCT
    return None


def _noun_after_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """ "the Grok chatbot", "Optimus humanoid robot", "the Zephyr warehouse robot"."""
    last = noun = doc[end - 1]
    while noun.dep_ in ("compound", "nmod", "amod") and noun.head.i in range(noun.i + 1,
                                                                             noun.i + 3):
        noun = noun.head
    if noun is not last and noun.lower_ in rules.words.product_nouns and noun.pos_ == "NOUN":
        return PRODUCT
    return None


def _noun_before_type(doc, start: int, end: int, rules: Rules) -> EntityType | None:
    """ "start-up DeepSeek", "broadband provider Mawingu", "chatbot Grok"."""
    prev = doc[start - 1] if start > 0 else None
    if prev is None or prev.pos_ != "NOUN" or prev.head.i not in range(start, end) \
            or prev.dep_ not in ("compound", "nmod", "amod"):
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
        if lemma in rules.person_nouns and child.i > head.i:
            return PERSON
    return None


def _holder_type(head, rules: Rules, full_name: bool) -> EntityType | None:
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
    if lemma in rules.words.org_possessed_nouns and holder.i != head.i \
            and not (head.dep_ == "compound" and lemma == "headquarters"):
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
    noun = root
    while noun.dep_ in ("compound", "nmod") and noun.head.i in range(noun.i + 1, noun.i + 4):
        noun = noun.head
    if noun is not root and noun.pos_ == "NOUN" and noun.lower_ in words.product_nouns:
        return PRODUCT  # "the Zephyr 2 robot", "the Zephyr warehouse robot"
    if root.dep_ == "poss" and head.lemma_.lower() in rules.words.org_possessed_nouns:
        return ORG
    if root.dep_ in ("nsubj", "dobj", "nsubjpass") \
            and head.lemma_.lower() in words.organisation_verbs:
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
