"""Follow Bluesky live through the firehose (com.atproto.sync.subscribeRepos), filtered to the
community's terms and accounts before any heavy work.

Every event on the network arrives here, and almost all are likes, follows and reposts by people
we do not follow. So a frame is decoded (DAG-CBOR, in Rust via libipld, the atproto SDK's own
dependency) and dropped at once unless one of its operations touches an `app.bsky.feed.post`
record. A post's record is decoded (its CAR blocks) only when its author is a followed account, its
URI is one we store (an edit or a deletion of our post), or the raw blocks contain every term of
some source (a byte search, lower-cased); then the record is parsed into a `Post` with the same
parser the AppView collector uses (collectors/bluesky_parse.py) and matched exactly.

`FirehoseFilter` turns the Bluesky sources (search, hashtag and author kinds) into that test;
`read_commit` is the pure step from one frame to posts and deletions (benchmarks/stream.py times
it); `FirehoseFollower` holds the connection: it resumes from the saved sequence number, reconnects
with backoff after a network drop, and hands batches to the pipeline with the sequence number they
reach, which the pipeline stores in the same transaction as the posts (a kill -9 loses nothing and
repeats nothing the store keeps twice).
"""

from __future__ import annotations

import logging
import re
import socket
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from urllib.parse import urlencode, urlsplit

import libipld
from atproto_client.models.dot_dict import DotDict
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI
from websockets.sync.client import connect

from collectors.address_guard import AddressGuard, AddressRefused
from collectors.base import Deliver, StreamBatch, StreamContext, StreamPosition, describe_crash
from collectors.bluesky_parse import BSKY_WEB, parse_time, post_from_record, web_url
from collectors.http import tls_context
from peerfeed.dedupe import canonical_url
from peerfeed.records import Deletion, Platform, Post
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

log = logging.getLogger(__name__)

POST_COLLECTION = "app.bsky.feed.post/"
SUBSCRIBE = "com.atproto.sync.subscribeRepos"
MAX_FRAME_BYTES = 5 * 1024 * 1024  # the SDK's own limit for a firehose frame
_WORDS = re.compile(r'"([^"]+)"|(\S+)')


def search_terms(q: str) -> list[str]:
    """The words (and "quoted phrases") of a search, case-folded: a post must contain them all."""
    terms = []
    for phrase, word in _WORDS.findall(q):
        term = (phrase or word).casefold().strip()
        if term and not term.startswith(("from:", "since:", "until:", "lang:")):  # search operators
            terms.append(term)
    return terms


@dataclass(frozen=True)
class _Rule:
    source: str
    terms: tuple[str, ...] = ()
    tag: str | None = None
    did: str | None = None
    needles: tuple[bytes, ...] = ()  # lower-cased UTF-8 that must be in the raw blocks (ASCII terms only)
    written: re.Pattern | None = None  # "#tag" typed in the text without a tag facet


@dataclass
class FirehoseFilter:
    """Which source a post belongs to, from the Bluesky sources a stream follows.

    `search` sources match a post containing all their words (case-folded, in its text or tags),
    `hashtag` sources a post carrying the tag (a tag facet, a record tag, or "#tag" typed in the
    text, as Bluesky's search finds it), `author` sources any post by the account (`dids`
    maps each actor, handle or DID, to its DID; handles are resolved by the pipeline at start).
    """

    rules: list[_Rule] = field(default_factory=list)
    authors: dict[str, str] = field(default_factory=dict)  # DID -> source

    @classmethod
    def for_sources(cls, sources: Iterable[SourceConfig], dids: dict[str, str] | None = None) -> "FirehoseFilter":
        dids = dids or {}
        out = cls()
        for source in sources:
            opts = source.options or {}
            if source.kind == "search":
                terms = tuple(search_terms(str(opts.get("q") or "")))
                if terms:
                    out.rules.append(_Rule(source.name, terms=terms, needles=_needles(terms)))
            elif source.kind == "hashtag":
                tag = str(opts.get("tag") or "").strip().lstrip("#").casefold()
                if tag:
                    written = re.compile(rf"(?<![\w#])#{re.escape(tag)}(?![\w])")
                    out.rules.append(_Rule(source.name, tag=tag, needles=_needles([tag]), written=written))
            elif source.kind == "author":
                actor = str(opts.get("actor") or "").strip().lstrip("@")
                did = actor if actor.startswith("did:") else dids.get(actor)
                if did:
                    out.authors.setdefault(did, source.name)
        return out

    def worth_decoding(self, did: str, blocks: bytes) -> bool:
        """The cheap test on a commit's raw bytes: could a post in it belong to a source?"""
        if did in self.authors:
            return True
        lowered = None
        for rule in self.rules:
            if not rule.needles:
                return True  # a non-ASCII term: only the parsed text can tell
            lowered = lowered if lowered is not None else blocks.lower()
            if all(n in lowered for n in rule.needles):
                return True
        return False

    def source_of(self, did: str, post: Post) -> str | None:
        """The first source the parsed post belongs to, or None."""
        if did in self.authors:
            return self.authors[did]
        text = post.content_text.casefold()
        tags = {t.casefold() for t in post.tags}
        words = f"{text}\n{' '.join(tags)}"
        for rule in self.rules:
            if rule.tag is not None:
                if rule.tag in tags or (rule.written is not None and rule.written.search(text)):
                    return rule.source
            elif all(term in words for term in rule.terms):
                return rule.source
        return None


def _needles(terms: Iterable[str]) -> tuple[bytes, ...]:
    if any(not t.isascii() for t in terms):
        return ()
    return tuple(t.lower().encode() for t in terms)


@dataclass
class CommitEvents:
    """What one firehose frame meant for us."""

    seq: int | None = None
    time: datetime | None = None
    posts: list[tuple[str, Post]] = field(default_factory=list)  # (source, post)
    deletions: list[tuple[str, Deletion]] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (source, "post <uri>: why")
    error: str | None = None  # an error frame from the server


class KnownPosts:
    """The Bluesky posts the store holds (URI -> source), so edits and deletions of them are kept
    whether or not they still match; and by author, for an account deleted whole."""

    def __init__(self, known: dict[str, str] | None = None) -> None:
        self.by_uri: dict[str, str] = {}
        self.by_did: dict[str, set[str]] = {}
        for uri, source in (known or {}).items():
            self.add(uri, source)

    def add(self, uri: str, source: str) -> None:
        self.by_uri[uri] = source
        self.by_did.setdefault(uri.split("/")[2], set()).add(uri)

    def remove(self, uri: str) -> None:
        self.by_uri.pop(uri, None)
        self.by_did.get(uri.split("/")[2], set()).discard(uri)


def read_commit(frame: bytes, rules: FirehoseFilter, known: KnownPosts) -> CommitEvents:
    """Decode one firehose frame; return the posts, edits and deletions that concern our sources.

    Likes, follows, reposts and every other record type are dropped after the frame header and op
    list are read; a post's record is decoded only when `rules.worth_decoding` says it might match.
    """
    header, body = libipld.decode_dag_cbor_multi(frame)
    out = CommitEvents()
    if header.get("op") == -1:
        out.error = f"{body.get('error')}: {body.get('message') or ''}".strip()
        return out
    out.seq = body.get("seq")
    kind = header.get("t")
    if kind == "#account" and body.get("active") is False and body.get("status") in ("deleted", "takendown"):
        did = body.get("did")
        for uri in sorted(known.by_did.get(did, ())):
            out.deletions.append((known.by_uri[uri], Deletion(Platform.BLUESKY, uri, known.by_uri[uri])))
        return out
    if kind != "#commit":
        return out
    ops = [op for op in body.get("ops") or () if str(op.get("path", "")).startswith(POST_COLLECTION)]
    if not ops:
        return out  # a like, a follow, a profile: the common case, dropped here
    did = body.get("repo") or ""
    out.time = parse_time(body.get("time"))
    blocks = None
    for op in ops:
        uri = f"at://{did}/{op['path']}"
        action = op.get("action")
        if action == "delete":
            if uri in known.by_uri:
                out.deletions.append((known.by_uri[uri], Deletion(Platform.BLUESKY, uri, known.by_uri[uri])))
            continue
        if action not in ("create", "update") or op.get("cid") is None:
            continue
        raw = body.get("blocks") or b""
        if uri not in known.by_uri and not rules.worth_decoding(did, raw):
            continue
        try:
            if blocks is None:
                blocks = libipld.decode_car(raw)[1]
            record = blocks.get(op["cid"])
            if not isinstance(record, dict) or record.get("$type") != "app.bsky.feed.post":
                continue
            post = post_from_record(uri, DotDict(record), "", did=did, cid=libipld.encode_cid(op["cid"]),
                                    indexed=out.time)
        except Exception as exc:  # noqa: BLE001 - one record costs only itself; messages may quote text
            source = known.by_uri.get(uri) or rules.authors.get(did)
            if source:
                out.skipped.append((source, f"post {uri}: {type(exc).__name__}"))
            continue
        source = known.by_uri.get(uri) or rules.source_of(did, post)
        if source is not None:
            out.posts.append((source, post))
    return out


class ProfileCache:
    """Handles and display names for the DIDs whose posts we keep (the firehose carries only DIDs),
    from app.bsky.actor.getProfiles on an AppView, 25 at a time; a failure leaves the DID."""

    def __init__(self, appview: str | None, settings: Settings) -> None:
        self.appview, self.settings = appview, settings
        self.known: dict[str, tuple[str, str | None]] = {}

    def fill(self, dids: set[str]) -> None:
        wanted = sorted(d for d in dids if d not in self.known)
        if not wanted or not self.appview:
            return
        from collectors.bluesky_session import make_client

        client = make_client(self.appview, self.settings)
        try:
            for i in range(0, len(wanted), 25):
                res = client.app.bsky.actor.get_profiles({"actors": wanted[i:i + 25]})
                for profile in res.profiles:
                    self.known[profile.did] = (profile.handle, profile.display_name)
        except Exception as exc:  # noqa: BLE001 - a name is a nicety; the DID will do
            log.warning("profile lookup failed url=%s error=%s", self.appview, describe_crash(exc))
        finally:
            client.request.close()

    def named(self, post: Post, did: str) -> Post:
        handle, display = self.known.get(did, (None, None))
        if not handle or handle == "handle.invalid":
            return post
        url = web_url(handle, post.platform_id)
        return replace(post, url=url, canonical_url=canonical_url(url), author=(display or "").strip() or handle,
                       author_url=f"{BSKY_WEB}/profile/{handle}", extra={**post.extra, "handle": handle})


class FirehoseFollower:
    """One firehose connection for every streamed Bluesky source; see the module docstring."""

    def __init__(self, url: str, sources: list[SourceConfig], settings: Settings, deliver: Deliver, *,
                 cursor: str | None = None, known: dict[str, str] | None = None, dids: dict[str, str] | None = None,
                 appview: str | None = None, flush_s: float = 0.5) -> None:
        self.url = url.rstrip("/")
        self.name = f"bluesky firehose {self.url}"
        self.settings = settings
        self.deliver = deliver
        self.rules = FirehoseFilter.for_sources(sources, dids)
        self.known = KnownPosts(known)
        self.cursor = cursor
        self.flush_s = flush_s
        self.profiles = ProfileCache(appview, settings)
        self._pending: list[CommitEvents] = []
        self._events = 0
        self._last_time: datetime | None = None
        self._last_flush = time.monotonic()

    # -- the pure part: frames in, batches out ----------------------------------------------------

    def handle(self, frame: bytes) -> None:
        """Read one frame into the pending batch (flushed by `flush_if_due`)."""
        try:
            events = read_commit(frame, self.rules, self.known)
        except Exception as exc:  # noqa: BLE001 - an undecodable frame costs only itself
            log.warning("firehose frame skipped stream=%s error=%s", self.name, describe_crash(exc))
            return
        if events.error:
            raise FirehoseError(events.error)
        self._events += 1
        if events.seq is not None:
            self.cursor = str(events.seq)
        if events.time is not None:
            self._last_time = events.time
        if events.posts or events.deletions or events.skipped:
            self._pending.append(events)
            for source, post in events.posts:
                self.known.add(post.platform_id, source)
            for _source, deletion in events.deletions:
                self.known.remove(deletion.platform_id)

    def flush_if_due(self, force: bool = False) -> None:
        """Hand on what is pending (and the position) every `flush_s`, or now when forced."""
        now = time.monotonic()
        if not force and now - self._last_flush < self.flush_s:
            return
        if not self._pending and not self._events:
            return
        self._last_flush = now
        pending, self._pending = self._pending, []
        events, self._events = self._events, 0
        self.profiles.fill({p.platform_id.split("/")[2] for e in pending for _s, p in e.posts})
        batches: dict[str, StreamBatch] = {}
        kept = 0
        for e in pending:
            for source, post in e.posts:
                post = self.profiles.named(post, post.platform_id.split("/")[2])
                batches.setdefault(source, StreamBatch(source)).posts.append(_with_source(post, source))
                batches[source].event_time = e.time
                kept += 1
            for source, deletion in e.deletions:
                batches.setdefault(source, StreamBatch(source)).deletions.append(deletion)
                kept += 1
            for source, why in e.skipped:
                batches.setdefault(source, StreamBatch(source)).skipped.append(why)
        self.deliver(list(batches.values()), StreamPosition(self.name, Platform.BLUESKY.value, self.url,
                                                             self.cursor, self._last_time, events, kept))

    # -- the connection ----------------------------------------------------------------------------

    def run(self, stop: threading.Event) -> None:
        """Follow the firehose until `stop` is set, reconnecting after any drop."""
        failures = 0
        while not stop.is_set():
            started = time.monotonic()
            try:
                with self._connect() as ws:
                    self._status("connected")
                    while not stop.is_set():
                        try:
                            frame = ws.recv(timeout=min(self.flush_s, 1.0))
                        except TimeoutError:
                            self.flush_if_due()
                            continue
                        if isinstance(frame, bytes):
                            self.handle(frame)
                        self.flush_if_due()
                self.flush_if_due(force=True)
                failures = 0
            except FirehoseError as exc:
                self.flush_if_due(force=True)
                if "FutureCursor" in str(exc):
                    self.cursor = None  # the relay has never seen that far: start from now
                failures += 1
                self._status("reconnecting", f"server said {exc}")
            except (OSError, ConnectionClosed, InvalidHandshake, InvalidURI, AddressRefused) as exc:
                self.flush_if_due(force=True)
                failures = 0 if time.monotonic() - started > 60 else failures + 1
                self._status("reconnecting", f"{type(exc).__name__}: {exc}"[:300])
            if not stop.is_set():
                stop.wait(min(2 ** min(failures, 6), 60) if failures else 1.0)
        self._status("stopped")

    def _status(self, status: str, error: str | None = None) -> None:
        if error:
            log.warning("firehose %s stream=%s error=%s", status, self.name, error)
        self.deliver([], StreamPosition(self.name, Platform.BLUESKY.value, self.url, self.cursor, self._last_time,
                                        0, 0, status, error))

    def _connect(self):
        params = {"cursor": self.cursor} if self.cursor else {}
        uri = f"{self.url}/xrpc/{SUBSCRIBE}" + (f"?{urlencode(params)}" if params else "")
        parts = urlsplit(uri)
        secure = parts.scheme in ("wss", "https")
        if parts.scheme in ("http", "https"):
            uri = ("wss" if secure else "ws") + uri[len(parts.scheme):]
        port = parts.port or (443 if secure else 80)
        # The socket is opened to an address the guard has judged, as for every other collector.
        addresses = AddressGuard(self.settings.allow_internal_hosts).addresses(parts.hostname or "", port)
        sock = socket.create_connection((addresses[0], port), timeout=self.settings.fetch_timeout_s)
        sock.settimeout(None)  # websockets reads on its own thread; quiet minutes are not an error
        return connect(uri, sock=sock, ssl=tls_context() if secure else None,
                       server_hostname=parts.hostname if secure else None, max_size=MAX_FRAME_BYTES,
                       open_timeout=self.settings.fetch_timeout_s, close_timeout=1,
                       user_agent_header=self.settings.user_agent)


class FirehoseError(Exception):
    """An error frame from the server (FutureCursor, ConsumerTooSlow ...)."""


def _with_source(post: Post, source: str) -> Post:
    return replace(post, source=source)


def resolve_dids(sources: Iterable[SourceConfig], settings: Settings) -> dict[str, str]:
    """Handle -> DID for the author sources that name a handle (com.atproto.identity.resolveHandle
    on each source's service). A handle that does not resolve is logged and left out."""
    from collectors.bluesky_session import make_client

    out: dict[str, str] = {}
    for source in sources:
        actor = str((source.options or {}).get("actor") or "").strip().lstrip("@")
        if source.kind != "author" or not actor or actor.startswith("did:") or actor in out:
            continue
        client = make_client(source.url, settings)
        try:
            out[actor] = client.com.atproto.identity.resolve_handle({"handle": actor}).did
        except Exception as exc:  # noqa: BLE001 - reported; the source is still polled by collect
            log.warning("handle not resolved source=%s url=%s error=%s", source.name, source.url,
                        describe_crash(exc))
        finally:
            client.request.close()
    return out


def follow(sources: list[SourceConfig], ctx: StreamContext) -> list[FirehoseFollower]:
    """The registry's stream entry for Bluesky: one firehose follower for all these sources."""
    if not sources:
        return []
    url = ctx.settings.bluesky_firehose_url
    name = f"bluesky firehose {url.rstrip('/')}"
    return [FirehoseFollower(url, sources, ctx.settings, ctx.deliver, cursor=ctx.saved_cursor(name),
                             known=ctx.known_posts(Platform.BLUESKY.value), dids=resolve_dids(sources, ctx.settings),
                             appview=sources[0].url, flush_s=ctx.flush_s)]
