"""Alerts reach moderators by webhook and email, once per post and channel, with no post text."""

from __future__ import annotations

from datetime import timedelta

import pytest

from sqlalchemy import select

from peerfeed.settings import Settings
from pipelines.alerts import send_alerts, send_email, send_webhook
from store.alerts import alert_history
from store.db import transaction
from store.models import AlertSent, ReviewItem, utcnow
from store.review import hide
from tests.pipelines.helpers import settings_for, store_and_classify, toot

CRISIS = "Goodbye everyone, I have made my plan for tonight. Jo Bloggs, 12 Acacia Road"
HIGH = "I can't go on like this, the carer support just stopped"
CALM = "Our peer support group meets on Tuesday, all welcome"


def test_a_crisis_and_a_high_post_alert_by_webhook_and_email_once(engine, webhook, smtp_server):
    ids = store_and_classify(engine, [toot(1, CRISIS), toot(2, HIGH), toot(3, CALM)])
    crisis_id = ids[toot(1, CRISIS).platform_id]
    high_id = ids[toot(2, HIGH).platform_id]
    settings = settings_for(webhook, smtp_server)

    report = send_alerts(engine, settings)

    assert (report.sent, report.failed) == (4, 0)
    # Crisis first, then high, each a level and a link into the review queue.
    assert [m["level"] for m in webhook.received] == [3, 2]
    assert webhook.received[0]["link"] == f"https://peerfeed.example.org/review?post={crisis_id}"
    assert webhook.received[0]["level_name"] == "crisis"
    mails = smtp_server[2].messages
    assert [rcpt for rcpt, _ in mails] == [["mods@peerfeed.example.org"]] * 2
    assert "crisis" in mails[0][1]["Subject"]
    assert f"/review?post={high_id}" in mails[1][1].get_content()

    # Nothing of the post's words, author or address leaves in any message.
    everything = repr(webhook.received) + "".join(m.as_string() + m.get_content() for _, m in mails)
    for secret in ("Goodbye", "plan", "Acacia", "can't go on", "Person 1", "mastodon.example"):
        assert secret not in everything

    # A second run (the one-minute schedule) sends nothing again.
    again = send_alerts(engine, settings)
    assert (again.sent, again.failed) == (0, 0)
    assert len(webhook.received) == 2 and len(mails) == 2


def test_a_failed_send_is_recorded_and_retried_next_run(engine, webhook):
    ids = store_and_classify(engine, [toot(1, CRISIS)])
    post_id = ids[toot(1, CRISIS).platform_id]
    settings = settings_for(webhook)
    webhook.fail_next = 1

    first = send_alerts(engine, settings)

    assert (first.sent, first.failed) == (0, 1)
    with transaction(engine) as s:
        row = alert_history(s, post_id)["webhook"]
        assert row.status == "failed" and "500" in row.error
    second = send_alerts(engine, settings)
    assert (second.sent, second.failed) == (1, 0)
    assert [m["level"] for m in webhook.received] == [3]
    with transaction(engine) as s:
        assert alert_history(s, post_id)["webhook"].status == "sent"


def test_an_unreachable_smtp_server_fails_without_stopping_the_webhook(engine, webhook):
    store_and_classify(engine, [toot(1, HIGH)])
    settings = settings_for(webhook, smtp_host="127.0.0.1", smtp_port=1, alert_email_to=["mods@example.org"])

    report = send_alerts(engine, settings)

    assert (report.sent, report.failed) == (1, 1)
    assert "email" in report.errors[0]
    with transaction(engine) as s:
        statuses = {a.channel: a.status for a in s.scalars(select(AlertSent))}
    assert statuses == {"webhook": "sent", "email": "failed"}


def test_no_channel_configured_means_no_alerts_and_no_records(engine):
    store_and_classify(engine, [toot(1, CRISIS)])
    report = send_alerts(engine, Settings(_env_file=None))
    assert (report.sent, report.failed) == (0, 0)
    with transaction(engine) as s:
        assert s.scalars(select(AlertSent)).all() == []


def test_hidden_posts_are_not_alerted_and_an_import_of_old_posts_sends_one_summary(engine, webhook):
    old = [toot(10 + i, CRISIS, published_at=utcnow() - timedelta(days=40)) for i in range(3)]
    ids = store_and_classify(engine, [toot(1, CRISIS), toot(2, HIGH), *old])
    with transaction(engine) as s:
        item = s.scalar(select(ReviewItem).where(ReviewItem.post_id == ids[toot(2, HIGH).platform_id]))
        hide(s, item.id, item.version, actor="mod-ana", note="spam")
    settings = settings_for(webhook)

    # Read "now", and the alert run was down for three days: the recent crisis post is still owed.
    report = send_alerts(engine, settings, now=utcnow() + timedelta(days=3))
    assert (report.sent, report.quiet) == (1, 3)
    assert [m["level"] for m in webhook.received] == [3, None]
    summary = webhook.received[1]
    assert summary["count"] == 3 and "held for review without an alert each" in summary["text"]
    assert CRISIS not in str(webhook.received)

    again = send_alerts(engine, settings)
    assert (again.sent, again.quiet) == (0, 0) and len(webhook.received) == 2


def test_a_claim_by_a_concurrent_run_is_respected(engine, webhook):
    from store.alerts import AlertDue, claim_alert

    ids = store_and_classify(engine, [toot(1, CRISIS)])
    due = AlertDue(ids[toot(1, CRISIS).platform_id], 3, "webhook")
    with transaction(engine) as s:
        assert claim_alert(s, due) is True
    with transaction(engine) as s:
        assert claim_alert(s, due) is False  # the other run is sending it

    assert send_alerts(engine, settings_for(webhook)).sent == 0
    # A claim whose process died is taken over once it is stale.
    assert send_alerts(engine, settings_for(webhook), now=utcnow() + timedelta(minutes=6)).sent == 1


def test_classifying_from_the_cli_alerts_at_once(database_url, webhook):
    from pipelines.local import run_classify
    from store.db import make_engine
    from store.posts import upsert_posts
    from tests.pipelines.doubles import KeywordModel

    engine = make_engine(database_url)
    with transaction(engine) as s:
        upsert_posts(s, [toot(1, CRISIS), toot(2, "Peer support on Tuesday")])
    engine.dispose()

    report = run_classify(settings_for(webhook, database_url=database_url), model=KeywordModel())

    assert report.classified == 2
    assert [m["level"] for m in webhook.received] == [3]


# Plain-text AUTH is fine on 127.0.0.1; production sets PEERFEED_SMTP_STARTTLS.
@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_email_logs_in_when_the_server_requires_it(engine, smtp_server_with_login):
    from tests.pipelines.conftest import SMTP_PASSWORD, SMTP_USER

    store_and_classify(engine, [toot(1, CRISIS)])
    anonymous = settings_for(smtp=smtp_server_with_login)
    refused = send_alerts(engine, anonymous)
    assert (refused.sent, refused.failed) == (0, 1) and "530" in refused.errors[0]

    right = settings_for(smtp=smtp_server_with_login, smtp_username=SMTP_USER, smtp_password=SMTP_PASSWORD)
    assert send_alerts(engine, right).sent == 1  # the failed send is retried, logged in this time
    assert len(smtp_server_with_login[2].messages) == 1


def test_a_failed_summary_of_old_posts_is_tried_again(engine, webhook):
    ids = store_and_classify(engine, [toot(1, CRISIS, published_at=utcnow() - timedelta(days=40))])
    webhook.fail_next = 1
    first = send_alerts(engine, settings_for(webhook))
    assert (first.failed, first.quiet) == (1, 0)
    second = send_alerts(engine, settings_for(webhook))
    assert (second.failed, second.quiet) == (0, 1)
    assert [m["count"] for m in webhook.received] == [1]
    assert send_alerts(engine, settings_for(webhook)).quiet == 0
    with transaction(engine) as s:
        assert s.scalar(select(AlertSent.status).where(AlertSent.post_id == next(iter(ids.values())))) == "quiet"


def test_a_sender_called_without_its_setting_says_which_is_missing():
    # send_alerts only uses the channels configured; called directly, each sender names its setting
    # (it used to be an AttributeError on None, or smtplib given no host).
    message = {"text": "t", "level": 2, "level_name": "high", "link": "https://peerfeed.example.org/"}
    with pytest.raises(ValueError, match="PEERFEED_ALERT_WEBHOOK_URL"):
        send_webhook(Settings(_env_file=None), message)
    with pytest.raises(ValueError, match="PEERFEED_SMTP_HOST"):
        send_email(Settings(_env_file=None, alert_email_to=["mods@peerfeed.example.org"]), message)
