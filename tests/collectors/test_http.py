"""collectors.http: the capped, polite GET every collector can share, against a real local server."""

from __future__ import annotations

import gzip
import zlib
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from collectors.base import ErrorKind
from collectors.http import FetchError, classify_status, fetch_url, parse_retry_after

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("120", 120.0),
        (" 30 ", 30.0),
        ("0", 0.0),
        ("-5", 0.0),  # never negative
        ("99999999", 24 * 3600.0),  # capped at a day
        (format_datetime(NOW + timedelta(minutes=5), usegmt=True), 300.0),
        (format_datetime(NOW - timedelta(minutes=5), usegmt=True), 0.0),  # already past
        ("soon", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_retry_after_reads_seconds_and_http_dates(header, seconds):
    assert parse_retry_after(header, now=NOW) == seconds


@pytest.mark.parametrize(
    ("status", "kind"),
    [(200, None), (304, None), (404, ErrorKind.HTTP_4XX), (410, ErrorKind.HTTP_4XX),
     (429, ErrorKind.RATE_LIMITED), (500, ErrorKind.HTTP_5XX), (503, ErrorKind.HTTP_5XX)],
)
def test_classify_status(status, kind):
    assert classify_status(status) is kind


def test_sends_user_agent_accept_encoding_and_conditional_headers(server, settings):
    url = server.reply("/feed", b"<rss/>")
    fetch_url(url, settings, etag='"v1"', last_modified="Wed, 25 Nov 2026 10:00:00 GMT", accept="application/rss+xml")
    (seen,) = server.requests_to("/feed")
    assert seen.headers["user-agent"] == settings.user_agent
    assert seen.headers["if-none-match"] == '"v1"'
    assert seen.headers["if-modified-since"] == "Wed, 25 Nov 2026 10:00:00 GMT"
    assert seen.headers["accept"] == "application/rss+xml"
    # Only encodings we decode ourselves, with a bounded output.
    assert seen.headers["accept-encoding"] == "gzip, deflate"


def test_no_conditional_headers_without_validators(server, settings):
    url = server.reply("/feed", b"<rss/>")
    fetch_url(url, settings)
    (seen,) = server.requests_to("/feed")
    assert "if-none-match" not in seen.headers and "if-modified-since" not in seen.headers


@pytest.mark.parametrize(
    ("encoding", "encode"),
    [
        ("gzip", gzip.compress),
        ("deflate", zlib.compress),  # RFC 9110 deflate: zlib-wrapped
        ("deflate", lambda b: zlib.compress(b)[2:-4]),  # what some servers send: raw deflate
        ("identity", lambda b: b),
    ],
)
def test_decodes_compressed_bodies(server, settings, encoding, encode):
    body = b"<rss>" + b"peer support " * 1000 + b"</rss>"
    url = server.reply("/feed", encode(body), headers={"Content-Encoding": encoding})
    response = fetch_url(url, settings)
    assert response.body == body
    assert response.status == 200


def test_corrupt_gzip_is_a_parse_error(server, settings):
    url = server.reply("/feed", b"\x1f\x8b\x08\x00garbage-not-gzip", headers={"Content-Encoding": "gzip"})
    with pytest.raises(FetchError) as err:
        fetch_url(url, settings)
    assert err.value.kind is ErrorKind.PARSE
    assert url in str(err.value)


def test_unknown_content_encoding_is_refused(server, settings):
    url = server.reply("/feed", b"xx", headers={"Content-Encoding": "br"})
    with pytest.raises(FetchError) as err:
        fetch_url(url, settings)
    assert err.value.kind is ErrorKind.PARSE and "br" in str(err.value)


def test_permanent_redirect_reports_the_new_home(server, settings):
    server.reply("/old", status=301, headers={"Location": "/new"})
    new = server.reply("/new", b"<rss/>")
    response = fetch_url(server.url("/old"), settings)
    assert response.permanent_url == new
    assert response.url == new


def test_temporary_redirect_keeps_the_old_address(server, settings):
    server.reply("/old", status=302, headers={"Location": "/new"})
    new = server.reply("/new", b"<rss/>")
    response = fetch_url(server.url("/old"), settings)
    assert response.permanent_url is None
    assert response.url == new


def test_a_temporary_hop_stops_the_permanent_chain(server, settings):
    server.reply("/a", status=308, headers={"Location": "/b"})
    server.reply("/b", status=302, headers={"Location": "/c"})
    server.reply("/c", status=301, headers={"Location": "/d"})
    server.reply("/d", b"<rss/>")
    response = fetch_url(server.url("/a"), settings)
    assert response.permanent_url == server.url("/b")
    assert response.url == server.url("/d")


def test_redirect_loop_is_an_error_not_a_hang(server, settings):
    server.reply("/loop", status=302, headers={"Location": "/loop"})
    with pytest.raises(FetchError) as err:
        fetch_url(server.url("/loop"), settings)
    assert err.value.kind is ErrorKind.HTTP_4XX and "redirects" in str(err.value)
    assert len(server.requests_to("/loop")) == 6


def test_redirect_to_a_non_http_scheme_is_refused(server, settings):
    server.reply("/old", status=301, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError) as err:
        fetch_url(server.url("/old"), settings)
    assert err.value.kind is ErrorKind.CONFIG


@pytest.mark.parametrize("url", ["ftp://example.org/feed", "not a url", "/relative/feed.xml"])
def test_non_http_urls_are_config_errors(settings, url):
    with pytest.raises(FetchError) as err:
        fetch_url(url, settings)
    assert err.value.kind is ErrorKind.CONFIG


def test_connection_refused_is_a_network_error(settings, unused_port):
    with pytest.raises(FetchError) as err:
        fetch_url(f"http://127.0.0.1:{unused_port}/feed", settings)
    assert err.value.kind is ErrorKind.NETWORK
    assert str(unused_port) in str(err.value)


def test_uses_a_given_client_without_closing_it(server, settings):
    url = server.reply("/feed", b"<rss/>")
    with httpx.Client() as client:
        fetch_url(url, settings, client=client)
        assert not client.is_closed
        assert fetch_url(url, settings, client=client).body == b"<rss/>"


def test_304_is_a_response_not_an_error(server, settings):
    url = server.reply("/feed", status=304, headers={"ETag": '"v2"'}, content_type="")
    response = fetch_url(url, settings, etag='"v1"')
    assert response.not_modified and response.body == b"" and response.etag == '"v2"'


@pytest.fixture
def unused_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_make_client_leaves_redirects_to_fetch_url(server, settings):
    from collectors.http import make_client

    server.reply("/old", status=301, headers={"Location": "/new"})
    with make_client(2.0) as client:
        assert client.get(server.url("/old")).status_code == 301
        with pytest.raises(FetchError) as err:  # fetch_url did follow it, to /new, which has no route
            fetch_url(server.url("/old"), settings, client=client)
        assert err.value.status == 404 and server.url("/new") in str(err.value)


@pytest.mark.parametrize("origin, target, allowed", [
    ("https://blog.example/feed", "https://newhome.example/feed", True),
    ("https://blog.example/feed", "http://127.0.0.1:5432/", False),
    ("https://blog.example/feed", "http://169.254.169.254/latest/meta-data/", False),
    ("https://blog.example/feed", "http://[::1]:6379/", False),
    ("https://blog.example/feed", "http://10.0.0.7/admin", False),
    ("https://blog.example/feed", "http://localhost/", False),
    ("https://93.184.216.34/feed", "http://192.168.1.1/", False),
    # An admin-configured internal source (intranet blog, tests, demo) may move within internal hosts.
    ("http://127.0.0.1:8000/feed", "http://127.0.0.1:9000/feed", True),
    ("http://intranet.localhost/feed", "http://10.1.2.3/feed", True),
])
def test_redirects_from_public_feeds_to_internal_addresses_are_refused(origin, target, allowed):
    from collectors.http import redirect_allowed

    assert redirect_allowed(origin, target) is allowed
