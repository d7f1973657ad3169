"""The publication gate's reproductions (../shared/repro/) as tests, on SQLite and PostgreSQL,
through the same pipeline functions the CLI and the flows run, with the real classifier."""

from __future__ import annotations

import socket
from datetime import timedelta
from email.utils import format_datetime
from xml.sax.saxutils import escape

import pytest
from sqlalchemy import select

from classifier import load_model
from peerfeed.records import Platform
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig
from pipelines.alerts import send_alerts
from pipelines.classifying import classify_pending
from pipelines.collecting import collect_all
from store.db import transaction
from store.models import AlertSent, FetchRun, Post, ReviewItem, utcnow
from store.queries import digest
from tests.pipelines.feeds import FeedServer
from tests.pipelines.helpers import settings_for, store_and_classify, toot

CALM = "Our carers cafe meets on Tuesday at the library, all welcome."
EDITED = ("Edited: I am going to kill myself tonight. I have saved up my pills. Goodbye everyone, "
          "sorry for everything.")


@pytest.fixture(scope="module")
def model():
    return load_model()


def rss(items: list[tuple[str, str]]) -> bytes:
    """An RSS feed whose items are (guid, text), published an hour ago."""
    when = format_datetime(utcnow() - timedelta(hours=1))
    body = "".join(f"<item><title>Tuesday update</title><guid isPermaLink=\"false\">{escape(guid)}</guid>"
                   f"<link>http://127.0.0.1/p1</link><pubDate>{when}</pubDate>"
                   f"<description>{escape(text)}</description></item>" for guid, text in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><link>http://127.0.0.1/</link>'
            f"<description>d</description>{body}</channel></rss>").encode()


@pytest.fixture
def blog(tmp_path):
    (tmp_path / "rss").mkdir()
    server = FeedServer(tmp_path)
    feed = tmp_path / "rss" / "blog.xml"
    yield server, feed, [SourceConfig(name="blog", platform=Platform.RSS, url=f"{server.url}/rss/blog.xml")]
    server.close()


def collect_and_classify(engine, model, configs, settings) -> None:
    collect_all(engine, settings, configs, only="blog")
    classify_pending(engine, model)


def test_a_published_post_edited_into_a_crisis_post_is_read_again_held_and_alerted(engine, model, blog, webhook):
    # ../shared/repro/edited_post_skips_classification.py
    server, feed, configs = blog
    settings = settings_for(webhook, collect_concurrency=1)
    feed.write_bytes(rss([("post-1", CALM)]))
    collect_and_classify(engine, model, configs, settings)
    with transaction(engine) as s:
        assert [p.post.content_text for p in digest(s)] == [CALM]

    feed.write_bytes(rss([("post-1", EDITED)]))
    collect_and_classify(engine, model, configs, settings)
    with transaction(engine) as s:
        assert digest(s) == []
        (item,) = s.scalars(select(ReviewItem)).all()
        assert (item.state, item.level) == ("pending", 3)
    assert send_alerts(engine, settings).sent == 1
    assert [m["level"] for m in webhook.received] == [3]


def test_two_entries_sharing_a_guid_are_both_kept_and_the_crisis_one_held(engine, model, blog):
    # ../shared/repro/duplicate_guid_drops_crisis_entry.py
    server, feed, configs = blog
    feed.write_bytes(rss([("http://127.0.0.1/tuesday-group", "I have saved up my tablets and tonight is the night. Goodbye."),
                          ("http://127.0.0.1/tuesday-group", "Lovely write-up, see you all on Tuesday.")]))
    (report,) = collect_all(engine, Settings(_env_file=None, collect_concurrency=1), configs)
    assert report.new == 2
    classify_pending(engine, model)
    with transaction(engine) as s:
        states = {p.content_text: (p.platform_id, p.review.state) for p in s.scalars(select(Post))}
        (run,) = s.scalars(select(FetchRun)).all()
    crisis_key, crisis_state = states["I have saved up my tablets and tonight is the night. Goodbye."]
    assert (crisis_key, crisis_state) == ("http://127.0.0.1/tuesday-group", "pending")
    assert states["Lovely write-up, see you all on Tuesday."][0].startswith("http://127.0.0.1/tuesday-group#")
    assert run.status == "ok" and "shared by entries with different text" in run.error


def test_a_failed_crisis_alert_is_retried_however_old_the_post(engine, webhook):
    # ../shared/repro/failed_crisis_alert_expires.py
    ids = store_and_classify(engine, [toot(1, "Goodbye everyone, I have saved up my tablets")])
    now = utcnow()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}/hook"
    first = send_alerts(engine, settings_for(alert_webhook_url=dead), now=now)
    assert (first.sent, first.failed) == (0, 1)
    later = send_alerts(engine, settings_for(webhook), now=now + timedelta(days=3))
    assert (later.sent, later.failed) == (1, 0)
    assert [m["level"] for m in webhook.received] == [3]
    with transaction(engine) as s:
        row = s.scalar(select(AlertSent))
        assert (row.post_id, row.status, row.attempts) == (next(iter(ids.values())), "sent", 0)
