"""Extraction: spaCy ``Doc`` -> entities and claims as plain records.

The ``kg_claims`` spaCy component (:mod:`kg.extract.component`) does the work
inside any English pipeline; :class:`Extractor` runs kg's own pipeline over
articles. This package never imports rdflib: it hands
:class:`~kg.model.Extraction` records to the graph layer. Importing it loads
nothing heavy: spaCy is imported when an extractor is made.
"""

__all__ = ["Extractor"]


def __getattr__(name: str):
    if name == "Extractor":  # deferred: spaCy is heavy, and readers never need it
        from .pipeline import Extractor

        return Extractor
    raise AttributeError(name)
