"""A bug in kg's rules on one article fails that article only, with a message."""

from __future__ import annotations

import pytest

import kg.extract.component
from kg.graph import open_store
from kg.model import Article
from kg.workflow import add_articles

pytestmark = pytest.mark.slow


def test_extract_failure_is_reported_and_the_rest_go_in(extractor, monkeypatch, tmp_path):
    real = kg.extract.component.read_doc

    def flaky(doc, options):
        if "Gamma" in doc.text:
            raise KeyError("boom")
        return real(doc, options)

    monkeypatch.setattr(kg.extract.component, "read_doc", flaky)
    texts = {
        "good1": "Acme Corp agreed to buy Widget Inc.",
        "bad": "Gamma Corp agreed to buy Delta Inc.",
        "good2": "Beta Corp agreed to buy Widget Inc.",
    }
    items = [(i, Article(id=i, text=t, origin=i)) for i, t in texts.items()]
    with open_store(tmp_path / "store") as store:
        report = add_articles(store, iter(items), lambda: extractor)
        ids = store.article_ids()

    assert report.added == 2 and ids == ["good1", "good2"]
    assert [origin for origin, _ in report.failed] == ["bad"]
    assert "extraction failed (KeyError" in report.failed[0][1]
