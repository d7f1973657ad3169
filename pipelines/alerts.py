"""Tell moderators at once about high (2), crisis (3) and unreadable posts: by webhook and/or email.

The message carries the level and a link to the post in the review queue, nothing else: no text,
no title, no author (the post is health data, and webhooks and mailboxes are not ours). A post
whose classification failed is alerted with the level "unknown (classification failed)" (`level`
null in the JSON), never with the error, which may quote the model's input. Each post is alerted
once per channel and level, and again only when its level rises above the one sent (`store.alerts`);
a failed send is recorded and tried again by the next run, and a claim makes two overlapping runs
send once between them. A crash between a send and its record can repeat that one alert: we prefer
a repeat to a missed crisis.
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from urllib.parse import urlencode

import httpx
from sqlalchemy.engine import Engine

from peerfeed.settings import Settings
from store.alerts import AlertDue, alerts_due, claim_alert, record_alert
from store.db import transaction
from store.models import utcnow

log = logging.getLogger(__name__)

LEVEL_NAMES = {2: "high", 3: "crisis"}
UNKNOWN_NAME = "unknown (classification failed)"
WEBHOOK, EMAIL = "webhook", "email"
# Posts classified (or whose review item changed) longer ago than this are not "new": switching
# alerts on over an old database must not page moderators about last year's posts.
DEFAULT_MAX_AGE = timedelta(days=2)


@dataclass
class AlertReport:
    sent: int = 0
    failed: int = 0
    skipped: int = 0  # claimed by a concurrent run
    errors: list[str] = field(default_factory=list)


def channels(settings: Settings) -> list[str]:
    """The alert channels the settings configure (none means alerts are off)."""
    out = []
    if settings.alert_webhook_url and settings.alert_webhook_url.get_secret_value():
        out.append(WEBHOOK)
    if settings.smtp_host and settings.alert_email_to:
        out.append(EMAIL)
    return out


def review_link(settings: Settings, post_id: int) -> str:
    """Where a moderator opens the post: the dashboard's review page, never the post's own text."""
    return f"{settings.public_base_url.rstrip('/')}/review?{urlencode({'post': post_id})}"


def alert_message(settings: Settings, due: AlertDue) -> dict:
    """The whole message, as JSON for a webhook (also the email's content): level and link only.

    `level` is null and `level_name` "unknown (classification failed)" for a post the model could
    not read.
    """
    name = UNKNOWN_NAME if due.level is None else LEVEL_NAMES.get(due.level, str(due.level))
    link = review_link(settings, due.post_id)
    message = {"level": due.level, "level_name": name, "link": link}
    # `text` makes Slack/Mattermost/Teams-style incoming webhooks show something readable.
    message["text"] = f"peerfeed: {_headline(message)} now: {link}"
    return message


def _headline(message: dict) -> str:
    if message["level"] is None:
        return "a post the classifier could not read (risk unknown) needs a moderator"
    return f"a {message['level_name']}-level post needs a moderator"


def send_webhook(settings: Settings, message: dict, client: httpx.Client | None = None) -> None:
    """POST the message as JSON; raise on a network error or a non-2xx answer."""
    own = client is None
    client = client or httpx.Client(timeout=settings.fetch_timeout_s)
    try:
        resp = client.post(settings.alert_webhook_url.get_secret_value(), json=message,
                           headers={"User-Agent": settings.user_agent})
        resp.raise_for_status()
    finally:
        if own:
            client.close()


def send_email(settings: Settings, message: dict) -> None:
    """Send the message to every address in `alert_email_to` with smtplib; raise on failure.

    With `smtp_starttls` the connection is upgraded first; with `smtp_username` it logs in.
    """
    mail = EmailMessage()
    mail["Subject"] = f"peerfeed: {_headline(message)}"
    mail["From"] = settings.smtp_from
    mail["To"] = ", ".join(settings.alert_email_to)
    level = message["level_name"] if message["level"] is None else f"{message['level']} ({message['level_name']})"
    mail.set_content(f"{message['text']}\n\nLevel: {level}\nOpen: {message['link']}\n")
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.fetch_timeout_s) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username:
            password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
            smtp.login(settings.smtp_username, password)
        smtp.send_message(mail)


def send_alerts(engine: Engine, settings: Settings, now: datetime | None = None,
                max_age: timedelta = DEFAULT_MAX_AGE) -> AlertReport:
    """Send every alert owed (new or risen level 2-3 and unreadable posts x configured channels).

    Safe to run at any time, and from two places at once.
    """
    now = now or utcnow()
    report = AlertReport()
    chans = channels(settings)
    if not chans:
        return report
    with transaction(engine) as session:
        todo = alerts_due(session, chans, since=now - max_age, now=now)
    with httpx.Client(timeout=settings.fetch_timeout_s) as client:
        for due in todo:
            with transaction(engine) as session:
                claimed = claim_alert(session, due, now=now)
            if not claimed:
                report.skipped += 1
                continue
            error = _send(settings, due, client)
            with transaction(engine) as session:
                record_alert(session, due, error)
            if error:
                report.failed += 1
                report.errors.append(f"post {due.post_id} {due.channel}: {error}")
                log.warning("alert failed", extra={"post_id": due.post_id, "channel": due.channel, "error": error})
            else:
                report.sent += 1
    return report


def _send(settings: Settings, due: AlertDue, client: httpx.Client) -> str | None:
    message = alert_message(settings, due)
    try:
        if due.channel == WEBHOOK:
            send_webhook(settings, message, client)
        else:
            send_email(settings, message)
    except (httpx.HTTPError, smtplib.SMTPException, OSError) as exc:
        # The error text names the endpoint, never the post, and never the webhook's key (its URL
        # is a credential): it is stored and logged.
        return settings.redact(f"{type(exc).__name__}: {exc}")[:500]
    return None
