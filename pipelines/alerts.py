"""Tell moderators at once about high (2), crisis (3) and unreadable posts: by webhook and/or email.

The message carries the level and a link to the post in the review queue, nothing else: no text,
no title, no author (the post is health data, and webhooks and mailboxes are not ours). A post
whose classification failed is alerted with the level "unknown (classification failed)" (`level`
null in the JSON), never with the error, which may quote the model's input. Each post is alerted
once per channel and level, and again only when its level rises above the one sent (`store.alerts`);
a failed send is recorded and tried again by every run until it is delivered or a moderator has
decided the post, and a claim makes two overlapping runs send once between them. A crash between a
send and its record can repeat that one alert: we prefer a repeat to a missed crisis.

With `alert_fallback_channel`, that channel is used only for posts whose alert on the other channel
has failed `alert_fallback_after` times. Posts published long before they were first found (an
import) are held without one alert each: the run sends one summary of how many there were.
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

from collectors.http import tls_context
from peerfeed.settings import Settings
from store.alerts import AlertDue, alerts_due, claim_alert, published_before, quiet_alerts, record_alert
from store.db import transaction
from store.models import utcnow

log = logging.getLogger(__name__)

LEVEL_NAMES = {2: "high", 3: "crisis"}
UNKNOWN_NAME = "unknown (classification failed)"
WEBHOOK, EMAIL = "webhook", "email"


@dataclass
class AlertReport:
    sent: int = 0
    failed: int = 0
    skipped: int = 0  # claimed by a concurrent run
    quiet: int = 0  # old posts held without an alert each (one summary sent instead)
    errors: list[str] = field(default_factory=list)


def channels(settings: Settings) -> list[str]:
    """The alert channels the settings configure (none means alerts are off)."""
    out = []
    if settings.alert_webhook_url and settings.alert_webhook_url.get_secret_value():
        out.append(WEBHOOK)
    if settings.smtp_host and settings.alert_email_to:
        out.append(EMAIL)
    return out


def fallbacks(settings: Settings, chans: list[str]) -> dict[str, tuple[str, int]]:
    """{fallback channel: (the channel it stands in for, failures before it does)}, when configured."""
    fb = settings.alert_fallback_channel
    other = {WEBHOOK: EMAIL, EMAIL: WEBHOOK}.get(fb or "")
    if fb in chans and other in chans:
        return {fb: (other, settings.alert_fallback_after)}
    return {}


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
    if "headline" in message:
        return message["headline"]
    if message["level"] is None:
        return "a post the classifier could not read (risk unknown) needs a moderator"
    return f"a {message['level_name']}-level post needs a moderator"


def send_webhook(settings: Settings, message: dict, client: httpx.Client | None = None) -> None:
    """POST the message as JSON; raise on a network error or a non-2xx answer."""
    if settings.alert_webhook_url is None:  # channels() lists the webhook only when it is set
        raise ValueError("no alert webhook URL is configured (PEERFEED_ALERT_WEBHOOK_URL)")
    own = client is None
    client = client or httpx.Client(timeout=settings.fetch_timeout_s, verify=tls_context())
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
    if not settings.smtp_host:  # channels() lists email only when it is set
        raise ValueError("no SMTP host is configured for alert email (PEERFEED_SMTP_HOST)")
    mail = EmailMessage()
    mail["Subject"] = f"peerfeed: {_headline(message)}"
    mail["From"] = settings.smtp_from
    mail["To"] = ", ".join(settings.alert_email_to)
    level = message["level_name"] if message["level"] is None else f"{message['level']} ({message['level_name']})"
    if "count" in message:
        level = f"{message['count']} posts held for review"
    mail.set_content(f"{message['text']}\n\nLevel: {level}\nOpen: {message['link']}\n")
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.fetch_timeout_s) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username:
            password = settings.smtp_password.get_secret_value() if settings.smtp_password else ""
            smtp.login(settings.smtp_username, password)
        smtp.send_message(mail)


def send_alerts(engine: Engine, settings: Settings, now: datetime | None = None) -> AlertReport:
    """Send every alert owed (new or risen level 2-3 and unreadable posts x configured channels).

    Safe to run at any time, and from two places at once.
    """
    now = now or utcnow()
    report = AlertReport()
    chans = channels(settings)
    if not chans:
        return report
    with transaction(engine) as session:
        todo = alerts_due(session, chans, now=now, fallback=fallbacks(settings, chans))
        old = published_before(session, todo, now - timedelta(days=settings.alert_max_post_age_days))
    quiet = [d for d in todo if d.post_id in old]
    todo = [d for d in todo if d.post_id not in old]
    with httpx.Client(timeout=settings.fetch_timeout_s, verify=tls_context()) as client:
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
        # After the posts that need someone now: one summary of the old ones, held quietly once it
        # is delivered (until then the next run tries the summary again).
        for channel in sorted({d.channel for d in quiet}):
            mine = [d for d in quiet if d.channel == channel]
            error = _deliver(settings, channel, summary_message(settings, len(mine)), client)
            if error:
                report.failed += 1
                report.errors.append(f"summary of {len(mine)} older posts {channel}: {error}")
                log.warning("summary alert on %s failed: %s", channel, error)
                continue
            with transaction(engine) as session:
                quiet_alerts(session, mine, now)
            report.quiet = max(report.quiet, len(mine))
    return report


def summary_message(settings: Settings, count: int) -> dict:
    """One message for `count` older posts held without an alert each: a count and the queue's link."""
    link = f"{settings.public_base_url.rstrip('/')}/review"
    headline = (f"{count} older post{'s' if count != 1 else ''} (published more than "
                f"{settings.alert_max_post_age_days} days before peerfeed found them) "
                f"{'were' if count != 1 else 'was'} held for review without an alert each")
    return {"level": None, "level_name": "summary", "count": count, "link": link,
            "headline": headline, "text": f"peerfeed: {headline}: {link}"}


def _send(settings: Settings, due: AlertDue, client: httpx.Client) -> str | None:
    return _deliver(settings, due.channel, alert_message(settings, due), client)


def _deliver(settings: Settings, channel: str, message: dict, client: httpx.Client) -> str | None:
    try:
        if channel == WEBHOOK:
            send_webhook(settings, message, client)
        else:
            send_email(settings, message)
    except (httpx.HTTPError, smtplib.SMTPException, OSError) as exc:
        # The error text names the endpoint, never the post, and never the webhook's key (its URL
        # is a credential): it is stored and logged.
        return settings.redact(f"{type(exc).__name__}: {exc}")[:500]
    return None
