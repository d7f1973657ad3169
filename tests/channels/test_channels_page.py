"""The admin Channels page through Streamlit's AppTest: admins only; pausing, topics, retries; what
was published where, with no post text on the page."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from peerfeed.settings import Settings
from pipelines.fediverse import run_fediverse
from store import channel_admin
from store.channels import channel_enabled, channel_options
from store.db import transaction
from store.models import OutboxAction, Post
from tests.channels.fake_mastodon import FakeAccount
from tests.dashboard.conftest import dash  # noqa: F401 - the seeded dashboard database
from tests.dashboard.test_app import open_app, page_text


def test_only_admins_see_the_page(dash):  # noqa: F811
    at = open_app("admin.dee", "channels")
    assert [t.value for t in at.title] == ["Channels"] and not at.error
    for user in (None, "reader.eli", "mod.alex", "staff.chris"):
        with pytest.raises(ValueError, match="not a valid page|registered|not found"):
            open_app(user).switch_page("app_pages/channels.py")


def test_an_admin_pauses_a_channel_and_picks_topic_feeds(dash):  # noqa: F811
    engine, _ = dash
    at = open_app("admin.dee", "channels")
    at.toggle(key="channel_on_fediverse").set_value(False).run()
    assert not at.exception
    with transaction(engine) as s:
        assert channel_enabled(s, "fediverse") is False and channel_enabled(s, "bluesky_feed") is True
        overview = {c["channel"]: c for c in channel_admin.channels_overview(s)}
        assert overview["fediverse"]["updated_by"] == "admin.dee"
    at.multiselect(key="feed_topics_pick").set_value(["carers", "events"])
    at.button[0].click().run()  # the form's submit button comes first
    with transaction(engine) as s:
        assert channel_options(s, "bluesky_feed")["topics"] == ["carers", "events"]


def test_what_was_published_where_without_post_text(dash):  # noqa: F811
    engine, _ = dash
    account = FakeAccount()  # finds no Mastodon post: those boosts fail, and wait for an admin
    report = run_fediverse(engine, Settings(_env_file=None, fediverse_pause_s=0, fediverse_max_age_days=3650), account)
    assert report.done, report
    with transaction(engine) as s:
        rows = channel_admin.recent_publications(s)
        texts = list(s.scalars(select(Post.content_text)))
        failed = s.scalars(select(OutboxAction).where(OutboxAction.state == "failed")
                           .order_by(OutboxAction.id.desc())).all()  # the page lists newest first
    assert rows and {r["channel"] for r in rows} == {"fediverse"}
    at = open_app("admin.dee", "channels")
    shown = page_text(at) + "\n".join(str(df.value.to_dict()) for df in at.dataframe)
    assert "toot:" in shown
    for text in texts:
        if len(text) > 40:
            assert text not in shown
    assert failed
    at.button(key="retry_action").click().run()
    with transaction(engine) as s:
        assert s.get(OutboxAction, failed[0].id).state == "pending"
