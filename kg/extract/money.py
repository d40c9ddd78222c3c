"""Money amounts in text: "$134 billion", "EUR 6m", "13 billion dollars"."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Money

__all__ = ["MoneySpan", "find_money"]

_SYMBOLS = {
    "$": "USD",
    "US$": "USD",
    "\u20ac": "EUR",
    "\u00a3": "GBP",
    "\u00a5": "JPY",
    "C$": "CAD",
    "A$": "AUD",
    "HK$": "HKD",
    "\u20b9": "INR",
    "Rs": "INR",
    "Rs.": "INR",
}
_CODES = {
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "cad": "CAD",
    "aud": "AUD",
    "chf": "CHF",
    "cny": "CNY",
    "inr": "INR",
}
_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "dlr": "USD",
    "dlrs": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pound": "GBP",
    "pounds": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "francs": "CHF",
}
_SCALE = {
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "crore": 1e7,  # Indian English: ten million ("\u20b91,850 crore")
    "crores": 1e7,
    "lakh": 1e5,
    "lakhs": 1e5,
    "thousand": 1e3,
    "k": 1e3,
}

_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SC = (
    r"(?:\s*(?P<scale>trillion|billion|million|thousand|crores?|lakhs?"
    r"|bn|bln|mn|mln|tn|trn|b|m|k)\b)?"
)
_PREFIX_RE = re.compile(
    r"(?P<cur>US\$|HK\$|C\$|A\$|\$|\u20ac|\u00a3|\u00a5|\u20b9|\bRs\.?\s?"
    r"|\b(?:USD|EUR|GBP|JPY|CAD|AUD|CHF|CNY|INR)\s?)" + _NUM + _SC,
    re.IGNORECASE,
)
_SUFFIX_RE = re.compile(
    _NUM + _SC + r"\s+(?P<word>dollars?|dlrs?|euros?|pounds?|yen|yuan|rupees?|francs)\b",
    re.IGNORECASE,
)  # "dlrs": the wire services' dollars ("4.5 mln dlrs")
_PER_UNIT_RE = re.compile(
    r"^\s*(?:(?:per|for\s+each|for\s+every|apiece\b|each\b)\s*\w*|"
    r"(?:a|an|each)\s+(?:year|month|week|day|share|song|unit|hour|annum|"
    r"person|user|subscriber|employee|copy|work|seat|barrel|tonne|ton|"
    r"ounce|vehicle|head)\b)",
    re.IGNORECASE,
)
#: What a company is worth or takes in, not a sum that changes hands: "a group
#: with about \u20ac6.5bn in revenue", "annual sales of $2bn".
_MEASURE_AFTER_RE = re.compile(
    r"^\s*(?:of\s+)?(?:in|of)\s+(?:annual\s+|yearly\s+|combined\s+)?"
    r"(?:revenues?|sales|turnover|assets|profits?|earnings|deposits|losses)\b",
    re.IGNORECASE,
)
_MEASURE_BEFORE_RE = re.compile(
    r"\b(?:revenues?|sales|turnover|assets|profits?|earnings|deposits|losses)\s+"
    r"(?:of\s+)?(?:about|around|nearly|almost|roughly|some|more\s+than|over)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class MoneySpan:
    money: Money
    start: int  # character offsets in the text searched
    end: int
    per_unit: bool = False  # "$150,000 per song": a rate, not an amount
    measure: bool = False  # "\u20ac6.5bn in revenue": a company's size, not an amount

    @property
    def paid(self) -> bool:
        """Whether the sum can be what a claim carries: neither a rate nor a size."""
        return not (self.per_unit or self.measure)


def _value(num: str, scale: str | None) -> float:
    v = float(num.replace(",", ""))
    if scale:
        v *= _SCALE[scale.lower()]
    return v


def find_money(text: str) -> list[MoneySpan]:
    """Every money amount in ``text``.

    >>> [(m.money.value, m.money.currency) for m in find_money("as much as $134 billion")]
    [(134000000000.0, 'USD')]
    >>> text = "a \u20ac15m round and 13 billion dollars"
    >>> [(m.money.value, m.money.currency) for m in find_money(text)]
    [(15000000.0, 'EUR'), (13000000000.0, 'USD')]
    """
    found: list[MoneySpan] = []
    for m in _PREFIX_RE.finditer(text):
        cur = m.group("cur").strip()
        currency = _SYMBOLS.get(cur) or _CODES.get(cur.lower()) or _SYMBOLS.get(cur.upper())
        if currency is None:
            continue
        scale = m.group("scale")
        per = bool(_PER_UNIT_RE.match(text[m.end() :]))
        money = Money(_value(m.group("num"), scale), currency)
        found.append(MoneySpan(money, m.start(), m.end(), per, _measure(text, m)))
    for m in _SUFFIX_RE.finditer(text):
        if any(s.start <= m.start() < s.end for s in found):
            continue
        currency = _WORDS[m.group("word").lower()]
        per = bool(_PER_UNIT_RE.match(text[m.end() :]))
        money = Money(_value(m.group("num"), m.group("scale")), currency)
        found.append(MoneySpan(money, m.start(), m.end(), per, _measure(text, m)))
    return sorted(found, key=lambda s: s.start)


def _measure(text: str, m: re.Match) -> bool:
    return bool(
        _MEASURE_AFTER_RE.match(text[m.end() :]) or _MEASURE_BEFORE_RE.search(text[: m.start()])
    )
