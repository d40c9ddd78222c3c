"""Named mentions in a parsed document, with a first guess at their type."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import EntityType
from ..names import CORPORATE_SUFFIXES, clean_mention, name_key
from .entity_types import (
    argument_type,
    context_type,
    holder_type,
    honorific_type,
    list_type,
    model_name_type,
    name_ending_type,
    place_type,
    site_type,
)
from .gazetteer import Gazetteer
from .rules import Rules

__all__ = ["RawMention", "find_mentions", "add_repeated_names", "add_untagged_names"]

#: Dashes that close a dateline ("NAIROBI, Nov 25 (Wire) — ..."; :mod:`kg.extract.nlp`).
DATELINE_DASHES = frozenset({"—", "–", "-", "--"})

#: Words after a name that are a title, not part of it: "Microsoft CEO" is Microsoft.
_TRAILING_TITLES = ("ceo", "cfo", "cto", "coo", "chief")
#: A wire's ticker: "BONA.S", "HLDN.L", "AAPL.O".
_TICKER_RE = re.compile(r"^[A-Z0-9]{1,6}\.[A-Z]{1,2}$")
#: A wire's angle brackets around a company's name: "<Quell Glass SA>".
_BRACKETS = frozenset({"<", ">"})
#: The last words of company names ("Inc", "Plc").
_SUFFIX_WORDS = frozenset(s.lower() for s in CORPORATE_SUFFIXES)


@dataclass
class RawMention:
    """A named span of a doc: token range, cleaned text and type votes."""

    start: int  # token index
    end: int  # token index, exclusive
    text: str
    start_char: int
    end_char: int
    type: EntityType
    known: str | None = None  # gazetteer name, when the table knows it
    strong: bool = False  # the type comes from the table or the context, not NER alone


#: A count written with separators ("900,000"): never the end of a name.
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def _trim(doc, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the" and a trailing possessive or punctuation."""
    while start < end and (
        doc[start].lower_ == "the"
        or doc[start].is_punct
        or (doc[start].text.islower() and end - start > 1)
        or doc[start].tag_ in ("PRP$", "DT")
        and end - start > 1
    ):
        start += 1  # "the", "Its British Sugar"
    while end > start and (
        doc[end - 1].tag_ == "POS"
        or doc[end - 1].is_punct
        or doc[end - 1].lower_ in {"'s", "\u2019s"}
        or doc[end - 1].is_lower
        and doc[end - 1].is_alpha
        or _THOUSANDS.fullmatch(doc[end - 1].text)
    ):
        end -= 1  # "Acme's", "Eléctrica del Nervión and", "sell Qintex 900,000 shares"
    return start, end


def _ner_spans(doc, rules: Rules):
    """NER's entity spans, split where one runs across a comma ("Tarn Labs, Quillon"),
    and a known name joined with the name it begins ("Google" + "Cloud")."""
    spans = []
    for ent in doc.ents:
        start = ent.start
        for tok in ent:
            dash = tok.text in ("-", "\u2013", "\u2014") and tok.whitespace_
            if (
                tok.text == ","
                or dash
                or (
                    tok.lower_ == "and"
                    and (
                        _two_names(doc, start, tok.i, ent.end)
                        or _listed_products(doc, start, tok.i, ent.end, rules)
                    )
                )
            ):
                spans.append([start, tok.i, ent.label_])
                start = tok.i + 1
        spans.append([start, ent.end, ent.label_])
    out: list[list] = []
    for span in spans:
        start, end, _ = span
        if out and out[-1][1] == start and _continues_known(doc, out[-1], span):
            out[-1] = [out[-1][0], end, span[2]]
            continue
        if out and _one_company(doc, out[-1], span):
            out[-1] = [out[-1][0], end, out[-1][2]]  # "Lockheed" + "Martin"
            continue
        out.append(span)
    for start, end, label in out:
        # a known name followed by untagged capitalised words it modifies ("Apple Watch")
        run = end
        while (
            run < len(doc)
            and doc[run].pos_ == "PROPN"
            and not doc[run].ent_type_
            and doc[run].text[:1].isupper()
        ):
            run += 1
        if run > end and doc[start].ent_id_ and doc[end - 1].head.i in range(end, run):
            end = run
        # a version number after a name ("Office" + "365", "Falcon" + "9")
        if (
            end < len(doc)
            and _version_number(doc[end])
            and doc[end - 1].pos_ == "PROPN"
            and doc[end - 1].whitespace_
        ):
            end += 1
        # an untagged first name before a tagged surname ("Ilya" of "Ilya Sutskever")
        while start > 0 and _first_name(doc[start - 1], start, end, rules):
            start -= 1
        start, end = _hyphen_joined(doc, start, end)
        start, label = _after_title(doc, start, end, label, rules)
        while end - start > 1 and (
            doc[end - 1].lower_ in _TRAILING_TITLES
            or doc[end - 1].lower_ in rules.title_words
            and doc[end - 1].lower_ not in rules.words.name_titles
        ):
            end -= 1  # "Microsoft CEO", "UK Chancellor"
        start = _firm_start(doc, start, end, rules)
        yield start, end, label


def _hyphen_joined(doc, start: int, end: int) -> tuple[int, int]:
    """A name the tokenizer split at a hyphen, whole again: "CR-V", "Ito-Yokado",
    "SSN-AUKUS"; not "Redmond-based" or "Musk-founded" (lower case)."""

    def joins(left, dash, right) -> bool:
        return (
            dash.text == "-"
            and not left.whitespace_
            and not dash.whitespace_
            and (right.text[:1].isupper() or right.text[:1].isdigit())
            and (left.text[:1].isupper() or left.text[:1].isdigit())
            and not right.is_punct
            and not left.ent_id_
            and not right.ent_id_
        )  # "the Microsoft-Inflection deal"

    while end + 1 < len(doc) and joins(doc[end - 1], doc[end], doc[end + 1]):
        end += 2
    while (
        start >= 2
        and joins(doc[start - 2], doc[start - 1], doc[start])
        and not doc[start - 2].is_punct
    ):
        start -= 2
    return start, end


def _after_title(doc, start: int, end: int, label: str, rules: Rules) -> tuple[int, str]:
    """The start of a name after the titles that open its span ("Chancellor Gordon
    Brown"): a person's, whatever NER called the span, when a person's title opens
    two or three capitalised words; never a word that begins company names
    ("General Motors")."""
    first = start
    while (
        end - start > 1
        and doc[start].lower_ in rules.title_words
        and (label == "PERSON" or doc[start].lower_ not in rules.words.name_titles)
    ):
        start += 1
    if start > first and label != "PERSON":
        rest = doc[start:end]
        honorific = doc[start - 1].lower_ in rules.words.honorifics  # "Ms Hessel"
        if (
            (honorific or len(rest) >= 2)
            and len(rest) <= 3
            and all(t.is_title and t.pos_ == "PROPN" for t in rest)
        ):
            return start, "PERSON"
        return first, label
    return start, label


def _firm_start(doc, start: int, end: int, rules: Rules) -> int:
    """The start of a company's name that NER cut after "and" or a number: "Charles
    Schwab and Co Inc", "Tate and Lyle Plc", "S and W Berisford Plc", "Six Flags"."""
    last = doc[end - 1].lower_.rstrip(".")
    if start > 0 and _name_number(doc[start - 1]) and doc[start].pos_ == "PROPN":
        return start - 1
    if last not in _SUFFIX_WORDS:
        return start
    while start > 0 and _firm_word(doc[start - 1]) and doc[start - 1].head.i in range(start, end):
        start -= 1  # "McDermott" + "International Inc"
    # "X and Co Inc" may follow a name NER took for a company's ("Marcus Schloss")
    bare = all(t.lower_.rstrip(".") in _SUFFIX_WORDS for t in doc[start:end])
    if (
        start < 2
        or doc[start - 1].lower_ not in ("and", "&")
        or not _firm_word(doc[start - 2], bare)
    ):
        return start
    if (
        doc[start - 2].is_title
        and doc[start - 2].lower_.rstrip(".") not in _SUFFIX_WORDS
        or len(doc[start - 2]) == 1
        and doc[start - 2].is_upper
    ):
        first = start - 2
        while (
            first > 0
            and first > start - 5
            and doc[first - 1].pos_ == "PROPN"
            and doc[first - 1].is_title
            and doc[first - 1].lower_.rstrip(".") not in _SUFFIX_WORDS
        ):
            first -= 1
        if doc[first].is_sent_start or doc[first].pos_ == "PROPN" or len(doc[first]) == 1:
            return first
    return start


def _firm_word(tok, any_name: bool = False) -> bool:
    """A capitalised word a company's name may begin with: untagged, or part of a
    person's name ("Charles Schwab and Co"), never a known company's."""
    return (
        tok.pos_ == "PROPN"
        and tok.text[:1].isupper()
        and not tok.ent_id_
        and (any_name or tok.ent_type_ in ("", "PERSON"))
    )


def _name_number(tok) -> bool:
    """A number word written as part of a name: "Six Flags", "Seven Arts"; not the
    first word of a sentence."""
    return tok.is_title and tok.is_alpha and tok.like_num and not tok.is_sent_start


def _version_number(tok) -> bool:
    """A short number that can end a product's name: "365", "9"; not a year."""
    text = tok.text
    return (
        text.isdigit()
        and len(text) <= 4
        and not tok.ent_type_
        and not (len(text) == 4 and text[:2] in ("19", "20"))
    )


def _lone_letter_name(doc, start: int, end: int, gazetteer: Gazetteer) -> bool:
    """A known one-letter name ("X") standing on its own: not part of a longer
    name ("Model X", "Series X") nor of a hyphenated word ("X-ray")."""
    if end - start != 1 or gazetteer.lookup(doc[start].text) is None:
        return False
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if (
        before is not None
        and before.text[:1].isupper()
        and before.is_alpha
        and not before.is_sent_start
        and before.pos_ == "PROPN"
    ):
        return False
    return not (after is not None and after.text in ("-", "\u2013") and not doc[start].whitespace_)


def _first_name(tok, start: int, end: int, rules: Rules) -> bool:
    """An untagged capitalised word that modifies the name after it ("Ilya"), or
    initials in capitals ("JR Halloway", "CB Marten Estates")."""
    return (
        tok.pos_ == "PROPN"
        and not tok.ent_type_
        and tok.dep_ == "compound"
        and tok.head.i in range(start, end)
        and (tok.text.istitle() or _initials(tok) and tok.lower_ not in rules.words.title_initials)
        and tok.text[-1].isalpha()  # not "D-" of "Jo Doe, D- Texas"
        and len(tok.doc[start].text) > 1
        and not tok.lower_.endswith("ing")
        and tok.lower_ not in rules.title_words
        and tok.lower_ not in rules.skip_words
    )


def _initials(tok) -> bool:
    """Two or three capital letters standing for words, that open a name ("of CB
    Marten Estates"); not a title after other words ("Labour MP Jane Doe", "Radio DJ
    Jane Doe") nor part of a hyphenated word ("WXYZ-TV")."""
    if not (tok.is_alpha and tok.is_upper and 2 <= len(tok.text) <= 3):
        return False
    if tok.i == 0:
        return True
    prev = tok.nbor(-1)
    return bool(prev.whitespace_) and not (prev.pos_ == "PROPN" or prev.ent_type_ or prev.like_num)


def _two_names(doc, start: int, conj: int, end: int) -> bool:
    """ "Quillon Systems and Brisk Analytics" names two organisations; "Securities and
    Exchange Commission" or "Marks and Spencer" one."""
    left, right = doc[start:conj], doc[conj + 1 : end]
    return len(left) >= 2 and len(right) >= 2 and all(t.text[:1].isupper() for t in (*left, *right))


def _listed_products(doc, start: int, conj: int, end: int, rules: Rules) -> bool:
    """ "brands include J2O and Fruit Shoot": a span NER runs across "and" in a list
    of products names two; "Marks and Spencer" among "rivals include" one."""
    return (
        conj > start
        and conj + 1 < end
        and doc[conj + 1].text[:1].isupper()
        and list_type(doc, start, end, rules) == EntityType.PRODUCT
    )


def _one_company(doc, first, second) -> bool:
    """NER's company name followed, with nothing between, by one proper noun it tags
    a person or a place, which the first modifies: one company ("Lockheed Martin")."""
    a_start, a_end, a_label = first
    b_start, b_end, b_label = second
    return (
        a_end == b_start
        and a_label == "ORG"
        and b_label in ("PERSON", "GPE")
        and b_end - b_start == 1
        and doc[b_start].pos_ == "PROPN"
        and doc[a_end - 1].dep_ == "compound"
        and doc[a_end - 1].head.i == b_start
    )


def _continues_known(doc, first, second) -> bool:
    """True when a known name is a modifier of the name right after it."""
    a_start, a_end, _ = first
    b_start, b_end, _ = second
    return (
        bool(doc[a_start].ent_id_)
        and not doc[b_start].ent_id_
        and doc[a_end - 1].head.i in range(b_start, b_end)
        and bool(doc[a_end - 1].whitespace_)
    )


def find_mentions(
    doc, gazetteer: Gazetteer, rules: Rules, outlet: str | None = None
) -> list[RawMention]:
    """Every named mention of a person, organisation, place or product.

    ``outlet`` is the article's source: where the text names it, it is an
    organisation whatever NER says.
    """
    out: list[RawMention] = []
    spans = list(_ner_spans(doc, rules))
    for ent_start, ent_end, label in spans:
        if any(
            s <= ent_start and ent_end <= e and e - s > ent_end - ent_start for s, e, _ in spans
        ):
            continue  # "Charles Schwab" of "Charles Schwab and Co Inc"
        ner_type = rules.words.ner_types.get(label)
        start, end = _trim(doc, ent_start, ent_end)
        if (
            ner_type is None
            and label == "NORP"
            and _place_for_people(doc, start, end, gazetteer, rules)
        ):
            ner_type = EntityType.PLACE
        if ner_type is None:
            continue
        start = _region_start(doc, start, end, rules)
        if start < end and _is_name(doc, start, end, gazetteer, rules):
            out.append(_typed_mention(doc, start, end, ner_type, gazetteer, rules))
    taken = {i for m in out for i in range(m.start, m.end)}
    out.extend(_unlabelled_products(doc, gazetteer, rules, taken))
    if outlet:
        out.extend(_outlet_mentions(doc, outlet, taken))
    out.sort(key=lambda m: m.start)
    return out


def _place_for_people(doc, start: int, end: int, gazetteer: Gazetteer, rules: Rules) -> bool:
    """A name NER took for a people's ("Italians") that is a place's: a known place
    used as a noun ("a plant at Arden"), or a site's name ("the Stabroek block", "the
    Arden plant"); not "Italian" nor "the Italian plant"."""
    if start >= end:
        return False
    span = doc[start:end]
    proper = all(t.pos_ == "PROPN" for t in span)
    known = gazetteer.is_place(clean_mention(span.text))
    if site_type(doc, start, end, rules) is not None:  # not "Indian-born"
        return proper or known
    return known and proper and span.root.dep_ not in ("compound", "amod", "nmod")


def _region_start(doc, start: int, end: int, rules: Rules) -> int:
    """The start of a region named with a lower-case word before a place: "eastern
    Europe", "southern Africa" (regions of ``words.yaml``); not "northern Italy"."""
    if start > 0 and start < end:
        prev = doc[start - 1]
        if (
            prev.is_lower
            and prev.is_alpha
            and prev.pos_ not in ("DET", "PRON")
            and name_key(doc[start - 1 : end].text) in rules.region_keys
        ):
            return start - 1
    return start


def _common_acronym(doc, text: str, gazetteer: Gazetteer) -> bool:
    """Whether ``text`` is the initials of words the doc writes in lower case, so no
    name: "FDI" of "foreign direct investment", "GDP" of "gross domestic product"; or
    the short form bracketed after one lower-case word: "megawatts (MW)"."""
    if not (text.isalpha() and text.isupper() and 2 <= len(text) <= 5) or gazetteer.lookup(text):
        return False
    if any(_short_for_word(doc, tok, text) for tok in doc if tok.text == text):
        return True
    if len(text) < 3:
        return False
    n, first = len(text), text.lower()
    for tok in doc:
        if tok.text[:1] == first[0] and tok.is_lower and tok.i + n <= len(doc):
            words = doc[tok.i : tok.i + n]
            if all(t.is_lower and t.is_alpha and not t.is_stop for t in words) and (
                "".join(t.text[0] for t in words) == first
            ):
                return True
    return False


def _short_for_word(doc, tok, text: str) -> bool:
    """Whether ``tok`` is bracketed right after one lower-case word it abbreviates,
    its letters in order from the word's first: "megawatts (MW)"."""
    i = tok.i
    if i < 2 or i + 1 >= len(doc) or doc[i - 1].text != "(" or doc[i + 1].text != ")":
        return False
    word = doc[i - 2].text
    if not (word.isalpha() and word.islower()) or word[0] != text[0].lower():
        return False
    rest = iter(word[1:])
    return all(c in rest for c in text[1:].lower())


def _ticker(doc, start: int, end: int, text: str) -> bool:
    """A wire's ticker: "<AAPL>", "BONA.S"; not a company's name in a wire's angle
    brackets ("<Quell Glass SA>")."""
    bracketed = (start > 0 and doc[start - 1].text == "<") or (
        end < len(doc) and doc[end].text.startswith(">")
    )
    return bool(
        _TICKER_RE.match(text)
        or bracketed
        and " " not in text
        and text.isupper()
        and len(text.replace(".", "")) <= 6
    )


def _law_or_family(doc, end: int, rules: Rules) -> bool:
    """ "the Securities Trading Act", "the Marvell family": a name whose last word, or
    the noun right after it, makes it a law's or a family's."""
    last = doc[end - 1]
    after = doc[end] if end < len(doc) else None
    words = rules.words.not_entity_last_words
    return (
        last.lower_ in words
        and last.is_title
        or after is not None
        and after.lower_ in words
        and after.pos_ == "NOUN"
        and after.head.i != end - 1
    )


def _is_name(doc, start: int, end: int, gazetteer: Gazetteer, rules: Rules) -> bool:
    """Whether an NER span is a name: not a title, a rejected word, or part of a
    hyphenated word ("low-Earth orbit", "Musk-founded")."""
    span = doc[start:end]
    text = clean_mention(span.text)
    if len(text) < 2 and not _lone_letter_name(doc, start, end, gazetteer):
        return False
    if not any(c.isupper() for c in text) or not any(c.isalpha() for c in text):
        return False
    if text.lower() in rules.rejected_mentions or _common_acronym(doc, text, gazetteer):
        return False
    if all(t.lower_ in rules.title_words for t in span):
        return False  # "Vice President", "Chief Executive"
    if _law_or_family(doc, end, rules):
        return False
    if _ticker(doc, start, end, text):
        return False
    if _unit_of_count(span) and not gazetteer.is_place(text):
        return False  # "12,600 MW"; not "the Hit 40 UK rundown"
    return not (start > 0 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_)


def _unit_of_count(span) -> bool:
    """A short capitalised word counted by the number before it: a unit ("12,600 MW",
    "40 GW"), not a name."""
    tok = span[0]
    return (
        len(span) == 1
        and tok.is_upper
        and len(tok.text) <= 3
        and any(c.dep_ == "nummod" and c.like_num and c.i == tok.i - 1 for c in tok.children)
    )


def _typed_mention(
    doc, start: int, end: int, ner_type: EntityType, gazetteer: Gazetteer, rules: Rules
) -> RawMention:
    """The mention ``doc[start:end]``, typed by the known-entities table, the words
    around it, or NER (the one weak source)."""
    span = doc[start:end]
    text = clean_mention(span.text)
    known = gazetteer.lookup(text)
    if known is not None:
        typ, strong = EntityType(known.type), True
    elif _in_dateline(span):
        typ, strong = EntityType.PLACE, True  # "ZURICH, March 16 - ..."
    else:
        # the words of the name, without a wire's closing bracket that NER took in
        # (the mention keeps it: the parser may hang words on it)
        last = end - 1 if end - start > 1 and doc[end - 1].text in _BRACKETS else end
        found = context_type(
            doc, start, last, rules, full_name=ner_type == EntityType.PERSON and last - start > 1
        )
        if (
            found == EntityType.ORGANIZATION
            and ner_type == EntityType.PLACE
            and gazetteer.is_place(text)
            and holder_type(doc[start:last].root, rules, False) == found
        ):
            found = None  # "Ukraine's new president": countries have presidents too
        typ, strong = (
            (found, True)
            if found
            else (model_name_type(text) or _doubted(ner_type, text, gazetteer, rules), False)
        )
    return RawMention(
        start, end, text, span.start_char, span.end_char, typ, known.name if known else None, strong
    )


def _in_dateline(span) -> bool:
    """Whether the name in capitals opens a wire story's dateline, a sentence of its
    own that ends with a dash (:func:`kg.extract.nlp.paragraph_breaks`)."""
    if not span.doc.has_annotation("SENT_START"):
        return False
    sent = span[0].sent
    return (
        span.start == sent.start
        and span.text.isupper()
        and sent[-1].text in DATELINE_DASHES
        and len(sent) > len(span) + 1
        and sent[len(span)].text == ","
    )


def _doubted(ner_type: EntityType, text: str, gazetteer: Gazetteer, rules: Rules) -> EntityType:
    """NER's type, unless it calls a place a name no table of places knows: a name
    like that is a company far more often ("Verizon", "Iberdrola")."""
    if (
        ner_type == EntityType.PLACE
        and not gazetteer.is_place(text)
        and name_key(text) not in rules.region_keys
    ):
        return EntityType.ORGANIZATION
    return ner_type


def _outlet_mentions(doc, outlet: str, taken: set[int]) -> list[RawMention]:
    found = []
    text = doc.text
    pos = text.find(outlet)
    while pos >= 0:
        span = doc.char_span(pos, pos + len(outlet), alignment_mode="contract")
        if span is not None and not taken.intersection(range(span.start, span.end)):
            found.append(
                RawMention(
                    span.start,
                    span.end,
                    clean_mention(span.text),
                    span.start_char,
                    span.end_char,
                    EntityType.ORGANIZATION,
                    None,
                    True,
                )
            )
            taken.update(range(span.start, span.end))
        pos = text.find(outlet, pos + len(outlet))
    return found


def add_repeated_names(doc, mentions: list[RawMention], rules: Rules) -> list[RawMention]:
    """Mentions NER missed of names it found elsewhere in the doc.

    A surname ("Musk") of a full personal name, the exact words of an
    organisation or product name, or an organisation's name without its
    generic last words ("Helvion" for "Helvion Biotech", "Honda" for "Honda
    Motor Co"; not "Acme" for "Acme Foundation"), that stand in the text untagged.
    """
    taken = {i for m in mentions for i in range(m.start, m.end)}
    forms: dict[tuple[str, ...], RawMention] = {}
    short: set[tuple[str, ...]] = set()
    for m in mentions:
        words = tuple(t.text for t in doc[m.start : m.end])
        forms.setdefault(words, m)
        if m.type == EntityType.PERSON and len(words) > 1:
            forms.setdefault((words[-1],), m)
    for m in mentions:
        first = _short_form(tuple(t.text for t in doc[m.start : m.end]), rules)
        if m.type == EntityType.ORGANIZATION and first and first not in forms:
            forms[first] = m
            short.add(first)
    by_first: dict[str, list[tuple[tuple[str, ...], RawMention]]] = {}
    for words, m in forms.items():  # in the order the names were first found
        by_first.setdefault(words[0], []).append((words, m))
    texts = [t.text for t in doc]
    extra = []
    for tok in doc:
        if tok.i in taken or not tok.text[:1].isupper() or tok.text not in by_first:
            continue
        for words, m in by_first[tok.text]:
            end = tok.i + len(words)
            if end > len(doc) or tuple(texts[tok.i : end]) != words:
                continue
            if taken.intersection(range(tok.i, end)) or not _name_like(doc[tok.i : end]):
                continue
            if words in short and not _stands_alone(doc, tok.i, end):
                continue  # "General" of "General Motors" in "Attorney General Smith"
            span = doc[tok.i : end]
            extra.append(
                RawMention(
                    tok.i,
                    end,
                    clean_mention(span.text),
                    span.start_char,
                    span.end_char,
                    m.type,
                    m.known,
                    m.strong,
                )
            )
            taken.update(range(tok.i, end))
            break
    return _numbered_names(doc, sorted(mentions + extra, key=lambda m: m.start))


def _numbered_names(doc, mentions: list[RawMention]) -> list[RawMention]:
    """ "Six Flags" everywhere the story writes it once inside a sentence ("its Six
    Flags subsidiary"), where NER and the repeats took only "Flags" ("Six Flags
    operates ...", a sentence's first words)."""
    numbered = {
        (doc[m.start - 1].lower_, m.text)
        for m in mentions
        if m.start > 0 and _name_number(doc[m.start - 1])
    }
    if not numbered:
        return mentions
    out = []
    for m in mentions:
        before = doc[m.start - 1] if m.start > 0 else None
        if before is not None and (before.lower_, m.text) in numbered and before.is_title:
            span = doc[m.start - 1 : m.end]
            m = RawMention(
                m.start - 1,
                m.end,
                clean_mention(span.text),
                span.start_char,
                span.end_char,
                m.type,
                m.known,
                m.strong,
            )
        out.append(m)
    return out


def _short_form(words: tuple[str, ...], rules: Rules) -> tuple[str, ...] | None:
    """An organisation's name less its generic last words, when what is left is a
    name of its own: "Helvion" of "Helvion Biotech"; none of "Acme Foundation"."""
    lower = [w.lower().rstrip(".") for w in words]
    if any(w in rules.words.distinct_name_words for w in lower):
        return None
    generic = rules.words.org_name_words | set(CORPORATE_SUFFIXES)
    end = len(words)
    while end > 1 and (lower[end - 1] in generic or lower[end - 1] in ("and", "&", ",")):
        end -= 1  # "Marcus Schloss and Co Inc"
    first = words[:end]
    if end == len(words) or len(" ".join(first)) < 4 or not first[0][:1].isupper():
        return None
    if any(w.lower() in rules.title_words for w in first):
        return None
    return first


def _stands_alone(doc, start: int, end: int) -> bool:
    """Whether words stand as a name of their own: no capitalised word right before
    them (but a sentence's first) nor right after ("Attorney General", "General
    Electric")."""
    before = doc[start - 1] if start > 0 else None
    after = doc[end] if end < len(doc) else None
    if before is not None and before.is_alpha and before.text[:1].isupper():
        if not before.is_sent_start:
            return False
    return not (after is not None and after.is_alpha and after.text[:1].isupper())


def _name_like(span) -> bool:
    """Whether untagged words read as a name: a proper noun or noun, or several words
    with a proper noun among them ("Direct Line" tagged adjective and noun)."""
    if len(span) == 1:
        return span[0].pos_ in ("PROPN", "NOUN")
    return any(t.pos_ == "PROPN" for t in span)


def _unlabelled_products(
    doc, gazetteer: Gazetteer, rules: Rules, taken: set[int]
) -> list[RawMention]:
    """Capitalised names right before a product noun that NER missed ("the Zephyr app")."""
    found = []
    for tok in doc:
        if tok.lower_ not in rules.words.product_nouns or tok.pos_ != "NOUN":
            continue
        end = tok.i
        start = end
        while (
            start > 0
            and doc[start - 1].pos_ == "PROPN"
            and doc[start - 1].i not in taken
            and doc[start - 1].head.i in range(start - 1, tok.i + 1)
        ):
            start -= 1
        if start == end and _brand_word(doc, end - 1, tok, rules) and end - 1 not in taken:
            start -= 1  # "the Quotemehappy brand": the tagger's adjective
        if start == end or doc[start].is_sent_start and end - start == 1:
            continue
        span = doc[start:end]
        text = clean_mention(span.text)
        if len(text) < 2 or name_key(text) in rules.rejected_mentions:
            continue
        known = gazetteer.lookup(text)
        found.append(
            RawMention(
                start,
                end,
                text,
                span.start_char,
                span.end_char,
                EntityType(known.type) if known else EntityType.PRODUCT,
                known.name if known else None,
                True,
            )
        )
        taken.update(range(start, end))
    return found


def _brand_word(doc, i: int, noun, rules: Rules) -> bool:
    """A capitalised word the tagger took for an adjective, right before a noun of a
    kind of product ("the Quotemehappy brand"), with a determiner before it."""
    if i < 1:
        return False
    tok = doc[i]
    return (
        tok.pos_ == "ADJ"
        and tok.is_title
        and not tok.ent_type_
        and tok.head.i == noun.i
        and noun.lemma_.lower() in rules.words.kind_nouns
        and (doc[i - 1].lower_ in ("the", "its", "their") or doc[i - 1].tag_ == "POS")
    )


def _chunk(doc, tok, taken: set[int]) -> tuple[int, int] | None:
    """The run of proper nouns around ``tok`` that names one thing."""
    if tok.i in taken or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
        return None
    start = end = tok.i
    while (
        end + 1 < len(doc)
        and doc[end + 1].pos_ == "PROPN"
        and doc[end + 1].i not in taken
        and doc[end].head.i in range(end + 1, end + 4)
        and not doc[end + 1].ent_type_
    ):
        end += 1  # "McDorran" -> "International" -> "Inc", both compounds of "Inc"
    while start > 0:
        prev = doc[start - 1]
        if (
            prev.pos_ != "PROPN"
            or prev.i in taken
            or prev.ent_type_
            or prev.head.i not in range(start - 1, end + 1)
        ):
            break
        start -= 1
    if doc[end].lower_.rstrip(".") in _SUFFIX_WORDS:
        # a company's name is read whole, however the parser hung its words:
        # "Quell Group Corp <QUEL.O>" (the ticker misleads it)
        while start > max(0, end - 5) and _firm_word(doc[start - 1]) and start - 1 not in taken:
            start -= 1
    return start, end + 1


def add_untagged_names(doc, mentions: list[RawMention], rules: Rules) -> list[RawMention]:
    """Names NER left untagged, kept where the sentence shows what they are
    ("Salesforce, Microsoft's rival", "Apple, Qualcomm and Samsung")."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    extra = []
    for tok in doc:
        if tok.ent_type_ or tok.lower_ in rules.skip_words:
            continue
        span = _untagged_span(doc, tok, taken, rules)
        if span is None:
            continue
        start, end = span
        honorific = honorific_type(doc, start, end, rules)  # "Dr Vancheshwar"
        located = place_type(doc, start, end, rules)  # "Tarnwick-based", "its Tarnwick plant"
        typ = (
            honorific
            or located
            or name_ending_type(doc, start, end, rules)
            or list_type(doc, start, end, rules)
            or argument_type(doc[start:end].root, by_token, rules)
        )
        if typ is None:
            continue
        sp = doc[start:end]
        m = RawMention(
            start,
            end,
            clean_mention(sp.text),
            sp.start_char,
            sp.end_char,
            typ,
            None,
            honorific is not None or located is not None,
        )
        extra.append(m)
        taken.update(range(start, end))
        for i in range(start, end):
            by_token[i] = m
    return sorted(mentions + extra, key=lambda m: m.start)


def _names_an_office(doc, start: int, end: int, rules: Rules) -> bool:
    """Whether capitalised words are a title's ("Trade Minister"), or the first of
    the fields a title names ("Trade" of "Trade and Industry Minister")."""

    def office(i: int) -> bool:
        word = doc[i].lower_
        return word in rules.title_words and word not in rules.words.name_titles

    if office(end - 1):
        return True
    i = end + 1 if end < len(doc) and doc[end].lower_ in ("and", "&") else end
    if i == end:
        return False
    while i < len(doc) and i < end + 5 and doc[i].is_title and not office(i):
        i += 1
    return i < len(doc) and i > end + 1 and office(i)


def _untagged_span(doc, tok, taken: set[int], rules: Rules) -> tuple[int, int] | None:
    """The untagged name starting at or around ``tok``, without a title before it
    ("Vice President Mike Pence" names Mike Pence; "Vice President" nobody), with a
    version number after it ("Zephyr 2")."""
    span = _chunk(doc, tok, taken)
    if span is None:
        return None
    start, end = span
    if end < len(doc) and _version_number(doc[end]) and doc[end].head.i in range(start, end):
        end += 1
    while start < end and doc[start].lower_ in rules.title_words:
        start += 1
    if start == end or _names_an_office(doc, start, end, rules):
        return None
    text = clean_mention(doc[start:end].text)
    if _ticker(doc, start, end, text):
        return None
    text = text.lower()
    if len(text) < 2 or text in rules.rejected_mentions or text in rules.skip_words:
        return None
    return start, end
