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


BULK_TEXTS = [
    ("carers", "Carers' group tonight talked about respite and getting a carers' assessment."),
    ("peer_support", "Our peer support drop-in had twelve people this week, lovely to see new faces."),
    ("coproduction", "Co-production workshop: service users and staff redesigning the crisis plan template."),
    ("services_access", "The day centre closure consultation is open; waiting lists are already long."),
    ("recovery_wellbeing", "Walking group recovery update: small steps, better sleep, more good days."),
    ("care_planning", "Tips for your CPA review: bring a friend, write down what matters to you."),
    ("digital", "Trying an online peer forum for the first time, friendly moderators so far."),
    ("events", "Webinar on Thursday 7pm about peer worker training, all welcome."),
]


def seed_bulk(engine, n: int = 240, days: int = 30) -> None:
    """`n` more fictional posts spread over `days` days (older than the hand-written ones), mostly
    level 0 and approved, enough for the Themes charts to clear k=5."""
    posts, levels = [], []
    for i in range(n):
        topic, text = BULK_TEXTS[i % len(BULK_TEXTS)]
        platform = (Platform.RSS, Platform.MASTODON, Platform.BLUESKY)[i % 3]
        posts.append(Post(platform=platform, platform_id=f"https://{platform.value}.example/bulk-{i}", source="seed",
                          url=f"https://{platform.value}.example/bulk-{i}", author=f"Member {i % 17}",
                          content_html=f"<p>{text}</p>", content_text=f"{text} (#{i})",
                          published_at=NOW - timedelta(hours=8) - timedelta(minutes=(days * 24 * 60 - 600) * i // n),
                          tags=(topic,)))
        levels.append((topic, 1 if i % 9 == 0 else 2 if i % 31 == 0 else 0))
    with transaction(engine) as s:
        src = {sr.platform: sr.id for sr in s.scalars(select(Source))}
        for post in posts:
            upsert_posts(s, [post], src.get(post.platform.value))
        rows = dict(s.execute(select(PostRow.platform_id, PostRow.id).where(PostRow.platform_id.like("%/bulk-%"))).all())
        record_classifications(s, [(rows[p.platform_id], Result(lvl, [topic], ["bulk"]))
                                   for p, (topic, lvl) in zip(posts, levels)])


LINKED_TEXT = ("Slides from Saturday's peer workers' meetup are up: https://peers.example/slides?day=sat. "
               "Ask [me](javascript:alert(1)) **anything** or mail dan@mastodon.example.\n\n"
               "Background reading (long): https://en.wikipedia.example/wiki/Peer_support_(mental_health)")


def seed_linked_post(engine) -> int:
    """One cleared level-0 status whose author looks like an e-mail address and whose text holds
    links, Markdown and a javascript: pseudo-link; returns its post id."""
    post = Post(platform=Platform.MASTODON, platform_id="https://mastodon.example/linked", source="seed",
                url="https://mastodon.example/@dan/linked", author="dan@mastodon.example",
                content_html=f"<p>{LINKED_TEXT}</p>", content_text=LINKED_TEXT,
                published_at=NOW - timedelta(minutes=30), tags=("peer_support",))
    with transaction(engine) as s:
        src = s.scalar(select(Source.id).where(Source.platform == Platform.MASTODON.value))
        upsert_posts(s, [post], src)
        pid = s.scalar(select(PostRow.id).where(PostRow.platform_id == post.platform_id))
        record_classifications(s, [(pid, Result(0, ["peer_support"], ["event announcement"]))])
    return pid
