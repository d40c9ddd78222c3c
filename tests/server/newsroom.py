"""Four small articles written for these tests, extracted by hand (no spaCy model).

Every saved question has a known answer on them (see EXPECTED in
tests/query/test_query_saved.py). Orion Dynamics partners with Vela Systems
(said in two articles, once each way), buys Nova Health for $2 billion or
$2.5 billion (two figures), is sued by Vela; Lyra Bank invests in Vela and
may (hedged, so not asserted) buy Nova.
"""

from __future__ import annotations

from pathlib import Path

from kg.graph import article_quads, open_store
from kg.model import Article, Claim, Entity, Extraction, Money

__all__ = ["ARTICLES", "build_newsroom", "extractions"]

ENTITIES = {
    "orion-dynamics": Entity(
        "orion-dynamics", "Orion Dynamics", "Organization", aliases=("Orion",)
    ),
    "vela-systems": Entity("vela-systems", "Vela Systems", "Organization"),
    "nova-health": Entity("nova-health", "Nova Health", "Organization"),
    "lyra-bank": Entity("lyra-bank", "Lyra Bank", "Organization"),
    "daily-ledger": Entity("daily-ledger", "Daily Ledger", "Organization"),
    "ada-park": Entity("ada-park", "Ada Park", "Person", aliases=("Park",)),
    "ben-okafor": Entity("ben-okafor", "Ben Okafor", "Person"),
    "carla-diaz": Entity("carla-diaz", "Carla Diaz", "Person"),
}

# (id, title, published, outlet, sentences, entity keys, claims)
# a claim: (sentence index, subject, predicate, object, extra fields)
ARTICLES = [
    (
        "2026-01-10-orion-vela-partnership",
        "Orion Dynamics and Vela Systems join forces",
        "2026-01-10",
        "Test Wire",
        [
            "Orion Dynamics and Vela Systems agreed a partnership on Monday, Ada Park said.",
            "Ada Park is the chief executive of Orion Dynamics.",
            "Orion Dynamics acquired Nova Health for $2 billion in 2025.",
            "Carla Diaz founded Orion Dynamics in 2009.",
        ],
        ["orion-dynamics", "vela-systems", "ada-park", "nova-health", "carla-diaz"],
        [
            (
                0,
                "orion-dynamics",
                "partnerOf",
                "vela-systems",
                {"attributed_to": "ada-park", "date": "2026-01-05"},
            ),
            (1, "ada-park", "executiveOf", "orion-dynamics", {}),
            (
                2,
                "orion-dynamics",
                "acquires",
                "nova-health",
                {"amount": Money(2e9, "USD"), "date": "2025"},
            ),
            (3, "carla-diaz", "founderOf", "orion-dynamics", {"date": "2009"}),
        ],
    ),
    (
        "2026-02-14-vela-sues-orion",
        "Vela Systems sues Orion Dynamics",
        "2026-02-14",
        "Harbor Daily",
        [
            "Vela Systems sued Orion Dynamics for $300 million, the Daily Ledger reported.",
            "Orion Dynamics acquired Nova Health for $2.5 billion, according to the Daily Ledger.",
            "Vela Systems and Orion Dynamics had been partners since 2024.",
        ],
        ["vela-systems", "orion-dynamics", "daily-ledger", "nova-health"],
        [
            (
                0,
                "vela-systems",
                "sues",
                "orion-dynamics",
                {
                    "amount": Money(3e8, "USD"),
                    "attributed_to": "daily-ledger",
                    "date": "2026-02-10",
                },
            ),
            (
                1,
                "orion-dynamics",
                "acquires",
                "nova-health",
                {"amount": Money(2.5e9, "USD"), "attributed_to": "daily-ledger"},
            ),
            (2, "vela-systems", "partnerOf", "orion-dynamics", {"date": "2024"}),
        ],
    ),
    (
        "2026-03-01-lyra-invests-in-vela",
        "Lyra Bank backs Vela Systems",
        "2026-03-01",
        "Test Wire",
        [
            "Lyra Bank invested $50 million in Vela Systems, Ben Okafor said.",
            "Ben Okafor runs Lyra Bank.",
            "Ada Park is the chief executive of Orion Dynamics.",
            "Lyra Bank may acquire Nova Health.",
        ],
        ["lyra-bank", "vela-systems", "ben-okafor", "ada-park", "orion-dynamics", "nova-health"],
        [
            (
                0,
                "lyra-bank",
                "investsIn",
                "vela-systems",
                {"amount": Money(5e7, "USD"), "attributed_to": "ben-okafor"},
            ),
            (1, "ben-okafor", "executiveOf", "lyra-bank", {}),
            (2, "ada-park", "executiveOf", "orion-dynamics", {}),
            (3, "lyra-bank", "acquires", "nova-health", {"polarity": "hedged"}),
        ],
    ),
    (
        "2026-04-20-nova-profile",
        "The story of Nova Health",
        "2026-04-20",
        "Harbor Daily",
        ["Carla Diaz founded Nova Health in 2015.", "The company makes diagnostic tests."],
        ["nova-health", "carla-diaz"],
        [(0, "carla-diaz", "founderOf", "nova-health", {"date": "2015"})],
    ),
]


def extractions() -> list[Extraction]:
    """The four articles as extractions, offsets computed from their text."""
    out = []
    for aid, title, published, outlet, sentences, keys, claims in ARTICLES:
        text = " ".join(sentences)
        article = Article(
            id=aid,
            text=text,
            title=title,
            published=published,
            source=outlet,
            url=f"https://example.org/{aid}",
        )
        built = []
        for index, subject, predicate, obj, extra in claims:
            sentence = sentences[index]
            start = text.index(sentence)
            built.append(
                Claim(
                    subject,
                    predicate,
                    obj,
                    sentence=sentence,
                    sentence_start=start,
                    sentence_end=start + len(sentence),
                    confidence=0.8,
                    **extra,
                )
            )
        out.append(
            Extraction(
                article, tuple(ENTITIES[k] for k in keys), tuple(built), pipeline="hand-made 1.0"
            )
        )
    return out


def build_newsroom(path: Path) -> Path:
    """Write the four articles into a new store at ``path``."""
    with open_store(path) as store:
        for ex in extractions():
            store.put_article(ex.article.id, article_quads(ex))
    return path
