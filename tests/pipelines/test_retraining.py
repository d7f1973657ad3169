"""Moderators' labels become training examples; the retrain wrapper honours the classifier's guard.

`FakeTraining` stands in for `classifier.training` (whose guard has its own tests in the classifier).
"""

from __future__ import annotations

from sqlalchemy import select

from peerfeed.settings import Settings
from pipelines.retraining import retrain_from_labels
from store.db import transaction
from store.labels import training_labels
from store.models import ReviewItem
from store.review import approve, correct
from tests.pipelines.helpers import store_and_classify, toot
from tests.pipelines.doubles import FakeTraining, KeywordModel

SETTINGS = Settings(_env_file=None)


def _items(engine, ids):
    with transaction(engine) as s:
        return {pid: s.scalar(select(ReviewItem).where(ReviewItem.post_id == pid)) for pid in ids}


def test_latest_label_wins_and_topics_only_corrections_keep_the_level(engine):
    ids = store_and_classify(engine, [toot(1, "I am struggling with the carer role"),
                                      toot(2, "Peer group on Tuesday"), toot(3, "Another struggling day")])
    a, b, c = (ids[toot(n, "").platform_id] for n in (1, 2, 3))
    items = _items(engine, [a, c])
    with transaction(engine) as s:
        it = correct(s, items[a].id, items[a].version, "mod-ana", level=2)
        it = correct(s, it.id, it.version, "mod-ben", level=3)
        correct(s, it.id, it.version, "mod-ana", topics=["carers"])
        approve(s, items[c].id, items[c].version, "mod-ben")  # fit to publish: says nothing of distress

    rows = sorted(_labels(engine))
    assert rows == [("I am struggling with the carer role", 3, ["carers"])]


def _labels(engine):
    with transaction(engine) as s:
        return training_labels(s)


def test_too_few_labels_skips_training(engine):
    training = FakeTraining(promote=True)
    report = retrain_from_labels(engine, SETTINGS, min_labels=1, training=training, current_model=KeywordModel())
    assert (report.trained, report.promoted, report.labels) == (False, False, 0)
    assert training.trained_with == []


def test_labels_train_a_candidate_that_is_saved_only_when_the_guard_agrees(engine, tmp_path):
    ids = store_and_classify(engine, [toot(1, "I am struggling today"), toot(2, "Also struggling")])
    items = _items(engine, [ids[toot(1, "").platform_id], ids[toot(2, "").platform_id]])
    first, second = items.values()
    with transaction(engine) as s:
        correct(s, first.id, first.version, "mod-ana", level=2, topics=["recovery_wellbeing"])
        correct(s, second.id, second.version, "mod-ana", level=1, topics=["unknown_topic"])
    model_file = tmp_path / "model.skops"
    settings = Settings(_env_file=None, model_path=model_file)

    kept = retrain_from_labels(engine, settings, min_labels=1, training=(t := FakeTraining(promote=False)),
                               current_model=KeywordModel())
    assert (kept.trained, kept.promoted, kept.saved_to, kept.skipped_labels) == (True, False, None, 1)
    assert [(e.text, e.distress, e.topics) for e in t.trained_with] == [("I am struggling today", 2, ["recovery_wellbeing"])]
    assert not model_file.exists()

    promoted = retrain_from_labels(engine, settings, min_labels=1, training=FakeTraining(promote=True),
                                   current_model=KeywordModel())
    assert (promoted.promoted, promoted.candidate_version, promoted.current_version) == (
        True, "keyword-test-2", "keyword-test-1")
    assert promoted.saved_to == str(model_file) and model_file.read_text() == "keyword-test-2"
