"""The exceptions kg raises.

Every error derives from :class:`KGError`, so a caller (the CLI above all)
can turn any of them into a one-line message::

    KGError
     +-- InputError          an article that cannot be read
     +-- StoreError          the store cannot be opened or written
     |    +-- StoreLockedError  another process holds the store
     +-- QueryError          a SPARQL query that does not parse or run
     +-- ConfigError         a setting (model name, curation file) that is wrong
          +-- RuleError       an extraction rule file that is wrong
"""

from __future__ import annotations

__all__ = [
    "KGError",
    "InputError",
    "StoreError",
    "StoreLockedError",
    "QueryError",
    "ConfigError",
    "RuleError",
]


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError):
    """An article file, URL or stream that cannot be read as an article."""


class StoreError(KGError):
    """The store cannot be opened, read or written."""


class StoreLockedError(StoreError):
    """Another process has the store open for writing."""


class QueryError(KGError):
    """A SPARQL query that is malformed or fails to run."""


class ConfigError(KGError):
    """A setting or data file that is wrong."""


class RuleError(ConfigError):
    """An extraction rule file (triggers or word lists) that is wrong."""
