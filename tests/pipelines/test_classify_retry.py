"""A post the model could not read is held, then tried again by the next model version, once."""

from sqlalchemy import select

from pipelines.classifying import classify_pending
from store.db import transaction
from store.models import Classification, ReviewItem
from tests.pipelines.doubles import KeywordModel
from store.posts import upsert_posts
from tests.pipelines.helpers import store_and_classify, toot

UNREADABLE = "struggling, and the model chokes on this one"


class NextModel(KeywordModel):
    version = "keyword-test-2"


def _state(engine, pid):
    with transaction(engine) as s:
        c = s.scalar(select(Classification).where(Classification.post_id == pid))
        item = s.scalar(select(ReviewItem).where(ReviewItem.post_id == pid))
        return c.model_version, c.error, c.distress, item.state, item.level


def test_a_failed_post_is_retried_by_a_new_model_version_and_not_by_the_same_one(engine):
    ids = store_and_classify(engine, [toot(1, UNREADABLE), toot(2, "a carer's workshop")],
                             model=KeywordModel(fail_on="chokes"))
    pid = ids[toot(1, UNREADABLE).platform_id]
    assert _state(engine, pid) == ("keyword-test-1", "RuntimeError: keyword model cannot read this text",
                                   None, "pending", None)

    same = KeywordModel(fail_on="chokes")
    report = classify_pending(engine, same)
    assert (report.classified, report.failed, same.calls) == (0, 0, 0)  # the same version does not retry

    still_failing = NextModel(fail_on="chokes")
    report = classify_pending(engine, still_failing)
    # One try for the new version (and a re-reading of the post the old version published, since
    # only the current model's readings clear posts)...
    assert (report.classified, report.failed, report.model_changed) == (1, 1, True)
    assert _state(engine, pid)[:2] == ("keyword-test-2", "RuntimeError: keyword model cannot read this text")
    report = classify_pending(engine, still_failing)
    assert (report.classified, report.failed) == (0, 0)  # ...and only one

    class Fixed(KeywordModel):
        version = "keyword-test-3"

    report = classify_pending(engine, Fixed())
    assert (report.classified, report.failed) == (2, 0)
    # Read at last: level 1 ("struggling"), still held for a person; the error is gone.
    assert _state(engine, pid)[1:] == (None, 1, "pending", 1)


def test_two_runs_recording_the_same_posts_at_once_both_finish_and_record_each_post_once(engine):
    # Two `classify --stored` runs started together read the same unclassified posts. The quick one
    # commits its readings between the slow one's check for earlier readings and its insert; the
    # slow one used to stop there on a unique-key error, its traceback quoting post text.
    from sqlalchemy import event

    with transaction(engine) as s:
        upsert_posts(s, [toot(1, "struggling tonight"), toot(2, "a carer's workshop on Tuesday")])
    quick_run: list = []

    def the_quick_run_commits_first(conn, cursor, statement, *args):
        if statement.lstrip().upper().startswith("INSERT INTO CLASSIFICATIONS") and not quick_run:
            quick_run.append(None)  # (its own insert passes through here too)
            quick_run[0] = classify_pending(engine, KeywordModel())

    event.listen(engine, "before_cursor_execute", the_quick_run_commits_first)
    try:
        slow_run = classify_pending(engine, KeywordModel())
    finally:
        event.remove(engine, "before_cursor_execute", the_quick_run_commits_first)
    assert quick_run[0].classified == 2  # the race happened
    assert (slow_run.classified, slow_run.failed) == (2, 0)
    with transaction(engine) as s:
        items = s.execute(select(ReviewItem.state, ReviewItem.level).order_by(ReviewItem.post_id)).all()
        assert len(s.scalars(select(Classification)).all()) == 2
    assert [tuple(i) for i in items] == [("pending", 1), ("approved", 0)]
