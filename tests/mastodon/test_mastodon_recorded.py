"""The collector against real Mastodon 4.5 responses, replayed through the real Mastodon.py client."""

from __future__ import annotations

from datetime import datetime, timezone

from mastodon_fakes import RECORDED_INSTANCE, mastodon_source, replay

from collectors.base import ErrorKind, SourceState
from collectors.mastodon import fetch_mastodon, newest_id
from collectors.mastodon_recheck import check_deleted
from peerfeed.records import Deletion, Platform

def played(cassette, path_part: str) -> list[str]:
    """URIs of the recorded requests this test actually replayed, in recording order."""
    return [cassette.data[i][0].uri for i in sorted(cassette.play_counts) if path_part in cassette.data[i][0].uri]


FETCH_REMAINING_TAG = "fgiztsshwiaqqiztpmmjbtvmescsculuvmgjgopwoeidbcrixp"


def test_hashtag_timeline_becomes_posts(settings):
    source = mastodon_source(RECORDED_INSTANCE, tag="hoot")
    with replay("test_hashtag_tl.yaml"):
        result = fetch_mastodon(source, SourceState(), settings)

    assert result.ok, result.error
    assert result.http_status == 200
    [post] = result.posts
    assert post.platform is Platform.MASTODON
    assert post.platform_id == "http://localhost:3000/ap/users/117020566092212359/statuses/117020593741189701"
    assert post.url == "http://localhost:3000/@mastodonpy_test_2/117020593741189701"
    assert post.published_at == datetime(2026, 8, 1, 13, 55, 55, 867000, tzinfo=timezone.utc)
    assert post.content_text == "#hoot (hashtag toot)"
    assert 'class="mention hashtag"' not in post.content_html  # nh3 kept only href and rel
    assert post.tags == ("hoot",)
    assert post.language == "ja"
    assert post.author == "mastodonpy_test_2@localhost:3000"  # no display name, so the full acct
    assert post.canonical_url == "https://localhost:3000/@mastodonpy_test_2/117020593741189701"
    assert post.links == ()  # the only link is the hashtag's
    assert newest_id(result.state) == "117020593741189701"


def test_first_run_reads_pages_back_through_the_link_header(settings):
    source = mastodon_source(RECORDED_INSTANCE, tag=FETCH_REMAINING_TAG, limit=10, first_pages=3)
    with replay("test_fetch_remaining.yaml") as cassette:
        result = fetch_mastodon(source, SourceState(), settings)
        timeline_calls = played(cassette, "/timelines/tag/")

    assert result.ok, result.error
    assert len(result.posts) == 30
    assert len({p.platform_id for p in result.posts}) == 30
    assert len(timeline_calls) == 3 and "max_id=117020581339834938" in timeline_calls[1]
    assert newest_id(result.state) == "117020581413876942"  # the newest, from the first page


def test_first_run_reads_one_page_by_default(settings):
    source = mastodon_source(RECORDED_INSTANCE, tag=FETCH_REMAINING_TAG, limit=10)
    with replay("test_fetch_remaining.yaml") as cassette:
        result = fetch_mastodon(source, SourceState(), settings)
        timeline_calls = played(cassette, "/timelines/tag/")
    assert len(result.posts) == 10
    assert len(timeline_calls) == 1


def test_list_timeline(settings):
    source = mastodon_source(RECORDED_INSTANCE, kind="list", list_id="6")
    with replay("test_list_timeline.yaml") as cassette:
        result = fetch_mastodon(source, SourceState(), settings)
        assert len(played(cassette, "/timelines/list/6")) == 1

    assert result.ok, result.error
    assert len(result.posts) == 7
    assert result.posts[0].content_text == "I have never stolen a ham in my life."


def test_list_timeline_without_a_token_is_a_config_error(settings):
    source = mastodon_source(RECORDED_INSTANCE, kind="list", list_id="6")
    no_token = settings.model_copy(update={"mastodon_access_token": None})
    result = fetch_mastodon(source, SourceState(), no_token)
    assert result.error_kind is ErrorKind.CONFIG
    assert "access token" in result.error


def test_account_statuses_by_id(settings):
    source = mastodon_source(RECORDED_INSTANCE, kind="account", account_id="117020565966271181", limit=5)
    with replay("test_get_pagination_info.yaml"):
        result = fetch_mastodon(source, SourceState(), settings)
    assert result.ok, result.error
    assert len(result.posts) == 5
    assert all(p.extra["visibility"] == "unlisted" for p in result.posts)
    assert newest_id(result.state) == "117020581915050941"


def test_unknown_account_is_an_http_4xx_naming_the_source(settings):
    source = mastodon_source(RECORDED_INSTANCE, kind="account", acct="kljadklajsdkljlkjlkjlkjasdasd", name="ghost")
    with replay("test_account_lookup.yaml"):
        result = fetch_mastodon(source, SourceState(), settings)
    assert result.error_kind is ErrorKind.HTTP_4XX
    assert result.http_status == 404
    assert "'ghost'" in result.error and "/api/v1/accounts/lookup" in result.error
    assert result.posts == [] and result.state.cursor is None


def test_missing_status_is_a_deletion(settings):
    source = mastodon_source(RECORDED_INSTANCE)
    uri = f"{RECORDED_INSTANCE}/users/mastodonpy_test/statuses/0"
    with replay("test_status_missing.yaml"):
        outcome = check_deleted(source, [uri], settings)
    assert outcome.ok
    assert outcome.deletions == [Deletion(platform=Platform.MASTODON, platform_id=uri, source=source.name)]


def test_status_still_there_is_not_a_deletion(settings):
    source = mastodon_source(RECORDED_INSTANCE)
    uri = f"{RECORDED_INSTANCE}/ap/users/117020565966271181/statuses/117020583223442465"
    with replay("test_status.yaml"):
        outcome = check_deleted(source, [uri], settings)
    assert outcome.ok and outcome.checked == 1
    assert outcome.deletions == []
