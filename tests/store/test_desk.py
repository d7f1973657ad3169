"""The desk's reads (store/desk.py) and the reversible commands (store/review.py), on both backends."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from store import desk
from store.classification import record_classifications
from store.db import transaction
from store.models import Post, ReviewItem, utcnow
from store.posts import upsert_posts
from store.queries import digest
from store.review import ReviewConflict, approve, assign, bulk_decide, escalate, hide, reopen, add_note
from tests.store.helpers import Result, blog_post, toot

pytestmark = pytest.mark.usefixtures("moderators")


def seed(engine, posts_levels):
    with transaction(engine) as s:
        upsert_posts(s, [p for p, _ in posts_levels])
        ids = [s.scalar(select(Post.id).where(Post.platform_id == p.platform_id)) for p, _ in posts_levels]
        record_classifications(s, [(pid, Result(lvl)) for pid, (_, lvl) in zip(ids, posts_levels)])
    return ids


def item(s, post_id) -> ReviewItem:
    return s.scalar(select(ReviewItem).where(ReviewItem.post_id == post_id))


def test_filters_and_sorts_the_queue(engine):
    ids = seed(engine, [(blog_post(1, "I can't sleep and the waiting list is long"), 1),
                        (toot(2, "Everything feels pointless tonight"), 2),
                        (toot(3, "I am writing my goodbye"), 3),
                        (blog_post(4, "Our group meets on Tuesday"), 0)])
    with transaction(engine) as s:
        s.execute(update(ReviewItem).where(ReviewItem.post_id == ids[0]).values(created_at=utcnow() - timedelta(hours=3)))
    with transaction(engine) as s:
        pid = lambda f: [e.post.id for e in desk.queue(s, f)]  # noqa: E731
        assert pid(desk.QueueFilter()) == [ids[2], ids[1], ids[0]]
        assert pid(desk.QueueFilter(sort="oldest")) == [ids[0], ids[1], ids[2]]
        assert pid(desk.QueueFilter(levels=(2, 3))) == [ids[2], ids[1]]
        assert pid(desk.QueueFilter(platforms=("rss",))) == [ids[0]]
        assert pid(desk.QueueFilter(min_wait=timedelta(hours=1))) == [ids[0]]
        assert pid(desk.QueueFilter(text="WAITING LIST")) == [ids[0]]
        assert pid(desk.QueueFilter(text="100%_")) == []  # wildcards are plain characters
        counts = desk.shift_counts(s, "mod.alex")
        assert (counts.waiting, counts.escalated, counts.assigned_to_me) == (3, 0, 0)
        assert abs(counts.oldest_since - (utcnow() - timedelta(hours=3))) < timedelta(minutes=1)


def test_a_reversed_approval_leaves_the_digest_at_once_and_is_audited(engine):
    (pid,) = seed(engine, [(blog_post(1, "Feeling low this week"), 1)])
    with transaction(engine) as s:
        it = item(s, pid)
        approve(s, it.id, it.version, "mod.alex")
    with transaction(engine) as s:
        assert [p.id for p in digest(s)] == [pid]
        it = item(s, pid)
        [entry] = desk.resolved(s)
        assert entry.item.id == it.id
        reopen(s, it.id, it.version, "mod.bea", note="published too soon")
    with transaction(engine) as s:
        assert digest(s) == [] and item(s, pid).state == "pending" and item(s, pid).decided_by is None
        last = desk.last_change(s, item(s, pid).id)
        assert (last.actor, last.action, last.detail["from"], last.detail["to"]) == ("mod.bea", "reopen", "approved", "pending")


def test_bulk_hide_then_undo_restores_each_item_to_where_it_was(engine):
    ids = seed(engine, [(blog_post(i, f"text {i}"), lvl) for i, lvl in enumerate([1, 2, 3])])
    with transaction(engine) as s:
        it = item(s, ids[2])
        escalate(s, it.id, it.version, "mod.alex", reason="plan mentioned")
    with transaction(engine) as s:
        before = {item(s, p).id: (item(s, p).state) for p in ids}
        done = bulk_decide(s, "hide", [(item(s, p).id, item(s, p).version) for p in ids], "mod.bea", reason="spam")
        assert {d.state for d in done} == {"hidden"}
        undo = [(d.id, d.version, before[d.id]) for d in done]
    with transaction(engine) as s:
        for item_id, version, state in undo:
            reopen(s, item_id, version, "mod.bea", to_state=state, note="undo")
    with transaction(engine) as s:
        assert [item(s, p).state for p in ids] == ["pending", "pending", "escalated"]
        assert [e.post.id for e in desk.queue(s)][0] == ids[2]  # escalated is on top again


def test_bulk_approve_still_refuses_high_risk_and_is_all_or_nothing(engine):
    ids = seed(engine, [(blog_post(1, "low"), 1), (blog_post(2, "hopeless"), 2)])
    with pytest.raises(ValueError, match="only level-1"):
        with transaction(engine) as s:
            bulk_decide(s, "approve", [(item(s, p).id, item(s, p).version) for p in ids], "mod.alex")
    with transaction(engine) as s:
        assert {item(s, p).state for p in ids} == {"pending"}


def test_notes_append_and_a_conflict_can_say_who_changed_what(engine):
    (pid,) = seed(engine, [(blog_post(1, "low"), 1)])
    with transaction(engine) as s:
        it = item(s, pid)
        v = add_note(s, it.id, it.version, "mod.alex", "called them").version
        v = add_note(s, it.id, v, "mod.bea", "no answer").version
        assign(s, it.id, v, "mod.bea", assignee="mod.alex")
    with transaction(engine) as s:
        it = item(s, pid)
        assert [(n.actor, n.detail["note"]) for n in desk.notes(s, it.id)] == [("mod.alex", "called them"),
                                                                             ("mod.bea", "no answer")]
        assert it.assignee == "mod.alex"
        with pytest.raises(ReviewConflict):
            hide(s, it.id, it.version - 1, "mod.alex")
        last = desk.last_change(s, it.id)
        assert (last.actor, last.action) == ("mod.bea", "assign")


def test_author_context_and_team_log(engine):
    ids = seed(engine, [(toot(1, "rough day"), 1), (toot(2, "worse today"), 2), (toot(3, "hello", author="Kim"), 0)])
    with transaction(engine) as s:
        it = item(s, ids[0])
        hide(s, it.id, it.version, "mod.alex")
    with transaction(engine) as s:
        post = s.get(Post, ids[1])
        ctx = desk.author_context(s, post)
        assert [(c.post_id, c.state, c.decided_by) for c in ctx] == [(ids[0], "hidden", "mod.alex")]
        log = desk.team_log(s)
        assert ("mod.alex", "hide") in {(e.actor, e.action) for e in log}
        assert ("model", "published") in {(e.actor, e.action) for e in log}  # the model's own decision
        assert {(e.actor, e.action) for e in desk.team_log(s, actor="mod.alex")} == {("mod.alex", "hide")}
        assert ("mod.alex", "hide", 1) in desk.activity(s, utcnow() - timedelta(hours=1))
