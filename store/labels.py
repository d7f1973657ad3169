"""Moderators' labels as training examples for the classifier's guarded retraining."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Label, Post


def training_labels(session: Session) -> list[tuple[str, int, list[str] | None]]:
    """(text, distress, topics) per labelled live post; the latest label of a post wins.

    A correction may set only the level or only the topics: each field takes the latest label that
    set it, so a later topics-only correction does not erase an earlier level. Posts with no level
    from anyone are left out (the classifier needs a level for every example); `topics` is None
    when no moderator has said which topics apply. Deleted posts have no text and are skipped.
    """
    rows = session.execute(
        select(Label.post_id, Label.distress, Label.topics, Post.title, Post.content_text, Post.content_warning)
        .join(Post, Post.id == Label.post_id)
        .where(Post.deleted_at.is_(None))
        .order_by(Label.post_id, Label.created_at, Label.id)
    ).all()
    latest: dict[int, dict] = {}
    for post_id, distress, topics, title, text, cw in rows:
        entry = latest.setdefault(post_id, {"text": "\n\n".join(p for p in (cw, title, text) if p),
                                            "distress": None, "topics": None})
        if distress is not None:
            entry["distress"] = distress
        if topics is not None:
            entry["topics"] = list(topics)
    return [(e["text"], e["distress"], e["topics"]) for e in latest.values()
            if e["distress"] is not None and e["text"]]
