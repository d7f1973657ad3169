"""Moderators' actions as plain functions: one transaction each, through store.review.

Each takes the item's id and the `version` the moderator saw; `Conflict` reaches the caller when
someone else acted first, so the page can say so.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Sequence

from sqlalchemy.engine import Engine

from store import review
from store.db import transaction

class Conflict(Exception):
    """Someone else changed the item first; carries what it is now, read before the rollback."""

    def __init__(self, item_id: int, state: str | None, by: str | None):
        self.item_id, self.state, self.by = item_id, state, by
        if state is None:
            message = "Not saved: this post is no longer in the queue."
        else:
            message = (f"Not saved: {by or 'another moderator'} changed this post while you were looking "
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
            raise Conflict(exc.item_id, None if cur is None else cur.state,
                           None if cur is None else (cur.decided_by or cur.assignee)) from exc


ACTIONS = {
    "approve": review.approve,
    "hide": review.hide,
    "escalate": review.escalate,
}

DONE = {"approve": "Approved: it is in the digest now.", "hide": "Hidden from the digest.",
        "escalate": "Escalated to a senior moderator.", "assign": "Assigned to you.",
        "note": "Note saved.", "correct": "Correction saved as a training label."}


def decide(engine: Engine, action: str, item_id: int, version: int, actor: str, note: str | None = None) -> str:
    """Approve, hide or escalate one item; returns the message to show."""
    with _command(engine, actor) as s:
        ACTIONS[action](s, item_id, version, actor, note=note or None)
    return DONE[action]


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
