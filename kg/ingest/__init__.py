"""Read articles from files, folders, globs, standard input, URLs and feeds."""

from kg.ingest.readers import (
    KNOWN_EXTENSIONS,
    READERS,
    STDIN_ORIGIN,
    html_to_article,
    iso_date,
    read_html,
    read_jsonl,
    read_jsonl_file,
    read_jsonl_stream,
    read_markdown,
    read_path,
    read_txt,
)
from kg.ingest.sources import STDIN, count_articles, expand_inputs, is_url, iter_articles
from kg.ingest.web import fetch_url, read_feed, url_slug

__all__ = [
    "KNOWN_EXTENSIONS",
    "READERS",
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
