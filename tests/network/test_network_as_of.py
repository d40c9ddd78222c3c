"""--as-of: the network as it stood on a date."""

from __future__ import annotations

from kg.network.data import ArticleInfo, ClaimInfo, EntityInfo, NetworkData
from kg.network.filters import Filters
from kg.network.projections import entity_network


def _data() -> NetworkData:
    articles = [
        ArticleInfo("a1", published="2020-03-01"),
        ArticleInfo("a2", published="2024-05-01"),
        ArticleInfo("a3", published="2025-01-10"),
    ]
    entities = [
        EntityInfo("e:jane", "Jane Roe", "Person"),
        EntityInfo("e:acme", "Acme", "Organization"),
        EntityInfo("e:beta", "Beta", "Organization"),
    ]
    claims = [
        ClaimInfo("c1", "a1", "e:jane", "executiveOf", "e:acme", "Jane runs Acme."),
        ClaimInfo(
            "c2",
            "a2",
            "e:jane",
            "executiveOf",
            "e:acme",
            "Jane stepped down.",
            ended=True,
            end_date="2024-04",
        ),
        ClaimInfo("c3", "a3", "e:acme", "partnerOf", "e:beta", "Acme and Beta partner."),
    ]
    return NetworkData.from_records(articles, entities, claims)


def _edges(g):
    return sorted((u, d["predicate"], v) for u, v, d in g.edges(data=True))


def test_network_as_of_keeps_what_was_reported_by_then():
    assert _edges(entity_network(_data(), Filters(as_of="2021"))) == [
        ("e:jane", "executiveOf", "e:acme")
    ]


def test_network_as_of_drops_relations_that_had_ended():
    g = entity_network(_data(), Filters(as_of="2025-06-01"))

    edges = {(u, d["predicate"], v): d for u, v, d in g.edges(data=True)}
    assert ("e:acme", "partnerOf", "e:beta") in edges
    # the report that the role ended is not support for it; the 2020 report is history
    assert list(edges[("e:jane", "executiveOf", "e:acme")]["articles"]) == ["a1"]


def test_network_as_of_rejects_a_bad_date():
    import pytest

    from kg.errors import KGError

    with pytest.raises(KGError, match="--as-of"):
        Filters(as_of="last spring")
