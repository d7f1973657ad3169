"""`peerfeed feedgen publish`: write the feeds' `app.bsky.feed.generator` records to the community
account's repository, so Bluesky's apps can find them and the AppView knows which service serves them.

Logs in with the community account's handle and an app password (`PEERFEED_FEEDGEN_HANDLE`,
`PEERFEED_FEEDGEN_APP_PASSWORD`, at `PEERFEED_FEEDGEN_LOGIN_URL`). Writing a record again replaces
it, so publishing is safe to repeat (after changing topics, or the host name); a topic feed that is
no longer configured has its record deleted. What was published (the owner's DID, the record URIs)
is remembered on the channel, and from then on the feed generator answers for those URIs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from atproto import Client, models
from sqlalchemy.engine import Engine

from collectors.bluesky_session import make_client
from peerfeed.settings import Settings
from pipelines.feedgen import CHANNEL, GENERATOR, feed_definitions, feed_uri, service_did
from store.channels import channel_options, channel_state, record_channel_state
from store.db import transaction
from store.models import utcnow


class FeedgenConfigError(RuntimeError):
    """The community account is not configured."""


@dataclass(frozen=True)
class PublishedFeeds:
    owner_did: str
    service_did: str
    uris: list[str]
    removed: list[str]


def publish_feed_records(engine: Engine, settings: Settings, client: Client | None = None,
                         now: datetime | None = None) -> PublishedFeeds:
    """Put one generator record per configured feed in the community account's repository."""
    if not settings.feedgen_handle or not settings.feedgen_app_password:
        raise FeedgenConfigError("set PEERFEED_FEEDGEN_HANDLE and PEERFEED_FEEDGEN_APP_PASSWORD "
                                 "(an app password of the community account) to publish the feeds")
    now = now or utcnow()
    with transaction(engine) as session:
        options, state = channel_options(session, CHANNEL), channel_state(session, CHANNEL)
    client = client or make_client(settings.feedgen_login_url, settings)
    client.login(settings.feedgen_handle, settings.feedgen_app_password.get_secret_value(), fetch_bsky_profile=False)
    owner = client.com.atproto.server.get_session().did
    did = service_did(settings)
    uris = []
    for feed in feed_definitions(options):
        record = models.AppBskyFeedGenerator.Record(
            did=did, display_name=feed.display_name, description=feed.description,
            created_at=now.isoformat(timespec="milliseconds").replace("+00:00", "Z"))
        client.com.atproto.repo.put_record(models.ComAtprotoRepoPutRecord.Data(
            repo=owner, collection=GENERATOR, rkey=feed.rkey, record=record))
        uris.append(feed_uri(owner, feed.rkey))
    removed = [uri for uri in state.get("records", []) if uri not in uris and uri.startswith(f"at://{owner}/")]
    for uri in removed:
        client.com.atproto.repo.delete_record(models.ComAtprotoRepoDeleteRecord.Data(
            repo=owner, collection=GENERATOR, rkey=uri.rsplit("/", 1)[-1]))
    with transaction(engine) as session:
        record_channel_state(session, CHANNEL, owner_did=owner, records=uris, service_did=did,
                             published_at=now.isoformat())
    return PublishedFeeds(owner_did=owner, service_did=did, uris=uris, removed=removed)
