"""What qualifies a claim: its amount, its date, who it is attributed to, its polarity.

The parsers of money and time expressions are tested on their own first; then
sentences check that each qualifier reaches the right claim.
"""

from __future__ import annotations

from datetime import date

import pytest

from kg.extract.dates import resolve_date
from kg.extract.money import find_money
from kg.model import Money


def xfail(reason: str):
    return pytest.mark.xfail(reason=reason, strict=False)


# -- kg.extract.money.find_money -------------------------------------------------------------


@pytest.mark.parametrize(
    "text,value,currency",
    [
        ("a price of $4.5 billion", 4.5e9, "USD"),
        ("it paid $4bn in cash", 4e9, "USD"),
        ("a \u20ac15 million round", 15e6, "EUR"),
        ("13 billion dollars", 13e9, "USD"),
        ("as much as $134 billion", 134e9, "USD"),
    ],
)
def test_money_find_money_reads_value_and_currency(text, value, currency):
    found = find_money(text)
    assert [m.money for m in found] == [Money(pytest.approx(value), currency)]
    assert not found[0].per_unit


def test_money_find_money_marks_rates_per_unit():
    found = find_money("$150,000 per song, or $60m a year, or $31 each")
    assert [(m.money.value, m.per_unit) for m in found] == [
        (150_000.0, True),
        (60e6, True),
        (31.0, True),
    ]


def test_money_find_money_for_each_is_a_rate_and_the_total_is_not():
    found = find_money("up to $150,000 for each work infringed, which could total $75 million")
    assert [(m.money.value, m.per_unit) for m in found] == [(150_000.0, True), (75e6, False)]


def test_money_find_money_reads_wire_service_dollars():
    found = find_money("for 4.5 mln dlrs in cash, or 1.2 bln dlrs in all")
    assert [m.money for m in found] == [Money(4.5e6, "USD"), Money(1.2e9, "USD")]


def test_money_find_money_ignores_numbers_without_currency():
    assert find_money("15 million users, a 4.5% stake, in 2015") == []


def test_money_find_money_reads_crore_and_lakh():
    found = find_money("for \u20b91,850 crore, or Rs 2.5 lakh, or 40 crore rupees")
    assert [m.money for m in found] == [
        Money(18.5e9, "INR"),
        Money(2.5e5, "INR"),
        Money(4e8, "INR"),
    ]


def test_money_find_money_marks_a_companys_size():
    text = "a group with about \u20ac6.5 billion in annual sales, revenue of $2bn, for $5bn"
    assert [(m.money.value, m.paid) for m in find_money(text)] == [
        (6.5e9, False),
        (2e9, False),
        (5e9, True),
    ]


def test_money_find_money_marks_a_conversion_in_brackets():
    text = "its $16bn (\u00a38.5bn) takeover; 5.65bn euros ($7.4bn; \u00a33.9bn); $5m; then $6m"
    assert [(m.money.value, m.paid) for m in find_money(text)] == [
        (16e9, True),
        (8.5e9, False),
        (5.65e9, True),
        (7.4e9, False),
        (3.9e9, False),
        (5e6, True),
        (6e6, True),
    ]


def test_money_find_money_offsets_and_order():
    text = "Paid 13 billion dollars, then $2m more."
    found = find_money(text)
    assert [text[m.start : m.end] for m in found] == ["13 billion dollars", "$2m"]


# -- kg.extract.dates.resolve_date -----------------------------------------------------------

WEDNESDAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    "expr,expected",
    [
        ("in 2015", "2015"),
        ("founded in 1875", "1875"),
        ("on Tuesday", "2026-11-24"),
        ("last Wednesday", "2026-11-18"),
        ("last year", "2025"),
        ("March 2024", "2024-03"),
        ("on December 3", "2025-12-03"),
        ("in January", "2026-01"),
        ("last summer", "2026"),  # the summer that ended before late November
        ("this spring", "2026"),
    ],
)
def test_dates_resolve_date_against_publication(expr, expected):
    assert resolve_date(expr, WEDNESDAY) == expected


def test_dates_resolve_date_relative_needs_publication():
    assert resolve_date("on Tuesday", None) is None
    assert resolve_date("last year", None) is None
    assert resolve_date("in March 2024", None) == "2024-03"


# -- amounts on claims -----------------------------------------------------------------------

ACQ = ("halvard-systems", "acquires", "corvale-networks")
SUES = ("halvard-systems", "sues", "corvale-networks")

MONEY = [
    (
        "Halvard Systems acquired Corvale Networks for $4.5 billion.",
        ("halvard-systems", "acquires", "corvale-networks"),
        Money(4.5e9, "USD"),
    ),
    (
        "Halvard Systems bought Corvale Networks for \u20ac15 million.",
        ("halvard-systems", "acquires", "corvale-networks"),
        Money(15e6, "EUR"),
    ),
    (
        "Halvard Systems acquired Corvale Networks for 13 billion dollars.",
        ("halvard-systems", "acquires", "corvale-networks"),
        Money(13e9, "USD"),
    ),
    (
        "Brightwater Energy is seeking as much as $134 billion in damages from Tidemark Holdings.",
        ("brightwater-energy", "sues", "tidemark"),
        Money(134e9, "USD"),
    ),
    (
        "NASA awarded Halvard Systems a contract worth $2.9 billion.",
        ("halvard-systems", "contractWith", "nasa"),
        Money(2.9e9, "USD"),
    ),
    (
        "Brightwater Energy sued Tidemark Holdings, asking for $150,000 per song.",
        ("brightwater-energy", "sues", "tidemark"),
        None,
    ),
    (
        "Halvard Systems and Tidemark Holdings invested $50 million in Northwind Robotics.",
        ("halvard-systems", "investsIn", "northwind-robotics"),
        None,
    ),
    # each party gets the sum of its own clause, or the one nearest its name
    (
        "Halvard Systems agreed to buy Corvale Networks for $5 million, a year after Tidemark "
        "Holdings bought Northwind Robotics for $9 million.",
        ("tidemark", "acquires", "northwind-robotics"),
        Money(9e6, "USD"),
    ),
    (
        "NASA awarded Halvard Systems a $2.6 billion contract and Corvale Networks a "
        "$4.2 billion contract.",
        ("corvale-networks", "contractWith", "nasa"),
        Money(4.2e9, "USD"),
    ),
    # a figure in words of a currency after the number
    (
        "Halvard Systems said on Tuesday that it had invested 50 million euros in Corvale "
        "Networks.",
        ("halvard-systems", "investsIn", "corvale-networks"),
        Money(50e6, "EUR"),
    ),
    (
        "Quillon Capital led a Series B round of $40 million in Northwind Robotics earlier this "
        "month.",
        ("quillon-capital", "investsIn", "northwind-robotics"),
        Money(40e6, "USD"),
    ),
    # a sum raised from several is not split between them
    (
        "Northwind Robotics raised $50 million from Quillon Capital and Sequoia Capital.",
        ("quillon-capital", "investsIn", "northwind-robotics"),
        None,
    ),
    (
        "Northwind Robotics raised $50 million from Quillon Capital.",
        ("quillon-capital", "investsIn", "northwind-robotics"),
        Money(50e6, "USD"),
    ),
    # not a sum of another clause with its own subject ...
    (
        "Corvale Networks will keep its licence to Microsoft's technology, and Tidemark "
        "Holdings will book a $1.25 billion payment.",
        ("microsoft", "contractWith", "corvale-networks"),
        None,
    ),
    # ... but one of a clause about the deal itself
    (
        "Halvard Systems acquired Corvale Networks in an all-stock deal that valued it at "
        "$33 billion.",
        ACQ,
        Money(33e9, "USD"),
    ),
    # a purpose clause belongs to its verb
    (
        "Halvard Systems paid roughly $2.7bn to license Corvale Networks' technology.",
        ("corvale-networks", "contractWith", "halvard-systems"),
        Money(2.7e9, "USD"),
    ),
    # nor a sum of a clause about one of the parties ...
    (
        "Corvale Networks, the chip designer that was bought by Tidemark Holdings for $3 "
        "billion, sued Halvard Systems in 2022.",
        ("corvale-networks", "sues", "halvard-systems"),
        None,
    ),
    # ... nor of another deal the verb is joined to
    (
        "Halvard Systems took over Corvale Networks in 2020 and paid $6 billion for Northwind "
        "Robotics in 2023.",
        ACQ,
        None,
    ),
    # nor a company's size
    (
        "Halvard Systems agreed to merge with Corvale Networks, creating a group with about "
        "$6.5 billion in annual sales.",
        ("corvale-networks", "mergesWith", "halvard-systems"),
        None,
    ),
    # the sum a relative clause describes is the clause's own
    (
        "Analysts said the $6 billion which Halvard Systems lent Corvale Networks came from "
        "other banks.",
        ("halvard-systems", "contractWith", "corvale-networks"),
        Money(6e9, "USD"),
    ),
    # the price named "for" what was bought in a later sentence
    (
        "Halvard Systems agreed to buy Corvale Networks.\n\nTidemark Holdings will pay "
        "$350 million for Corvale Networks and Northwind Robotics.",
        ACQ,
        None,
    ),
    (
        "Tidemark Holdings agreed to sell Corvale Networks to Halvard Systems.\n\nTidemark "
        "Holdings will receive $350 million for Corvale Networks.",
        ACQ,
        Money(350e6, "USD"),
    ),
    # the sum is in a later sentence that names the same event
    (
        "Halvard Systems agreed to buy Corvale Networks.\n\nThe deal, valued at $5 billion, "
        "was announced on Monday.",
        ACQ,
        Money(5e9, "USD"),
    ),
    (
        "Halvard Systems sued Corvale Networks.\n\nThe complaint seeks $20 million in damages.",
        SUES,
        Money(20e6, "USD"),
    ),
    # "the contract" of a later sentence may be another contract between the same two
    (
        "NASA first hired Halvard Systems to carry cargo more than a decade ago.\n\nHalvard "
        "Systems also holds a second contract worth about $2.9 billion, awarded in 2021.",
        ("halvard-systems", "contractWith", "nasa"),
        None,
    ),
    # ... nor from a sentence about another event of the same kind
    (
        "Halvard Systems sued Corvale Networks.\n\nTidemark Holdings bought Northwind Robotics."
        "\n\nThe deal was worth $9 million.",
        SUES,
        None,
    ),
    (
        "Halvard Systems agreed to buy Corvale Networks.\n\nTidemark Holdings bought Northwind "
        "Robotics.\n\nThe deal was worth $9 million.",
        ACQ,
        None,
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,triple,amount", MONEY)
def test_extract_claim_amount(claims_for, text, triple, amount):
    found = claims_for(text, *triple)
    assert found, "no such claim"
    assert [c.amount for c in found] == [amount] * len(found)


# -- dates on claims -------------------------------------------------------------------------

DATES = [
    (
        "Tomas Lindqvist founded Halvard Systems in 2015.",
        ("tomas-lindqvist", "founderOf", "halvard-systems"),
        "2015",
    ),
    (
        "Halvard Systems acquired Corvale Networks on Tuesday.",
        ("halvard-systems", "acquires", "corvale-networks"),
        "2026-11-24",
    ),
    (
        "Corvale Networks was bought by Halvard Systems last year.",
        ("halvard-systems", "acquires", "corvale-networks"),
        "2025",
    ),
    # one sentence, two events, two dates: each time phrase dates only its own clause
    (
        "Halvard Systems, which Tomas Lindqvist founded in 2015, sued Corvale Networks on Tuesday.",
        ("tomas-lindqvist", "founderOf", "halvard-systems"),
        "2015",
    ),
    (
        "Halvard Systems, which Tomas Lindqvist founded in 2015, sued Corvale Networks on Tuesday.",
        ("halvard-systems", "sues", "corvale-networks"),
        "2026-11-24",
    ),
    # NER may cut a time phrase in two ("the summer of" + "2022")
    (
        "Tomas Lindqvist tried to walk away, relenting only after Halvard Systems sued "
        "Corvale Networks in Delaware in the summer of 2022.",
        SUES,
        "2022",
    ),
    # a later sentence dates the same event
    (
        "Halvard Systems sued Corvale Networks.\n\nThe complaint, filed on Thursday in a state "
        "court, names two executives.",
        SUES,
        "2026-11-19",
    ),
    (
        "Halvard Systems agreed to buy Corvale Networks.\n\nWhen the agreement was announced on "
        "Aug. 2, neither side disclosed terms.",
        ACQ,
        "2026-08-02",
    ),
    # calling a deal off dates the calling off, not the deal
    ("Halvard Systems on Tuesday called off its planned purchase of Corvale Networks.", ACQ, None),
    (
        "Halvard Systems on Tuesday called off its planned purchase of Corvale Networks.\n\n"
        "The deal was unveiled in September 2020.",
        ACQ,
        "2020-09",
    ),
    # two parallel clauses with one verb share the time phrase
    (
        "Halvard Systems sued Corvale Networks earlier this year, and Tomas Lindqvist sued "
        "Tidemark Holdings.",
        ("tomas-lindqvist", "sues", "tidemark"),
        "2026",
    ),
    (
        "Halvard Systems on Monday won the contest to become Corvale Networks' technology partner.",
        ("corvale-networks", "partnerOf", "halvard-systems"),
        "2026-11-23",
    ),
    # the deal a verb was done in dates it
    (
        "Halvard Systems acquired Corvale Networks in a deal worth \u20ac800 million announced "
        "in January 2024.",
        ACQ,
        "2024-01",
    ),
    # "a decade ago" is no December
    (
        "NASA first hired Halvard Systems to carry cargo more than a decade ago.",
        ("halvard-systems", "contractWith", "nasa"),
        None,
    ),
    # a role taken up is an event with a date
    (
        "Corvale Networks announced on Tuesday that Tomas Lindqvist would return as its chief "
        "executive.",
        ("tomas-lindqvist", "executiveOf", "corvale-networks"),
        "2026-11-24",
    ),
    # "until" dates the end, not the claim
    (
        "Northwind Robotics, the chain owned by Halvard Systems until 2021, was sold that year.",
        ("northwind-robotics", "subsidiaryOf", "halvard-systems"),
        None,
    ),
    # a later sentence on when the deal is to close does not date it
    (
        "Halvard Systems agreed to buy Corvale Networks.\n\nCompletion of the deal is "
        "expected in March.",
        ACQ,
        None,
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,triple,expected", DATES)
def test_extract_claim_date(claims_for, text, triple, expected):
    found = claims_for(text, *triple)
    assert found, "no such claim"
    assert [c.date for c in found] == [expected] * len(found)


# -- attribution -----------------------------------------------------------------------------

ATTRIBUTION = [
    ("Halvard Systems agreed to buy Corvale Networks, Daniel Reyes said.", ACQ, "daniel-reyes"),
    (
        "Halvard Systems will sue Corvale Networks, the Harbor Journal reported.",
        SUES,
        "harbor-journal",
    ),
    (
        "Halvard Systems agreed to buy Corvale Networks, according to the Wall Street Journal.",
        ACQ,
        "wall-street-journal",
    ),
    ("Daniel Reyes said Halvard Systems had sued Corvale Networks.", SUES, "daniel-reyes"),
    ('"Halvard Systems will sue Corvale Networks," Priya Raman said.', SUES, "priya-raman"),
    # a quotation that goes on after the speaker is named
    (
        '"Halvard Systems is growing fast," said Priya Raman, an analyst at Kestrel Research. '
        '"It will sue Corvale Networks next year."',
        SUES,
        "priya-raman",
    ),
    pytest.param(
        '"Halvard Systems will sue Corvale Networks," Daniel Reyes said.',
        SUES,
        "daniel-reyes",
        marks=xfail(
            "NER tags 'Daniel Reyes' WORK_OF_ART after the closing quote, "
            "so the speaker is no entity and attributed_to is None"
        ),
    ),
    ("Halvard Systems announced that it had acquired Corvale Networks.", ACQ, None),
    # "add" is a speech verb ("..., she added"), but here it is the claim's own verb
    (
        "Corvale Networks added support for the Zephyr app.",
        ("corvale-networks", "offers", "zephyr"),
        None,
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,triple,source", ATTRIBUTION)
def test_extract_claim_attribution(claims_for, text, triple, source):
    found = claims_for(text, *triple)
    assert found, "no such claim"
    assert [c.attributed_to for c in found] == [source] * len(found)


# -- negation and hedging --------------------------------------------------------------------

NEGATED = [
    ("Halvard Systems has no plans to acquire Corvale Networks.", ACQ),
    ("Halvard Systems denied it would buy Corvale Networks.", ACQ),
    (
        "Halvard Systems ruled out a merger with Corvale Networks.",
        ("halvard-systems", "mergesWith", "corvale-networks"),
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,triple", NEGATED)
def test_extract_negated_claim_is_not_asserted(extract, claims_for, text, triple):
    keys = {e.key for e in extract(text).entities}
    assert {triple[0], triple[2]} <= keys  # the parties are found: absence means something
    assert all(c.polarity == "negated" for c in claims_for(text, *triple))


HEDGED = [
    ("Halvard Systems could buy Corvale Networks.", ACQ),
    ("Halvard Systems is in talks to buy Corvale Networks.", ACQ),
    ("Halvard Systems announced plans to buy Corvale Networks.", ACQ),
    # the lemmatizer gives "hopes" the lemma "hop"
    (
        "Halvard Systems hopes to partner with Corvale Networks.",
        ("halvard-systems", "partnerOf", "corvale-networks"),
    ),
    (
        "Halvard Systems hopes to land a deal with Corvale Networks.",
        ("halvard-systems", "partnerOf", "corvale-networks"),
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize("text,triple", HEDGED)
def test_extract_hedged_claim_is_never_asserted(extract, claims_for, text, triple):
    keys = {e.key for e in extract(text).entities}
    assert {triple[0], triple[2]} <= keys
    assert all(c.polarity == "hedged" for c in claims_for(text, *triple))


@pytest.mark.slow
def test_extract_hedged_claim_loses_confidence(claims_for):
    plain = claims_for("Halvard Systems will sue Corvale Networks.", *SUES)
    hedged = claims_for("Halvard Systems might sue Corvale Networks.", *SUES)
    assert all(c.polarity == "hedged" for c in hedged)
    assert plain and hedged
    assert hedged[0].confidence < plain[0].confidence
