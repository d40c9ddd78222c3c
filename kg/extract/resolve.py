"""Which mentions name the same entity, within one document.

"Elon Musk", "Musk" and "Elon Musk's" become one entity; "Mawingu" joins
"Mawingu Networks"; "the Pentagon" joins "the Department of Defense" through
the known-entities table. Pronouns and phrases such as "the company" are
resolved on demand by :meth:`DocEntities.antecedent`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from ..model import Entity, EntityType, Mention
from ..names import CORPORATE_SUFFIXES, acronym, clean_mention, name_key, strip_suffix
from .gazetteer import Gazetteer, lookup_surname
from .mentions import RawMention

__all__ = ["DocEntity", "DocEntities", "resolve_mentions"]

_SUFFIXES = frozenset(s.lower() for s in CORPORATE_SUFFIXES)


@dataclass
class DocEntity:
    index: int
    mentions: list[RawMention] = field(default_factory=list)
    known: str | None = None
    known_type: EntityType | None = None
    wikidata: str | None = None
    label: str = ""
    type: EntityType = EntityType.OTHER
    curated_key: str | None = None  # set by a person's merge or alias
    curated_label: str | None = None
    known_place: bool = False  # a table of places knows the name (kg.extract.places)

    @property
    def key(self) -> str:
        return self.curated_key or name_key(self.label).replace(" ", "-")

    def finish(self) -> None:
        names = Counter(m.text for m in self.mentions)
        longest = max(names, key=lambda n: (len(n.split()), not n.isupper(), names[n], len(n)))
        self.label = self.curated_label or self.known or longest
        strong = Counter(m.type for m in self.mentions if m.strong)
        votes = strong or Counter(m.type for m in self.mentions)
        if not strong:
            # a full personal name outweighs a surname that NER mistook for a place
            for m in self.mentions:
                if m.type == EntityType.PERSON and len(m.text.split()) > 1:
                    votes[EntityType.PERSON] += 2
        self.type = self.known_type or votes.most_common(1)[0][0]
        if (
            self.type == EntityType.PERSON
            and not strong
            and not self.known_type
            and all(" " not in m.text for m in self.mentions)
        ):
            # news names a person in full, or with a title: a lone word NER calls a
            # person ("Pfizer", "Novartis") is a company far more often
            self.type = EntityType.ORGANIZATION

    @property
    def weakly_typed(self) -> bool:
        """The type is NER's guess alone: no table, no context word backs it."""
        return (
            not self.known_type
            and not self.curated_key
            and not any(m.strong for m in self.mentions)
        )

    def record(self) -> Entity:
        aliases = sorted({m.text for m in self.mentions} - {self.label})
        return Entity(
            key=self.key,
            label=self.label,
            type=self.type.value,
            aliases=tuple(aliases),
            mentions=tuple(Mention(m.text, m.start_char, m.end_char) for m in self.mentions),
            wikidata=self.wikidata,
        )


class _Rank(NamedTuple):
    """How well a mention fits as an antecedent, compared field by field, in order."""

    fit: int  # 1: tied to the country a description names, -1: tied only to others
    named: bool  # the description's noun is part of the name ("the department")
    preferred: bool  # the article described it with the same noun before
    actor: bool  # not only ever the source of reported speech
    alone: bool  # not one of a list ("A, B and C each own a share of its ...")
    nearness: int  # minus the number of sentences back
    head: bool  # not a modifier of another noun
    subject: bool  # a grammatical subject (or not, for a description, see antecedent)
    end: int  # where the mention ends: the nearer the better


def _opens_clause(tok) -> bool:
    """Whether ``tok`` is the subject of its sentence's main verb."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT"


def _descriptions(span) -> set[str]:
    """The nouns a name is described with where it stands (lemmas)."""
    root, doc = span.root, span.doc
    nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        nouns.append(root.head)
    if span.start > 0 and doc[span.start - 1].pos_ == "NOUN" and doc[span.start - 1].is_lower:
        nouns.append(doc[span.start - 1])
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns += [c for c in root.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
    return {n.lemma_.lower() for n in nouns}


class DocEntities:
    """The entities of one doc, with a token -> entity index."""

    def __init__(self, doc, entities: list[DocEntity], speech_verbs: frozenset[str] = frozenset()):
        self.doc = doc
        self.entities = entities
        #: lemmas of verbs of reported speech (see :meth:`antecedent`)
        self.speech_verbs = speech_verbs
        self._starts: list[int] | None = None
        #: indices of entities that appear as the source of reported speech
        self.sources: set[int] = set()
        self.by_token: dict[int, DocEntity] = {}
        self._ties: dict[int, frozenset[str]] | None = None
        #: "It" opening a clause -> the organisation it was read as (see :meth:`antecedent`)
        self._chained: dict[int, DocEntity | None] = {}
        for e in entities:
            for m in e.mentions:
                for i in range(m.start, m.end):
                    self.by_token[i] = e

    def at(self, token) -> DocEntity | None:
        return self.by_token.get(token.i)

    def antecedent(
        self,
        token,
        types: tuple[str, ...],
        max_sents: int = 3,
        skip: set[int] = frozenset(),
        description: bool = False,
        noun: str | None = None,
        exclude: set[int] = frozenset(),
        prefer: frozenset[int] = frozenset(),
        countries: tuple[frozenset[str], dict[int, frozenset[str]]] | None = None,
    ) -> DocEntity | None:
        """The entity of one of ``types`` that ``token`` (a pronoun or "the
        company") most likely points back to.

        Closer sentences win, and within one a grammatical subject beats a
        non-subject, then the nearer mention wins; except that a description
        in the same sentence as its antecedent points past the subject ("Acme
        sued Beta, accusing the chip maker ...") unless it stands in what the
        subject says ("Acme said the company would ..."). Positions in
        ``skip`` are never taken. Entities that only appear as sources ("the
        Post reported", "told the BBC") are a last resort; a description whose
        ``noun`` is part of a name ("the department" for "the Justice
        Department") means that name; then, for a description that names a
        country (``countries``: its countries and the article's ties of each
        organisation, :meth:`ties`), an organisation tied to that country, and
        one tied only to others last ("the Swiss company" after "Helvion, a
        Basel developer"); then one the article described with that noun before
        (``prefer``: "Solencia, the Bilbao-based utility ... the utility's arm").
        """
        wanted, tied = countries or (frozenset(), {})
        speakers = self._speakers_of(token) if description else set()
        singular = token.lower_ in ("it", "its")
        sents = self._sent_starts()
        current = max((k for k, s in enumerate(sents) if s <= token.i), default=0)
        lower = sents[max(0, current - max_sents)]
        best: tuple[tuple, DocEntity] | None = None
        for e in self.entities:
            if e.type not in types or e.index in exclude:
                continue
            for m in e.mentions:
                named = bool(noun) and noun in e.label.lower().split()
                preferred = e.index in prefer
                fit = 0
                if wanted and e.index in tied:
                    fit = 1 if tied[e.index] & wanted else -1
                far = m.start < lower and not (named or preferred or fit > 0)
                if m.start in skip or m.end > token.i or far:
                    continue
                root = self.doc[m.start : m.end].root
                subject = root.dep_ in ("nsubj", "nsubjpass")
                distance = current - max(
                    (k for k, s in enumerate(sents) if s <= m.start), default=0
                )
                modifier = root.dep_ in ("compound", "nmod", "amod")
                if description and distance == 0 and m.start not in speakers:
                    subject = not subject
                # "it" is rarely one of a list: "A, B and C each own a share of its ..."
                listed = singular and (
                    root.dep_ == "conj" or any(c.dep_ == "conj" for c in root.children)
                )
                rank = _Rank(
                    fit=fit,
                    named=named,
                    preferred=preferred,
                    actor=e.index not in self.sources,
                    alone=not listed,
                    nearness=-distance,
                    head=not modifier,
                    subject=subject,
                    end=m.end,
                )
                if best is None or rank > best[0]:
                    best = (rank, e)
        if (
            token.lower_ == "it"
            and _opens_clause(token)
            and types == (EntityType.ORGANIZATION,)
            and current > 0
        ):
            # "Constellation is the biggest winemaker. It bought Beta in 2003. Since
            # then, it has paid $1bn for Gamma": a subject "it" goes on from the "It"
            # that opened the sentence before
            before = self.doc[sents[current - 1] : sents[current]]
            pron = next((t for t in before if t.lower_ == "it" and _opens_clause(t)), None)
            if pron is not None:
                if pron.i not in self._chained:
                    self._chained[pron.i] = None  # no cycle through itself
                    self._chained[pron.i] = self.antecedent(pron, types, max_sents, exclude=exclude)
                e = self._chained[pron.i]
                if e is not None and e.index not in exclude:
                    # a subject of the sentence before, named after all its mentions
                    rank = _Rank(
                        fit=0,
                        named=False,
                        preferred=False,
                        actor=e.index not in self.sources,
                        alone=True,
                        nearness=-1,
                        head=True,
                        subject=True,
                        end=sents[current],
                    )
                    if best is None or rank > best[0]:
                        best = (rank, e)
        return best[1] if best else None

    def ties(self, words) -> dict[int, frozenset[str]]:
        """Organisation index -> the countries the article ties it to ("German rival
        Deutsche Boerse"), read once per article (:mod:`kg.extract.countries`)."""
        if self._ties is None:
            from .countries import org_countries

            self._ties = org_countries(self, words)
        return self._ties

    def described_as(self, lemma: str, before: int) -> frozenset[int]:
        """The entities the article describes with the noun ``lemma`` before token
        ``before``: "Solencia, the Bilbao-based utility", "the utility Solencia",
        "Danish manufacturer Skagen", "Solencia is a utility"."""
        out = set()
        for e in self.entities:
            for m in e.mentions:
                if m.end > before:
                    continue
                if lemma in _descriptions(self.doc[m.start : m.end]):
                    out.add(e.index)
                    break
        return frozenset(out)

    def story_organisation(self, token) -> DocEntity | None:
        """The organisation a bare title ("chief executive Jane Doe") is of: the one
        the story names most often, the first named on a tie, and at least twice
        when there are others. Outlets named only as sources, or only as the ones
        told, do not count;
        ``token`` itself is never part of the answer."""
        counts = sorted(
            (
                (len(e.mentions), -min(m.start for m in e.mentions), e.index, e)
                for e in self.entities
                if e.type == EntityType.ORGANIZATION
                and e.index not in self.sources
                and not self._told_only(e)
                and not any(m.start <= token.i < m.end for m in e.mentions)
            ),
            reverse=True,
        )
        if not counts or counts[0][0] < 2 and len(counts) > 1:
            return None
        return counts[0][3]

    def _told_only(self, e: DocEntity) -> bool:
        """Whether the story names ``e`` only as the one told ("... chief Li Deshui told
        Reuters"): an outlet or an audience, not what the story is about."""
        roots = [self.doc[m.start : m.end].root for m in e.mentions]
        return all(
            r.dep_ in ("dobj", "dative") and r.head.lemma_.lower() in self.speech_verbs
            for r in roots
        )

    def _speakers_of(self, token) -> set[int]:
        """Start positions of the subjects of speech verbs above ``token``."""
        out: set[int] = set()
        node = token
        for _ in range(8):
            if node.head.i == node.i:
                break
            node = node.head
            if node.lemma_.lower() in self.speech_verbs:
                for c in node.children:
                    if c.dep_ == "nsubj":
                        out.update(t.i for t in c.subtree)
        return out

    def _sent_starts(self) -> list[int]:
        if self._starts is None:
            self._starts = [s.start for s in self.doc.sents]
        return self._starts

    def records(self) -> tuple[Entity, ...]:
        return tuple(e.record() for e in self.entities)


def resolve_mentions(
    doc,
    mentions: list[RawMention],
    gazetteer: Gazetteer,
    curation=None,
    speech_verbs: frozenset[str] = frozenset(),
    distinct: frozenset[str] = frozenset(),
    firm_words: frozenset[str] = frozenset(),
) -> DocEntities:
    """Group mentions into entities, honouring a person's ``curation``
    (:class:`kg.curation.Curation`: merges and aliases) where given. Longer names
    are placed first, so that "Musk" finds "Elon Musk"; a name is no short form of
    a longer one that goes on with a word of ``distinct`` ("X" of "X Foundation"),
    nor of one named only after it that goes on with more than a corporate suffix
    or one word of ``firm_words`` ("Airbus", then "Airbus Defence and Space")."""
    clusters: list[DocEntity] = []
    by_key: dict[str, DocEntity] = {}

    def named_apart(m: RawMention, other: RawMention) -> bool:
        """Whether ``m`` is named in an apposition that describes ``other`` ("Biocon
        Biologics, a unit of Biocon"), or ``other`` in one of ``m``; not in brackets
        ("Oil India Ltd (OIL)")."""
        if not doc.has_annotation("DEP"):
            return False
        for a, b in ((m, other), (other, m)):
            root = doc[b.end - 1]
            for c in root.children:
                if (
                    c.dep_ == "appos"
                    and c.left_edge.i <= a.start <= c.right_edge.i
                    and "(" not in (c.left_edge.text, doc[max(c.left_edge.i - 1, 0)].text)
                ):
                    return True
        return False

    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        curated = curation.alias_target(m.text) if curation else None
        if curated is not None:
            key = "curated:" + curated[0]
            target = by_key.get(key) or _new(clusters)
            target.curated_key, target.curated_label = curated
        else:
            key, target = _place(
                m, gazetteer, clusters, by_key, (distinct, firm_words), named_apart
            )
        target.mentions.append(m)
        by_key.setdefault(key, target)
        if curated is None and target.known is None:
            by_key.setdefault(name_key(m.text), target)
    for e in clusters:
        _finish(e, curation)
    entities = _one_per_key(clusters)
    for e in entities:
        e.known_place = gazetteer.is_place(e.label)
    return DocEntities(doc, entities, speech_verbs)


def _new(clusters: list[DocEntity], known=None) -> DocEntity:
    e = DocEntity(
        len(clusters),
        known=known.name if known else None,
        known_type=EntityType(known.type) if known else None,
        wikidata=known.wikidata if known else None,
    )
    clusters.append(e)
    return e


def _place(
    m: RawMention,
    gazetteer: Gazetteer,
    clusters: list[DocEntity],
    by_key: dict[str, DocEntity],
    words: tuple[frozenset[str], frozenset[str]],
    named_apart=None,
) -> tuple[str, DocEntity]:
    """The key of a mention and the entity it joins: a known entity, one with the
    same key, a longer name it abbreviates, a known person's surname, or a new one."""
    known = gazetteer.lookup(m.known or m.text)
    key = name_key(known.name if known else m.text)
    target = by_key.get(key)
    if (
        target is None
        and known is None
        and not (
            # "China's State Environmental Protection Agency": the country, not "China
            # Three Gorges Project" shortened
            m.type == EntityType.PLACE and gazetteer.is_place(m.text)
        )
    ):
        target = _partial_match(m, clusters, *words, named_apart=named_apart)
    if target is None and known is None and len(m.text.split()) == 1:
        known = lookup_surname(gazetteer, m.text)
        if known is not None:
            key = name_key(known.name)
            target = by_key.get(key)
    return key, target or _new(clusters, known)


def _finish(e: DocEntity, curation) -> None:
    """Label and type an entity, then apply a person's merges and renames."""
    e.mentions.sort(key=lambda m: m.start)
    e.finish()
    if curation:
        key, label = curation.resolve_key(e.key)
        if key != e.key or (label and label != e.label):
            e.curated_key, e.curated_label = key, label or e.curated_label
            e.finish()


def _one_per_key(clusters: list[DocEntity]) -> list[DocEntity]:
    """Two clusters that ended up with the same label are one entity."""
    merged: dict[str, DocEntity] = {}
    for e in clusters:
        if e.key in merged:
            merged[e.key].mentions.extend(e.mentions)
            merged[e.key].mentions.sort(key=lambda m: m.start)
            merged[e.key].finish()
        else:
            merged[e.key] = e
    entities = list(merged.values())
    for i, e in enumerate(entities):
        e.index = i
    return entities


def _short_form(
    mkey: str, okey: list[str], distinct: frozenset[str], before: frozenset[str] | None = None
) -> bool:
    """Whether a name (key ``mkey``) is the first or last words of a longer one
    (``okey``) that names the same organisation: "Mawingu" of "Mawingu Networks",
    "Couche-Tard" of "Alimentation Couche-Tard"; not "Carlsberg" of "Carlsberg
    Foundation" (a word of ``distinct`` follows it). A short name the story uses
    ``before`` the longer one is its own company unless only a suffix or one of
    those words follows it ("Airbus", then "Airbus Defence and Space", its unit;
    but "SBC", then "SBC Communications")."""
    words = mkey.split()
    if okey[: len(words)] == words:
        rest = okey[len(words) :]
        if before is not None and not (
            all(w in _SUFFIXES for w in rest) or (len(rest) == 1 and rest[0] in before)
        ):
            return False
        return not distinct.intersection(rest)
    # "Couche-Tard" of "Alimentation Couche-Tard": the last words, of two or more letters
    return (
        okey[-len(words) :] == words
        and len(okey) > len(words)
        and len(mkey) > 3
        and not distinct.intersection(words)
    )


def _acronyms(name: str) -> set[str]:
    """The initials of a name, without and with its corporate suffix: "BS" and "BSC"
    of "British Sugar Corp"."""
    words = [w for w in clean_mention(name).replace("-", " ").split() if w[0].isalnum()]
    return {a for a in (acronym(name), "".join(w[0] for w in words).upper()) if a}


def _partial_match(
    m: RawMention,
    clusters: list[DocEntity],
    distinct: frozenset[str] = frozenset(),
    firm_words: frozenset[str] = frozenset(),
    named_apart=None,
) -> DocEntity | None:
    """A longer name this mention abbreviates: a surname, a first word, an acronym;
    not one its apposition describes ("Biocon Biologics, a unit of Biocon")."""
    words = m.text.split()
    mkey = name_key(m.text)
    # a name with its suffix is a company's full name, not a short one ("Beta Corp")
    full = strip_suffix(m.text) != m.text
    hits = []
    for e in clusters:
        for other in e.mentions:
            owords = other.text.split()
            if len(owords) <= len(words) or other.text[:1].islower():
                continue  # "Europe" is no short name of "eastern Europe"
            okey = name_key(other.text).split()
            person = EntityType.PERSON
            if other.type == person or e.known is None and m.type == person:
                found = mkey in (okey[-1], okey[0]) and len(words) == 1
            else:
                before = firm_words if m.start < min(x.start for x in e.mentions) else None
                found = (
                    m.type != person
                    and not full
                    and _short_form(mkey, okey, distinct, before)
                    and (
                        m.type == other.type
                        or other.type == EntityType.ORGANIZATION
                        and not m.strong
                    )
                )
                if found and named_apart and any(named_apart(m, x) for x in e.mentions):
                    break
            if found or m.text.isupper() and m.text in _acronyms(other.text):
                hits.append(e)
                break
    unique = {e.index: e for e in hits}
    if len(unique) > 1 and m.type != EntityType.PERSON:
        # "Aranya" of "Aranya Pharma" and "Aranya Wellness": the company the story
        # names first (its units come later)
        firsts = sorted((min(x.start for x in e.mentions), e.index) for e in unique.values())
        return unique[firsts[0][1]] if firsts[0][0] < m.start else None
    return next(iter(unique.values())) if unique else None
