"""A claim's confidence is the measured precision of the mechanism that found it
(kg.extract.confidence): counted per mechanism, kept in a rule file, checked on
load, and regenerated from the gold sets by scripts/measure_confidence.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import RuleError
from kg.extract.confidence import MIN_FOUND, Tally, measured, tally
from kg.extract.rules import load_rules

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT.parent / "shared" / "eval"

BUY = """
    Acme    Acme    PROPN NNP nsubj 1 B-ORG
    bought  buy     VERB  VBD ROOT  1 O
    Beta    Beta    PROPN NNP dobj  1 B-ORG
    .       .       PUNCT .   punct 1 O
"""


def test_confidence_tally_counts_each_mechanism_and_its_parent() -> None:
    table = tally([("verb:buy:passive", True), ("verb:buy", False), ("role:ceo", True)])
    assert table == {
        "verb:buy:passive": Tally(1, 1),
        "verb:buy": Tally(2, 1),
        "role:ceo": Tally(1, 1),
    }


def test_confidence_measured_takes_the_narrowest_mechanism_seen_often_enough() -> None:
    table = {
        "verb:buy:passive": Tally(MIN_FOUND, 0),
        "verb:buy": Tally(10, 8),
        "verb:sue:passive": Tally(MIN_FOUND - 1, 0),
    }
    assert measured(table, "verb:buy:passive") == pytest.approx(1 / (MIN_FOUND + 2))
    assert measured(table, "verb:sue:passive") is None  # too few, and no parent measured
    assert measured(table, "verb:buy:majority") == pytest.approx(9 / 12)


def test_confidence_of_a_claim_comes_from_the_table(read_table, tmp_path) -> None:
    _, claims = read_table(BUY)
    shipped = load_rules().confidence
    expected = measured(shipped, "verb:buy")
    assert [c.method for c in claims] == ["verb:buy"]
    assert claims[0].confidence == round(expected or 0.8, 2)


def test_confidence_a_users_table_overrides_kgs(tmp_path) -> None:
    own = tmp_path / "own.yaml"
    own.write_text('confidence:\n  "verb:buy": [10, 1]\n')
    rules = load_rules((str(own),))
    assert rules.confidence["verb:buy"] == Tally(10, 1)
    assert rules.fingerprint != load_rules().fingerprint


@pytest.mark.parametrize(
    "body,message",
    [
        ('confidence:\n  "verb:buy": [1, 2]\n', "two counts with right <= found"),
        ('confidence:\n  "verb:buy": 0.9\n', "must be [found, right]"),
        ("confidence: [1, 2]\n", "confidence must map methods to [found, right]"),
    ],
)
def test_confidence_a_bad_table_is_one_line(tmp_path, body, message) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(body)
    with pytest.raises(RuleError, match=message.replace("[", r"\[").replace("]", r"\]")):
        load_rules((str(bad),))


@pytest.mark.slow
@pytest.mark.skipif(not (GOLD / "score.py").exists(), reason="the gold sets are not here")
def test_confidence_shipped_table_is_measured_on_the_current_rules() -> None:
    """The table is regenerated whenever a rule changes what kg finds."""
    sets = [str(GOLD / s) for s in ("dev", "dev-real", "dev-sectors")]
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "measure_confidence.py"), "--check", *sets],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
