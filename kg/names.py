"""Name normalisation: the keys under which mentions of one entity meet."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["clean_mention", "name_key", "strip_suffix", "acronym", "CORPORATE_SUFFIXES"]

CORPORATE_SUFFIXES = (
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "plc",
    "ag",
    "sa",
    "nv",
    "gmbh",
    "spa",
    "srl",
    "bv",
    "kk",
    "pbc",
    "holdings",
    "group",
    "lp",
    "llp",
)
_SUFFIX_RE = re.compile(
    r"(?:,?\s+(?:(?:and|&)\s+co|" + "|".join(CORPORATE_SUFFIXES) + r")\.?)+$", re.IGNORECASE
)
_POSSESSIVE_RE = re.compile(r"(?:'s|'|\u2019s|\u2019)$")
_LEADING_THE_RE = re.compile(r"^the\s+", re.IGNORECASE)


def clean_mention(text: str) -> str:
    """The surface form of a mention without a leading "the", a possessive
    or stray punctuation.

    >>> clean_mention("the New York Post's")
    'New York Post'
    >>> clean_mention("Elon Musk\u2019s")
    'Elon Musk'
    """
    s = " ".join(text.split())
    s = s.strip(" ,;:\"'()[]<>\u201c\u201d\u2018\u2014-")
    s = _POSSESSIVE_RE.sub("", s).rstrip()
    s = _LEADING_THE_RE.sub("", s)
    return s.strip(" ,;:\"'()[]<>\u201c\u201d")


def strip_suffix(name: str) -> str:
    """Drop corporate suffixes such as Inc. or Corp.

    >>> strip_suffix("Microsoft Corp.")
    'Microsoft'
    >>> strip_suffix("Merrill Lynch and Co Inc")
    'Merrill Lynch'
    """
    stripped = _SUFFIX_RE.sub("", name).strip(" ,")
    return stripped or name


def name_key(name: str) -> str:
    """A case- and punctuation-insensitive key of a name.

    >>> name_key("The Microsoft Corp.'s")
    'microsoft'
    >>> name_key("X.AI")
    'xai'
    """
    s = clean_mention(name)
    s = strip_suffix(s)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode() or s
    s = s.lower().replace("&", " and ")
    s = re.sub(r"[.\u2019']", "", s)
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return " ".join(s.split())


def acronym(name: str) -> str | None:
    """The initials of a multi-word name ("Department of Defense" -> "DOD").

    >>> acronym("Federal Trade Commission")
    'FTC'
    """
    words = [w for w in re.split(r"[\s-]+", strip_suffix(clean_mention(name))) if w]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words if w[0].isalnum()).upper()
