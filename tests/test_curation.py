"""kg.curation: merges, aliases, renames and splits kept in curation.yaml, undoable;
and the review of likely duplicates (no model)."""

from __future__ import annotations

import hashlib
import json

import pytest

from kg.curation import HISTORY_LIMIT, Curation, entity_key, likely_duplicates
from kg.errors import ConfigError

OLD_FILE = """merge:
- {from: musk, into: elon-musk, label: Elon Musk}
alias:
- {name: The Billionaire, entity: elon-musk, label: Elon Musk}
"""


def test_curation_reads_the_original_format(tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_text(OLD_FILE)

    c = Curation.load(path)

    assert c.resolve_key("musk") == ("elon-musk", "Elon Musk")
    assert c.alias_target("the billionaire") == ("elon-musk", "Elon Musk")
    old = hashlib.sha1(json.dumps([c.merges, c.aliases], sort_keys=True).encode()).hexdigest()
    assert c.fingerprint == old[:8]  # articles read under it are not read again


def test_curation_saves_the_original_format_until_new_rows(tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_text(OLD_FILE)
    Curation.load(path).save(path)

    text = path.read_text()

    assert "rename" not in text and "history" not in text
    assert Curation.load(path).merges == [
        {"from": "musk", "into": "elon-musk", "label": "Elon Musk"}
    ]


def test_curation_file_round_trip_without_yaml_anchors(tmp_path):
    path = tmp_path / "curation.yaml"
    c = Curation()
    c.add_merge("tarn-labs", "quillon-systems", "Quillon Systems")
    c.add_rename("quillon-systems", "Quillon Group")
    c.save(path)

    assert "&id" not in path.read_text()
    again = Curation.load(path)
    assert again == c
    assert again.fingerprint == c.fingerprint


@pytest.mark.parametrize(
    "text",
    ["rename: [{entity: acme}]", "history: [{change: x}]", "merge: [{from: a}]", "- just a list"],
)
def test_curation_rejects_bad_rows(tmp_path, text):
    path = tmp_path / "curation.yaml"
    path.write_text(text)

    with pytest.raises(ConfigError):
        Curation.load(path)


def test_curation_rename_changes_key_and_label():
    c = Curation()

    assert c.add_rename("tarn-labs", "Tarn Laboratories") == "tarn-laboratories"
    assert c.resolve_key("tarn-labs") == ("tarn-laboratories", "Tarn Laboratories")
    assert c.alias_target("Tarn Labs") is None  # the extractor's merge hook does it


def test_curation_rename_that_keeps_the_key_goes_through_aliases():
    c = Curation()

    assert c.add_rename("acme", "ACME Corp.") == "acme"
    assert c.resolve_key("acme") == ("acme", "ACME Corp.")
    assert c.alias_target("Acme") == ("acme", "ACME Corp.")
    assert c.alias_target("Acme Corp") == ("acme", "ACME Corp.")
    assert c.alias_target("Widget") is None


def test_curation_rename_follows_merges_and_earlier_renames():
    c = Curation()
    c.add_merge("tarn-labs", "quillon-systems", "Quillon Systems")
    c.add_alias("Big Q", "quillon-systems", "Quillon Systems")
    c.add_rename("quillon-systems", "Quillon Dynamics")
    c.add_rename("quillon-dynamics", "Quillon Works")

    assert c.resolve_key("tarn-labs") == ("quillon-works", "Quillon Works")
    assert c.resolve_key("quillon-systems") == ("quillon-works", "Quillon Works")
    assert c.alias_target("big q") == ("quillon-works", "Quillon Works")


def test_curation_split_and_undo():
    c = Curation()
    c.add_merge("tarn-labs", "quillon-systems", "Quillon Systems")
    c.add_merge("brisk", "quillon-systems", "Quillon Systems")

    assert c.remove_merge("tarn-labs") == [
        {"from": "tarn-labs", "into": "quillon-systems", "label": "Quillon Systems"}
    ]
    assert c.resolve_key("tarn-labs") == ("tarn-labs", None)
    assert [m["from"] for m in c.merged_into("quillon-systems")] == ["brisk"]

    assert c.undo()["change"] == "split tarn-labs out of quillon-systems"
    assert c.resolve_key("tarn-labs")[0] == "quillon-systems"
    c.undo()
    c.undo()
    assert c.merges == [] and c.history == []
    with pytest.raises(ConfigError, match="no curation change to undo"):
        c.undo()


def test_curation_undo_restores_what_a_change_replaced():
    c = Curation()
    c.add_alias("Big Q", "quillon-systems", "Quillon Systems")
    c.add_alias("big q", "brisk", "Brisk")
    c.add_rename("acme", "Acme One")
    c.add_rename("acme", "Acme Two")

    c.undo()
    assert c.resolve_key("acme") == ("acme-one", "Acme One")
    c.undo()
    assert c.renames == []
    c.undo()
    assert c.alias_target("BIG Q") == ("quillon-systems", "Quillon Systems")


def test_curation_split_of_unmerged_key_fails():
    with pytest.raises(ConfigError):
        Curation().remove_merge("acme")


def test_curation_history_is_bounded(tmp_path):
    c = Curation()
    for i in range(HISTORY_LIMIT + 5):
        c.add_alias(f"name {i}", "acme", "Acme")
    c.save(tmp_path / "c.yaml")

    assert len(Curation.load(tmp_path / "c.yaml").history) == HISTORY_LIMIT


def test_curation_entity_key():
    assert entity_key("Elon Musk's") == "elon-musk"
    assert entity_key("Acme Holdings Inc.") == "acme"


# -- review ---------------------------------------------------------------------------------


def _e(key, label, type_="Organization", aliases=(), articles=("a",)):
    return {
        "iri": "https://w3id.org/nkg/entity/" + key,
        "label": label,
        "type": type_,
        "aliases": list(aliases),
        "articles": list(articles),
    }


def _pairs(found):
    return {(p["merge"]["label"], p["into"]["label"]): p for p in found}


def test_curation_review_finds_likely_duplicates():
    entities = [
        _e("quillon-systems", "Quillon Systems", articles=("a", "b")),
        _e("quillon", "Quillon", aliases=("QS",)),
        _e("qs-group", "QS Group", aliases=("QS",)),
        _e("northwind", "Northwind Robotics"),
        _e("northwinds", "Northwinds Robotics"),
        _e("elon-musk", "Elon Musk", "Person", articles=("a", "b")),
        _e("musk", "Musk", "Person"),
        _e("musk-foundation", "Musk Foundation"),
        _e("x-corp", "X Corp"),
        _e("twitter", "Twitter", articles=("a", "b")),
    ]

    found = _pairs(
        likely_duplicates(entities, {entities[8]["iri"]: {"Q918"}, entities[9]["iri"]: {"Q918"}})
    )

    assert found[("X Corp", "Twitter")]["reasons"] == ["same Wikidata id Q918"]
    assert found[("X Corp", "Twitter")]["score"] == 1.0
    assert "both called 'qs'" in found[("Quillon", "QS Group")]["reasons"]
    assert found[("Northwind Robotics", "Northwinds Robotics")]["reasons"][0].startswith(
        "similar names"
    )
    assert (
        found[("Quillon", "Quillon Systems")]["command"]
        == 'kg entities merge "Quillon" "Quillon Systems"'
    )
    assert ("Musk", "Elon Musk") in found
    assert ("Musk", "Musk Foundation") not in found  # a person is not a foundation
    assert list(found)[0] == ("X Corp", "Twitter")


def test_curation_review_names_keys_when_labels_clash():
    found = likely_duplicates([_e("larkspur", "Larkspur"), _e("larkspur-2", "Larkspur")])

    assert found[0]["command"] == 'kg entities merge "larkspur" "larkspur-2"'


# -- bad input is refused before it is written; a damaged file can be repaired ---------------


@pytest.mark.parametrize("name", ["", "   ", "!!", None, ["a"]])
def test_curation_alias_without_a_name_is_refused(name):
    c = Curation()

    with pytest.raises(ConfigError, match="is not a name: an alias needs a letter or a digit"):
        c.add_alias(name, "acme", "Acme")

    assert c == Curation()  # nothing changed, nothing to undo


@pytest.mark.parametrize(("source", "target"), [("", "acme"), ("acme", "  "), (None, "acme")])
def test_curation_merge_without_keys_is_refused(source, target):
    with pytest.raises(ConfigError, match="a merge needs an entity key"):
        Curation().add_merge(source, target, "Acme")


DAMAGED = """merge:
- {from: musk, into: elon-musk, label: Elon Musk}
- {from: '', into: elon-musk}
alias:
- {name: '', entity: acme, label: Acme Corp.}
- {name: 2024, entity: acme, label: Acme Corp.}
history:
- {change: "alias '' for acme", section: alias,
   added: [{name: '', entity: acme, label: Acme Corp.}], removed: []}
"""


def test_curation_damaged_file_names_the_row_and_the_fix(tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_text(DAMAGED)

    with pytest.raises(ConfigError) as info:
        Curation.load(path)

    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{path}: merge 2 needs 'from' and 'into' (")
    assert "kg entities undo" in message


def test_curation_repair_leaves_out_unusable_rows_and_undo_goes_on(tmp_path):
    path = tmp_path / "curation.yaml"
    path.write_text(DAMAGED)

    c = Curation.load(path, repair=True)
    entry = c.undo()
    c.save(path)

    assert c.dropped == ["merge 2 (needs 'from' and 'into')", "alias 1 (needs 'name' and 'entity')"]
    assert entry["change"] == "alias '' for acme"
    assert c.merges == [{"from": "musk", "into": "elon-musk", "label": "Elon Musk"}]
    assert c.aliases == [{"name": "2024", "entity": "acme", "label": "Acme Corp."}]
    assert Curation.load(path) == c  # the saved file reads without complaint


@pytest.mark.parametrize("text", ["merge: [unclosed", "\tmerge: x", "- a list"])
def test_curation_unreadable_file_says_to_fix_or_move_it(tmp_path, text):
    path = tmp_path / "curation.yaml"
    path.write_text(text)

    with pytest.raises(ConfigError, match="fix it or move it away$"):
        Curation.load(path, repair=True)
