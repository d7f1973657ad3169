"""Two moderators and two collectors at once: no lost or doubled action, no doubled post.

Runs on both backends; PostgreSQL is the one that matters for a multi-worker deployment.
"""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from store.classification import record_classifications
from store.db import transaction
from store.models import AuditEntry, Post, ReviewItem
from store.posts import upsert_posts
from store.review import ReviewConflict, approve, hide
from tests.store.helpers import Result, blog_post

N = 40


def _run_together(*targets):
    barrier = threading.Barrier(len(targets))
    errors: list[BaseException] = []

    def wrap(fn):
        def run():
            barrier.wait()
            try:
                fn()
            except BaseException as exc:  # noqa: BLE001 - reported by the test
                errors.append(exc)
        return run

    threads = [threading.Thread(target=wrap(t)) for t in targets]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors


def test_two_collectors_store_each_post_once(engine):
    posts = [blog_post(i) for i in range(300)]
    counts = []

    def collector(order):
        def go():
            for start in range(0, len(order), 50):
                with transaction(engine) as s:
                    counts.append(upsert_posts(s, order[start:start + 50]).new)
        return go

    _run_together(collector(posts), collector(list(reversed(posts))))
    with transaction(engine) as s:
        assert s.scalar(select(func.count()).select_from(Post)) == 300
        assert s.scalar(select(func.count(func.distinct(Post.story_id)))) == 300
    assert sum(counts) == 300  # every post counted new exactly once across both collectors


def test_two_moderators_on_the_same_items(engine):
    with transaction(engine) as s:
        upsert_posts(s, [blog_post(i) for i in range(N)])
        ids = list(s.scalars(select(Post.id).order_by(Post.id)))
        record_classifications(s, [(pid, Result(1)) for pid in ids])
        seen = [(i.id, i.version) for i in s.scalars(select(ReviewItem).order_by(ReviewItem.id))]
    outcomes: dict[str, list[int]] = {"alex": [], "bea": []}
    conflicts: dict[str, list[int]] = {"alex": [], "bea": []}

    def moderator(name, action):
        def go():
            for item_id, version in seen:
                try:
                    with transaction(engine) as s:
                        action(s, item_id, version, name)
                    outcomes[name].append(item_id)
                except ReviewConflict:
                    conflicts[name].append(item_id)
        return go

    _run_together(moderator("alex", approve), moderator("bea", hide))
    won = outcomes["alex"] + outcomes["bea"]
    assert sorted(won) == sorted(i for i, _ in seen)  # each item decided exactly once
    assert sorted(conflicts["alex"] + conflicts["bea"]) == sorted(won)  # the other one was told
    with transaction(engine) as s:
        audit = s.execute(select(AuditEntry.review_item_id, AuditEntry.actor)).all()
        assert len(audit) == N
        states = dict(s.execute(select(ReviewItem.id, ReviewItem.state)).all())
    for item_id, actor in audit:
        assert states[item_id] == ("approved" if actor == "alex" else "hidden")
