"""The weekly email: posts a moderator reviewed, to readers who confirmed they want them.

An email cannot be recalled, so it carries only posts a person approved (`digest_entries(...,
reviewed_only=True)`), asked of the gate again for every batch of recipients, so a post hidden while
a mailing is going out is left out of the messages still to go. Each message has an HTML and a
plain-text part, both rendered by Jinja2 (the HTML autoescaped); a post with a content warning
appears as the warning and a link, never its words, and the words of the others are an excerpt in
which strangers' links and addresses are replaced, so no mail client makes them clickable. Every
message carries a one-click unsubscribe (RFC 8058: `List-Unsubscribe` and `List-Unsubscribe-Post`;
DKIM-signing those headers is the sending server's job).

`send_weekly_email` sends the mailing of the last complete ISO week (Monday to Sunday, UTC) to every
confirmed subscriber it has not reached yet; a rerun resumes, and no one gets it twice
(store/subscribers.py). A week with no reviewed posts sends nothing.
"""

from __future__ import annotations

import logging
import re
import smtplib
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from typing import Callable, Iterator
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined
from sqlalchemy.engine import Engine

from collectors.sanitize import html_to_text
from peerfeed.dedupe import http_url
from peerfeed.settings import Settings
from store.channels import channel_enabled
from store.db import transaction
from store.digest import DigestEntry, digest_entries
from store.models import utcnow
from store.publication import CLEARANCE_TEXT, MODERATOR, SENT, record_copy
from store.subscribers import (Recipient, SignUp, finish_delivery, forget_unconfirmed, give_up_on_interrupted,
                               mailing_for, recipients_due, start_delivery)

log = logging.getLogger(__name__)

CHANNEL = "weekly_email"
PLATFORM_NAMES = {"rss": "the author's blog", "bluesky": "Bluesky", "mastodon": "Mastodon"}
SHORT_NAMES = {"rss": "a blog", "bluesky": "Bluesky", "mastodon": "Mastodon"}
BATCH = 50
_LINKISH = re.compile(r"(?i)\b(?:[a-z][a-z0-9+.-]*:/\S*|www\.\S+|(?:[a-z0-9-]+\.)+[a-z]{2,24}\b(?:/\S*)?)")
_ADDRESSISH = re.compile(r"\S+@\S+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class EmailEntry:
    """One post as the email shows it (every field already made plain)."""

    title: str
    author: str
    where: str
    published: str
    url: str | None
    warning: str | None  # set: show the warning and the link, never the words
    excerpt: str | None
    cleared: str


def plain(text: str | None, limit: int) -> str:
    """A stranger's words made inert for an email: one paragraph, at most `limit` characters, links
    and addresses replaced (mail clients would make them clickable)."""
    text = "".join(ch for ch in (text or "") if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    text = _ADDRESSISH.sub("[address]", text)
    text = _LINKISH.sub("[link]", text)
    text = _SPACE.sub(" ", text).strip()
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
    return text


def email_entry(e: DigestEntry) -> EmailEntry:
    where = PLATFORM_NAMES.get(e.platform, e.platform)
    author = plain(e.author, 80) or "Someone"
    warning = plain(e.content_warning, 200) or None
    return EmailEntry(
        title=plain(e.title, 160) or f"{author} on {SHORT_NAMES.get(e.platform, e.platform)}",
        author=author, where=where, published=f"{e.published_at:%-d %B %Y}", url=http_url(e.url),
        warning=warning, excerpt=None if warning else plain(html_to_text(e.content_html), 320),
        cleared=CLEARANCE_TEXT[e.cleared_by])


def templates() -> Environment:
    """The channels' Jinja2 templates (pipelines/templates/)."""
    # HTML templates are autoescaped; plain-text ones are not (nothing in them is markup), and what
    # goes into them has been through `plain` already.
    return Environment(loader=PackageLoader("pipelines", "templates"), undefined=StrictUndefined,
                       autoescape=lambda name: not (name or "").endswith(".txt.j2"),
                       trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)


def week_of(now: datetime) -> tuple[str, datetime, datetime]:
    """The last complete ISO week before `now`: (key, Monday 00:00 UTC, the next Monday 00:00 UTC)."""
    today = now.astimezone(timezone.utc).date()
    end = datetime.combine(today - timedelta(days=today.weekday()), time(0), tzinfo=timezone.utc)
    start = end - timedelta(days=7)
    year, week, _ = start.isocalendar()
    return f"weekly:{year}-W{week:02d}", start, end


def period_label(start: datetime, end: datetime) -> str:
    last = end - timedelta(days=1)
    return f"{start:%-d %B} to {last:%-d %B %Y}"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def render_weekly(entries: list[DigestEntry], start: datetime, end: datetime, unsubscribe_url: str) -> Rendered:
    """The email's subject and both parts for one recipient."""
    shown = [email_entry(e) for e in entries if e.cleared_by == MODERATOR]  # reviewed only, whatever the caller
    n = len(shown)
    subject = f"peerfeed weekly: {n} post{'s' if n != 1 else ''}, {period_label(start, end)}"
    context = dict(entries=shown, period=period_label(start, end), unsubscribe_url=unsubscribe_url,
                   warned=any(e.warning for e in shown), subject=subject)
    env = templates()
    return Rendered(subject, env.get_template("email/weekly.txt.j2").render(context),
                    env.get_template("email/weekly.html.j2").render(context))


def unsubscribe_url(settings: Settings, token: str) -> str:
    return f"{settings.email_base_url.rstrip('/')}/unsubscribe?{urlencode({'token': token})}"


def weekly_message(settings: Settings, to: str, rendered: Rendered, unsubscribe: str) -> EmailMessage:
    """One recipient's message: both parts and the list headers."""
    msg = EmailMessage()
    msg["Subject"] = rendered.subject
    msg["From"] = settings.email_from or settings.smtp_from
    msg["To"] = to
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=urlsplit(settings.email_base_url).hostname or "localhost")
    msg["List-Id"] = f"peerfeed weekly <weekly.{urlsplit(settings.email_base_url).hostname or 'localhost'}>"
    msg["List-Unsubscribe"] = f"<{unsubscribe}>"
    msg["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    msg.set_content(rendered.text)
    msg.add_alternative(rendered.html, subtype="html")
    return msg


def confirmation_message(settings: Settings, signup: SignUp) -> EmailMessage:
    """The double opt-in message: a link to a page with a confirm button (a link alone could be
    followed by a mail scanner, and confirm on someone's behalf)."""
    url = f"{settings.email_base_url.rstrip('/')}/confirm?{urlencode({'token': signup.confirm_token})}"
    env = templates()
    context = {"email": signup.email, "confirm_url": url}
    msg = EmailMessage()
    msg["Subject"] = "Confirm your peerfeed weekly email"
    msg["From"] = settings.email_from or settings.smtp_from
    msg["To"] = signup.email
    msg["Date"] = formatdate(localtime=False)
    msg["Message-ID"] = make_msgid(domain=urlsplit(settings.email_base_url).hostname or "localhost")
    msg.set_content(env.get_template("email/confirm.txt.j2").render(context))
    msg.add_alternative(env.get_template("email/confirm.html.j2").render(context), subtype="html")
    return msg


@contextmanager
def smtp_connection(settings: Settings) -> Iterator[smtplib.SMTP]:
    """An SMTP connection as the settings describe it (STARTTLS and login when configured)."""
    if not settings.smtp_host:
        raise RuntimeError("set PEERFEED_SMTP_HOST to send email")
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.fetch_timeout_s) as smtp:
        if settings.smtp_starttls:
            smtp.starttls()
        if settings.smtp_username:
            smtp.login(settings.smtp_username,
                       settings.smtp_password.get_secret_value() if settings.smtp_password else "")
        yield smtp


def send_confirmation(settings: Settings, signup: SignUp) -> None:
    """Email the confirmation link, when `subscribe` decided one is due."""
    if signup.confirm_token:
        with smtp_connection(settings) as smtp:
            smtp.send_message(confirmation_message(settings, signup))


@dataclass
class MailingReport:
    key: str
    posts: int = 0
    sent: int = 0
    failed: int = 0
    interrupted: int = 0  # left `sending` by a crash: not sent again
    paused: bool = False  # an admin paused the channel: nothing was sent
    errors: list[str] = field(default_factory=list)


def send_weekly_email(engine: Engine, settings: Settings, now: datetime | None = None,
                      connect: Callable[[Settings], object] = smtp_connection) -> MailingReport:
    """Send last week's mailing to every confirmed subscriber not yet sent it (see the module docstring)."""
    now = now or utcnow()
    key, start, end = week_of(now)
    report = MailingReport(key)
    with transaction(engine) as s:
        forget_unconfirmed(s, now)
        if not channel_enabled(s, CHANNEL):
            report.paused = True
            return report
        mailing = mailing_for(s, key, start, end, now)
        report.interrupted = give_up_on_interrupted(s, mailing.id)
        mailing_id, location = mailing.id, f"mailing:{key}"
    tried: set[int] = set()  # each recipient once a run: a failed send waits for the next run
    while True:
        with transaction(engine) as s:
            entries = digest_entries(s, start, end, reviewed_only=True)  # the gate, again, for every batch
            batch = recipients_due(s, mailing_id, BATCH, exclude=tried) if entries else []
            tried.update(r.subscriber_id for r in batch)
            claimed = [r for r in batch if start_delivery(s, mailing_id, r.subscriber_id, now)]
            for e in entries if claimed else ():
                record_copy(s, CHANNEL, location, e.post_id, e.cleared_by, kind=SENT, now=now)
        report.posts = len(entries)
        if not batch:
            break
        _send_batch(engine, settings, connect, mailing_id, claimed, entries, start, end, report, now)
    with transaction(engine) as s:
        mailing = mailing_for(s, key, start, end)
        mailing.posts = max(mailing.posts, report.posts)
        mailing.recipients += report.sent
        if not recipients_due(s, mailing_id, 1):
            mailing.finished_at = mailing.finished_at or now
    log.info("weekly email %s: %d posts, sent %d, failed %d", key, report.posts, report.sent, report.failed)
    return report


def _send_batch(engine, settings, connect, mailing_id: int, batch: list[Recipient], entries, start, end,
                report: MailingReport, now: datetime) -> None:
    left = list(batch)
    try:
        with connect(settings) as smtp:
            while left:
                r = left[0]
                link = unsubscribe_url(settings, r.unsubscribe_token)
                error = None
                try:
                    smtp.send_message(weekly_message(settings, r.email, render_weekly(entries, start, end, link), link))
                except smtplib.SMTPException as exc:
                    error = f"{type(exc).__name__}: {exc}"
                with transaction(engine) as s:
                    finish_delivery(s, mailing_id, r.subscriber_id, error, now)
                left.pop(0)
                if error:
                    report.failed += 1
                    report.errors.append(error)
                else:
                    report.sent += 1
    except (smtplib.SMTPException, OSError) as exc:  # could not reach the server: the batch waits for the next run
        error = f"{type(exc).__name__}: {exc}"
        with transaction(engine) as s:
            for r in left:
                finish_delivery(s, mailing_id, r.subscriber_id, error, now)
        report.failed += len(left)
        report.errors.append(error)


def current_email_html(engine: Engine, settings: Settings, now: datetime | None = None) -> tuple[str, int]:
    """The HTML part of the email due next Monday as it stands now, and how many posts it holds
    (nothing sent or recorded)."""
    _, start, end = week_of((now or utcnow()) + timedelta(days=7))
    with transaction(engine) as s:
        entries = digest_entries(s, start, end, reviewed_only=True)
    return render_weekly(entries, start, end, unsubscribe_url(settings, "preview")).html, len(entries)


def preview_weekly(engine: Engine, settings: Settings, folder, now: datetime | None = None):
    """Write the email due next Monday (this week's reviewed posts so far), as a subscriber would get
    it, to `folder`/weekly.html and .txt (the unsubscribe link is a placeholder). Nothing is sent or
    recorded. Returns ((html path, text path), number of posts)."""
    from pathlib import Path

    key, start, end = week_of((now or utcnow()) + timedelta(days=7))
    with transaction(engine) as s:
        entries = digest_entries(s, start, end, reviewed_only=True)
    rendered = render_weekly(entries, start, end, unsubscribe_url(settings, "preview"))
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    html_path, text_path = folder / "weekly.html", folder / "weekly.txt"
    html_path.write_text(rendered.html, encoding="utf-8")
    text_path.write_text(rendered.text, encoding="utf-8")
    return (html_path, text_path), len(entries)
