"""The SPARQL 1.1 endpoint: ``kg serve``.

The SPARQL 1.1 Protocol at ``/sparql`` (with a Service Description), saved
questions at ``/saved``, a page for people at ``/``; SPARQL Update and the
Graph Store Protocol only when writes are enabled, and then only with a token.
Built on the standard library's ``http.server``; queries run in worker
processes so a slow one can be stopped.

>>> from kg.server import ServerConfig
>>> ServerConfig().host
'127.0.0.1'
"""

from .app import KGServer, ServerConfig, make_server
from .workers import QueryTimeout, ServerBusy, WorkerError, WorkerLost

__all__ = [
    "KGServer",
    "ServerConfig",
    "make_server",
    "WorkerError",
    "QueryTimeout",
    "ServerBusy",
    "WorkerLost",
]
