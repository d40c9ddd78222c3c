"""Read articles from files, folders, globs, standard input, URLs and feeds."""

from kg.ingest.readers import (
    KNOWN_EXTENSIONS,
    READERS,
    STDIN_ORIGIN,
    Reader,
    iso_date,
    read_jsonl,
    read_jsonl_file,
    read_jsonl_stream,
    read_markdown,
    read_path,
    read_txt,
    register_reader,
)
from kg.ingest.sources import STDIN, count_articles, expand_inputs, is_url, iter_articles
from kg.ingest.web import fetch_url, read_feed, url_slug

__all__ = [
    "KNOWN_EXTENSIONS",
    "READERS",
    "Reader",
    "register_reader",
    "STDIN",
    "STDIN_ORIGIN",
    "expand_inputs",
    "count_articles",
    "fetch_url",
    "html_to_article",
    "is_url",
    "iso_date",
    "iter_articles",
    "read_feed",
    "read_html",
    "read_jsonl",
    "read_jsonl_file",
    "read_jsonl_stream",
    "read_markdown",
    "read_path",
    "read_txt",
    "url_slug",
]


def __getattr__(name: str):
    if name in ("html_to_article", "read_html"):  # deferred: trafilatura is slow to import
        from kg.ingest import html

        return getattr(html, name)
    raise AttributeError(name)
