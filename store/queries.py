"""Read-side queries for the CLI, flows and dashboard.

What a reader may see is decided by the publication gate alone (`store.publication.cleared()`);
the reader-facing queries here filter through it, whatever other filters a caller adds.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections import Counter
from datetime import datetime, timedelta
from typing import Iterator

from sqlalchemy import String, case, cast, distinct, func, or_, select, text
from sqlalchemy.orm import Session, joinedload

from store.classification import published_by_model
from store.disclosure import K, hidden_cells, suppress
from store.models import (QUEUE_SQL, AlertSent, AuditEntry, Classification, CurrentModel, FetchRun, Label, Post,
                          PostTopic, ReviewItem, ReviewState, Source, ThemeSnapshot)
from store.publication import cleared, cleared_by
from store.search import matches

QUEUE_STATES = (ReviewState.PENDING.value, ReviewState.ESCALATED.value)


def _open_items(states):
    """The queue's state filter; the default one as literal SQL so the partial index applies."""
    if tuple(states) == QUEUE_STATES:
        return text(f"review_items.{QUEUE_SQL}")
    return ReviewItem.state.in_(states)


@dataclass(frozen=True)
class QueueEntry:
    item: ReviewItem
    post: Post
    classification: Classification | None
    source_name: str | None


def review_queue(session: Session, limit: int = 50, offset: int = 0, states=QUEUE_STATES,
                 assignee: str | None = None, post_id: int | None = None) -> list[QueueEntry]:
    """Items awaiting a moderator: escalated and highest level first, then longest waiting.

    Escalation adds 100 to an item's priority (store/classification.py: queue_priority).
    """
    q = (
        select(ReviewItem, Post, Classification, Source.name)
        .join(Post, Post.id == ReviewItem.post_id)
        .outerjoin(Classification, Classification.post_id == Post.id)
        .outerjoin(Source, Source.id == Post.source_id)
        .where(_open_items(states), Post.deleted_at.is_(None))
        .order_by(ReviewItem.priority.desc(), ReviewItem.created_at, ReviewItem.id)
        .limit(limit).offset(offset)
    )
    if assignee is not None:
        q = q.where(ReviewItem.assignee == assignee)
    if post_id is not None:  # an alert's link opens the queue at its post
        q = q.where(ReviewItem.post_id == post_id)
    return [QueueEntry(i, p, c, s) for i, p, c, s in session.execute(q)]


def queue_counts(session: Session) -> dict[str, int]:
    """Items waiting, by level ('failed' for posts the model could not read)."""
    # No join to posts: an upstream deletion hides the item (store/posts.py: apply_deletions).
    q = select(ReviewItem.level, func.count()).where(_open_items(QUEUE_STATES)).group_by(ReviewItem.level)
    return {("failed" if lvl is None else str(lvl)): n for lvl, n in session.execute(q)}


@dataclass(frozen=True)
class ReaderPost:
    """A post a reader may see, with who cleared it ("moderator" or "model")."""
    post: Post
    cleared_by: str

    @property
    def id(self) -> int:
        return self.post.id


def digest(session: Session, limit: int = 20, offset: int = 0, topic: str | None = None,
           platform: str | None = None, since: datetime | None = None, until: datetime | None = None,
           search: str | None = None) -> list[ReaderPost]:
    """Posts cleared for readers, newest first, with optional filters and full-text `search` words."""
    if any(f and "\x00" in f for f in (topic, platform)):
        return []  # no topic or platform has a NUL in its name (and PostgreSQL refuses one as text)
    q = (
        select(Post, cleared_by())
        .options(joinedload(Post.classification), joinedload(Post.source))
        .where(cleared())
        .order_by(Post.published_at.desc(), Post.id.desc())
        .limit(limit).offset(offset)
    )
    if platform:
        q = q.where(Post.platform == platform)
    if since:
        q = q.where(Post.published_at >= since)
    if until:
        q = q.where(Post.published_at < until)
    if topic:
        q = q.where(select(PostTopic.post_id).where(PostTopic.post_id == Post.id, PostTopic.topic == topic).exists())
    if search and search.strip():
        q = q.where(matches(session, search))
    return [ReaderPost(p, by) for p, by in session.execute(q).unique()]


def sources_health(session: Session) -> list[tuple[Source, int]]:
    """Every source with its number of stored posts."""
    counts = dict(session.execute(select(Post.source_id, func.count()).group_by(Post.source_id)).all())
    return [(s, counts.get(s.id, 0)) for s in session.scalars(select(Source).order_by(Source.name))]


def sources_in_error_or_backoff(session: Session, now: datetime) -> list[Source]:
    """Enabled sources whose last fetch failed, or that wait for a later attempt (backoff,
    Retry-After), by name: what a run that skipped them must still report."""
    q = (select(Source).where(Source.enabled.is_(True),
                              or_(Source.last_status == "error", Source.next_attempt_at > now))
         .order_by(Source.name))
    return list(session.scalars(q))


# A fetch run still 'running' after this long belongs to a process that died mid-fetch.
STUCK_FETCH_AFTER = timedelta(minutes=30)


@dataclass(frozen=True)
class StoreStatus:
    """What `peerfeed status` reports from the database (counts, never post text)."""
    queue: dict[str, int]
    unclassified: int
    failed_alerts: int
    sources_waiting: list[Source]
    stuck_fetch_runs: list[tuple[str, datetime]]


def store_status(session: Session, now: datetime) -> StoreStatus:
    """Queue sizes by level, unclassified posts, failed alerts, sources in error or backoff, and
    fetch runs a dead process left running."""
    unclassified = session.scalar(
        select(func.count()).select_from(Post).outerjoin(Classification, Classification.post_id == Post.id)
        .where(Classification.id.is_(None), Post.deleted_at.is_(None)))
    failed = session.scalar(select(func.count()).select_from(AlertSent).where(AlertSent.status == "failed"))
    stuck = session.execute(
        select(Source.name, FetchRun.started_at).join(Source, Source.id == FetchRun.source_id)
        .where(FetchRun.status == "running", FetchRun.started_at < now - STUCK_FETCH_AFTER)
        .order_by(FetchRun.started_at)).all()
    return StoreStatus(queue_counts(session), unclassified or 0, failed or 0,
                       sources_in_error_or_backoff(session, now), [(name, at) for name, at in stuck])


def export_rows(session: Session, batch: int = 1000) -> Iterator[dict]:
    """Every post with its classification and review state, as plain dicts (for `peerfeed export`)."""
    last = 0
    while True:
        q = (
            select(Post, Classification, ReviewItem, Source.name)
            .outerjoin(Classification, Classification.post_id == Post.id)
            .outerjoin(ReviewItem, ReviewItem.post_id == Post.id)
            .outerjoin(Source, Source.id == Post.source_id)
            .where(Post.id > last).order_by(Post.id).limit(batch)
        )
        rows = session.execute(q).all()
        if not rows:
            return
        for post, cls, item, source_name in rows:
            last = post.id
            yield {
                "id": post.id,
                "platform": post.platform,
                "platform_id": post.platform_id,
                "source": source_name,
                "url": post.url,
                "canonical_url": post.canonical_url,
                "story_id": post.story_id,
                "title": post.title,
                "author": post.author,
                "content_warning": post.content_warning,
                "text": post.content_text,
                "tags": post.tags,
                "published_at": post.published_at.isoformat(),
                "deleted": post.deleted_at is not None,
                "classification": None if cls is None else {
                    "model_version": cls.model_version, "topics": cls.topics, "topic_scores": cls.topic_scores,
                    "distress": cls.distress, "distress_score": cls.distress_score,
                    "needs_review": cls.needs_review, "reasons": cls.reasons, "error": cls.error,
                },
                "review": None if item is None else {
                    "state": item.state, "level": item.level, "assignee": item.assignee, "note": item.note,
                    "decided_by": item.decided_by, "version": item.version,
                },
            }


# --- Dashboard: pages, thread context, audit trail -------------------------------------------------

@dataclass(frozen=True)
class Page:
    """One page of results; `has_next` comes from fetching one row more, so no count(*) is needed."""
    rows: list
    page: int
    per_page: int
    has_next: bool


def digest_page(session: Session, page: int = 1, per_page: int = 20, **filters) -> Page:
    """Page `page` (from 1) of `digest(...)` with the same filters."""
    page = max(1, page)
    rows = digest(session, limit=per_page + 1, offset=(page - 1) * per_page, **filters)
    return Page(rows[:per_page], page, per_page, len(rows) > per_page)


def review_page(session: Session, page: int = 1, per_page: int = 20, **kw) -> Page:
    """Page `page` (from 1) of the review queue, riskiest first."""
    page = max(1, page)
    rows = review_queue(session, limit=per_page + 1, offset=(page - 1) * per_page, **kw)
    return Page(rows[:per_page], page, per_page, len(rows) > per_page)


def thread_context(session: Session, post: Post, limit: int = 5) -> list[Post]:
    """Stored posts around this one, for a moderator: the post it replies to, then other posts of the
    same story or thread, oldest first. Deleted posts are left out."""
    conds = []
    if post.reply_to:
        conds.append(Post.platform_id == post.reply_to)
        conds.append(Post.url == post.reply_to)
    if post.thread_url:
        conds.append(Post.thread_url == post.thread_url)
    if post.story_id is not None:
        conds.append(Post.story_id == post.story_id)
    if not conds:
        return []
    q = (select(Post).where(or_(*conds), Post.id != post.id, Post.deleted_at.is_(None))
         .order_by(Post.published_at, Post.id).limit(limit))
    return list(session.scalars(q))


def audit_trail(session: Session, review_item_id: int, limit: int = 20) -> list[AuditEntry]:
    """What people did to one review item, newest first."""
    q = (select(AuditEntry).where(AuditEntry.review_item_id == review_item_id)
         .order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit))
    return list(session.scalars(q))


def platforms(session: Session) -> list[str]:
    """Platforms that have sources (cheap: read from the small sources table)."""
    return sorted(set(session.scalars(select(Source.platform).distinct())))


# --- Themes: aggregates only, counted in people, small counts suppressed -----------------------------
#
# Every figure counts only posts cleared for readers (`counted_in_themes`) and is suppressed when
# fewer than k different people make it up (store/disclosure.py); the distress table also hides
# enough levels that none can be derived from the day's total.

K_MIN = K  # counts of fewer people than this are suppressed (the Themes page names it)


def counted_in_themes():
    """The SQL condition for "this post counts in the themes figures": the publication gate's.

    Only posts cleared for readers: a held post's words and tags (a tag is whatever a stranger's
    feed says) and a hidden post's spam must not shape what staff see.
    """
    return cleared()


def _person():
    """Who wrote a post, for counting people: platform and author; an author-less feed's source."""
    source = func.coalesce(cast(Post.source_id, String), "?")
    return case((Post.author != "", Post.platform + ":" + Post.author), else_=Post.platform + ":source-" + source)


def _day(session: Session, column, period: str = "day"):
    """The UTC day (or the Monday of the week) of a timestamp column, as 'YYYY-MM-DD' text."""
    if period not in ("day", "week"):
        raise ValueError(f"period must be day or week, got {period!r}")
    if session.get_bind().dialect.name == "postgresql":
        return func.to_char(func.date_trunc(period, func.timezone("UTC", column)), "YYYY-MM-DD")
    day = func.substr(column, 1, 10)  # SQLite stores UTC as 'YYYY-MM-DD HH:MM:SS...'
    # 'weekday 0' moves forward to Sunday; six days back is that week's Monday.
    return day if period == "day" else func.date(day, "weekday 0", "-6 days")


def _counted(q, since: datetime, until: datetime):
    return q.where(Post.published_at >= since, Post.published_at < until, counted_in_themes())


def topic_volumes(session: Session, since: datetime, until: datetime, k: int = K_MIN,
                  period: str = "day") -> list[dict]:
    """Posts per day (or week) and topic in [since, until): [{day, topic, posts}], posts None when
    fewer than k people wrote them."""
    day = _day(session, Post.published_at, period)
    q = _counted(select(day, PostTopic.topic, func.count(), func.count(distinct(_person())))
                 .join(Post, Post.id == PostTopic.post_id), since, until)
    q = q.group_by(day, PostTopic.topic).order_by(day, PostTopic.topic)
    return [{"day": d, "topic": t, "posts": suppress(n, people, k)} for d, t, n, people in session.execute(q)]


def distress_trend(session: Session, since: datetime, until: datetime, k: int = K_MIN,
                   period: str = "day") -> list[dict]:
    """Per day (or week): classified posts and the count and share at each distress level.

    A day of fewer than k people shows no figures at all; a level of fewer than k people shows no
    count or share, and further levels are hidden so that none can be worked out from the total.
    """
    day, who = _day(session, Post.published_at, period), _person()  # one object each: GROUP BY must match
    base = _counted(select(day, Classification.distress, who, func.count())
                    .join(Post, Post.id == Classification.post_id), since, until)
    q = base.where(Classification.distress.is_not(None)).group_by(day, Classification.distress, who)
    counts: dict[str, dict[int, int]] = {}
    people: dict[str, dict[int, set]] = {}
    for d, level, who, n in session.execute(q):
        counts.setdefault(d, dict.fromkeys(range(4), 0))[level] += n
        people.setdefault(d, {lvl: set() for lvl in range(4)})[level].add(who)
    out = []
    for d in sorted(counts):
        total = sum(counts[d].values())
        visible = len(set().union(*people[d].values())) >= k
        hidden = hidden_cells(people[d], k)
        row: dict[str, object] = {"day": d, "posts": total if visible else None}
        for lvl in range(4):
            shown = visible and lvl not in hidden
            row[f"level_{lvl}"] = counts[d][lvl] if shown else None
            row[f"level_{lvl}_share"] = round(counts[d][lvl] / total, 4) if shown and total else None
        out.append(row)
    return out


def emerging_terms(session: Session, now: datetime, recent_days: int = 7, baseline_days: int = 28,
                   k: int = K_MIN, limit: int = 20, max_posts: int = 20_000) -> list[dict]:
    """Tags used more in the last `recent_days` than in the `baseline_days` before, by at least k people.

    Reads at most `max_posts` recent posts per window (the newest), which bounds the cost on a large
    store; ratio = recent rate / (baseline rate + one post), so a brand-new term needs k uses.
    """
    recent_start = now - timedelta(days=recent_days)
    base_start = recent_start - timedelta(days=baseline_days)

    def tag_counts(start, end) -> tuple[Counter, dict[str, set]]:
        q = _counted(select(Post.tags, _person()), start, end).order_by(Post.published_at.desc()).limit(max_posts)
        counts: Counter = Counter()
        people: dict[str, set] = {}
        for tags, who in session.execute(q):
            for tag in {str(t).lower() for t in (tags or [])}:
                counts[tag] += 1
                people.setdefault(tag, set()).add(who)
        return counts, people

    (recent, recent_people), (base, base_people) = tag_counts(recent_start, now), tag_counts(base_start, recent_start)
    scale = recent_days / baseline_days
    rows = []
    for term, n in recent.items():
        if len(recent_people[term]) < k:
            continue
        ratio = n / (base.get(term, 0) * scale + 1)
        rows.append({"term": term, "recent": n,
                     "baseline": suppress(base.get(term, 0), len(base_people.get(term, ())), k),
                     "ratio": round(ratio, 2)})
    rows.sort(key=lambda r: (-r["ratio"], -r["recent"], r["term"]))
    return rows[:limit]


def source_activity(session: Session, since: datetime, until: datetime, k: int = K_MIN,
                    period: str = "day") -> list[dict]:
    """Posts per day (or week) and source in [since, until): [{day, source, posts}], posts None when
    fewer than k people wrote them."""
    day = _day(session, Post.published_at, period)
    q = _counted(select(day, Source.name, func.count(), func.count(distinct(_person())))
                 .join(Source, Source.id == Post.source_id), since, until)
    q = q.group_by(day, Source.name).order_by(day, Source.name)
    return [{"day": d, "source": name, "posts": suppress(n, people, k)} for d, name, n, people in session.execute(q)]


def theme_snapshots(session: Session, since: datetime, period: str = "day") -> list[ThemeSnapshot]:
    """Stored theme snapshots (written by the themes flow) from `since`, oldest first."""
    q = (select(ThemeSnapshot).where(ThemeSnapshot.period == period, ThemeSnapshot.period_start >= since)
         .order_by(ThemeSnapshot.period_start))
    return list(session.scalars(q))


# --- The model's live figures: spot checks and moderators' levels ------------------------------------

def spot_check_queue(session: Session, limit: int = 20, offset: int = 0) -> list[QueueEntry]:
    """Posts the model published that were sampled for a person to check and no person has yet:
    oldest first. They stay published meanwhile; a moderator confirms the level (`approve` with
    `level=`) or corrects it, which takes the post down when the level is above 0."""
    q = (
        select(ReviewItem, Post, Classification, Source.name)
        .join(Post, Post.id == ReviewItem.post_id)
        .outerjoin(Classification, Classification.post_id == Post.id)
        .outerjoin(Source, Source.id == Post.source_id)
        .where(ReviewItem.spot_check.is_(True), published_by_model(), Post.deleted_at.is_(None))
        .order_by(ReviewItem.decided_at, ReviewItem.id)
        .limit(limit).offset(offset)
    )
    return [QueueEntry(i, p, c, s) for i, p, c, s in session.execute(q)]


def level_checks(session: Session, since: datetime | None = None,
                 model_version: str | None = None) -> list[tuple[int | None, int, float]]:
    """(model's level, moderator's level, weight) for every level a moderator stated since `since`
    (optionally for one model version): the input of `classifier.monitoring.alarm_quality`."""
    q = select(Label.model_level, Label.distress, Label.weight).where(Label.distress.is_not(None),
                                                                      Label.model_version.is_not(None))
    if since is not None:
        q = q.where(Label.created_at >= since)
    if model_version is not None:
        q = q.where(Label.model_version == model_version)
    return [(m, d, float(w or 1.0)) for m, d, w in session.execute(q) if d is not None]  # (the query's own filter)


def current_model(session: Session) -> CurrentModel | None:
    """The model whose readings clear posts now, and since when."""
    return session.get(CurrentModel, 1)
