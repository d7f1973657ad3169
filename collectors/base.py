"""The contract between collectors and the rest of peerfeed."""

from __future__ import annotations

import enum
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from peerfeed.records import Deletion, Platform, Post
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig


class ErrorKind(str, enum.Enum):
    NETWORK = "network"
    HTTP_4XX = "http_4xx"
    HTTP_5XX = "http_5xx"
    RATE_LIMITED = "rate_limited"
    PARSE = "parse"
    TOO_LARGE = "too_large"
    CONFIG = "config"

    @property
    def transient(self) -> bool:
        return self in {ErrorKind.NETWORK, ErrorKind.HTTP_5XX, ErrorKind.RATE_LIMITED}


@dataclass(frozen=True)
class SourceState:
    """What a source remembers between fetches (conditional GET validators, cursors)."""

    etag: str | None = None
    last_modified: str | None = None
    cursor: str | None = None
    url: str | None = None  # set when a permanent redirect moved the source


@dataclass
class FetchResult:
    source: str
    posts: list[Post] = field(default_factory=list)
    deletions: list[Deletion] = field(default_factory=list)
    state: SourceState = field(default_factory=SourceState)
    not_modified: bool = False
    http_status: int | None = None
    error_kind: ErrorKind | None = None
    error: str | None = None
    retry_after_s: float | None = None
    # Items left out because they could not be read ("status 123: KeyError"; never their text).
    # The rest of the fetch is stored and the cursor moves past them: one bad item costs only itself.
    skipped: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.error_kind is None


def describe_crash(exc: BaseException) -> str:
    """An exception as its type and the innermost line that raised it, never its message.

    Messages of library exceptions can quote what they choked on (post text, SQL parameters), and
    post text is health data: it never goes into a log, a traceback or a stored error.
    """
    frames = traceback.extract_tb(exc.__traceback__)
    if not frames:
        return type(exc).__name__
    last = frames[-1]
    return f"{type(exc).__name__} at {Path(last.filename).name}:{last.lineno} ({last.name})"


def fetch_source(
    source: SourceConfig,
    state: SourceState,
    settings: Settings,
    client: httpx.Client | None = None,
) -> FetchResult:
    """Fetch one source with its platform's collector. Bad sources return an error, never raise."""
    if source.platform is Platform.RSS:
        from collectors.rss import fetch_feed as fetch
    elif source.platform is Platform.MASTODON:
        from collectors.mastodon import fetch_mastodon as fetch
    elif source.platform is Platform.BLUESKY:
        from collectors.bluesky import fetch_bluesky as fetch
    else:  # pragma: no cover - Platform is closed
        raise ValueError(source.platform)
    return fetch(source, state, settings, client=client)
