"""The docs cannot drift from the commands: the reference is generated, every command and
subcommand shows an example, and the README stays short (datasette's test_docs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli.docs import EXAMPLE_PAGES, command_paths, examples, matches, reference, run_pages

ROOT = Path(__file__).parents[2]
PATHS = list(command_paths())


def test_cli_docs_reference_is_up_to_date():
    page = ROOT / "docs" / "reference.md"
    assert page.read_text("utf-8") == reference(), (
        "docs/reference.md is stale: run `python -m kg.cli.docs > docs/reference.md`"
    )


def test_cli_docs_walks_subcommands():
    assert ("entities", "merge") in PATHS and ("network", "path") in PATHS
    assert len(PATHS) > 20


@pytest.mark.parametrize("path", PATHS, ids=[" ".join(p) for p in PATHS])
def test_cli_docs_every_command_has_an_example(kg, path):
    res = kg(*path, "--help")

    assert res.code == 0, res.err
    assert res.out.startswith(f"Usage: kg {' '.join(path)}")
    assert "Example" in res.out, f"kg {' '.join(path)} --help shows no example"


def test_cli_docs_readme_is_short_and_links_resolve():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert len(readme.encode("utf-8")) <= 8 * 1024
    for page in [
        "command-line",
        "reference",
        "python-api",
        "claims-across-sources",
        "curation",
        "networks-and-exports",
        "serving",
        "scaling",
        "graph-model",
        "extending",
    ]:
        assert f"docs/{page}.md" in readme
        assert (ROOT / "docs" / f"{page}.md").exists()


def test_cli_docs_readme_test_command_is_what_ci_runs():
    readme = (ROOT / "README.md").read_text("utf-8")
    ci = (ROOT / ".ci" / "run").read_text("utf-8").strip().splitlines()[-1]
    assert ci in readme


@pytest.fixture(scope="session")
def page_runs(corpus_store):
    """The examples of every page of EXAMPLE_PAGES, run once (the pages side by side)."""
    return run_pages(EXAMPLE_PAGES, corpus_store)


@pytest.mark.slow
@pytest.mark.parametrize("name", EXAMPLE_PAGES)
def test_cli_docs_examples_print_what_the_page_shows(page_runs, name):
    results = page_runs[name]
    stale = [
        f"$ {e.command}\n--- the page shows:\n{e.output}--- it prints:\n{printed}"
        for e, printed in results
        if not matches(e.output, printed)
    ]

    assert results, f"docs/{name} has no example with its output"
    assert not stale, (
        f"docs/{name} is stale (`python -m kg.cli.docs --examples` rewrites "
        "it):\n" + "\n".join(stale)
    )


def test_cli_docs_examples_are_read_from_console_blocks():
    page = (
        "Text.\n\n```console\n$ kg ask --list | wc -l\n12\n$ kg add x.md\n"
        "$ curl -s -d 'a' \\\n  http://x/\nok\n```\n\n```text\n$ not a command\n```\n"
    )

    found = [(e.command, e.output) for e in examples(page)]

    assert found == [
        ("kg ask --list | wc -l", "12\n"),
        ("kg add x.md", ""),
        ("curl -s -d 'a' \\\n  http://x/", "ok\n"),
    ]
    assert matches("a ... d\n", "a b c d") and not matches("a d", "a b d")


def test_cli_docs_corpus_figures_agree_on_every_page():
    """What `kg add corpus/` prints is run on docs/command-line.md; the pages whose
    examples cannot run (README.md, docs/scaling.md) must show the same line."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    lines = {
        p.name: [
            line
            for line in p.read_text("utf-8").splitlines()
            if line.startswith("12 added, 0 unchanged")
        ]
        for p in pages
    }
    [checked] = set(lines.pop("command-line.md"))

    assert {name: found for name, found in lines.items() if set(found) - {checked}} == {}
