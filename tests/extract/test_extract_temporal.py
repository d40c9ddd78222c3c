"""Relations that held over a period and ended: "former", "stepped down", "ended"."""

from __future__ import annotations

import pytest

from kg.model import Article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "triple", "end_date"),
    [
        (
            "Jane Roe, the former chief executive of Tarnwell Corp, joined Beta Inc.",
            ("jane-roe", "executiveOf", "tarnwell"),
            None,
        ),
        (
            "John Doe stepped down as chief executive of Globex Corp in 2021.",
            ("john-doe", "executiveOf", "globex"),
            "2021",
        ),
        (
            "Mark Smith resigned as Initech's chief financial officer on Monday.",
            ("mark-smith", "executiveOf", "initech"),
            "2026-11-23",
        ),
        (
            "Quillon Systems and Brisk Analytics ended their partnership last year.",
            ("brisk-analytics", "partnerOf", "quillon-systems"),
            "2025",
        ),
    ],
)
def test_extract_ended_relations(extractor, text, triple, end_date):
    ex = extractor.extract(Article(id="t", text=text, published="2026-11-25"))

    hits = [c for c in ex.claims if (c.subject, c.predicate, c.object) == triple]

    assert hits, [(c.subject, c.predicate, c.object) for c in ex.claims]
    assert hits[0].ended and hits[0].polarity == "asserted"
    assert hits[0].end_date == end_date


def test_extract_current_role_is_not_ended(extractor):
    ex = extractor.extract(
        Article(
            id="t",
            text="Jane Roe, Tarnwell Corp's chief executive, spoke on Monday.",
            published="2026-11-25",
        )
    )

    assert [c.ended for c in ex.claims if c.predicate == "executiveOf"] == [False]
