"""HTML pages as articles: the main text, title, date and site name, by trafilatura.

Imported only when an HTML file or a web page is read (trafilatura is slow to import);
the reader registry (:data:`kg.ingest.readers.READERS`) names it for .html and .htm.
"""

from __future__ import annotations

import re
from pathlib import Path

import trafilatura

from kg.errors import InputError
from kg.ingest.readers import _article, _check_id, _read_text, display_path, iso_date
from kg.model import Article

__all__ = ["html_to_article", "read_html", "MAX_ATTRIBUTES"]

#: Most attributes one HTML tag may have: libxml2 takes quadratic time over them.
MAX_ATTRIBUTES = 1000
_LONG_TAG = re.compile(r"<[A-Za-z][^<>]{4000,}>")
_ATTRIBUTE = re.compile(r"\s[^\s=/>]+")


def html_to_article(html: str, *, id: str, origin: str, url: str | None = None) -> Article:
    """Extract the main text, title, date and site name of an HTML page with trafilatura.

    Navigation, footers and comments are left out. ``source`` is the site name
    from the page metadata, or None. Raises InputError when no main text is found,
    and for a page no browser would serve whole (a tag with more than
    :data:`MAX_ATTRIBUTES` attributes, which the HTML parser takes minutes over).
    """
    _check_markup(html, origin)
    try:
        doc = trafilatura.bare_extraction(
            html,
            include_comments=False,
            include_tables=True,
            with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except RecursionError:
        raise InputError(f"{origin}: the page is nested too deeply to read") from None
    text = (getattr(doc, "text", None) or "").replace("\r\n", "\n").strip()
    if not text:
        raise InputError(f"{origin}: no main text found in the page")
    try:
        published = iso_date(getattr(doc, "date", None))
    except ValueError:
        published = None  # page metadata is a hint, not something the user wrote
    return _article(
        origin,
        id=id,
        text=text,
        title=(getattr(doc, "title", None) or "").strip() or None,
        published=published,
        source=(getattr(doc, "sitename", None) or "").strip() or None,
        url=url,
        origin=origin,
    )


def _check_markup(html: str, origin: str) -> None:
    """Refuse a page whose tags carry more attributes than a page needs (checked on long
    tags only, in linear time)."""
    for match in _LONG_TAG.finditer(html):
        count = len(_ATTRIBUTE.findall(match.group()))
        if count > MAX_ATTRIBUTES:
            raise InputError(
                f"{origin}: an HTML tag with {count:,} attributes (kg reads pages "
                f"with up to {MAX_ATTRIBUTES:,} a tag)"
            )


def read_html(path: Path) -> list[Article]:
    """Read an HTML file: its main text, and title and date from the page metadata."""
    origin = display_path(path)
    _check_id(path.stem, origin, from_name=True)
    return [html_to_article(_read_text(path, origin, html=True), id=path.stem, origin=origin)]
