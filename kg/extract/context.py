"""What every argument finder reads: the document, its entities, the rules."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from .resolve import DocEntities, DocEntity
from .rules import Rules

__all__ = ["Context", "SUBJ_DEPS", "OBJ_DEPS"]

#: Dependency labels of a verb's subject and of its direct object.
SUBJ_DEPS = ("nsubj", "csubj")
OBJ_DEPS = ("dobj", "obj")


@dataclass(frozen=True)
class Context:
    """One document being read: passed explicitly to every finder.

    ``quoted`` maps the (start, end) characters of each quotation to its
    speaker (:func:`kg.extract.attribution.quote_sources`); ``avoid`` holds the
    entities a description must not stand for while one claim is read: its
    other party ("Acme ... extending its partnership with the start-up").
    """

    doc: object
    ents: DocEntities
    rules: Rules
    quoted: dict = field(default_factory=dict)
    avoid: frozenset[int] = frozenset()

    def avoiding(self, entities: list[DocEntity]) -> Context:
        """This context, with descriptions kept off ``entities``."""
        return replace(self, avoid=frozenset(e.index for e in entities))

    def at(self, tok) -> DocEntity | None:
        """The entity a token is part of the name of."""
        return self.ents.at(tok)
