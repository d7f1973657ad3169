"""Re-check recent Mastodon and Bluesky posts and erase the ones deleted upstream.

Feeds have no deletions (an item leaving a feed's window is not one), so only the two social
platforms are asked. Each source's recent live posts are re-checked in a bounded batch; a failed
check erases nothing and is reported.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.engine import Engine

from peerfeed.records import Platform
from peerfeed.settings import Settings
from store.db import transaction
from store.models import Post, Source, utcnow
from store.posts import apply_deletions
from store.sources import to_config

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeletionReport:
    source: str
    checked: int
    erased: int
    error: str | None = None


def _checker(platform: Platform):
    if platform is Platform.MASTODON:
        from collectors.mastodon_deletions import check_deleted

        return check_deleted
    if platform is Platform.BLUESKY:
        from collectors.bluesky import check_deleted

        return check_deleted
    return None


def recent_post_ids(engine: Engine, source_id: int, limit: int, max_age: timedelta) -> list[str]:
    """Platform ids of a source's newest live posts, at most `limit`, within `max_age`."""
    with transaction(engine) as s:
        q = (select(Post.platform_id).where(Post.source_id == source_id, Post.deleted_at.is_(None),
                                            Post.published_at >= utcnow() - max_age)
             .order_by(Post.published_at.desc()).limit(limit))
        return list(s.scalars(q))


def check_deletions(engine: Engine, settings: Settings, per_source: int = 40,
                    max_age: timedelta = timedelta(days=14), **checker_options) -> list[DeletionReport]:
    """Ask each enabled Mastodon/Bluesky source about its recent posts; erase the deleted ones."""
    with transaction(engine) as s:
        sources = [(src.id, to_config(src)) for src in s.scalars(
            select(Source).where(Source.enabled.is_(True), Source.platform.in_(["mastodon", "bluesky"])))]
    reports = []
    for source_id, config in sources:
        ids = recent_post_ids(engine, source_id, per_source, max_age)
        if not ids:
            continue
        check = _checker(config.platform)
        options = dict(checker_options) if config.platform is Platform.MASTODON else {}
        try:
            outcome = check(config, ids, settings, **options)
        except Exception as exc:  # noqa: BLE001 - a checker bug must not stop the other sources
            log.exception("deletion check crashed", extra={"source": config.name})
            reports.append(DeletionReport(config.name, len(ids), 0, f"internal error: {exc!r}"))
            continue
        with transaction(engine) as s:
            erased = apply_deletions(s, outcome.deletions)
        reports.append(DeletionReport(config.name, len(ids), erased, getattr(outcome, "error", None)))
    return reports
