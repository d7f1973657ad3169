"""Held posts stay out of the digest; moderators' actions are audited and never silently overwritten."""

import pytest
from sqlalchemy import select

from store.classification import record_classification_failure, record_classifications
from store.db import transaction
from store.models import AuditEntry, Label, Post, ReviewItem
from store.posts import upsert_posts
from store.queries import digest, queue_counts, review_queue
from store.review import NotAuthorised, require_moderator, ReviewConflict, approve, bulk_approve, correct, escalate, hide, assign
from store.users import set_role
from tests.store.helpers import Result, blog_post

pytestmark = pytest.mark.usefixtures("moderators")


def seed(engine, levels):
    """One post per level given, classified; returns post ids in order."""
    with transaction(engine) as s:
        upsert_posts(s, [blog_post(i) for i in range(len(levels))])
        ids = list(s.scalars(select(Post.id).order_by(Post.id)))
        record_classifications(s, [(pid, Result(lvl)) for pid, lvl in zip(ids, levels)])
    return ids


def item_of(s, post_id):
    return s.scalar(select(ReviewItem).where(ReviewItem.post_id == post_id))


def test_only_level_zero_is_published_and_queue_is_riskiest_first(engine):
    ids = seed(engine, [0, 1, 3, 2, 0])
    with transaction(engine) as s:
        assert {p.id for p in digest(s)} == {ids[0], ids[4]}
        queue = review_queue(s)
        assert [e.item.level for e in queue] == [3, 2, 1]
        assert queue_counts(s) == {"3": 1, "2": 1, "1": 1}


def test_failed_classification_is_held_not_published(engine):
    with transaction(engine) as s:
        upsert_posts(s, [blog_post(1)])
        pid = s.scalar(select(Post.id))
        record_classification_failure(s, pid, "model raised ValueError: empty vocabulary")
    with transaction(engine) as s:
        assert digest(s) == []
        (entry,) = review_queue(s)
        assert entry.item.level is None and "classification failed" in entry.item.reason
        assert queue_counts(s) == {"failed": 1}


def test_approve_publishes_and_audits_but_labels_nothing(engine):
    # An approval means "fit to publish", not "distress 0": a carer's report of someone at risk
    # may be published after a moderator dealt with it, and must not teach the model "no distress".
    (pid,) = seed(engine, [3])
    with transaction(engine) as s:
        item = item_of(s, pid)
        approve(s, item.id, item.version, "mod.alex", note="fine to share")
    with transaction(engine) as s:
        assert [(p.id, p.cleared_by) for p in digest(s)] == [(pid, "moderator")]
        audit = s.scalars(select(AuditEntry)).all()
        assert [(a.actor, a.action) for a in audit] == [("mod.alex", "approve")]
        assert s.scalars(select(Label).where(Label.post_id == pid)).all() == []


def test_approve_with_a_stated_level_records_that_level(engine):
    (pid,) = seed(engine, [1])
    with transaction(engine) as s:
        item = item_of(s, pid)
        approve(s, item.id, item.version, "mod.alex", level=0)
    with transaction(engine) as s:
        assert [(label.distress, label.actor) for label in s.scalars(select(Label))] == [(0, "mod.alex")]


def test_a_demoted_moderator_cannot_act_even_with_the_version_they_saw(engine):
    (pid,) = seed(engine, [3])
    with transaction(engine) as s:
        item = item_of(s, pid)
        seen = (item.id, item.version)
        set_role(s, "mod.bea", "reader")
    for act in (approve, hide, escalate):
        with pytest.raises(NotAuthorised, match="mod.bea"):
            with transaction(engine) as s:
                act(s, *seen, "mod.bea")
    with pytest.raises(NotAuthorised, match="no such user"):
        with transaction(engine) as s:
            require_moderator(s, "mod.nobody", account_required=True)
    with transaction(engine) as s:
        assert item_of(s, pid).state == "pending" and digest(s) == []
        assert s.scalars(select(AuditEntry)).all() == []


def test_second_moderator_is_told_not_overwritten(engine):
    (pid,) = seed(engine, [2])
    with transaction(engine) as s:
        seen = item_of(s, pid)
        seen_id, seen_version = seen.id, seen.version
    with transaction(engine) as s:
        escalate(s, seen_id, seen_version, "mod.alex", note="called the crisis line")
    with pytest.raises(ReviewConflict, match="escalated by mod.alex"):
        with transaction(engine) as s:
            approve(s, seen_id, seen_version, "mod.bea")
    with transaction(engine) as s:
        item = item_of(s, pid)
        assert item.state == "escalated" and item.decided_by == "mod.alex"
        assert digest(s) == []
        assert [a.action for a in s.scalars(select(AuditEntry))] == ["escalate"]


def test_correction_is_kept_as_label_and_reorders_queue(engine):
    a, b = seed(engine, [1, 1])
    with transaction(engine) as s:
        item = item_of(s, b)
        correct(s, item.id, item.version, "mod.alex", level=3, topics=["carers", "services_access"])
    with transaction(engine) as s:
        assert [e.post.id for e in review_queue(s)] == [b, a]
        label = s.scalar(select(Label).where(Label.post_id == b))
        assert (label.distress, label.topics) == (3, ["carers", "services_access"])
        # Approving after a correction does not also claim 'level 0'.
        item = item_of(s, b)
        approve(s, item.id, item.version, "mod.alex")
        assert [label.distress for label in s.scalars(select(Label).where(Label.post_id == b))] == [3]


def test_bulk_approve_refuses_high_levels_all_or_nothing(engine):
    a, b, c = seed(engine, [1, 1, 2])
    with transaction(engine) as s:
        pairs = [(item_of(s, p).id, item_of(s, p).version) for p in (a, b, c)]
    with pytest.raises(ValueError, match="only level-1"):
        with transaction(engine) as s:
            bulk_approve(s, pairs, "mod.alex")
    with transaction(engine) as s:
        assert digest(s) == []
    with transaction(engine) as s:
        bulk_approve(s, pairs[:2], "mod.alex")
    with transaction(engine) as s:
        assert {p.id for p in digest(s)} == {a, b}


def test_hidden_post_never_returns_to_digest_on_reclassification(engine):
    (pid,) = seed(engine, [0])
    with transaction(engine) as s:
        item = item_of(s, pid)
        hide(s, item.id, item.version, "mod.alex")
    with transaction(engine) as s:
        record_classifications(s, [(pid, Result(0))])
    with transaction(engine) as s:
        assert digest(s) == []


def test_higher_new_reading_sends_auto_published_post_back_to_queue(engine):
    (pid,) = seed(engine, [0])
    with transaction(engine) as s:
        record_classifications(s, [(pid, Result(2))])
    with transaction(engine) as s:
        assert digest(s) == [] and item_of(s, pid).state == "pending"


def test_assign_to_me(engine):
    (pid,) = seed(engine, [1])
    with transaction(engine) as s:
        item = item_of(s, pid)
        assign(s, item.id, item.version, "mod.bea")
    with transaction(engine) as s:
        assert [e.item.assignee for e in review_queue(s, assignee="mod.bea")] == ["mod.bea"]


def test_escalated_items_stand_above_every_level_and_keep_their_place_on_correction(engine):
    crisis, concern = seed(engine, [3, 1])
    with transaction(engine) as s:
        item = item_of(s, concern)
        escalate(s, item.id, item.version, "mod.alex", note="needs the duty clinician")
    with transaction(engine) as s:
        assert [e.post.id for e in review_queue(s)] == [concern, crisis]
        item = item_of(s, concern)
        correct(s, item.id, item.version, "mod.alex", level=2)
    with transaction(engine) as s:
        assert [e.post.id for e in review_queue(s)] == [concern, crisis]
        assert item_of(s, concern).priority == 120
