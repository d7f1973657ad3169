"""The classification backlog cut into id ranges, so batches can run on many workers at once."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Classification, Post


def unclassified_id_ranges(session: Session, batch_size: int = 500) -> list[tuple[int, int]]:
    """(first id, last id) of consecutive runs of `batch_size` live, unclassified posts.

    Ranges never overlap, so two workers never classify the same post; a post stored after the
    ranges were cut waits for the next run.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    ids = session.scalars(
        select(Post.id)
        .outerjoin(Classification, Classification.post_id == Post.id)
        .where(Classification.id.is_(None), Post.deleted_at.is_(None))
        .order_by(Post.id)
    ).all()
    return [(ids[i], ids[min(i + batch_size, len(ids)) - 1]) for i in range(0, len(ids), batch_size)]
