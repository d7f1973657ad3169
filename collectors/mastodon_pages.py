"""Read Mastodon timeline pages as plain JSON, following the server's `Link` header.

Mastodon.py casts every object of a timeline into its typed classes (`try_cast_recurse`), which was
nine tenths of a collect's CPU (docs/performance.md); the parser (mastodon_parse.py) reads plain
dicts anyway. So timelines are fetched here through `collectors/http.py` (the same guarded, capped,
polite GET the blogs use) and Mastodon.py is kept for what it does well: account look-ups, status
re-checks (mastodon_recheck.py) and the streaming API (mastodon_stream.py).

The access token goes in an Authorization header to the source's own instance only (a redirect
elsewhere never carries it). Failures are the contract's `FetchError` with the source named.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode

import httpx

from collectors.base import ErrorKind, FetchError
from collectors.http import fetch_url, ratelimit_reset
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

DEFAULT_RETRY_AFTER_S = 60.0  # a 429 with neither Retry-After nor X-RateLimit-Reset
_LINK = re.compile(r'<([^>]*)>\s*;\s*rel="?([A-Za-z]+)"?')


def page_links(header: str | None) -> dict[str, str]:
    """rel -> URL from a `Link` header (`<url>; rel="next", <url>; rel="prev"`)."""
    return {rel: url for url, rel in _LINK.findall(header or "")}


class TimelinePages:
    """One source's timeline, a page at a time: `first(params)`, then `follow("prev" | "next")`."""

    def __init__(self, source: SourceConfig, settings: Settings, endpoint: str, *, token: str | None,
                 client: httpx.Client) -> None:
        self.source, self.settings, self.endpoint = source, settings, endpoint
        self.client = client
        self.private = {"Authorization": f"Bearer {token}"} if token else None
        self.links: dict[str, str] = {}
        self.last_url: str | None = None
        self.last_status: int | None = None
        self.ratelimit_remaining: int | None = None
        self.reset: str | None = None

    def first(self, params: dict) -> list:
        query = {k: v for k, v in params.items() if v is not None}
        return self._get(self.endpoint + (f"?{urlencode(query)}" if query else ""))

    def follow(self, rel: str) -> list | None:
        """The page the last response linked as `rel`, or None when it linked none."""
        url = self.links.get(rel)
        return None if url is None else self._get(url)

    def _get(self, url: str) -> list:
        self.last_url = url
        try:
            response = fetch_url(url, self.settings, client=self.client, accept="application/json",
                                 private_headers=self.private)
        except FetchError as exc:
            self.last_status = exc.status
            wait = exc.retry_after_s
            if exc.kind is ErrorKind.RATE_LIMITED and wait is None:
                wait = DEFAULT_RETRY_AFTER_S
            message = f"{self.where()}: {exc.message}"
            if exc.status == 401:
                message += "; check PEERFEED_MASTODON_ACCESS_TOKEN and the source's auth option"
            raise FetchError(exc.kind, message, status=exc.status, retry_after_s=wait) from None
        self.last_status = response.status
        self.links = page_links(response.headers.get("link"))
        remaining = response.headers.get("x-ratelimit-remaining", "")
        self.ratelimit_remaining = int(remaining) if remaining.strip().isdigit() else None
        self.reset = response.headers.get("x-ratelimit-reset")
        try:
            page = json.loads(response.body)
        except ValueError:  # the body is not quoted: it may be anything
            raise FetchError(ErrorKind.PARSE, f"{self.where()}: response was not valid JSON",
                             status=response.status) from None
        if not isinstance(page, list):
            raise FetchError(ErrorKind.PARSE, f"{self.where()}: expected a list of statuses", status=response.status)
        return page

    def retry_after(self) -> float:
        """Seconds until the rate-limit budget refills (X-RateLimit-Reset), else the default."""
        wait = ratelimit_reset(self.reset) if self.reset else None
        return DEFAULT_RETRY_AFTER_S if wait is None else max(wait, 1.0)

    def where(self) -> str:
        return f"mastodon source {self.source.name!r} ({self.last_url or self.endpoint})"
