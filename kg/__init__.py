"""kg: a knowledge graph of claims read from news articles.

Articles go in (:mod:`kg.ingest`), a spaCy pipeline extracts entities and
claims (:mod:`kg.extract`), the graph layer turns them into RDF and keeps them
in an embedded Oxigraph store (:mod:`kg.graph`), and the query layer answers
SPARQL (:mod:`kg.query`).
"""

__version__ = "0.1.0"
