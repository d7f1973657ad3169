"""Incremental fetching against a local Mastodon-shaped server: cursors, gaps, boosts of seen posts."""

from __future__ import annotations

import json

from mastodon_fakes import TOKEN, Fault, make_boost, make_status, mastodon_source

from collectors.base import SourceState
from collectors.mastodon import fetch_mastodon, newest_id

TAG_PATH = "/api/v1/timelines/tag/peersupport"


def ids(result) -> list[int]:
    return sorted(int(p.extra["status_id"]) for p in result.posts)


def test_second_run_asks_with_min_id_and_gets_only_new_posts(fake_instance, settings):
    url = fake_instance.url
    fake_instance.timelines[TAG_PATH] = [make_status(url, i) for i in range(100, 105)]
    source = mastodon_source(url)

    first = fetch_mastodon(source, SourceState(), settings)
    assert ids(first) == [100, 101, 102, 103, 104]
    assert newest_id(first.state) == "104"

    fake_instance.timelines[TAG_PATH] += [make_status(url, 105), make_status(url, 106)]
    second = fetch_mastodon(source, first.state, settings)
    assert ids(second) == [105, 106]
    assert newest_id(second.state) == "106"
    assert fake_instance.timeline_requests(TAG_PATH)[1]["min_id"] == "104"

    third = fetch_mastodon(source, second.state, settings)
    assert third.ok and third.posts == [] and newest_id(third.state) == "106"


def test_a_gap_is_walked_forward_page_by_page_without_losing_posts(fake_instance, settings):
    url = fake_instance.url
    fake_instance.timelines[TAG_PATH] = [make_status(url, 1000)]
    source = mastodon_source(url, limit=5, max_pages=3)
    state = fetch_mastodon(source, SourceState(), settings).state

    # 23 posts arrive while we are away: more than max_pages * limit (15).
    fake_instance.timelines[TAG_PATH] += [make_status(url, i) for i in range(1001, 1024)]
    run1 = fetch_mastodon(source, state, settings)
    assert ids(run1) == list(range(1001, 1016))  # the oldest 15 first: no hole behind us
    assert newest_id(run1.state) == "1015"
    min_ids = [q.get("min_id") for q in fake_instance.timeline_requests(TAG_PATH)[1:]]
    assert min_ids == ["1000", "1005", "1010"]  # the second and third follow Link rel=prev

    run2 = fetch_mastodon(source, run1.state, settings)
    assert ids(run2) == list(range(1016, 1024))
    assert newest_id(run2.state) == "1023"


def test_boost_of_a_post_already_collected_adds_no_new_post(fake_instance, settings):
    url = fake_instance.url
    original = make_status(url, 200, text="Our peer circle meets on Thursday evenings, all welcome")
    fake_instance.timelines[TAG_PATH] = [original]
    source = mastodon_source(url)
    first = fetch_mastodon(source, SourceState(), settings)
    store = {(p.platform, p.platform_id): p for p in first.posts}  # the store's upsert key

    fake_instance.timelines[TAG_PATH].append(make_boost(url, 201, original))
    second = fetch_mastodon(source, first.state, settings)
    for post in second.posts:
        store[(post.platform, post.platform_id)] = post

    assert len(store) == 1
    [again] = second.posts
    assert again.platform_id == original["uri"]
    assert again.extra["boosted_by"] == ["samreeve@peers.example"]
    assert newest_id(second.state) == "201"  # the boost moved the cursor on


def test_original_and_its_boost_in_one_run_give_one_post(fake_instance, settings):
    url = fake_instance.url
    original = make_status(url, 300)
    fake_instance.timelines[TAG_PATH] = [original, make_boost(url, 301, original), make_boost(url, 302, original)]
    result = fetch_mastodon(mastodon_source(url), SourceState(), settings)
    [post] = result.posts
    assert post.extra["status_id"] == "300"
    assert post.extra["boosted_by"] == ["samreeve@peers.example"]


def test_token_goes_only_to_sources_that_ask_for_it(fake_instance, settings):
    url = fake_instance.url
    fake_instance.timelines[TAG_PATH] = [make_status(url, 1)]
    fake_instance.timelines["/api/v1/timelines/list/7"] = [make_status(url, 2)]

    fetch_mastodon(mastodon_source(url), SourceState(), settings)
    fetch_mastodon(mastodon_source(url, kind="list", list_id="7"), SourceState(), settings)
    fetch_mastodon(mastodon_source(url, auth=True), SourceState(), settings)

    auth = [(path, headers.get("Authorization")) for path, _, headers in fake_instance.requests if "/timelines/" in path]
    assert auth == [
        (TAG_PATH, None),
        ("/api/v1/timelines/list/7", f"Bearer {TOKEN}"),
        (TAG_PATH, f"Bearer {TOKEN}"),
    ]


def test_account_by_acct_is_looked_up_then_read(fake_instance, settings):
    url = fake_instance.url
    fake_instance.timelines["/api/v1/accounts/42/statuses"] = [make_status(url, 7)]
    lookup = {"id": "42", "acct": "priya@peers.example", "username": "priya", "url": "https://peers.example/@priya"}
    fake_instance.faults["/api/v1/accounts/lookup"] = Fault(body=json.dumps(lookup).encode())
    result = fetch_mastodon(mastodon_source(url, kind="account", acct="@priya@peers.example"), SourceState(), settings)
    assert result.ok, result.error
    assert ids(result) == [7]
    assert ("/api/v1/accounts/lookup", {"acct": "priya@peers.example"}) in [(p, q) for p, q, _ in fake_instance.requests]


def test_a_quoted_false_in_yaml_keeps_the_token_at_home(fake_instance, settings):
    fake_instance.timelines[TAG_PATH] = [make_status(fake_instance.url, 1)]
    fetch_mastodon(mastodon_source(fake_instance.url, auth="false"), SourceState(), settings)
    [(_, _, headers)] = [r for r in fake_instance.requests if r[0] == TAG_PATH]
    assert "Authorization" not in headers


def test_an_edit_of_a_recent_status_comes_back_on_the_next_run(fake_instance, settings):
    url = fake_instance.url
    statuses = [make_status(url, i) for i in range(300, 304)]
    fake_instance.timelines[TAG_PATH] = statuses
    source = mastodon_source(url)
    first = fetch_mastodon(source, SourceState(), settings)
    statuses[1].update(content="<p>Call me on 07700 900123 if you need to talk</p>",
                       edited_at="2026-11-20T10:00:00.000Z")
    second = fetch_mastodon(source, first.state, settings)
    [post] = second.posts
    assert post.extra["status_id"] == "301" and "07700" in post.content_text
    statuses[1].update(content="<p>DM me if you need to talk</p>", edited_at="2026-11-20T10:05:00.000Z")
    third = fetch_mastodon(source, second.state, settings)
    assert [p.content_text for p in third.posts] == ["DM me if you need to talk"]
    assert fetch_mastodon(source, third.state, settings).posts == []
    assert fake_instance.timeline_requests(TAG_PATH)[-1] == {}  # the re-read of the newest page


def test_a_status_that_federated_late_below_the_cursor_is_collected(fake_instance, settings):
    """Mastodon gives a remote status an id from its created_at: one that arrives late sorts below
    the cursor, where min_id never looks."""
    url = fake_instance.url
    fake_instance.timelines[TAG_PATH] = [make_status(url, i) for i in (400, 402)]
    source = mastodon_source(url)
    first = fetch_mastodon(source, SourceState(), settings)
    fake_instance.timelines[TAG_PATH].append(make_status(url, 401, text="Arrived late from a slow server"))
    second = fetch_mastodon(source, first.state, settings)
    assert ids(second) == [401]
    assert newest_id(second.state) == "402"
    assert fetch_mastodon(source, second.state, settings).posts == []


def test_a_bare_id_cursor_from_before_the_overlap_returns_nothing_old(fake_instance, settings):
    url = fake_instance.url
    fake_instance.timelines[TAG_PATH] = [make_status(url, i) for i in range(500, 505)]
    second = fetch_mastodon(mastodon_source(url), SourceState(cursor="504"), settings)
    assert second.ok and second.posts == [] and newest_id(second.state) == "504"
