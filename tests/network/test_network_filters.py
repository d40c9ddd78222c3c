"""Filters: parsing, validation and the date-range rule."""

from __future__ import annotations

import pytest

from kg.errors import KGError
from kg.network import Filters


def test_network_filters_names_any_case_and_comma_separated():
    f = Filters(predicates=("SUES,investsin", "sues"), types=("person",), sources=("A, B",))

    assert f.predicates == ("sues", "investsIn")
    assert f.types == ("Person",)
    assert f.sources == ("A", "B")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"predicates": ("likes",)}, "unknown predicate 'likes'"),
        ({"types": ("Robot",)}, "unknown entity type 'Robot'"),
        ({"since": "last year"}, "--since 'last year' is not a date"),
        ({"until": "2025-1-1"}, "--until '2025-1-1' is not a date"),
        ({"since": "2026", "until": "2025-12"}, "--since 2026 is after --until 2025-12"),
        ({"min_support": 0}, "--min-support must be at least 1"),
    ],
)
def test_network_filters_reject_bad_values(kwargs, message):
    with pytest.raises(KGError, match=message):
        Filters(**kwargs)


@pytest.mark.parametrize(
    ("since", "until", "date", "passes"),
    [
        ("2025", None, "2025-01-01", True),
        ("2025", None, "2024-12-31", False),
        (None, "2025", "2025-12-31", True),
        (None, "2025-06", "2025-07-01", False),
        ("2025-03-01", "2025-03-31", "2025-03", True),  # a month overlapping the range
        ("2025-03-01", None, "2025", True),
        ("2026", None, "2025", False),
        ("2025", None, None, False),
        (None, None, None, True),
    ],
)
def test_network_filters_date_range_compares_by_prefix(since, until, date, passes):
    assert Filters(since=since, until=until).date_passes(date) is passes


def test_network_filters_source_is_case_insensitive():
    f = Filters(sources=("Wire A",))

    assert f.source_passes("wire a")
    assert not f.source_passes("Wire B")
    assert not f.source_passes(None)
    assert Filters().source_passes(None)


def test_network_filters_empty_and_described():
    assert Filters().is_empty
    assert Filters().describe() == ""
    assert not Filters(min_support=2).is_empty
    assert (
        Filters(types=("Person",), until="2025", sources=("X",)).describe()
        == "types Person; until 2025; sources X"
    )
