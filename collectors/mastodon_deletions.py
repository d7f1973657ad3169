"""Find Mastodon posts that were deleted upstream, so the store can erase their text.

A post's `platform_id` is its status URI, which names the server that owns it and, for Mastodon
servers, the status id there (`/users/<name>/statuses/<id>` or, from 4.5, `/ap/users/<n>/statuses/<id>`).
`check_deleted` asks that server for each status: a 404 or 410 means deleted (or no longer public,
which for a public feed is the same thing). URIs of other server software cannot be checked this way
and are counted as `unchecked`.

URIs come from federated content, so a hostile server could name an internal address; URIs whose
host is internal (loopback, private, link-local, `localhost`, a name in `allow_internal_hosts`) are
not contacted (counted as `unchecked`) unless they are on the source's own instance or
`allow_private_hosts` is set (tests, a private instance). A host whose name resolves to an internal
address is refused when connecting (collectors/address_guard.py) and counted as `unchecked` too.

The check is bounded (`max_checks` per call) and stops at the first rate limit or network failure,
reporting it; the statuses not reached are simply checked on a later run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable
from urllib.parse import urlsplit

from mastodon.errors import MastodonAPIError, MastodonError, MastodonNotFoundError

from collectors.address_guard import is_internal_host, refusal_in
from collectors.base import ErrorKind
from collectors.mastodon_client import FetchFailure, ResponseLog, classify, make_client, status_code
from peerfeed.records import Deletion, Platform
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

DEFAULT_MAX_CHECKS = 40
_STATUS_PATH = re.compile(r"^/(?:ap/)?users/[^/]+/statuses/([0-9A-Za-z]+)/?$")


@dataclass
class DeletionCheck:
    """The outcome of one bounded re-check: deletions found and how far it got."""

    source: str
    deletions: list[Deletion] = field(default_factory=list)
    checked: int = 0
    unchecked: list[str] = field(default_factory=list)
    error_kind: ErrorKind | None = None
    error: str | None = None
    retry_after_s: float | None = None

    @property
    def ok(self) -> bool:
        return self.error_kind is None


def status_location(uri: str) -> tuple[str, str] | None:
    """(instance base URL, status id) for a Mastodon status URI, or None if it is not one."""
    parts = urlsplit(uri)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    match = _STATUS_PATH.match(parts.path)
    if not match:
        return None
    return f"{parts.scheme}://{parts.netloc}", match.group(1)


def check_deleted(
    source: SourceConfig,
    platform_ids: Iterable[str],
    settings: Settings,
    *,
    max_checks: int = DEFAULT_MAX_CHECKS,
    allow_private_hosts: bool = False,
) -> DeletionCheck:
    """Re-fetch up to `max_checks` statuses (by URI) from their home servers; 404/410 -> Deletion.

    Never raises for a bad server. The access token is sent only to the source's own instance
    (and only if the source sends it at all), never to other servers named in URIs.
    """
    outcome = DeletionCheck(source=source.name)
    source_host = urlsplit(source.url).netloc
    wants_token = bool(source.options.get("auth", source.kind == "list"))
    clients: dict[str, tuple] = {}
    for uri in platform_ids:
        location = status_location(uri)
        if location is None:
            outcome.unchecked.append(uri)
            continue
        parts = urlsplit(location[0])
        if parts.netloc != source_host and not allow_private_hosts and (
                not parts.hostname or is_internal_host(parts.hostname, settings.allow_internal_hosts)):
            outcome.unchecked.append(uri)
            continue
        if outcome.checked >= max_checks:
            break
        base, status_id = location
        if base not in clients:
            session = ResponseLog.for_url(base, settings)
            origin = SourceConfig(name=source.name, platform=source.platform, url=base, kind=source.kind)
            use_token = wants_token and urlsplit(base).netloc == source_host
            clients[base] = (make_client(origin, settings, session, use_token=use_token), session)
        api, session = clients[base]
        outcome.checked += 1
        try:
            api.status(status_id)
        except MastodonNotFoundError:
            outcome.deletions.append(Deletion(platform=Platform.MASTODON, platform_id=uri, source=source.name))
        except MastodonAPIError as exc:
            if status_code(exc) == 410:
                outcome.deletions.append(Deletion(platform=Platform.MASTODON, platform_id=uri, source=source.name))
                continue
            if not _record(outcome, classify(exc, api, _where(source, session, base, status_id), session)):
                break
        except MastodonError as exc:
            if refusal_in(exc.__context__) is not None:  # a name that resolves inside: not ours to ask
                outcome.checked -= 1
                outcome.unchecked.append(uri)
                continue
            if not _record(outcome, classify(exc, api, _where(source, session, base, status_id), session)):
                break
    for _api, session in clients.values():
        session.close()
    return outcome


def _record(outcome: DeletionCheck, failure: FetchFailure) -> bool:
    """Keep the failure; return True if checking may go on (a 4xx on one status says nothing of others)."""
    outcome.error_kind, outcome.error, outcome.retry_after_s = failure.kind, failure.message, failure.retry_after_s
    return failure.kind is ErrorKind.HTTP_4XX


def _where(source: SourceConfig, session: ResponseLog, base: str, status_id: str) -> str:
    return f"mastodon source {source.name!r} deletion check ({session.last_url or f'{base}/api/v1/statuses/{status_id}'})"
