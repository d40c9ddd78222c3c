"""Reading the graph: SPARQL, saved questions, and the entity, claim and article listings."""

from .listing import list_articles, list_claims, list_entities
from .saved import SavedQuery, get_saved, run_saved, saved_queries
from .sparql import QUERY_FORMATS, run_query

__all__ = [
    "list_articles",
    "list_claims",
    "list_entities",
    "run_query",
    "QUERY_FORMATS",
    "SavedQuery",
    "get_saved",
    "run_saved",
    "saved_queries",
]
