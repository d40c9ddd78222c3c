"""A small claims graph built by hand (no store, no model) for the projection and metric tests."""

from __future__ import annotations

import pytest

from kg.network import ArticleInfo, ClaimInfo, EntityInfo, NetworkData

E = "https://w3id.org/nkg/entity/"
ALICE, ACME, GLOBEX, WIDGET, PARIS = (E + k for k in ("alice", "acme", "globex", "widget", "paris"))


@pytest.fixture()
def small_data() -> NetworkData:
    """Four articles, five entities, eight claims (one a self-loop) with dates and outlets.

    a1 2025-01-10 Wire A: Alice founded Acme; (Acme founderOf Acme: a self-loop)
    a2 2025-06-01 Wire B: Alice founded Acme; Acme partnerOf Globex
    a3 2026-02-01 Wire A: Globex partnerOf Acme; Acme develops Widget; Acme sues Globex
    a4 (no date)  Wire C: Globex acquires Widget (claim dated 2024)
    """
    articles = [
        ArticleInfo("a1", "Alice starts Acme", "2025-01-10", "Wire A"),
        ArticleInfo("a2", "Acme and Globex team up", "2025-06-01", "Wire B"),
        ArticleInfo("a3", "Acme sues Globex", "2026-02-01", "Wire A"),
        ArticleInfo("a4", "Globex buys Widget", None, "Wire C"),
    ]
    entities = [
        EntityInfo(ALICE, "Alice Smith", "Person", ("Alice",), ("a1", "a2")),
        EntityInfo(ACME, "Acme Corp", "Organization", ("Acme",), ("a1", "a2", "a3")),
        EntityInfo(GLOBEX, "Globex", "Organization", (), ("a2", "a3", "a4")),
        EntityInfo(WIDGET, "Widget", "Product", (), ("a3", "a4")),
        EntityInfo(PARIS, "Paris", "Place", (), ("a1",)),
    ]
    claims = [
        ClaimInfo("c1", "a1", ALICE, "founderOf", ACME, "Alice founded Acme."),
        ClaimInfo("c8", "a1", ACME, "founderOf", ACME, "Acme made itself."),
        ClaimInfo("c2", "a2", ALICE, "founderOf", ACME, "Alice, who founded Acme, spoke."),
        ClaimInfo("c3", "a2", ACME, "partnerOf", GLOBEX, "Acme partners with Globex."),
        ClaimInfo("c4", "a3", GLOBEX, "partnerOf", ACME, "Globex, Acme's partner, ..."),
        ClaimInfo("c5", "a3", ACME, "develops", WIDGET, "Acme develops Widget."),
        ClaimInfo("c6", "a3", ACME, "sues", GLOBEX, "Acme sued Globex."),
        ClaimInfo("c7", "a4", GLOBEX, "acquires", WIDGET, "Globex bought Widget.", "2024"),
    ]
    return NetworkData.from_records(articles, entities, claims)
