"""The one record type that crosses stage boundaries.

Each collector turns its platform's shape (RSS item, Mastodon status, Bluesky post view) into a
`Post`; platform quirks (boosts, reposts, content warnings, facets) stop at the collector.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime


class Platform(str, enum.Enum):
    RSS = "rss"
    MASTODON = "mastodon"
    BLUESKY = "bluesky"


@dataclass(frozen=True, slots=True)
class Post:
    """A post as collected, already sanitized for display.

    `content_html` has been through nh3 and is safe to show as HTML; `content_text` is the plain
    text the classifier reads. `platform_id` is the platform's own stable id (RSS: entry id or link,
    Mastodon: the status URI, Bluesky: the at:// URI) and together with `platform` is the post's key.
    """

    platform: Platform
    platform_id: str
    source: str
    url: str
    author: str
    content_html: str
    content_text: str
    published_at: datetime
    title: str | None = None
    author_url: str | None = None
    canonical_url: str | None = None
    updated_at: datetime | None = None
    tags: tuple[str, ...] = ()
    language: str | None = None
    content_warning: str | None = None
    sensitive: bool = False
    reply_to: str | None = None
    thread_url: str | None = None
    links: tuple[str, ...] = ()
    mentions: tuple[str, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self) -> None:
        if self.published_at.tzinfo is None:
            raise ValueError(f"published_at must be timezone-aware (post {self.platform_id})")
        if not self.platform_id:
            raise ValueError(f"post from source {self.source!r} has no platform_id")


@dataclass(frozen=True, slots=True)
class Deletion:
    """A post the platform says is gone (Mastodon 404, Bluesky record deleted)."""

    platform: Platform
    platform_id: str
    source: str
