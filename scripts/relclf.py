"""An experiment: a relation classifier, trained with spaCy on the gold sets, that
proposes claims the rules miss; measured by leave-one-set-out.

    python scripts/relclf.py prepare ../shared/eval/dev ../shared/eval/dev-real \
        ../shared/eval/dev-sectors --work /tmp/relclf
    python scripts/relclf.py evaluate ../shared/eval/dev ../shared/eval/dev-real \
        ../shared/eval/dev-sectors --work /tmp/relclf

``prepare`` reads every article of the sets with kg (rules only) and writes the
candidates: pairs of entities kg finds (organisations, people, products) named in
one sentence, on which the rules found no claim; each ordered pair is labelled
from the gold (the predicate of a gold claim on the pair whose evidence lies in the
sentence, else NONE). ``evaluate`` trains a spaCy ``textcat`` (``scripts/relclf.cfg``,
fixed seed) on two sets, picks a probability threshold on those two sets only
(each predicted by a model trained on the other), and scores the third with
``score.py`` twice: rules only, and rules plus the classifier's claims (through
``relclf.py kg``, which runs kg's command line with the classifier added to the
``kg_claims`` component). Nothing of the gold is written into the repository.

The design: the text of an example is the sentence with the pair's names replaced
by typed placeholders (``SUBJ_ORG``, ``OBJ_PERSON``; other names ``ENT_<TYPE>``),
once in each order; the classes are the 12 predicates (direction from the order)
and NONE, exclusive; a bag of words and bigrams (``TextCatBOW``), 25 epochs, seed 12.
Training reads every pair of a sentence, those the rules link too (their gold labels
quadruple the positives); the classifier proposes only for the pairs they do not
link, the most probable predicate the pair's types allow (GUIDELINES.md), above the
threshold. The added claims carry ``method`` ``model:<predicate>`` and the
precision measured on the training sets as their confidence.

Result (December 2026; dev, dev-real, dev-sectors): it fails the gate (claim F1
up by at least 0.01 on every held-out set, added claims right at least half the
time), so kg does not ship it. Few of the claims the rules miss are candidates at
all (16 of 35 missed on dev, 18 of 78 on dev-real, 71 of 163 on dev-sectors:
the rest need an entity kg misses, a pronoun or "the company", or are pairs the
rules read with another predicate), and with some 450 positive pairs over 11
predicates the classifier is little better than a keyword detector ("chief
executive" -> executiveOf of the nearest organisation): on dev no threshold keeps
the added claims right half the time on the training sets, so it adds none; on
dev-real it adds 4 claims (2 right; F1 0.554 -> 0.562), on dev-sectors 2 (1
right; 0.618 -> 0.619). Variants tried, compared on models of one set predicting
another: only the pairs the rules do not link as training examples (far worse),
a window of 4 words around the pair (no better), the ``tok2vec`` of
``en_core_web_sm`` frozen under a ``TextCatReduce`` (worse, and 6 MB).
``RELCLF_WINDOW``, ``RELCLF_LINKED`` and ``RELCLF_CONFIG`` in the environment select
them.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONFIG = Path(os.environ.get("RELCLF_CONFIG", HERE / "relclf.cfg"))

TAGS = {"Organization": "ORG", "Person": "PERSON", "Product": "PRODUCT"}
SYMMETRIC = {"partnerOf", "mergesWith", "rivalOf"}
_ACTOR, _ORG, _THING = {"ORG", "PERSON"}, {"ORG"}, {"ORG", "PRODUCT"}
#: the types of subject and object each predicate takes (GUIDELINES.md of the gold)
SIGNATURES = {
    "partnerOf": (_ACTOR, _ACTOR),
    "sues": (_ACTOR, _ACTOR),
    "acquires": (_ACTOR, _THING),
    "mergesWith": (_ORG, _ORG),
    "investsIn": (_ACTOR, _ORG),
    "founderOf": (_ACTOR, _ORG),
    "executiveOf": ({"PERSON"}, _ORG),
    "subsidiaryOf": (_ORG, _ORG),
    "develops": (_ACTOR, {"PRODUCT"}),
    "contractWith": (_ACTOR, _ACTOR),
    "offers": (_ORG, {"PRODUCT"}),
    "rivalOf": (_ACTOR, _ACTOR),
}
NONE = "NONE"
#: at most this many entities of one sentence are paired (the first named)
CAP = 6
#: the words kept before the first and after the last of the pair's names
WINDOW = int(os.environ.get("RELCLF_WINDOW", "-1"))
#: whether the pairs the rules link are training examples too
LINKED_TOO = os.environ.get("RELCLF_LINKED", "1") == "1"


# ------------------------------------------------------------------ candidates


@dataclass(frozen=True)
class Candidate:
    """Two entities named in one sentence, with no claim of the rules on the pair."""

    a: object  # kg.model.Entity
    b: object
    start: int  # the sentence's character offsets in the article
    end: int
    sentence: str
    spans: tuple  # (start, end, entity key, type) of every typed name in the sentence


def _sentences(doc):
    text = doc.text
    for sent in doc.sents:
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            yield start, end


def candidates(doc, entities, claims, cap: int = CAP, linked_too: bool = False) -> list[Candidate]:
    """The pairs of typed entities named in one sentence that no rule claim links
    (with ``linked_too``, those a rule claim links as well: training examples)."""
    linked = {frozenset((c.subject, c.object)) for c in claims}
    by_key = {e.key: e for e in entities if e.type in TAGS}
    names = sorted(
        (m.start, m.end, e.key, e.type)
        for e in by_key.values()
        for m in e.mentions
        if m.end > m.start
    )
    out = []
    text = doc.text
    for start, end in _sentences(doc):
        spans, last = [], -1
        for s, e, key, typ in names:
            if start <= s and e <= end and s >= last:
                spans.append((s, e, key, typ))
                last = e
        order = list(dict.fromkeys(span[2] for span in spans))[:cap]
        for ka, kb in combinations(order, 2):
            a, b = by_key[ka], by_key[kb]
            if a.type == b.type and a.type != "Organization":
                continue
            if not linked_too and frozenset((ka, kb)) in linked:
                continue
            out.append(Candidate(a, b, start, end, text[start:end], tuple(spans)))
    return out


def render(c: Candidate, subj, obj) -> str:
    """The sentence with ``subj`` and ``obj`` as typed placeholders, the other names
    by their type."""
    parts, at = [], c.start
    for s, e, key, typ in c.spans:
        parts.append(c.sentence[at - c.start : s - c.start])
        role = "SUBJ" if key == subj.key else "OBJ" if key == obj.key else "ENT"
        parts.append(f" {role}_{TAGS[typ]} ")
        at = e
    parts.append(c.sentence[at - c.start :])
    words = "".join(parts).split()
    if WINDOW < 0:
        return " ".join(words)
    marked = [i for i, w in enumerate(words) if w.startswith(("SUBJ_", "OBJ_"))]
    return " ".join(words[max(0, marked[0] - WINDOW) : marked[-1] + WINDOW + 1])


# ----------------------------------------------------------------- gold labels


class Gold:
    """One article's gold, matched as ``score.py`` matches names."""

    def __init__(self, gold: dict, score):
        self.score = score
        self.matcher = score.Matcher(gold["entities"])
        self.text = gold["text"]
        self.claims = []
        for gc in gold["claims"]:
            s, o, p = score.norm(gc["subject"]), score.norm(gc["object"]), gc["predicate"]
            spans = []
            ev = gc.get("evidence") or ""
            at = self.text.find(ev) if ev else -1
            while at >= 0:
                spans.append((at, at + len(ev)))
                at = self.text.find(ev, at + 1)
            self.claims.append((s, p, o, spans))
        self.keys = {_key(s, p, o) for s, p, o, _ in self.claims}

    def name(self, entity) -> str | None:
        """The gold name ``entity`` matches (its label first, then its aliases)."""
        norm = self.score.norm
        label = norm(entity.label)
        names = [label] + [n for n in (norm(x) for x in entity.aliases) if n != label]
        hit = self.matcher.match(names)
        return norm(hit["name"]) if hit else None

    def label(self, subj, obj, start: int, end: int) -> str:
        """The predicate of a gold claim ``subj`` -> ``obj`` whose evidence lies in the
        sentence at ``start:end``, else NONE."""
        s, o = self.name(subj), self.name(obj)
        if s is None or o is None:
            return NONE
        for gs, p, go, spans in self.claims:
            if (gs, go) == (s, o) or (p in SYMMETRIC and (gs, go) == (o, s)):
                if any(a < end and start < b for a, b in spans):
                    return p
        return NONE


def _key(s, p, o):
    if p in SYMMETRIC and o < s:
        s, o = o, s
    return (s, p, o)


# ------------------------------------------------------------------ prepare


def _scorer(gold_dir: Path):
    path = gold_dir.resolve().parent / "score.py"
    spec = importlib.util.spec_from_file_location("kg_gold_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def prepare(sets: list[Path], work: Path) -> None:
    from kg.extract.pipeline import Extractor
    from kg.ingest import read_path

    work.mkdir(parents=True, exist_ok=True)
    score = _scorer(sets[0])
    x = Extractor()
    for folder in sets:
        rows, stats = [], defaultdict(int)
        for md in sorted(folder.glob("*.md")):
            gold = Gold(json.loads(md.with_suffix(".json").read_text(encoding="utf-8")), score)
            (article,) = read_path(str(md))
            doc = x._doc(article)
            doc = x.nlp(doc)
            ents, claims = doc._.kg_entities, doc._.kg_claims
            found = set()
            for c in claims:
                s = gold.name(next(e for e in ents if e.key == c.subject)) or "?" + c.subject
                o = gold.name(next(e for e in ents if e.key == c.object)) or "?" + c.object
                found.add(_key(s, c.predicate, o))
            stats["gold"] += len(gold.keys)
            stats["rule_tp"] += len(found & gold.keys)
            stats["rule_fp"] += len(found - gold.keys)
            linked = {frozenset((c.subject, c.object)) for c in claims}
            for c in candidates(doc, ents, claims, linked_too=True):
                ga, gb = gold.name(c.a), gold.name(c.b)
                row = {
                    "linked": frozenset((c.a.key, c.b.key)) in linked,
                    "article": article.id,
                    "a": c.a.key,
                    "b": c.b.key,
                    "gold_a": ga,
                    "gold_b": gb,
                    "texts": [render(c, c.a, c.b), render(c, c.b, c.a)],
                    "labels": [
                        gold.label(c.a, c.b, c.start, c.end),
                        gold.label(c.b, c.a, c.start, c.end),
                    ],
                }
                kind = "linked" if row["linked"] else "candidates"
                stats[kind] += 1
                stats[kind + "_positive"] += any(lab != NONE for lab in row["labels"])
                rows.append(row)
            reachable = {
                _key(r["gold_a"], lab, r["gold_b"])
                if i == 0
                else _key(r["gold_b"], lab, r["gold_a"])
                for r in rows
                if r["article"] == article.id and not r["linked"]
                for i, lab in enumerate(r["labels"])
                if lab != NONE
            }
            stats["reachable"] += len((reachable & gold.keys) - found)
        out = work / f"{folder.name}.jsonl"
        out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        (work / f"{folder.name}.stats.json").write_text(json.dumps(stats), encoding="utf-8")
        print(folder.name, dict(stats), flush=True)


# -------------------------------------------------------------------- train


def _rows(work: Path, names: list[str]) -> list[dict]:
    rows = []
    for name in names:
        for line in (work / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            rows.append(json.loads(line) | {"set": name})
    return rows


def _labels() -> list[str]:
    from kg.predicates import PREDICATES

    return sorted(PREDICATES) + [NONE]


def train(work: Path, names: list[str], out: Path, seed: int = 12) -> float:
    """Train the textcat on the pairs of ``names`` (those the rules link too); the
    seconds it took."""
    import spacy
    from spacy.cli.train import train as spacy_train
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")
    labels = _labels()
    rows = [r for r in _rows(work, names) if LINKED_TOO or not r["linked"]]
    examples = [(t, lab) for r in rows for t, lab in zip(r["texts"], r["labels"], strict=True)]
    random.Random(seed).shuffle(examples)
    db = DocBin()
    for text, lab in examples:
        doc = nlp.make_doc(text)
        doc.cats = {x: float(x == lab) for x in labels}
        db.add(doc)
    out.mkdir(parents=True, exist_ok=True)
    data = out / "train.spacy"
    db.to_disk(data)
    t0 = time.perf_counter()
    spacy_train(
        CONFIG,
        out / "model",
        overrides={"paths.train": str(data), "paths.dev": str(data), "system.seed": seed},
    )
    seconds = time.perf_counter() - t0
    data.unlink()
    return seconds


# ------------------------------------------------------------------ predict


class Classifier:
    """A trained textcat that adds claims to those of the rules."""

    def __init__(self, path: Path, threshold: float, precision: float = 0.5):
        import spacy

        self.nlp = spacy.load(path)
        self.threshold = threshold
        self.precision = precision

    def best(self, texts: list[str]) -> list[tuple[str, float]]:
        """For each text, its most probable predicate other than NONE that the types
        of its subject and object allow, and the probability (0 where none is)."""
        out = []
        for text, doc in zip(texts, self.nlp.pipe(texts, batch_size=64), strict=True):
            subj = re.search(r"\bSUBJ_([A-Z]+)", text).group(1)
            obj = re.search(r"\bOBJ_([A-Z]+)", text).group(1)
            cats = {
                k: v
                for k, v in doc.cats.items()
                if k in SIGNATURES and subj in SIGNATURES[k][0] and obj in SIGNATURES[k][1]
            }
            p = max(cats, key=cats.get) if cats else NONE
            out.append((p, cats.get(p, 0.0)))
        return out

    def claims(self, doc, entities, claims) -> list:
        from kg.model import Claim

        cands = candidates(doc, entities, claims)
        if not cands:
            return []
        texts = [t for c in cands for t in (render(c, c.a, c.b), render(c, c.b, c.a))]
        scored = self.best(texts)
        added = {}
        for i, c in enumerate(cands):
            (p1, s1), (p2, s2) = scored[2 * i], scored[2 * i + 1]
            subj, obj, p, prob = (c.a, c.b, p1, s1) if s1 >= s2 else (c.b, c.a, p2, s2)
            if prob < self.threshold:
                continue
            s, o = subj.key, obj.key
            if p in SYMMETRIC and o < s:
                s, o = o, s
            if (s, p, o) in added:
                continue
            added[(s, p, o)] = Claim(
                subject=s,
                predicate=p,
                object=o,
                sentence=c.sentence,
                sentence_start=c.start,
                sentence_end=c.end,
                confidence=round(self.precision, 2),
                method=f"model:{p}",
            )
        return list(added.values())


def decisions(model: Path, work: Path, names: list[str]) -> list[dict]:
    """Each candidate pair of ``names`` with the model's best reading."""
    clf = Classifier(model, 0.0)
    rows = [r for r in _rows(work, names) if not r["linked"]]
    scored = clf.best([t for r in rows for t in r["texts"]])
    out = []
    for i, r in enumerate(rows):
        (p1, s1), (p2, s2) = scored[2 * i], scored[2 * i + 1]
        if s1 >= s2:
            key = _key(r["gold_a"] or "?" + r["a"], p1, r["gold_b"] or "?" + r["b"])
            prob = s1
        else:
            key = _key(r["gold_b"] or "?" + r["b"], p2, r["gold_a"] or "?" + r["a"])
            prob = s2
        out.append({"set": r["set"], "article": r["article"], "key": key, "prob": prob})
    return out


def _gold_keys(folder: Path, score) -> dict[str, set]:
    keys = {}
    for path in sorted(folder.glob("*.json")):
        g = json.loads(path.read_text(encoding="utf-8"))
        keys[g["id"]] = {
            _key(score.norm(c["subject"]), c["predicate"], score.norm(c["object"]))
            for c in g["claims"]
        }
    return keys


def added_counts(decided: list[dict], gold: dict, threshold: float) -> tuple[int, int]:
    """(right, wrong) among the distinct claims added at ``threshold``."""
    seen = set()
    tp = fp = 0
    for d in decided:
        if d["prob"] < threshold:
            continue
        k = (d["set"], d["article"], tuple(d["key"]))
        if k in seen:
            continue
        seen.add(k)
        if tuple(d["key"]) in gold[(d["set"], d["article"])]:
            tp += 1
        else:
            fp += 1
    return tp, fp


def _f1(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def choose_threshold(decided, gold, stats: dict, min_precision: float = 0.5):
    """The threshold that gives the best F1 of rules plus classifier on the sets of
    ``decided``, among those whose added claims are right at least ``min_precision``
    of the time; None when no threshold is."""
    best = None
    base_tp = sum(s["rule_tp"] for s in stats.values())
    base_fp = sum(s["rule_fp"] for s in stats.values())
    n_gold = sum(s["gold"] for s in stats.values())
    for t in [x / 100 for x in range(20, 100)]:
        tp, fp = added_counts(decided, gold, t)
        if tp + fp == 0 or tp / (tp + fp) < min_precision:
            continue
        f = _f1(base_tp + tp, base_fp + fp, n_gold - base_tp - tp)[2]
        if best is None or f > best[1] + 1e-9:
            best = (t, f, tp, fp)
    return best


def _run_score(folder: Path, kg: str) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            str(folder.resolve().parent / "score.py"),
            str(folder),
            "--json",
            "--kg",
            kg,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return json.loads(out)


def evaluate(sets: list[Path], work: Path) -> None:
    score = _scorer(sets[0])
    names = [s.name for s in sets]
    stats = {n: json.loads((work / f"{n}.stats.json").read_text()) for n in names}
    gold = {}
    for folder in sets:
        for aid, keys in _gold_keys(folder, score).items():
            gold[(folder.name, aid)] = keys
    timing = {}
    # one model per set, to predict the others: threshold choice on training sets only
    single = {}
    for n in names:
        m = work / f"model-{n}"
        if not (m / "model" / "model-last").exists():
            timing[n] = train(work, [n], m)
        single[n] = m / "model" / "model-last"
    report = []
    for held in sets:
        tr = [n for n in names if n != held.name]
        decided = decisions(single[tr[0]], work, [tr[1]]) + decisions(single[tr[1]], work, [tr[0]])
        pick = choose_threshold(decided, gold, {n: stats[n] for n in tr})
        m = work / f"model-no-{held.name}"
        if not (m / "model" / "model-last").exists():
            timing["+".join(tr)] = train(work, tr, m)
        model = m / "model" / "model-last"
        held_dec = decisions(model, work, [held.name])
        base = _run_score(held, "kg")
        row = {"held_out": held.name, "train": tr, "pick": pick, "rules": base}
        if pick is not None:
            t, _, tp, fp = pick
            prec = tp / (tp + fp)
            row["added_estimate"] = added_counts(held_dec, gold, t)
            kg = (
                f"{sys.executable} {Path(__file__).resolve()} kg --model {model} "
                f"--threshold {t} --precision {prec:.2f} --"
            )
            row["with_model"] = _run_score(held, kg)
        report.append(row)
        print(json.dumps(row, default=str)[:2000], flush=True)
    (work / "report.json").write_text(
        json.dumps({"folds": report, "train_seconds": timing}, indent=1)
    )
    print("\nheld-out        rules P/R/F1          rules+model P/R/F1     threshold  added tp/fp")
    for row in report:
        b = row["rules"]
        w = row.get("with_model") or {}
        rules = "/".join(f"{b[k]:.3f}" for k in ("claim_precision", "claim_recall", "claim_f1"))
        model = "/".join(
            f"{w.get(k, 0):.3f}" for k in ("claim_precision", "claim_recall", "claim_f1")
        )
        pick = row["pick"] and row["pick"][0]
        print(
            f"{row['held_out']:14} {rules}      {model}      {pick}     {row.get('added_estimate')}"
        )
    print("training seconds:", timing)


# ---------------------------------------------------------------- kg wrapper


def run_kg(model: Path, threshold: float, precision: float, argv: list[str]) -> None:
    """kg's command line, with the classifier's claims added to the rules'."""
    from kg.cli import main
    from kg.extract.component import ClaimsComponent

    clf = Classifier(model, threshold, precision)
    rules_only = ClaimsComponent.__call__

    def call(self, doc):
        doc = rules_only(self, doc)
        extra = clf.claims(doc, doc._.kg_entities, doc._.kg_claims)
        doc._.kg_claims = tuple(doc._.kg_claims) + tuple(extra)
        return doc

    ClaimsComponent.__call__ = call
    main(argv)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("prepare")
    p.add_argument("sets", nargs="+", type=Path)
    p.add_argument("--work", type=Path, required=True)
    e = sub.add_parser("evaluate")
    e.add_argument("sets", nargs="+", type=Path)
    e.add_argument("--work", type=Path, required=True)
    k = sub.add_parser("kg")
    k.add_argument("--model", type=Path, required=True)
    k.add_argument("--threshold", type=float, required=True)
    k.add_argument("--precision", type=float, default=0.5)
    k.add_argument("rest", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    if a.cmd == "prepare":
        prepare(a.sets, a.work)
    elif a.cmd == "evaluate":
        evaluate(a.sets, a.work)
    else:
        rest = a.rest[1:] if a.rest[:1] == ["--"] else a.rest
        run_kg(a.model, a.threshold, a.precision, rest)


if __name__ == "__main__":
    main()
