"""The layout: no import cycle among kg's modules, counting the imports inside functions."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

import kg

ROOT = Path(kg.__file__).parent


def _modules() -> dict[str, tuple[Path, bool]]:
    """Module name -> (file, is a package)."""
    out = {}
    for path in ROOT.rglob("*.py"):
        parts = ["kg", *path.relative_to(ROOT).with_suffix("").parts]
        package = parts[-1] == "__init__"
        out[".".join(parts[:-1] if package else parts)] = (path, package)
    return out


def import_graph() -> nx.DiGraph:
    """Module -> the kg modules it imports, anywhere in its file (in functions too).

    ``from . import x`` imports the module ``x`` where there is one, not its package.
    """
    modules = _modules()
    g = nx.DiGraph()
    for name, (path, package) in modules.items():
        g.add_node(name)
        here = name if package else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = here.split(".")[: len(here.split(".")) - (node.level - 1)]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                subs = [f"{module}.{a.name}" for a in node.names]
                targets = [s for s in subs if s in modules]
                if len(targets) < len(subs):
                    targets.append(module)  # some names are the module's attributes
            g.add_edges_from((name, t) for t in targets if t in modules and t != name)
    return g


def test_imports_graph_reads_every_module():
    g = import_graph()
    assert {"kg", "kg.cli", "kg.graph.store", "kg.graph.remote", "kg.api"} <= set(g)
    assert ("kg.graph.store", "kg.graph.base") in g.edges


def test_imports_have_no_cycle():
    cycles = sorted(nx.simple_cycles(import_graph(), length_bound=12), key=len)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles[:20])
