"""Moderators' actions as plain functions: one transaction each, through store.review.

Each takes the item's id and the `version` the moderator saw; `store.review.ReviewConflict`
reaches the caller when someone else acted first, so the page can say so.
"""

from __future__ import annotations

from typing import Sequence

from sqlalchemy.engine import Engine

from store import review
from store.db import transaction

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
    with transaction(engine) as s:
        ACTIONS[action](s, item_id, version, actor, note=note or None)
    return DONE[action]


def assign_to_me(engine: Engine, item_id: int, version: int, actor: str) -> str:
    with transaction(engine) as s:
        review.assign(s, item_id, version, actor)
    return DONE["assign"]


def add_note(engine: Engine, item_id: int, version: int, actor: str, note: str) -> str:
    if not note.strip():
        raise ValueError("write a note first")
    with transaction(engine) as s:
        review.add_note(s, item_id, version, actor, note.strip())
    return DONE["note"]


def correct(engine: Engine, item_id: int, version: int, actor: str, level: int | None,
            topics: Sequence[str] | None) -> str:
    with transaction(engine) as s:
        review.correct(s, item_id, version, actor, level=level, topics=topics)
    return DONE["correct"]


def bulk_approve(engine: Engine, items: Sequence[tuple[int, int]], actor: str) -> str:
    """Approve level-1 items together: all or none (one conflict or higher level stops the lot)."""
    if not items:
        raise ValueError("choose at least one item")
    with transaction(engine) as s:
        review.bulk_approve(s, list(items), actor)
    return f"Approved {len(items)} level-1 posts."
