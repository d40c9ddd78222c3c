"""Events named as subjects are taken for granted unless their own verb denies them."""

from __future__ import annotations

import pytest

from kg.model import Article

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "polarity"),
    [
        (
            "The report said it does not expect Acme Corp's merger with Beta Corp to affect "
            "existing contracts.",
            "asserted",
        ),
        ("The acquisition of Beta Corp by Acme Corp did not happen.", "negated"),
        ("The partnership between Acme Corp and Beta Corp collapsed.", "negated"),
        ("Acme Corp denied that it would buy Beta Corp.", "negated"),
        # a deal or lawsuit that happened and was then undone is still reported
        ("Regulators blocked Acme Corp's acquisition of Beta Corp.", "asserted"),
        ("A federal judge dismissed Acme Corp's lawsuit against Beta Corp.", "asserted"),
        # seeking is not having, and a plan is not a deal agreed
        ("Acme Corp is seeking to buy Beta Corp.", "hedged"),
        ("Acme Corp plans to acquire Beta Corp for $5 billion.", "hedged"),
        # an offer is a bid, not a deal
        (
            "Acme Corp offered to buy Beta Corp for $7 billion, but the board rejected the offer.",
            "hedged",
        ),
        ("Acme Corp's board has approved the possible takeover of Beta Corp.", "hedged"),
        ("Acme Corp and Beta Corp announced a proposed merger.", "hedged"),
        ("Acme Corp is in advanced talks to buy Beta Corp, the Harbor Journal reported.", "hedged"),
        ("Acme Corp is reportedly in talks to buy Beta Corp.", "hedged"),
    ],
)
def test_extract_polarity_of_named_events(extractor, text, polarity):
    claims = extractor.extract(Article(id="p", text=text)).claims
    assert claims and {c.polarity for c in claims} == {polarity}
