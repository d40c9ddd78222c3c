"""kg.graph.changes: every write keeps the merged graph a set union of the graphs and the
derived graph equal to a computation from scratch (hand-made articles, no model).

The property test replays seeded random sequences of adds, replacements,
removals, rebuilds and curation-like re-extractions, through each public way
to write, and checks both after every step.
"""

from __future__ import annotations

import random

import pyoxigraph as ox
import pytest
from graph.invariants import assert_consistent, count_all_and_distinct  # tests/ on sys.path
from query.handmade import HandExtractor

from kg.graph import article_quads, open_store
from kg.model import Article, Claim, Entity, Extraction, Money
from kg.workflow import add_articles, rebuild, remove_articles

#: Each entity is called by one of its names in an article: label changes happen.
NAMES = {
    "acme": ("Acme Corp", "Acme", "ACME Corporation"),
    "widget": ("Widget Inc", "Widget"),
    "brisk": ("Brisk Analytics", "Brisk"),
    "tarn": ("Tarn Labs",),
    "laura": ("Laura Chen", "Chen"),
    "orion": ("Orion Dynamics", "Orion"),
}
TYPES = {"laura": "Person"}
PREDICATES = ("acquires", "partnerOf", "investsIn", "rivalOf", "sues", "founderOf")
AMOUNTS = (
    None,
    None,
    Money(5e6, "USD"),
    Money(9e6, "USD"),
    Money(5.05e6, "USD"),
    Money(5e6, "EUR"),
)
DATES = (None, None, "2019", "2019-05", "2021")
IDS = tuple(f"a{i}" for i in range(7))


def random_extraction(rng: random.Random, article_id: str, names=None) -> Extraction:
    """An article of up to four claims among a few entities, with amounts, dates and
    polarities drawn so that statements repeat, texts repeat and reports disagree."""
    names = names or NAMES
    keys = sorted(names)
    sentences, claims, start = [], [], 0
    labels = {k: rng.choice(names[k]) for k in keys}
    for _ in range(rng.randint(0, 4)):
        s, o = rng.sample(keys, 2)
        p = rng.choice(PREDICATES)
        sentence = f"{labels[s]} {p} {labels[o]} ({rng.randint(0, 1)})."
        polarity = rng.choices(("asserted", "negated", "hedged"), (6, 2, 1))[0]
        ended = rng.random() < 0.15
        claims.append(
            Claim(
                s,
                p,
                o,
                sentence=sentence,
                sentence_start=start,
                sentence_end=start + len(sentence),
                polarity=polarity,
                amount=rng.choice(AMOUNTS),
                date=rng.choice(DATES),
                attributed_to=rng.choice((None, "laura")),
                confidence=0.8,
                ended=ended,
                end_date=rng.choice(DATES) if ended else None,
            )
        )
        sentences.append(sentence)
        start += len(sentence) + 1
    used = sorted(
        {k for c in claims for k in (c.subject, c.object, c.attributed_to) if k}
        | set(rng.sample(keys, 1))
    )
    entities = tuple(
        Entity(
            k,
            labels[k],
            TYPES.get(k, "Organization"),
            aliases=tuple(n for n in names[k][:2] if n != labels[k]) if rng.random() < 0.5 else (),
        )
        for k in used
    )
    article = Article(
        id=article_id,
        text=" ".join(sentences) or "Nothing happened.",
        title=article_id,
        published=rng.choice((None, "2024-01-02", "2025-06-30")),
        source=rng.choice((None, "Wire A", "Wire B")),
    )
    return Extraction(article, entities, tuple(claims), pipeline="hand 1.0")


def curated(
    ex: Extraction, merge: tuple[str, str] | None = None, label: tuple[str, str] | None = None
) -> Extraction:
    """``ex`` as an extractor with a curation would read it again: entity ``merge[0]`` is
    ``merge[1]``; entity ``label[0]`` is called ``label[1]``."""
    import dataclasses

    def key(k):
        return merge[1] if merge and k == merge[0] else k

    entities: dict[str, Entity] = {}
    for e in ex.entities:
        e = dataclasses.replace(e, key=key(e.key))
        if label and e.key == label[0]:
            e = dataclasses.replace(e, label=label[1])
        entities.setdefault(e.key, e)
    claims = tuple(
        dataclasses.replace(
            c,
            subject=key(c.subject),
            object=key(c.object),
            attributed_to=c.attributed_to and key(c.attributed_to),
        )
        for c in ex.claims
        if key(c.subject) != key(c.object)
    )
    return dataclasses.replace(
        ex, entities=tuple(entities.values()), claims=claims, pipeline="hand 1.1"
    )


def _oxigraph_quads(ex: Extraction) -> list:
    text = "\n".join(f"{s.n3()} {p.n3()} {o.n3()} {g.n3()} ." for s, p, o, g in article_quads(ex))
    return list(ox.parse(text.encode("utf-8"), format=ox.RdfFormat.N_QUADS))


class Replay:
    """Applies random steps to a store and to a record of what it should hold."""

    def __init__(self, store, rng: random.Random):
        self.store, self.rng = store, rng
        self.held: dict[str, Extraction] = {}

    def _add(self, extractions: list[Extraction]) -> None:
        items = [(ex.article.id, ex.article) for ex in extractions]
        add_articles(self.store, items, lambda: HandExtractor(extractions), force=True)
        self.held.update((ex.article.id, ex) for ex in extractions)

    def step(self) -> str:
        rng, store = self.rng, self.store
        kind = rng.choices(
            ("add", "batch", "remove", "python", "load", "rebuild", "curate"), (5, 2, 3, 2, 2, 1, 3)
        )[0]
        if kind == "add":
            self._add([random_extraction(rng, rng.choice(IDS))])
        elif kind == "batch":
            ids = rng.sample(IDS, 3)
            self._add([random_extraction(rng, i) for i in ids])
        elif kind == "remove" and self.held:
            victims = rng.sample(sorted(self.held), min(len(self.held), rng.randint(1, 2)))
            remove_articles(store, victims)
            for v in victims:
                del self.held[v]
        elif kind == "python":  # the documented Python path
            ex = random_extraction(rng, rng.choice(IDS))
            store.put_article(ex.article.id, article_quads(ex))
            self.held[ex.article.id] = ex
        elif kind == "load":  # what kg load does with each graph of a file
            ex = random_extraction(rng, rng.choice(IDS))
            store.put_article_graph(ex.article.id, _oxigraph_quads(ex))
            self.held[ex.article.id] = ex
        elif kind == "rebuild" and self.held:
            again = {i: random_extraction(rng, i) for i in self.held}
            again = {i: ex for i, ex in again.items()}
            # the stored text is what is re-read: keep each article's, change what is found
            again = {
                i: ex.__class__(self.held[i].article, ex.entities, (), "hand 2.0")
                for i, ex in again.items()
            }
            rebuild(store, lambda: HandExtractor(list(again.values())))
            self.held.update(again)
        elif kind == "curate" and self.held:
            a, b = rng.sample(sorted(NAMES), 2)
            change = (
                {"merge": (a, b)}
                if rng.random() < 0.5
                else {"label": (a, rng.choice(("Renamed Co", NAMES[a][-1])))}
            )
            touched = {
                i: curated(ex, **change)
                for i, ex in self.held.items()
                if a in {e.key for e in ex.entities}
            }
            rebuild(store, lambda: HandExtractor(list(touched.values())), ids=touched)
            self.held.update(touched)
        else:
            return "skip"
        return kind


@pytest.mark.parametrize("seed", range(24))
def test_graph_changes_random_sequences_match_a_full_recomputation(tmp_path, seed):
    rng = random.Random(seed)
    with open_store(tmp_path / "store") as store:
        replay = Replay(store, rng)
        done = []
        for _ in range(14):
            done.append(replay.step())
            try:
                assert_consistent(store)
            except AssertionError as exc:
                raise AssertionError(f"seed {seed}, after {done}: {exc}") from None
        assert sorted(store.article_ids()) == sorted(replay.held)


def test_graph_changes_a_triple_leaves_the_merged_graph_with_its_last_graph(tmp_path):
    from query.handmade import story

    buy = ("Acme Corp agreed to buy Widget Inc.", "acme", "acquires", "widget")
    label = "SELECT ?l WHERE { entity:acme rdfs:label ?l }"
    with open_store(tmp_path / "store") as store:
        for i in "abc":
            ex = story(i, buy)
            store.put_article(i, article_quads(ex))
        assert store.select(label) == [{"l": "Acme Corp"}]
        assert len(store.select("SELECT * WHERE { ?a nkg:acquires ?b }")) == 1

        store.remove_article("a")
        store.remove_article("b")
        assert store.select(label) == [{"l": "Acme Corp"}]

        store.remove_article("c")
        assert store.select(label) == []
        assert count_all_and_distinct(store) == (0, 0)


def test_graph_changes_never_recompute_the_whole_store(tmp_path, monkeypatch):
    import kg.graph.changes

    def everything(store):
        raise AssertionError("a write recomputed the whole derived graph")

    monkeypatch.setattr(kg.graph.changes, "rederive", everything)
    rng = random.Random(7)
    with open_store(tmp_path / "store") as store:
        replay = Replay(store, rng)
        for _ in range(10):
            replay.step()
        assert_consistent(store)


def test_graph_changes_named_graph_queries_stay_per_article(tmp_path):
    from query.handmade import story

    buy = ("Acme Corp agreed to buy Widget Inc.", "acme", "acquires", "widget")
    with open_store(tmp_path / "store") as store:
        for i in "ab":
            store.put_article(i, article_quads(story(i, buy)))
        rows = store.select(
            "SELECT ?g WHERE { GRAPH ?g { entity:acme rdfs:label ?l } } ORDER BY ?g"
        )

    assert [r["g"].rsplit("/", 1)[-1] for r in rows] == ["a", "b"]
