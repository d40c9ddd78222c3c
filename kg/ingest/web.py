"""Read articles from web pages and from the pages an RSS or Atom feed links to."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import http.client
import io
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from email.message import Message

from kg.errors import InputError
from kg.ingest.readers import iso_date, time_limit
from kg.model import Article

__all__ = ["USER_AGENT", "MAX_BYTES", "fetch_url", "read_feed", "url_slug"]

USER_AGENT = "kg/0.1"

#: Pages and feeds larger than this are refused rather than read into memory.
MAX_BYTES = 20 * 1024 * 1024

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_PAGE_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1"
_FEED_ACCEPT = "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1"
_SLUG_MAX = 120


def url_slug(url: str) -> str:
    """An article id made of a URL's host and path.

    Examples
    --------
    >>> url_slug("https://news.example.org/2026/11/24/story.html")
    'news-example-org-2026-11-24-story'
    """
    parts = urllib.parse.urlsplit(url)
    path = re.sub(r"\.(html?|php|aspx?)$", "", parts.path, flags=re.IGNORECASE)
    raw = f"{parts.hostname or ''}-{parts.port or ''}-{path}-{parts.query}"
    slug = re.sub(r"[^a-z0-9]+", "-", raw.lower()).strip("-") or "page"
    if len(slug) > _SLUG_MAX:  # keep ids short but distinct
        digest = hashlib.sha1(url.encode("utf-8")).hexdigest()[:10]
        slug = f"{slug[: _SLUG_MAX - 11].rstrip('-')}-{digest}"
    return slug


def _check_url(url: str) -> None:
    if urllib.parse.urlsplit(url).scheme.lower() not in ("http", "https"):
        raise InputError(f"{url}: not an http(s) URL")


def _line(reason) -> str:
    """A reason on one line (urllib's redirect-loop message spans three)."""
    return " ".join(str(reason).split())


def _get(url: str, *, timeout: float, accept: str) -> tuple[bytes, Message]:
    """GET a URL and return its body and headers; every failure is an InputError."""
    _check_url(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": accept})
    # A fresh opener per call, so proxy settings are read from the environment as it is now.
    opener = urllib.request.build_opener()
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(MAX_BYTES + 1)
            headers = response.headers
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: HTTP error {exc.code} ({_line(exc.reason)})") from None
    except urllib.error.URLError as exc:
        raise InputError(f"{url}: cannot fetch ({_line(exc.reason)})") from None
    except TimeoutError:
        raise InputError(f"{url}: timed out after {timeout:g} s") from None
    except (OSError, http.client.HTTPException, ValueError) as exc:
        raise InputError(f"{url}: cannot fetch ({_line(exc) or type(exc).__name__})") from None
    if len(data) > MAX_BYTES:
        raise InputError(f"{url}: larger than {MAX_BYTES // (1024 * 1024)} MiB")
    return data, headers


def _decode(data: bytes, headers: Message) -> str:
    charset = headers.get_content_charset() or "utf-8"
    try:
        return data.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know
        return data.decode("utf-8", errors="replace")


def fetch_url(url: str, *, timeout: float = 20.0) -> Article:
    """Fetch a web page and extract its article as the HTML reader does.

    The id is a slug of the host and path, ``url`` the URL, and ``source`` the
    site name from the page metadata or else the host. Network and HTTP errors,
    content that is not HTML and pages without main text raise InputError.
    """
    data, headers = _get(url, timeout=timeout, accept=_PAGE_ACCEPT)
    if headers.get("Content-Type") is not None:
        content_type = headers.get_content_type()
        if content_type not in _HTML_TYPES:
            raise InputError(f"{url}: not an HTML page ({content_type})")
    if not data.strip():
        raise InputError(f"{url}: empty page")
    with time_limit(None, url):
        # deferred: kg.ingest.html imports trafilatura, slow to import; only pages need it
        from kg.ingest.html import html_to_article

        article = html_to_article(_decode(data, headers), id=url_slug(url), origin=url, url=url)
    if article.source is None:
        article = dataclasses.replace(article, source=urllib.parse.urlsplit(url).hostname)
    return article


def _entry_date(entry: dict) -> str | None:
    """The ISO date of a feed entry (published, else updated), or None."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(*parsed[:3]).isoformat()
    for key in ("published", "updated"):
        try:
            date = iso_date(entry.get(key))
        except ValueError:
            continue
        if date:
            return date
    return None


def read_feed(url: str, *, timeout: float = 20.0) -> Iterator[Article | InputError]:
    """Read the articles an RSS or Atom feed links to, fetching each page with fetch_url.

    The entry's title and published date fill in what the page lacks. A feed
    that cannot be fetched or parsed yields one InputError; an entry whose page
    fails yields an InputError and the other entries go on.
    """
    import feedparser  # imported lazily: only feeds need it

    try:
        data, headers = _get(url, timeout=timeout, accept=_FEED_ACCEPT)
    except InputError as exc:
        yield exc
        return
    # A stream, never a string: feedparser would fetch a string that looks like a URL.
    feed = feedparser.parse(
        io.BytesIO(data),
        response_headers={
            "content-type": headers.get("Content-Type", "application/xml"),
            "content-location": url,
        },
    )
    if not feed.entries and (feed.bozo or not feed.version):
        reason = feed.get("bozo_exception") or "no entries"
        yield InputError(f"{url}: not an RSS or Atom feed ({_line(reason)})")
        return
    for number, entry in enumerate(feed.entries, start=1):
        link = entry.get("link")
        title = (entry.get("title") or "").strip() or None
        if not link:
            yield InputError(f"{url}: entry {number} ({_line(title or 'untitled')}) has no link")
            continue
        try:
            article = fetch_url(link, timeout=timeout)
        except InputError as exc:
            yield exc
            continue
        yield dataclasses.replace(
            article,
            title=article.title or title,
            published=article.published or _entry_date(entry),
        )
