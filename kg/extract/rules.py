"""The extraction rules as data: trigger words and word lists, loaded and checked.

The shipped rules are ``kg/data/rules/triggers.yaml`` and
``kg/data/rules/words.yaml``; a user's own files add to them (the ``kg_claims``
component's ``rules`` setting). A file may hold trigger sections, word lists or
both. Every file is checked on load: an unknown section, field, predicate or
type, or a lemma that can never match, is a :class:`~kg.errors.RuleError`
naming the file and the entry.

>>> rules = load_rules()
>>> [t.predicate for t in rules.verbs["acquire"]]
['acquires', 'investsIn']
>>> "chief" in rules.title_words and "say" in rules.words.speech_verbs
True
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields
from enum import Enum
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import RuleError
from ..model import EntityType
from ..predicates import PREDICATE
from .confidence import Tally

__all__ = ["Kind", "Trigger", "Words", "Rules", "load_rules", "SHIPPED_RULES"]

#: The shipped rule files, in the package.
SHIPPED_RULES = ("rules/triggers.yaml", "rules/words.yaml", "rules/confidence.yaml")


class Kind(str, Enum):
    """The construction a trigger belongs to (its section in the rule files)."""

    VERB = "verb"
    NOUN = "noun"
    ROLE = "role"
    HYPHEN = "hyphen"
    INTO = "into"
    SALE = "sale"
    JOINT = "joint"
    OWNED = "owned"

    @property
    def section(self) -> str:
        return {"into": "into", "sale": "sales", "joint": "joint", "owned": "owned"}.get(
            self.value, self.value + "s"
        )


@dataclass(frozen=True)
class Trigger:
    """One trigger: a word that signals ``predicate`` and where its arguments sit.

    The fields are those of the rule files; ``docs/extending.md`` describes each."""

    kind: Kind
    predicate: str
    words: tuple[str, ...] = ()  # the lemmas (hyphens and joint adverbs: the words)
    preps: frozenset[str] = frozenset()  # prepositions whose object is the patient
    direct: bool = True  # a verb's direct object is the patient
    reverse: bool = False  # the trigger's agent is the claim's object
    subject_types: tuple[EntityType, ...] = ()  # allowed types, when narrower
    object_types: tuple[EntityType, ...] = ()
    particle: str | None = None  # a required particle ("take over", "team up")
    object_word: frozenset[str] = frozenset()  # a required direct object ("join forces")
    ends: bool = False  # the trigger says the relation ended ("stepped down as")
    owner_object: bool = False  # the possessor of the object is the patient
    money_object: bool = False  # only with a sum as direct object ("put $2bn into")
    needs_prep: str | None = None  # only when this preposition is there
    bars_prep: str | None = None  # never when this preposition is there
    needs_modifier: frozenset[str] = frozenset()  # one of these must modify the word
    or_named: bool = False  # ... or a name must ("a former Nissan executive")
    bars_modifier: frozenset[str] = frozenset()  # none of these may modify it
    bars_possessor: frozenset[str] = frozenset()  # "her partner" is no business partner
    #: verbs of a clause in the noun's phrase that make it another deal ("an agreement
    #: with Beta to buy a complex" is a purchase)
    bars_clause: frozenset[str] = frozenset()
    pos: str | None = None  # the word's required part of speech
    deps: frozenset[str] = frozenset()  # the word's allowed dependency labels
    weak: bool = False  # a word that often means something else ("deal", "case")
    public_office: bool = False  # before a name, a public office ("President Jane Doe")
    named_holder: bool = False  # a name compounded with the role noun holds it ("the X brand")
    #: verbs whose subject is related to the named holders of the role noun they govern
    #: ("Acme is to buy rival Beta", "Acme beat rivals including Beta")
    acting_verbs: frozenset[str] = frozenset()
    #: prepositions naming those who act with the subject, agents too ("builds the
    #: jet with Airbus and Leonardo")
    with_agents: frozenset[str] = frozenset()
    #: the preps may hang on the direct object ("builds the jet with Beta")
    object_preps: bool = False
    #: the patients named together act together, each two partners ("is working with
    #: Beta and Gamma on the jet")
    together: bool = False
    outer_subject: bool = True  # an event noun's agent may be the subject of a verb above
    from_agent: bool = False  # "a lawsuit from Beta", "a suit brought by Beta"
    filers: frozenset[str] = frozenset()  # governing verbs whose subject is the agent
    defenders: frozenset[str] = frozenset()  # governing verbs whose subject is the patient
    accusers: frozenset[str] = frozenset()  # "accused Beta of ... in a lawsuit": Beta
    damages: frozenset[str] = frozenset()  # "seeking damages from Beta": claimant verbs
    permit: bool = False  # with a public body, a permit, not a contract ("a licence")
    majority: str | None = None  # the predicate when the share bought is a majority
    #: what a company sold was to its seller: "Acme sold Beta to Gamma", Beta was Acme's
    seller: str | None = None
    confidence: float = 0.8
    origin: str = ""  # file and entry, for messages

    @property
    def lemma(self) -> str:
        return self.words[0] if self.words else ""


#: Fields a rule file may set on a trigger, with the type each takes.
_SET_FIELDS = {
    "acting_verbs",
    "with_agents",
    "preps",
    "object_word",
    "needs_modifier",
    "bars_modifier",
    "bars_possessor",
    "bars_clause",
    "deps",
    "filers",
    "defenders",
    "accusers",
    "damages",
}
_BOOL_FIELDS = {
    "direct",
    "reverse",
    "ends",
    "owner_object",
    "money_object",
    "weak",
    "public_office",
    "outer_subject",
    "from_agent",
    "permit",
    "or_named",
    "named_holder",
    "object_preps",
    "together",
}
_STR_FIELDS = {"particle", "needs_prep", "bars_prep", "pos", "majority", "seller"}
_TYPE_FIELDS = {"subject_types", "object_types"}
_WORD_KEYS = {"lemma", "lemmas", "word", "words"}
_POS = {"NOUN", "PROPN", "VERB", "ADJ"}

#: A lemma as the lemmatizer gives it: one lower-case word, hyphens allowed.
_LEMMA_RE = re.compile(r"^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*\.?$")


def _match(kind: str, doc: str):
    return field(default=frozenset(), metadata={"match": kind, "doc": doc})


@dataclass(frozen=True)
class Words:
    """The word lists of ``words.yaml``: each a frozenset, matched as its ``match``
    metadata says (``lemma``, ``word``: the lower-case form, ``text``: a whole
    lower-case name, or ``form``: either)."""

    ner_types: Mapping[str, EntityType] = field(
        default_factory=dict, metadata={"match": "map", "doc": "NER"}
    )
    org_name_words: frozenset[str] = _match("word", "last words of organisation names")
    org_first_words: frozenset[str] = _match("word", "first words of organisation names")
    distinct_name_words: frozenset[str] = _match("word", "'X Foundation' is not X")
    place_name_words: frozenset[str] = _match("word", "last words of place names")
    product_name_words: frozenset[str] = _match("word", "last words of product names")
    located_words: frozenset[str] = _match("word", "'Redmond-based': the name is a place")
    site_nouns: frozenset[str] = _match("lemma", "'its Pellworth plant': the name is a place")
    org_nouns: frozenset[str] = _match("lemma", "nouns describing an organisation")
    generic_org_nouns: frozenset[str] = _match("lemma", "'the company': fits any organisation")
    group_nouns: frozenset[str] = _match("lemma", "'a group led by X': stands for X")
    leading_verbs: frozenset[str] = _match("lemma", "'a group led by X': who leads it")
    ending_nouns: frozenset[str] = _match("lemma", "'an end to the alliance': it existed")
    product_nouns: frozenset[str] = _match("form", "nouns that make a name a product")
    kind_nouns: frozenset[str] = _match("lemma", "'the X brand': kinds of product")
    place_nouns: frozenset[str] = _match("lemma", "nouns describing a place")
    region_names: frozenset[str] = _match("text", "places the tables of places lack")
    other_person_nouns: frozenset[str] = _match("lemma", "people that are not roles")
    party_nouns: frozenset[str] = _match("lemma", "nouns for a person or a company alike")
    org_possessed_nouns: frozenset[str] = _match("lemma", "an organisation's people, things")
    office_titles: frozenset[str] = _match("word", "titles of public office")
    name_titles: frozenset[str] = _match("word", "title words that begin or end names")
    department_words: frozenset[str] = _match("word", "'the finance director'")
    honorifics: frozenset[str] = _match("word", "honorifics")
    title_initials: frozenset[str] = _match("word", "titles as initials: 'MP Jane Doe'")
    organisation_verbs: frozenset[str] = _match("lemma", "verbs of organisations")
    not_entities: frozenset[str] = _match("text", "never names")
    not_entity_last_words: frozenset[str] = _match("word", "'X Act', 'the X family'")
    not_names: frozenset[str] = _match("word", "never start a name")
    months: frozenset[str] = _match("word", "month names")
    weekdays: frozenset[str] = _match("word", "weekday names")
    person_pronouns: frozenset[str] = _match("word", "pronouns for people")
    org_pronouns: frozenset[str] = _match("word", "pronouns for organisations")
    relative_pronouns: frozenset[str] = _match("word", "relative pronouns")
    reflexives: frozenset[str] = _match("word", "reflexive pronouns")
    one_of: frozenset[str] = _match("word", "'one of its co-founders'")
    accusing_verbs: frozenset[str] = _match("lemma", "'accused Beta of copying'")
    hiring_verbs: frozenset[str] = _match("lemma", "'hired its co-founder'")
    joining_verbs: frozenset[str] = _match("lemma", "'joined Acme as chief executive'")
    succession_verbs: frozenset[str] = _match("lemma", "'succeeded X as chief executive'")
    copulas: frozenset[str] = _match("lemma", "'Acme is Beta's partner'")
    naming_verbs: frozenset[str] = _match("lemma", "'named Jane Doe chief executive'")
    succeeding_verbs: frozenset[str] = _match("lemma", "'succeeded Jane Doe as chief'")
    speech_verbs: frozenset[str] = _match("lemma", "verbs of reported speech")
    presupposing_words: frozenset[str] = _match("word", "'said ... following its takeover'")
    past_role_words: frozenset[str] = _match("word", "'former chief executive'")
    ending_verbs: frozenset[str] = _match("lemma", "'ended the partnership'")
    public_body_words: frozenset[str] = _match("word", "words of public bodies' names")
    body_name_words: frozenset[str] = _match("word", "'the Bank's Monetary Policy Committee'")
    part_nouns: frozenset[str] = _match("lemma", "parts of a company")
    money_nouns: frozenset[str] = _match("lemma", "money without a figure")
    negating_heads: frozenset[str] = _match("lemma", "heads that deny")
    hedging_heads: frozenset[str] = _match("lemma", "heads that hedge")
    hedging_aux: frozenset[str] = _match("word", "auxiliaries that hedge")
    conditional_aux: frozenset[str] = _match("word", "'a merger would create'")
    fact_marks: frozenset[str] = _match("word", "conjunctions of fact")
    unsettled_words: frozenset[str] = _match("word", "'the possible takeover'")
    contest_nouns: frozenset[str] = _match("lemma", "'won a takeover battle': won or a bid")
    announcing_verbs: frozenset[str] = _match("lemma", "verbs dating the deal they announce")
    taking_up_verbs: frozenset[str] = _match("lemma", "verbs taking up a role")
    deal_nouns: frozenset[str] = _match("lemma", "nouns of deals")
    cancelling_verbs: frozenset[str] = _match("lemma", "verbs calling a deal off")
    unsplit_words: frozenset[str] = _match("word", "hyphenated words kept whole")
    lemma_slips: Mapping[str, str] = field(
        default_factory=dict, metadata={"match": "map", "doc": "lemma slips"}
    )
    nationalities: Mapping[str, str] = field(
        default_factory=dict, metadata={"match": "map", "doc": "'Swiss': its country's code"}
    )
    country_names: Mapping[str, str] = field(
        default_factory=dict, metadata={"match": "map", "doc": "'Britain': names tables lack"}
    )


_WORD_LISTS = {f.name: f.metadata["match"] for f in fields(Words)}


@dataclass(frozen=True)
class Rules:
    """Triggers by word, the word lists, and the lists derived from both."""

    verbs: Mapping[str, tuple[Trigger, ...]]
    nouns: Mapping[str, tuple[Trigger, ...]]
    roles: Mapping[str, tuple[Trigger, ...]]
    hyphens: Mapping[str, tuple[Trigger, ...]]
    into: Mapping[str, tuple[Trigger, ...]]
    sales: Mapping[str, tuple[Trigger, ...]]
    joint: Mapping[str, tuple[Trigger, ...]]
    owned: tuple[Trigger, ...]
    words: Words
    fingerprint: str  # a hash of the rules' content, for provenance
    #: measured precision per mechanism (kg.extract.confidence)
    confidence: Mapping[str, Tally] = field(default_factory=dict)

    # ---- views derived from the triggers and the lists
    @cached_property
    def title_words(self) -> frozenset[str]:
        """Words of a title, not of a name: the executive and founder role nouns,
        the words that make them titles (not departments: "Financial Security
        Savings"), public offices and honorifics."""
        roles = [
            t
            for ts in self.roles.values()
            for t in ts
            if t.predicate in ("executiveOf", "founderOf")
        ]
        return (
            frozenset(w for t in roles for w in (*t.words, *t.needs_modifier))
            - self.words.department_words
            | self.words.office_titles
            | self.words.honorifics
        )

    @cached_property
    def person_nouns(self) -> frozenset[str]:
        """Nouns for people: the executive and founder role nouns (not the public
        offices: a country has a leader, a market a leader), and others."""
        held = {
            w
            for ts in self.roles.values()
            for t in ts
            if t.predicate in ("executiveOf", "founderOf") and not t.public_office
            for w in t.words
        }
        return frozenset(held) | self.words.other_person_nouns

    @cached_property
    def title_nouns(self) -> frozenset[str]:
        """The executive and founder role nouns, which only people hold ("remains
        executive chairman"): not the public offices, nor the other person nouns
        ("a member", "the biggest investor")."""
        return frozenset(
            w
            for ts in self.roles.values()
            for t in ts
            if t.predicate in ("executiveOf", "founderOf") and not t.public_office
            for w in t.words
        )

    @cached_property
    def unit_nouns(self) -> frozenset[str]:
        """The role nouns whose holder is a unit of the related party ("arm", "unit",
        "division"): the subsidiaryOf roles read forward."""
        return frozenset(
            lemma
            for lemma, ts in self.roles.items()
            if any(t.predicate == "subsidiaryOf" and not t.reverse for t in ts)
        )

    @cached_property
    def intransitive(self) -> frozenset[str]:
        """Trigger verbs with no direct object ("partner", "invest")."""
        return frozenset(w for w, ts in self.verbs.items() if all(not t.direct for t in ts))

    @cached_property
    def skip_words(self) -> frozenset[str]:
        """Capitalised words that never start an untagged name."""
        w = self.words
        return w.months | w.weekdays | {h for h in w.honorifics if "." not in h} | w.not_names

    @cached_property
    def rejected_mentions(self) -> frozenset[str]:
        """Lower-case names NER tags that are never entities on their own."""
        return self.words.not_entities | self.words.weekdays

    @cached_property
    def region_keys(self) -> frozenset[str]:
        """The name keys of ``region_names`` ("fla." -> "fla")."""
        from ..names import name_key

        return frozenset(name_key(w) for w in self.words.region_names)

    @cached_property
    def month_words(self) -> frozenset[str]:
        """Month names and their abbreviations ("jan", "sept")."""
        return self.words.months | {m[:3] for m in self.words.months} | {"sept"}

    def __hash__(self) -> int:
        return hash(self.fingerprint)

    def __eq__(self, other) -> bool:
        return isinstance(other, Rules) and other.fingerprint == self.fingerprint


# ----------------------------------------------------------------------- loading
def load_rules(paths: Iterable[str | Path] = (), shipped: bool = True) -> Rules:
    """The shipped rules (unless ``shipped`` is false) plus those in ``paths``.

    A user's trigger entries are added to the shipped ones; a user's word list
    adds its words to the list of that name.
    """
    return _load(tuple(str(p) for p in paths), shipped)


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...], shipped: bool) -> Rules:
    sources: list[tuple[str, str]] = []
    if shipped:
        for name in SHIPPED_RULES:
            text = resources.files("kg").joinpath("data", name).read_text("utf-8")
            sources.append((Path(name).name, text))
    for p in paths:
        try:
            sources.append((p, Path(p).read_text("utf-8")))
        except OSError as exc:
            raise RuleError(f"{p}: cannot read the rule file ({exc.strerror})") from None
        except UnicodeDecodeError:
            raise RuleError(f"{p}: the rule file is not UTF-8 text") from None
    triggers: dict[Kind, list[Trigger]] = {k: [] for k in Kind}
    lists: dict[str, object] = {}
    confidence: dict[str, Tally] = {}
    digest = hashlib.sha256()
    for origin, text in sources:
        digest.update(text.encode("utf-8"))
        data = _yaml(origin, text)
        for section, body in data.items():
            kind = next((k for k in Kind if k.section == section), None)
            if kind is not None:
                triggers[kind] += _triggers(origin, kind, body)
            elif section in _WORD_LISTS:
                lists[section] = _merge_list(origin, section, lists.get(section), body)
            elif section == "confidence":
                confidence.update(_tallies(origin, body))
            elif section != "shared":
                raise RuleError(f"{origin}: unknown section {section!r}")
    return Rules(
        **{k.section: _index(triggers[k]) for k in Kind if k is not Kind.OWNED},
        owned=tuple(triggers[Kind.OWNED]),
        words=Words(**lists),
        fingerprint=digest.hexdigest()[:12],
        confidence=confidence,
    )


def _tallies(origin: str, body) -> dict[str, Tally]:
    """A ``confidence`` section: ``"method": [found, right]`` per mechanism."""
    if not isinstance(body, dict):
        raise RuleError(f"{origin}: confidence must map methods to [found, right]")
    out = {}
    for method, counts in body.items():
        if not (
            isinstance(counts, list)
            and len(counts) == 2
            and all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in counts)
            and counts[1] <= counts[0]
        ):
            raise RuleError(
                f"{origin}: confidence of {method!r} must be [found, right], "
                f"two counts with right <= found"
            )
        out[str(method)] = Tally(*counts)
    return out


def _yaml(origin: str, text: str) -> dict:
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 1})" if where is not None else ""
        raise RuleError(f"{origin}: not valid YAML{line}") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RuleError(f"{origin}: expected sections (a mapping) at the top")
    return data


def _index(triggers: list[Trigger]) -> dict[str, tuple[Trigger, ...]]:
    out: dict[str, list[Trigger]] = {}
    for t in triggers:
        for w in t.words:
            out.setdefault(w, []).append(t)
    return {w: tuple(ts) for w, ts in out.items()}


def _merge_list(origin: str, name: str, have, body):
    kind = _WORD_LISTS[name]
    if kind == "map":
        if not isinstance(body, dict):
            raise RuleError(f"{origin}: {name}: expected a mapping")
        if name == "ner_types":
            body = {str(k): _entity_type(origin, f"{name}: {k}", v) for k, v in body.items()}
        if name in ("nationalities", "country_names"):
            for k, v in body.items():
                if str(k) != str(k).lower() or not re.fullmatch(r"[A-Z]{2}", str(v)):
                    raise RuleError(
                        f"{origin}: {name}: {k!r}: a lower-case word and a country's "
                        "two-letter code (ISO 3166)"
                    )
        return {**(have or {}), **{str(k): v for k, v in body.items()}}
    if not isinstance(body, list) or not all(isinstance(w, str) for w in body):
        raise RuleError(f"{origin}: {name}: expected a list of words")
    for w in body:
        if w != w.lower() or not w.strip():
            raise RuleError(f"{origin}: {name}: {w!r} must be lower case")
        if kind == "lemma":
            _check_lemma(origin, name, w)
    return frozenset(have or ()) | frozenset(body)


def _check_lemma(origin: str, where: str, word: str) -> None:
    if not _LEMMA_RE.match(word):
        raise RuleError(
            f"{origin}: {where}: {word!r} can never match a lemma "
            "(one lower-case word, hyphens allowed)"
        )


def _entity_type(origin: str, where: str, value) -> EntityType:
    try:
        return EntityType(value)
    except ValueError:
        names = ", ".join(t.value for t in EntityType)
        raise RuleError(f"{origin}: {where}: unknown type {value!r} (one of {names})") from None


def _triggers(origin: str, kind: Kind, body) -> list[Trigger]:
    if not isinstance(body, list):
        raise RuleError(f"{origin}: {kind.section}: expected a list of entries")
    return [_trigger(origin, kind, i, entry) for i, entry in enumerate(body, 1)]


def _trigger(origin: str, kind: Kind, i: int, entry) -> Trigger:
    if not isinstance(entry, dict):
        raise RuleError(f"{origin}: {kind.section} entry {i}: expected a mapping")
    words = _entry_words(entry)
    where = f"{kind.section} entry {i}" + (f" ({words[0]})" if words else "")
    predicate = entry.get("predicate")
    if predicate not in PREDICATE:
        raise RuleError(f"{origin}: {where}: unknown predicate {predicate!r}")
    if not words and kind is not Kind.OWNED:
        raise RuleError(f"{origin}: {where}: no lemma")
    for w in words:
        if kind in (Kind.HYPHEN, Kind.JOINT):
            if w != w.lower() or " " in w:
                raise RuleError(f"{origin}: {where}: {w!r} must be one lower-case word")
        else:
            _check_lemma(origin, where, w)
    values: dict = {
        "kind": kind,
        "predicate": predicate,
        "words": words,
        "origin": f"{origin}: {where}",
        "direct": kind is Kind.VERB,
    }
    for key, value in entry.items():
        if key in _WORD_KEYS or key == "predicate":
            continue
        values[key] = _field_value(origin, where, key, value)
    return _checked(origin, where, Trigger(**values))


def _entry_words(entry: dict) -> tuple[str, ...]:
    out: list[str] = []
    for key in ("lemma", "word"):
        if key in entry:
            out.append(entry[key])
    for key in ("lemmas", "words"):
        out += entry.get(key) or []
    return tuple(str(w) for w in out)


def _field_value(origin: str, where: str, key: str, value):
    if key in _SET_FIELDS:
        if not isinstance(value, list):
            raise RuleError(f"{origin}: {where}: {key} must be a list")
        odd = [v for v in value if isinstance(v, bool) or not isinstance(v, (str, int))]
        if odd:  # YAML reads a bare on, off, yes or no as true or false
            raise RuleError(
                f"{origin}: {where}: {key} holds {odd[0]!r}, not a word (quote on, off, yes and no)"
            )
        return frozenset(str(v).lower() for v in value)
    if key in _BOOL_FIELDS:
        if not isinstance(value, bool):
            raise RuleError(f"{origin}: {where}: {key} must be true or false")
        return value
    if key in _STR_FIELDS:
        if not isinstance(value, str):
            raise RuleError(f"{origin}: {where}: {key} must be a word")
        if key == "pos" and value not in _POS:
            raise RuleError(f"{origin}: {where}: pos must be one of {', '.join(sorted(_POS))}")
        return value
    if key in _TYPE_FIELDS:
        if not isinstance(value, list):
            raise RuleError(f"{origin}: {where}: {key} must be a list of types")
        return tuple(_entity_type(origin, where, v) for v in value)
    if key == "confidence":
        if not isinstance(value, (int, float)) or not 0 < value <= 1:
            raise RuleError(f"{origin}: {where}: confidence must be a number in (0, 1]")
        return float(value)
    raise RuleError(f"{origin}: {where}: unknown field {key!r}")


def _checked(origin: str, where: str, t: Trigger) -> Trigger:
    """``t``, if its types fit its predicate and its fields fit its kind."""
    row = PREDICATE[t.predicate]
    for name, allowed, own in (
        ("subject_types", row.subject_types, t.subject_types),
        ("object_types", row.object_types, t.object_types),
    ):
        bad = [x.value for x in own if x not in allowed]
        if bad:
            raise RuleError(
                f"{origin}: {where}: {name} {', '.join(bad)} do not fit "
                f"{t.predicate} ({', '.join(x.value for x in allowed)})"
            )
    if t.particle and t.kind is not Kind.VERB:
        raise RuleError(f"{origin}: {where}: particle is for verbs")
    for name in ("majority", "seller"):
        value = getattr(t, name)
        if value is not None and value not in PREDICATE:
            raise RuleError(f"{origin}: {where}: unknown predicate {value!r} for {name}")
    return t
