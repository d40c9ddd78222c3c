"""Named mentions in a parsed document, with a first guess at their type."""

from __future__ import annotations

from dataclasses import dataclass

from .gazetteer import Gazetteer
from .lexicon import (
    NER_TYPES,
    ORG_NAME_WORDS,
    ORG_NOUNS,
    PERSON_NOUNS,
    PLACE_NAME_WORDS,
    PLACE_NOUNS,
    PRODUCT_NAME_WORDS,
    PRODUCT_NOUNS,
    REJECTED_MENTIONS,
)
from ..names import CORPORATE_SUFFIXES, clean_mention, name_key

__all__ = ["RawMention", "find_mentions", "add_repeated_names", "add_untagged_names"]

_SUFFIX_WORDS = {s.lower() for s in CORPORATE_SUFFIXES}
#: Words of a title, not of a name.
TITLE_WORDS = frozenset({
    "vice", "president", "chief", "executive", "officer", "secretary", "attorney", "general",
    "counsel", "chairman", "chairwoman", "chair", "director", "minister", "prime", "senator",
    "governor", "judge", "ceo", "cfo", "cto", "coo", "head", "treasury", "deputy", "sen.",
    "rep.", "gov.", "mr.", "mrs.", "ms.", "dr.", "founder", "co-founder", "prince", "princess",
    "king", "queen", "sheikh", "sir", "lord", "lady", "dame", "mr", "mrs", "ms", "dr",
})
_ORG_ROLE_NOUNS = frozenset({"ceo", "president", "chairman", "chairwoman", "founder", "co-founder",
                             "cofounder", "cfo", "coo", "cto", "shareholder", "subsidiary",
                             "arm", "unit", "division", "headquarters", "board", "spokesman",
                             "spokeswoman", "spokesperson", "employee", "staff", "acquisition",
                             "executive", "officer"})


@dataclass
class RawMention:
    """A named span of a doc: token range, cleaned text and type votes."""

    start: int  # token index
    end: int  # token index, exclusive
    text: str
    start_char: int
    end_char: int
    type: str
    known: str | None = None  # gazetteer name, when the table knows it
    strong: bool = False  # the type comes from the table or the context, not NER alone


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive or punctuation."""
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct
                           or (doc[start].text.islower() and end - start > 1)):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                           or doc[end - 1].lower_ in {"'s", "\u2019s"}):
        end -= 1
    return start, end


def _context_type(doc, start: int, end: int, full_name: bool = False) -> str | None:
    """A type read from the words around a name ("Northwind, a startup").

    A ``full_name`` NER calls a person's is not made a company by an apposition
    alone: "the chipmaker Daniel Reyes runs" is misparsed that way."""
    last = doc[end - 1]
    if end - start > 1:
        if last.lower_.rstrip(".") in _SUFFIX_WORDS or last.lower_ in ORG_NAME_WORDS:
            return "Organization"
        if last.lower_ in PLACE_NAME_WORDS:
            return "Place"
        if last.lower_ in PRODUCT_NAME_WORDS or (last.like_num and not doc[start].like_num):
            # "Apple Watch", "Office 365", "Falcon 9"
            return "Product"
    noun = last
    while noun.dep_ in ("compound", "nmod", "amod") and noun.head.i in range(noun.i + 1,
                                                                             noun.i + 3):
        noun = noun.head  # "the Zephyr warehouse robot": up to "robot"
    if noun is not last and noun.lower_ in PRODUCT_NOUNS and noun.pos_ == "NOUN":
        return "Product"  # "the Grok chatbot", "Optimus humanoid robot"
    head = doc[start:end].root
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.pos_ == "NOUN" and prev.head.i in range(start, end) \
            and prev.dep_ in ("compound", "nmod", "amod"):
        # "start-up DeepSeek", "broadband provider Mawingu", "chatbot Grok"
        lemma = prev.lemma_.lower()
        if lemma in ORG_NOUNS and lemma not in PRODUCT_NOUNS | PERSON_NOUNS:
            return "Organization"
        if lemma in PRODUCT_NOUNS and lemma not in ORG_NOUNS:
            return "Product"
    for child in head.children:
        if child.dep_ == "appos":
            lemma = child.lemma_.lower()
            if lemma in PRODUCT_NOUNS:
                return "Product"
            if lemma in PLACE_NOUNS:
                return "Place"
            if lemma in ORG_NOUNS:
                return "Organization"
            if lemma in PERSON_NOUNS and child.i > head.i:
                return "Person"  # "Sutskever, a co-founder and board member"
    # "the chief executive of Quora", "Qualcomm's founder": only organisations have these
    # ("Yukos chief executive Steven Theede" too, but not "named Jane Doe chief executive")
    holder = head.head if head.dep_ == "poss" or head.dep_ == "compound" and not full_name else (
        head.head.head if head.dep_ == "pobj" and head.head.lower_ in ("of", "at") else None)
    if holder is not None and holder.lemma_.lower() in _ORG_ROLE_NOUNS and holder.i != head.i \
            and not (head.dep_ == "compound" and holder.lemma_.lower() == "headquarters"):
        return "Organization"  # ("the company's San Francisco headquarters" is a place)
    if head.dep_ == "appos" and head.head.pos_ == "NOUN":
        lemma = head.head.lemma_.lower()
        if lemma in PRODUCT_NOUNS:
            return "Product"
        if lemma in PERSON_NOUNS:
            return "Person"
        if lemma in ORG_NOUNS and not full_name:
            return "Organization"
    return None


def _ner_spans(doc):
    """NER's entity spans, split where one runs across a comma ("Tarn Labs, Quillon"),
    and a known name joined with the name it begins ("Google" + "Cloud")."""
    spans = []
    for ent in doc.ents:
        start = ent.start
        for tok in ent:
            dash = tok.text in ("-", "\u2013", "\u2014") and tok.whitespace_
            if tok.text == "," or dash or (
                    tok.lower_ == "and" and _two_names(doc, start, tok.i, ent.end)):
                spans.append([start, tok.i, ent.label_])
                start = tok.i + 1
        spans.append([start, ent.end, ent.label_])
    out: list[list] = []
    for span in spans:
        start, end, _ = span
        if out and out[-1][1] == start and _continues_known(doc, out[-1], span):
            out[-1] = [out[-1][0], end, span[2]]
            continue
        out.append(span)
    for start, end, label in out:
        # a known name followed by untagged capitalised words it modifies ("Apple Watch")
        run = end
        while run < len(doc) and doc[run].pos_ == "PROPN" and not doc[run].ent_type_ \
                and doc[run].text[:1].isupper():
            run += 1
        if run > end and doc[start].ent_id_ and doc[end - 1].head.i in range(end, run):
            end = run
        # a version number after a name ("Office" + "365", "Falcon" + "9")
        if end < len(doc) and _version_number(doc[end]) and doc[end - 1].pos_ == "PROPN" \
                and doc[end - 1].whitespace_:
            end += 1
        # an untagged first name before a tagged surname ("Ilya" of "Ilya Sutskever")
        while start > 0 and _first_name(doc[start - 1], start, end):
            start -= 1
        if label == "PERSON":
            while end - start > 1 and doc[start].lower_ in TITLE_WORDS:
                start += 1
        while end - start > 1 and doc[end - 1].lower_ in ("ceo", "cfo", "cto", "coo", "chief"):
            end -= 1  # "Microsoft CEO" is Microsoft
        yield start, end, label


def _version_number(tok) -> bool:
    """A short number that can end a product's name: "365", "9"; not a year."""
    text = tok.text
    return text.isdigit() and len(text) <= 4 and not tok.ent_type_ \
        and not (len(text) == 4 and text[:2] in ("19", "20"))


def _lone_letter_name(doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A known one-letter name ("X") standing on its own: not part of a longer
    name ("Model X", "Series X") nor of a hyphenated word ("X-ray")."""
    if end - start != 1 or gazetteer.lookup(doc[start].text) is None:
        return False
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.text[:1].isupper() and before.is_alpha \
            and not before.is_sent_start and before.pos_ == "PROPN":
        return False
    return not (after is not None and after.text in ("-", "\u2013") and not doc[start].whitespace_)


def _first_name(tok, start: int, end: int) -> bool:
    """An untagged capitalised word that modifies the name after it ("Ilya")."""
    return tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ == "compound" \
        and tok.head.i in range(start, end) and tok.text.istitle() \
        and len(tok.doc[start].text) > 1 and not tok.lower_.endswith("ing") \
        and tok.lower_ not in TITLE_WORDS and tok.lower_ not in _SKIP_WORDS


def _two_names(doc, start: int, conj: int, end: int) -> bool:
    """ "Quillon Systems and Brisk Analytics" names two organisations; "Securities and
    Exchange Commission" or "Marks and Spencer" one."""
    left, right = doc[start:conj], doc[conj + 1:end]
    return len(left) >= 2 and len(right) >= 2 and all(
        t.text[:1].isupper() for t in (*left, *right))


def _continues_known(doc, first, second) -> bool:
    """True when a known name is a modifier of the name right after it."""
    a_start, a_end, _ = first
    b_start, b_end, _ = second
    return bool(doc[a_start].ent_id_) and not doc[b_start].ent_id_ \
        and doc[a_end - 1].head.i in range(b_start, b_end) and bool(doc[a_end - 1].whitespace_)


def find_mentions(doc, gazetteer: Gazetteer, outlet: str | None = None) -> list[RawMention]:
    """Every named mention of a person, organisation, place or product.

    ``outlet`` is the article's source: where the text names it, it is an
    organisation whatever NER says.
    """
    out: list[RawMention] = []
    for ent_start, ent_end, label in _ner_spans(doc):
        ner_type = NER_TYPES.get(label)
        if ner_type is None:
            continue
        start, end = _trim(doc, ent_start, ent_end)
        if start >= end:
            continue
        span = doc[start:end]
        text = clean_mention(span.text)
        if len(text) < 2 and not _lone_letter_name(doc, start, end, gazetteer):
            continue
        if not any(c.isupper() for c in text):
            continue
        if text.lower() in REJECTED_MENTIONS or not any(c.isalpha() for c in text):
            continue
        if all(t.lower_ in TITLE_WORDS for t in span):
            continue  # "Vice President", "Chief Executive"
        # part of a hyphenated word ("low-Earth orbit", "Musk-founded")
        if start > 0 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_:
            continue
        known = gazetteer.lookup(text)
        if known is not None:
            typ, strong = known.type, True
        else:
            ctx = _context_type(doc, start, end,
                                full_name=ner_type == "Person" and end - start > 1)
            typ, strong = (ctx, True) if ctx else (ner_type, False)
        out.append(RawMention(start, end, text, span.start_char, span.end_char, typ,
                              known.name if known else None, strong))
    taken = {i for m in out for i in range(m.start, m.end)}
    out.extend(_unlabelled_products(doc, gazetteer, taken))
    if outlet:
        out.extend(_outlet_mentions(doc, outlet, taken))
    out.sort(key=lambda m: m.start)
    return out


def _outlet_mentions(doc, outlet: str, taken: set[int]) -> list[RawMention]:
    found = []
    text = doc.text
    pos = text.find(outlet)
    while pos >= 0:
        span = doc.char_span(pos, pos + len(outlet), alignment_mode="contract")
        if span is not None and not taken.intersection(range(span.start, span.end)):
            found.append(RawMention(span.start, span.end, clean_mention(span.text),
                                    span.start_char, span.end_char, "Organization", None, True))
            taken.update(range(span.start, span.end))
        pos = text.find(outlet, pos + len(outlet))
    return found


def add_repeated_names(doc, mentions: list[RawMention]) -> list[RawMention]:
    """Mentions NER missed of names it found elsewhere in the doc.

    A surname ("Musk") of a full personal name, or the exact words of an
    organisation or product name, that stand in the text untagged.
    """
    taken = {i for m in mentions for i in range(m.start, m.end)}
    forms: dict[tuple[str, ...], RawMention] = {}
    for m in mentions:
        words = tuple(t.text for t in doc[m.start:m.end])
        forms.setdefault(words, m)
        if m.type == "Person" and len(words) > 1:
            forms.setdefault((words[-1],), m)
    extra = []
    for tok in doc:
        if tok.i in taken or not tok.text[:1].isupper():
            continue
        for words, m in forms.items():
            end = tok.i + len(words)
            if end > len(doc) or tuple(t.text for t in doc[tok.i:end]) != words:
                continue
            if taken.intersection(range(tok.i, end)) or doc[tok.i].pos_ not in ("PROPN", "NOUN"):
                continue
            span = doc[tok.i:end]
            extra.append(RawMention(tok.i, end, clean_mention(span.text), span.start_char,
                                    span.end_char, m.type, m.known, m.strong))
            taken.update(range(tok.i, end))
            break
    return sorted(mentions + extra, key=lambda m: m.start)


def _unlabelled_products(doc, gazetteer: Gazetteer, taken: set[int]) -> list[RawMention]:
    """Capitalised names right before a product noun that NER missed ("the Zephyr app")."""
    found = []
    for tok in doc:
        if tok.lower_ not in PRODUCT_NOUNS or tok.pos_ != "NOUN":
            continue
        end = tok.i
        start = end
        while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].i not in taken \
                and doc[start - 1].head.i in range(start - 1, tok.i + 1):
            start -= 1
        if start == end or doc[start].is_sent_start and end - start == 1:
            continue
        span = doc[start:end]
        text = clean_mention(span.text)
        if len(text) < 2 or name_key(text) in REJECTED_MENTIONS:
            continue
        known = gazetteer.lookup(text)
        found.append(RawMention(start, end, text, span.start_char, span.end_char,
                                known.type if known else "Product",
                                known.name if known else None, True))
        taken.update(range(start, end))
    return found


_ARGUMENT_VERBS = frozenset({
    "acquire", "buy", "sue", "invest", "merge", "partner", "found", "co-found", "compete",
    "develop", "license", "supply", "sign", "announce", "agree", "launch", "back", "fund",
})
_SKIP_WORDS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mr", "mrs", "ms", "dr", "ceo", "ai", "inc", "corp",
})


def _chunk(doc, tok, taken: set[int]) -> tuple[int, int] | None:
    """The run of proper nouns around ``tok`` that names one thing."""
    if tok.i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    start = end = tok.i
    while start > 0:
        prev = doc[start - 1]
        if prev.pos_ != "PROPN" or prev.i in taken or prev.ent_type_ \
                or prev.head.i not in range(start - 1, tok.i + 1):
            break
        start -= 1
    while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and doc[end + 1].i not in taken \
            and doc[end].head.i == end + 1 and not doc[end + 1].ent_type_:
        end += 1
    return start, end + 1


def _name_ending_type(doc, start: int, end: int) -> str | None:
    """"Acme Corp", "Mawingu Networks": a name whose last word says it is a company."""
    last = doc[end - 1].lower_.rstrip(".")
    if end - start > 1 and (last in _SUFFIX_WORDS or last in ORG_NAME_WORDS):
        return "Organization"
    return None


def _argument_type(doc, root, by_token: dict[int, RawMention]) -> str | None:
    """A type for an untagged name from its place in the sentence."""
    # coordinated with, or set in apposition to, a tagged name: same type
    for other in [root.head, *[c for c in root.children if c.dep_ in ("conj", "appos")]]:
        if root.dep_ in ("conj", "appos") or other.head.i == root.i:
            m = by_token.get(other.i)
            if m is not None and other.i != root.i:
                return m.type
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            lemma = c.lemma_.lower()
            if lemma in PRODUCT_NOUNS:
                return "Product"
            if lemma in ORG_NOUNS:
                return "Organization"
            if lemma in PERSON_NOUNS:
                return "Person"
    head = root.head
    if root.dep_ == "appos" and head.pos_ == "NOUN" and head.lemma_.lower() in ORG_NOUNS:
        return "Organization"
    noun = root
    while noun.dep_ in ("compound", "nmod") and noun.head.i in range(noun.i + 1, noun.i + 4):
        noun = noun.head
    if noun is not root and noun.pos_ == "NOUN" and noun.lower_ in PRODUCT_NOUNS:
        return "Product"  # "the Zephyr 2 robot", "the Zephyr warehouse robot"
    if root.dep_ == "poss" and head.lemma_.lower() in _ORG_ROLE_NOUNS | {"rival", "competitor"}:
        return "Organization"
    if root.dep_ in ("nsubj", "dobj", "nsubjpass") and head.lemma_.lower() in _ARGUMENT_VERBS:
        return "Organization"
    return None


def add_untagged_names(doc, mentions: list[RawMention]) -> list[RawMention]:
    """Names NER left untagged, kept where the sentence shows what they are
    ("Salesforce, Microsoft's rival", "Apple, Qualcomm and Samsung")."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    extra = []
    for tok in doc:
        if tok.ent_type_ or tok.lower_ in _SKIP_WORDS:
            continue
        span = _chunk(doc, tok, taken)
        if span is None:
            continue
        start, end = span
        if end < len(doc) and _version_number(doc[end]) and doc[end].head.i in range(start, end):
            end += 1  # "Zephyr 2"
        while start < end and doc[start].lower_ in TITLE_WORDS:
            start += 1  # "Vice President Mike Pence" names Mike Pence; "Vice President" nobody
        if start == end:
            continue
        text = clean_mention(doc[start:end].text)
        if len(text) < 2 or text.lower() in REJECTED_MENTIONS or text.lower() in _SKIP_WORDS:
            continue
        typ = _name_ending_type(doc, start, end) or _argument_type(doc, doc[start:end].root,
                                                                   by_token)
        if typ is None:
            continue
        sp = doc[start:end]
        m = RawMention(start, end, text, sp.start_char, sp.end_char, typ, None, False)
        extra.append(m)
        taken.update(range(start, end))
        for i in range(start, end):
            by_token[i] = m
    return sorted(mentions + extra, key=lambda m: m.start)
