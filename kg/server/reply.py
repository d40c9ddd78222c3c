"""What a request gets back: status, media type, body and headers, as a plain record.

Its own module so that the job functions (:mod:`kg.server.jobs`) and the pages they
render (:mod:`kg.server.pages`) share it without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Reply", "text_reply"]


@dataclass(frozen=True)
class Reply:
    """An HTTP answer: status, media type, body and extra headers."""

    status: int
    content_type: str
    body: bytes
    headers: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    #: The version of the reader's snapshot that answered (not sent to the client): the
    #: server never answers from an older one afterwards, so reads never go back in time.
    snapshot: int = 0


def text_reply(status: int, message: str) -> Reply:
    """A one-line plain-text answer (errors above all)."""
    return Reply(status, "text/plain; charset=utf-8", (message.rstrip("\n") + "\n").encode())
