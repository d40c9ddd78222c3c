"""Networks from the claims graph (networkx): projections, filters, metrics and paths.

>>> from kg.graph import open_store                             # doctest: +SKIP
>>> from kg.network import Filters, build_network, read_network_data, centrality
>>> with open_store(".kg", read_only=True) as store:            # doctest: +SKIP
...     data = read_network_data(store)
>>> g = build_network(data, "entity", Filters(predicates=("sues",)))  # doctest: +SKIP
>>> centrality(g, top=3)                                        # doctest: +SKIP
"""

from .data import ArticleInfo, ClaimInfo, EntityInfo, NetworkData, read_network_data
from .filters import Filters
from .metrics import (
    CENTRALITY_MEASURES,
    COMMUNITY_METHODS,
    centrality,
    communities,
    network_summary,
    pagerank,
    simple_graph,
    top_nodes,
)
from .paths import ego_network, resolve_node, shortest_paths
from .projections import (
    NETWORK_KINDS,
    bipartite_network,
    build_network,
    comention_network,
    entity_network,
    load_network,
)

__all__ = [
    "ArticleInfo",
    "ClaimInfo",
    "EntityInfo",
    "NetworkData",
    "read_network_data",
    "load_network",
    "Filters",
    "NETWORK_KINDS",
    "build_network",
    "entity_network",
    "comention_network",
    "bipartite_network",
    "CENTRALITY_MEASURES",
    "COMMUNITY_METHODS",
    "network_summary",
    "centrality",
    "communities",
    "pagerank",
    "simple_graph",
    "top_nodes",
    "resolve_node",
    "shortest_paths",
    "ego_network",
]
