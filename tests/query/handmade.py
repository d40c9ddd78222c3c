"""Small articles written for the statements, conflicts and timeline tests, extracted by hand.

They go into a store through :func:`kg.workflow.add_articles` with an
extractor that returns these records (no spaCy model), so the derived graph
is written as in real use.
"""

from __future__ import annotations

from kg.model import Article, Claim, Entity, Extraction, Money

__all__ = ["ENTITIES", "HandExtractor", "story", "add", "remove", "usd"]

ENTITIES = {
    "acme": Entity("acme", "Acme Corp", "Organization", aliases=("Acme",)),
    "widget": Entity("widget", "Widget Inc", "Organization"),
    "brisk-analytics": Entity("brisk-analytics", "Brisk Analytics", "Organization"),
    "tarn-labs": Entity("tarn-labs", "Tarn Labs", "Organization"),
    "laura-chen": Entity("laura-chen", "Laura Chen", "Person"),
    "daily-ledger": Entity("daily-ledger", "Daily Ledger", "Organization"),
}


def usd(value: float, currency: str = "USD") -> Money:
    return Money(float(value), currency)


def story(
    article_id: str, *claims: tuple, published: str | None = None, source: str | None = None
) -> Extraction:
    """An article of one sentence per claim; a claim is ``(sentence, subject,
    predicate, object)`` plus an optional dict of further Claim fields."""
    sentences, records, start = [], [], 0
    for sentence, s, p, o, *extra in claims:
        fields = {"confidence": 0.8, **(extra[0] if extra else {})}
        records.append(
            Claim(
                s,
                p,
                o,
                sentence=sentence,
                sentence_start=start,
                sentence_end=start + len(sentence),
                **fields,
            )
        )
        sentences.append(sentence)
        start += len(sentence) + 1
    text = " ".join(sentences)
    keys = {k for c in records for k in (c.subject, c.object, c.attributed_to) if k}
    article = Article(
        id=article_id, text=text, title=article_id, published=published, source=source
    )
    return Extraction(
        article, tuple(ENTITIES[k] for k in sorted(keys)), tuple(records), pipeline="hand 1.0"
    )


class HandExtractor:
    """Returns the hand-made extraction of each article it is given."""

    name = "hand 1.0"

    def __init__(self, extractions):
        self.by_id = {ex.article.id: ex for ex in extractions}

    def extract_many(self, articles):
        for a in articles:
            yield self.by_id[a.id]


def add(store, *extractions: Extraction):
    """Add the articles of ``extractions`` through the workflow (derived graph and all)."""
    from kg.workflow import add_articles

    items = [(ex.article.id, ex.article) for ex in extractions]
    return add_articles(store, items, lambda: HandExtractor(extractions))


def remove(store, *ids: str):
    from kg.workflow import remove_articles

    return remove_articles(store, ids)
