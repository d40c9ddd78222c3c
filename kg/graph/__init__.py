"""Records -> RDF, and the store that keeps the graph."""

from .build import article_quads
from .store import KGStore, open_store

__all__ = ["article_quads", "KGStore", "open_store"]
