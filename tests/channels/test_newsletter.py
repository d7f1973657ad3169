"""The weekly email with a real SMTP server (aiosmtpd) and its real pages: double opt-in, one-click
unsubscribe, only moderator-reviewed posts, a content warning as a warning and a link, never twice."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from sqlalchemy import select

from peerfeed.settings import Settings
from pipelines.email_pages import email_pages_app
from pipelines.newsletter import plain, render_weekly, send_weekly_email, week_of
from pipelines.web import BackgroundServer
from store.db import transaction
from store.digest import digest_entries
from store.models import EmailSubscriber, MailingDelivery
from store.publication import live_copies
from store.subscribers import BadAddress, confirm, normalise_address, start_delivery, subscribe
from tests.channels.helpers import approve, decide, escalate, hide, read, store
from tests.channels.mailbox import LocalSMTP, every_word, links, parts
from tests.store.helpers import blog_post, skeet, toot

MONDAY = datetime(2026, 11, 9, 7, 30, tzinfo=timezone.utc)  # the run that mails 2-8 November
IN_WEEK = datetime(2026, 11, 4, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def smtp():
    with LocalSMTP() as server:
        yield server


@pytest.fixture
def settings(smtp, tmp_path):
    return Settings(_env_file=None, smtp_host=smtp.host, smtp_port=smtp.port, email_from="weekly@peerfeed.example",
                    email_base_url="https://lists.peerfeed.example", site_dir=tmp_path / "site")


@pytest.fixture
def pages(community, settings):
    with BackgroundServer(email_pages_app(community, settings)) as server, \
            httpx.Client(base_url=server.url, timeout=10) as client:
        yield client


def subscribed(engine, *addresses) -> dict[str, str]:
    """Confirmed subscribers, as if each had followed the link; returns their unsubscribe tokens."""
    tokens = {}
    with transaction(engine) as s:
        for address in addresses:
            confirm(s, subscribe(s, address).confirm_token)
        for row in s.scalars(select(EmailSubscriber)):
            tokens[row.email] = row.unsubscribe_token
    return tokens


def week_of_posts(engine, monkeypatch):
    """Posts decided in the week of 2-8 November: reviewed, model-only, held, hidden, with a warning."""
    posts = {
        "reviewed": blog_post(1, "Notes from our recovery college session on care plans and what helped.",
                              title="Recovery college: care plans"),
        "reviewed_toot": toot(2, "Peer support group moves to the library from next week. See https://evil.example/x"),
        "model_only": skeet(3, "MODEL-ONLY words that no email may carry."),
        "held": toot(4, "HELD words: I cannot see the point of anything any more."),
        "hidden": blog_post(5, "HIDDEN words a moderator took down.", title="Hidden"),
        "warned": blog_post(6, "WARNED words about a hospital stay and self-harm.", title="My hospital stay",
                            content_warning="self-harm, hospital"),
    }
    ids = {k: store(engine, p)[p.platform_id] for k, p in posts.items()}
    monkeypatch.setattr("store.review.utcnow", lambda: IN_WEEK, raising=False)
    read(engine, {ids["reviewed"]: 1, ids["reviewed_toot"]: 1, ids["held"]: 2, ids["warned"]: 1, ids["hidden"]: 1})
    for key in ("reviewed", "reviewed_toot", "warned"):
        decide(engine, ids[key], approve)
    decide(engine, ids["hidden"], hide)
    return posts, ids


def test_double_opt_in_through_the_pages(pages, smtp, community):
    form = pages.get("/")
    assert form.status_code == 200 and 'name="email"' in form.text
    assert "default-src 'none'" in form.headers["content-security-policy"]
    answer = pages.post("/subscribe", data={"email": "  Reader@Example.ORG "})
    assert answer.status_code == 200 and "Check your inbox" in answer.text
    (message,) = smtp.to("reader@example.org")
    assert message["Subject"] == "Confirm your peerfeed weekly email"
    (link,) = [u for u in links(message) if "/confirm?" in u]
    token = parse_qs(urlsplit(link).query)["token"][0]

    with transaction(community) as s:  # only following the link and pressing the button confirms
        assert s.scalar(select(EmailSubscriber.confirmed_at)) is None
    page = pages.get(f"/confirm?token={token}")
    assert "Confirm" in page.text
    with transaction(community) as s:
        assert s.scalar(select(EmailSubscriber.confirmed_at)) is None
    done = pages.post("/confirm", data={"token": token})
    assert done.status_code == 200 and "You are subscribed" in done.text
    assert pages.post("/confirm", data={"token": token}).status_code == 400  # used once
    with transaction(community) as s:
        assert s.scalar(select(EmailSubscriber.confirmed_at)) is not None

    again = pages.post("/subscribe", data={"email": "reader@example.org"})  # same answer, no new email
    assert "Check your inbox" in again.text and len(smtp.messages) == 1


def test_asking_again_and_again_sends_one_confirmation_a_day(pages, smtp):
    for _ in range(5):
        assert pages.post("/subscribe", data={"email": "someone.else@example.org"}).status_code == 200
    assert len(smtp.messages) == 1


@pytest.mark.parametrize("bad", ["", "not an address", "a@b", "x@example.org\r\nBcc: all@example.org",
                                 "<x@example.org>", "x" * 300 + "@example.org"])
def test_a_bad_address_is_refused(pages, smtp, bad):
    assert pages.post("/subscribe", data={"email": bad}).status_code == 400
    with pytest.raises(BadAddress):
        normalise_address(bad)
    assert smtp.messages == []


def test_only_reviewed_posts_go_out_and_no_word_of_the_others(community, settings, smtp, monkeypatch):
    posts, ids = week_of_posts(community, monkeypatch)
    subscribed(community, "reader@example.org")
    report = send_weekly_email(community, settings, now=MONDAY)
    assert (report.key, report.posts, report.sent) == ("weekly:2026-W45", 3, 1)
    (message,) = smtp.to("reader@example.org")
    seen = every_word(message)
    for key in ("model_only", "held", "hidden", "warned"):
        words = posts[key].content_text.split(" ")[0]
        assert words not in seen, f"{key} post's words are in the email"
    assert set(parts(message)) == {"text/plain", "text/html"}
    for body in parts(message).values():
        assert "Recovery college: care plans" in body and "Peer support group moves to the library" in body
        assert "self-harm, hospital" in body and posts["warned"].url.split("?")[0] in body  # warning and link
        assert "evil.example" not in body and "[link]" in body  # a stranger's link is never clickable
        assert body.count("Reviewed by a moderator") == 3
    assert message["Subject"] == "peerfeed weekly: 3 posts, 2 November to 8 November 2026"
    assert {posts[k].url for k in ("reviewed", "reviewed_toot", "warned")} <= links(message)
    with transaction(community) as s:
        assert [p.kind for p in live_copies(s, ids["reviewed"])] == ["sent"]
        assert live_copies(s, ids["model_only"]) == []


def test_one_click_unsubscribe_deletes_the_address(community, settings, smtp, pages, monkeypatch):
    week_of_posts(community, monkeypatch)
    subscribed(community, "reader@example.org", "other@example.org")
    send_weekly_email(community, settings, now=MONDAY)
    (message,) = smtp.to("reader@example.org")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = re.fullmatch(r"<(.+)>", message["List-Unsubscribe"]).group(1)
    assert url.startswith("https://lists.peerfeed.example/unsubscribe?token=") and url in every_word(message)
    path = url.removeprefix("https://lists.peerfeed.example")
    # What a mail client sends for RFC 8058's one click: a POST to the header's address, no cookies.
    resp = pages.post(path, content=b"List-Unsubscribe=One-Click",
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert resp.status_code == 200 and "unsubscribed" in resp.text
    with transaction(community) as s:
        assert [r.email for r in s.scalars(select(EmailSubscriber))] == ["other@example.org"]
    assert pages.get(path).status_code == 200  # the link in an old email still answers, harmlessly


def test_never_twice_a_crash_mid_send_is_not_sent_again_and_a_failed_send_is(community, settings, smtp, monkeypatch):
    week_of_posts(community, monkeypatch)
    tokens = subscribed(community, "a@example.org", "b@example.org", "c@example.org")
    key, start, end = week_of(MONDAY)
    from store.subscribers import mailing_for
    with transaction(community) as s:  # a run died after writing "sending" for a@ (and maybe sending it)
        mailing = mailing_for(s, key, start, end)
        a = s.scalar(select(EmailSubscriber.id).where(EmailSubscriber.email == "a@example.org"))
        start_delivery(s, mailing.id, a)
    first = send_weekly_email(community, settings, now=MONDAY)
    assert (first.sent, first.interrupted) == (2, 1) and smtp.to("a@example.org") == []
    again = send_weekly_email(community, settings, now=MONDAY + timedelta(hours=1))
    assert again.sent == 0 and len(smtp.messages) == 2
    with transaction(community) as s:
        states = sorted(s.scalars(select(MailingDelivery.state)))
    assert states == ["sent", "sent", "unknown"]
    assert tokens


def test_a_failed_connection_is_retried_by_the_next_run(community, settings, smtp, monkeypatch):
    week_of_posts(community, monkeypatch)
    subscribed(community, "a@example.org")
    broken = settings.model_copy(update={"smtp_port": 1})
    assert send_weekly_email(community, broken, now=MONDAY).failed == 1
    assert send_weekly_email(community, settings, now=MONDAY).sent == 1 and len(smtp.messages) == 1


def test_a_post_taken_down_while_a_mailing_goes_out_is_left_out_of_the_rest(community, settings, smtp, monkeypatch):
    posts, ids = week_of_posts(community, monkeypatch)
    subscribed(community, *[f"r{i}@example.org" for i in range(60)])  # two batches
    import pipelines.newsletter as newsletter
    real = newsletter._send_batch
    batches = []

    def send_then_hide(*args, **kw):
        real(*args, **kw)
        batches.append(1)
        if len(batches) == 1:
            decide(community, ids["reviewed"], escalate)

    monkeypatch.setattr(newsletter, "_send_batch", send_then_hide)
    send_weekly_email(community, settings, now=MONDAY)
    titles = ["Recovery college: care plans" in parts(m)["text/plain"] for _, m in smtp.messages]
    assert len(titles) == 60 and titles[:50] == [True] * 50 and titles[50:] == [False] * 10


def test_a_week_with_no_reviewed_posts_sends_nothing(community, settings, smtp):
    subscribed(community, "reader@example.org")
    store(community, blog_post(1, "A calm post the model published."))
    read(community)
    report = send_weekly_email(community, settings, now=MONDAY)
    assert (report.posts, report.sent, smtp.messages) == (0, 0, [])


def test_hostile_words_stay_inert_in_both_parts(community, settings, monkeypatch):
    post = blog_post(1, "<script>alert(1)</script> mail me at victim@example.org or visit www.evil.example/x",
                     title='<img src=x onerror=alert(1)> "Quotes" & ampersands', published_at=IN_WEEK)
    pid = store(community, post)[post.platform_id]
    monkeypatch.setattr("store.review.utcnow", lambda: IN_WEEK, raising=False)
    read(community, {pid: 1})
    decide(community, pid, approve)
    key, start, end = week_of(MONDAY)
    with transaction(community) as s:
        entries = digest_entries(s, start, end, reviewed_only=True)
    rendered = render_weekly(entries, start, end, "https://lists.peerfeed.example/unsubscribe?token=t")
    assert "<img" not in rendered.html and "&lt;img src=x onerror=alert(1)&gt;" in rendered.html
    assert "<script>" not in rendered.html and "victim@example.org" not in rendered.text
    assert "www.evil.example" not in rendered.text + rendered.html
    assert '"Quotes" & ampersands' in rendered.text  # plain text is plain


def test_plain_replaces_links_and_addresses():
    assert plain("see https://x.example/a?b=1, www.y.example or z.example/p; mail a@b.example", 200) == \
        "see [link] [link] or [link] mail [address]"
    assert plain("e.g. this is fine", 200) == "e.g. this is fine"


def test_a_paused_email_sends_nothing(community, settings, smtp, monkeypatch):
    from store.channels import configure_channel

    week_of_posts(community, monkeypatch)
    subscribed(community, "reader@example.org")
    with transaction(community) as s:
        configure_channel(s, "weekly_email", "admin.dee", enabled=False)
    report = send_weekly_email(community, settings, now=MONDAY)
    assert report.paused and smtp.messages == []
