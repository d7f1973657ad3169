"""Realistic, fictional posts for dashboard tests and screenshots (no real people's words)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from sqlalchemy import select, update

from peerfeed.records import Platform, Post
from store.classification import record_classifications
from store.db import transaction
from store.models import Post as PostRow, ReviewItem, Source
from store.posts import upsert_posts

NOW = datetime.now(timezone.utc).replace(microsecond=0)


class Result:
    """A classifier result shaped like classifier.Classification."""

    def __init__(self, distress: int, topics, reasons, score=0.8):
        self.distress, self.distress_score = distress, score
        self.topics, self.topic_scores = list(topics), {t: 0.8 for t in topics}
        self.needs_review = distress > 0
        self.reasons, self.model_version = list(reasons), "test-1"


# (key, platform, author, title, text, content warning, level, topics, reasons, hours ago)
POSTS = [
    ("cafe", Platform.RSS, "Carers Voice", "Our new carers' cafe opens on Tuesdays",
     "From next week the carers' cafe at the Bridge Centre will meet every Tuesday 2-4pm. Come along "
     "for a cuppa, a chat and advice on care plan reviews. Peer supporters will be there too.",
     None, 0, ["carers", "events", "peer_support"], ["event announcement"], 30),
    ("coprod", Platform.RSS, "Mind the Gap blog", "What co-production looked like in our ward review",
     "Service users and staff sat as equal partners to rewrite the discharge leaflet. We paid people "
     "for their time and the leaflet is clearer because of it.", None, 0,
     ["coproduction", "care_planning"], ["co-production words"], 26),
    ("waiting", Platform.MASTODON, "Priya", None,
     "Six months on the waiting list for therapy now. Trying to stay hopeful but it is wearing me down "
     "and I feel let down by the referral process.", None, 1, ["services_access", "treatment"],
     ["feeling let down", "waiting list"], 5),
    ("lonely", Platform.BLUESKY, "Tom", None,
     "Evenings are the hardest. Most days I don't speak to anyone and the loneliness is heavy. "
     "Going to try the peer group on Thursday.", "low mood", 1, ["peer_support", "recovery_wellbeing"],
     ["loneliness", "struggling now"], 3),
    ("burden", Platform.MASTODON, "Alex", None,
     "I keep thinking everyone would be better off without me. I've stopped taking my meds this week "
     "and I can't see the point any more.", "self-harm, suicidal thoughts", 2,
     ["treatment"], ["feeling a burden", "stopping treatment in despair"], 2),
    ("crisis", Platform.BLUESKY, "Sam", None,
     "I have made up my mind and tonight is the night. I've written my goodbyes. Sorry to everyone.",
     "suicide", 3, [], ["goodbye message", "explicit intent"], 1),
    ("app", Platform.RSS, "Digital Peers", "Testing a mood tracking app with our group",
     "Six of us tried a mood diary app for a month. The reminders helped; the data sharing settings "
     "did not. Here is what we told the developers.", None, 0, ["digital", "recovery_wellbeing"],
     ["app review"], 50),
    ("rights", Platform.MASTODON, "Jordan", None,
     "Reminder that the Mental Health Act review consultation closes on Friday. Your voice on "
     "rights and stigma matters, especially if you have been sectioned.", None, 0,
     ["stigma_rights"], ["rights"], 20),
]


def seed(engine) -> dict[str, int]:
    """Store the posts above with sources and classifications; returns {key: post id}."""
    ids: dict[str, int] = {}
    with transaction(engine) as s:
        sources = {}
        for platform, name, url in [(Platform.RSS, "UK peer blogs", "https://blogs.example/feed"),
                                    (Platform.MASTODON, "#peersupport", "https://mastodon.example"),
                                    (Platform.BLUESKY, "coproduction on Bluesky", "https://bsky.example")]:
            src = s.scalar(select(Source).where(Source.name == name))
            if src is None:
                src = Source(name=name, platform=platform.value, kind="feed" if platform is Platform.RSS else "search",
                             url=url, enabled=True, options={}, consecutive_failures=0,
                             last_fetched_at=NOW - timedelta(minutes=10), last_status="ok")
                s.add(src)
                s.flush()
            sources[platform] = src.id
        for key, platform, author, title, text, cw, level, topics, reasons, hours in POSTS:
            post = Post(platform=platform, platform_id=f"https://{platform.value}.example/{key}",
                        source="seed", url=f"https://{platform.value}.example/{key}", author=author,
                        content_html=f"<p>{text}</p>", content_text=text, title=title,
                        content_warning=cw, sensitive=cw is not None,
                        published_at=NOW - timedelta(hours=hours), tags=tuple(topics))
            upsert_posts(s, [post], sources[platform])
            pid = s.scalar(select(PostRow.id).where(PostRow.platform_id == post.platform_id))
            record_classifications(s, [(pid, Result(level, topics, reasons))])
            # Queued a few minutes after posting, so waiting times look like a real queue's.
            s.execute(update(ReviewItem).where(ReviewItem.post_id == pid)
                      .values(created_at=post.published_at + timedelta(minutes=7)))
            ids[key] = pid
    return ids


def item_of(engine, post_id: int) -> ReviewItem:
    with transaction(engine) as s:
        return s.scalar(select(ReviewItem).where(ReviewItem.post_id == post_id))
