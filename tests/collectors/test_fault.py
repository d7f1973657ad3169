"""Faults over a real local server: each becomes a recorded error on its source, and others go on."""

from __future__ import annotations

import time
import zlib
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest

from collectors.base import ErrorKind, SourceState
from collectors.registry import fetch_source
from collectors.rss import fetch_feed
from peerfeed.records import Platform
from peerfeed.sources import SourceConfig

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Northvale carers</title><link>https://carers.example/</link>
<item><title>Carers’ evening group</title><link>https://carers.example/2026/11/group/</link>
<guid>https://carers.example/?p=7</guid><pubDate>Tue, 24 Nov 2026 18:00:00 +0000</pubDate>
<description>Second Tuesday of the month, 7pm, café upstairs.</description></item>
<item><title>Second post</title><link>https://carers.example/2026/11/two/</link>
<guid>https://carers.example/?p=8</guid><pubDate>Wed, 25 Nov 2026 18:00:00 +0000</pubDate>
<description>Another post from the carers’ group.</description></item>
</channel></rss>""".encode()


def source(url: str, name: str = "Northvale carers", **options) -> SourceConfig:
    return SourceConfig(name=name, platform=Platform.RSS, url=url, options=options)


def assert_recorded(result, kind: ErrorKind, url: str, name: str = "Northvale carers"):
    """The error a source's health record needs: the kind, and a message naming source and URL."""
    assert result.error_kind is kind, result.error
    assert not result.ok
    assert name in result.error and url in result.error
    assert result.posts == []


def test_rate_limited_with_retry_after_seconds(server, settings):
    url = server.reply("/feed", b"slow down", status=429, headers={"Retry-After": "120"})
    result = fetch_feed(source(url), SourceState(etag='"old"'), settings)
    assert_recorded(result, ErrorKind.RATE_LIMITED, url)
    assert result.retry_after_s == 120
    assert result.http_status == 429
    assert result.state == SourceState(etag='"old"')  # validators survive a failed fetch
    assert ErrorKind.RATE_LIMITED.transient


def test_unavailable_with_retry_after_date(server, settings):
    when = datetime.now(timezone.utc) + timedelta(minutes=10)
    url = server.reply("/feed", b"down", status=503, headers={"Retry-After": format_datetime(when, usegmt=True)})
    result = fetch_feed(source(url), SourceState(), settings)
    assert_recorded(result, ErrorKind.HTTP_5XX, url)
    assert 590 <= result.retry_after_s <= 600


def test_server_error(server, settings):
    url = server.reply("/feed", b"<h1>Internal Server Error</h1>", status=500, content_type="text/html")
    result = fetch_feed(source(url), SourceState(), settings)
    assert_recorded(result, ErrorKind.HTTP_5XX, url)
    assert result.http_status == 500 and result.retry_after_s is None
    assert "HTTP 500" in result.error


def test_gone_is_a_permanent_client_error(server, settings):
    url = server.reply("/feed", b"", status=410)
    result = fetch_feed(source(url), SourceState(), settings)
    assert_recorded(result, ErrorKind.HTTP_4XX, url)
    assert not result.error_kind.transient
    assert "gone" in result.error


def test_timeout_when_the_server_is_slower_than_the_source_allows(server, settings):
    def slow(h):
        time.sleep(1.0)
        h.send_response(200)
        h.send_header("Content-Length", str(len(FEED)))
        h.end_headers()
        h.wfile.write(FEED)

    url = server.route("/feed", slow)
    started = time.monotonic()
    result = fetch_feed(source(url, timeout_s=0.2), SourceState(), settings)
    assert time.monotonic() - started < 0.9
    assert_recorded(result, ErrorKind.NETWORK, url)
    assert "timed out after 0.2s" in result.error


def test_a_server_dripping_bytes_still_hits_the_overall_deadline(server, settings):
    # Each byte arrives well within the per-read timeout; only a deadline on the whole fetch stops it.
    url = server.stream("/feed", (b" " for _ in range(100)), delay_s=0.05)
    result = fetch_feed(source(url, timeout_s=0.5), SourceState(), settings)
    assert_recorded(result, ErrorKind.NETWORK, url)
    assert "timed out" in result.error
    time.sleep(0.2)  # the server notices the hang-up on its next writes
    assert server.bytes_sent["/feed"] < 100


def test_body_shorter_than_its_content_length(server, settings):
    def truncated(h):
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Content-Length", str(len(FEED)))
        h.end_headers()
        h.wfile.write(FEED[: len(FEED) // 2])
        h.close_connection = True

    url = server.route("/feed", truncated)
    result = fetch_feed(source(url), SourceState(), settings)
    assert_recorded(result, ErrorKind.NETWORK, url)
    assert "truncated" in result.error


def test_truncated_gzip_stream(server, settings):
    import gzip

    data = gzip.compress(FEED)[:-20]
    url = server.reply("/feed", data, headers={"Content-Encoding": "gzip"})
    result = fetch_feed(source(url), SourceState(), settings)
    assert_recorded(result, ErrorKind.NETWORK, url)
    assert "cut short" in result.error


def test_feed_cut_off_mid_entry_keeps_the_entries_before_the_cut(server, settings):
    # No Content-Length: the connection closing is the only end, so the body looks complete.
    cut = FEED.index(b"<item><title>Second")
    url = server.stream("/feed", [FEED[: cut + 30]])
    result = fetch_feed(source(url), SourceState(), settings)
    assert result.ok, result.error
    assert [p.title for p in result.posts][0] == "Carers’ evening group"


def test_invalid_utf8_keeps_posts_and_records_a_warning(server, settings):
    bad = FEED.replace("7pm".encode(), b"7pm \xff\xfe")
    url = server.reply("/feed", bad)
    result = fetch_feed(source(url), SourceState(), settings)
    assert result.ok  # a person's words matter more than a stray byte
    assert "not valid UTF-8" in result.error and "Northvale carers" in result.error and url in result.error
    first = next(p for p in result.posts if p.platform_id.endswith("?p=7"))
    # Correct characters survive; only the bad bytes become U+FFFD.
    assert first.title == "Carers’ evening group"
    assert "café" in first.content_text and "\ufffd" in first.content_text


def test_text_that_is_not_a_feed_is_a_parse_error(server, settings):
    url = server.reply("/feed", b"\x00\x01\x02 binary junk \xff" * 50, content_type="application/octet-stream")
    result = fetch_feed(source(url), SourceState(), settings)
    assert_recorded(result, ErrorKind.PARSE, url)


def test_an_html_page_is_a_parse_error_naming_the_content_type(server, settings):
    page = b"<!doctype html><html><head><title>Log in</title></head><body><form></form></body></html>"
    url = server.reply("/feed", page, content_type="text/html; charset=utf-8")
    result = fetch_feed(source(url), SourceState(), settings)
    assert_recorded(result, ErrorKind.PARSE, url)
    assert "text/html" in result.error


@pytest.fixture(scope="module")
def gzip_bomb() -> bytes:
    """200 MB of zeros in about 200 kB of gzip."""
    z = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    block = bytes(1024 * 1024)
    return b"".join(z.compress(block) for _ in range(200)) + z.flush()


def test_gzip_bomb_stops_at_the_cap(server, settings, gzip_bomb):
    assert len(gzip_bomb) < settings.max_feed_bytes  # the compressed body alone passes the cap
    url = server.reply("/feed", gzip_bomb, headers={"Content-Encoding": "gzip"})
    result = fetch_feed(source(url), SourceState(), settings)
    assert_recorded(result, ErrorKind.TOO_LARGE, url)
    assert "decompressed" in result.error


def _hundred_mb():
    chunk = b"<!-- padding -->" * 4096  # 64 KiB
    for _ in range(100 * 1024 * 1024 // len(chunk)):
        yield chunk


def test_100mb_body_without_length_is_cut_at_the_cap(server, settings):
    url = server.stream("/feed", _hundred_mb())
    result = fetch_feed(source(url), SourceState(), settings)
    assert_recorded(result, ErrorKind.TOO_LARGE, url)
    # The client hung up near the cap; the server never got to write the 100 MB.
    time.sleep(0.05)
    assert server.bytes_sent["/feed"] < 20 * 1024 * 1024


def test_100mb_declared_length_is_refused_before_reading(server, settings):
    def declared(h):
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Content-Length", str(100 * 1024 * 1024))
        h.end_headers()
        server.bytes_sent["/feed"] = 0
        for chunk in _hundred_mb():
            h.wfile.write(chunk)
            server.bytes_sent["/feed"] += len(chunk)

    url = server.route("/feed", declared)
    result = fetch_feed(source(url), SourceState(), settings)
    assert_recorded(result, ErrorKind.TOO_LARGE, url)
    assert "104,857,600" in result.error


def test_per_source_size_cap_overrides_settings(server, settings):
    url = server.reply("/feed", FEED)
    assert fetch_feed(source(url), SourceState(), settings).ok
    result = fetch_feed(source(url, max_bytes=100), SourceState(), settings)
    assert_recorded(result, ErrorKind.TOO_LARGE, url)


def test_permanent_redirect_updates_the_stored_url(server, settings):
    old = server.reply("/old-feed", status=301, headers={"Location": "/new-feed"})
    new = server.reply("/new-feed", FEED, headers={"ETag": '"abc"'})
    first = fetch_feed(source(old), SourceState(), settings)
    assert first.ok and len(first.posts) == 2
    assert first.state.url == new and first.state.etag == '"abc"'

    # The next fetch goes straight to the new address.
    server.requests.clear()
    fetch_feed(source(old), first.state, settings)
    assert server.requests_to("/old-feed") == [] and len(server.requests_to("/new-feed")) == 1


def test_temporary_redirect_leaves_the_stored_url_alone(server, settings):
    old = server.reply("/old-feed", status=302, headers={"Location": "/elsewhere"})
    server.reply("/elsewhere", FEED)
    result = fetch_feed(source(old), SourceState(), settings)
    assert result.ok and len(result.posts) == 2
    assert result.state.url is None


def test_conditional_get_makes_an_unchanged_feed_cost_nothing(server, settings):
    etag, modified = '"v7"', "Wed, 25 Nov 2026 18:00:00 GMT"
    url = server.conditional("/feed", lambda: (FEED, etag), last_modified=modified)
    first = fetch_feed(source(url), SourceState(), settings)
    assert first.ok and len(first.posts) == 2 and not first.not_modified
    assert first.state.etag == etag and first.state.last_modified == modified

    second = fetch_feed(source(url), first.state, settings)
    seen = server.requests_to("/feed")[-1].headers
    assert seen["if-none-match"] == etag and seen["if-modified-since"] == modified
    assert second.not_modified and second.ok and second.http_status == 304
    assert second.posts == []
    # The 304 carried no Last-Modified; the stored one is kept for next time.
    assert second.state == first.state


def test_a_changed_feed_without_validators_forgets_the_old_ones(server, settings):
    url = server.reply("/feed", FEED)
    result = fetch_feed(source(url), SourceState(etag='"stale"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT"), settings)
    assert result.ok and result.state.etag is None and result.state.last_modified is None


def test_failing_sources_do_not_stop_the_others(server, settings, gzip_bomb):
    server.reply("/good", FEED)
    server.reply("/limited", b"", status=429, headers={"Retry-After": "60"})
    server.reply("/broken", b"", status=500)
    server.reply("/bomb", gzip_bomb, headers={"Content-Encoding": "gzip"})
    server.reply("/html", b"<html><body>hi</body></html>", content_type="text/html")
    sources = [source(server.url(p), name=p) for p in ("/limited", "/broken", "/bomb", "/html", "/good")]
    sources.append(source("http://127.0.0.1:9/nothing-listens-here", name="/refused"))
    results = {s.name: fetch_source(s, SourceState(), settings) for s in sources}
    assert {n: r.error_kind for n, r in results.items()} == {
        "/limited": ErrorKind.RATE_LIMITED,
        "/broken": ErrorKind.HTTP_5XX,
        "/bomb": ErrorKind.TOO_LARGE,
        "/html": ErrorKind.PARSE,
        "/good": None,
        "/refused": ErrorKind.NETWORK,
    }
    assert [p.source for p in results["/good"].posts] == ["/good", "/good"]
    assert all(r.posts == [] for n, r in results.items() if n != "/good")


def test_slow_redirect_hops_share_one_deadline(server, settings):
    def slow_redirect(h):
        time.sleep(0.15)
        h.send_response(302)
        h.send_header("Location", "/hop")
        h.send_header("Content-Length", "0")
        h.end_headers()

    url = server.route("/hop", slow_redirect)
    started = time.monotonic()
    result = fetch_feed(source(url, timeout_s=0.4), SourceState(), settings)
    # Each hop is under the timeout; together they are not.
    assert time.monotonic() - started < 0.8
    assert_recorded(result, ErrorKind.NETWORK, url)
    assert "timed out" in result.error


def test_nul_bytes_in_a_broken_feed_do_not_break_the_store(server, settings, engine):
    from store.db import transaction
    from store.posts import upsert_posts

    broken = FEED.replace(b"<title>Second post</title>", b"<title>Second\x00 post</title>").replace(b"</rss>", b"")
    url = server.reply("/feed", broken)
    result = fetch_feed(source(url), SourceState(), settings)
    assert result.ok and len(result.posts) == 2
    with transaction(engine) as session:  # PostgreSQL refuses NUL in text
        assert upsert_posts(session, result.posts).new == 2


def test_an_item_leaving_the_feed_window_is_not_a_deletion(server, settings):
    url = server.reply("/feed", FEED)
    first = fetch_feed(source(url), SourceState(), settings)
    # The blog posts again and the older item drops off the end of its ten-item window.
    cut = FEED.index(b"<item><title>Second")
    newer = FEED[:cut].replace(b"?p=7", b"?p=9").replace(b"/group/", b"/new/") + FEED[cut:]
    first_item_end = newer.index(b"</item>") + len(b"</item>")
    server.reply("/feed", newer[:first_item_end] + newer[newer.index(b"<item><title>Second"):])
    second = fetch_feed(source(url), first.state, settings)
    assert second.ok and "https://carers.example/?p=7" not in {p.platform_id for p in second.posts}
    assert first.deletions == second.deletions == []


@pytest.mark.parametrize("options", [{"timeout_s": "soon"}, {"max_bytes": -1}, {"timeout_s": 0}])
def test_a_bad_limit_in_the_sources_file_is_a_config_error(server, settings, options):
    url = server.reply("/feed", FEED)
    result = fetch_feed(source(url, **options), SourceState(), settings)
    assert_recorded(result, ErrorKind.CONFIG, url)
    assert next(iter(options)) in result.error
    assert server.requests_to("/feed") == []  # nothing was fetched


def test_a_windows_1252_feed_labelled_utf8_is_decoded_as_windows_1252(server, settings):
    # An old blog's feed: says UTF-8, is really Windows-1252, so no valid multi-byte character at all.
    cp1252 = FEED.decode("utf-8").replace("café", "caf\u00e9 \u00a35").encode("cp1252")
    url = server.reply("/feed", cp1252)
    result = fetch_feed(source(url), SourceState(), settings)
    assert result.ok and result.posts
    first = next(p for p in result.posts if p.platform_id.endswith("?p=7"))
    assert first.title == "Carers’ evening group" and "café £5" in first.content_text
