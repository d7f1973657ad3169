"""The Mastodon collector through the real collect pipeline into a real SQLite store."""

from __future__ import annotations

from mastodon_fakes import make_boost, make_status, mastodon_source
from sqlalchemy import select

from collectors.mastodon_recheck import check_deleted
from peerfeed.sample_server import SampleServer
from pipelines.local import run_collect
from store.db import make_engine, transaction
from store.models import Post
from store.posts import apply_deletions

TAG_PATH = "/api/v1/timelines/tag/peersupport"


def stored_posts(settings) -> list[Post]:
    engine = make_engine(settings.database_url)
    try:
        with transaction(engine) as session:
            return list(session.scalars(select(Post).order_by(Post.id)))
    finally:
        engine.dispose()


def test_samples_store_once_and_the_shared_boost_is_one_row(store_settings):
    with SampleServer() as server:
        sources = [mastodon_source(server.url, tag=t, name=f"#{t}") for t in ("peersupport", "careplanning")]
        first = run_collect(store_settings, configs=sources)
        second = run_collect(store_settings, configs=sources)

    assert [r.status for r in first] == ["ok", "ok"]
    assert sum(r.new for r in first) == 17  # 9 + 9, the blog post boosted in both stored once
    assert sum(r.new for r in second) == 0
    posts = stored_posts(store_settings)
    assert len(posts) == 17
    warned = [p for p in posts if p.content_warning]
    assert {p.content_warning for p in warned} == {"self-harm", "suicidal thoughts, meds"}


def test_boost_of_a_stored_post_adds_no_row_and_deletion_erases_text(fake_instance, store_settings):
    url = fake_instance.url
    original = make_status(url, 500, text="Thursday peer circle, 7pm, all welcome, cameras optional")
    fake_instance.timelines[TAG_PATH] = [original]
    source = mastodon_source(url)
    [first] = run_collect(store_settings, configs=[source])
    fake_instance.timelines[TAG_PATH].append(make_boost(url, 501, original))
    [second] = run_collect(store_settings, configs=[source])
    assert (first.new, second.new) == (1, 0)
    [row] = stored_posts(store_settings)
    assert row.platform_id == original["uri"]

    # The status is gone upstream: the check finds the 404 and the store erases the text.
    outcome = check_deleted(source, [row.platform_id], store_settings)
    engine = make_engine(store_settings.database_url)
    with transaction(engine) as session:
        assert apply_deletions(session, outcome.deletions) == 1
    engine.dispose()
    [row] = stored_posts(store_settings)
    assert row.deleted_at is not None and row.content_text == "" and row.content_html == ""


def test_periodic_deletion_check_erases_only_what_is_gone(fake_instance, store_settings):
    from datetime import datetime, timezone

    from pipelines.deletions import check_deletions

    url = fake_instance.url
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    kept = make_status(url, 600, text="Peer circle notes from tonight, thank you all for coming along", created_at=now)
    gone = make_status(url, 601, text="I shared too much here earlier and have taken it down, sorry all", created_at=now)
    fake_instance.timelines[TAG_PATH] = [gone, kept]
    fake_instance.statuses[str(kept["id"])] = kept
    [report] = run_collect(store_settings, configs=[mastodon_source(url)])
    assert report.new == 2

    engine = make_engine(store_settings.database_url)
    try:
        [check] = check_deletions(engine, store_settings, allow_private_hosts=True)
    finally:
        engine.dispose()
    assert (check.checked, check.erased, check.error) == (2, 1, None)
    rows = {p.platform_id: p for p in stored_posts(store_settings)}
    assert rows[gone["uri"]].deleted_at is not None and rows[gone["uri"]].content_text == ""
    assert rows[kept["uri"]].deleted_at is None and "Peer circle" in rows[kept["uri"]].content_text


def test_extra_is_stored_and_boosters_accumulate(fake_instance, store_settings):
    url = fake_instance.url
    original = make_status(url, 700, text="Thursday peer circle, all welcome",
                           media_attachments=[{"type": "image", "description": "Chairs in a circle"}])
    fake_instance.timelines[TAG_PATH] = [original, make_boost(url, 701, original)]
    source = mastodon_source(url)
    run_collect(store_settings, configs=[source])
    fake_instance.timelines[TAG_PATH] = [original, make_status(url, 702)]  # the boost scrolled away
    # Another source (no cursor) reads the plain status again: the booster must not be forgotten.
    reports = run_collect(store_settings, configs=[mastodon_source(url, name="another")])
    assert [r.status for r in reports] == ["ok", "ok"]
    row = next(p for p in stored_posts(store_settings) if p.platform_id == original["uri"])
    assert row.extra["status_id"] == "700"
    assert row.extra["media"] == [{"type": "image", "description": "Chairs in a circle"}]
    assert row.extra["boosted_by"] == ["samreeve@peers.example"]
