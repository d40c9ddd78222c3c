"""Extraction: spaCy ``Doc`` -> entities and claims as plain records.

This package never imports rdflib: it hands :class:`~kg.model.Extraction`
records to the graph layer.
"""

from .pipeline import Extractor

__all__ = ["Extractor"]
