"""The confidence of a claim: the measured precision of the mechanism that found it.

A rule file's ``confidence`` section counts, for each mechanism, the claims it
found on gold articles and how many of them the gold holds. A mechanism is a
claim's ``method`` ("verb:buy:passive", "role:brand") or its first two parts
("verb:buy"); ``scripts/measure_confidence.py`` regenerates kg's own counts
(``kg/data/rules/confidence.yaml``) from the visible gold sets.

>>> table = tally([("verb:buy", True), ("verb:buy", True), ("verb:buy:passive", False)])
>>> table["verb:buy"]
Tally(found=3, right=2)
>>> round(measured(table, "verb:buy:passive"), 2)  # too few of its own: "verb:buy"
0.6
>>> measured(table, "noun:deal") is None  # never measured: the rule's own confidence
True
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

__all__ = ["Tally", "MIN_FOUND", "mechanisms", "tally", "measured", "dump"]

#: A mechanism that found fewer claims than this is not measured on its own.
MIN_FOUND = 3


@dataclass(frozen=True)
class Tally:
    """Claims a mechanism found on gold articles, and how many the gold holds."""

    found: int
    right: int

    @property
    def precision(self) -> float:
        """The share right, drawn towards one half by one right and one wrong claim
        more (Laplace's rule), so that a few claims do not make a certainty."""
        return (self.right + 1) / (self.found + 2)


def mechanisms(method: str) -> list[str]:
    """The mechanisms a claim's method belongs to, the narrowest first."""
    parts = method.split(":")
    return [method] + ([":".join(parts[:2])] if len(parts) > 2 else [])


def tally(results: Iterable[tuple[str, bool]]) -> dict[str, Tally]:
    """Counts per mechanism from (method, right) pairs."""
    found: dict[str, list[int]] = {}
    for method, right in results:
        for m in mechanisms(method):
            n = found.setdefault(m, [0, 0])
            n[0] += 1
            n[1] += bool(right)
    return {m: Tally(*n) for m, n in sorted(found.items())}


def measured(table: Mapping[str, Tally], method: str) -> float | None:
    """The precision of the narrowest mechanism of ``method`` measured often
    enough, or ``None``."""
    for m in mechanisms(method):
        t = table.get(m)
        if t is not None and t.found >= MIN_FOUND:
            return t.precision
    return None


def dump(table: Mapping[str, Tally], sources: list[str]) -> str:
    """The table as a rule file's ``confidence`` section."""
    lines = [
        "# Measured precision of each extraction mechanism: for each claim method (and its",
        "# first two parts), [claims found, claims the gold holds] on the gold sets below.",
        "# A claim's confidence is (right + 1) / (found + 2) of the narrowest mechanism that",
        f"# found at least {MIN_FOUND}; see kg/extract/confidence.py. Regenerate with",
        "#   python scripts/measure_confidence.py GOLD_DIR...",
        f"# from: {', '.join(sources)}",
        "confidence:",
    ]
    lines += [f'  "{m}": [{t.found}, {t.right}]' for m, t in table.items()]
    return "\n".join(lines) + "\n"
