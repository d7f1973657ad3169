"""Fill a database with N realistic-looking posts, classifications and review items, fast.

Used by the query and dashboard benchmarks. Rows go in with bulk Core inserts in batches of 10k;
every post gets a classification, a review item (about 80% approved, the rest pending across
levels 1-3 or hidden) and one or two topics.

    python -m benchmarks.seed --db sqlite:///data/bench.db --posts 100000
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import datetime, timedelta, timezone

from sqlalchemy import insert, text

from store.db import make_engine, upgrade
from store.models import Classification, Post, PostTopic, ReviewItem, Source

TOPICS = ["peer_support", "care_planning", "coproduction", "carers", "services_access", "recovery_wellbeing",
          "employment", "treatment", "digital", "events", "stigma_rights"]
WORDS = ("care plan review co-production carers peer support waiting list recovery crisis team "
         "discharge meeting workshop lived experience volunteer therapy medication app online "
         "stigma rights benefits Tuesday library group coordinator involvement").split()
T0 = datetime(2025, 1, 1, tzinfo=timezone.utc)


def seed(database_url: str, posts: int, batch: int = 10_000, seed_value: int = 7) -> float:
    """Insert `posts` posts (after the ones already there); returns seconds taken."""
    rnd = random.Random(seed_value)
    engine = make_engine(database_url)
    upgrade(engine)
    started = time.perf_counter()
    with engine.begin() as conn:
        start_id = conn.execute(text("SELECT COALESCE(MAX(id), 0) FROM posts")).scalar() + 1
        if conn.execute(text("SELECT COUNT(*) FROM sources")).scalar() == 0:
            conn.execute(insert(Source), [
                {"name": f"bench source {i}", "platform": ["rss", "mastodon", "bluesky"][i % 3], "kind":
                 ["feed", "hashtag", "search"][i % 3], "url": f"https://s{i}.example/feed", "enabled": True,
                 "options": {}, "consecutive_failures": 0, "created_at": T0} for i in range(1, 31)])
    span = 600 * 24 * 3600
    for lo in range(start_id, start_id + posts, batch):
        hi = min(lo + batch, start_id + posts)
        p_rows, c_rows, r_rows, t_rows = [], [], [], []
        for pid in range(lo, hi):
            when = T0 + timedelta(seconds=rnd.randrange(span))
            words = " ".join(rnd.choices(WORDS, k=rnd.randint(12, 40)))
            platform = ("rss", "mastodon", "bluesky")[pid % 3]
            p_rows.append({"id": pid, "platform": platform, "platform_id": f"bench:{pid}", "source_id": 1 + pid % 30,
                           "url": f"https://s.example/p/{pid}", "canonical_url": f"https://s.example/p/{pid}",
                           "story_id": pid, "title": f"Post {pid}", "author": f"author{pid % 5000}",
                           "content_html": f"<p>{words}</p>", "content_text": words, "sensitive": False,
                           "tags": [], "links": [], "published_at": when, "collected_at": when})
            level = rnd.choices([0, 1, 2, 3], weights=[80, 12, 6, 2])[0]
            topics = rnd.sample(TOPICS, rnd.randint(1, 2))
            c_rows.append({"post_id": pid, "model_version": "bench", "topics": topics,
                           "topic_scores": {t: 0.8 for t in topics}, "distress": level, "distress_score": 0.7,
                           "needs_review": level > 0, "reasons": [], "classified_at": when})
            state = "approved" if level == 0 else rnd.choices(["pending", "hidden", "approved"], weights=[70, 10, 20])[0]
            r_rows.append({"post_id": pid, "state": state, "level": level, "priority": level * 10,
                           "created_at": when, "updated_at": when, "version": 1})
            t_rows.extend({"post_id": pid, "topic": t} for t in topics)
        with engine.begin() as conn:
            conn.execute(insert(Post), p_rows)
            conn.execute(insert(Classification), c_rows)
            conn.execute(insert(ReviewItem), r_rows)
            conn.execute(insert(PostTopic), t_rows)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text("SELECT setval(pg_get_serial_sequence('posts','id'), (SELECT MAX(id) FROM posts))"))
        else:
            conn.execute(text("ANALYZE"))
    if engine.dialect.name == "postgresql":
        # Measure the steady state autovacuum reaches: a fresh bulk load has no visibility map yet,
        # so index-only scans (the queue counts) would read the heap.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("VACUUM ANALYZE"))
    engine.dispose()
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--posts", type=int, default=100_000)
    args = ap.parse_args()
    took = seed(args.db, args.posts)
    print(f"seeded {args.posts:,} posts into {args.db} in {took:.1f} s ({args.posts / took:,.0f} posts/s)")


if __name__ == "__main__":
    main()
