"""Small builders for realistic records used across store tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from peerfeed.records import Platform, Post

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)


def blog_post(n: int, text: str | None = None, **kw) -> Post:
    text = text or f"Our carers' group met on Tuesday to talk about care plan reviews, number {n}, and what helps."
    defaults = dict(
        platform=Platform.RSS,
        platform_id=f"https://carersvoice.example/2026/11/post-{n}/",
        source="Carers Voice blog",
        url=f"https://carersvoice.example/2026/11/post-{n}/?utm_source=rss",
        author="Jo",
        content_html=f"<p>{text}</p>",
        content_text=text,
        published_at=T0 + timedelta(minutes=n),
        title=f"Post {n}",
        tags=("carers",),
    )
    defaults.update(kw)
    return Post(**defaults)


def toot(n: int, text: str, **kw) -> Post:
    defaults = dict(
        platform=Platform.MASTODON,
        platform_id=f"https://mastodon.example/users/sam/statuses/{1000 + n}",
        source="#peersupport",
        url=f"https://mastodon.example/@sam/{1000 + n}",
        author="Sam",
        content_html=f"<p>{text}</p>",
        content_text=text,
        published_at=T0 + timedelta(minutes=n),
    )
    defaults.update(kw)
    return Post(**defaults)


class Result:
    """A classifier result shaped like classifier.Classification."""

    def __init__(self, distress: int, topics=("carers",), needs_review: bool | None = None):
        self.distress = distress
        self.distress_score = 0.9
        self.topics = list(topics)
        self.topic_scores = {t: 0.8 for t in topics}
        self.needs_review = distress > 0 if needs_review is None else needs_review
        self.reasons = [f"level {distress} test reason"]
        self.model_version = "test-1"


def skeet(n: int, text: str, **kw) -> Post:
    """A Bluesky post as the collector stores it (at:// URI in DID form)."""
    defaults = dict(
        platform=Platform.BLUESKY,
        platform_id=f"at://did:plc:peerfeedtestsam/app.bsky.feed.post/3kpost{n:04d}",
        source="bluesky #peersupport",
        url=f"https://bsky.app/profile/sam.example/post/3kpost{n:04d}",
        author="Sam",
        content_html=f"<p>{text}</p>",
        content_text=text,
        published_at=T0 + timedelta(minutes=n),
    )
    defaults.update(kw)
    return Post(**defaults)
