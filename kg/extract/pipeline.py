"""From articles to extractions: ``nlp.pipe`` with the ``kg_claims`` component,
and its records gathered into one :class:`~kg.model.Extraction` per article."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from ..model import Article, Extraction
from ..version import __version__
from .nlp import load_nlp, pipeline_name

__all__ = ["Extractor", "to_extraction"]


class Extractor:
    """Reads articles with kg's spaCy pipeline and returns :class:`Extraction` records.

    >>> from kg.model import Article
    >>> x = Extractor()
    >>> ex = x.extract(Article(id="a", text="Acme Corp. agreed to buy Widget Inc. for $5 million."))
    >>> [(c.subject, c.predicate, c.object, c.amount.value) for c in ex.claims]
    [('acme', 'acquires', 'widget', 5000000.0)]
    """

    def __init__(self, model: str | None = None, batch_size: int = 16, curation=None):
        self.nlp = load_nlp(model)
        self.component = self.nlp.get_pipe("kg_claims")
        self.batch_size = batch_size
        self.curation = curation
        self.name = (
            f"kg {__version__}; {pipeline_name(self.nlp)}; rules {self.component.rules.fingerprint}"
        )
        if curation:
            # articles read under another curation are read again
            self.name += f"; curation {curation.fingerprint}"

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        """Extractions in input order. An article the rules fail on (a bug) comes
        back empty with ``extra["error"]`` set, and the rest go on."""
        # the pipeline is shared by the extractors of one process: this one's curation
        self.component.curation = self.curation
        pairs = ((self._doc(a), a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            yield to_extraction(doc, article, self.name)

    def from_doc(self, doc: Doc, article: Article) -> Extraction:
        """The extraction of an article whose text ``nlp`` has already parsed."""
        self.component.curation = self.curation
        doc._.kg_published, doc._.kg_source = article.published, article.source
        return to_extraction(self.component(doc), article, self.name)

    def _doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.kg_published, doc._.kg_source = article.published, article.source
        return doc


def to_extraction(doc: Doc, article: Article, pipeline: str) -> Extraction:
    """The records ``kg_claims`` set on ``doc``, as the article's extraction."""
    if doc._.kg_error:
        return Extraction(article, pipeline=pipeline, extra={"error": doc._.kg_error})
    return Extraction(article, tuple(doc._.kg_entities), tuple(doc._.kg_claims), pipeline)
