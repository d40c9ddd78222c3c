"""``kg add``, ``kg remove``, ``kg rebuild`` and the store options, through the real CLI."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CORPUS = Path(__file__).parents[2] / "corpus"
NEW_TEXT = "Acme Corp. agreed to buy Widget Inc. for $5 million."
KENYA = "2026-11-24-microsoft-starlink-kenya"


def _claim_keys(records: list[dict]) -> set[tuple[str, str, str, str]]:
    return {
        (c["article"], c["subject"]["iri"], c["predicate"], c["object"]["iri"]) for c in records
    }


@pytest.mark.slow
def test_cli_add_unchanged_corpus_changes_nothing(kg, store_copy, quad_count):
    before = quad_count(store_copy)

    res = kg("--store", store_copy, "add", CORPUS)

    assert res.code == 0, res.err
    assert "0 added, 12 unchanged, 0 replaced, 0 failed" in res.err
    assert quad_count(store_copy) == before


@pytest.mark.slow
def test_cli_add_same_id_new_text_replaces(kg, store_copy, jsonl, tmp_path):
    path = tmp_path / "replacement.md"
    path.write_text(f"---\nid: {KENYA}\ntitle: Acme buys Widget\n---\n\n{NEW_TEXT}\n", "utf-8")

    res = kg("--store", store_copy, "add", path)

    assert res.code == 0, res.err
    assert "0 added, 0 unchanged, 1 replaced" in res.err
    claims = [c for c in jsonl(store_copy, "claims", "--all") if c["article"] == KENYA]
    assert claims, "the new text yields a claim"
    assert all(NEW_TEXT[c["start"] : c["end"]] == c["sentence"] for c in claims)
    assert {c["sentence"] for c in claims} == {NEW_TEXT}
    labels = {e["label"] for e in jsonl(store_copy, "entities") if KENYA in e["articles"]}
    assert labels
    assert all(label in NEW_TEXT for label in labels)
    assert not {"Microsoft", "Starlink", "Kenya"} & labels
    titles = {a["id"]: a["title"] for a in jsonl(store_copy, "articles")}
    assert titles[KENYA] == "Acme buys Widget"
    assert len(titles) == 12


@pytest.mark.slow
def test_cli_remove_drops_article_graph(kg, store_copy, jsonl, corpus_ids):
    assert any(c["article"] == KENYA for c in jsonl(store_copy, "claims"))

    res = kg("--store", store_copy, "remove", KENYA)

    assert res.code == 0, res.err
    assert "1 removed" in res.err
    assert [a["id"] for a in jsonl(store_copy, "articles")] == [i for i in corpus_ids if i != KENYA]
    assert not [c for c in jsonl(store_copy, "claims", "--all") if c["article"] == KENYA]
    assert not [e for e in jsonl(store_copy, "entities") if KENYA in e["articles"]]


@pytest.mark.slow
def test_cli_remove_unknown_id_fails(kg, store_copy, quad_count):
    before = quad_count(store_copy)

    res = kg("--store", store_copy, "remove", "no-such-article")

    assert res.code != 0
    assert res.error_lines == ["kg: error: no article with id no-such-article"]
    assert quad_count(store_copy) == before


def test_cli_remove_needs_existing_store(kg, tmp_path):
    store = tmp_path / "nowhere"

    res = kg("--store", store, "remove", "x")

    assert res.code != 0
    assert len(res.error_lines) == 1 and "no store here" in res.err
    assert not store.exists()


# -- bad input -------------------------------------------------------------------------------

BAD_FILES = [
    # (file name, content or None for a missing file, what the message says)
    ("missing.md", None, "no such file"),
    ("empty.md", b"", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "binary file"),
    ("latin1.txt", "Société Générale a acheté un café.".encode("latin-1"), "not UTF-8"),
    ("notyaml.md", b"---\ntitle: [unclosed\n---\nbody", "front matter is not valid YAML"),
    ("report.docx", b"PK\x03\x04 a word document", "unknown extension '.docx'"),
]


def _assert_one_line_failure(res, *fragments: str) -> None:
    assert res.code != 0
    assert "Traceback" not in res.err
    assert len(res.error_lines) == 1, res.err
    lines = [line for line in res.err.splitlines() if all(f in line for f in fragments)]
    assert lines, f"no line of stderr names {fragments}: {res.err!r}"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "content", "message"), BAD_FILES, ids=[name for name, _, _ in BAD_FILES]
)
def test_cli_add_bad_file(kg, store_copy, quad_count, tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = quad_count(store_copy)

    res = kg("--store", store_copy, "add", path)

    _assert_one_line_failure(res, name, message)
    assert quad_count(store_copy) == before


@pytest.mark.slow
def test_cli_query_malformed_sparql(kg, store_copy, quad_count):
    before = quad_count(store_copy)

    res = kg("--store", store_copy, "query", "SELECT WHERE {")

    _assert_one_line_failure(res, "malformed SPARQL")
    assert res.err.count("\n") == 1
    assert quad_count(store_copy) == before


@pytest.mark.parametrize("where", ["below-a-file", "is-a-file"])
def test_cli_add_store_cannot_be_written(kg, tmp_path, where):
    afile = tmp_path / "afile"
    afile.write_text("not a folder\n")
    article = tmp_path / "story.txt"
    article.write_text(NEW_TEXT + "\n")
    store = afile / "store" if where == "below-a-file" else afile

    res = kg("--store", store, "add", article)

    _assert_one_line_failure(res, "afile")
    assert afile.read_text() == "not a folder\n"


_HOLD_STORE = """
import sys, time
import pyoxigraph
store = pyoxigraph.Store(sys.argv[1])
print("open", flush=True)
time.sleep(60)
"""


@pytest.mark.slow
def test_cli_add_store_in_use(kg, store_copy, quad_count, tmp_path):
    before = quad_count(store_copy)
    article = tmp_path / "x.md"
    article.write_text(NEW_TEXT + "\n")
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_STORE, str(store_copy)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "open"

        res = kg("--store", store_copy, "add", article)

        _assert_one_line_failure(res, "in use")
        assert res.err.count("\n") == 1
    finally:
        holder.kill()
        holder.wait(timeout=30)
        holder.stdout.close()
    assert quad_count(store_copy) == before


@pytest.mark.slow
def test_cli_reads_while_another_process_writes(kg, store_copy, corpus_ids):
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_STORE, str(store_copy)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "open"

        for command in (
            ["articles", "--format", "jsonl"],
            ["entities", "--format", "jsonl"],
            ["claims", "--format", "jsonl"],
            ["query", "SELECT ?id WHERE { ?a nkg:articleId ?id }", "--format", "csv"],
        ):
            res = kg("--store", store_copy, *command)
            assert res.code == 0, res.err
        assert len(
            kg("--store", store_copy, "articles", "--format", "jsonl").out.splitlines()
        ) == len(corpus_ids)
    finally:
        holder.kill()
        holder.wait(timeout=30)
        holder.stdout.close()


@pytest.mark.slow
@pytest.mark.parametrize(
    "args",
    [
        ("add", "{tmp}/empty.md"),
        ("query", "SELECT WHERE {"),
        ("remove", "no-such-article"),
    ],
    ids=["empty-file", "bad-sparql", "unknown-id"],
)
def test_cli_errors_end_to_end_no_traceback(kg_subprocess, store_copy, tmp_path, args):
    (tmp_path / "empty.md").write_bytes(b"")
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]

    proc = kg_subprocess("--store", store_copy, *args)

    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert len([line for line in proc.stderr.splitlines() if line.startswith("kg: ")]) == 1


# -- batches ---------------------------------------------------------------------------------


@pytest.fixture()
def batch(tmp_path) -> list[Path]:
    """good1.txt, two bad files, good2.md, in that order."""
    files = {
        "good1.txt": NEW_TEXT + "\n",
        "empty.md": "",
        "notyaml.md": "---\ntitle: [unclosed\n---\nbody\n",
        "good2.md": "---\nid: good2\n---\nNvidia will invest in OpenAI, the chipmaker said.\n",
    }
    paths = []
    for name, text in files.items():
        path = tmp_path / "in" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, "utf-8")
        paths.append(path)
    return paths


@pytest.mark.slow
def test_cli_add_batch_keeps_good_lists_bad(kg, jsonl, tmp_path, batch):
    store = tmp_path / "store"

    res = kg("--store", store, "add", *batch)

    assert res.code != 0
    assert "Traceback" not in res.err
    assert "2 added, 0 unchanged, 0 replaced, 2 failed" in res.err
    failed = [line for line in res.err.splitlines() if "failed:" in line]
    assert len(failed) == 2
    assert "empty.md" in failed[0] and "notyaml.md" in failed[1]
    assert [a["id"] for a in jsonl(store, "articles")] == ["good1", "good2"]


@pytest.mark.slow
def test_cli_add_strict_stops_at_first_bad(kg, jsonl, tmp_path, batch):
    store = tmp_path / "store"

    res = kg("--store", store, "add", "--strict", *batch)

    assert res.code != 0
    assert "Traceback" not in res.err
    assert len(res.error_lines) == 1 and "empty.md" in res.error_lines[0]
    assert "notyaml.md" not in res.err
    # the file before the bad one is kept, nothing after it is read
    assert [a["id"] for a in jsonl(store, "articles")] == ["good1"]


@pytest.mark.slow
@pytest.mark.parametrize("good", [False, True], ids=["only-bad", "good-and-bad"])
def test_cli_add_quiet_still_names_bad_file(kg, tmp_path, good):
    bad = tmp_path / "empty.md"
    bad.write_bytes(b"")
    paths = [bad]
    if good:
        paths.append(tmp_path / "story.txt")
        paths[-1].write_text(NEW_TEXT + "\n")

    res = kg("--quiet", "--store", tmp_path / "store", "add", *paths)

    assert res.code != 0
    assert "Traceback" not in res.err
    assert "added" not in res.err
    assert [line for line in res.err.splitlines() if "empty.md" in line and "empty file" in line]


# -- rebuild ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_rebuild_reextracts_from_store(
    kg, store_copy, jsonl, quad_count, monkeypatch, tmp_path
):
    monkeypatch.chdir(tmp_path)  # no corpus file within reach: only the store
    before_claims = _claim_keys(jsonl(store_copy, "claims", "--all"))
    before_articles = jsonl(store_copy, "articles")
    before_quads = quad_count(store_copy)

    res = kg("--store", store_copy, "rebuild")

    assert res.code == 0, res.err
    assert "12 articles re-extracted" in res.err
    assert _claim_keys(jsonl(store_copy, "claims", "--all")) == before_claims
    assert jsonl(store_copy, "articles") == before_articles
    assert quad_count(store_copy) == before_quads


def test_cli_rebuild_needs_existing_store(kg, tmp_path):
    res = kg("--store", tmp_path / "none", "rebuild")

    assert res.code != 0
    assert len(res.error_lines) == 1 and "no store here" in res.err


# -- --store and KG_STORE --------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("command", ["articles", "entities", "claims"])
def test_cli_store_env_same_as_option(kg, corpus_store, monkeypatch, tmp_path, command):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    by_option = kg("--store", corpus_store, command, "--format", "jsonl")
    monkeypatch.setenv("KG_STORE", str(corpus_store))

    by_env = kg(command, "--format", "jsonl")

    assert by_option.code == by_env.code == 0
    assert by_env.out == by_option.out
    assert by_env.out.count("\n") > 0
    assert not (tmp_path / ".kg").exists()


@pytest.mark.slow
def test_cli_store_env_creates_store_on_add(kg, jsonl, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    store = tmp_path / "env-store"
    article = tmp_path / "story.txt"
    article.write_text(NEW_TEXT + "\n")
    monkeypatch.setenv("KG_STORE", str(store))

    res = kg("add", article)

    assert res.code == 0, res.err
    assert store.is_dir()
    assert not (tmp_path / ".kg").exists()
    monkeypatch.delenv("KG_STORE")
    assert [a["id"] for a in jsonl(store, "articles")] == ["story"]


@pytest.mark.slow
def test_cli_store_option_overrides_env(kg, corpus_store, monkeypatch, tmp_path):
    monkeypatch.setenv("KG_STORE", str(tmp_path / "elsewhere"))

    res = kg("--store", corpus_store, "articles", "--format", "jsonl")

    assert res.code == 0, res.err
    assert res.out.count("\n") == 12
    assert not (tmp_path / "elsewhere").exists()


@pytest.mark.slow
def test_cli_store_env_end_to_end(kg_subprocess, corpus_store, tmp_path):
    env = {**os.environ, "KG_STORE": str(corpus_store)}

    proc = kg_subprocess("articles", "--format", "csv", env=env, cwd=tmp_path)

    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert proc.stdout.splitlines()[0] == "id,title,published,source,entities,claims"
    assert len(proc.stdout.splitlines()) == 13
