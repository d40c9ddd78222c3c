"""kg: a knowledge graph of claims read from news articles.

Articles go in (:mod:`kg.ingest`), a spaCy pipeline extracts entities and
claims (:mod:`kg.extract`), the graph layer turns them into RDF and keeps them
in an embedded Oxigraph store or a SPARQL endpoint (:mod:`kg.graph`), and the
query layer answers SPARQL (:mod:`kg.query`). The API is :func:`open`: a
:class:`Graph` does what the ``kg`` commands do (:mod:`kg.api`).

>>> import kg
>>> g = kg.open(".kg")
>>> g
kg.open('.kg')
"""

from .api import Graph, open, to_dataframe
from .corrections import Correction
from .errors import (
    ConfigError,
    InputError,
    KGError,
    QueryError,
    RuleError,
    StoreError,
    StoreLockedError,
)
from .graph.load import LoadReport
from .model import Article
from .records import (
    Amount,
    ArticleRecord,
    ClaimRecord,
    ConflictRecord,
    ConflictValue,
    EntityRecord,
    EntityRef,
    StatementRecord,
    TimelineRecord,
)
from .version import __version__
from .workflow import AddReport

__all__ = [
    "__version__",
    "open",
    "Graph",
    "to_dataframe",
    "Article",
    "AddReport",
    "LoadReport",
    "Correction",
    "Amount",
    "ArticleRecord",
    "ClaimRecord",
    "ConflictRecord",
    "ConflictValue",
    "EntityRecord",
    "EntityRef",
    "StatementRecord",
    "TimelineRecord",
    "KGError",
    "InputError",
    "StoreError",
    "StoreLockedError",
    "QueryError",
    "ConfigError",
    "RuleError",
]
