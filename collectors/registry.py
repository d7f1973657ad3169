"""One registry of platforms: for each, how to fetch a source, re-check stored posts, and stream.

A platform is one `PlatformCollector` entry; callers (pipelines/collecting.py, deletions.py,
streaming.py) ask the registry, never an `if platform is ...` ladder of their own. Each collector
module imports only the contract (collectors/base.py) and its own helpers, so importing this
module is one straight line with no cycle (tests/collectors/test_contract.py checks the whole
project for import cycles).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

import httpx

from collectors import bluesky, bluesky_stream, mastodon, mastodon_recheck, mastodon_stream, rss
from collectors.base import FetchResult, RecheckResult, SourceState, StoredPost, StreamContext
from peerfeed.records import Platform
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig


class Poll(Protocol):
    """A collector's fetch: `client` is passed by keyword (fetch_source), so it is part of the type.

    Not called Fetch...: tests/collectors/test_contract.py keeps Fetch* classes to the contract."""

    def __call__(self, source: SourceConfig, state: SourceState, settings: Settings,
                 client: httpx.Client | None = None) -> FetchResult: ...


Recheck = Callable[..., RecheckResult]
Follow = Callable[[list[SourceConfig], StreamContext], list]  # -> followers with .name, .run(stop), .stop()


@dataclass(frozen=True)
class PlatformCollector:
    """What peerfeed can do with one platform's sources.

    `fetch(source, state, settings, client)` polls a source; `recheck(source, stored, settings,
    **options)` re-reads stored posts for edits and deletions (None: the platform has no deletions,
    as feeds have none); `streamable(source)` says whether `peerfeed stream` can follow the source
    live, and `follow(sources, context)` makes the followers that do (pipelines/streaming.py polls
    the rest on a short interval).
    """

    platform: Platform
    fetch: Poll
    recheck: Recheck | None
    streamable: Callable[[SourceConfig], bool]
    follow: Follow | None = None


def _never(_source: SourceConfig) -> bool:
    return False


def _mastodon_streamable(source: SourceConfig) -> bool:
    # Hashtag and list streams exist as such; an account is followed through the token's own
    # `user` stream only when the source asks (options.stream: user), as that needs a follow.
    return source.kind in ("hashtag", "list") or (source.kind == "account" and source.options.get("stream") == "user")


def _bluesky_streamable(source: SourceConfig) -> bool:
    # A custom feed's generator decides what is in it: only polling can tell.
    return source.kind in ("search", "hashtag", "author")


REGISTRY: dict[Platform, PlatformCollector] = {
    Platform.RSS: PlatformCollector(Platform.RSS, rss.fetch_feed, None, _never),
    Platform.MASTODON: PlatformCollector(Platform.MASTODON, mastodon.fetch_mastodon, mastodon_recheck.recheck,
                                         _mastodon_streamable, mastodon_stream.follow),
    Platform.BLUESKY: PlatformCollector(Platform.BLUESKY, bluesky.fetch_bluesky, bluesky.recheck, _bluesky_streamable,
                                        bluesky_stream.follow),
}


def collector_for(platform: Platform) -> PlatformCollector:
    """The registry entry for `platform` (every `Platform` has one)."""
    return REGISTRY[Platform(platform)]


def fetch_source(source: SourceConfig, state: SourceState, settings: Settings,
                 client: httpx.Client | None = None) -> FetchResult:
    """Fetch one source with its platform's collector. Bad sources return an error, never raise."""
    return collector_for(source.platform).fetch(source, state, settings, client=client)


def recheck_source(source: SourceConfig, stored: Sequence[StoredPost], settings: Settings,
                   **options) -> RecheckResult | None:
    """Re-read a source's stored posts for edits and deletions; None when the platform has none."""
    recheck = collector_for(source.platform).recheck
    if recheck is None:
        return None
    return recheck(source, stored, settings, **options)
