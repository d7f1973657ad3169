"""An alert follows the post's level: owed again when it rises, never for a fall, and owed for a
post the model could not read (its risk is unknown), always without the post's text."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import select, update

from pipelines.alerts import send_alerts
from store.alerts import UNKNOWN_LEVEL, AlertDue, alert_history, alerts_due, claim_alert
from store.classification import record_classifications
from store.db import transaction
from store.models import Classification, ReviewItem, utcnow
from store.review import correct, hide
from tests.pipelines.doubles import KeywordModel, KeywordResult
from tests.pipelines.helpers import settings_for, store_and_classify, toot

HIGH = "I can't go on like this, the carer support just stopped. Sam Doe, 4 Elm Close"
CRISIS = "Goodbye everyone, I have made my plan for tonight"
# The keyword double raises on this phrase, as a real model might on a text it cannot read.
UNREADABLE = "Nobody answers at night any more. Sam Doe, 4 Elm Close"
UNREADABLE_PHRASE = "nobody answers"


def post_id(ids: dict, post) -> int:
    return ids[post.platform_id]


def reclassify(engine, pid: int, level: int) -> None:
    """A newer model (or the safety rules) reads the post again and stores this level."""
    reading = KeywordResult(topics=[], topic_scores={}, distress=level, distress_score=0.97,
                            needs_review=level > 0, reasons=[f"newer model: level {level}"],
                            model_version="keyword-test-2")
    with transaction(engine) as s:
        record_classifications(s, [(pid, reading)])


def moderator_corrects(engine, pid: int, level: int) -> None:
    with transaction(engine) as s:
        item = s.scalar(select(ReviewItem).where(ReviewItem.post_id == pid))
        correct(s, item.id, item.version, actor="mod-ana", level=level)


def sent_levels(engine, pid: int) -> dict[str, tuple[int, str]]:
    with transaction(engine) as s:
        return {ch: (row.level, row.status) for ch, row in alert_history(s, pid).items()}


# Gap 1: a rise after an alert -----------------------------------------------------------------

def test_a_high_post_a_newer_model_reads_as_crisis_is_alerted_again_once(engine, webhook, smtp_server):
    ids = store_and_classify(engine, [toot(1, HIGH)])
    pid = post_id(ids, toot(1, HIGH))
    settings = settings_for(webhook, smtp_server)
    assert send_alerts(engine, settings).sent == 2
    assert [m["level"] for m in webhook.received] == [2]

    reclassify(engine, pid, 3)
    report = send_alerts(engine, settings)

    assert (report.sent, report.failed) == (2, 0)  # once per channel
    assert [m["level"] for m in webhook.received] == [2, 3]
    assert webhook.received[1]["level_name"] == "crisis"
    assert webhook.received[1]["link"] == f"https://peerfeed.example.org/review?post={pid}"
    mails = smtp_server[2].messages
    assert ["crisis" in m["Subject"] for _, m in mails] == [False, True]
    assert sent_levels(engine, pid) == {"webhook": (3, "sent"), "email": (3, "sent")}
    # The one-minute schedule finds nothing more to send for this rise.
    assert send_alerts(engine, settings).sent == 0
    assert len(webhook.received) == 2 and len(mails) == 2
    everything = repr(webhook.received) + "".join(m.as_string() for _, m in mails)
    for secret in ("can't go on", "Elm Close", "Sam Doe", "mastodon.example"):
        assert secret not in everything


def test_a_moderator_raising_the_level_alerts_again_days_after_classification(engine, webhook):
    ids = store_and_classify(engine, [toot(1, HIGH)])
    pid = post_id(ids, toot(1, HIGH))
    settings = settings_for(webhook)
    send_alerts(engine, settings)
    # Three days pass with the post still in the queue: its classification is no longer "new".
    with transaction(engine) as s:
        s.execute(update(Classification).where(Classification.post_id == pid)
                  .values(classified_at=utcnow() - timedelta(days=3)))
        s.execute(update(ReviewItem).where(ReviewItem.post_id == pid)
                  .values(updated_at=utcnow() - timedelta(days=3)))
    assert send_alerts(engine, settings).sent == 0

    moderator_corrects(engine, pid, 3)  # a moderator reads it and sees a crisis

    assert send_alerts(engine, settings).sent == 1
    assert [m["level"] for m in webhook.received] == [2, 3]
    assert sent_levels(engine, pid) == {"webhook": (3, "sent")}


def test_a_fall_or_an_unchanged_level_sends_nothing_new(engine, webhook):
    ids = store_and_classify(engine, [toot(1, CRISIS), toot(2, HIGH)])
    crisis, high = post_id(ids, toot(1, CRISIS)), post_id(ids, toot(2, HIGH))
    settings = settings_for(webhook)
    assert send_alerts(engine, settings).sent == 2

    reclassify(engine, high, 2)          # the newer model agrees: unchanged
    moderator_corrects(engine, crisis, 2)  # a fall, 3 -> 2
    assert send_alerts(engine, settings).sent == 0
    moderator_corrects(engine, crisis, 3)  # back to 3: no higher than the crisis alert already sent
    assert send_alerts(engine, settings).sent == 0

    assert [m["level"] for m in webhook.received] == [3, 2]
    assert sent_levels(engine, crisis) == {"webhook": (3, "sent")}


def test_a_rise_whose_send_failed_is_retried_at_the_new_level(engine, webhook):
    ids = store_and_classify(engine, [toot(1, HIGH)])
    pid = post_id(ids, toot(1, HIGH))
    settings = settings_for(webhook)
    send_alerts(engine, settings)
    reclassify(engine, pid, 3)
    webhook.fail_next = 1

    assert (send_alerts(engine, settings).failed, sent_levels(engine, pid)) == (1, {"webhook": (3, "failed")})
    assert send_alerts(engine, settings).sent == 1
    assert [m["level"] for m in webhook.received] == [2, 3]


def test_two_alert_runs_racing_for_the_same_rise_send_it_once(engine, webhook):
    ids = store_and_classify(engine, [toot(1, HIGH)])
    pid = post_id(ids, toot(1, HIGH))
    send_alerts(engine, settings_for(webhook))
    reclassify(engine, pid, 3)
    since = utcnow() - timedelta(days=2)

    # Both runs read the rise as owed before either claims it.
    with transaction(engine) as s:
        seen_by_a = alerts_due(s, ["webhook"], since=since)
    with transaction(engine) as s:
        seen_by_b = alerts_due(s, ["webhook"], since=since)
    assert seen_by_a == seen_by_b == [AlertDue(pid, 3, "webhook")]

    # Run A claims and has not committed when run B tries: B waits for A's row (PostgreSQL) or
    # write lock (SQLite), then finds the claim taken.
    outcome = {}

    def run_b():
        with transaction(engine) as s:
            outcome["b"] = claim_alert(s, seen_by_b[0])

    with transaction(engine) as a:
        assert claim_alert(a, seen_by_a[0]) is True
        b = threading.Thread(target=run_b)
        b.start()
        b.join(timeout=1.0)
        assert b.is_alive()
    b.join(timeout=60)
    assert outcome == {"b": False}
    assert sent_levels(engine, pid) == {"webhook": (3, "sending")}


def test_two_whole_alert_runs_at_once_send_a_rise_once(engine, webhook):
    ids = store_and_classify(engine, [toot(1, HIGH), toot(2, HIGH)])
    settings = settings_for(webhook)
    send_alerts(engine, settings)
    for post in (toot(1, HIGH), toot(2, HIGH)):
        reclassify(engine, post_id(ids, post), 3)
    barrier = threading.Barrier(2)
    reports = []

    def run():
        barrier.wait()
        reports.append(send_alerts(engine, settings))

    runs = [threading.Thread(target=run) for _ in range(2)]
    for t in runs:
        t.start()
    for t in runs:
        t.join(timeout=120)

    assert sum(r.sent for r in reports) == 2 and sum(r.failed for r in reports) == 0
    assert sorted(m["level"] for m in webhook.received) == [2, 2, 3, 3]


# Gap 2: a post the model could not read ---------------------------------------------------------

def test_a_post_the_model_could_not_read_is_alerted_as_unknown_without_its_text(engine, webhook, smtp_server):
    ids = store_and_classify(engine, [toot(1, UNREADABLE)], model=KeywordModel(fail_on=UNREADABLE_PHRASE))
    pid = post_id(ids, toot(1, UNREADABLE))
    settings = settings_for(webhook, smtp_server)

    report = send_alerts(engine, settings)

    assert (report.sent, report.failed) == (2, 0)
    assert webhook.received == [{
        "level": None,
        "level_name": "unknown (classification failed)",
        "link": f"https://peerfeed.example.org/review?post={pid}",
        "text": "peerfeed: a post the classifier could not read (risk unknown) needs a moderator now: "
                f"https://peerfeed.example.org/review?post={pid}",
    }]
    (_, mail), = smtp_server[2].messages
    assert mail["Subject"] == "peerfeed: a post the classifier could not read (risk unknown) needs a moderator"
    assert "Level: unknown (classification failed)" in mail.get_content()
    assert sent_levels(engine, pid) == {"webhook": (UNKNOWN_LEVEL, "sent"), "email": (UNKNOWN_LEVEL, "sent")}
    # Neither the post's words nor the model's error (which may quote them) leave.
    everything = repr(webhook.received) + mail.as_string() + mail.get_content()
    for secret in ("Nobody answers", "Elm Close", "Sam Doe", "cannot read", "RuntimeError"):
        assert secret not in everything
    assert send_alerts(engine, settings).sent == 0


def test_an_unknown_alert_is_followed_by_one_when_the_post_is_read_as_high(engine, webhook):
    ids = store_and_classify(engine, [toot(1, UNREADABLE), toot(2, UNREADABLE + " too")],
                             model=KeywordModel(fail_on=UNREADABLE_PHRASE))
    later_high, later_calm = post_id(ids, toot(1, UNREADABLE)), post_id(ids, toot(2, UNREADABLE + " too"))
    settings = settings_for(webhook)
    assert send_alerts(engine, settings).sent == 2

    # A later run reads them: one high, one level 1. Only the high one is news for the duty moderator.
    reclassify(engine, later_high, 2)
    reclassify(engine, later_calm, 1)
    assert send_alerts(engine, settings).sent == 1
    assert [(m["level"], m["link"].rsplit("=", 1)[1]) for m in webhook.received] == [
        (None, str(later_high)), (None, str(later_calm)), (2, str(later_high))]
    assert sent_levels(engine, later_high) == {"webhook": (2, "sent")}
    assert sent_levels(engine, later_calm) == {"webhook": (UNKNOWN_LEVEL, "sent")}


def test_an_unreadable_post_failing_again_or_hidden_owes_nothing_more(engine, webhook):
    failing = KeywordModel(fail_on=UNREADABLE_PHRASE)
    ids = store_and_classify(engine, [toot(1, UNREADABLE), toot(2, UNREADABLE + " again")], model=failing)
    alerted, hidden = post_id(ids, toot(1, UNREADABLE)), post_id(ids, toot(2, UNREADABLE + " again"))
    with transaction(engine) as s:
        item = s.scalar(select(ReviewItem).where(ReviewItem.post_id == hidden))
        hide(s, item.id, item.version, actor="mod-ana", note="spam")
    settings = settings_for(webhook)
    assert send_alerts(engine, settings).sent == 1

    from store.classification import record_classification_failure

    with transaction(engine) as s:  # the next model fails on it too: still unknown
        record_classification_failure(s, alerted, "RuntimeError: still unreadable", "keyword-test-2")
    assert send_alerts(engine, settings).sent == 0
    assert [m["link"].endswith(f"={alerted}") for m in webhook.received] == [True]


def test_classifying_from_the_cli_alerts_an_unreadable_post_at_once(database_url, webhook):
    from pipelines.local import run_classify
    from store.db import make_engine
    from store.posts import upsert_posts

    engine = make_engine(database_url)
    with transaction(engine) as s:
        upsert_posts(s, [toot(1, UNREADABLE), toot(2, "Peer support on Tuesday")])
    engine.dispose()

    report = run_classify(settings_for(webhook, database_url=database_url),
                          model=KeywordModel(fail_on=UNREADABLE_PHRASE))

    assert (report.classified, report.failed) == (1, 1)
    assert [m["level_name"] for m in webhook.received] == ["unknown (classification failed)"]
