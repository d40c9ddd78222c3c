"""The shipped table of well-known entities (``kg/data/known_entities.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from ..errors import ConfigError
from ..model import COARSE_TYPES
from ..names import name_key
from .places import load_places

__all__ = ["KnownEntity", "Gazetteer", "load_gazetteer"]


@dataclass(frozen=True)
class KnownEntity:
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


class Gazetteer:
    """Known entities, looked up by any of their names' keys, and known places
    (the keys of :func:`kg.extract.places.load_places`)."""

    def __init__(self, entries: list[KnownEntity], places: frozenset[str] = frozenset()):
        self.entries = entries
        self.places = places
        self._by_key: dict[str, KnownEntity] = {}
        for e in entries:
            for n in e.names:
                self._by_key.setdefault(name_key(n), e)

    def lookup(self, name: str) -> KnownEntity | None:
        return self._by_key.get(name_key(name))

    def is_place(self, name: str) -> bool:
        """Whether ``name`` is a known place, or a known entity that is a place."""
        known = self.lookup(name)
        return name_key(name) in self.places if known is None else known.type == "Place"

    def __len__(self) -> int:
        return len(self.entries)


def _parse(data: object, origin: str) -> list[KnownEntity]:
    if not isinstance(data, list):
        raise ConfigError(f"{origin}: expected a list of entities")
    out = []
    for i, row in enumerate(data, 1):
        if not isinstance(row, dict) or not row.get("name"):
            raise ConfigError(f"{origin}: entry {i} has no name")
        typ = row.get("type", "Other")
        if typ not in COARSE_TYPES:
            raise ConfigError(f"{origin}: entry {i} ({row['name']}) has unknown type {typ!r}")
        out.append(
            KnownEntity(
                name=str(row["name"]),
                type=typ,
                aliases=tuple(str(a) for a in row.get("aliases") or ()),
                wikidata=row.get("wikidata"),
            )
        )
    return out


@lru_cache(maxsize=4)
def load_gazetteer(path: str | None = None) -> Gazetteer:
    """The shipped table, or the one at ``path``."""
    if path is None:
        text = resources.files("kg").joinpath("data/known_entities.yaml").read_text("utf-8")
        origin = "known_entities.yaml"
    else:
        try:
            text = Path(path).read_text("utf-8")
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read ({exc.strerror})") from None
        origin = path
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise ConfigError(f"{origin}: not valid YAML ({exc})") from None
    return Gazetteer(_parse(data, origin), load_places())


def _surname_index(gazetteer: Gazetteer) -> dict[str, list[KnownEntity]]:
    index: dict[str, list[KnownEntity]] = {}
    for e in gazetteer.entries:
        if e.type == "Person" and " " in e.name:
            index.setdefault(name_key(e.name.split()[-1]), []).append(e)
    return index


def lookup_surname(gazetteer: Gazetteer, name: str) -> KnownEntity | None:
    """The one known person with this surname, if exactly one ("Musk")."""
    index = getattr(gazetteer, "_surnames", None)
    if index is None:
        index = gazetteer._surnames = _surname_index(gazetteer)  # type: ignore[attr-defined]
    hits = index.get(name_key(name), [])
    return hits[0] if len(hits) == 1 else None
