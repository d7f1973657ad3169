"""Each fault gives one recorded error, never an exception, never a token, and nothing else breaks."""

from __future__ import annotations

import json
import logging
import socket
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from mastodon_fakes import TOKEN, Fault, make_status, mastodon_source

from collectors.base import ErrorKind, SourceState
from collectors.mastodon import fetch_mastodon, newest_id
from collectors.mastodon_recheck import check_deleted

TAG_PATH = "/api/v1/timelines/tag/peersupport"


def reset_in(seconds: float) -> str:
    """X-RateLimit-Reset as Mastodon sends it (ISO 8601, UTC)."""
    return (datetime.now(timezone.utc) + timedelta(seconds=seconds)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def test_429_with_reset_header_is_rate_limited_with_retry_after(fake_instance, settings):
    fake_instance.faults[TAG_PATH] = Fault(
        status=429, body=b'{"error":"Too many requests"}',
        headers={"X-RateLimit-Remaining": "0", "X-RateLimit-Reset": reset_in(120)},
    )
    started = time.monotonic()
    result = fetch_mastodon(mastodon_source(fake_instance.url, auth=True), SourceState(), settings)
    assert time.monotonic() - started < 2  # returned, did not sleep until the reset
    assert result.error_kind is ErrorKind.RATE_LIMITED and result.error_kind.transient
    assert result.http_status == 429
    assert 100 < result.retry_after_s <= 121
    assert "'test source'" in result.error and TAG_PATH in result.error


@pytest.mark.parametrize(
    "retry_after, expected",
    [("30", 30), (None, 60)],  # Retry-After in seconds; neither header: the default backoff
)
def test_429_retry_after_header_or_default(fake_instance, settings, retry_after, expected):
    headers = {"Retry-After": retry_after} if retry_after else {}
    fake_instance.ratelimit_remaining = None
    fake_instance.faults[TAG_PATH] = Fault(status=429, body=b"{}", headers=headers)
    result = fetch_mastodon(mastodon_source(fake_instance.url), SourceState(), settings)
    assert result.error_kind is ErrorKind.RATE_LIMITED
    assert result.retry_after_s == pytest.approx(expected, abs=1)


def test_429_retry_after_as_an_http_date(fake_instance, settings):
    when = format_datetime(datetime.now(timezone.utc) + timedelta(seconds=90), usegmt=True)
    fake_instance.faults[TAG_PATH] = Fault(status=429, body=b"{}", headers={"Retry-After": when})
    result = fetch_mastodon(mastodon_source(fake_instance.url), SourceState(), settings)
    assert 85 <= result.retry_after_s <= 91


def test_low_remaining_budget_stops_paging_early_without_an_error(fake_instance, settings):
    url = fake_instance.url
    fake_instance.timelines[TAG_PATH] = [make_status(url, i) for i in range(1, 4)]
    first = fetch_mastodon(mastodon_source(url, limit=2), SourceState(), settings)
    fake_instance.timelines[TAG_PATH] += [make_status(url, i) for i in range(4, 12)]
    fake_instance.ratelimit_remaining = 1
    result = fetch_mastodon(mastodon_source(url, limit=2, max_pages=5), first.state, settings)
    assert result.ok
    assert [p.extra["status_id"] for p in result.posts] == ["5", "4"]  # one page, then stop
    assert newest_id(result.state) == "5"
    assert result.retry_after_s == 60  # no reset header: the default


@pytest.mark.parametrize("status, kind", [(500, ErrorKind.HTTP_5XX), (503, ErrorKind.HTTP_5XX), (410, ErrorKind.HTTP_4XX)])
def test_http_errors_are_classified(fake_instance, settings, status, kind):
    fake_instance.faults[TAG_PATH] = Fault(status=status, body=b'{"error":"nope"}')
    result = fetch_mastodon(mastodon_source(fake_instance.url), SourceState(cursor="5"), settings)
    assert result.error_kind is kind
    assert result.http_status == status
    assert f"HTTP {status}" in result.error and fake_instance.url in result.error
    assert newest_id(result.state) == "5"  # a failed run leaves the cursor where it was


def test_timeout_is_a_network_error(fake_instance, settings):
    fake_instance.faults[TAG_PATH] = Fault(delay_s=1.0, body=b"[]")
    quick = settings.model_copy(update={"fetch_timeout_s": 0.2})
    result = fetch_mastodon(mastodon_source(fake_instance.url), SourceState(), quick)
    assert result.error_kind is ErrorKind.NETWORK
    assert "timed out" in result.error


def test_refused_connection_is_a_network_error(settings):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    result = fetch_mastodon(mastodon_source(f"http://127.0.0.1:{port}"), SourceState(), settings)
    assert result.error_kind is ErrorKind.NETWORK
    assert "cannot fetch" in result.error and "refused" in result.error


@pytest.mark.parametrize("body", [b"<html>Bad gateway page</html>", b'{"error": "not a list"}'])
def test_not_a_status_list_is_a_parse_error(fake_instance, settings, body):
    fake_instance.faults[TAG_PATH] = Fault(body=body)
    result = fetch_mastodon(mastodon_source(fake_instance.url), SourceState(), settings)
    assert result.error_kind is ErrorKind.PARSE
    assert "Bad gateway page" not in result.error  # the body is not copied into the message


def test_oversized_response_is_refused(fake_instance, settings):
    fake_instance.faults[TAG_PATH] = Fault(body=b"[" + b" " * 5000 + b"]")
    small = settings.model_copy(update={"max_feed_bytes": 1000})
    result = fetch_mastodon(mastodon_source(fake_instance.url), SourceState(), small)
    assert result.error_kind is ErrorKind.TOO_LARGE


def test_failure_midway_keeps_the_pages_already_read(fake_instance, settings):
    url = fake_instance.url
    fake_instance.timelines[TAG_PATH] = [make_status(url, 1)]
    state = fetch_mastodon(mastodon_source(url, limit=2), SourceState(), settings).state
    fake_instance.timelines[TAG_PATH] += [make_status(url, i) for i in range(2, 8)]

    fake_instance.faults[TAG_PATH] = Fault(status=502, body=b"{}", after=1)  # the second page fails
    result = fetch_mastodon(mastodon_source(url, limit=2), state, settings)
    assert result.error_kind is ErrorKind.HTTP_5XX
    assert [p.extra["status_id"] for p in result.posts] == ["3", "2"]
    assert newest_id(result.state) == "3"  # moved only as far as the posts returned


@pytest.mark.parametrize(
    "options, why",
    [
        ({"tag": ""}, "options.tag"),
        ({"tag": "x", "limit": 99}, "limit must be 1-40"),
        ({"tag": "x", "max_pages": "lots"}, "numbers"),
        ({"tag": "../../accounts/1"}, "options.tag"),
        ({"tag": "peersupport?local=1"}, "options.tag"),
    ],
)
def test_bad_source_options_are_config_errors(settings, options, why):
    source = mastodon_source("http://127.0.0.1:9", **options)
    result = fetch_mastodon(source, SourceState(), settings)
    assert result.error_kind is ErrorKind.CONFIG and why in result.error


def test_list_id_cannot_walk_out_of_its_path(settings):
    source = mastodon_source("http://127.0.0.1:9", kind="list", list_id="6/../../../admin")
    result = fetch_mastodon(source, SourceState(), settings)
    assert result.error_kind is ErrorKind.CONFIG and "options.list_id" in result.error


def test_a_server_that_ignores_min_id_gives_no_repeats_and_no_loop(fake_instance, settings):
    url = fake_instance.url
    same_page = [make_status(url, i) for i in (3, 2, 1)]
    fake_instance.faults[TAG_PATH] = Fault(body=json.dumps(same_page).encode(), headers={
        "Link": f'<{url}{TAG_PATH}?min_id=3>; rel="prev"'})
    result = fetch_mastodon(mastodon_source(url), SourceState(cursor="3"), settings)
    assert result.ok and result.posts == []
    # One walk from the cursor that goes nowhere, one re-read of the newest page: no loop.
    assert fake_instance.timeline_requests(TAG_PATH) == [{"min_id": "3"}, {}]


def test_no_fault_puts_the_token_in_an_error_or_a_log(fake_instance, settings, caplog):
    caplog.set_level(logging.DEBUG)
    list_path = "/api/v1/timelines/list/9"
    errors = []
    for fault in (Fault(status=401, body=b'{"error":"The access token is invalid"}'),
                  Fault(status=429, body=b"{}"), Fault(status=500, body=b"{}"), Fault(body=b"<html>")):
        fake_instance.faults[list_path] = fault
        result = fetch_mastodon(mastodon_source(fake_instance.url, kind="list", list_id="9"), SourceState(), settings)
        assert not result.ok
        errors.append(result.error)
    assert "PEERFEED_MASTODON_ACCESS_TOKEN" in errors[0]  # says what to check, not what it is
    assert all(TOKEN not in e for e in errors)
    assert TOKEN not in caplog.text


def test_one_bad_source_does_not_stop_the_next(fake_instance, settings):
    url = fake_instance.url
    fake_instance.timelines["/api/v1/timelines/tag/careplanning"] = [make_status(url, 1)]
    fake_instance.faults[TAG_PATH] = Fault(status=500, body=b"{}")
    results = [
        fetch_mastodon(mastodon_source(url, tag=tag, name=tag), SourceState(), settings)
        for tag in ("peersupport", "careplanning")
    ]
    assert [r.ok for r in results] == [False, True]
    assert len(results[1].posts) == 1


def test_deletion_check_finds_404s_and_sends_no_token_to_other_servers(fake_instance, settings):
    url = fake_instance.url
    kept, gone = make_status(url, 11), make_status(url, 12)
    fake_instance.statuses["11"] = kept
    other_server = "http://localhost:1/users/x/statuses/5"  # never contacted: limited by max_checks
    not_mastodon = "https://pleroma.example/objects/6f1c"
    source = mastodon_source("https://elsewhere.example", auth=True)
    outcome = check_deleted(source, [kept["uri"], gone["uri"], not_mastodon, other_server], settings,
                            max_checks=2, allow_private_hosts=True)

    assert [d.platform_id for d in outcome.deletions] == [gone["uri"]]
    assert outcome.checked == 2 and outcome.unchecked == [not_mastodon]
    sent = [(path, headers.get("Authorization")) for path, _, headers in fake_instance.requests]
    assert sent == [("/api/v1/statuses/11", None), ("/api/v1/statuses/12", None)]


def test_deletion_check_does_not_call_internal_addresses_named_by_other_servers(fake_instance, settings):
    source = mastodon_source("https://mastodon.example")
    uris = [f"{fake_instance.url}/users/a/statuses/1", "http://169.254.169.254/users/a/statuses/2",
            "http://localhost:5432/users/a/statuses/3", "http://[::1]/users/a/statuses/4"]
    outcome = check_deleted(source, uris, settings)
    assert outcome.unchecked == uris and outcome.checked == 0
    assert fake_instance.requests == []


def test_deletion_check_uses_the_token_on_the_sources_own_instance(fake_instance, settings):
    url = fake_instance.url
    source = mastodon_source(url, kind="list", list_id="1")
    outcome = check_deleted(source, [f"{url}/ap/users/1/statuses/77"], settings)
    assert len(outcome.deletions) == 1
    assert fake_instance.requests[0][2].get("Authorization") == f"Bearer {TOKEN}"


def test_deletion_check_stops_at_a_rate_limit(fake_instance, settings):
    url = fake_instance.url
    fake_instance.faults["/api/v1/statuses/1"] = Fault(status=429, body=b"{}", headers={"Retry-After": "45"})
    outcome = check_deleted(mastodon_source(url), [f"{url}/users/a/statuses/{i}" for i in (1, 2, 3)], settings)
    assert outcome.error_kind is ErrorKind.RATE_LIMITED and outcome.retry_after_s == 45
    assert outcome.deletions == [] and outcome.checked == 1


def test_deletion_check_treats_a_5xx_as_unknown_not_deleted(fake_instance, settings):
    url = fake_instance.url
    fake_instance.faults["/api/v1/statuses/1"] = Fault(status=503, body=b"{}")
    outcome = check_deleted(mastodon_source(url), [f"{url}/users/a/statuses/1"], settings)
    assert outcome.deletions == []
    assert outcome.error_kind is ErrorKind.HTTP_5XX


def test_one_malformed_status_is_logged_and_skipped_not_a_failed_run(fake_instance, settings, caplog):
    url = fake_instance.url
    broken = make_status(url, 2)
    del broken["created_at"]
    fake_instance.timelines[TAG_PATH] = [make_status(url, 1), broken, make_status(url, 3)]
    result = fetch_mastodon(mastodon_source(url), SourceState(), settings)
    assert result.ok
    assert sorted(p.extra["status_id"] for p in result.posts) == ["1", "3"]
    assert newest_id(result.state) == "3"
    [record] = [r for r in caplog.records if "status skipped" in r.getMessage()]
    assert "status 2" in record.getMessage() and record.source == "test source"


def test_a_page_of_nothing_but_junk_is_a_parse_error(fake_instance, settings):
    fake_instance.faults[TAG_PATH] = Fault(body=b'[{"id": "5", "hello": "world"}, {"nope": 1}]')
    result = fetch_mastodon(mastodon_source(fake_instance.url), SourceState(), settings)
    assert result.error_kind is ErrorKind.PARSE and "no usable statuses" in result.error
