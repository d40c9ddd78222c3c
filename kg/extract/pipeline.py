"""From articles to extractions: spaCy ``Doc`` -> plain records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace

from .. import __version__
from ..model import SYMMETRIC_PREDICATES, Article, Claim, Extraction
from .attribution import quote_sources, sentence_sources
from .dates import parse_iso_date
from .gazetteer import load_gazetteer
from .mentions import add_repeated_names, add_untagged_names, find_mentions
from .nlp import load_nlp, pipeline_name
from .qualifiers import MONEY_PREDICATES, carry, claim_amount, claim_date
from .relations import RawClaim, find_relations
from .resolve import resolve_mentions

__all__ = ["Extractor", "MONEY_PREDICATES"]

class Extractor:
    """Reads articles with a spaCy pipeline and returns :class:`Extraction` records.

    >>> from kg.model import Article
    >>> x = Extractor()
    >>> ex = x.extract(Article(id="a", text="Acme Corp. agreed to buy Widget Inc. for $5 million."))
    >>> [(c.subject, c.predicate, c.object, c.amount.value) for c in ex.claims]
    [('acme', 'acquires', 'widget', 5000000.0)]
    """

    def __init__(self, model: str | None = None, batch_size: int = 16, curation=None):
        self.nlp = load_nlp(model)
        self.gazetteer = load_gazetteer()
        self.batch_size = batch_size
        self.curation = curation
        self.name = f"kg {__version__}; {pipeline_name(self.nlp)}"
        if curation:
            # articles read under another curation are read again
            self.name += f"; curation {curation.fingerprint}"

    def extract(self, article: Article) -> Extraction:
        return self.from_doc(self.nlp(article.text), article)

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extractions in input order. An article the rules fail on (a bug) comes
        back empty with ``extra["error"]`` set, and the rest go on."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            try:
                yield self.from_doc(doc, article)
            except Exception as exc:  # noqa: BLE001 - one article must not stop a batch
                yield Extraction(article, pipeline=self.name,
                                 extra={"error": f"{type(exc).__name__}: {exc}"})

    def from_doc(self, doc, article: Article) -> Extraction:
        mentions = find_mentions(doc, self.gazetteer, article.source)
        mentions = add_repeated_names(doc, add_untagged_names(doc, mentions))
        ents = resolve_mentions(doc, mentions, self.gazetteer, self.curation)
        published = parse_iso_date(article.published)
        said = {s.start: sentence_sources(s, ents) for s in doc.sents}
        ents.sources = _source_only(said, ents)
        quoted = quote_sources(doc, said)
        claims: dict[tuple, tuple[Claim, RawClaim]] = {}
        for raw in find_relations(doc, ents, quoted):
            claim = _claim(raw, doc, said, published, quoted)
            key = (claim.subject, claim.predicate, claim.object, claim.sentence_start)
            claims[key] = (_merge(claims[key][0], claim), claims[key][1]) if key in claims \
                else (claim, raw)
        found = carry(list(claims.values()), doc, ents, published)
        return Extraction(article, ents.records(), tuple(found), self.name)


def _merge(a: Claim, b: Claim) -> Claim:
    """One claim found twice in a sentence: the more confident reading, with what
    either reading knows of its time."""
    best, other = (a, b) if a.confidence >= b.confidence else (b, a)
    return replace(best, ended=a.ended or b.ended, end_date=best.end_date or other.end_date,
                   date=best.date or other.date if not (a.ended or b.ended) else best.date,
                   amount=best.amount or other.amount,
                   attributed_to=best.attributed_to or other.attributed_to)


def _source_only(said: dict[int, list], ents) -> set[int]:
    """Entities named only as the source of reported speech (an outlet that
    "reported"), never as an actor: poor antecedents for "the company"."""
    speaking: set[int] = set()
    for found in said.values():
        for _, _, phrase in found:
            speaking.update(t.i for t in phrase.subtree)
    out = set()
    for e in ents.entities:
        if all(i in speaking for m in e.mentions for i in range(m.start, m.end)):
            out.add(e.index)
    return out


def _claim(raw: RawClaim, doc, said, published, quoted) -> Claim:
    sent = raw.token.sent
    text = doc.text
    start, end = sent.start_char, sent.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    s, o = raw.subject.key, raw.object.key
    if raw.predicate in SYMMETRIC_PREDICATES and o < s:
        s, o = o, s
    confidence = raw.confidence - (0.2 if raw.polarity == "hedged" else 0.0)
    when = claim_date(raw, sent, published)
    # a verb of leaving dates the end of the relation, not its start
    leaving = raw.end_dated
    return Claim(
        subject=s,
        predicate=raw.predicate,
        object=o,
        sentence=text[start:end],
        sentence_start=start,
        sentence_end=end,
        attributed_to=_source(raw, said.get(sent.start, ()), quoted),
        amount=claim_amount(raw, sent) if raw.predicate in MONEY_PREDICATES else None,
        date=None if leaving else when,
        confidence=round(max(0.05, min(1.0, confidence)), 2),
        polarity=raw.polarity,
        method=raw.method,
        ended=raw.ended,
        end_date=when if leaving else None,
    )


def _source(raw: RawClaim, found, quoted) -> str | None:
    tok = raw.token
    # a description, or background in a relative clause ("Musk, who co-founded OpenAI, ...")
    # is the article's own voice, not what a source reports
    descriptive = not raw.method.startswith(("verb:", "noun:")) or any(
        t.dep_ == "relcl" for t in (tok, *tok.ancestors))
    for entity, verb, phrase in found:
        if descriptive:
            break  # "Acme's chief executive" is a description, not what a source reports
        # what the speech verb reports, not the speaker's own description
        # ("said Jane Doe, Acme's chief executive")
        scope = verb.head if verb.lower_ == "according" else verb
        reported = tok in scope.subtree or (
            # a closing "..., the Post reported." governs the sentence before it
            verb.i > tok.i and not any(c.dep_ in ("ccomp", "xcomp") for c in verb.children))
        if verb.i != tok.i and reported and tok not in phrase.subtree:
            return entity.key
    for (start, end), speaker in quoted.items():
        if start <= tok.idx < end:
            return speaker.key
    return None
