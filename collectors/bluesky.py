"""Collect Bluesky posts with the atproto SDK: searches, hashtags, author feeds and custom feeds.

A source's `state.cursor` is a small JSON document:

- `newest`: the latest sort time seen in the listing (a post's sortAt, the earlier of createdAt and
  indexedAt; the repost time for a repost), and `recent`: the items seen within the overlap window
  below it, each with its CID. A later run pages from the top and keeps reading until it is past
  `newest - overlap` (`options.overlap_s`, default 900): a post whose createdAt is behind (a phone's
  clock) is indexed after a run but sorts below what that run saw, and an edited post (putRecord
  keeps createdAt) stays where it was with a new CID. Items in `recent` with the same CID are not
  returned again; new ones and new CIDs are.
- `older`: the API cursor where a first collection stopped because it used its page budget
  (`options.max_pages`, default 5, of `options.limit` posts, default 50). Later runs, once caught up
  at the top, carry on backwards from there (at least one page a run) until the listing ends.

Edits and deletions of posts older than the window are found by `recheck` (app.bsky.feed.getPosts
on stored URIs: a missing URI is a deletion, a new CID an edit).

Custom feeds order posts however their generator likes, so for `kind: feed` a run reads its page
budget from the top and keeps the posts within the window that it has not seen with that CID.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Iterable, Sequence

import httpx
from atproto import Client
from atproto_client import exceptions as atp_exc
from pydantic import ValidationError

from collectors.address_guard import refusal_in
from collectors.base import ErrorKind, FetchResult, RecheckResult, SourceState, StoredPost
from collectors.bluesky_parse import post_from_view, posts_from_items, sort_time
from collectors.bluesky_session import login, login_url, make_client, wants_login
from peerfeed.records import Deletion, Platform
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

log = logging.getLogger(__name__)

DEFAULT_LIMIT = 50
DEFAULT_MAX_PAGES = 5
GET_POSTS_BATCH = 25  # app.bsky.feed.getPosts takes at most 25 URIs
DEFAULT_MAX_CHECKS = 500
DEFAULT_OVERLAP_S = 900
MAX_RECENT = 1000  # items remembered within the overlap window (a busy search: 15 minutes of posts)
# Only DID-form URIs: getPosts answers with DID-form URIs, so a handle-form one would look deleted.
_AT_POST_URI = re.compile(r"^at://did:[a-z]+:[A-Za-z0-9._:%-]+/app\.bsky\.feed\.post/[A-Za-z0-9._:~-]{1,512}$")


class BlueskySourceError(ValueError):
    """A source entry that cannot be collected as written (missing option, unknown kind)."""


@dataclass
class ListingState:
    """What a listing remembers between runs (stored as JSON in SourceState.cursor).

    `recent` maps an item's key (its URI, or URI|reposter for a repost) to [CID, sort time]."""

    newest: datetime | None = None
    recent: dict[str, list] = field(default_factory=dict)
    older: str | None = None

    @classmethod
    def load(cls, cursor: str | None) -> "ListingState":
        if not cursor:
            return cls()
        try:
            data = json.loads(cursor)
            newest = datetime.fromisoformat(data["newest"]) if data.get("newest") else None
            recent = {str(k): [v[0], v[1]] for k, v in (data.get("recent") or {}).items()}
            # Cursors written before the overlap window kept only the URIs at the newest time.
            for key in data.get("top") or ():
                recent.setdefault(str(key), [None, data["newest"]])
            return cls(newest=newest, recent=recent, older=data.get("older") or None)
        except (ValueError, TypeError, KeyError, AttributeError, IndexError):
            # A cursor from an older format or hand-edited: start again rather than fail forever.
            log.warning("unreadable Bluesky cursor ignored")
            return cls()

    def dump(self) -> str:
        return json.dumps({
            "newest": self.newest.isoformat() if self.newest else None,
            "recent": self.recent,
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


def _cid(item) -> str | None:
    post = getattr(item, "post", None) or item
    cid = getattr(post, "cid", None)
    return cid if isinstance(cid, str) else None


def _remember(state: ListingState, seen: dict[str, tuple[str | None, datetime]], overlap: timedelta) -> ListingState:
    """The state after a run that saw `seen` (key -> (CID, sort time)) at the top of the listing."""
    times = [t for _cid_, t in seen.values()]
    newest = max([state.newest, *times] if state.newest else times) if times else state.newest
    recent = dict(state.recent)
    recent.update({k: [cid, t.isoformat()] for k, (cid, t) in seen.items()})
    if newest is not None:
        floor = newest - overlap
        recent = {k: v for k, v in recent.items() if v[1] and datetime.fromisoformat(v[1]) >= floor}
    if len(recent) > MAX_RECENT:
        recent = dict(sorted(recent.items(), key=lambda kv: kv[1][1], reverse=True)[:MAX_RECENT])
    return ListingState(newest=newest, recent=recent, older=state.older)


def read_listing(read, state: ListingState, max_pages: int, ordered: bool,
                 overlap: timedelta = timedelta(0)) -> tuple[list, ListingState]:
    """New and changed items of a listing, newest first, and the state to store; at most
    `max_pages` requests.

    An ordered listing is read down to `state.newest - overlap`; an item already in `state.recent`
    with the same CID is left out. Running out of pages before reaching what the last run saw is
    a gap, kept as `older` and read on a later run.
    """
    items: list = []
    seen: dict[str, tuple[str | None, datetime]] = {}
    floor = state.newest - overlap if state.newest is not None else None
    pages = 0
    cursor = None
    done = reached_known = False
    while pages < max_pages:
        page, cursor = read(cursor)
        pages += 1
        for item in page:
            t, key, cid = sort_time(item), _key(item), _cid(item)
            if floor is not None and t is not None and t < floor:
                if ordered:
                    done = True
                    break
                continue
            if state.newest is not None and t is not None and t <= state.newest:
                reached_known = True
            if key is not None and t is not None:
                seen[key] = (cid, t)
            known = state.recent.get(key) if key is not None else None
            if known is not None and (cid is None or known[0] == cid):
                continue  # this version was returned before
            items.append(item)
        if done or not cursor or not page:
            break

    new = _remember(state, seen, overlap)
    if not ordered:
        return items, new
    if cursor and not done and not reached_known:
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
    log.warning("bluesky fetch failed source=%s url=%s error_kind=%s step=%s", source.name, source.url, kind.value,
                doing, extra={"source": source.name, "url": source.url})
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
        overlap = timedelta(seconds=_int_option(source, "overlap_s", DEFAULT_OVERLAP_S, 7 * 24 * 3600))
        atp = _client_for(source, settings, client)
        try:
            read = _page_reader(atp, source, limit)
            if wants_login(settings):
                doing = f"login as {settings.bluesky_handle}"
                login(atp, settings)
            doing = f"reading {source.kind}"
            listing = ListingState.load(state.cursor)
            items, new_listing = read_listing(read, listing, max_pages, ordered=source.kind != "feed",
                                              overlap=overlap)
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


def recheck(
    source: SourceConfig,
    stored: Sequence[StoredPost],
    settings: Settings,
    client: httpx.Client | None = None,
    *,
    max_checks: int = DEFAULT_MAX_CHECKS,
    allow_private_hosts: bool = False,  # noqa: ARG001 - the registry's common signature; one service is asked
) -> RecheckResult:
    """Ask for stored posts again: the ones gone are `Deletion`s, the edited ones `Post`s.

    app.bsky.feed.getPosts leaves out posts that no longer exist (deleted, or their account gone or
    taken down), so every URI asked for and not returned is a deletion. A post that comes back with
    a CID other than the stored one was edited (putRecord) and is returned as a `Post`. At most
    `max_checks` URIs are checked, 25 a request; anything but a DID-form at:// post URI is left
    `unchecked`. A failed request returns an error and nothing else: nothing is erased on a guess.
    """
    result = RecheckResult(source=source.name)
    wanted: dict[str, StoredPost] = {}
    for post in stored:
        uri = post.platform_id
        if not isinstance(uri, str) or not _AT_POST_URI.match(uri):
            result.leave(str(uri), "not a DID-form at:// post URI")
        elif uri not in wanted and len(wanted) < max_checks:
            wanted[uri] = post
    if not wanted:
        return result
    uris = list(wanted)
    try:
        atp = _client_for(source, settings, client)
        try:
            if wants_login(settings):
                login(atp, settings)
            found = {}
            for i in range(0, len(uris), GET_POSTS_BATCH):
                res = atp.app.bsky.feed.get_posts({"uris": uris[i:i + GET_POSTS_BATCH]})
                found.update({view.uri: view for view in res.posts})
        finally:
            if client is None:
                atp.request.close()
    except Exception as exc:  # noqa: BLE001 - classify_error re-raises what is a bug
        failed = _error_result(source, SourceState(), exc, "re-checking stored posts")
        result.error_kind, result.error = failed.error_kind, failed.error
        result.http_status, result.retry_after_s = failed.http_status, failed.retry_after_s
        return result
    result.checked = len(uris)
    result.http_status = 200
    for uri, post in wanted.items():
        view = found.get(uri)
        if view is None:
            result.deletions.append(Deletion(platform=Platform.BLUESKY, platform_id=uri, source=source.name))
        elif getattr(view, "cid", None) != (post.extra or {}).get("cid"):
            try:
                result.posts.append(post_from_view(view, source.name))
            except Exception as exc:  # noqa: BLE001 - one post costs only itself
                result.leave(uri, f"edited, but unreadable ({type(exc).__name__})")
    return result


def check_deleted(source: SourceConfig, uris: Iterable[str], settings: Settings, client: httpx.Client | None = None,
                  *, max_checks: int = DEFAULT_MAX_CHECKS) -> RecheckResult:
    """`recheck` for bare URIs: its deletions (edits are not compared without a stored CID)."""
    result = recheck(source, [StoredPost(u, {"cid": None}) for u in dict.fromkeys(uris)], settings, client,
                     max_checks=max_checks)
    result.posts = []
    return result
