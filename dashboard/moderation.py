"""Moderators' actions as plain functions: one transaction each, through store.review.

Each takes the item's id and the `version` the moderator saw; `Conflict` reaches the caller when
someone else acted first, so the page can say so.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Sequence

from sqlalchemy import select
from sqlalchemy.engine import Engine

from store import desk, review
from store.db import transaction
from store.models import ReviewItem

# What the audit log's actions mean, as the conflict message says them ("mod.bea hid this post").
DID = {"approve": "approved", "hide": "hid", "escalate": "escalated", "assign": "assigned", "unassign": "unassigned",
       "note": "added a note to", "correct": "corrected", "reopen": "reopened",
       "edited_upstream": "(the author) edited", "deleted_upstream": "(the author) deleted"}


class Conflict(Exception):
    """Someone else changed the item first; carries what it is now and who did what last, read
    before the rollback."""

    def __init__(self, item_id: int, state: str | None, by: str | None, action: str | None = None,
                 at=None):
        self.item_id, self.state, self.by, self.action = item_id, state, by, action
        if state is None:
            message = "Not saved: this post is no longer in the queue."
        else:
            did = DID.get(action or "", "changed")
            when = f" at {at:%H:%M} UTC" if at is not None else ""
            message = (f"Not saved: {by or 'another moderator'} {did} this post{when} while you were looking "
                       f"(it is now {state}). The queue has been reloaded; please check it again.")
        super().__init__(message)


class NotAllowed(Exception):
    """The person acting may no longer moderate (their role changed since the page was drawn)."""


@contextmanager
def _command(engine: Engine, actor: str) -> Iterator:
    """One transaction, acting only while `actor`'s account (read now) may moderate; a ReviewConflict
    becomes a Conflict holding plain values (the rollback expires the ORM objects the store's
    exception carries), and a refusal by role a NotAllowed."""
    with transaction(engine) as s:
        try:
            review.require_moderator(s, actor, account_required=True)
            yield s
        except review.NotAuthorised:
            raise NotAllowed("Not saved: your account can no longer moderate (an admin changed its role). "
                             "Reload the page; ask an admin if this is wrong.") from None
        except review.ReviewConflict as exc:
            cur = exc.current
            last = desk.last_change(s, exc.item_id) if cur is not None else None
            by = last.actor if last is not None else (None if cur is None else (cur.decided_by or cur.assignee))
            raise Conflict(exc.item_id, None if cur is None else cur.state, by,
                           last.action if last is not None else None, last.at if last is not None else None) from exc


ACTIONS = {
    "approve": review.approve,
    "hide": review.hide,
    "escalate": review.escalate,
}

DONE = {"approve": "Approved: it is in the digest now.", "hide": "Hidden from the digest.",
        "escalate": "Escalated to the lead moderators (their Escalated view).", "assign": "Assigned to you.",
        "note": "Note saved.", "correct": "Correction saved as a training label.",
        "reopen": "Reversed: the post is out of the digest and back in the queue."}


def decide(engine: Engine, action: str, item_id: int, version: int, actor: str, note: str | None = None,
           reason: str | None = None) -> str:
    """Approve, hide or escalate one item (escalation with its reason); returns the message to show."""
    with _command(engine, actor) as s:
        if action == "escalate":
            review.escalate(s, item_id, version, actor, note=note or None, reason=(reason or "").strip() or None)
        else:
            ACTIONS[action](s, item_id, version, actor, note=note or None)
    return DONE[action]


def reopen(engine: Engine, item_id: int, version: int, actor: str, note: str | None = None) -> str:
    """Reverse a decision: the post leaves every channel and waits in the queue again."""
    with _command(engine, actor) as s:
        review.reopen(s, item_id, version, actor, note=(note or "").strip() or None)
    return DONE["reopen"]


def assign_to(engine: Engine, item_id: int, version: int, actor: str, assignee: str | None) -> str:
    """Assign to a moderator (None: unassign)."""
    with _command(engine, actor) as s:
        if assignee:
            review.assign(s, item_id, version, actor, assignee=assignee)
        else:
            review.unassign(s, item_id, version, actor)
    return f"Assigned to {assignee}." if assignee else "Unassigned."


PAST = {"approve": "Approved", "hide": "Hid", "escalate": "Escalated"}


def bulk(engine: Engine, action: str, items: Sequence[tuple[int, int]], actor: str,
         reason: str | None = None) -> tuple[str, list[tuple[int, int, str]]]:
    """Approve, hide or escalate several items, all or none; returns the message and what `undo`
    needs: (item id, its version now, the state it was in)."""
    if not items:
        raise ValueError("choose at least one item")
    with _command(engine, actor) as s:
        before = {i: st for i, st in s.execute(select(ReviewItem.id, ReviewItem.state)
                                              .where(ReviewItem.id.in_([i for i, _ in items])))}
        done = review.bulk_decide(s, action, list(items), actor, reason=(reason or "").strip() or None)
        undo = [(d.id, d.version, before[d.id]) for d in done]
    return f"{PAST[action]} {len(done)} posts.", undo


def undo(engine: Engine, undo_list: Sequence[tuple[int, int, str]], actor: str) -> str:
    """Put the items of a bulk action back where they were (pending or escalated), all or none;
    a post someone has acted on since is a conflict, and nothing is undone."""
    with _command(engine, actor) as s:
        for item_id, version, state in undo_list:
            review.reopen(s, item_id, version, actor, to_state=state, note="undo of a bulk action")
    return f"Undone: {len(undo_list)} posts are back in the queue as they were."


def assign_to_me(engine: Engine, item_id: int, version: int, actor: str) -> str:
    with _command(engine, actor) as s:
        review.assign(s, item_id, version, actor)
    return DONE["assign"]


def add_note(engine: Engine, item_id: int, version: int, actor: str, note: str) -> str:
    if not note.strip():
        raise ValueError("write a note first")
    with _command(engine, actor) as s:
        review.add_note(s, item_id, version, actor, note.strip())
    return DONE["note"]


def correct(engine: Engine, item_id: int, version: int, actor: str, level: int | None,
            topics: Sequence[str] | None) -> str:
    with _command(engine, actor) as s:
        review.correct(s, item_id, version, actor, level=level, topics=topics)
    return DONE["correct"]


def bulk_approve(engine: Engine, items: Sequence[tuple[int, int]], actor: str) -> str:
    """Approve level-1 items together: all or none (one conflict or higher level stops the lot)."""
    if not items:
        raise ValueError("choose at least one item")
    with _command(engine, actor) as s:
        review.bulk_approve(s, list(items), actor)
    return f"Approved {len(items)} level-1 posts."
