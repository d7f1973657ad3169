"""Re-check recent Mastodon and Bluesky posts: erase the ones deleted upstream, store the edits.

Feeds have no deletions (an item leaving a feed's window is not one), so only platforms whose
registry entry has a `recheck` are asked (collectors/registry.py). Each source's recent live posts
are re-read in a bounded batch; a post gone upstream is erased (`apply_deletions`), an edited one
is upserted (`upsert_posts`, which takes it out of every published channel and has it classified
again). A failed check erases nothing and is reported, and so is every post that could not be
checked, with why: a report never claims a check it did not make.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.engine import Engine

from collectors.base import StoredPost, describe_crash
from collectors.registry import collector_for, recheck_source
from peerfeed.records import Platform
from peerfeed.settings import Settings
from store.db import transaction
from store.models import Post, Source, utcnow
from store.posts import apply_deletions
from store.sources import to_config, upsert_posts_isolating

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DeletionReport:
    source: str
    checked: int
    erased: int
    error: str | None = None
    updated: int = 0
    unchecked: list[str] = field(default_factory=list)  # "<post id>: why", never its text
    error_kind: str | None = None

    @property
    def failed(self) -> bool:
        return self.error is not None


def recent_posts(engine: Engine, source_id: int, limit: int, max_age: timedelta) -> list[StoredPost]:
    """A source's newest live posts, at most `limit`, within `max_age`, as a re-check needs them."""
    with transaction(engine) as s:
        q = (select(Post.platform_id, Post.extra, Post.updated_at)
             .where(Post.source_id == source_id, Post.deleted_at.is_(None), Post.published_at >= utcnow() - max_age)
             .order_by(Post.published_at.desc()).limit(limit))
        return [StoredPost(pid, extra, updated) for pid, extra, updated in s.execute(q)]


def check_deletions(engine: Engine, settings: Settings, per_source: int = 40,
                    max_age: timedelta = timedelta(days=14), **checker_options) -> list[DeletionReport]:
    """Re-check each enabled source's recent posts on platforms that have deletions."""
    platforms = [p.value for p in Platform if collector_for(p).recheck is not None]
    with transaction(engine) as s:
        sources = [(src.id, to_config(src)) for src in s.scalars(
            select(Source).where(Source.enabled.is_(True), Source.platform.in_(platforms)).order_by(Source.id))]
    reports = []
    for source_id, config in sources:
        stored = recent_posts(engine, source_id, per_source, max_age)
        if not stored:
            continue
        try:
            outcome = recheck_source(config, stored, settings, **checker_options)
        except Exception as exc:  # noqa: BLE001 - a checker bug must not stop the other sources
            where = describe_crash(exc)
            log.error("re-check crashed source=%s error=%s", config.name, where)
            reports.append(DeletionReport(config.name, 0, 0, f"internal error: {where}", error_kind="internal"))
            continue
        if outcome is None:  # the platform has no re-check (such sources are not listed above)
            continue
        with transaction(engine) as s:
            counts, refused = upsert_posts_isolating(s, outcome.posts, source_id)
            erased = apply_deletions(s, outcome.deletions)
        unchecked = [f"{pid}: {outcome.why_unchecked.get(pid, 'not checked')}" for pid in outcome.unchecked]
        reports.append(DeletionReport(config.name, outcome.checked, erased, outcome.error,
                                      updated=counts.updated, unchecked=unchecked + refused,
                                      error_kind=outcome.error_kind.value if outcome.error_kind else None))
        log.info("re-checked source=%s checked=%d erased=%d updated=%d unchecked=%d", config.name, outcome.checked,
                 erased, counts.updated, len(unchecked))
    return reports


def summary(reports: list[DeletionReport]) -> str:
    """One line for the end of a re-check run."""
    failed = [r.source for r in reports if r.failed]
    line = (f"{len(reports)} sources, {sum(r.checked for r in reports)} posts checked, "
            f"{sum(r.erased for r in reports)} erased, {sum(r.updated for r in reports)} updated, "
            f"{sum(len(r.unchecked) for r in reports)} not checkable, {len(failed)} failed")
    return line + (": " + ", ".join(failed) if failed else "")
