"""The Bluesky custom feed: a feed generator that lists cleared Bluesky posts, newest first.

Bluesky's own feed generators pick posts by rules; this one lists only what peerfeed's publication
gate clears (store/feed.py), asked afresh on every request, so a post that is hidden, re-held, edited
or deleted upstream is gone from the next page anyone loads. Optionally one feed per topic.

The service answers three things, as Bluesky's AppView expects of a feed generator:

- `/.well-known/did.json`: the service's `did:web` document, whose `#bsky_fg` service is this server;
- `app.bsky.feed.describeFeedGenerator`: the service DID and its feeds' at:// URIs;
- `app.bsky.feed.getFeedSkeleton`: one page of post URIs and the cursor of the next.

The feeds are records in the community account's repository (`pipelines/feedgen_publish.py`,
`peerfeed feedgen publish`); until they are published, feed URIs name the service's own DID. The
AppView sends a signed token for signed-in viewers; nothing here is personal, so it is not read.
A skeleton carries no text, and the feed's description (set when publishing) says how posts are
cleared.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Engine

from peerfeed.settings import Settings
from pipelines.digest import TOPIC_NAMES
from store.channels import channel_enabled, channel_options, channel_state
from store.db import transaction
from store.feed import BadCursor, feed_page

log = logging.getLogger(__name__)

CHANNEL = "bluesky_feed"
GENERATOR = "app.bsky.feed.generator"
MAIN_FEED = "peerfeed"
# Per-topic feeds: (record key, display name). Keys show in the feed's address and Bluesky's apps
# expect at most 15 characters; display names may have at most 24.
TOPIC_FEEDS = {
    "peer_support": ("peer-support", "Peer support"), "care_planning": ("care-planning", "Care planning"),
    "coproduction": ("coproduction", "Co-production"), "carers": ("carers", "Carers"),
    "services_access": ("access", "Access to services"), "recovery_wellbeing": ("recovery", "Recovery and wellbeing"),
    "employment": ("work", "Work and volunteering"), "treatment": ("treatment", "Treatment and medication"),
    "digital": ("digital", "Digital and online"), "events": ("events", "Events"),
    "stigma_rights": ("stigma-rights", "Stigma and rights"),
}
DESCRIPTION = ("Posts from the UK peer-support community, gathered by peerfeed. Each was approved by a "
               "moderator, or published automatically because our checks found no sign of distress and no "
               "person has reviewed it yet. A post that is taken down leaves the feed at once.")


@dataclass(frozen=True)
class FeedDefinition:
    rkey: str
    topic: str | None  # None: every cleared Bluesky post
    display_name: str
    description: str


def feed_definitions(options: dict[str, Any]) -> list[FeedDefinition]:
    """The main feed, then one per topic listed in the channel's `topics` option (taxonomy order)."""
    feeds = [FeedDefinition(MAIN_FEED, None, "peerfeed: peer support", DESCRIPTION)]
    wanted = set(options.get("topics") or ())
    for topic, (rkey, name) in TOPIC_FEEDS.items():
        if topic in wanted:
            feeds.append(FeedDefinition(rkey, topic, name, f"{TOPIC_NAMES[topic]}. {DESCRIPTION}"))
    return feeds


def service_did(settings: Settings) -> str:
    """`did:web:<host>`, a port written as %3A (did:web cannot hold a path)."""
    return "did:web:" + settings.feedgen_hostname.strip().lower().replace(":", "%3A")


def service_url(settings: Settings) -> str:
    """Where the AppView reaches this server: https, except plain http for a localhost name."""
    host = settings.feedgen_hostname.strip().lower()
    local = host.split(":")[0] in ("localhost", "127.0.0.1") or host.split(":")[0].endswith(".localhost")
    return f"{'http' if local else 'https'}://{host}"


def did_document(settings: Settings) -> dict:
    did = service_did(settings)
    return {
        "@context": ["https://www.w3.org/ns/did/v1"],
        "id": did,
        "service": [{"id": "#bsky_fg", "type": "BskyFeedGenerator", "serviceEndpoint": service_url(settings)}],
    }


def feed_owner(settings: Settings, state: dict[str, Any]) -> str:
    """The DID whose repository holds the feed records (the service's own until they are published)."""
    return state.get("owner_did") or service_did(settings)


def feed_uri(owner_did: str, rkey: str) -> str:
    return f"at://{owner_did}/{GENERATOR}/{rkey}"


class XrpcError(Exception):
    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


def describe(engine: Engine, settings: Settings) -> dict:
    """app.bsky.feed.describeFeedGenerator's answer."""
    with transaction(engine) as session:
        options, state = channel_options(session, CHANNEL), channel_state(session, CHANNEL)
    owner = feed_owner(settings, state)
    return {"did": service_did(settings),
            "feeds": [{"uri": feed_uri(owner, f.rkey)} for f in feed_definitions(options)]}


def skeleton(engine: Engine, settings: Settings, feed: str | None, limit: str | None = None,
             cursor: str | None = None) -> dict:
    """app.bsky.feed.getFeedSkeleton's answer for one page; XrpcError for an unknown feed or a bad
    limit or cursor. A paused channel lists nothing."""
    try:
        size = 50 if limit in (None, "") else int(limit)
    except ValueError:
        raise XrpcError(400, "InvalidRequest", "limit must be an integer") from None
    if not 1 <= size <= 100:
        raise XrpcError(400, "InvalidRequest", "limit must be between 1 and 100")
    with transaction(engine) as session:
        options, state = channel_options(session, CHANNEL), channel_state(session, CHANNEL)
        owner = feed_owner(settings, state)
        by_uri = {feed_uri(owner, f.rkey): f for f in feed_definitions(options)}
        definition = by_uri.get(feed or "")
        if definition is None:
            raise XrpcError(400, "UnknownFeed", f"this service has no feed {str(feed)[:200]!r}")
        if not channel_enabled(session, CHANNEL):
            return {"feed": []}
        try:
            items, next_cursor = feed_page(session, size, cursor or None, topic=definition.topic)
        except BadCursor as exc:
            raise XrpcError(400, "InvalidRequest", str(exc)) from None
    out: dict[str, Any] = {"feed": [{"post": item.uri} for item in items]}
    if next_cursor:
        out["cursor"] = next_cursor
    return out


def feedgen_app(engine: Engine, settings: Settings):
    """The feed generator as an ASGI app (Starlette); serve it with `serve_feedgen` or any ASGI server."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    headers = {"Cache-Control": "no-store"}  # a withdrawn post must not linger in a cache

    def xrpc(fn):
        def endpoint(request: Request) -> JSONResponse:
            try:
                return JSONResponse(fn(request), headers=headers)
            except XrpcError as exc:
                return JSONResponse({"error": exc.error, "message": exc.message}, status_code=exc.status,
                                    headers=headers)
        return endpoint

    def get_skeleton(request: Request) -> dict:
        q = request.query_params
        return skeleton(engine, settings, q.get("feed"), q.get("limit"), q.get("cursor"))

    routes = [
        Route("/.well-known/did.json", xrpc(lambda request: did_document(settings))),
        Route("/xrpc/app.bsky.feed.describeFeedGenerator", xrpc(lambda request: describe(engine, settings))),
        Route("/xrpc/app.bsky.feed.getFeedSkeleton", xrpc(get_skeleton)),
    ]
    return Starlette(routes=routes)


def serve_feedgen(engine: Engine, settings: Settings, host: str = "127.0.0.1", port: int = 8503) -> None:
    """Serve the feed generator until interrupted (uvicorn)."""
    from pipelines.web import serve

    log.info("feed generator %s at http://%s:%d", service_did(settings), host, port)
    serve(feedgen_app(engine, settings), host, port)
