"""Many sources at once through the collect pipeline, some of them hostile or broken: each fault is
recorded on its own source (kind, message naming source and URL, backoff, fetch run), and the
healthy sources are stored in the same run.

tests/collectors/test_fault.py proves each fault against the RSS collector alone; this proves the
same faults, all at once, through pipelines.collecting.collect_all into a real store on SQLite and
PostgreSQL, then the backoff on the next run and the recovery of a fixed source.
"""

from __future__ import annotations

import time
import zlib
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from peerfeed.records import Platform
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig
from pipelines.collecting import collect_all
from store.db import transaction
from store.models import FetchRun, Post, Source, utcnow

MB = 1024 * 1024


def feed(name: str, n: int = 2) -> bytes:
    items = "".join(
        f"<item><title>{name} post {i}</title><link>https://{name}.example/{i}/</link>"
        f"<guid>https://{name}.example/?p={i}</guid><pubDate>Tue, 24 Nov 2026 18:0{i}:00 +0000</pubDate>"
        f"<description>Peer support evening number {i} at the {name} café.</description></item>"
        for i in range(n))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{name}</title>'
            f"<link>https://{name}.example/</link>{items}</channel></rss>").encode()


def _gzip_bomb() -> bytes:
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(MB)
    return b"".join(z.compress(block) for _ in range(100)) + z.flush()


class FaultServer:
    """One path per behaviour on the session's HTTP server; counts requests per path."""

    def __init__(self):
        self.hits: dict[str, int] = {}
        self.fixed: set[str] = set()
        bomb = _gzip_bomb()
        server = self

        def send(h, body: bytes, status: int = 200, headers: dict | None = None, length: int | None = None):
            if length is not None:
                h.close_connection = True  # a body shorter than its Content-Length ends with the connection
            h.send_response(status)
            h.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            h.send_header("Content-Length", str(len(body) if length is None else length))
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(body)

        def drip(h):
            h.close_connection = True
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.end_headers()
            for _ in range(200):
                h.wfile.write(b" ")
                h.wfile.flush()
                time.sleep(0.02)

        def huge(h):
            h.close_connection = True
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.end_headers()
            chunk = b"<!-- " + b"x" * (MB - 9) + b" -->\n"
            for _ in range(100):
                h.wfile.write(chunk)

        def slow(h):
            time.sleep(1.5)
            send(h, feed("slow"))

        self.routes = {
            "/good-1": lambda h: send(h, feed("good1")),
            "/good-2": lambda h: send(h, feed("good2", 3)),
            "/rate-limited": lambda h: send(h, b"slow down", 429, {"Retry-After": "3600"}),
            "/server-error": lambda h: send(h, feed("fixed")) if "/server-error" in server.fixed
            else send(h, b"<h1>Internal Server Error</h1>", 500),
            "/drip": drip,
            "/timeout": slow,
            "/truncated": lambda h: send(h, feed("cut")[:150], length=len(feed("cut"))),
            "/invalid-utf8": lambda h: send(h, feed("utf").replace("café".encode(), b"caf\xff\xfe", 1)),
            "/gzip-bomb": lambda h: send(h, bomb, headers={"Content-Encoding": "gzip"}),
            "/100mb": huge,
        }

    def attach(self, server) -> "FaultServer":
        """Route every behaviour on `server` (a tests.http_fixture.FixtureServer); returns self."""
        self.server = server
        for path, handler in self.routes.items():
            server.route(path, self._counted(path, handler))
        return self

    def _counted(self, path, handler):
        def counted(h):
            self.hits[path] = self.hits.get(path, 0) + 1
            handler(h)
        return counted

    def url(self, path: str) -> str:
        return self.server.url(path)


@pytest.fixture(scope="module")
def _fault_routes():
    return FaultServer()  # the gzip bomb is built once per module


@pytest.fixture
def faults(_fault_routes, fixture_server):
    _fault_routes.hits.clear()
    _fault_routes.fixed.clear()
    return _fault_routes.attach(fixture_server)


# source name -> (path, options, expected error kind or None for stored, words the error must contain)
SOURCES = {
    "Good blog one": ("/good-1", {}, None, None),
    "Good blog two": ("/good-2", {}, None, None),
    "Rate-limited blog": ("/rate-limited", {}, "rate_limited", "429"),
    "Broken blog": ("/server-error", {}, "http_5xx", "HTTP 500"),
    "Dripping blog": ("/drip", {"timeout_s": 0.5}, "network", "timed out"),
    "Sleeping blog": ("/timeout", {"timeout_s": 0.3}, "network", "timed out"),
    "Truncated blog": ("/truncated", {}, "network", "truncated"),
    "Invalid UTF-8 blog": ("/invalid-utf8", {}, None, "not valid UTF-8"),
    "Gzip bomb blog": ("/gzip-bomb", {}, "too_large", None),
    "Enormous blog": ("/100mb", {}, "too_large", None),
}


def configs(faults) -> list[SourceConfig]:
    return [SourceConfig(name=name, platform=Platform.RSS, url=faults.url(path), options=opts)
            for name, (path, opts, _, _) in SOURCES.items()]


def test_each_fault_is_recorded_on_its_source_and_the_others_complete(engine, faults):
    settings = Settings(_env_file=None)
    faults.hits.clear()
    started = utcnow()
    t0 = time.monotonic()
    reports = {r.source: r for r in collect_all(engine, settings, configs(faults))}
    assert time.monotonic() - t0 < 30  # no source holds the run hostage
    assert set(reports) == set(SOURCES)

    with transaction(engine) as s:
        sources = {src.name: src for src in s.scalars(select(Source))}
        runs = {src.name: s.scalars(select(FetchRun).where(FetchRun.source_id == src.id)).all()
                for src in sources.values()}
        stored = dict(s.execute(select(Source.name, func.count(Post.id)).join(Post, Post.source_id == Source.id)
                                .group_by(Source.name)).all())
        for name, (path, _, kind, words) in SOURCES.items():
            src, [run] = sources[name], runs[name]
            assert run.finished_at is not None and run.status == src.last_status
            if kind is None:
                assert src.last_status == "ok" and src.consecutive_failures == 0, (name, src.last_error)
                assert src.next_attempt_at is None
                if words:  # stored, with a warning kept on the fetch run
                    assert words in run.error and name in run.error
                continue
            assert src.last_status == "error" and src.last_error_kind == kind, (name, src.last_error)
            assert name in src.last_error and faults.url(path) in src.last_error, src.last_error
            if words:
                assert words in src.last_error, src.last_error
            assert src.consecutive_failures == 1 and run.error_kind == kind
            # Backed off: five minutes for a first failure, or the server's Retry-After when longer.
            wait = src.next_attempt_at - started
            expected = timedelta(seconds=3600) if kind == "rate_limited" else timedelta(minutes=5)
            assert expected - timedelta(seconds=1) <= wait <= expected + timedelta(seconds=60), (name, wait)
            assert name not in stored  # nothing half-stored from a failed fetch
    assert stored == {"Good blog one": 2, "Good blog two": 3, "Invalid UTF-8 blog": 2}
    assert reports["Good blog two"].new == 3 and reports["Broken blog"].error_kind == "http_5xx"

    # The next run, a minute later, leaves the failing sources alone until their backoff ends ...
    before = dict(faults.hits)
    again = {r.source for r in collect_all(engine, settings, configs(faults))}
    assert again == {"Good blog one", "Good blog two", "Invalid UTF-8 blog"}
    assert {p: n - before.get(p, 0) for p, n in faults.hits.items() if n != before.get(p, 0)} == {
        "/good-1": 1, "/good-2": 1, "/invalid-utf8": 1}

    # ... and a source that recovers is healthy again on its next fetch.
    faults.fixed.add("/server-error")
    [fixed] = collect_all(engine, settings, configs(faults), only="Broken blog")
    assert fixed.status == "ok" and fixed.new == 2
    with transaction(engine) as s:
        src = s.scalar(select(Source).where(Source.name == "Broken blog"))
        assert (src.consecutive_failures, src.last_error, src.last_error_kind, src.next_attempt_at) == (0, None, None, None)
        assert s.scalar(select(func.count(Post.id))) == 9
    faults.fixed.clear()
