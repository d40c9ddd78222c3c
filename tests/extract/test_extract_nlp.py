"""Sentence boundaries kg sets before the parser runs (kg.extract.nlp), on a blank
English tokenizer: no model is loaded."""

from __future__ import annotations

import pytest
import spacy

from kg.extract.nlp import paragraph_breaks


def _starts(text: str) -> list[str]:
    doc = paragraph_breaks(spacy.blank("en")(text), frozenset({"march"}))
    return [t.text for t in doc if t.is_sent_start]


def test_nlp_dateline_is_a_sentence_of_its_own() -> None:
    # the story's first words stay one sentence: "USAir" is not cut from "Group Inc said"
    assert _starts("PITTSBURGH, March 3 - USAir Group Inc said it would buy a rival.") == [
        "PITTSBURGH",
        "USAir",
    ]


def test_nlp_blank_line_ends_a_sentence() -> None:
    assert _starts("Acme grew\n\nBeta shrank") == ["Acme", "Beta"]


def test_nlp_a_dash_in_a_sentence_is_no_dateline() -> None:
    assert _starts("IBM agreed a deal - and more.") == ["IBM"]


@pytest.mark.slow
def test_nlp_a_full_stop_after_an_ampersand_name_ends_the_sentence() -> None:
    from kg.extract.nlp import load_nlp

    tokens = [t.text for t in load_nlp().tokenizer("SBC completed its takeover of AT&T.")]
    assert tokens[-2:] == ["AT&T", "."]
    assert [t.text for t in load_nlp().tokenizer("in the U.S.")][-1] == "U.S."
