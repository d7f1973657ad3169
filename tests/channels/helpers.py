"""A small community for the channels' tests: posts stored, read by the model, decided by moderators."""

from __future__ import annotations

from sqlalchemy import select

from store.classification import posts_to_classify, record_classifications, set_current_model
from store.db import transaction
from store.models import Post, ReviewItem
from store.posts import text_hash, upsert_posts
from store.review import approve, escalate, hide
from tests.store.helpers import Result

MODEL_VERSION = "channels-test-1"


def store(engine, *posts) -> dict[str, int]:
    """Upsert the posts; returns every stored post's id by platform_id."""
    with transaction(engine) as s:
        upsert_posts(s, list(posts))
        return dict(s.execute(select(Post.platform_id, Post.id)).all())


def read(engine, levels: dict[int, int] | None = None, topics: dict[int, tuple[str, ...]] | None = None) -> None:
    """The model reads every post waiting for it: level 0 (published automatically) unless `levels`
    says otherwise (held for review)."""
    levels, topics = levels or {}, topics or {}
    with transaction(engine) as s:
        todo = posts_to_classify(s, model_version=MODEL_VERSION)
    results = []
    for pid, _ in todo:
        r = Result(levels.get(pid, 0), topics=topics.get(pid, ("peer_support",)))
        r.model_version = MODEL_VERSION
        results.append((pid, r))
    with transaction(engine) as s:
        set_current_model(s, MODEL_VERSION)
        record_classifications(s, results, judged={pid: text_hash(t) for pid, t in todo})


def decide(engine, post_id: int, action=approve, actor: str = "mod.alex") -> None:
    """A moderator approves (or hides, escalates...) the post's review item."""
    with transaction(engine) as s:
        item = s.scalar(select(ReviewItem).where(ReviewItem.post_id == post_id))
        action(s, item.id, item.version, actor)


__all__ = ["store", "read", "decide", "approve", "hide", "escalate"]
