"""Name normalisation (kg.names): the keys under which mentions of one entity meet.

Plain string functions: no model needed.
"""

from __future__ import annotations

import pytest

from kg.names import acronym, clean_mention, name_key, strip_suffix


@pytest.mark.parametrize(
    "text,expected",
    [
        ("the Harbor Journal's", "Harbor Journal"),
        ("Maya Okafor\u2019s", "Maya Okafor"),
        ("\u201cLarkspur  Industries\u201d,", "Larkspur Industries"),
    ],
)
def test_names_clean_mention(text, expected):
    assert clean_mention(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Microsoft Corp.", "Microsoft"),
        ("Larkspur Industries, Inc.", "Larkspur Industries"),
        ("Tidemark Holdings Ltd", "Tidemark"),
        ("Inc.", "Inc."),
    ],
)
def test_names_strip_suffix(text, expected):
    assert strip_suffix(text) == expected


@pytest.mark.parametrize(
    "variants,expected",
    [
        (
            ["Northwind Robotics", "the Northwind Robotics Inc.'s", "NORTHWIND ROBOTICS"],
            "northwind robotics",
        ),
        (["X.AI", "xAI", "x.AI"], "xai"),
        (["Soci\u00e9t\u00e9 G\u00e9n\u00e9rale", "Societe Generale"], "societe generale"),
    ],
)
def test_names_name_key_variants_meet(variants, expected):
    assert {name_key(v) for v in variants} == {expected}


def test_names_acronym_of_multiword_names_only():
    assert acronym("Federal Trade Commission") == "FTC"
    assert acronym("Department of Defense") == "DOD"
    assert acronym("Larkspur") is None
