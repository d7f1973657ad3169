"""Collect Bluesky posts with the atproto SDK: searches, hashtags, author feeds and custom feeds.

A source's `state.cursor` is a small JSON document:

- `newest`: the latest time seen in the listing (indexedAt, or the repost time for a repost), and
  `top`: the URIs seen at exactly that time. A later run pages from the top and stops as soon as it
  reaches them, so it asks only for what is new.
- `older`: the API cursor where a first collection stopped because it used its page budget
  (`options.max_pages`, default 5, of `options.limit` posts, default 50). Later runs, once caught up
  at the top, carry on backwards from there (at least one page a run) until the listing ends.

Custom feeds order posts however their generator likes, so for `kind: feed` a run reads its page
budget from the top and keeps only the posts newer than `newest`.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable

import httpx
from atproto import Client
from atproto_client import exceptions as atp_exc
from pydantic import ValidationError

from collectors.address_guard import refusal_in
from collectors.base import ErrorKind, FetchResult, SourceState
from collectors.bluesky_parse import posts_from_items, sort_time
from collectors.bluesky_session import login, login_url, make_client, wants_login
from peerfeed.records import Deletion, Platform
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 50
DEFAULT_MAX_PAGES = 5
GET_POSTS_BATCH = 25  # app.bsky.feed.getPosts takes at most 25 URIs
DEFAULT_MAX_CHECKS = 500
MAX_TOP = 100  # URIs remembered at the newest time; more than this many ties is not real
# Only DID-form URIs: getPosts answers with DID-form URIs, so a handle-form one would look deleted.
_AT_POST_URI = re.compile(r"^at://did:[a-z]+:[A-Za-z0-9._:%-]+/app\.bsky\.feed\.post/[A-Za-z0-9._:~-]{1,512}$")


class BlueskySourceError(ValueError):
    """A source entry that cannot be collected as written (missing option, unknown kind)."""


@dataclass
class ListingState:
    """What a listing remembers between runs (stored as JSON in SourceState.cursor)."""

    newest: datetime | None = None
    top: list[str] = field(default_factory=list)
    older: str | None = None

    @classmethod
    def load(cls, cursor: str | None) -> "ListingState":
        if not cursor:
            return cls()
        try:
            data = json.loads(cursor)
            newest = datetime.fromisoformat(data["newest"]) if data.get("newest") else None
            return cls(newest=newest, top=list(data.get("top") or []), older=data.get("older") or None)
        except (ValueError, TypeError, KeyError, AttributeError):
            # A cursor from an older format or hand-edited: start again rather than fail forever.
            log.warning("unreadable Bluesky cursor ignored: %.80r", cursor)
            return cls()

    def dump(self) -> str:
        return json.dumps({
            "newest": self.newest.isoformat() if self.newest else None,
            "top": self.top,
            "older": self.older,
        }, separators=(",", ":"))


def _int_option(source: SourceConfig, key: str, default: int, high: int) -> int:
    value = source.options.get(key, default)
    try:
        return max(1, min(int(value), high))
    except (TypeError, ValueError):
        raise BlueskySourceError(f"option {key} must be a number, got {value!r}") from None


def _page_reader(client: Client, source: SourceConfig, limit: int):
    """A function cursor -> (items, next cursor) for the source's kind."""
    opts = source.options
    feed_ns = client.app.bsky.feed

    if source.kind in ("search", "hashtag"):
        if source.kind == "search":
            q = str(opts.get("q") or "").strip()
            if not q:
                raise BlueskySourceError("kind search needs options.q")
        else:
            tag = str(opts.get("tag") or "").strip().lstrip("#")
            if not tag:
                raise BlueskySourceError("kind hashtag needs options.tag")
            q = f"#{tag}"

        def read(cursor):
            params = {"q": q, "limit": limit, "sort": "latest"}
            if cursor:
                params["cursor"] = cursor
            res = feed_ns.search_posts(params)
            return res.posts, res.cursor
        return read

    if source.kind == "author":
        actor = str(opts.get("actor") or "").strip().lstrip("@")
        if not actor:
            raise BlueskySourceError("kind author needs options.actor (a handle or DID)")
        filter_ = opts.get("filter", "posts_with_replies")

        def read(cursor):
            params = {"actor": actor, "limit": limit, "filter": filter_}
            if cursor:
                params["cursor"] = cursor
            res = feed_ns.get_author_feed(params)
            return res.feed, res.cursor
        return read

    if source.kind == "feed":
        feed = str(opts.get("feed") or "").strip()
        if not feed.startswith("at://"):
            raise BlueskySourceError("kind feed needs options.feed, the at:// URI of a feed generator")

        def read(cursor):
            params = {"feed": feed, "limit": limit}
            if cursor:
                params["cursor"] = cursor
            res = feed_ns.get_feed(params)
            return res.feed, res.cursor
        return read

    raise BlueskySourceError(f"unknown kind {source.kind!r}; use search, hashtag, author or feed")


def _key(item) -> str | None:
    reason = getattr(item, "reason", None)
    post = getattr(item, "post", None) or item
    # A repost is its own event in a listing: key it by who reposted as well as what.
    by = getattr(getattr(reason, "by", None), "did", None) if reason is not None else None
    return f"{getattr(post, 'uri', None)}|{by}" if by else getattr(post, "uri", None)


def _is_seen(item, state: ListingState) -> bool:
    t = sort_time(item)
    if state.newest is None or t is None:
        return False
    return t < state.newest or (t == state.newest and _key(item) in state.top)


def read_listing(read, state: ListingState, max_pages: int, ordered: bool) -> tuple[list, ListingState]:
    """New items of a listing, newest first, and the state to store; at most `max_pages` requests."""
    items: list = []
    pages = 0
    cursor = None
    reached_seen = False
    while pages < max_pages:
        page, cursor = read(cursor)
        pages += 1
        for item in page:
            if _is_seen(item, state):
                if ordered:
                    reached_seen = True
                    break
                continue
            items.append(item)
        if reached_seen or not cursor or not page:
            cursor = None if reached_seen else cursor
            break

    new = ListingState(newest=state.newest, top=list(state.top), older=state.older)
    times = [(t, item) for item in items if (t := sort_time(item)) is not None]
    if times:
        newest = max(t for t, _ in times)
        if state.newest is None or newest > state.newest:
            new.newest = newest
            new.top = [k for t, item in times if t == newest and (k := _key(item))]
        elif newest == state.newest:
            tied = [k for t, item in times if t == newest and (k := _key(item))]
            new.top = list(dict.fromkeys(state.top + tied))[-MAX_TOP:]

    if not ordered:
        return items, new
    if cursor:
        # Out of budget before reaching what we had: the gap is more recent than any old backfill.
        new.older = cursor
        return items, new
    # Caught up at the top: spend what is left of the budget going further back, at least one page
    # so that a backfill always moves even when checking the top used the whole budget.
    older = state.older
    back = 0
    while older and (pages < max_pages or back == 0):
        page, older = read(older)
        pages += 1
        back += 1
        items.extend(page)
        if not page:
            older = None
    new.older = older
    return items, new


def _status(exc: atp_exc.RequestErrorBase) -> int | None:
    return exc.response.status_code if exc.response is not None else None


def classify_error(exc: Exception) -> tuple[ErrorKind, int | None, float | None]:
    """Sort an exception from the SDK or httpx into (kind, HTTP status, seconds to wait)."""
    if isinstance(exc, BlueskySourceError | atp_exc.LoginRequiredError):
        return ErrorKind.CONFIG, None, None
    if refusal_in(exc):  # an internal address (SSRF guard): a setting to fix, not a blip to retry
        return ErrorKind.CONFIG, None, None
    if isinstance(exc, atp_exc.RateLimitExceededError):
        wait = exc.retry_after
        if wait is None and exc.reset_at is not None:
            wait = max((exc.reset_at - datetime.now(timezone.utc)).total_seconds(), 0.0)
        return ErrorKind.RATE_LIMITED, 429, wait
    if isinstance(exc, atp_exc.RequestErrorBase):
        status = _status(exc)
        if status is None:
            return ErrorKind.NETWORK, None, None
        if status == 429:
            return ErrorKind.RATE_LIMITED, status, None
        return (ErrorKind.HTTP_5XX if status >= 500 else ErrorKind.HTTP_4XX), status, None
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return ErrorKind.CONFIG, None, None
    if isinstance(exc, httpx.TransportError):
        return ErrorKind.NETWORK, None, None
    if isinstance(exc, atp_exc.ModelError | ValidationError | ValueError):
        return ErrorKind.PARSE, None, None
    raise exc  # a bug, not a bad source


def _describe(exc: Exception) -> str:
    cause = exc.__cause__
    if isinstance(exc, atp_exc.RequestErrorBase) and exc.response is None and cause is not None:
        # The SDK wraps transport failures; the httpx error underneath says what actually happened.
        return f"{type(exc).__name__}: {type(cause).__name__}: {cause}"[:300]
    return f"{type(exc).__name__}: {exc}"[:300]


def _error_result(source: SourceConfig, state: SourceState, exc: Exception, doing: str) -> FetchResult:
    kind, status, wait = classify_error(exc)
    message = f"Bluesky source {source.name!r} ({source.url}): {doing} failed: {_describe(exc)}"
    log.warning(message, extra={"source": source.name, "url": source.url})
    return FetchResult(source=source.name, state=state, http_status=status, error_kind=kind,
                       error=message, retry_after_s=wait)


def _client_for(source: SourceConfig, settings: Settings, client: httpx.Client | None) -> Client:
    url = login_url(source.url, source.options) if wants_login(settings) else source.url
    return make_client(url, settings, client)


def fetch_bluesky(
    source: SourceConfig,
    state: SourceState,
    settings: Settings,
    client: httpx.Client | None = None,
) -> FetchResult:
    """Collect the new posts of one Bluesky source. A bad source returns an error, never raises.

    `source.url` is the service to ask (an AppView such as https://public.api.bsky.app, or a PDS);
    with `bluesky_handle` and `bluesky_app_password` set, the collector logs in first (reusing the
    saved session; see `login_url` for where) and the SDK then talks to the account's PDS, which
    forwards to its AppView.
    """
    doing = "configuration"
    try:
        limit = _int_option(source, "limit", DEFAULT_LIMIT, 100)
        max_pages = _int_option(source, "max_pages", DEFAULT_MAX_PAGES, 100)
        atp = _client_for(source, settings, client)
        try:
            read = _page_reader(atp, source, limit)
            if wants_login(settings):
                doing = f"login as {settings.bluesky_handle}"
                login(atp, settings)
            doing = f"reading {source.kind}"
            listing = ListingState.load(state.cursor)
            items, new_listing = read_listing(read, listing, max_pages, ordered=source.kind != "feed")
        finally:
            if client is None:
                atp.request.close()
    except Exception as exc:  # noqa: BLE001 - classify_error re-raises what is a bug
        return _error_result(source, state, exc, doing)

    skipped: list[str] = []
    posts, bad = posts_from_items(items, source.name, skipped)
    if bad and not posts and items:
        return _error_result(source, state, ValueError(f"none of {len(items)} posts could be read"), "parsing")
    new_state = SourceState(etag=state.etag, last_modified=state.last_modified,
                            cursor=new_listing.dump(), url=state.url)
    return FetchResult(source=source.name, posts=posts, state=new_state, http_status=200, skipped=skipped)


def check_deleted(
    source: SourceConfig,
    uris: Iterable[str],
    settings: Settings,
    client: httpx.Client | None = None,
    *,
    max_checks: int = DEFAULT_MAX_CHECKS,
) -> FetchResult:
    """Which of these stored post URIs are gone upstream, as `Deletion` records.

    app.bsky.feed.getPosts leaves out posts that no longer exist (deleted, or their account gone or
    taken down), so every URI asked for and not returned is a deletion. At most `max_checks` URIs
    are checked, 25 a request; anything but a DID-form at:// post URI is left alone. A failed request
    returns an error and no deletions: nothing is erased on a guess.
    """
    wanted = [u for u in dict.fromkeys(uris) if isinstance(u, str) and _AT_POST_URI.match(u)][:max_checks]
    result = FetchResult(source=source.name)
    if not wanted:
        return result
    try:
        atp = _client_for(source, settings, client)
        try:
            if wants_login(settings):
                login(atp, settings)
            found: set[str] = set()
            for i in range(0, len(wanted), GET_POSTS_BATCH):
                batch = wanted[i:i + GET_POSTS_BATCH]
                res = atp.app.bsky.feed.get_posts({"uris": batch})
                found.update(p.uri for p in res.posts)
        finally:
            if client is None:
                atp.request.close()
    except Exception as exc:  # noqa: BLE001 - classify_error re-raises what is a bug
        return _error_result(source, SourceState(), exc, "checking for deleted posts")
    result.deletions = [Deletion(platform=Platform.BLUESKY, platform_id=u, source=source.name)
                        for u in wanted if u not in found]
    result.http_status = 200
    return result
