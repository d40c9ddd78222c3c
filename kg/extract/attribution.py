"""Who an article says a statement comes from: "X said", "according to X"."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

from ..model import EntityType
from .resolve import DocEntities, DocEntity

__all__ = ["sentence_sources", "quote_sources"]

_QUOTES = '"\u201c\u201d'


def _speaker(tok, ents: DocEntities, described=None) -> DocEntity | None:
    e = ents.at(tok)
    if e is None and described is not None and tok.pos_ == "NOUN":
        e = described(tok)  # "a group led by Jane Doe said ...": Jane Doe
    if e is None and tok.lower_ in ("he", "she"):
        e = ents.antecedent(tok, (EntityType.PERSON,))
    if e is None and tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ in ("appos", "compound") and ents.at(c):
                e = ents.at(c)
    if e is not None and e.type in (EntityType.PERSON, EntityType.ORGANIZATION):
        return e
    return None


def sentence_sources(
    sent, ents: DocEntities, described: Callable | None = None
) -> list[tuple[DocEntity, object, object]]:
    """(source, speech verb or "according", the source's phrase) found in one sentence
    (the speech verbs are those ``ents`` was resolved with); ``described`` gives the one
    entity a noun phrase stands for, if any ("a group led by Jane Doe")."""
    out = []
    for tok in sent:
        if tok.lower_ == "according" and tok.dep_ in ("prep", "advmod", "case"):
            for to in tok.children:
                for obj in to.children if to.lower_ == "to" else ():
                    e = _speaker(obj, ents, described)
                    if e:
                        out.append((e, tok, obj))
        elif tok.pos_ == "VERB" and tok.lemma_.lower() in ents.speech_verbs:
            deps = {c.dep_ for c in tok.children}
            if "dobj" in deps and not deps & {"ccomp", "parataxis"}:
                continue  # "added support for X" reports nothing
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subjects and tok.i > 0 and ents.at(tok.doc[tok.i - 1]) is not None:
                # "..., the New York Post reported." parsed without a subject
                subjects = [tok.doc[tok.i - 1]]
            for c in subjects:
                e = _speaker(c, ents, described)
                if e:
                    out.append((e, tok, c))
    return out


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], None
    for i, ch in enumerate(text):
        if ch in _QUOTES:
            if start is None:
                start = i
            elif ch != "\u201c":
                spans.append((start, i + 1))
                start = None
    return spans


def quote_sources(doc, said: dict[int, list]) -> dict[tuple[int, int], DocEntity]:
    """(start, end) of each quotation -> its speaker, named in the same
    sentence or the next ones of the paragraph ('"...," she said.'), else in the
    sentence before it in the paragraph (a quotation that goes on).

    ``said`` maps each sentence's start token to its :func:`sentence_sources`.
    """
    sents = list(doc.sents)
    ends = [s.end_char for s in sents]
    out: dict[tuple[int, int], DocEntity] = {}
    text = doc.text  # built anew on each access
    for span in _quoted_spans(text):
        first = bisect_right(ends, span[0])
        for nxt in sents[first : first + 3]:
            if "\n\n" in text[span[0] : nxt.start_char]:
                break
            found = said.get(nxt.start)
            if found:
                out[span] = found[0][0]
                break
        if span not in out:
            # a quotation that goes on after its speaker is named: '"...," said Jane
            # Doe. "And more ..."' in the same paragraph
            for prev in reversed(sents[max(0, first - 2) : first]):
                if "\n\n" in text[prev.end_char : span[0]]:
                    break
                found = said.get(prev.start)
                if found:
                    out[span] = found[0][0]
                    break
    return out
