"""``kg_claims``: kg's extraction as a spaCy pipeline component.

Registered with spaCy through the ``spacy_factories`` entry point, so any
English pipeline can use it without importing kg first::

    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("kg_claims")
    doc = nlp("Acme Corp. agreed to buy Widget Inc. for $5 million.")
    doc._.kg_claims   # (Claim(subject='acme', predicate='acquires', ...),)

The component reads the parse, the entities and the lemmas of the components
before it; it sets ``doc._.kg_entities`` and ``doc._.kg_claims`` (plain
:class:`~kg.model.Entity` and :class:`~kg.model.Claim` records). Its settings:

- ``rules``: rule files of your own, added to kg's (see ``docs/extending.md``);
- ``shipped_rules``: whether kg's own rules are loaded (default true);
- ``known_entities``: a table of known entities instead of kg's.

``initialize()`` loads them again (as spaCy's ``EntityRuler`` does). Before a doc is
processed, ``doc._.kg_published`` (an ISO date) and ``doc._.kg_source`` (the
outlet) may say what the article says about itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from .dates import parse_iso_date
from .gazetteer import load_gazetteer
from .reader import ReadOptions, read_doc
from .rules import Rules, load_rules

__all__ = ["ClaimsComponent", "make_claims_component", "EXTENSIONS"]

#: The Doc attributes the component reads (published, source) and sets.
EXTENSIONS = ("kg_entities", "kg_claims", "kg_published", "kg_source", "kg_error")


def _register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=() if name in ("kg_entities", "kg_claims") else None)


@Language.factory(
    "kg_claims",
    default_config={"rules": [], "shipped_rules": True, "known_entities": None},
    assigns=["doc._.kg_entities", "doc._.kg_claims"],
    requires=["doc.ents", "token.dep", "token.lemma", "token.pos"],
)
def make_claims_component(
    nlp: Language, name: str, rules: list[str], shipped_rules: bool, known_entities: str | None
) -> ClaimsComponent:
    """spaCy's factory for :class:`ClaimsComponent`."""
    return ClaimsComponent(
        nlp, name, rules=rules, shipped_rules=shipped_rules, known_entities=known_entities
    )


class ClaimsComponent:
    """Reads entities and claims into ``doc._.kg_entities`` and ``doc._.kg_claims``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "kg_claims",
        *,
        rules: Iterable[str] = (),
        shipped_rules: bool = True,
        known_entities: str | None = None,
    ):
        _register_extensions()
        self.name = name
        self.rule_files = tuple(rules)
        self.shipped_rules = shipped_rules
        self.known_entities = known_entities
        self.rules: Rules = load_rules(self.rule_files, shipped_rules)
        self.gazetteer = load_gazetteer(known_entities)
        #: a person's merges and aliases (:class:`kg.curation.Curation`), set by kg
        self.curation = None

    def initialize(
        self, get_examples=None, *, nlp: Language | None = None, rules: Iterable[str] | None = None
    ) -> None:
        """Load the rule files: those given here, else those of the config."""
        if rules is not None:
            self.rule_files = tuple(rules)
        self.rules = load_rules(self.rule_files, self.shipped_rules)

    def __call__(self, doc: Doc) -> Doc:
        options = ReadOptions(
            self.rules,
            self.gazetteer,
            published=parse_iso_date(doc._.kg_published),
            outlet=doc._.kg_source,
            curation=self.curation,
        )
        doc._.kg_entities, doc._.kg_claims = read_doc(doc, options)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        """The docs, each read on its own: one that the rules fail on (a bug) comes
        back with ``doc._.kg_error`` set and no claims, and the rest go on."""
        for doc in docs:
            try:
                yield self(doc)
            except Exception as exc:  # noqa: BLE001 - one article must not stop a batch
                doc._.kg_error = f"{type(exc).__name__}: {exc}"
                yield doc
