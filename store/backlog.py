"""The classification backlog cut into id ranges, so batches can run on many workers at once."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.classification import needing_a_reading
from store.models import Post


def unclassified_id_ranges(session: Session, batch_size: int = 500,
                           model_version: str | None = None) -> list[tuple[int, int]]:
    """(first id, last id) of consecutive runs of `batch_size` posts needing a reading (unclassified,
    edited since their reading, or, with `model_version`, left by another model version).

    Ranges never overlap, so two workers never classify the same post; a post stored after the
    ranges were cut waits for the next run.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    ids = session.scalars(needing_a_reading(select(Post.id), model_version).order_by(Post.id)).all()
    return [(ids[i], ids[min(i + batch_size, len(ids)) - 1]) for i in range(0, len(ids), batch_size)]
