"""Collect Mastodon hashtag, account and list timelines (pages as plain JSON: mastodon_pages.py).

`fetch_mastodon` is the collector contract (see collectors/base.py): it never raises for a bad
source; failures come back as a `FetchResult` with an `ErrorKind`.

Incremental fetching: `state.cursor` (a `TimelineCursor`) holds the newest timeline id seen. A later
run asks for `min_id=<newest>` (the statuses just after it, oldest first) and follows the server's
`Link: rel=prev` header page by page, so a gap after downtime is walked through in order and never
skipped. At most `options.max_pages` (default 5) pages are read per run; the rest waits for the next
run, which starts where this one stopped. A first run (no cursor) reads `options.first_pages`
(default 1) pages back from the newest.

`min_id` never returns a status again, so once caught up a run also re-reads the newest page
(`options.overlap_pages`, default 1; 0 turns it off) and returns what changed there since the last
run, by each entry's `edited_at` kept in the cursor (`recent`): an edit of a recent status, and a
status that federated late and was given an id below the cursor (Mastodon dates a remote status's
id by its created_at). Edits and deletions further back are found by `recheck`
(collectors/mastodon_recheck.py), by status id on the source's own instance.

Source options: `tag` (hashtag), `acct` or `account_id` (account), `list_id` (list), `limit` (page
size, server default 20, at most 40), `max_pages`, `first_pages`, `auth` (send the access token;
default true only for lists, so a token for one instance is not handed to every other instance).

Rate limits: a 429 returns `ErrorKind.RATE_LIMITED` with
`retry_after_s` from Retry-After or X-RateLimit-Reset (60 s if neither); when X-RateLimit-Remaining
runs down to `options.ratelimit_reserve` (default 2) the run stops paging early, keeps what it has
and sets `retry_after_s` without an error. Nothing here sleeps.

Partial results: when page 3 of 5 fails, pages 1-2 are returned with the error and a cursor that
moved only as far as those pages. The store keeps only error-free results, so the next run simply
starts from the old cursor again; either way nothing is skipped. A single malformed status is logged
(source, url, status id) and skipped rather than failing the run, so it cannot stall the source.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from typing import Any

import httpx
import requests
from mastodon import Mastodon
from mastodon.errors import MastodonError

from collectors.address_guard import AddressGuard
from collectors.base import ErrorKind, FetchError, FetchResult, SourceState
from collectors.http import make_client as make_http_client
from collectors.mastodon_client import ResponseLog, classify, make_client
from collectors.mastodon_pages import TimelinePages
from collectors.mastodon_parse import newer_id, parse_statuses, status_key
from peerfeed.records import Post
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

log = logging.getLogger(__name__)

DEFAULT_MAX_PAGES = 5
DEFAULT_FIRST_PAGES = 1
DEFAULT_RATELIMIT_RESERVE = 2
DEFAULT_OVERLAP_PAGES = 1
_HASHTAG = re.compile(r"[\w\u00b7\u200c]+")  # Mastodon's hashtag characters: word chars, middle dot, ZWNJ
_ID = re.compile(r"[0-9A-Za-z_-]+")


@dataclass
class TimelineCursor:
    """A Mastodon source's position: the newest timeline id seen, and the newest page's entries
    (timeline id -> edit mark, see mastodon_parse.edit_mark) as the last run saw them.

    Stored as JSON in `SourceState.cursor`; a cursor from before the overlap (a bare id) loads with
    `recent` None, and that run records the newest page without returning it again.
    """

    newest: str | None = None
    recent: dict[str, str] | None = None

    @classmethod
    def load(cls, text: str | None) -> "TimelineCursor":
        if not text:
            return cls()
        if not text.startswith("{"):
            return cls(newest=text)
        try:
            data = json.loads(text)
            recent = data.get("recent")
            return cls(newest=data.get("newest") or None,
                       recent={str(k): str(v) for k, v in recent.items()} if isinstance(recent, dict) else None)
        except (ValueError, AttributeError):
            log.warning("unreadable Mastodon cursor ignored")
            return cls()

    def dump(self) -> str | None:
        if self.newest is None and not self.recent:
            return None
        return json.dumps({"newest": self.newest, "recent": self.recent or {}}, separators=(",", ":"))


def newest_id(state: SourceState) -> str | None:
    """The newest timeline id a Mastodon source's state has seen."""
    return TimelineCursor.load(state.cursor).newest


@dataclass(frozen=True)
class _Plan:
    """What to ask for: the timeline's URL."""

    endpoint: str


def fetch_mastodon(
    source: SourceConfig,
    state: SourceState,
    settings: Settings,
    client: httpx.Client | None = None,
) -> FetchResult:
    """Fetch new statuses from one Mastodon source; bad sources give an error result, never raise.

    Timeline pages come as plain JSON through collectors/http.py (`client`, when given, is used for
    them; collectors/mastodon_pages.py says why not Mastodon.py); an account looked up by name is
    asked through Mastodon.py.
    """
    result = FetchResult(source=source.name, state=state)
    own_client = client is None
    http = client or make_http_client(settings.fetch_timeout_s, guard=AddressGuard(settings.allow_internal_hosts))
    pages = None
    try:
        options = _options(source)
        token = settings.mastodon_access_token.get_secret_value() if (
            options["auth"] and settings.mastodon_access_token) else None
        plan = _plan(source, settings, token, options)
        pages = TimelinePages(source, settings, plan.endpoint, token=token, client=http)
        _collect(pages, source, state, options, result)
    except FetchError as failure:
        failure.apply(result)
    finally:
        if own_client:
            http.close()
    if result.http_status is None and pages is not None:
        result.http_status = pages.last_status
    if result.error_kind is not None:
        log.warning("mastodon fetch failed source=%s url=%s error_kind=%s", source.name, source.url,
                    result.error_kind.value, extra={"source": source.name, "url": source.url})
    else:
        log.debug("mastodon fetched source=%s url=%s posts=%d", source.name, source.url, len(result.posts))
    return result


def _options(source: SourceConfig) -> dict[str, Any]:
    opts = source.options or {}
    try:
        limit = int(opts["limit"]) if opts.get("limit") is not None else None
        max_pages = max(1, int(opts.get("max_pages", DEFAULT_MAX_PAGES)))
        first_pages = max(1, int(opts.get("first_pages", DEFAULT_FIRST_PAGES)))
        reserve = max(0, int(opts.get("ratelimit_reserve", DEFAULT_RATELIMIT_RESERVE)))
        overlap_pages = max(0, int(opts.get("overlap_pages", DEFAULT_OVERLAP_PAGES)))
    except (TypeError, ValueError) as exc:
        raise FetchError(
            ErrorKind.CONFIG, f"mastodon source {source.name!r}: limit/max_pages/first_pages must be numbers ({exc})"
        ) from None
    if limit is not None and not 1 <= limit <= 40:
        raise FetchError(ErrorKind.CONFIG, f"mastodon source {source.name!r}: limit must be 1-40, got {limit}")
    if not source.url.startswith(("http://", "https://")):
        raise FetchError(
            ErrorKind.CONFIG, f"mastodon source {source.name!r}: url must be an http(s) instance URL, got {source.url!r}"
        )
    auth = opts.get("auth")
    if isinstance(auth, str):  # a quoted "false" in YAML must not mean true
        auth = auth.strip().lower() in ("true", "yes", "1")
    return {
        "limit": limit,
        "max_pages": max_pages,
        "first_pages": first_pages,
        "reserve": reserve,
        "overlap_pages": overlap_pages,
        "auth": (source.kind == "list") if auth is None else bool(auth),
    }


def _plan(source: SourceConfig, settings: Settings, token: str | None, options: dict) -> _Plan:
    opts = source.options or {}
    base = source.url.rstrip("/")
    if source.kind == "hashtag":
        tag = str(opts.get("tag") or "").lstrip("#").strip()
        if not tag:
            raise FetchError(ErrorKind.CONFIG, f"mastodon source {source.name!r}: hashtag sources need options.tag")
        _check_name(source, "tag", tag, _HASHTAG)
        return _Plan(f"{base}/api/v1/timelines/tag/{tag}")
    if source.kind == "list":
        list_id = opts.get("list_id")
        if not list_id:
            raise FetchError(ErrorKind.CONFIG, f"mastodon source {source.name!r}: list sources need options.list_id")
        _check_name(source, "list_id", str(list_id), _ID)
        if not token:
            raise FetchError(
                ErrorKind.CONFIG,
                f"mastodon source {source.name!r}: a list timeline needs an access token "
                "(PEERFEED_MASTODON_ACCESS_TOKEN) and options.auth not false",
            )
        return _Plan(f"{base}/api/v1/timelines/list/{list_id}")
    if source.kind == "account":
        account_id = opts.get("account_id")
        if not account_id:
            acct = str(opts.get("acct") or "").lstrip("@").strip()
            if not acct:
                raise FetchError(
                    ErrorKind.CONFIG, f"mastodon source {source.name!r}: account sources need options.acct or account_id"
                )
            account_id = _look_up(source, settings, acct, options["auth"])
        _check_name(source, "account_id", str(account_id), _ID)
        return _Plan(f"{base}/api/v1/accounts/{account_id}/statuses")
    raise FetchError(ErrorKind.CONFIG, f"mastodon source {source.name!r}: unknown kind {source.kind!r}")


def _look_up(source: SourceConfig, settings: Settings, acct: str, use_token: bool) -> str:
    """An account's id on the source's instance, by name (Mastodon.py's account_lookup)."""
    responses = ResponseLog.for_url(source.url, settings)
    try:
        api = make_client(source, settings, responses, use_token=use_token)
        url = f"{source.url.rstrip('/')}/api/v1/accounts/lookup?acct={acct}"
        return str(_call(api, source, url, responses, "account_lookup", acct)["id"])
    finally:
        responses.close()


def _check_name(source: SourceConfig, option: str, value: str, pattern: re.Pattern) -> None:
    # These go into the URL path; "../" or "?" would quietly read some other endpoint.
    if not pattern.fullmatch(value):
        raise FetchError(ErrorKind.CONFIG, f"mastodon source {source.name!r}: options.{option} {value!r} is not valid")


def _collect(pages: TimelinePages, source: SourceConfig, state: SourceState, options: dict,
             result: FetchResult) -> None:
    """Read pages into `result`, moving `result.state.cursor` after each page that parsed, then
    (once caught up) re-read the newest page for edits and late arrivals."""
    saved = TimelineCursor.load(state.cursor)
    cursor = saved.newest
    seen: dict[str, Post] = {}
    params: dict[str, Any] = {}
    if options["limit"] is not None:
        params["limit"] = options["limit"]
    if cursor:
        params["min_id"] = cursor
        step, pages_allowed = "prev", options["max_pages"]  # rel=prev: newer statuses
    else:
        step, pages_allowed = "next", options["first_pages"]  # rel=next: older statuses
    position = TimelineCursor(newest=cursor, recent=saved.recent)
    first_marks: dict[str, str] = {}
    bad: list[str] = []
    entries = 0
    page = None
    caught_up = False

    def keep(state_cursor: TimelineCursor) -> None:
        result.state = SourceState(etag=state.etag, last_modified=state.last_modified,
                                   cursor=state_cursor.dump(), url=state.url)

    try:
        for n in range(pages_allowed):
            if n == 0:
                page = pages.first(params)
            else:
                if _budget_spent(pages, options["reserve"], result):
                    break
                page = pages.follow(step)
                if page is None:  # no Link header: nothing further
                    caught_up = True
                    break
            parsed = parse_statuses(page, source.name, seen=seen, after_id=cursor,
                                    marks=first_marks if not cursor else None)
            result.posts.extend(parsed.posts)
            bad.extend(parsed.bad)
            entries += parsed.entries
            page_newest = parsed.newest_id
            progressed = page_newest is not None and (
                position.newest is None or status_key(page_newest) > status_key(position.newest))
            position.newest = newer_id(position.newest, page_newest)
            if not cursor:
                position.recent = dict(first_marks)
            keep(position)
            if not page or (cursor and not progressed):
                caught_up = True  # or a server that ignores min_id keeps sending the same page
                break
        if cursor and caught_up and options["overlap_pages"]:
            _reread_newest(pages, source, options, params, position, seen, result, bad)
            keep(position)
    except FetchError as failure:
        failure.apply(result)
    if bad:
        where = pages.where()
        result.skipped.extend(bad)
        for problem in bad:
            # One odd status must not stall the source (an error result stores nothing and keeps
            # the cursor), so it is recorded and skipped unless nothing on the pages was usable.
            log.warning("mastodon status skipped source=%s url=%s problem=%s", source.name, where, problem,
                        extra={"source": source.name, "url": where})
        if result.error_kind is None and not result.posts and len(bad) == entries:
            result.error_kind = ErrorKind.PARSE
            result.error = f"{where}: no usable statuses; {len(bad)} malformed: " + "; ".join(bad[:3])
    result.posts = _latest_versions(result.posts)


def _reread_newest(pages: TimelinePages, source: SourceConfig, options: dict, params: dict,
                   position: TimelineCursor, seen: dict[str, Post], result: FetchResult, bad: list[str]) -> None:
    """Re-read the newest `overlap_pages` pages; take what is new or edited since the last run."""
    newest_params = {k: v for k, v in params.items() if k != "min_id"}
    marks: dict[str, str] = {}
    page = None
    for n in range(options["overlap_pages"]):
        if _budget_spent(pages, options["reserve"], result):
            return
        page = pages.first(newest_params) if n == 0 else pages.follow("next")
        if not page:
            break
        # A cursor from before the overlap has nothing to compare with: record, return nothing new.
        known = position.recent if position.recent is not None else {str(e.get("id")): "" for e in page}
        parsed = parse_statuses(page, source.name, seen=seen, known=known, marks=marks)
        result.posts.extend(parsed.posts)
        bad.extend(parsed.bad)
    position.recent = marks


def _latest_versions(posts: list[Post]) -> list[Post]:
    """Each status once: the version edited last (a run can read a status twice, before and after
    an edit; the store must not take those for two posts)."""
    latest: dict[str, int] = {}
    out: list[Post] = []
    for post in posts:
        at = latest.get(post.platform_id)
        if at is None:
            latest[post.platform_id] = len(out)
            out.append(post)
        elif (post.updated_at or post.published_at) >= (out[at].updated_at or out[at].published_at):
            out[at] = post
    return out


def _budget_spent(pages: TimelinePages, reserve: int, result: FetchResult) -> bool:
    """Stop paging when X-RateLimit-Remaining is down to the reserve; say when to come back."""
    remaining = pages.ratelimit_remaining
    if remaining is None or remaining > reserve:
        return False
    result.retry_after_s = pages.retry_after()
    return True


def _call(api: Mastodon, source: SourceConfig, url: str, responses: ResponseLog, method: str, *args, **kwargs):
    """Call one Mastodon.py method, turning its exceptions into a FetchError with context."""
    try:
        return getattr(api, method)(*args, **kwargs)
    except MastodonError as exc:
        raise classify(exc, api, _where(source, responses, url), responses) from None
    except (requests.RequestException, ValueError) as exc:  # JSON or URL trouble below Mastodon.py
        raise FetchError(ErrorKind.PARSE, f"{_where(source, responses, url)}: {type(exc).__name__}") from None


def _where(source: SourceConfig, responses: ResponseLog, fallback_url: str) -> str:
    return f"mastodon source {source.name!r} ({responses.last_url or fallback_url})"
