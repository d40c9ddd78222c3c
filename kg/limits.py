"""Limits on what kg reads, so that one hostile or broken input cannot exhaust the machine.

Each limit has a default that fits news articles and an environment variable
that raises it:

``KG_MAX_CHARS``
    The longest article text, in characters (default 1,000,000: spaCy's own
    limit, which kg raises to match). Longer texts are refused with a message.
``KG_READ_TIMEOUT``
    Seconds that reading one article may take (default 60): HTML main-text
    extraction above all.

>>> max_chars({})
1000000
>>> max_chars({"KG_MAX_CHARS": "2500000"})
2500000
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from .errors import ConfigError

__all__ = [
    "DEFAULT_MAX_CHARS",
    "DEFAULT_READ_TIMEOUT",
    "MAX_HTML_BYTES",
    "max_chars",
    "max_file_bytes",
    "max_line_bytes",
    "read_timeout",
]

DEFAULT_MAX_CHARS = 1_000_000
DEFAULT_READ_TIMEOUT = 60.0
#: The largest HTML file or page read (markup weighs more than the text it holds).
MAX_HTML_BYTES = 20 * 1024 * 1024
_SLACK = 64 * 1024  # front matter, markup and line ends around the text


def _number(env: Mapping[str, str], name: str, default: float, kind=int):
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = kind(raw.replace("_", ""))
    except ValueError:
        raise ConfigError(f"{name}={raw!r} is not a number") from None
    if value <= 0:
        raise ConfigError(f"{name}={raw!r} must be above 0")
    return value


def max_chars(env: Mapping[str, str] | None = None) -> int:
    """The longest article text kg reads, in characters (``KG_MAX_CHARS``)."""
    return _number(os.environ if env is None else env, "KG_MAX_CHARS", DEFAULT_MAX_CHARS)


def read_timeout(env: Mapping[str, str] | None = None) -> float:
    """Seconds that reading one article may take (``KG_READ_TIMEOUT``)."""
    return _number(
        os.environ if env is None else env, "KG_READ_TIMEOUT", DEFAULT_READ_TIMEOUT, float
    )


def max_file_bytes(html: bool = False) -> int:
    """The largest article file read: room for the longest text in UTF-8 (4 bytes a
    character at most), or :data:`MAX_HTML_BYTES` for HTML if that is more."""
    text = 4 * max_chars() + _SLACK
    return max(text, MAX_HTML_BYTES) if html else text


def max_line_bytes() -> int:
    """The longest JSON line read: the longest text with every character escaped."""
    return 6 * max_chars() + _SLACK
