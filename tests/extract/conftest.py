"""Extraction fixtures: one :class:`~kg.extract.pipeline.Extractor` (and so one loaded
spaCy model) per session, and small helpers that read its claims as triples."""

from __future__ import annotations

import pytest

from kg.model import Article, Claim, Extraction
from kg.predicates import SYMMETRIC_PREDICATES

#: The publication date of every test article unless a test says otherwise (a Wednesday).
PUBLISHED = "2026-11-25"


def normalise(subject: str, predicate: str, obj: str) -> tuple[str, str, str]:
    """A triple with the two keys of a symmetric predicate in sorted order."""
    if predicate in SYMMETRIC_PREDICATES and obj < subject:
        subject, obj = obj, subject
    return subject, predicate, obj


@pytest.fixture(name="normalise", scope="session")
def normalise_fixture():
    """:func:`normalise`, for test modules (they cannot import this conftest)."""
    return normalise


@pytest.fixture(scope="session")
def extractor():
    """The extractor with the small English model, loaded once per session."""
    from kg.extract.pipeline import Extractor

    return Extractor()


@pytest.fixture(scope="session")
def extract(extractor):
    """``extract(text, published=PUBLISHED)`` -> the :class:`Extraction` of a one-off article.

    Results are cached, so several tests may read the same sentence at no cost.
    """
    cache: dict[tuple[str, str | None], Extraction] = {}

    def run(text: str, published: str | None = PUBLISHED) -> Extraction:
        key = (text, published)
        if key not in cache:
            cache[key] = extractor.extract(Article(id="test", text=text, published=published))
        return cache[key]

    return run


@pytest.fixture(scope="session")
def triples(extract):
    """``triples(text)`` -> the set of (subject, predicate, object) of the *asserted*
    claims, symmetric predicates in sorted order."""

    def run(text: str, published: str | None = PUBLISHED) -> set[tuple[str, str, str]]:
        return {
            normalise(c.subject, c.predicate, c.object)
            for c in extract(text, published).claims
            if c.polarity == "asserted"
        }

    return run


@pytest.fixture(scope="session")
def claims_for(extract):
    """``claims_for(text, subject, predicate, obj)`` -> the claims (of any polarity) with
    that triple; the order of a symmetric predicate's keys does not matter."""

    def run(
        text: str, subject: str, predicate: str, obj: str, published: str | None = PUBLISHED
    ) -> list[Claim]:
        want = normalise(subject, predicate, obj)
        return [
            c
            for c in extract(text, published).claims
            if normalise(c.subject, c.predicate, c.object) == want
        ]

    return run


# ------------------------------------------------------------- docs built by hand
#: Punctuation written without a space before it.
_CLOSING = {",", ".", "'s", "\u2019s", ";", ":", ")", "?", "!", "%"}


def hand_doc(table: str):
    """A parsed ``Doc`` from a table, one token a line: ``word lemma POS TAG dep head
    ent`` (``head`` the index of the token's head, ``ent`` an IOB tag such as
    ``B-ORG`` or ``O``). A word written ``+word`` follows the previous one with no
    space ("Musk", "+-", "+founded"). No trained model is loaded: this is how
    spaCy's own tests build their docs."""
    import spacy
    from spacy.tokens import Doc

    rows = [line.split() for line in table.strip().splitlines() if line.strip()]
    words = [r[0].removeprefix("+") if len(r[0]) > 1 else r[0] for r in rows]
    spaces = [
        not (
            i + 1 < len(rows)
            and (
                rows[i + 1][0] in _CLOSING
                or rows[i + 1][0].startswith("+")
                and len(rows[i + 1][0]) > 1
            )
        )
        for i in range(len(rows))
    ]
    spaces[-1] = False
    heads = [int(r[5]) for r in rows]
    for i in range(len(heads)):  # a cycle of heads would hang the rules' walks upward
        seen, j = set(), i
        while heads[j] != j:
            if j in seen:
                raise ValueError(f"the heads of the table make a cycle through {words[j]!r}")
            seen.add(j)
            j = heads[j]
    if "vocab" not in _VOCAB:  # an English vocabulary, without a trained model
        _VOCAB["vocab"] = spacy.blank("en").vocab
    return Doc(
        _VOCAB["vocab"],
        words=words,
        spaces=spaces,
        lemmas=[r[1] for r in rows],
        pos=[r[2] for r in rows],
        tags=[r[3] for r in rows],
        deps=[r[4] for r in rows],
        heads=heads,
        ents=[r[6] for r in rows],
    )


_VOCAB: dict = {}


@pytest.fixture(scope="session")
def read_table():
    """``read_table(table, published=None, outlet=None)`` -> (entities, claims) that
    kg's rules read from a hand-built doc (:func:`hand_doc`), without a model."""
    from kg.extract.dates import parse_iso_date
    from kg.extract.gazetteer import load_gazetteer
    from kg.extract.reader import ReadOptions, read_doc
    from kg.extract.rules import load_rules

    def run(table: str, published: str | None = None, outlet: str | None = None):
        options = ReadOptions(load_rules(), load_gazetteer(), parse_iso_date(published), outlet)
        return read_doc(hand_doc(table), options)

    return run


@pytest.fixture(scope="session")
def table_triples(read_table):
    """``table_triples(table)`` -> the asserted (subject, predicate, object) of a
    hand-built doc, symmetric predicates in sorted order."""

    def run(table: str, **kw) -> set[tuple[str, str, str]]:
        _, claims = read_table(table, **kw)
        return {
            normalise(c.subject, c.predicate, c.object) for c in claims if c.polarity == "asserted"
        }

    return run
