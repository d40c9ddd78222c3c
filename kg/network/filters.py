"""The filters every network command and export takes: predicates, types, dates, sources, support.

Dates may be a year, a year and month, or a full date, and compare by
prefix: ``since="2025"`` keeps 2025-01-01 on, ``until="2025-06"`` keeps up
to the end of June 2025.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import KGError
from ..model import COARSE_TYPES
from ..predicates import PREDICATES

__all__ = ["Filters"]

_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _canonical(values, known: tuple[str, ...], what: str) -> tuple[str, ...]:
    by_lower = {k.lower(): k for k in known}
    out = []
    for value in values:
        for part in str(value).split(","):
            part = part.strip()
            if not part:
                continue
            if part.lower() not in by_lower:
                raise KGError(f"unknown {what} {part!r}; use one of {', '.join(known)}")
            if by_lower[part.lower()] not in out:
                out.append(by_lower[part.lower()])
    return tuple(out)


@dataclass(frozen=True)
class Filters:
    """Which claims and articles a network is built from.

    Parameters
    ----------
    predicates : claim predicates to keep (any case, comma-separated allowed); all if empty.
    types : entity types to keep (Person, Organization, Place, Product, Other); all if empty.
    since, until : date range, inclusive, on the article's publication date (for a claim
        in an article without one, the claim's own date).
    sources : outlets to keep (case-insensitive); all if empty.
    min_support : the least number of distinct articles an edge needs.
    as_of : the graph as it stood on that date: claims reported by then, less the
        relations the articles say had ended by then.

    Examples
    --------
    >>> f = Filters(predicates=("SUES,investsin",), since="2025")
    >>> f.predicates
    ('sues', 'investsIn')
    >>> f.date_passes("2025-04-29"), f.date_passes("2024-12-31"), f.date_passes(None)
    (True, False, False)
    >>> Filters(types=("robot",))
    Traceback (most recent call last):
    ...
    kg.errors.KGError: unknown entity type 'robot'; use one of Person, Organization, Place, \
Product, Other
    """

    predicates: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    sources: tuple[str, ...] = ()
    min_support: int = 1
    as_of: str | None = None

    def __post_init__(self):
        object.__setattr__(self, "predicates", _canonical(self.predicates, PREDICATES, "predicate"))
        object.__setattr__(self, "types", _canonical(self.types, COARSE_TYPES, "entity type"))
        sources = tuple(s.strip() for v in self.sources for s in str(v).split(",") if s.strip())
        object.__setattr__(self, "sources", sources)
        for name in ("since", "until", "as_of"):
            value = getattr(self, name)
            if value is not None:
                value = str(value).strip()
                if not _DATE.match(value):
                    raise KGError(
                        f"--{name.replace('_', '-')} {value!r} is not a date "
                        "(YYYY, YYYY-MM or YYYY-MM-DD)"
                    )
                object.__setattr__(self, name, value)
        if self.since and self.until and self.since[: len(self.until)] > self.until:
            raise KGError(f"--since {self.since} is after --until {self.until}")
        if int(self.min_support) < 1:
            raise KGError("--min-support must be at least 1")

    # ------------------------------------------------------------------ tests
    @property
    def has_dates(self) -> bool:
        return bool(self.since or self.until)

    def holds_at(self, date: str | None, ended: bool, end_date: str | None) -> bool:
        """With ``as_of``: reported by then (``date``) and not yet over."""
        if not self.as_of:
            return True
        if not date or date[: len(self.as_of)] > self.as_of[: len(date)]:
            return False
        if ended and (not end_date or end_date[: len(self.as_of)] <= self.as_of[: len(end_date)]):
            return False
        return True

    def predicate_passes(self, predicate: str) -> bool:
        return not self.predicates or predicate in self.predicates

    def type_passes(self, entity_type: str) -> bool:
        return not self.types or entity_type in self.types

    def source_passes(self, source: str | None) -> bool:
        if not self.sources:
            return True
        return source is not None and source.casefold() in {s.casefold() for s in self.sources}

    def date_passes(self, date: str | None) -> bool:
        """True when ``date`` is in range; a missing date passes only when no range is set."""
        if not self.has_dates:
            return True
        if not date:
            return False
        if self.since and date[: len(self.since)] < self.since[: len(date)]:
            return False
        if self.until and date[: len(self.until)] > self.until[: len(date)]:
            return False
        return True

    # ------------------------------------------------------------ description
    @property
    def is_empty(self) -> bool:
        return self == Filters()

    def describe(self) -> str:
        """The filters in words, for titles and pages ("" when there are none).

        >>> Filters(predicates=("sues",), since="2025", min_support=2).describe()
        'predicates sues; since 2025; at least 2 articles'
        """
        parts = []
        if self.predicates:
            parts.append("predicates " + ", ".join(self.predicates))
        if self.types:
            parts.append("types " + ", ".join(self.types))
        if self.since:
            parts.append(f"since {self.since}")
        if self.until:
            parts.append(f"until {self.until}")
        if self.sources:
            parts.append("sources " + ", ".join(self.sources))
        if self.min_support > 1:
            parts.append(f"at least {self.min_support} articles")
        if self.as_of:
            parts.append(f"as of {self.as_of}")
        return "; ".join(parts)
