"""Time expressions resolved to ISO dates against the publication date."""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["resolve_date", "parse_iso_date"]

_MONTHS = {
    m: i
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
        1,
    )
}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_WEEKDAYS = {
    d: i
    for i, d in enumerate(
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    )
}

_YEAR = r"(?P<year>(?:1[89]|20)\d{2})"  # "founded in 1875" too
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?![a-z])\.?"
)
_FULL_MDY = re.compile(_MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR, re.I)
_FULL_DMY = re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r",?\s+" + _YEAR, re.I)
_ISO = re.compile(r"\b" + _YEAR + r"-(?P<m>\d{2})-(?P<d>\d{2})\b")
_MON_YEAR = re.compile(_MON + r",?\s+(?:of\s+)?" + _YEAR, re.I)
_MON_DAY = re.compile(_MON + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b", re.I)
_DAY_MON = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MON + r"\b", re.I)
_MONTH_ONLY = re.compile(r"\b" + _MON + r"(?!\s*\d)", re.I)
_YEAR_ONLY = re.compile(r"\b" + _YEAR + r"\b")
_WEEKDAY = re.compile(r"\b(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)


_SEASON = re.compile(r"\b(?P<which>last|this|past)\s+(?P<season>spring|summer|autumn|fall)\b")
#: The last month of each season (northern hemisphere, as the news writes it).
_SEASON_END = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11}


def parse_iso_date(text: str | None) -> date | None:
    """The date of an ISO string (its first ten characters), or None."""
    if not text:
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        return None


def _month(name: str) -> int:
    return _MONTHS[name.rstrip(".")[:3]]


def _ymd(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def resolve_date(expr: str, published: date | None) -> str | None:
    """An ISO date, year-month or year for a time expression, or None.

    >>> resolve_date("on Tuesday", date(2026, 11, 25))
    '2026-11-24'
    >>> resolve_date("in 2015", None)
    '2015'
    >>> resolve_date("last year", date(2026, 11, 25))
    '2025'
    >>> resolve_date("Jan. 23, 2023", None)
    '2023-01-23'
    >>> resolve_date("earlier this month", date(2026, 11, 25))
    '2026-11'
    >>> resolve_date("since last summer", date(2026, 2, 3))
    '2025'
    >>> resolve_date("more than a decade ago", date(2026, 2, 3)) is None
    True
    """
    s = expr.strip().lower()
    return _absolute(s) or (_relative(s, published) if published is not None else None) or _year(s)


def _absolute(s: str) -> str | None:
    """A date the words give in full: "2024-03-05", "Jan. 23, 2023", "March 2024"."""
    if m := _ISO.search(s):
        return _ymd(int(m["year"]), int(m["m"]), int(m["d"]))
    if m := _FULL_MDY.search(s) or _FULL_DMY.search(s):
        return _ymd(int(m["year"]), _month(m["mon"]), int(m["day"]))
    if m := _MON_YEAR.search(s):
        return f"{int(m['year']):04d}-{_month(m['mon']):02d}"
    return None


def _relative(s: str, published: date) -> str | None:
    """A date relative to the publication date: "Jan. 23", "in March", "on Tuesday",
    "last year", "last summer", "this month"."""
    if m := _MON_DAY.search(s) or _DAY_MON.search(s):
        month = _month(m["mon"])
        year = published.year - (1 if month > published.month else 0)
        return _ymd(year, month, int(m["day"]))
    if m := _MONTH_ONLY.search(s):
        month = _month(m["mon"])
        year = published.year - (1 if month > published.month else 0)
        return f"{year:04d}-{month:02d}"
    if m := _WEEKDAY.search(s):
        back = (published.weekday() - _WEEKDAYS[m["wd"]]) % 7
        if "last" in s.split() and back == 0:
            back = 7
        return (published - timedelta(days=back)).isoformat()
    return _relative_words(s, published)


def _relative_words(s: str, published: date) -> str | None:
    if re.search(r"\byesterday\b", s):
        return (published - timedelta(days=1)).isoformat()
    if re.search(r"\btoday\b", s):
        return published.isoformat()
    if re.search(r"\blast year\b|\ba year ago\b|\bprevious year\b", s):
        return str(published.year - 1)
    if re.search(r"\bthis year\b|\bearlier this year\b", s):
        return str(published.year)
    if re.search(r"\bnext year\b", s):
        return str(published.year + 1)
    if m := _SEASON.search(s):
        # the season of that name that ended last, or the one of this year
        ended = published.month > _SEASON_END[m["season"]]
        last = m["which"] in ("last", "past")
        return str(published.year - (1 if last and not ended else 0))
    if re.search(r"\bthis month\b", s):
        return f"{published.year:04d}-{published.month:02d}"
    if re.search(r"\blast month\b", s):
        first = published.replace(day=1) - timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}"
    return None


def _year(s: str) -> str | None:
    if m := _YEAR_ONLY.search(s):
        return m["year"]
    return None
