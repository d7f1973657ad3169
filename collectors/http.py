"""A polite, capped HTTP GET shared by the collectors.

`fetch_url` asks once, follows at most a few redirects itself (so it can tell a permanent move from a
temporary one), sends conditional headers, stops reading at a size cap, decompresses gzip/deflate with
a bounded output (a gzip bomb costs at most the cap), keeps to an overall deadline as well as httpx's
per-read timeouts, and sorts every failure into an `ErrorKind`. Failures raise `FetchError`, which
carries the kind, the HTTP status and any Retry-After (collectors/base.py), so the caller can turn
it into a `FetchResult`.

Clients from `make_client` connect only where collectors/address_guard.py allows: a public feed
cannot make us reach an internal address, by a redirect or by a name that resolves inside. A refusal
is a `config` error naming the URL and the kind of address.
"""

from __future__ import annotations

import functools
import ssl
import time
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx

from collectors.address_guard import (
    AddressGuard,
    AddressRefused,
    GuardedTransport,
    redirect_allowed,
    refusal_in,
)
from collectors.base import ErrorKind, FetchError, parse_retry_after
from peerfeed.settings import Settings

MAX_REDIRECTS = 5
PERMANENT_REDIRECTS = {301, 308}
REDIRECTS = {301, 302, 303, 307, 308}
# We decode these ourselves (see _Decoder); advertising br/zstd would hand us bodies we cannot bound.
ACCEPT_ENCODING = "gzip, deflate"


__all__ = ["FetchError", "HttpResponse", "fetch_url", "make_client", "parse_retry_after", "tls_context"]


@functools.lru_cache(maxsize=1)
def tls_context() -> ssl.SSLContext:
    """The one TLS context of every httpx client the collectors make (feeds, Bluesky's SDK).

    Loading the CA bundle takes ~25 ms: once per process, not once per fetch or per source.
    """
    import certifi

    return ssl.create_default_context(cafile=certifi.where())


def make_client(timeout_s: float | None = None, *, guard: AddressGuard | None = None) -> httpx.Client:
    """An httpx client for collectors: no automatic redirects (fetch_url follows them itself), and
    connections only to addresses `guard` allows (default: no intranet names allowed; build it with
    `AddressGuard(settings.allow_internal_hosts)` to match the settings `fetch_url` gets).

    Pass one to many `fetch_url` calls to reuse connections; it is safe to share between threads.
    Environment proxies are not used (a proxy would resolve names out of the guard's sight).
    """
    transport = GuardedTransport(guard or AddressGuard(), tls_context())
    return httpx.Client(timeout=timeout_s, follow_redirects=False, transport=transport)


@dataclass(frozen=True)
class HttpResponse:
    """A complete, decoded response body within the caps (or a 304 with no body)."""

    url: str  # where the body came from, after redirects
    status: int
    headers: httpx.Headers
    body: bytes
    permanent_url: str | None = None  # the new home if the first hops were all permanent redirects

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def etag(self) -> str | None:
        return self.headers.get("etag") or None

    @property
    def last_modified(self) -> str | None:
        return self.headers.get("last-modified") or None


def ratelimit_reset(value: str, now: datetime | None = None) -> float | None:
    """Seconds until an X-RateLimit-Reset (an ISO 8601 time, as Mastodon sends it), through the
    contract's one Retry-After rule (never negative, capped)."""
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return parse_retry_after(str((when - (now or datetime.now(timezone.utc))).total_seconds()))


def classify_status(status: int) -> ErrorKind | None:
    """The ErrorKind of an HTTP status, or None when it is not an error (2xx, 304)."""
    if status == 429:
        return ErrorKind.RATE_LIMITED
    if status >= 500:
        return ErrorKind.HTTP_5XX
    if status >= 400:
        return ErrorKind.HTTP_4XX
    return None


def status_error(status: int, url: str, headers: httpx.Headers | None = None) -> FetchError:
    """A FetchError for an HTTP error status, with Retry-After read from the headers."""
    kind = classify_status(status) or ErrorKind.HTTP_4XX
    retry = parse_retry_after(headers.get("retry-after")) if headers is not None else None
    if retry is None and status == 429 and headers is not None and headers.get("x-ratelimit-reset"):
        retry = ratelimit_reset(headers["x-ratelimit-reset"])
    reason = httpx.codes.get_reason_phrase(status) or "error"
    message = f"HTTP {status} {reason} from {url}"
    if status == 410:
        message += " (the feed is gone; remove or replace the source)"
    if retry is not None:
        message += f"; retry after {retry:.0f}s"
    return FetchError(kind, message, status=status, retry_after_s=retry)


class _Decoder:
    """Content-Encoding decoder whose output is capped, whatever the compression ratio."""

    def __init__(self, encoding: str, max_bytes: int, url: str) -> None:
        self.url = url
        self.max_bytes = max_bytes
        self.out = bytearray()
        encs = [e.strip().lower() for e in encoding.split(",") if e.strip() and e.strip().lower() != "identity"]
        if not encs:
            self._z = None
        elif encs == ["gzip"] or encs == ["x-gzip"]:
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encs == ["deflate"]:
            self._z = zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib or gzip header, auto-detected
            self._raw_deflate_fallback = True
        else:
            raise FetchError(ErrorKind.PARSE, f"unsupported Content-Encoding {encoding!r} from {url}")
        self._first = True

    def _too_large(self) -> FetchError:
        return FetchError(
            ErrorKind.TOO_LARGE,
            f"body from {self.url} is larger than the {self.max_bytes:,} byte cap once decompressed",
        )

    def feed(self, chunk: bytes) -> None:
        if self._z is None:
            self.out += chunk
            if len(self.out) > self.max_bytes:
                raise self._too_large()
            return
        data = chunk
        while data:
            room = self.max_bytes - len(self.out) + 1  # one byte over the cap proves it is too large
            try:
                piece = self._z.decompress(data, room)
            except zlib.error as exc:
                if self._first and getattr(self, "_raw_deflate_fallback", False):
                    # Some servers send raw deflate (no zlib header) as "deflate".
                    self._z = zlib.decompressobj(-zlib.MAX_WBITS)
                    self._first = False
                    continue
                raise FetchError(ErrorKind.PARSE, f"corrupt compressed body from {self.url}: {exc}") from None
            self._first = False
            self.out += piece
            if len(self.out) > self.max_bytes:
                raise self._too_large()
            data = self._z.unconsumed_tail
            if self._z.eof:
                break

    def finish(self) -> bytes:
        if self._z is not None:
            if not self._z.eof and not self._first:
                raise FetchError(ErrorKind.NETWORK, f"compressed body from {self.url} was cut short")
            self.out += self._z.flush()
            if len(self.out) > self.max_bytes:
                raise self._too_large()
        return bytes(self.out)


def _origin(url: str) -> tuple[str, str | None, int | None]:
    parts = urlsplit(url)
    return parts.scheme, parts.hostname, parts.port


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(ErrorKind.CONFIG, f"not an http(s) URL: {url!r}")


def _read_body(response: httpx.Response, url: str, max_bytes: int, deadline: float, timeout_s: float) -> bytes:
    length = response.headers.get("content-length")
    if length and length.strip().isdigit() and int(length) > max_bytes:
        raise FetchError(
            ErrorKind.TOO_LARGE,
            f"body from {url} declares {int(length):,} bytes, over the {max_bytes:,} byte cap",
            status=response.status_code,
        )
    decoder = _Decoder(response.headers.get("content-encoding", ""), max_bytes, url)
    raw_seen = 0
    for chunk in response.iter_raw():  # as it arrives, so the deadline is checked
        raw_seen += len(chunk)
        if raw_seen > max_bytes:
            raise FetchError(ErrorKind.TOO_LARGE, f"body from {url} is over the {max_bytes:,} byte cap",
                             status=response.status_code)
        decoder.feed(chunk)
        if time.monotonic() > deadline:  # a server dripping bytes never trips a per-read timeout
            raise FetchError(ErrorKind.NETWORK, f"timed out after {timeout_s:g}s reading {url}")
    return decoder.finish()


def fetch_url(
    url: str,
    settings: Settings,
    *,
    client: httpx.Client | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout_s: float | None = None,
    max_bytes: int | None = None,
    accept: str = "*/*",
    private_headers: dict[str, str] | None = None,
) -> HttpResponse:
    """GET `url` politely and within limits; raise FetchError (never another exception) on failure.

    `timeout_s` (default `settings.fetch_timeout_s`) bounds each network wait and the whole fetch;
    `max_bytes` (default `settings.max_feed_bytes`) caps the body before and after decompression.
    A 304 comes back as an HttpResponse with `not_modified` true and an empty body.
    `private_headers` (an Authorization header, say) go only to `url`'s own origin: a redirect to
    another host never carries them.
    """
    timeout_s = float(timeout_s if timeout_s is not None else settings.fetch_timeout_s)
    max_bytes = int(max_bytes if max_bytes is not None else settings.max_feed_bytes)
    _check_url(url)
    headers = {"User-Agent": settings.user_agent, "Accept": accept, "Accept-Encoding": ACCEPT_ENCODING}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified

    allowed = settings.allow_internal_hosts
    own_client = client is None
    if client is None:
        client = make_client(timeout_s, guard=AddressGuard(allowed))
    deadline = time.monotonic() + timeout_s
    current, permanent_url, still_permanent = url, None, True
    try:
        for _hop in range(MAX_REDIRECTS + 1):
            remaining = deadline - time.monotonic()
            if remaining <= 0:  # slow redirect hops count against the same budget
                raise FetchError(ErrorKind.NETWORK, f"timed out after {timeout_s:g}s fetching {current}")
            try:
                sent = headers
                if private_headers and _origin(current) == _origin(url):
                    sent = {**headers, **private_headers}
                request = client.build_request("GET", current, headers=sent, timeout=remaining)
                response = client.send(request, stream=True, follow_redirects=False)
            except httpx.TimeoutException:
                raise FetchError(ErrorKind.NETWORK, f"timed out after {timeout_s:g}s fetching {current}") from None
            except httpx.UnsupportedProtocol as exc:
                raise FetchError(ErrorKind.CONFIG, f"cannot fetch {current}: {exc}") from None
            except (httpx.TransportError, httpx.InvalidURL) as exc:
                refusal = refusal_in(exc)
                if refusal is not None:
                    via = f" (redirected from {url})" if current != url else ""
                    raise FetchError(ErrorKind.CONFIG, f"cannot fetch {current}{via}: {refusal}") from None
                raise FetchError(ErrorKind.NETWORK, f"cannot fetch {current}: {exc or type(exc).__name__}") from None
            try:
                status = response.status_code
                if status in REDIRECTS:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchError(ErrorKind.HTTP_4XX, f"HTTP {status} from {current} without a Location",
                                         status=status)
                    target = urljoin(current, location.strip())
                    _check_url(target)
                    if not redirect_allowed(url, target, allowed):
                        refusal = AddressRefused.for_url(url, target)
                        raise FetchError(ErrorKind.CONFIG, f"{current} redirected: {refusal}", status=status)
                    if status in PERMANENT_REDIRECTS and still_permanent:
                        permanent_url = target
                    else:
                        still_permanent = False
                    current = target
                    continue
                if status == 304:
                    return HttpResponse(current, status, response.headers, b"", permanent_url)
                if classify_status(status) is not None:
                    raise status_error(status, current, response.headers)
                body = _read_body(response, current, max_bytes, deadline, timeout_s)
                return HttpResponse(current, status, response.headers, body, permanent_url)
            except httpx.TimeoutException:
                raise FetchError(ErrorKind.NETWORK, f"timed out after {timeout_s:g}s reading {current}") from None
            except httpx.TransportError as exc:
                raise FetchError(
                    ErrorKind.NETWORK, f"connection to {current} failed mid-body (truncated?): {exc}"
                ) from None
            finally:
                response.close()
        raise FetchError(ErrorKind.HTTP_4XX, f"more than {MAX_REDIRECTS} redirects starting at {url}")
    finally:
        if own_client:
            client.close()
