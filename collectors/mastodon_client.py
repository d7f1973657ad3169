"""The Mastodon.py client as peerfeed uses it, and how its failures become an `ErrorKind`.

The client gets a small requests session (`ResponseLog`) that remembers the last URL and response
headers (for error messages and Retry-After, which Mastodon.py does not read), refuses bodies over
`settings.max_feed_bytes`, and connects only where collectors/address_guard.py allows (an instance on
a public host cannot send us to an internal address, by a redirect or a name that resolves inside;
that is a `config` error). Tokens go only in the Authorization header; no message made here contains
one.
"""

from __future__ import annotations

from datetime import datetime, timezone

import requests
from mastodon import Mastodon
from mastodon.errors import (
    MastodonAPIError,
    MastodonError,
    MastodonIllegalArgumentError,
    MastodonNetworkError,
    MastodonRatelimitError,
)

from collectors.address_guard import AddressGuard, AddressRefused, GuardedAdapter, redirect_allowed, refusal_in
from collectors.base import ErrorKind, FetchError, parse_retry_after
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

DEFAULT_RETRY_AFTER_S = 60.0  # a 429 with neither Retry-After nor X-RateLimit-Reset


class ResponseTooLarge(Exception):
    pass


class ResponseLog(requests.Session):
    """A requests session for one instance (`origin`) that records the last request URL and
    response, caps body size, and connects only where `guard` allows.

    Every request, redirect hops included, must be allowed from `origin` (`redirect_allowed`).
    Environment proxies and .netrc are not used: a proxy would resolve names out of the guard's sight.
    """

    def __init__(self, max_bytes: int, origin: str, guard: AddressGuard | None = None) -> None:
        super().__init__()
        self.max_bytes = max_bytes
        self.origin = origin
        self.guard = guard or AddressGuard()
        self.trust_env = False
        self.mount("http://", GuardedAdapter(self.guard))
        self.mount("https://", GuardedAdapter(self.guard))
        self.streaming = False  # let streaming API responses through unread (see send)
        self.last_url: str | None = None
        self.last_status: int | None = None
        self.last_headers: requests.structures.CaseInsensitiveDict | None = None

    @classmethod
    def for_url(cls, url: str, settings: Settings) -> ResponseLog:
        """The session for an instance at `url`, with the settings' size cap and intranet names."""
        return cls(settings.max_feed_bytes, url, AddressGuard(settings.allow_internal_hosts))

    def send(self, request, **kwargs):
        self.last_url = request.url
        self.last_status = None
        self.last_headers = None
        if not redirect_allowed(self.origin, request.url, self.guard.allowed_hosts):
            raise AddressRefused.for_url(self.origin, request.url)
        kwargs["stream"] = True
        response = super().send(request, **kwargs)
        self.last_status = response.status_code
        self.last_headers = response.headers
        if self.streaming and "/api/v1/streaming" in request.url and response.status_code == 200:
            return response  # a server-sent event stream is read as it comes (mastodon_stream.py)
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_bytes:
            response.close()
            raise ResponseTooLarge(f"{declared} bytes declared")
        body = bytearray()
        for chunk in response.iter_content(64 * 1024):
            body += chunk
            if len(body) > self.max_bytes:
                response.close()
                raise ResponseTooLarge(f"over {self.max_bytes} bytes")
        response._content = bytes(body)  # the documented-by-use way to hand requests a read body
        return response


def make_client(source: SourceConfig, settings: Settings, session: ResponseLog, *, use_token: bool) -> Mastodon:
    """A Mastodon.py client for the source's instance; the token is sent only when `use_token`."""
    token = settings.mastodon_access_token.get_secret_value() if (use_token and settings.mastodon_access_token) else None
    return Mastodon(
        api_base_url=source.url.rstrip("/"),
        access_token=token,
        version_check_mode="none",
        ratelimit_method="throw",
        request_timeout=settings.fetch_timeout_s,
        user_agent=settings.user_agent,
        session=session,
    )


def status_code(exc: MastodonAPIError) -> int | None:
    """Mastodon.py puts the HTTP status second in the exception's args."""
    if len(exc.args) > 1 and isinstance(exc.args[1], int):
        return exc.args[1]
    return None


def classify(exc: MastodonError, api: Mastodon, where: str, session: ResponseLog) -> FetchError:
    """Sort a Mastodon.py exception into network / http_4xx / http_5xx / rate_limited / parse."""
    if isinstance(exc, MastodonIllegalArgumentError):
        return FetchError(ErrorKind.CONFIG, f"{where}: {exc}")
    if isinstance(exc, MastodonRatelimitError):
        wait = retry_after(api, session)
        return FetchError(ErrorKind.RATE_LIMITED, f"{where}: rate limited; retry in {wait:.0f} s",
                            status=session.last_status, retry_after_s=wait)
    if isinstance(exc, MastodonNetworkError):
        cause = exc.__context__
        refusal = refusal_in(cause)
        if refusal is not None:
            return FetchError(ErrorKind.CONFIG, f"{where}: {refusal}")
        if isinstance(cause, ResponseTooLarge):
            return FetchError(ErrorKind.TOO_LARGE, f"{where}: response too large ({cause})", status=session.last_status)
        reason = _network_reason(cause)
        return FetchError(ErrorKind.NETWORK, f"{where}: {reason}")
    if isinstance(exc, MastodonAPIError):
        code = status_code(exc)
        if code is None:
            # Mastodon.py's "could not parse response as JSON" (its message quotes the body; we do not)
            return FetchError(ErrorKind.PARSE, f"{where}: response was not valid JSON", status=session.last_status)
        detail = exc.args[3] if len(exc.args) > 3 and isinstance(exc.args[3], str) else ""
        detail = f" ({detail[:200]})" if detail else ""
        if code == 401:
            detail += "; check PEERFEED_MASTODON_ACCESS_TOKEN and the source's auth option"
        kind = ErrorKind.HTTP_5XX if code >= 500 else ErrorKind.HTTP_4XX
        return FetchError(kind, f"{where}: HTTP {code}{detail}", status=code)
    return FetchError(ErrorKind.PARSE, f"{where}: {type(exc).__name__}")


def _network_reason(cause: BaseException | None) -> str:
    if isinstance(cause, requests.Timeout):
        return "timed out"
    if isinstance(cause, requests.ConnectionError):
        return "could not connect"
    if cause is None:
        return "network error"
    return f"network error ({type(cause).__name__})"


def retry_after(api: Mastodon, session: ResponseLog | None) -> float:
    """Seconds to wait: Retry-After if the server sent one, else X-RateLimit-Reset, else a default;
    at least a second, at most the contract's cap (collectors/base.py: parse_retry_after)."""
    headers = session.last_headers if session is not None else None
    wait = parse_retry_after(headers.get("Retry-After")) if headers is not None else None
    if wait is None and api.ratelimit_reset:
        reset = datetime.fromtimestamp(float(api.ratelimit_reset), timezone.utc)
        wait = parse_retry_after(str((reset - datetime.now(timezone.utc)).total_seconds()))
    return DEFAULT_RETRY_AFTER_S if wait is None else max(wait, 1.0)
