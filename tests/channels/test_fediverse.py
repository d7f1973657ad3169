"""The fediverse publisher against an in-memory account: what it boosts and toots, what it takes down,
and that it does each exactly once, through crashes, rate limits and second thoughts.

Against a real Mastodon-API server (Takahe), with kill -9: tests/channels/test_fediverse_takahe.py.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import select

from peerfeed.settings import Settings
from pipelines import fediverse
from pipelines.fediverse import ZWSP, inert, link_toot, run_fediverse
from pipelines.mastodon_account import RATE_LIMITED, TRANSIENT, RemoteError
from store import outbox
from store.channels import configure_channel, take_lease
from store.db import transaction
from store.models import OutboxAction, Publication, utcnow
from store.publication import live_copies
from tests.channels.fake_mastodon import FakeAccount
from tests.channels.helpers import approve, decide, escalate, hide, read, store
from tests.store.helpers import blog_post, skeet, toot

NOW = utcnow()


@pytest.fixture
def settings():
    return Settings(_env_file=None, fediverse_pause_s=0, fediverse_instance_url="https://community.example",
                    fediverse_access_token="test-token")


@pytest.fixture
def world(community):
    """A toot, a blog post and a Bluesky post the model published, and a low toot held for review."""
    posts = {
        "toot": toot(1, "Peer support group tonight at 7, all welcome.", published_at=NOW - timedelta(hours=3)),
        "blog": blog_post(2, "Our care planning workshop write-up.", published_at=NOW - timedelta(hours=2),
                          title="Care planning workshop: what we learned"),
        "skeet": skeet(3, "Co-production notes from the carers' forum.", published_at=NOW - timedelta(hours=1)),
        "low": toot(4, "Everything feels pointless this week.", published_at=NOW - timedelta(minutes=30)),
    }
    ids = {k: v for k, v in zip(posts, (store(community, *posts.values())[p.platform_id] for p in posts.values()))}
    read(community, {ids["low"]: 2})
    return posts, ids


@pytest.fixture
def account(world):
    posts, _ = world
    acct = FakeAccount()
    for key in ("toot", "low"):
        acct.know(posts[key].platform_id)
    return acct


def actions(engine) -> list[tuple[str, str, str]]:
    with transaction(engine) as s:
        return [(a.key, a.action, a.state) for a in s.scalars(select(OutboxAction).order_by(OutboxAction.id))]


def test_boosts_mastodon_posts_and_toots_links_for_the_rest_never_a_held_post(community, settings, world, account):
    posts, ids = world
    report = run_fediverse(community, settings, account)
    assert report.done == {"boost": 1, "toot": 2} and not report.errors
    assert account.boosted == {account.known[posts["toot"].platform_id]}
    assert account.links() == [posts["blog"].url, posts["skeet"].url]  # oldest first
    blog, bsky = (t["text"] for _, t in sorted(account.toots.items()))
    assert blog == ("Care planning workshop: what we learned\nvia a blog\n"
                    f"{posts['blog'].url}\n\nPublished automatically, not yet reviewed by a person.")
    assert bsky.startswith("Sam on Bluesky\nvia Bluesky\n")
    assert "Co-production notes" not in bsky  # a link toot never carries the post's text
    with transaction(community) as s:
        assert {p.location.split(":")[0] for p in s.scalars(select(Publication))} == {"boost", "toot"}
        assert not live_copies(s, ids["low"])
    again = run_fediverse(community, settings, account)
    assert again.done == {} and again.planned == {"publish": 0, "withdraw": 0, "restate": 0, "cancelled": 0}


def test_a_content_warning_is_carried_over_and_strangers_words_stay_inert(community, settings):
    post = blog_post(7, "Text.", title="Ping @admin@mastodon.example #crisis see https://evil.example",
                     content_warning="self-harm mention, @someone", published_at=NOW)
    ids = store(community, post)
    read(community)
    account = FakeAccount()
    run_fediverse(community, settings, account)
    ((_, sent),) = account.toots.items()
    first_line = sent["text"].split("\n")[0]
    assert "@admin" not in first_line and f"@{ZWSP}admin@{ZWSP}mastodon" in first_line
    assert "#crisis" not in first_line and "https://evil" not in first_line
    assert sent["spoiler"] == f"self-harm mention, @{ZWSP}someone"
    assert ids


def test_inert_keeps_one_short_line():
    assert inert("a\nb\u202e\tc  d", 100) == "a b c d"
    assert inert("x" * 50, 10) == "x" * 9 + "…"


def test_a_post_taken_down_is_unboosted_or_its_toot_deleted_and_a_recleared_one_comes_back_once(
        community, settings, world, account):
    posts, ids = world
    run_fediverse(community, settings, account)
    decide(community, ids["toot"], hide)
    decide(community, ids["blog"], escalate)
    report = run_fediverse(community, settings, account)
    assert report.done == {"unboost": 1, "delete": 1}
    assert account.boosted == set() and account.links() == [posts["skeet"].url]
    with transaction(community) as s:
        assert not live_copies(s, ids["toot"]) and not live_copies(s, ids["blog"])
    decide(community, ids["blog"], approve)  # the escalation is resolved: a moderator approves it
    run_fediverse(community, settings, account)
    assert account.links() == [posts["skeet"].url, posts["blog"].url]
    assert account.toots[max(account.toots)]["text"].endswith("Reviewed by a moderator.")
    assert [k for k, _, _ in actions(community) if k.startswith(f"publish:{ids['blog']}:")] == [
        f"publish:{ids['blog']}:0", f"publish:{ids['blog']}:1"]


def test_an_edit_upstream_takes_the_post_down_until_it_is_read_again(community, settings, world, account):
    posts, ids = world
    run_fediverse(community, settings, account)
    store(community, replace(posts["skeet"], content_text="Edited: everything is too much tonight."))
    run_fediverse(community, settings, account)
    assert posts["skeet"].url not in account.links()
    read(community, {ids["skeet"]: 3})
    run_fediverse(community, settings, account)
    assert posts["skeet"].url not in account.links()


def test_a_toot_that_states_an_old_clearance_is_corrected(community, settings, world, account):
    posts, ids = world
    run_fediverse(community, settings, account)
    decide(community, ids["blog"], approve)  # a moderator now reviews what the model published
    report = run_fediverse(community, settings, account)
    assert report.done == {"restate": 1}
    toot_id = next(i for i, t in account.toots.items() if posts["blog"].url in t["text"])
    assert account.toots[toot_id]["text"].endswith("Reviewed by a moderator.") and account.toots[toot_id]["edits"] == 1
    with transaction(community) as s:
        assert {p.cleared_by for p in live_copies(s, ids["blog"])} == {"moderator"}


class Killed(BaseException):
    """What `crash_on_complete` raises: like a kill, not an error the publisher could catch."""


def crash_on_complete(monkeypatch, after: int):
    """Make the publisher die (as a kill would) right after its `after`-th remote write."""
    real, calls = outbox.complete, []

    def complete(*a, **kw):
        calls.append(1)
        if len(calls) == after:
            raise Killed()
        return real(*a, **kw)

    monkeypatch.setattr(outbox, "complete", complete)
    return Killed


def test_a_crash_after_sending_is_reconciled_from_the_account_not_sent_again(
        community, settings, world, account, monkeypatch):
    posts, ids = world
    killed = crash_on_complete(monkeypatch, after=2)  # after the first toot was posted
    with pytest.raises(killed):
        run_fediverse(community, settings, account)
    assert ("publish:%d:0" % ids["blog"], "toot", "claimed") in actions(community)
    monkeypatch.undo()
    report = run_fediverse(community, settings, account)
    assert report.reconciled == 1
    assert account.sent("toot") == 2 and account.links() == [posts["blog"].url, posts["skeet"].url]
    assert all(state == "done" for _, _, state in actions(community))


def test_a_crash_after_claiming_but_before_sending_sends_once_on_the_next_run(
        community, settings, world, account, monkeypatch):
    posts, ids = world

    class Killed(BaseException):
        pass

    def dies(*a, **kw):
        raise Killed()

    monkeypatch.setattr(account, "post_toot", dies)
    with pytest.raises(Killed):
        run_fediverse(community, settings, account)
    monkeypatch.undo()
    report = run_fediverse(community, settings, account)
    assert report.reconciled == 1 and account.links() == [posts["blog"].url, posts["skeet"].url]


def test_a_crash_mid_boost_is_found_boosted_and_recorded(community, settings, world, account, monkeypatch):
    posts, ids = world
    crash_on_complete(monkeypatch, after=1)
    with pytest.raises(Killed):
        run_fediverse(community, settings, account)
    monkeypatch.undo()
    decide(community, ids["toot"], hide)  # and the post is taken down before the next run
    run_fediverse(community, settings, account)
    assert account.sent("boost") == 1 and account.boosted == set()  # recorded, then undone
    with transaction(community) as s:
        assert not live_copies(s, ids["toot"])


def test_the_rate_limit_pauses_the_channel_until_it_resets(community, settings, world, account):
    clock = [NOW]
    account.remaining, account.reset_at = 8, NOW + timedelta(minutes=5)
    report = run_fediverse(community, settings.model_copy(update={"fediverse_ratelimit_reserve": 5}), account,
                           now=lambda: clock[0])
    assert report.paused_until == NOW + timedelta(minutes=5)
    assert sum(report.done.values()) < 3
    calls = len(account.calls)
    waiting = run_fediverse(community, settings, account, now=lambda: clock[0] + timedelta(minutes=1))
    assert waiting.done == {} and len(account.calls) == calls  # not one request while paused
    account.remaining = None
    clock[0] = NOW + timedelta(minutes=6)
    run_fediverse(community, settings, account, now=lambda: clock[0])
    assert len(account.links()) == 2 and len(account.boosted) == 1


def test_a_429_puts_the_action_back_untouched(community, settings, world, account):
    account.fail_next = [RemoteError(RATE_LIMITED, "HTTP 429", NOW + timedelta(minutes=2))]
    report = run_fediverse(community, settings, account, now=lambda: NOW)
    assert report.paused_until == NOW + timedelta(minutes=2) and report.done == {}
    with transaction(community) as s:
        first = s.scalars(select(OutboxAction).order_by(OutboxAction.id)).first()
        assert (first.state, first.attempts, first.next_attempt_at) == ("pending", 0, NOW + timedelta(minutes=2))


def test_a_429_without_a_time_waits_as_long_as_the_pause(community, settings, world, account):
    # The action used to go back with next_attempt_at NULL: due again at once, the pause aside.
    account.fail_next = [RemoteError(RATE_LIMITED, "HTTP 429")]
    report = run_fediverse(community, settings, account, now=lambda: NOW)
    assert report.paused_until == NOW + fediverse.RATE_LIMIT_FALLBACK
    with transaction(community) as s:
        first = s.scalars(select(OutboxAction).order_by(OutboxAction.id)).first()
        assert (first.state, first.next_attempt_at) == ("pending", NOW + fediverse.RATE_LIMIT_FALLBACK)


def test_a_takedown_missing_its_target_fails_visibly_instead_of_passing_none_on(community, settings, world, account):
    # A delete with no target (a damaged row) was sent as delete_toot(None) and marked done, the toot
    # still up. The parts an action's kind needs are now checked: it fails on its own, and the
    # takedown is planned afresh from the publication (which still says where the toot is).
    posts, ids = world
    run_fediverse(community, settings, account)
    decide(community, ids["blog"], hide)
    with transaction(community) as s:
        outbox.plan(s, "fediverse", NOW - timedelta(days=7))
        s.scalars(select(OutboxAction).where(OutboxAction.action == outbox.DELETE)).one().target = None
    report = run_fediverse(community, settings, account)
    assert report.failed == 1 and ("delete", None) not in account.calls
    assert posts["blog"].url not in account.links()
    with transaction(community) as s:
        first, again = s.scalars(select(OutboxAction).where(OutboxAction.action == outbox.DELETE)
                                 .order_by(OutboxAction.id)).all()
        assert first.state == outbox.FAILED and "has no target" in first.error
        assert again.state == outbox.DONE


def test_a_withdrawal_that_fails_is_retried_until_it_succeeds(community, settings, world, account):
    posts, ids = world
    run_fediverse(community, settings, account, now=lambda: NOW)
    decide(community, ids["blog"], hide)
    account.fail_next = [RemoteError(TRANSIENT, "HTTP 503")]
    report = run_fediverse(community, settings, account, now=lambda: NOW)
    assert report.retried == 1 and posts["blog"].url in account.links()
    run_fediverse(community, settings, account, now=lambda: NOW + timedelta(minutes=1))
    assert posts["blog"].url not in account.links()


def test_a_post_our_instance_cannot_find_fails_once_and_is_not_retried(community, settings, world):
    account = FakeAccount()  # knows no Mastodon status
    report = run_fediverse(community, settings, account)
    assert report.failed == 1 and report.done == {"toot": 2}
    run_fediverse(community, settings, account)
    assert account.sent("resolve") == 1


def test_a_paused_channel_puts_nothing_up_but_still_takes_posts_down(community, settings, world, account):
    posts, ids = world
    run_fediverse(community, settings, account)
    with transaction(community) as s:
        configure_channel(s, "fediverse", "admin.sam", enabled=False)
    decide(community, ids["skeet"], hide)
    store(community, blog_post(9, "A new calm post about the carers' café.", published_at=NOW))
    read(community)
    report = run_fediverse(community, settings, account)
    assert report.done == {"delete": 1} and account.links() == [posts["blog"].url]


def test_a_withdrawal_of_a_post_cleared_again_before_it_ran_is_dropped(community, settings, world, account):
    posts, ids = world
    run_fediverse(community, settings, account)
    decide(community, ids["blog"], hide)
    with transaction(community) as s:
        outbox.plan(s, "fediverse", NOW - timedelta(days=7))
    decide(community, ids["blog"], approve)
    run_fediverse(community, settings, account)
    assert posts["blog"].url in account.links() and account.sent("delete") == 0
    with transaction(community) as s:
        assert [p.cleared_by for p in live_copies(s, ids["blog"])] == ["moderator"]


def test_one_publisher_at_a_time(community, settings, world, account):
    with transaction(community) as s:
        assert take_lease(s, "fediverse", timedelta(minutes=5), owner="elsewhere:1")
    assert run_fediverse(community, settings, account).busy
    assert account.calls == []


def test_a_lease_left_by_a_dead_process_on_this_host_is_taken_at_once(community, settings, world, account):
    import socket
    with transaction(community) as s:
        assert take_lease(s, "fediverse", timedelta(minutes=5), owner=f"{socket.gethostname()}:999999999")
    assert not run_fediverse(community, settings, account).busy


def test_link_toot_refuses_a_post_with_no_web_link():
    post = outbox.PostForToot(1, "rss", "x", "javascript:alert(1)", "T", "A", None, None, False)
    with pytest.raises(ValueError):
        link_toot(post, "model")
    assert fediverse.PLATFORM_NAMES["rss"] == "a blog"
