"""The publication gate: the one place that decides whether a reader may see a post.

A post is **cleared** for readers when all of these hold, checked in SQL by `cleared()`:

- it is live (not deleted upstream) and its review item is `approved`;
- the approval was given for the post's current text (`review_items.cleared_hash` equals
  `posts.text_hash`), so an edit upstream voids it;
- and either a person approved it (the role was checked when they acted: store/review.py), or the
  model did, with a reading of this very text (`classifications.text_hash`) by the current model
  (`current_model`), at level 0, with no need for review. The classifier asks for review whenever it
  cannot read a text or is not far enough from the line, and the store records a non-finite score as
  a failure, so "no need for review" is a confident level 0 of readable text.

Every outward channel lists its posts through `cleared()` (registered in `CHANNELS`, checked by
tests/store/test_publication_gate.py). Channels that leave copies behind (files, remote boosts)
record them with `record_publication`; when a copy's post stops being cleared, for any reason,
`settle` (run before every commit by `store.db.transaction`) finds it and the copy is withdrawn:
files at once after the commit (`withdraw_files`), remote copies by their channel's publisher,
which reads `withdrawals_due`. Email cannot be recalled, so it carries only posts a person reviewed
(`cleared(reviewed_only=True)`).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterable, Mapping

from sqlalchemy import and_, case, exists, insert, not_, or_, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql.elements import ColumnElement

from peerfeed import artefacts
from store.classification import MODEL
from store.models import Classification, CurrentModel, Post, Publication, ReviewItem, ReviewState, utcnow

log = logging.getLogger(__name__)

MODERATOR = "moderator"  # how a post was cleared: a person approved it ...
# ... or the model did (MODEL, "model"). What each channel tells its readers:
CLEARANCE_TEXT = {
    MODERATOR: "Reviewed by a moderator",
    MODEL: "Published automatically, not yet reviewed by a person",
}

FILE, REMOTE, SENT = "file", "remote", "sent"  # publication kinds: withdrawn here, by outbox, never


@dataclass(frozen=True)
class Channel:
    """One way posts reach readers. `kind`: live (reads the gate on every request), file, remote, sent."""

    name: str
    kind: str
    reads_through: str  # the function that lists its posts through `cleared()`
    platforms: tuple[str, ...] | None = None  # the platforms whose posts it carries (None: all)
    reviewed_only: bool = False  # only posts a person approved (`cleared(reviewed_only=True)`)


# Every outward channel. A new one is added here, and tests/store/test_publication_gate.py then
# fails until it has a check that lists the channel's posts and compares them with the gate.
CHANNELS = {
    "dashboard_digest": Channel("dashboard_digest", "live", "store.queries.digest"),
    "static_digest": Channel("static_digest", FILE, "store.digest.digest_entries"),
    "bluesky_feed": Channel("bluesky_feed", "live", "store.feed.feed_page", platforms=("bluesky",)),
    "fediverse": Channel("fediverse", REMOTE, "store.outbox.plan"),
    "weekly_email": Channel("weekly_email", SENT, "store.digest.digest_entries", reviewed_only=True),
}


def _current_model():
    return select(CurrentModel.version).where(CurrentModel.id == 1).scalar_subquery()


def cleared(reviewed_only: bool = False) -> ColumnElement[bool]:
    """The SQL condition "a reader may see this post" for any query over `Post`.

    With `reviewed_only`, only posts a person approved (for channels that cannot take a post back).
    """
    item, reading = aliased(ReviewItem), aliased(Classification)
    by_person = and_(item.decided_by.is_not(None), item.decided_by != MODEL)
    # Both subqueries name the outer query's `posts` row explicitly (a nested EXISTS would otherwise
    # read `posts` as a table of its own, and match any post's reading).
    by_model = and_(item.decided_by == MODEL, exists().where(
        reading.post_id == Post.id, reading.text_hash == Post.text_hash, reading.model_version == _current_model(),
        reading.needs_review.is_(False), reading.distress == 0, reading.error.is_(None)).correlate(Post))
    return and_(Post.deleted_at.is_(None), Post.text_hash.is_not(None), exists().where(
        item.post_id == Post.id, item.state == ReviewState.APPROVED.value, item.cleared_hash == Post.text_hash,
        by_person if reviewed_only else or_(by_person, by_model)).correlate(Post))


def cleared_by() -> ColumnElement[str]:
    """Who cleared a post, for a query over cleared posts: "moderator" or "model"."""
    item = aliased(ReviewItem)
    return (select(case((item.decided_by == MODEL, MODEL), else_=MODERATOR))
            .where(item.post_id == Post.id).correlate(Post).scalar_subquery())


def clearances(session: Session, post_ids: Iterable[int], reviewed_only: bool = False) -> dict[int, str]:
    """The posts among `post_ids` that are cleared now, each with who cleared it."""
    ids = list(dict.fromkeys(int(i) for i in post_ids))
    out: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        q = select(Post.id, cleared_by()).where(Post.id.in_(ids[start:start + 500]), cleared(reviewed_only))
        out.update(session.execute(q).all())
    return out


def is_cleared(session: Session, post_id: int) -> bool:
    """True when a reader may see the post now."""
    return post_id in clearances(session, [post_id])


# --- copies left behind: record, settle, withdraw ------------------------------------------------------

def record_publication(session: Session, channel: str, location: str, posts: Mapping[int, str],
                       kind: str = FILE, now: datetime | None = None) -> None:
    """Record that `location` (a file, a remote id, a mailing) now holds exactly `posts`
    ({post id: cleared by}). Rows of posts no longer in it are closed as "rebuilt".

    Call it before writing a file (so a crash leaves the copy known) and again after (a post
    withdrawn while the file was being written is then found by `settle` and taken out).
    """
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}: add it to store.publication.CHANNELS")
    now = now or utcnow()
    existing = dict(session.execute(select(Publication.post_id, Publication.id).where(
        Publication.channel == channel, Publication.location == location)).all())
    fresh = [{"channel": channel, "kind": kind, "location": location, "post_id": pid, "cleared_by": by,
              "published_at": now} for pid, by in posts.items() if pid not in existing]
    if fresh:
        session.execute(insert(Publication), fresh)
    again = [existing[pid] for pid in posts if pid in existing]
    for start in range(0, len(again), 500):
        session.execute(update(Publication).where(Publication.id.in_(again[start:start + 500]),
                                                  Publication.withdrawn_at.is_not(None))
                        .values(withdrawn_at=None, withdraw_reason=None, published_at=now)
                        .execution_options(synchronize_session=False))
    gone = [row_id for pid, row_id in existing.items() if pid not in posts]
    for start in range(0, len(gone), 500):
        session.execute(update(Publication).where(Publication.id.in_(gone[start:start + 500]),
                                                  Publication.withdrawn_at.is_(None))
                        .values(withdrawn_at=now, withdraw_reason="rebuilt")
                        .execution_options(synchronize_session=False))
    session.flush()


def record_copy(session: Session, channel: str, location: str, post_id: int, cleared_by: str,
                kind: str = REMOTE, now: datetime | None = None) -> int:
    """Record one copy of one post (a boost, a toot, a post in a mailing), leaving every other post at
    `location` alone (unlike `record_publication`, which says what a whole file holds). A copy that
    was withdrawn and is made again is reopened. Returns the publication id."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}: add it to store.publication.CHANNELS")
    now = now or utcnow()
    row = session.scalar(select(Publication).where(Publication.channel == channel, Publication.location == location,
                                                   Publication.post_id == post_id))
    if row is None:
        row = Publication(channel=channel, kind=kind, location=location, post_id=post_id, cleared_by=cleared_by,
                          published_at=now)
        session.add(row)
    else:
        row.kind, row.cleared_by, row.published_at, row.withdrawn_at, row.withdraw_reason = (
            kind, cleared_by, now, None, None)
    session.flush()
    return row.id


def _uncleared_copies(kinds: tuple[str, ...], channel: str | None = None):
    q = (select(Publication.id, Publication.channel, Publication.location, Publication.post_id)
         .join(Post, Post.id == Publication.post_id)
         .where(Publication.withdrawn_at.is_(None), Publication.kind.in_(kinds), not_(cleared()))
         .order_by(Publication.id))
    return q.where(Publication.channel == channel) if channel else q


def settle(session: Session) -> list[tuple[int, str, int]]:
    """Copies in files whose post is no longer cleared: [(publication id, file, post id)].

    `store.db.transaction` calls it just before a commit that wrote anything, and hands the answer
    to `withdraw_files` just after. It reads and changes nothing else, so it is safe anywhere.
    """
    return [(row_id, location, post_id) for row_id, _, location, post_id
            in session.execute(_uncleared_copies((FILE,)))]


def withdraw_files(engine: Engine, copies: list[tuple[int, str, int]], now: datetime | None = None) -> int:
    """Take each post out of each file it is in, then close those publication rows.

    Rows are closed only after their file is rewritten: if this process dies in between, the rows
    stay open and the next `settle` finds them again. A file that cannot be rewritten is logged and
    left open for the next try. Returns the number of rows closed.
    """
    by_file: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for row_id, location, post_id in copies:
        by_file[location].append((row_id, post_id))
    done: list[int] = []
    for location, rows in by_file.items():
        try:
            artefacts.scrub(Path(location), [post_id for _, post_id in rows])
        except OSError as exc:
            log.error("could not withdraw %d posts from published file %s: %s; retried at the next commit",
                      len(rows), location, exc)
            continue
        done += [row_id for row_id, _ in rows]
    if done:
        # A plain connection, not store.db.transaction: closing rows needs no settling of its own.
        with engine.begin() as conn:
            conn.execute(update(Publication).where(Publication.id.in_(done), Publication.withdrawn_at.is_(None))
                         .values(withdrawn_at=now or utcnow(), withdraw_reason="no longer cleared"))
        log.info("withdrew %d posts from %d published files", len(done), len(by_file))
    return len(done)


def withdrawals_due(session: Session, channel: str, limit: int = 100) -> list[tuple[int, str, int]]:
    """Remote copies on `channel` whose post is no longer cleared: [(publication id, remote id, post id)],
    for the channel's publisher to undo and then `mark_withdrawn`."""
    return [(row_id, location, post_id) for row_id, _, location, post_id
            in session.execute(_uncleared_copies((REMOTE,), channel).limit(limit))]


def mark_withdrawn(session: Session, publication_ids: Iterable[int], reason: str = "no longer cleared",
                   now: datetime | None = None) -> None:
    """Close publication rows once their copies are gone."""
    ids = list(publication_ids)
    if ids:
        session.execute(update(Publication).where(Publication.id.in_(ids), Publication.withdrawn_at.is_(None))
                        .values(withdrawn_at=now or utcnow(), withdraw_reason=reason)
                        .execution_options(synchronize_session=False))


def live_copies(session: Session, post_id: int) -> list[Publication]:
    """Where a post is published now (for moderators, and for tests)."""
    return list(session.scalars(select(Publication).where(Publication.post_id == post_id,
                                                          Publication.withdrawn_at.is_(None))))
