"""Re-read stored Mastodon statuses: deleted ones become `Deletion`s, edited ones new `Post`s.

A timeline never shows a status again once we are past it, so edits and deletions of older posts
are found by asking for each stored status again:

- By its status id on the source's own instance (`extra["status_id"]`, kept by the collector and
  stored since migration 0005): `GET /api/v1/statuses/<id>` is the Mastodon client API, which
  Mastodon, Takahe, Pleroma, Akkoma, GoToSocial and Misskey-likes with a Mastodon API all answer,
  whatever shape their status URIs have. 404/410 (or a status no longer public) is a deletion; a
  status whose `edited_at` differs from the stored edit time comes back as a `Post`, so the edit
  reaches the store (which re-hashes it, unpublishes it and has it classified again).
- A post stored before 0005 has no status id: its URI is read as Mastodon's
  (`/users/<name>/statuses/<id>`, `/ap/users/<n>/statuses/<id>`) and the home server asked; that
  finds deletions only (the id there is not the source's). Anything else is `unchecked`, with why.

URIs come from federated content, so a hostile server could name an internal address; a URI whose
host is internal (loopback, private, link-local, `localhost`, a name in `allow_internal_hosts`) is
not contacted (`unchecked`) unless it is on the source's own instance or `allow_private_hosts` is
set (tests, a private instance). A host whose name resolves to an internal address is refused when
connecting (collectors/address_guard.py) and left `unchecked` too. The access token goes only to
the source's own instance, and only if the source sends it at all.

The check is bounded (`max_checks` requests per call) and stops at the first rate limit or network
failure, reporting it; the statuses not reached are checked on a later run.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence
from urllib.parse import urlsplit

from mastodon.errors import MastodonAPIError, MastodonError, MastodonNotFoundError

from collectors.address_guard import is_internal_host, refusal_in
from collectors.base import ErrorKind, FetchError, RecheckResult, StoredPost
from collectors.mastodon_client import ResponseLog, classify, make_client, status_code
from collectors.mastodon_parse import VISIBLE, edit_mark, status_to_post
from peerfeed.records import Deletion, Platform
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

DEFAULT_MAX_CHECKS = 40
_STATUS_PATH = re.compile(r"^/(?:ap/)?users/[^/]+/statuses/([0-9A-Za-z]+)/?$")
_STATUS_ID = re.compile(r"[0-9A-Za-z_-]{1,64}")


def status_location(uri: str) -> tuple[str, str] | None:
    """(instance base URL, status id) for a Mastodon status URI, or None if it is not one."""
    parts = urlsplit(uri)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    match = _STATUS_PATH.match(parts.path)
    if not match:
        return None
    return f"{parts.scheme}://{parts.netloc}", match.group(1)


def recheck(
    source: SourceConfig,
    stored: Sequence[StoredPost],
    settings: Settings,
    *,
    max_checks: int = DEFAULT_MAX_CHECKS,
    allow_private_hosts: bool = False,
) -> RecheckResult:
    """Ask for up to `max_checks` stored statuses again; never raises for a bad server."""
    outcome = RecheckResult(source=source.name)
    source_base = source.url.rstrip("/")
    source_host = urlsplit(source.url).netloc
    wants_token = bool(source.options.get("auth", source.kind == "list"))
    clients: dict[str, tuple] = {}
    try:
        for post in stored:
            uri = post.platform_id
            status_id = str((post.extra or {}).get("status_id") or "")
            if _STATUS_ID.fullmatch(status_id):
                base, own = source_base, True
            else:
                location = status_location(uri)
                if location is None:
                    outcome.leave(uri, "no status id stored and not a Mastodon status URI")
                    continue
                (base, status_id), own = location, False
                host = urlsplit(base)
                if host.netloc != source_host and not allow_private_hosts and (
                        not host.hostname or is_internal_host(host.hostname, settings.allow_internal_hosts)):
                    outcome.leave(uri, "its URI names an internal address")
                    continue
            if outcome.checked >= max_checks:
                break
            if base not in clients:
                session = ResponseLog.for_url(base, settings)
                origin = SourceConfig(name=source.name, platform=source.platform, url=base, kind=source.kind)
                use_token = wants_token and urlsplit(base).netloc == source_host
                clients[base] = (make_client(origin, settings, session, use_token=use_token), session)
            api, session = clients[base]
            outcome.checked += 1
            if not _ask(api, session, source, base, status_id, post, own, outcome):
                break
    finally:
        for _api, session in clients.values():
            session.close()
    return outcome


def check_deleted(source: SourceConfig, platform_ids: Iterable[str], settings: Settings, *,
                  max_checks: int = DEFAULT_MAX_CHECKS, allow_private_hosts: bool = False) -> RecheckResult:
    """`recheck` for bare status URIs (no stored status id): deletions only."""
    return recheck(source, [StoredPost(uri) for uri in platform_ids], settings, max_checks=max_checks,
                   allow_private_hosts=allow_private_hosts)


def _ask(api, session: ResponseLog, source: SourceConfig, base: str, status_id: str, post: StoredPost,
         own: bool, outcome: RecheckResult) -> bool:
    """Ask for one status and record what it says; False when checking must stop here."""
    gone = Deletion(platform=Platform.MASTODON, platform_id=post.platform_id, source=source.name)
    try:
        status = api.status(status_id)
    except MastodonNotFoundError:
        outcome.deletions.append(gone)
        return True
    except MastodonAPIError as exc:
        if status_code(exc) == 410:
            outcome.deletions.append(gone)
            return True
        return _record(outcome, classify(exc, api, _where(source, session, base, status_id), session))
    except MastodonError as exc:
        if refusal_in(exc.__context__) is not None:  # a name that resolves inside: not ours to ask
            outcome.checked -= 1
            outcome.leave(post.platform_id, "its host resolves to an internal address")
            return True
        return _record(outcome, classify(exc, api, _where(source, session, base, status_id), session))
    if status.get("visibility") not in VISIBLE:
        outcome.deletions.append(gone)  # no longer public: for a public feed, gone
        return True
    stored_mark = post.updated_at.isoformat() if post.updated_at else ""
    if own and edit_mark(status) != stored_mark:
        try:
            outcome.posts.append(status_to_post(status, source.name))
        except Exception as exc:  # noqa: BLE001 - one status costs only itself; messages may quote text
            outcome.leave(post.platform_id, f"edited, but unreadable ({type(exc).__name__})")
    return True


def _record(outcome: RecheckResult, failure: FetchError) -> bool:
    """Keep the failure; True if checking may go on (a 4xx on one status says nothing of others)."""
    failure.apply(outcome)
    return failure.kind is ErrorKind.HTTP_4XX


def _where(source: SourceConfig, session: ResponseLog, base: str, status_id: str) -> str:
    return f"mastodon source {source.name!r} re-check ({session.last_url or f'{base}/api/v1/statuses/{status_id}'})"
