"""The community's Mastodon account, as the fediverse publisher uses it: a handful of Mastodon API calls.

Plain HTTP on the collectors' guarded client (collectors/http.py: the instance is admin-configured,
but a redirect or a name that resolves inside is still refused), the token only in the Authorization
header. Mastodon.py is not used here: its version check loops forever on servers that report a
non-Mastodon version (Takahe), and the publisher needs the rate-limit headers of every answer.

Every failure is a `RemoteError` with a kind: `rate_limited` (with when to come back), `transient`
(network, 5xx: try again later), `not_found`, `refused` (another 4xx: a person must look).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import httpx

from collectors.address_guard import AddressGuard
from collectors.http import make_client, parse_retry_after
from peerfeed.settings import Settings

RATE_LIMITED, TRANSIENT, NOT_FOUND, REFUSED = "rate_limited", "transient", "not_found", "refused"
_LAST_NUMBER = re.compile(r"/(\d+)/?$")


class RemoteError(Exception):
    def __init__(self, kind: str, message: str, retry_at: datetime | None = None) -> None:
        super().__init__(message)
        self.kind, self.message, self.retry_at = kind, message, retry_at


@dataclass(frozen=True)
class RemoteStatus:
    id: str
    url: str | None


class MastodonAccount:
    """One account on one instance (`base_url`), acting with `token`."""

    def __init__(self, base_url: str, token: str, settings: Settings, client: httpx.Client | None = None) -> None:
        self.base = base_url.rstrip("/")
        self._own_client = client is None
        self.http = client or make_client(settings.fetch_timeout_s, guard=AddressGuard(settings.allow_internal_hosts))
        self.headers = {"Authorization": f"Bearer {token}", "User-Agent": settings.user_agent}
        self.remaining: int | None = None
        self.reset_at: datetime | None = None
        self._me: dict | None = None

    @classmethod
    def from_settings(cls, settings: Settings) -> MastodonAccount:
        if not settings.fediverse_instance_url or not settings.fediverse_access_token:
            raise RemoteError(REFUSED, "set PEERFEED_FEDIVERSE_INSTANCE_URL and PEERFEED_FEDIVERSE_ACCESS_TOKEN "
                                       "(the community account's token, scopes read and write)")
        return cls(settings.fediverse_instance_url, settings.fediverse_access_token.get_secret_value(), settings)

    def close(self) -> None:
        if self._own_client:
            self.http.close()

    # --- HTTP --------------------------------------------------------------------------------------

    def _call(self, method: str, path: str, **kw) -> httpx.Response:
        url = f"{self.base}{path}"
        headers = kw.pop("headers", self.headers)
        try:
            resp = self.http.request(method, url, headers=headers, **kw)
        except httpx.HTTPError as exc:
            raise RemoteError(TRANSIENT, f"{method} {url}: {type(exc).__name__}: {exc}") from None
        self._note_limits(resp)
        if resp.status_code < 300:
            return resp
        what = f"{method} {url}: HTTP {resp.status_code}"
        if resp.status_code == 429:
            wait = parse_retry_after(resp.headers.get("Retry-After"))
            at = datetime.now(timezone.utc) + timedelta(seconds=wait) if wait else (self.reset_at or
                                                                                     datetime.now(timezone.utc) + timedelta(minutes=5))
            raise RemoteError(RATE_LIMITED, f"{what} (rate limited until {at:%H:%M:%S} UTC)", at)
        if resp.status_code >= 500 or resp.status_code in (408, 425):
            raise RemoteError(TRANSIENT, what)
        if resp.status_code in (404, 410):
            raise RemoteError(NOT_FOUND, what)
        raise RemoteError(REFUSED, f"{what}: {resp.text[:200]}")

    def _note_limits(self, resp: httpx.Response) -> None:
        remaining, reset = resp.headers.get("X-RateLimit-Remaining"), resp.headers.get("X-RateLimit-Reset")
        if remaining and remaining.isdigit():
            self.remaining = int(remaining)
        if reset:
            try:
                self.reset_at = datetime.fromisoformat(reset.replace("Z", "+00:00"))
            except ValueError:
                pass

    def rate_limit_low(self, reserve: int) -> datetime | None:
        """When the instance says we are nearly out of requests: the time they come back, else None."""
        if self.remaining is not None and self.remaining <= reserve:
            return self.reset_at or datetime.now(timezone.utc) + timedelta(minutes=5)
        return None

    # --- the account ---------------------------------------------------------------------------------

    def me(self) -> dict:
        if self._me is None:
            self._me = self._call("GET", "/api/v1/accounts/verify_credentials").json()
        return self._me

    def resolve(self, uri: str, url: str | None = None) -> str | None:
        """The id on our instance of the status whose ActivityPub id is `uri`, or None.

        A status of our own instance is found by the id its address ends with (checked against its
        URI: Takahe's search fetches even its own posts over HTTPS); any other through search with
        `resolve`, which asks its home instance.
        """
        guess = _LAST_NUMBER.search(urlsplit(uri).path)
        if guess:
            try:
                status = self._call("GET", f"/api/v1/statuses/{guess.group(1)}").json()
                if status.get("uri") == uri:
                    return str(status["id"])
            except RemoteError as exc:
                if exc.kind != NOT_FOUND:
                    raise
        for q in dict.fromkeys(x for x in (uri, url) if x):
            found = self._call("GET", "/api/v2/search", params={"q": q, "resolve": "true", "type": "statuses",
                                                                 "limit": 5}).json()
            for status in found.get("statuses") or ():
                if status.get("uri") == uri or (url and status.get("url") == url):
                    return str(status["id"])
        return None

    def boost(self, status_id: str) -> RemoteStatus:
        status = self._call("POST", f"/api/v1/statuses/{status_id}/reblog").json()
        return RemoteStatus(status_id, (status.get("reblog") or status).get("url"))

    def has_boosted(self, status_id: str) -> bool:
        return bool(self._call("GET", f"/api/v1/statuses/{status_id}").json().get("reblogged"))

    def unboost(self, status_id: str) -> None:
        """Undo our boost; a status that no longer exists has no boost to undo."""
        try:
            self._call("POST", f"/api/v1/statuses/{status_id}/unreblog")
        except RemoteError as exc:
            if exc.kind != NOT_FOUND:
                raise

    def post_toot(self, text: str, spoiler: str | None, visibility: str, idempotency_key: str) -> RemoteStatus:
        data = {"status": text, "visibility": visibility}
        if spoiler:
            data.update(spoiler_text=spoiler, sensitive="true")
        # Mastodon drops a repeat with the same key for an hour; reconciliation covers servers that don't.
        status = self._call("POST", "/api/v1/statuses", data=data,
                            headers={**self.headers, "Idempotency-Key": idempotency_key}).json()
        return RemoteStatus(str(status["id"]), status.get("url"))

    def edit_toot(self, status_id: str, text: str, spoiler: str | None) -> None:
        data = {"status": text}
        if spoiler:
            data.update(spoiler_text=spoiler, sensitive="true")
        self._call("PUT", f"/api/v1/statuses/{status_id}", data=data)

    def delete_toot(self, status_id: str) -> None:
        """Delete our toot; one already gone counts as deleted."""
        try:
            self._call("DELETE", f"/api/v1/statuses/{status_id}")
        except RemoteError as exc:
            if exc.kind != NOT_FOUND:
                raise

    def find_toot(self, link: str, exclude: set[str], pages: int = 3) -> RemoteStatus | None:
        """Our newest toot linking `link` that the outbox does not already know (`exclude`): how a toot
        sent just before a crash is found instead of being sent twice."""
        hrefs = (f'href="{html.escape(link, quote=True)}"', f'href="{link}"')
        params: dict = {"limit": 40, "exclude_reblogs": "true"}
        for _ in range(pages):
            statuses = self._call("GET", f"/api/v1/accounts/{self.me()['id']}/statuses", params=params).json()
            for status in statuses:
                if str(status["id"]) not in exclude and any(h in (status.get("content") or "") for h in hrefs):
                    return RemoteStatus(str(status["id"]), status.get("url"))
            if len(statuses) < 40:
                return None
            params["max_id"] = statuses[-1]["id"]
        return None
