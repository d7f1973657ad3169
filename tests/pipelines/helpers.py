"""Builders for the pipelines' tests: posts as collectors hand them over, stored and classified;
settings that point alerts at the local receivers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from peerfeed.records import Platform, Post
from peerfeed.settings import Settings
from pipelines.classifying import classify_pending
from store.db import transaction
from store.models import Post as PostRow
from store.posts import upsert_posts
from tests.pipelines.doubles import KeywordModel

NOW = datetime.now(timezone.utc).replace(microsecond=0)


def toot(n: int, text: str, author: str | None = None, published_at: datetime | None = None, **kw) -> Post:
    """A Mastodon post as a collector would hand it over."""
    return Post(
        platform=Platform.MASTODON,
        platform_id=f"https://mastodon.example/users/u{n}/statuses/{1000 + n}",
        source="#peersupport",
        url=f"https://mastodon.example/@u{n}/{1000 + n}",
        author=author or f"Person {n}",
        content_html=f"<p>{text}</p>",
        content_text=text,
        published_at=published_at or NOW - timedelta(minutes=n),
        **kw,
    )


def store_and_classify(engine, posts, model=None) -> dict[str, int]:
    """Upsert posts and classify them with the keyword double; returns post ids by platform_id."""
    with transaction(engine) as s:
        upsert_posts(s, posts)
    classify_pending(engine, model or KeywordModel())
    with transaction(engine) as s:
        return dict(s.execute(select(PostRow.platform_id, PostRow.id)).all())


def settings_for(webhook=None, smtp=None, **kw) -> Settings:
    """Settings sending alerts to the `webhook` receiver and/or the `smtp` server fixtures."""
    values = dict(public_base_url="https://peerfeed.example.org/")
    if webhook is not None:
        values["alert_webhook_url"] = webhook.url
    if smtp is not None:
        host, port, _ = smtp
        values.update(smtp_host=host, smtp_port=port, alert_email_to=["mods@peerfeed.example.org"],
                      smtp_from="alerts@peerfeed.example.org")
    values.update(kw)
    return Settings(_env_file=None, **values)
