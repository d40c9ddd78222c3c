"""`kg entities review`, `split`, `rename` and `undo`: corrections kept, honoured and undone."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow

FIRST = """---
id: first
---
Quillon Systems agreed to buy Tarn Labs for $5 million.
"""
SECOND = """---
id: second
---
Brisk Analytics announced a partnership with Quillon Systems on Tuesday.
"""
THIRD = """---
id: third
---
Quillon reported strong sales. Ferro Dynamics announced a partnership with Quillon.
"""

LATER = """---
id: later
---
Ferro Dynamics announced a partnership with Quillon Systems on Friday.
"""


def _labels(jsonl, store):
    return {e["label"]: e for e in jsonl(store, "entities")}


@pytest.fixture()
def curated(tmp_path, kg):
    for name, text in [("first.md", FIRST), ("second.md", SECOND)]:
        (tmp_path / name).write_text(text)
    store = tmp_path / "store"
    assert kg("--store", store, "add", tmp_path / "first.md", tmp_path / "second.md").code == 0
    return store


def test_cli_curation_split_undoes_a_merge(kg, jsonl, curated):
    assert kg("--store", curated, "entities", "merge", "Tarn Labs", "Quillon Systems").code == 0
    assert "Tarn Labs" not in _labels(jsonl, curated)

    res = kg("--store", curated, "entities", "split", "Tarn Labs")

    assert res.code == 0, res.err
    assert "tarn-labs split out of quillon-systems" in res.err
    labels = _labels(jsonl, curated)
    assert "Tarn Labs" in labels and "Tarn Labs" not in labels["Quillon Systems"]["aliases"]
    assert [c["predicate"] for c in jsonl(curated, "claims")] == ["acquires", "partnerOf"]


def test_cli_curation_split_of_merge_target_names_the_parts(kg, curated):
    kg("--store", curated, "entities", "merge", "Tarn Labs", "Quillon Systems")

    res = kg("--store", curated, "entities", "split", "Quillon Systems")

    assert res.code != 0
    assert res.error_lines == [
        "kg: error: Quillon Systems is the entity others were merged "
        "into; split one of them: tarn-labs"
    ]


def test_cli_curation_rename_everywhere_and_later(kg, jsonl, curated, tmp_path):
    res = kg("--store", curated, "entities", "rename", "Quillon Systems", "Quillon Dynamics")

    assert res.code == 0, res.err
    labels = _labels(jsonl, curated)
    assert "Quillon Systems" not in labels
    assert labels["Quillon Dynamics"]["iri"].endswith("/quillon-dynamics")
    assert labels["Quillon Dynamics"]["articles"] == ["first", "second"]
    (tmp_path / "later.md").write_text(LATER)
    assert kg("--store", curated, "add", tmp_path / "later.md").code == 0
    assert "later" in _labels(jsonl, curated)["Quillon Dynamics"]["articles"]
    statements = {
        (s["subject"]["label"], s["object"]["label"]) for s in jsonl(curated, "statements")
    }
    assert ("Ferro Dynamics", "Quillon Dynamics") in statements or (
        "Quillon Dynamics",
        "Ferro Dynamics",
    ) in statements


def test_cli_curation_rename_keeping_the_key(kg, jsonl, curated):
    res = kg("--store", curated, "entities", "rename", "Tarn Labs", "TARN LABS")

    assert res.code == 0, res.err
    tarn = _labels(jsonl, curated)["TARN LABS"]
    assert tarn["iri"].endswith("/tarn-labs")


def test_cli_curation_undo_steps_back(kg, jsonl, curated):
    before = _labels(jsonl, curated)
    kg("--store", curated, "entities", "merge", "Brisk Analytics", "Quillon Systems")
    kg("--store", curated, "entities", "rename", "Quillon Systems", "Quillon Works")
    assert set(_labels(jsonl, curated)) == {"Quillon Works", "Tarn Labs"}

    res = kg("--store", curated, "entities", "undo")
    assert res.code == 0, res.err
    assert "undone: rename quillon-systems to 'Quillon Works'" in res.err
    assert set(_labels(jsonl, curated)) == {"Quillon Systems", "Tarn Labs"}

    assert kg("--store", curated, "entities", "undo").code == 0
    assert _labels(jsonl, curated) == before

    res = kg("--store", curated, "entities", "undo")
    assert res.error_lines == ["kg: error: no curation change to undo"]


def test_cli_curation_undo_of_alias(kg, jsonl, curated, tmp_path):
    (tmp_path / "third.md").write_text(THIRD)
    kg("--store", curated, "add", tmp_path / "third.md")
    kg("--store", curated, "entities", "alias", "Brisk Analytics", "Quillon")
    assert "third" in _labels(jsonl, curated)["Brisk Analytics"]["articles"]

    assert kg("--store", curated, "entities", "undo").code == 0

    assert "third" not in _labels(jsonl, curated)["Brisk Analytics"]["articles"]


def test_cli_curation_review_lists_candidates(kg, jsonl, curated, tmp_path):
    (tmp_path / "third.md").write_text(THIRD.replace("Quillon", "Quillon Sytems"))
    kg("--store", curated, "add", tmp_path / "third.md")

    pairs = jsonl(curated, "entities", "review")

    assert any(
        {p["merge"]["label"], p["into"]["label"]} == {"Quillon Sytems", "Quillon Systems"}
        for p in pairs
    ), pairs
    assert all(p["command"].startswith("kg entities merge ") for p in pairs)


@pytest.mark.parametrize(
    "args",
    [
        ("split", "Nothing Like It"),
        ("rename", "Nothing", "X"),
        ("rename", "Tarn Labs", "Quillon Systems"),
        ("rename", "Tarn Labs", "..."),
        ("undo",),
    ],
)
def test_cli_curation_more_bad_input_is_one_line(kg, curated, args):
    res = kg("--store", curated, "entities", *args)

    assert res.code != 0
    assert len(res.error_lines) == 1, res.err
    assert "Traceback" not in res.err


@pytest.mark.parametrize("alias", ["", "   ", "--"])
def test_cli_curation_alias_without_a_name_is_refused_before_writing(kg, curated, tmp_path, alias):
    curation = curated / "curation.yaml"
    before = curation.read_text() if curation.exists() else None

    res = kg("--store", curated, "entities", "alias", "--", "Quillon Systems", alias)

    assert res.code == 1
    assert res.error_lines == [
        f"kg: error: {alias!r} is not a name: an alias needs a letter or a digit"
    ]
    assert (curation.read_text() if curation.exists() else None) == before
    (tmp_path / "later.md").write_text(LATER)
    assert kg("--store", curated, "add", tmp_path / "later.md").code == 0  # not locked


BUGGY = """merge: []
alias:
- {name: '', entity: quillon-systems, label: Quillon Systems}
history:
- change: alias '' for quillon-systems
  section: alias
  added:
  - {name: '', entity: quillon-systems, label: Quillon Systems}
  removed: []
"""


def test_cli_curation_damaged_file_never_blocks_undo(kg, jsonl, curated, tmp_path):
    (curated / "curation.yaml").write_text(BUGGY)  # as `alias NAME ''` used to write it
    (tmp_path / "later.md").write_text(LATER)
    blocked = kg("--store", curated, "add", tmp_path / "later.md")
    assert blocked.code == 1 and len(blocked.error_lines) == 1
    assert "alias 1 needs 'name' and 'entity'" in blocked.err
    assert "kg entities undo" in blocked.err

    res = kg("--store", curated, "entities", "undo")

    assert res.code == 0, res.err
    assert "undone: alias '' for quillon-systems" in res.err
    assert kg("--store", curated, "add", tmp_path / "later.md").code == 0
    assert "later" in _labels(jsonl, curated)["Quillon Systems"]["articles"]


def test_cli_curation_damaged_file_is_repaired_by_a_correction(kg, jsonl, curated):
    (curated / "curation.yaml").write_text(
        "merge:\n- {from: tarn-labs}\nalias: []\n"
    )  # a hand edit gone wrong, no history

    res = kg("--store", curated, "entities", "merge", "Tarn Labs", "Quillon Systems")

    assert res.code == 0, res.err
    assert "kg: note: left out of the curation file: merge 1 (needs 'from' and 'into')" in res.err
    assert "Tarn Labs" not in _labels(jsonl, curated)
    undo = kg("--store", curated, "entities", "undo")
    assert undo.code == 0, undo.err
    assert "Tarn Labs" in _labels(jsonl, curated)
