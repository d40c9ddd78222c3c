"""Dates as precise as an article gives them, and the claims that stood on a day.

Dates are ISO strings as precise as the article was: ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``. They compare as strings once padded to a day. Pure functions of
claim dicts: the store is read by :mod:`kg.query.listing` and
:mod:`kg.query.timeline`.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from ..errors import KGError
from ..graph.derive import statement_key

__all__ = ["parse_as_of", "period_start", "claims_as_of"]

_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_as_of(text: str) -> str:
    """The last day a date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) covers, as ``YYYY-MM-DD``.

    Raises :class:`~kg.errors.KGError` for anything else.

    >>> parse_as_of("2025")
    '2025-12-31'
    >>> parse_as_of("2024-02")
    '2024-02-29'
    >>> parse_as_of("2026-03-10")
    '2026-03-10'
    """
    m = _DATE_RE.match(str(text).strip())
    try:
        if m is None:
            raise ValueError
        year, month, day = int(m[1]), int(m[2] or 12), m[3]
        last = calendar.monthrange(year, month)[1]
        return date(year, month, int(day) if day else last).isoformat()
    except ValueError:
        raise KGError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from None


def period_start(value: str) -> str:
    """The first day of a date as precise as the article said it.

    >>> period_start("2022"), period_start("2022-05"), period_start("2022-05-17")
    ('2022-01-01', '2022-05-01', '2022-05-17')
    """
    value = value[:10]
    return value + "-01-01" if len(value) == 4 else value + "-01" if len(value) == 7 else value


def claims_as_of(claims: list[dict], published: dict[str, str | None], as_of: str) -> list[dict]:
    """The claims (dicts of :func:`~kg.query.listing.list_claims`) that stood on
    ``as_of`` (a ``YYYY-MM-DD`` day); ``published`` maps article ids to dates.

    A claim stands when its article was out by then (for an undated article:
    when the claim's own date had come) and its relation had not ended before
    that day. A relation ends where an article says so: on the end date it
    gives, else (a "former chief executive") by the day that article came out.
    An end also retires the earlier reports of the same relation; a report
    after the end stands again.
    """

    def seen(c: dict) -> str | None:
        when = published.get(c["article"]) or c.get("date")
        return period_start(when) if when else None

    visible = [c for c in claims if (seen(c) or "9999") <= as_of]
    ends: dict[tuple, str] = {}
    for c in visible:
        if c["ended"] and c["polarity"] == "asserted":
            end = period_start(c["end_date"]) if c.get("end_date") else seen(c)
            key = statement_key(c["subject"]["iri"], c["predicate"], c["object"]["iri"])
            if end < as_of or not c.get("end_date"):
                ends[key] = max(ends.get(key, ""), end)
    out = []
    for c in visible:
        key = statement_key(c["subject"]["iri"], c["predicate"], c["object"]["iri"])
        if c["ended"] and (not c.get("end_date") or period_start(c["end_date"]) < as_of):
            continue
        if c["polarity"] == "asserted" and key in ends and seen(c) <= ends[key]:
            continue
        out.append(c)
    return out
