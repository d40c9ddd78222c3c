"""The rule files: loaded, checked, extended by a user's own, and the lists derived
from them. No model is loaded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg.extract.rules import Kind, load_rules
from kg.model import EntityType
from kg.predicates import PREDICATE


def test_extract_rules_shipped_triggers_index_every_word() -> None:
    rules = load_rules()
    assert [t.predicate for t in rules.verbs["acquire"]] == ["acquires", "investsIn"]
    assert rules.verbs["acquire"][1].majority == "acquires"  # "acquired 60% of Beta"
    assert {t.predicate for t in rules.verbs["own"]} == {
        "subsidiaryOf",
        "investsIn",
        "develops",
    }  # "owns the X brand"
    lawsuit = rules.nouns["lawsuit"][0]
    assert lawsuit.kind is Kind.NOUN and "face" in lawsuit.defenders
    assert rules.roles["ceo"][0].subject_types == (EntityType.PERSON,)


def test_extract_rules_every_trigger_fits_its_predicate() -> None:
    rules = load_rules()
    sections = [
        rules.verbs,
        rules.nouns,
        rules.roles,
        rules.hyphens,
        rules.into,
        rules.sales,
        rules.joint,
    ]
    triggers = {t for s in sections for ts in s.values() for t in ts} | set(rules.owned)
    for t in triggers:
        row = PREDICATE[t.predicate]
        assert set(t.subject_types) <= set(row.subject_types), t.origin
        assert set(t.object_types) <= set(row.object_types), t.origin


def test_extract_rules_every_field_is_documented() -> None:
    """docs/extending.md describes each field a rule file may set."""
    from kg.extract import rules as module

    doc = (Path(__file__).parents[2] / "docs" / "extending.md").read_text(encoding="utf-8")
    fields = (
        module._SET_FIELDS
        | module._BOOL_FIELDS
        | module._STR_FIELDS
        | module._TYPE_FIELDS
        | module._WORD_KEYS
        | {"predicate", "confidence"}
    )
    assert sorted(f for f in fields if f"`{f}`" not in doc) == []


def test_extract_rules_derived_lists_follow_the_role_triggers() -> None:
    """Title words and person nouns are views of the role triggers: a role noun
    added to the executives is a title word and a person noun without another edit."""
    rules = load_rules()
    exec_nouns = {
        w
        for ts in rules.roles.values()
        for t in ts
        if t.predicate == "executiveOf" and not t.public_office
        for w in t.words
    }
    assert exec_nouns <= rules.title_words and exec_nouns <= rules.person_nouns
    assert {"boss", "leader", "chair", "cfo"} <= rules.title_words
    assert "leader" not in rules.person_nouns  # a country has a leader too
    assert {"partner", "invest", "merge"} <= rules.intransitive
    assert "acquire" not in rules.intransitive


def test_extract_rules_a_users_file_adds_triggers_and_words(tmp_path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "verbs:\n  - {lemma: snap, particle: up, predicate: acquires}\n"
        "roles:\n  - {lemma: steward, predicate: executiveOf, preps: [of]}\n"
        "speech_verbs: [quip]\n"
    )
    rules = load_rules([mine])
    assert rules.verbs["snap"][0].particle == "up"
    assert "acquire" in rules.verbs  # kg's own rules are kept
    assert {"quip", "say"} <= rules.words.speech_verbs
    assert "steward" in rules.title_words
    assert rules.fingerprint != load_rules().fingerprint
    assert load_rules([mine], shipped=False).verbs.keys() == {"snap"}


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "verbs:\n  - {lemma: snap, predicate: buys}\n",
            "verbs entry 1 (snap): unknown predicate 'buys'",
        ),
        (
            "verbs:\n  - {lemma: snap, predicate: acquires, colour: red}\n",
            "verbs entry 1 (snap): unknown field 'colour'",
        ),
        (
            "verbs:\n  - {lemma: snap, predicate: acquires, object_types: [Company]}\n",
            "verbs entry 1 (snap): unknown type 'Company'",
        ),
        (
            "verbs:\n  - {lemma: snap, predicate: executiveOf, subject_types: [Organization]}\n",
            "subject_types Organization do not fit executiveOf (Person)",
        ),
        (
            "nouns:\n  - {lemma: abandon_talks, predicate: acquires}\n",
            "'abandon_talks' can never match a lemma",
        ),
        ("roles:\n  - {lemma: Owner Of Product, predicate: develops}\n", "can never match a lemma"),
        ("nouns:\n  - {predicate: acquires}\n", "nouns entry 1: no lemma"),
        ("adverbs:\n  - {lemma: soon, predicate: acquires}\n", "unknown section 'adverbs'"),
        ("hedging_heads: [Consider]\n", "hedging_heads: 'Consider' must be lower case"),
        ("speech_verbs: [talk about]\n", "'talk about' can never match a lemma"),
        ("verbs: [1, 2\n", "not valid YAML"),
        (
            "nouns:\n  - {lemma: deal, predicate: partnerOf, weak: maybe}\n",
            "weak must be true or false",
        ),
        (
            "verbs:\n  - {lemma: work, predicate: develops, preps: [on]}\n",
            "preps holds True, not a word (quote on, off, yes and no)",
        ),
    ],
)
def test_extract_rules_a_bad_entry_is_one_line_naming_file_and_entry(
    tmp_path, text, message
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(text)
    with pytest.raises(RuleError) as info:
        load_rules([bad])
    assert str(info.value).startswith(f"{bad}: ") and message in str(info.value)
    assert "\n" not in str(info.value)


def test_extract_rules_missing_file(tmp_path) -> None:
    with pytest.raises(RuleError, match="cannot read the rule file"):
        load_rules([tmp_path / "nowhere.yaml"])


def test_extract_hand_built_tests_load_no_model() -> None:
    """The tests of the constructions and of the rules run without a trained model."""
    tests = str(Path(__file__).parent / "test_extract_constructions.py")
    code = (
        "import sys, pytest\n"
        f"rc = pytest.main(['-q', '-p', 'no:cacheprovider', {tests!r}])\n"
        "loaded = [m for m in sys.modules if m.startswith('en_core_web')]\n"
        "print('MODELS', loaded)\n"
        "sys.exit(rc or bool(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout[-2000:]
    assert "MODELS []" in out.stdout
