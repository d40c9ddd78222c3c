"""Tests of kg.ingest.web against a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kg.errors import InputError
from kg.ingest import fetch_url, iter_articles, read_feed, url_slug
from kg.model import Article

pytestmark = pytest.mark.network

PARAGRAPHS = """
<p>Acme Corporation said on Tuesday that it would acquire Widgets Ltd for two billion
dollars, in a deal that its board approved without a single vote against it.</p>
<p>The chief executive of Acme, Jane Doe, told reporters that the purchase would double
the output of industrial sprockets at the company within the next two years.</p>
<p>Widgets Ltd, founded in Leeds in 1990, has been a rival of Acme for decades, and
regulators are expected to look at the deal closely before the summer.</p>
"""

PAGE_ONE = f"""<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Acme buys Widgets | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2026-11-24T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World news section</a></nav>
<article><h1>Acme buys Widgets</h1>{PARAGRAPHS}</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>
"""

# No title, no date, no site name: the feed entry and the host fill them in.
PAGE_TWO = """<!doctype html>
<html><head><meta charset="iso-8859-1"></head><body>
<div class="content">
<p>Zürich Sprockets AG said it was suing Acme Corporation over a patent on the
self-oiling sprocket, which it says Acme copied from a design it filed in 2019.</p>
<p>A lawyer for Acme said the company would defend itself and that the claim had no
merit, adding that Acme had developed the sprocket on its own over many years.</p>
</div>
</body></html>
"""


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
<title>Example News</title><link>{base}/</link><description>News</description>
<item><title>Acme buys Widgets</title><link>{base}/2026/11/24/acme.html</link>
<pubDate>Tue, 24 Nov 2026 10:00:00 GMT</pubDate></item>
<item><title>Sprockets AG sues Acme</title><link>{base}/2026/11/25/sprockets</link>
<pubDate>Wed, 25 Nov 2026 09:30:00 GMT</pubDate></item>
<item><title>Gone</title><link>{base}/missing</link></item>
</channel></rss>
"""


def ua_page(user_agent: str | None) -> str:
    return (
        "<html><body><article><p>This page was asked for by the user agent called "
        f"{user_agent}, and it says so in a sentence long enough to be kept.</p>"
        "</article></body></html>"
    )


class Handler(BaseHTTPRequestHandler):
    """Serves the fixture pages; everything else is a 404."""

    def do_GET(self) -> None:
        host, port = self.server.server_address[:2]
        base = f"http://{host}:{port}"
        routes = {
            "/2026/11/24/acme.html": ("text/html; charset=utf-8", PAGE_ONE.encode("utf-8")),
            "/2026/11/25/sprockets": ("text/html; charset=iso-8859-1", PAGE_TWO.encode("latin-1")),
            "/feed.xml": ("application/rss+xml; charset=utf-8", rss(base).encode("utf-8")),
            "/logo.png": ("image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
            "/ua": ("text/html", ua_page(self.headers.get("User-Agent")).encode()),
        }
        if self.path == "/loop":  # redirects to itself for ever
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if self.path not in routes:
            self.send_error(404, "Not Found")
            return
        content_type, body = routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output quiet."""


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch) -> None:
    """Make sure no request leaves loopback through a proxy set in the environment."""
    for name in (
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("no_proxy", "*")
    monkeypatch.setenv("NO_PROXY", "*")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """A local HTTP server; yields its base URL."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture()
def closed_port() -> int:
    """A loopback port that nothing listens on."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_web_url_slug():
    assert url_slug("https://news.example.org/2026/11/24/story") == (
        "news-example-org-2026-11-24-story"
    )
    assert url_slug("http://127.0.0.1:8080/a.html?id=3") == "127-0-0-1-8080-a-id-3"
    assert len(url_slug("https://example.org/" + "x/" * 200)) <= 120


def test_web_fetch_url(server):
    url = f"{server}/2026/11/24/acme.html"
    article = fetch_url(url, timeout=5)
    assert article.url == url
    assert article.origin == url
    assert article.id == url_slug(url)
    assert article.id.endswith("-2026-11-24-acme")
    assert article.title == "Acme buys Widgets"
    assert article.published == "2026-11-24"
    assert article.source == "Example News"
    assert "Acme Corporation said on Tuesday" in article.text
    assert "World news section" not in article.text


def test_web_fetch_url_charset_and_host_as_source(server):
    article = fetch_url(f"{server}/2026/11/25/sprockets", timeout=5)
    assert "Zürich Sprockets AG" in article.text
    assert article.source == "127.0.0.1"


def test_web_fetch_url_user_agent(server):
    assert "user agent called kg/0.1," in fetch_url(f"{server}/ua", timeout=5).text


def test_web_fetch_url_404(server):
    with pytest.raises(InputError, match=r"/missing: HTTP error 404"):
        fetch_url(f"{server}/missing", timeout=5)


def test_web_fetch_url_not_html(server):
    with pytest.raises(InputError, match=r"/logo\.png: not an HTML page \(image/png\)"):
        fetch_url(f"{server}/logo.png", timeout=5)


def test_web_fetch_url_refused(closed_port):
    url = f"http://127.0.0.1:{closed_port}/story"
    with pytest.raises(InputError, match=rf"^{url}: cannot fetch"):
        fetch_url(url, timeout=5)


def test_web_fetch_url_not_http():
    with pytest.raises(InputError, match="not an http"):
        fetch_url("file:///etc/passwd")


def test_web_read_feed(server):
    results = list(read_feed(f"{server}/feed.xml", timeout=5))
    assert [type(r) for r in results] == [Article, Article, InputError]
    acme, sprockets, gone = results
    assert acme.title == "Acme buys Widgets"
    assert acme.published == "2026-11-24"
    # The second page has no title or date of its own: the feed entry gives them.
    assert sprockets.title == "Sprockets AG sues Acme"
    assert sprockets.published == "2026-11-25"
    assert sprockets.url == f"{server}/2026/11/25/sprockets"
    assert str(gone).startswith(f"{server}/missing: HTTP error 404")


def test_web_read_feed_not_a_feed(server):
    results = list(read_feed(f"{server}/logo.png", timeout=5))
    assert len(results) == 1
    assert isinstance(results[0], InputError)
    assert "not an RSS or Atom feed" in str(results[0])


def test_web_read_feed_refused(closed_port):
    results = list(read_feed(f"http://127.0.0.1:{closed_port}/feed.xml", timeout=5))
    assert len(results) == 1
    assert "cannot fetch" in str(results[0])


def test_web_iter_articles_urls_and_feeds(server):
    results = list(
        iter_articles(
            [f"{server}/2026/11/24/acme.html", f"{server}/logo.png"], feeds=[f"{server}/feed.xml"]
        )
    )
    origins = [origin for origin, _ in results]
    assert origins == [
        f"{server}/2026/11/24/acme.html",
        f"{server}/logo.png",
        f"{server}/2026/11/24/acme.html",
        f"{server}/2026/11/25/sprockets",
        f"{server}/feed.xml",
    ]
    kinds = [type(result) for _, result in results]
    assert kinds == [Article, InputError, Article, Article, InputError]


def test_web_redirect_loop_is_one_line(server):
    with pytest.raises(InputError) as info:
        fetch_url(f"{server}/loop")

    message = str(info.value)
    assert "\n" not in message
    assert message.startswith(f"{server}/loop: HTTP error 302 (")
    assert "infinite loop" in message
