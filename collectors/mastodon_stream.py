"""Follow a Mastodon source live through the instance's streaming API (Mastodon.py's client).

A hashtag source follows `/api/v1/streaming/hashtag?tag=...`, a list source the list's stream, an
account source with `options.stream: user` the token's `user` stream (the token's account must
follow it; only that account's statuses are kept). Three events matter: `update` (a new status:
a `Post`, and the source's polling cursor moves on), `status.update` (an edit: the new version,
which the store re-hashes, unpublishes and has classified again) and `delete` (a status id: a
`Deletion` of the stored post with that id on this instance).

Mastodon's streams cannot resume, so every (re)connection starts with a catch-up poll from the
source's cursor (`fetch_mastodon`, which also re-reads the newest page for edits): a gap, a
restart or a network drop loses nothing. A connection that drops is retried with backoff. Events
are handed on one at a time (a hashtag is a few a minute); what the pipeline stores moves the
source's cursor in the same transaction.

No status text reaches a log: a status that cannot be parsed is recorded as "status <id>: <type>".
"""

from __future__ import annotations

import logging
import re
import threading
import time
from datetime import datetime, timezone

from mastodon import StreamListener

from collectors.base import Deliver, SourceState, StreamBatch, StreamContext, StreamPosition, describe_crash
from collectors.mastodon import TimelineCursor, fetch_mastodon
from collectors.mastodon_client import ResponseLog, make_client
from collectors.mastodon_parse import newer_id, parse_statuses
from peerfeed.records import Deletion, Platform
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

log = logging.getLogger(__name__)

READ_TIMEOUT_S = 60.0  # Mastodon sends a heartbeat every 15 s or so; four missed is a dead stream
_HASHTAG = re.compile(r"[\w\u00b7\u200c]+")
_ID = re.compile(r"[0-9A-Za-z_-]+")

class _Stopped(Exception):
    """Raised from a heartbeat to leave Mastodon.py's blocking stream when asked to stop."""


class MastodonStreamFollower:
    """One source's stream, with a catch-up poll before every connection."""

    def __init__(self, source: SourceConfig, settings: Settings, deliver: Deliver, *, state: SourceState,
                 known: dict[str, str] | None = None, read_timeout_s: float = READ_TIMEOUT_S) -> None:
        self.source = source
        self.settings = settings
        self.deliver = deliver
        self.state = state
        self.known = dict(known or {})  # status id on this instance -> stored post URI
        self.read_timeout_s = read_timeout_s
        self.name = f"mastodon stream {source.name}"
        self._stop: threading.Event | None = None
        self._session: ResponseLog | None = None
        self._last_time: datetime | None = None

    # -- events ------------------------------------------------------------------------------------

    def on_status(self, status, edit: bool) -> None:
        """A new or edited status from the stream."""
        if not self._wanted(status):
            return
        cursor = TimelineCursor.load(self.state.cursor)
        parsed = parse_statuses([status], self.source.name)
        batch = StreamBatch(self.source.name, posts=parsed.posts, skipped=parsed.bad,
                            event_time=datetime.now(timezone.utc))
        if not edit and parsed.newest_id:
            cursor.newest = newer_id(cursor.newest, parsed.newest_id)
            batch.cursor = cursor.dump()
            self.state = SourceState(self.state.etag, self.state.last_modified, batch.cursor, self.state.url)
        for post in parsed.posts:
            self.known[str(post.extra.get("status_id"))] = post.platform_id
        self._hand_on([batch])

    def on_delete(self, status_id) -> None:
        uri = self.known.pop(str(status_id), None)
        if uri is None:
            return  # not a status we keep
        self._hand_on([StreamBatch(self.source.name, deletions=[Deletion(Platform.MASTODON, uri, self.source.name)],
                                   event_time=datetime.now(timezone.utc))])

    def _wanted(self, status) -> bool:
        if self.source.kind != "account":
            return True
        account = (status.get("account") or {}) if hasattr(status, "get") else {}
        opts = self.source.options or {}
        if opts.get("account_id"):
            return str(account.get("id")) == str(opts["account_id"])
        return str(account.get("acct", "")).lstrip("@") == str(opts.get("acct", "")).lstrip("@")

    def _hand_on(self, batches: list[StreamBatch], status: str = "connected", error: str | None = None) -> None:
        times = [b.event_time for b in batches if b.event_time]
        self._last_time = max(times) if times else self._last_time
        kept = sum(len(b.posts) + len(b.deletions) for b in batches)
        self.deliver(batches, StreamPosition(self.name, Platform.MASTODON.value, self.source.url, None,
                                             self._last_time, len(batches), kept, status, error))

    # -- the connection ----------------------------------------------------------------------------

    def catch_up(self) -> bool:
        """Poll from the cursor (a gap since the last connection); False if the poll failed."""
        result = fetch_mastodon(self.source, self.state, self.settings)
        if result.error_kind is not None:  # not result.ok
            self._hand_on([], "reconnecting", f"catch-up poll failed: [{result.error_kind.value}] {result.error}")
            return False
        for post in result.posts:
            self.known[str(post.extra.get("status_id"))] = post.platform_id
        self.state = result.state
        self._hand_on([StreamBatch(self.source.name, posts=result.posts, cursor=result.state.cursor,
                                   skipped=result.skipped)], "catching up")
        return True

    def run(self, stop: threading.Event) -> None:
        """Catch up, then stream, until `stop` is set; reconnect with backoff after any drop."""
        self._stop = stop
        failures = 0
        while not stop.is_set():
            started = time.monotonic()
            try:
                if self.catch_up():
                    self._stream()
                    failures = 0
                else:
                    failures += 1
            except _Stopped:
                break
            except Exception as exc:  # noqa: BLE001 - any drop: say what (never the event), reconnect
                failures = 0 if time.monotonic() - started > 60 else failures + 1
                self._hand_on([], "reconnecting", f"stream dropped: {describe_crash(exc)}")
            if not stop.is_set():
                stop.wait(min(2 ** min(failures, 6), 60) if failures else 0.5)
        self._hand_on([], "stopped")

    def stop(self) -> None:
        """Close the open stream from another thread (the blocking read ends at once)."""
        if self._session is not None:
            self._session.close()

    def _stream(self) -> None:
        session = ResponseLog.for_url(self.source.url, self.settings)
        session.streaming = True
        self._session = session
        use_token = bool(self.source.options.get("auth", self.source.kind in ("list", "account")))
        api = make_client(self.source, self.settings, session, use_token=use_token)
        listener = _Listener(self)
        self._hand_on([], "connected")
        opts = self.source.options or {}
        try:
            if self.source.kind == "hashtag":
                tag = str(opts.get("tag") or "").lstrip("#").strip()
                if not _HASHTAG.fullmatch(tag):
                    raise ValueError("options.tag is not a hashtag")
                api.stream_hashtag(tag, listener, timeout=self.read_timeout_s)
            elif self.source.kind == "list":
                list_id = str(opts.get("list_id") or "")
                if not _ID.fullmatch(list_id):
                    raise ValueError("options.list_id is not an id")
                api.stream_list(list_id, listener, timeout=self.read_timeout_s)
            else:
                api.stream_user(listener, timeout=self.read_timeout_s)
        finally:
            self._session = None
            session.close()
        if self._stop is not None and self._stop.is_set():
            raise _Stopped()


class _Listener(StreamListener):
    """Mastodon.py's callbacks, passed on; a status that breaks costs only itself."""

    def __init__(self, follower: MastodonStreamFollower) -> None:
        super().__init__()
        self.follower = follower

    def on_update(self, status) -> None:
        self._safely(self.follower.on_status, status, False)

    def on_status_update(self, status) -> None:
        self._safely(self.follower.on_status, status, True)

    def on_delete(self, status_id) -> None:
        self._safely(self.follower.on_delete, status_id)

    def on_unknown_event(self, name, unknown_event=None) -> None:
        pass  # notifications, announcements ...: not posts

    def on_abort(self, err) -> None:
        pass  # the exception that follows says what happened

    def handle_heartbeat(self) -> None:
        if self.follower._stop is not None and self.follower._stop.is_set():
            raise _Stopped()

    def _safely(self, handler, *args) -> None:
        if self.follower._stop is not None and self.follower._stop.is_set():
            raise _Stopped()
        try:
            handler(*args)
        except _Stopped:
            raise
        except Exception as exc:  # noqa: BLE001 - one event costs only itself
            log.warning("mastodon stream event skipped stream=%s error=%s", self.follower.name, describe_crash(exc))


def follow(sources: list[SourceConfig], ctx: StreamContext) -> list[MastodonStreamFollower]:
    """The registry's stream entry for Mastodon: one follower per source."""
    return [MastodonStreamFollower(s, ctx.settings, ctx.deliver, state=ctx.source_state(s.name),
                                   known=ctx.known_status_ids(s.name)) for s in sources]
