"""The community's fediverse account: boosts cleared Mastodon posts, toots a short link for cleared blog
and Bluesky posts, and undoes either when the post is taken down. Exactly once, politely.

Relays and hashtag bots boost everything; this account boosts only what the publication gate clears.
One run (`run_fediverse`, every minute from Prefect, or `peerfeed fediverse publish`):

1. takes the channel's lease (one publisher at a time; a run that finds it held does nothing);
2. reconciles actions a dead run left claimed, by looking at the account first (store/outbox.py);
3. plans from the gate: withdrawals, restatements, new posts (new ones only when the channel is on);
4. carries out due actions, withdrawals first, pausing `fediverse_pause_s` between writes, stopping
   when the instance says the rate limit is nearly spent (or answers 429) until it resets;
5. plans and carries out withdrawals once more, for posts taken down while it ran.

A link toot says the title (or "<author> on Bluesky"), where it is from, the link, and how the post
was cleared (`CLEARANCE_TEXT`); never the post's text. The post's content warning becomes the toot's.
Strangers' words in a toot are made inert: no mention, hashtag or link can come from them.
"""

from __future__ import annotations

import logging
import re
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Callable, Protocol, TypeVar

from sqlalchemy.engine import Engine

from peerfeed.dedupe import http_url
from peerfeed.settings import Settings
from pipelines.mastodon_account import (NOT_FOUND, RATE_LIMITED, REFUSED, TRANSIENT, MastodonAccount, RemoteError,
                                       RemoteStatus)
from store import outbox
from store.channels import channel_enabled, channel_setting, pause_until, release_lease, take_lease, this_process
from store.db import transaction
from store.models import get_existing, utcnow
from store.publication import CLEARANCE_TEXT

log = logging.getLogger(__name__)

CHANNEL = "fediverse"
PLATFORM_NAMES = {"rss": "a blog", "bluesky": "Bluesky", "mastodon": "Mastodon"}
ZWSP = "\u200b"
_SPACE = re.compile(r"\s+")
# How long to wait when the instance says "rate limited" without saying until when.
RATE_LIMIT_FALLBACK = timedelta(minutes=5)
_T = TypeVar("_T")


class FediverseAccount(Protocol):
    """What the publisher needs of an account (pipelines/mastodon_account.py; a double in tests)."""

    def resolve(self, uri: str, url: str | None = None) -> str | None: ...
    def boost(self, status_id: str) -> RemoteStatus: ...
    def has_boosted(self, status_id: str) -> bool: ...
    def unboost(self, status_id: str) -> None: ...
    def post_toot(self, text: str, spoiler: str | None, visibility: str, idempotency_key: str) -> RemoteStatus: ...
    def edit_toot(self, status_id: str, text: str, spoiler: str | None) -> None: ...
    def delete_toot(self, status_id: str) -> None: ...
    def find_toot(self, link: str, exclude: set[str]) -> RemoteStatus | None: ...
    def rate_limit_low(self, reserve: int) -> datetime | None: ...


@dataclass
class FediverseReport:
    busy: bool = False  # another publisher held the channel
    paused_until: datetime | None = None
    reconciled: int = 0
    planned: dict = field(default_factory=dict)
    done: dict = field(default_factory=dict)  # action -> count
    cancelled: int = 0
    retried: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)


# --- what a link toot says -----------------------------------------------------------------------------

def inert(text: str | None, limit: int) -> str:
    """A stranger's words, safe to put in a toot: one line, at most `limit` characters, and no
    mention, hashtag or link Mastodon would make of them (a zero-width space breaks each)."""
    text = "".join(ch for ch in (text or "") if unicodedata.category(ch)[0] != "C" or ch in "\n\t")
    text = _SPACE.sub(" ", text).strip()
    if len(text) > limit:
        text = text[:limit - 1].rstrip() + "…"
    return text.replace("@", "@" + ZWSP).replace("#", "#" + ZWSP).replace("://", ":" + ZWSP + "//")


def _needed(claimed: outbox.Claimed, what: str, value: _T | None) -> _T:
    """A part of the claimed action its kind requires (a toot's post, an undo's target). Missing
    (the post deleted since it was planned, say), it is a ValueError: the action fails, the run goes on."""
    if value is None:
        raise ValueError(f"{claimed.action} action {claimed.key} has no {what}")
    return value


def link_toot(post: outbox.PostForToot, cleared_by: str) -> tuple[str, str | None]:
    """(text, content warning) of the toot that links a cleared blog or Bluesky post."""
    url = http_url(post.url)
    if not url:
        raise ValueError(f"post {post.post_id} has no http(s) link to share")
    where = PLATFORM_NAMES.get(post.platform, post.platform)
    headline = inert(post.title, 200) or f"{inert(post.author, 80) or 'Someone'} on {where}"
    source = inert(post.source_name, 80) or where
    text = f"{headline}\nvia {source}\n{url}\n\n{CLEARANCE_TEXT[cleared_by]}."
    warning = inert(post.content_warning, 200) or ("Marked sensitive by its author" if post.sensitive else None)
    return text, warning


def preview_outbox(engine: Engine, settings: Settings, now: datetime | None = None) -> list[str]:
    """What the account's next run would do, one block of text per action, without doing or
    recording anything (the plan is made in a transaction that is rolled back)."""
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    now = now or utcnow()
    out: list[str] = []
    with Session(engine) as s:
        try:
            outbox.plan(s, CHANNEL, now - timedelta(days=settings.fediverse_max_age_days),
                        publish_new=channel_enabled(s, CHANNEL), now=now)
            planned = s.scalars(select(outbox.OutboxAction).where(outbox.OutboxAction.channel == CHANNEL,
                                                                  outbox.OutboxAction.state == outbox.PENDING)
                                .order_by(outbox.OutboxAction.id)).all()
            for action in planned:
                post = outbox.post_for_toot(s, action.post_id) if action.post_id else None
                if action.action == outbox.TOOT and post is not None and action.cleared_by and http_url(post.url):
                    text, warning = link_toot(post, action.cleared_by)
                    out.append(f"TOOT ({settings.fediverse_visibility})"
                               + (f" with content warning: {warning}" if warning else "") + "\n" + text)
                elif action.action == outbox.BOOST:
                    out.append(f"BOOST {action.target}\n(found on the community's instance by its address)")
                else:
                    out.append(f"{action.action.upper()} {action.target}")
        finally:
            s.rollback()
    return out


# --- one run ---------------------------------------------------------------------------------------------

def run_fediverse(engine: Engine, settings: Settings, account: FediverseAccount | None = None,
                  now: Callable[[], datetime] = utcnow, sleep: Callable[[float], None] = time.sleep) -> FediverseReport:
    """One publisher run (see the module docstring). Safe to run at any time, from anywhere."""
    report = FediverseReport()
    owner = this_process()
    lease = timedelta(seconds=settings.fediverse_lease_s)
    with transaction(engine) as s:
        if not take_lease(s, CHANNEL, lease, owner, now()):
            report.busy = True
            return report
        paused = channel_setting(s, CHANNEL).paused_until
    own_account = account is None
    try:
        if paused and paused > now():
            report.paused_until = paused
            return report
        account = account or MastodonAccount.from_settings(settings)
        run = _Run(engine, settings, account, owner, lease, now, sleep, report)
        run.reconcile()
        run.plan(publish_new=True)
        if run.carry_out():
            run.plan(publish_new=False)  # posts taken down while this run was busy
            run.carry_out(withdrawals_only=True)
    except RemoteError as exc:  # the account cannot be used at all (not configured, token refused)
        report.errors.append(exc.message)
        log.error("fediverse publisher: %s", exc.message)
    finally:
        if own_account and isinstance(account, MastodonAccount):
            account.close()
        with transaction(engine) as s:
            release_lease(s, CHANNEL, owner)
    return report


@dataclass
class _Run:
    engine: Engine
    settings: Settings
    account: FediverseAccount
    owner: str
    lease: timedelta
    now: Callable[[], datetime]
    sleep: Callable[[float], None]
    report: FediverseReport

    def plan(self, publish_new: bool) -> None:
        since = self.now() - timedelta(days=self.settings.fediverse_max_age_days)
        with transaction(self.engine) as s:
            enabled = channel_enabled(s, CHANNEL)
            planned = outbox.plan(s, CHANNEL, since, publish_new=publish_new and enabled, now=self.now())
        for k, v in vars(planned).items():
            self.report.planned[k] = self.report.planned.get(k, 0) + v

    def reconcile(self) -> None:
        """Settle what a dead run left claimed: look at the account, then record, retry or drop."""
        with transaction(self.engine) as s:
            left = outbox.abandoned(s, CHANNEL)
        for action_id in left:
            with transaction(self.engine) as s:
                claimed = outbox.take_over(s, action_id, self.owner, self.now())
                known = outbox.known_toot_ids(s, CHANNEL)
            if claimed is None:
                continue
            made = self._already_made(claimed, known)
            with transaction(self.engine) as s:
                if made is not None:
                    outbox.complete(s, claimed.id, made.id, made.url, now=self.now())
                elif outbox.still_wanted(s, get_existing(s, outbox.OutboxAction, claimed.id)):
                    outbox.retry_later(s, claimed.id, "interrupted; not found on the account, so sent again",
                                       self.now(), count_attempt=False)
                else:
                    outbox.cancel(s, claimed.id, self.now())
            self.report.reconciled += 1
            log.info("fediverse: reconciled interrupted %s (%s): %s", claimed.key, claimed.action,
                     "found on the account" if made else "not found")

    def _already_made(self, claimed: outbox.Claimed, known: set[str]) -> RemoteStatus | None:
        """The copy an interrupted publish action made, if the account shows it (undo and restate
        actions are safe to repeat, so they are simply tried again)."""
        if claimed.action == outbox.BOOST and claimed.remote_id:
            return RemoteStatus(claimed.remote_id, None) if self.account.has_boosted(claimed.remote_id) else None
        if claimed.action == outbox.TOOT and claimed.post is not None and http_url(claimed.post.url):
            return self.account.find_toot(claimed.post.url, known)
        return None

    def carry_out(self, withdrawals_only: bool = False) -> bool:
        """Carry out due actions until done, the per-run cap, or a rate limit. False when stopped early."""
        with transaction(self.engine) as s:
            todo = outbox.due(s, CHANNEL, self.now(), limit=self.settings.fediverse_actions_per_run)
            # A paused channel still takes posts down and corrects what its toots say; it puts nothing up.
            allowed = outbox.WITHDRAWING if withdrawals_only else (
                None if channel_enabled(s, CHANNEL) else outbox.WITHDRAWING + (outbox.RESTATE,))
            if allowed is not None:
                todo = [i for i in todo if get_existing(s, outbox.OutboxAction, i).action in allowed]
        for n, action_id in enumerate(todo):
            if n:
                self.sleep(self.settings.fediverse_pause_s)
            with transaction(self.engine) as s:
                if not take_lease(s, CHANNEL, self.lease, self.owner, self.now()):
                    self.report.errors.append("lost the channel's lease; stopping")
                    return False
                claimed = outbox.claim(s, action_id, self.owner, self.now())
            if claimed is None:
                self.report.cancelled += 1
                continue
            if not self._carry_out_one(claimed):
                return False
            low = self.account.rate_limit_low(self.settings.fediverse_ratelimit_reserve)
            if low is not None:
                self._pause(low, "rate limit nearly spent")
                return False
        return True

    def _carry_out_one(self, claimed: outbox.Claimed) -> bool:
        """Send one claimed action and record the outcome. False when the run must stop (rate limit)."""
        try:
            made = self._send(claimed)
        except RemoteError as exc:
            with transaction(self.engine) as s:
                if exc.kind == NOT_FOUND and claimed.action == outbox.RESTATE:
                    outbox.gone(s, claimed.id, self.now())  # the toot was deleted by someone else
                elif exc.kind == RATE_LIMITED:
                    outbox.retry_later(s, claimed.id, exc.message, exc.retry_at or self.now() + RATE_LIMIT_FALLBACK,
                                       count_attempt=False)
                elif exc.kind == TRANSIENT or claimed.action not in outbox.PUBLISHING:
                    # Withdrawals never give up: a post taken down must come down, however long it takes.
                    outbox.retry_later(s, claimed.id, exc.message, self.now() + outbox.backoff(claimed.attempts))
                    self.report.retried += 1
                else:
                    outbox.fail(s, claimed.id, exc.message, self.now())
                    self.report.failed += 1
            self.report.errors.append(f"{claimed.key}: {exc.message}")
            log.warning("fediverse: %s %s: %s", claimed.action, claimed.key, exc.message)
            if exc.kind == RATE_LIMITED:
                self._pause(exc.retry_at, "rate limited")
                return False
            return True
        except ValueError as exc:  # nothing we could send (a post with no web link)
            with transaction(self.engine) as s:
                outbox.fail(s, claimed.id, str(exc), self.now())
            self.report.failed += 1
            return True
        with transaction(self.engine) as s:
            outbox.complete(s, claimed.id, made.id if made else None, made.url if made else None, now=self.now())
        self.report.done[claimed.action] = self.report.done.get(claimed.action, 0) + 1
        return True

    def _send(self, claimed: outbox.Claimed) -> RemoteStatus | None:
        account = self.account
        if claimed.action == outbox.BOOST:
            status_id = claimed.remote_id or account.resolve(_needed(claimed, "target", claimed.target),
                                                             claimed.post.url if claimed.post else None)
            if status_id is None:
                raise RemoteError(REFUSED, f"{claimed.target} could not be found from our instance")
            with transaction(self.engine) as s:
                outbox.note_remote(s, claimed.id, status_id)  # recorded before the boost, for reconciliation
            return account.boost(status_id)
        if claimed.action == outbox.TOOT:
            text, warning = link_toot(_needed(claimed, "post", claimed.post),
                                      _needed(claimed, "clearance", claimed.cleared_by))
            return account.post_toot(text, warning, self.settings.fediverse_visibility, f"peerfeed-{claimed.key}")
        if claimed.action == outbox.UNBOOST:
            account.unboost(_needed(claimed, "target", claimed.target))
        elif claimed.action == outbox.DELETE:
            account.delete_toot(_needed(claimed, "target", claimed.target))
        elif claimed.action == outbox.RESTATE:
            text, warning = link_toot(_needed(claimed, "post", claimed.post),
                                      _needed(claimed, "clearance", claimed.cleared_by))
            account.edit_toot(_needed(claimed, "target", claimed.target), text, warning)
        return None

    def _pause(self, until: datetime | None, why: str) -> None:
        until = until or self.now() + RATE_LIMIT_FALLBACK
        with transaction(self.engine) as s:
            pause_until(s, CHANNEL, until)
        self.report.paused_until = until
        log.warning("fediverse: %s; nothing more is sent before %s", why, until.isoformat(timespec="seconds"))
