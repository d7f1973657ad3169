"""A bad Bluesky source returns a classified error naming the source; it never raises."""

import json
import time

import pytest

from collectors.base import ErrorKind, SourceState
from collectors.bluesky import check_deleted, fetch_bluesky

SEARCH = "app.bsky.feed.searchPosts"


def test_nothing_listening_is_a_network_error(settings, make_source):
    source = make_source("http://127.0.0.1:9", "search", name="dead service", q="x")
    result = fetch_bluesky(source, SourceState(cursor="keep me"), settings)
    assert result.error_kind is ErrorKind.NETWORK
    assert "dead service" in result.error and "127.0.0.1:9" in result.error
    assert result.state.cursor == "keep me"  # a failed run does not move the cursor


def test_not_a_url_is_a_config_error(settings, make_source):
    result = fetch_bluesky(make_source("ftp://nowhere", "search", q="x"), SourceState(), settings)
    assert result.error_kind is ErrorKind.CONFIG


@pytest.mark.parametrize("options", [{}, {"q": "  "}])
def test_search_without_query_is_a_config_error(settings, make_source, sample_server, options):
    result = fetch_bluesky(make_source(sample_server.url, "search", **options), SourceState(), settings)
    assert result.error_kind is ErrorKind.CONFIG
    assert "options.q" in result.error


def test_rate_limit_gives_retry_after_from_ratelimit_reset(canned_server, settings, make_source):
    reset = int(time.time()) + 120
    canned_server.routes[SEARCH] = (429, {"ratelimit-limit": "3000", "ratelimit-remaining": "0",
                                          "ratelimit-reset": str(reset), "ratelimit-policy": "3000;w=300"},
                                    b'{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}')
    result = fetch_bluesky(make_source(canned_server.url, "search", q="x"), SourceState(), settings)
    assert result.error_kind is ErrorKind.RATE_LIMITED
    assert result.http_status == 429
    assert 100 < result.retry_after_s <= 120


@pytest.mark.parametrize("status,kind", [(400, ErrorKind.HTTP_4XX), (401, ErrorKind.HTTP_4XX),
                                         (404, ErrorKind.HTTP_4XX), (500, ErrorKind.HTTP_5XX),
                                         (502, ErrorKind.HTTP_5XX), (503, ErrorKind.HTTP_5XX)])
def test_http_errors_are_classified(canned_server, settings, make_source, status, kind):
    canned_server.routes[SEARCH] = (status, {}, b'{"error":"Oops","message":"it broke"}')
    result = fetch_bluesky(make_source(canned_server.url, "search", name="flaky", q="x"), SourceState(), settings)
    assert result.error_kind is kind
    assert result.http_status == status
    assert "flaky" in result.error


def test_garbage_answer_is_a_parse_error(canned_server, settings, make_source):
    canned_server.routes[SEARCH] = (200, {}, b'{"posts": "not a list"}')
    result = fetch_bluesky(make_source(canned_server.url, "search", q="x"), SourceState(), settings)
    assert result.error_kind is ErrorKind.PARSE


def test_unusable_posts_are_skipped_not_fatal(canned_server, settings, make_source):
    good = {"uri": "at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3n2q4krr2222b", "cid": "bafyx",
            "author": {"did": "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa", "handle": "a.example"},
            "record": {"$type": "app.bsky.feed.post", "text": "hi", "createdAt": "2026-11-20T08:00:00Z"},
            "indexedAt": "2026-11-20T08:00:01Z"}
    no_text = {**good, "uri": good["uri"][:-1] + "c", "record": {"$type": "app.bsky.feed.like"}}
    canned_server.routes[SEARCH] = (200, {}, json.dumps({"posts": [no_text, good]}).encode())
    result = fetch_bluesky(make_source(canned_server.url, "search", q="x"), SourceState(), settings)
    assert result.ok, result.error
    assert [p.platform_id for p in result.posts] == [good["uri"]]


def test_check_deleted_on_error_erases_nothing(canned_server, settings, make_source):
    canned_server.routes["app.bsky.feed.getPosts"] = (503, {}, b'{"error":"Unavailable"}')
    uri = "at://did:plc:aaaaaaaaaaaaaaaaaaaaaaaa/app.bsky.feed.post/3n2q4krr2222b"
    result = check_deleted(make_source(canned_server.url, "search", q="x"), [uri], settings)
    assert result.error_kind is ErrorKind.HTTP_5XX
    assert result.deletions == []


def test_login_goes_to_the_entryway_not_the_public_appview():
    from collectors.bluesky_session import login_url
    assert login_url("https://public.api.bsky.app", {}) == "https://bsky.social"
    assert login_url("https://pds.example", {}) == "https://pds.example"
    assert login_url("https://public.api.bsky.app", {"login_url": "https://pds.example"}) == "https://pds.example"
