"""A bug in kg's rules on one article fails that article only, with a message."""

from __future__ import annotations

import pytest

from kg.graph import open_store
from kg.model import Article
from kg.workflow import add_articles

pytestmark = pytest.mark.slow


def test_extract_failure_is_reported_and_the_rest_go_in(extractor, monkeypatch, tmp_path):
    real = type(extractor).from_doc

    def flaky(self, doc, article):
        if article.id == "bad":
            raise KeyError("boom")
        return real(self, doc, article)

    monkeypatch.setattr(type(extractor), "from_doc", flaky)
    items = [(i, Article(id=i, text="Acme Corp agreed to buy Widget Inc.", origin=i))
             for i in ("good1", "bad", "good2")]
    with open_store(tmp_path / "store") as store:
        report = add_articles(store, iter(items), lambda: extractor)
        ids = store.article_ids()

    assert report.added == 2 and ids == ["good1", "good2"]
    assert [origin for origin, _ in report.failed] == ["bad"]
    assert "extraction failed (KeyError" in report.failed[0][1]
