"""Posts are stored once per (platform, platform id), grouped into stories, erased on deletion."""

from sqlalchemy import func, select

from peerfeed.records import Deletion, Platform
from store.db import transaction
from store.models import Post, ReviewItem
from store.posts import apply_deletions, upsert_posts
from store.classification import record_classifications
from tests.store.helpers import Result, blog_post, toot


def count(engine, model=Post):
    with transaction(engine) as s:
        return s.scalar(select(func.count()).select_from(model))


def test_upsert_is_idempotent(engine):
    posts = [blog_post(i) for i in range(3)]
    with transaction(engine) as s:
        first = upsert_posts(s, posts)
    with transaction(engine) as s:
        second = upsert_posts(s, posts)
    assert (first.new, first.updated) == (3, 0)
    assert (second.new, second.updated, second.unchanged) == (0, 0, 3)
    assert count(engine) == 3


def test_changed_post_is_updated_not_duplicated(engine):
    with transaction(engine) as s:
        upsert_posts(s, [blog_post(1)])
    with transaction(engine) as s:
        counts = upsert_posts(s, [blog_post(1, text="Edited: the care plan review went well after all, thanks everyone.")])
    assert (counts.new, counts.updated) == (0, 1)
    with transaction(engine) as s:
        post = s.scalar(select(Post))
        assert post.content_text.startswith("Edited")
        assert post.canonical_url == "https://carersvoice.example/2026/11/post-1"  # utm_source stripped


def test_duplicates_within_one_batch_are_stored_once(engine):
    with transaction(engine) as s:
        counts = upsert_posts(s, [blog_post(1), blog_post(1)])
    assert counts.new == 1 and count(engine) == 1


def test_cross_posted_words_become_one_story(engine):
    words = "Co-production is not a meeting you invite us to at the end. It starts before the first agenda is written."
    with transaction(engine) as s:
        upsert_posts(s, [blog_post(1, text=words)])
    with transaction(engine) as s:
        upsert_posts(s, [toot(1, words + " #coproduction https://carersvoice.example/x")])
    with transaction(engine) as s:
        stories = {p.platform: p.story_id for p in s.scalars(select(Post))}
    assert stories["rss"] == stories["mastodon"]


def test_short_posts_are_not_merged(engine):
    with transaction(engine) as s:
        upsert_posts(s, [toot(1, "Thank you!"), toot(2, "Thank you!")])
    with transaction(engine) as s:
        assert len({p.story_id for p in s.scalars(select(Post))}) == 2


def test_upstream_deletion_erases_text_and_hides(engine):
    with transaction(engine) as s:
        upsert_posts(s, [toot(1, "I posted this by mistake and it says too much about my week.")])
        pid = s.scalar(select(Post.id))
        record_classifications(s, [(pid, Result(0))])
    with transaction(engine) as s:
        erased = apply_deletions(s, [Deletion(Platform.MASTODON, toot(1, "x").platform_id, "#peersupport")])
    assert erased == 1
    with transaction(engine) as s:
        post = s.get(Post, pid)
        assert post.deleted_at is not None and post.content_text == "" and post.content_html == ""
        assert s.scalar(select(ReviewItem.state)) == "hidden"
    # A later fetch that still carries the post does not bring its words back.
    with transaction(engine) as s:
        counts = upsert_posts(s, [toot(1, "I posted this by mistake and it says too much about my week.")])
    assert counts.new == 0
    with transaction(engine) as s:
        assert s.get(Post, pid).content_text == ""


def test_naive_datetimes_are_refused(engine):
    import pytest
    from datetime import datetime
    from peerfeed.records import Post as Record
    with pytest.raises(ValueError, match="timezone-aware"):
        Record(platform=Platform.RSS, platform_id="x", source="s", url="u", author="a",
               content_html="", content_text="", published_at=datetime(2026, 1, 1))
