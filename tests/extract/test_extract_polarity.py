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


_SUPPOSED_MERGER = """
    {det}          {lemma}      DET    DT    det        1   O
    merger         merger       NOUN   NN    nsubj      7   O
    between        between      ADP    IN    prep       1   O
    Corvale        Corvale      PROPN  NNP   pobj       2   B-ORG
    and            and          CCONJ  CC    cc         3   O
    Pellan         Pellan       PROPN  NNP   conj       3   B-ORG
    would          would        AUX    MD    aux        7   O
    create         create       VERB   VB    ROOT       7   O
    the            the          DET    DT    det        10  O
    biggest        big          ADJ    JJS   amod       10  O
    bank           bank         NOUN   NN    dobj       7   O
    .              .            PUNCT  .     punct      7   O
"""


@pytest.mark.parametrize(
    ("det", "polarity"),
    [("A", "hedged"), ("The", "asserted")],
)
def test_extract_polarity_an_event_supposed_with_would(read_table, det, polarity) -> None:
    """ "A merger between Corvale and Pellan would create the biggest bank": a
    supposition; "The merger ... would create" takes the merger as agreed."""
    _, claims = read_table(_SUPPOSED_MERGER.format(det=det, lemma=det.lower()))
    assert [(c.subject, c.predicate, c.object, c.polarity) for c in claims] == [
        ("corvale", "mergesWith", "pellan", polarity)
    ]
