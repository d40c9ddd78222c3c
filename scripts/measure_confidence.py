"""Measure the precision of each extraction mechanism on gold sets, and write it
where kg reads it (``kg/data/rules/confidence.yaml``).

    python scripts/measure_confidence.py ../shared/eval/dev ../shared/eval/dev-real \
        ../shared/eval/dev-sectors

Each GOLD_DIR holds the gold articles (``*.md``) and their annotations (``*.json``)
with ``score.py`` beside the sets; a claim is right when the gold of its article
holds it, matched as ``score.py`` matches names. Claims are counted with the
confidence table emptied, so the counts do not depend on the last ones. Use
``--check`` to fail (exit 1) when the shipped table differs from a fresh one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from dataclasses import replace
from pathlib import Path

from kg.extract.confidence import dump, tally
from kg.extract.pipeline import Extractor
from kg.ingest import read_path
from kg.predicates import SYMMETRIC_PREDICATES

TABLE = Path(__file__).resolve().parents[1] / "kg" / "data" / "rules" / "confidence.yaml"


def _scorer(gold_dir: Path):
    """``score.py`` of the gold sets, for its name matching."""
    path = gold_dir.resolve().parent / "score.py"
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    if spec is None or not path.exists():
        sys.exit(f"error: no score.py beside {gold_dir}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _results(extractor: Extractor, gold_dir: Path, score) -> list[tuple[str, bool]]:
    """(method, right) for every asserted claim kg finds in the set's articles."""
    out = []
    for md in sorted(gold_dir.glob("*.md")):
        gold = json.loads(md.with_suffix(".json").read_text(encoding="utf-8"))
        matcher = score.Matcher(gold["entities"])
        truth = {
            (score.norm(c["subject"]), c["predicate"], score.norm(c["object"]))
            for c in gold["claims"]
        }
        for article in read_path(str(md)):
            ex = extractor.extract(article)
            names = {e.key: [score.norm(n) for n in (e.label, *e.aliases)] for e in ex.entities}
            hits = {k: matcher.match(n) for k, n in names.items()}
            gold_name = {k: score.norm(h["name"]) for k, h in hits.items() if h}
            for c in ex.claims:
                if c.polarity != "asserted":
                    continue
                s, o = gold_name.get(c.subject), gold_name.get(c.object)
                right = (s, c.predicate, o) in truth or (
                    c.predicate in SYMMETRIC_PREDICATES and (o, c.predicate, s) in truth
                )
                out.append((c.method, right))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold_dirs", nargs="+", type=Path, metavar="GOLD_DIR")
    parser.add_argument(
        "--check", action="store_true", help="compare with the shipped table instead of writing it"
    )
    args = parser.parse_args()
    extractor = Extractor()
    # count with the rules' own figures, not those of the table being measured
    extractor.component.rules = replace(extractor.component.rules, confidence={})
    results = []
    for d in args.gold_dirs:
        results += _results(extractor, d, _scorer(d))
    text = dump(tally(results), [d.name for d in args.gold_dirs])
    if args.check:
        same = TABLE.read_text(encoding="utf-8") == text
        print("confidence table is current" if same else "confidence table is out of date")
        return 0 if same else 1
    TABLE.write_text(text, encoding="utf-8")
    right = sum(r for _, r in results)
    print(f"{len(results)} claims, {right} right: wrote {TABLE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
