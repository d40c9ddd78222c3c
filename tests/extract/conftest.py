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
        return {normalise(c.subject, c.predicate, c.object)
                for c in extract(text, published).claims if c.polarity == "asserted"}

    return run


@pytest.fixture(scope="session")
def claims_for(extract):
    """``claims_for(text, subject, predicate, obj)`` -> the claims (of any polarity) with
    that triple; the order of a symmetric predicate's keys does not matter."""

    def run(text: str, subject: str, predicate: str, obj: str,
            published: str | None = PUBLISHED) -> list[Claim]:
        want = normalise(subject, predicate, obj)
        return [c for c in extract(text, published).claims
                if normalise(c.subject, c.predicate, c.object) == want]

    return run
