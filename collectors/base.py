"""The collectors contract: what a collector returns, how it fails, and what it remembers.

Everything the rest of peerfeed needs from a collector is here, in one module that imports no
collector: `ErrorKind` (the short list of failure kinds), `FetchError` (the one exception a
collector raises inside itself, carrying its kind), `FetchResult` and `SourceState` (a fetch's
output and a source's memory), `StoredPost` and `RecheckResult` (re-reading stored posts for edits
and deletions), `StreamBatch` (what a stream hands on), and the one Retry-After parser. Which
function does each of these for which platform is `collectors/registry.py`'s business.
"""

from __future__ import annotations

import enum
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

from peerfeed.records import Deletion, Post
from peerfeed.settings import Settings

# A Retry-After further out than this is treated as this: a typo'd header should not silence a
# source for a month (and the store's backoff never waits longer either).
MAX_RETRY_AFTER_S = 24 * 3600.0


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


class FetchError(Exception):
    """A fetch that failed in a known way: `kind` says which, the message says what and where.

    The one exception type of every collector (HTTP, Mastodon.py, atproto); it never leaves a
    collector, which turns it into a `FetchResult` (`apply`). Messages name the source and URL and
    never hold post text or a token.
    """

    def __init__(self, kind: ErrorKind, message: str, *, status: int | None = None,
                 retry_after_s: float | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.status = status
        self.retry_after_s = retry_after_s

    def apply(self, result: FetchResult | RecheckResult) -> None:
        """Record this failure on a result (kind, message, status, when to come back)."""
        result.error_kind = self.kind
        result.error = self.message
        if self.status is not None:
            result.http_status = self.status
        if self.retry_after_s is not None:
            result.retry_after_s = self.retry_after_s


@dataclass(frozen=True)
class StoredPost:
    """A post the store holds, as a re-check needs it: its key, what the collector kept in `extra`
    (Mastodon's status id on the source's instance, Bluesky's CID) and when it was last edited."""

    platform_id: str
    extra: dict | None = None
    updated_at: datetime | None = None


@dataclass
class RecheckResult:
    """What re-reading stored posts found: edits (`posts`, to upsert) and `deletions`.

    `checked` counts the posts actually asked about; `unchecked` lists the ids that could not be
    (with the reason in `why_unchecked`), so a report never claims a check it did not make.
    """

    source: str
    posts: list[Post] = field(default_factory=list)
    deletions: list[Deletion] = field(default_factory=list)
    checked: int = 0
    unchecked: list[str] = field(default_factory=list)
    why_unchecked: dict[str, str] = field(default_factory=dict)
    http_status: int | None = None
    error_kind: ErrorKind | None = None
    error: str | None = None
    retry_after_s: float | None = None

    @property
    def ok(self) -> bool:
        return self.error_kind is None

    def leave(self, platform_id: str, why: str) -> None:
        """Record a stored post that was not checked, and why."""
        self.unchecked.append(platform_id)
        self.why_unchecked[platform_id] = why


@dataclass
class StreamBatch:
    """What a stream delivered since the last batch, for one source.

    `source` is the source's name; `cursor`, when set, is that source's new `SourceState.cursor`
    (a polling cursor the stream moved on). `event_time` is the upstream time of the newest event
    in the batch (for lag). Batches from one stream arrive in order.
    """

    source: str
    posts: list[Post] = field(default_factory=list)
    deletions: list[Deletion] = field(default_factory=list)
    cursor: str | None = None
    event_time: datetime | None = None
    skipped: list[str] = field(default_factory=list)


@dataclass
class StreamPosition:
    """Where a stream is, handed on with each delivery and stored in the same transaction as its
    batches: the stream's own cursor (the firehose's sequence number; None for streams that move
    their sources' polling cursors instead), the upstream time of its newest event (for lag), how
    many events it read and kept since the last delivery, and its connection status."""

    stream: str
    platform: str
    url: str
    cursor: str | None
    event_time: datetime | None
    events: int = 0
    kept: int = 0
    status: str = "connected"  # connected | catching up | reconnecting | stopped
    error: str | None = None


Deliver = Callable[[list[StreamBatch], StreamPosition], None]


@dataclass
class StreamContext:
    """What a platform's stream followers need from the pipeline (collectors/registry.py `follow`):
    settings, where to hand batches, and what the store remembers, as plain look-ups."""

    settings: Settings
    deliver: Deliver
    saved_cursor: Callable[[str], str | None]  # stream name -> its saved cursor
    known_posts: Callable[[str], dict[str, str]]  # platform -> {stored post id: source name}
    source_state: Callable[[str], SourceState]  # source name -> its polling state
    known_status_ids: Callable[[str], dict[str, str]]  # source name -> {status id there: post id}
    flush_s: float = 0.5


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date), or None.

    Negative or past values become 0; absurdly long ones are capped at `MAX_RETRY_AFTER_S`.
    """
    if not value:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when is None:
            return None
        if when.tzinfo is None:  # HTTP dates are GMT
            when = when.replace(tzinfo=timezone.utc)
        seconds = (when - (now or datetime.now(timezone.utc))).total_seconds()
    if seconds != seconds:  # NaN
        return None
    return min(max(seconds, 0.0), MAX_RETRY_AFTER_S)


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
