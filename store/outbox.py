"""The outbox of a remote channel (the fediverse account): what its publisher means to do, exactly once.

Every boost, link toot, undo and restatement is first an `OutboxAction` row with a unique key, then:

1. **planned** (`plan`): from the publication gate alone. A cleared post with no live copy gets a
   publish action; a live copy whose post is no longer cleared (`withdrawals_due`) gets a withdraw
   action; a live toot that states a clearance the post no longer has gets a restate action.
2. **claimed** (`claim`, its own transaction, committed before anything is sent): the gate is asked
   again, so a post taken down since planning is never sent, and a withdrawal of a post cleared again
   is dropped (the copy stays, rightly).
3. **completed** (`complete`, another transaction, after the remote answered): the remote id and the
   publication row (`record_copy`, kind REMOTE) are written with the state `done`, together.

A process that dies between 2 and 3 leaves the action `claimed`. The next publisher (which holds the
channel's lease, so no claim can be live) hands each such action to `reconcile`, which looks at the
remote first: a toot found on the account, or a boost the account has made, is completed without
being sent again. Key shapes: `publish:<post id>:<n>`, `withdraw:<publication id>:<n>`,
`restate:<publication id>:<n>`; n counts earlier actions of the same kind, so a post taken down and
cleared again is published again, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from store.models import OutboxAction, Post, Publication, Source, get_existing, rowcount, utcnow
from store.publication import REMOTE, clearances, cleared, cleared_by, mark_withdrawn, record_copy, withdrawals_due

PENDING, CLAIMED, DONE, CANCELLED, FAILED = "pending", "claimed", "done", "cancelled", "failed"
BOOST, TOOT, UNBOOST, DELETE, RESTATE = "boost", "toot", "unboost", "delete", "restate"
PUBLISHING, WITHDRAWING = (BOOST, TOOT), (UNBOOST, DELETE)
# Withdrawals go first: taking a post down matters more than putting one up.
_ORDER = {UNBOOST: 0, DELETE: 0, RESTATE: 1, BOOST: 2, TOOT: 2}


@dataclass(frozen=True)
class PostForToot:
    """What a link toot says about a post: never its text."""

    post_id: int
    platform: str
    platform_id: str
    url: str
    title: str | None
    author: str
    source_name: str | None
    content_warning: str | None
    sensitive: bool


@dataclass(frozen=True)
class Claimed:
    """An action this process now holds, with what it needs to be carried out."""

    id: int
    key: str
    action: str
    post: PostForToot | None
    cleared_by: str | None
    target: str | None
    remote_id: str | None
    attempts: int


@dataclass
class PlanReport:
    publish: int = 0
    withdraw: int = 0
    restate: int = 0
    cancelled: int = 0


def copy_location(action: str, remote_id: str) -> str:
    """A publication row's location: what to undo, and how (`boost:<status id>`, `toot:<status id>`)."""
    return f"{'boost' if action == BOOST else 'toot'}:{remote_id}"


def _count(session: Session, prefix: str) -> int:
    return session.execute(select(func.count()).select_from(OutboxAction)
                           .where(OutboxAction.key.startswith(prefix))).scalar_one()


def _open(session: Session, channel: str, actions: tuple[str, ...], **match) -> bool:
    q = select(OutboxAction.id).where(OutboxAction.channel == channel, OutboxAction.state.in_((PENDING, CLAIMED)),
                                      OutboxAction.action.in_(actions))
    for column, value in match.items():
        q = q.where(getattr(OutboxAction, column) == value)
    return session.scalar(q.limit(1)) is not None


def plan(session: Session, channel: str, since: datetime, publish_new: bool = True,
         platforms_to_boost: tuple[str, ...] = ("mastodon",), now: datetime | None = None) -> PlanReport:
    """Plan what the gate asks of the channel now (see the module docstring). Posts published before
    `since` are not put up (switching the channel on does not flood it with the back catalogue);
    with `publish_new` off (the channel is paused) only withdrawals and restatements are planned."""
    now = now or utcnow()
    report = PlanReport()
    for pub_id, location, post_id in withdrawals_due(session, channel, limit=10_000):
        if _open(session, channel, WITHDRAWING, publication_id=pub_id):
            continue
        kind, _, remote_id = location.partition(":")
        n = _count(session, f"withdraw:{pub_id}:")
        session.add(OutboxAction(channel=channel, key=f"withdraw:{pub_id}:{n}", post_id=post_id, publication_id=pub_id,
                                 action=UNBOOST if kind == "boost" else DELETE, target=remote_id, state=PENDING,
                                 attempts=0, created_at=now))
        report.withdraw += 1
    live_toots = session.execute(
        select(Publication.id, Publication.post_id, Publication.cleared_by, Publication.location)
        .where(Publication.channel == channel, Publication.withdrawn_at.is_(None),
               Publication.location.startswith("toot:"))).all()
    now_cleared = clearances(session, [post_id for _, post_id, _, _ in live_toots])
    for pub_id, post_id, stated, location in live_toots:
        actual = now_cleared.get(post_id)
        if actual is None or actual == stated or _open(session, channel, (RESTATE,), publication_id=pub_id):
            continue
        n = _count(session, f"restate:{pub_id}:")
        session.add(OutboxAction(channel=channel, key=f"restate:{pub_id}:{n}", post_id=post_id, publication_id=pub_id,
                                 action=RESTATE, cleared_by=actual, target=location.partition(":")[2], state=PENDING,
                                 attempts=0, created_at=now))
        report.restate += 1
    if publish_new:
        live = select(Publication.post_id).where(Publication.channel == channel, Publication.withdrawn_at.is_(None))
        planned = select(OutboxAction.post_id).where(
            OutboxAction.channel == channel, OutboxAction.action.in_(PUBLISHING),
            OutboxAction.state.in_((PENDING, CLAIMED, FAILED)), OutboxAction.post_id.is_not(None))
        q = (select(Post.id, Post.platform, Post.platform_id, cleared_by())
             .where(cleared(), Post.published_at >= since, Post.id.not_in(live), Post.id.not_in(planned))
             .order_by(Post.published_at, Post.id))
        for post_id, platform, platform_id, by in session.execute(q).all():
            n = _count(session, f"publish:{post_id}:")
            action = BOOST if platform in platforms_to_boost else TOOT
            session.add(OutboxAction(channel=channel, key=f"publish:{post_id}:{n}", post_id=post_id, action=action,
                                     cleared_by=by, target=platform_id if action == BOOST else None, state=PENDING,
                                     attempts=0, created_at=now))
            report.publish += 1
    session.flush()
    return report


def due(session: Session, channel: str, now: datetime | None = None, limit: int = 100) -> list[int]:
    """Pending actions whose time has come: withdrawals first, then restatements, then new posts."""
    now = now or utcnow()
    rows = session.execute(
        select(OutboxAction.id, OutboxAction.action)
        .where(OutboxAction.channel == channel, OutboxAction.state == PENDING,
               (OutboxAction.next_attempt_at.is_(None)) | (OutboxAction.next_attempt_at <= now))
        .order_by(OutboxAction.id)).all()
    return [i for i, _ in sorted(rows, key=lambda r: (_ORDER[r[1]], r[0]))][:limit]


def abandoned(session: Session, channel: str) -> list[int]:
    """Actions left `claimed` by a publisher that is gone (call it while holding the channel's lease)."""
    return list(session.scalars(select(OutboxAction.id).where(OutboxAction.channel == channel,
                                                              OutboxAction.state == CLAIMED).order_by(OutboxAction.id)))


def post_for_toot(session: Session, post_id: int) -> PostForToot | None:
    row = session.execute(select(Post, Source.name).outerjoin(Source, Source.id == Post.source_id)
                          .where(Post.id == post_id)).first()
    if row is None:
        return None
    p, source = row
    return PostForToot(p.id, p.platform, p.platform_id, p.url, p.title, p.author, source, p.content_warning,
                       bool(p.sensitive))


def still_wanted(session: Session, row: OutboxAction) -> bool:
    """Ask the gate again: is this action still right? (Called at every claim and reconciliation.)"""
    if row.action in PUBLISHING:
        return row.post_id is not None and row.post_id in clearances(session, [row.post_id])
    pub = session.get(Publication, row.publication_id) if row.publication_id else None
    if pub is None or pub.withdrawn_at is not None:
        return False  # already gone: nothing to undo or restate
    now_cleared = clearances(session, [pub.post_id])
    if row.action in WITHDRAWING:
        return pub.post_id not in now_cleared
    return now_cleared.get(pub.post_id) == row.cleared_by  # restate: to what is true now


def claim(session: Session, action_id: int, owner: str, now: datetime | None = None) -> Claimed | None:
    """Take a pending action for this process; None when someone else has it or the gate no longer
    wants it (then it is cancelled). Commit before acting on the answer."""
    now = now or utcnow()
    taken = rowcount(session.execute(
        update(OutboxAction).where(OutboxAction.id == action_id, OutboxAction.state == PENDING)
        .values(state=CLAIMED, claimed_by=owner, claimed_at=now, attempts=OutboxAction.attempts + 1)
        .execution_options(synchronize_session=False)))
    if taken != 1:
        return None
    row = get_existing(session, OutboxAction, action_id)
    session.refresh(row)
    if not still_wanted(session, row):
        cancel(session, action_id, now)
        return None
    if row.action in PUBLISHING:  # say how it is cleared now, not when it was planned
        assert row.post_id is not None  # still_wanted: a publishing action's post is there and cleared
        row.cleared_by = clearances(session, [row.post_id])[row.post_id]
        session.flush()
    return _claimed(session, row)


def take_over(session: Session, action_id: int, owner: str, now: datetime | None = None) -> Claimed | None:
    """Adopt an abandoned (`claimed`) action for reconciliation. The gate is not asked first: whether
    the copy was made is a fact about the remote, and a copy made must be recorded (and then undone
    if its post is no longer cleared), never forgotten."""
    now = now or utcnow()
    taken = rowcount(session.execute(
        update(OutboxAction).where(OutboxAction.id == action_id, OutboxAction.state == CLAIMED)
        .values(claimed_by=owner, claimed_at=now)
        .execution_options(synchronize_session=False)))
    if taken != 1:
        return None
    row = get_existing(session, OutboxAction, action_id)
    session.refresh(row)
    return _claimed(session, row)


def cancel(session: Session, action_id: int, now: datetime | None = None) -> None:
    row = get_existing(session, OutboxAction, action_id)
    row.state, row.done_at = CANCELLED, now or utcnow()
    session.flush()


def _claimed(session: Session, row: OutboxAction) -> Claimed:
    post = post_for_toot(session, row.post_id) if row.post_id else None
    return Claimed(row.id, row.key, row.action, post, row.cleared_by, row.target, row.remote_id, row.attempts)


def note_remote(session: Session, action_id: int, remote_id: str) -> None:
    """Remember the remote id an action is about to act on (the boosted status), before acting."""
    session.execute(update(OutboxAction).where(OutboxAction.id == action_id).values(remote_id=remote_id))


def complete(session: Session, action_id: int, remote_id: str | None = None, remote_url: str | None = None,
             now: datetime | None = None) -> None:
    """The remote did it: record the copy made (or close the copy undone), and mark the action done."""
    now = now or utcnow()
    row = get_existing(session, OutboxAction, action_id)
    if row.action in PUBLISHING:
        # Claimed: the post was there and cleared, and claim() wrote how (post_id is SET NULL only
        # if the post is deleted since; then there is no post to record the copy of, so say so).
        if remote_id is None or row.post_id is None or row.cleared_by is None:
            raise ValueError(f"outbox action {row.key}: a copy made needs its remote id, post and clearance "
                             f"(remote_id={remote_id!r}, post_id={row.post_id!r}, cleared_by={row.cleared_by!r})")
        row.publication_id = record_copy(session, row.channel, copy_location(row.action, remote_id), row.post_id,
                                         row.cleared_by, kind=REMOTE, now=now)
    elif row.action in WITHDRAWING and row.publication_id:
        mark_withdrawn(session, [row.publication_id], now=now)
    elif row.action == RESTATE and row.publication_id:
        if row.cleared_by is None:  # planned with one; the copy's row cannot hold none
            raise ValueError(f"outbox action {row.key}: a restate needs the clearance it states")
        get_existing(session, Publication, row.publication_id).cleared_by = row.cleared_by
    row.remote_id = remote_id or row.remote_id
    row.remote_url = remote_url or row.remote_url
    row.state, row.done_at, row.error = DONE, now, None
    session.flush()


def gone(session: Session, action_id: int, now: datetime | None = None) -> None:
    """The copy an undo or restate was for is no longer on the remote: close it, and the action."""
    now = now or utcnow()
    row = get_existing(session, OutboxAction, action_id)
    if row.publication_id:
        mark_withdrawn(session, [row.publication_id], reason="gone from the remote", now=now)
    row.state, row.done_at, row.error = DONE, now, "gone from the remote"
    session.flush()


def retry_later(session: Session, action_id: int, error: str, when: datetime, count_attempt: bool = True) -> None:
    """Put the action back to wait until `when` (a transient failure, or the remote's rate limit)."""
    row = get_existing(session, OutboxAction, action_id)
    row.state, row.error, row.next_attempt_at = PENDING, error[:1000], when
    if not count_attempt:
        row.attempts = max(0, row.attempts - 1)
    session.flush()


def fail(session: Session, action_id: int, error: str, now: datetime | None = None) -> None:
    """Give up on a publish action (the post cannot be found on our instance, or was refused)."""
    row = get_existing(session, OutboxAction, action_id)
    row.state, row.error, row.done_at = FAILED, error[:1000], now or utcnow()
    session.flush()


def known_toot_ids(session: Session, channel: str) -> set[str]:
    """Our toots the outbox already accounts for (reconciliation must not adopt one twice)."""
    return set(session.scalars(select(OutboxAction.remote_id).where(
        OutboxAction.channel == channel, OutboxAction.action == TOOT, OutboxAction.state == DONE,
        OutboxAction.remote_id.is_not(None))))


def backoff(attempts: int, base_s: float = 30.0, cap_s: float = 15 * 60) -> timedelta:
    """30 s, 1, 2, 4 ... minutes, at most 15: withdrawals never give up, so they must not hammer."""
    return timedelta(seconds=min(cap_s, base_s * 2 ** max(0, attempts - 1)))
