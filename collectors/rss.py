"""RSS and Atom feeds: fetch with conditional GET, parse (collectors/feed_parse.py), add comments.

`fetch_feed` is the collector (network in, `FetchResult` out, never raises for a bad source);
`parse_feed` (collectors/feed_parse.py, re-exported here) is the pure part, bytes in, `Post`
records out, tested against recorded payloads.
"""

from __future__ import annotations

import logging
from dataclasses import replace

import httpx

from collectors.base import ErrorKind, FetchError, FetchResult, SourceState
from collectors.comments import dump_threads, fetch_comment_threads, load_threads, threads_to_follow
from collectors.feed_parse import FEED_ACCEPT, FeedParseError, fetch_limits, parse_feed, repair_utf8, safe_charrefs
from collectors.http import fetch_url
from peerfeed.records import Post
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

__all__ = ["FEED_ACCEPT", "FeedParseError", "fetch_feed", "fetch_limits", "parse_feed", "safe_charrefs"]

log = logging.getLogger(__name__)


def fetch_feed(
    source: SourceConfig,
    state: SourceState,
    settings: Settings,
    client: httpx.Client | None = None,
) -> FetchResult:
    """Fetch and parse one RSS/Atom source. A bad source gives an error in the result, never raises.

    Per-source options: `timeout_s`, `max_bytes` (override the settings), `comments` (also collect
    WordPress comment threads via wfw:commentRss, see collectors/comments.py).
    """
    url = state.url or source.url
    opts = source.options or {}
    try:
        limits = fetch_limits(source)
        response = fetch_url(
            url,
            settings,
            client=client,
            etag=state.etag,
            last_modified=state.last_modified,
            accept=FEED_ACCEPT,
            **limits,
        )
    except FetchError as exc:
        log.warning("feed fetch failed source=%s url=%s error_kind=%s", source.name, url, exc.kind.value, extra={"source": source.name, "url": url, "error_kind": exc.kind.value})
        return FetchResult(
            source=source.name,
            state=state,
            http_status=exc.status,
            error_kind=exc.kind,
            error=f"{source.name}: {exc}",
            retry_after_s=exc.retry_after_s,
        )

    if response.not_modified:
        # A 304 often omits the validators: keep the ones that earned it.
        new_state = replace(
            state,
            etag=response.etag or state.etag,
            last_modified=response.last_modified or state.last_modified,
            url=response.permanent_url or state.url,
        )
        comments: list[Post] = []
        if opts.get("comments"):
            # WordPress says 304 when no post changed, however many comments came in.
            comments, new_state = _comment_threads([], source, settings, new_state, response.url, client)
        return FetchResult(source=source.name, posts=comments, state=new_state, not_modified=True, http_status=304)

    new_state = replace(
        state,
        etag=response.etag,
        last_modified=response.last_modified,
        url=response.permanent_url or state.url,
    )
    body, warning = repair_utf8(response.body, response.headers.get("content-type", ""))
    skipped: list[str] = []
    try:
        posts = parse_feed(body, source.name, response.url, headers=dict(response.headers), skipped=skipped)
    except FeedParseError as exc:
        return FetchResult(
            source=source.name,
            state=new_state,
            http_status=response.status,
            error_kind=ErrorKind.PARSE,
            error=str(exc),
        )
    if opts.get("comments"):
        comments, new_state = _comment_threads(posts, source, settings, new_state, response.url, client)
        posts += comments
    if warning:
        # Not an error (the posts are kept, a person's words matter more than a stray byte) but
        # recorded, so someone can tell the blog's owner.
        warning = f"{source.name}: {warning} ({response.url})"
        log.warning("feed kept with a warning source=%s url=%s warning=%s", source.name, response.url, warning, extra={"source": source.name, "url": response.url})
    return FetchResult(source=source.name, posts=posts, state=new_state, http_status=response.status, error=warning,
                       skipped=skipped)


def _comment_threads(posts: list[Post], source: SourceConfig, settings: Settings, state: SourceState,
                     feed_url: str, client: httpx.Client | None) -> tuple[list[Post], SourceState]:
    """The comments of the threads worth reading now, and the state that remembers those threads."""
    threads = threads_to_follow(load_threads(state.cursor), posts, source, feed_url)
    comments, threads = fetch_comment_threads(threads, source, settings, client=client, skip_empty=bool(posts))
    return comments, replace(state, cursor=dump_threads(threads))


