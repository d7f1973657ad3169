"""Idempotent post upserts, cross-platform story grouping, upstream edits and deletions."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Iterable, Sequence

from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from peerfeed import records
from peerfeed.dedupe import canonical_url, fingerprint, http_url
from store.models import AuditEntry, Post, ReviewItem, ReviewState, utcnow

log = logging.getLogger(__name__)

BATCH = 500
# Columns that a re-fetch may change; anything else is fixed at first sight.
_MUTABLE = ("url", "title", "author", "author_url", "content_html", "content_text", "content_warning",
            "sensitive", "language", "tags", "links", "reply_to", "thread_url", "updated_at", "canonical_url",
            "fingerprint", "text_hash", "extra")


def judged_text(content_warning: str | None, title: str | None, text: str | None, extra: dict | None = None) -> str:
    """What a reader reads of a post, and so what the classifier and moderators judge: the content
    warning, the title, the text and the descriptions of its images and videos (alt text is the
    author's words too: a crisis can be written there alone), in that order, blank parts left out."""
    described = [f"Image description: {m['description']}" for m in (extra or {}).get("media") or ()
                 if isinstance(m, dict) and m.get("description")]
    return "\n\n".join(p for p in (content_warning, title, text, *described) if p)


def text_hash(judged: str) -> str:
    """SHA-256 (hex) of a judged text. A clearance names the hash it was given for, so any edit
    upstream voids it (see store/publication.py)."""
    return hashlib.sha256(judged.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class UpsertCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    edited: int = 0  # of `updated`: posts whose judged text changed (re-classified, re-cleared)
    collisions: list[str] = field(default_factory=list)  # ids shared by entries with different text

    def __iadd__(self, other: "UpsertCounts") -> "UpsertCounts":
        self.new += other.new
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.edited += other.edited
        self.collisions += other.collisions
        return self


def _row(post: records.Post, source_id: int | None) -> dict:
    # Whatever a collector let through, only http(s) links are ever stored (and so ever shown).
    url = http_url(post.url) or ""
    return {
        "platform": post.platform.value if hasattr(post.platform, "value") else str(post.platform),
        "platform_id": post.platform_id,
        "source_id": source_id,
        "text_hash": text_hash(judged_text(post.content_warning, post.title, post.content_text, post.extra)),
        "url": url,
        "canonical_url": canonical_url(http_url(post.canonical_url) or url),
        "fingerprint": fingerprint(post.content_text),
        "title": post.title,
        "author": post.author or "",
        "author_url": http_url(post.author_url),
        "content_html": post.content_html,
        "content_text": post.content_text,
        "content_warning": post.content_warning,
        "sensitive": bool(post.sensitive),
        "language": post.language,
        "tags": list(post.tags),
        "links": [link for link in post.links if http_url(link)],
        "reply_to": post.reply_to,
        "thread_url": http_url(post.thread_url),
        "published_at": post.published_at,
        "updated_at": post.updated_at,
        "extra": dict(post.extra) if post.extra else None,
    }


# Lists in `extra` that grow over fetches rather than being replaced: who boosted or reposted a post
# is seen one boost at a time, and a later fetch of the plain post must not forget them.
ACCUMULATED_EXTRA = ("boosted_by", "reposted_by")


def merged_extra(old: dict | None, new: dict | None) -> dict | None:
    """`new`, with the boosters and reposters `old` knew added to its lists."""
    if not old or not any(old.get(k) for k in ACCUMULATED_EXTRA):
        return new
    out = dict(new or {})
    for key in ACCUMULATED_EXTRA:
        if old.get(key) or out.get(key):
            out[key] = list(dict.fromkeys([*(old.get(key) or []), *(out.get(key) or [])]))
    return out


def _insert(session: Session):
    dialect = session.get_bind().dialect.name
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(Post)


def upsert_posts(session: Session, posts: Sequence[records.Post], source_id: int | None = None) -> UpsertCounts:
    """Insert new posts and update changed ones, keyed on (platform, platform id).

    Running it twice with the same posts changes nothing the second time. Posts erased after an
    upstream deletion are never brought back. New posts join an existing story when their canonical
    URL or content fingerprint matches one.

    An edit upstream (the judged text changed under the same key) voids every clearance the old
    text had: the post leaves every channel at the commit (store/publication.py), its review item's
    version moves on (a moderator's open page can no longer approve the old text), and the next
    classify run reads the new text. Entries that share a key but not their text are all kept
    (`distinct_keys`), never one silently dropped.
    """
    counts = UpsertCounts()
    posts, counts.collisions = distinct_keys(posts)
    # Sorting by key makes concurrent writers take row locks in one order, so PostgreSQL never
    # sees two collectors deadlock on overlapping posts.
    unique = sorted(posts, key=lambda p: (str(p.platform), p.platform_id))
    for start in range(0, len(unique), BATCH):
        counts += _upsert_batch(session, unique[start:start + BATCH], source_id)
    return counts


def distinct_keys(posts: Sequence[records.Post]) -> tuple[list[records.Post], list[str]]:
    """One post per key. The same post twice (a boost and its original) is kept once; entries that
    share a key but differ in text (comment feeds that reuse the post's guid for every comment) are
    all kept: the first keeps the key, each other one gets `<key>#<hash of its text>`, which is the
    same on every fetch. Returns the posts and the keys that collided (for the source's record)."""
    first: dict[tuple, records.Post] = {}
    out: list[records.Post] = []
    collided: list[str] = []
    for p in posts:
        key = (p.platform, p.platform_id)
        seen = first.get(key)
        if seen is None:
            first[key] = p
            out.append(p)
            continue
        mine = judged_text(p.content_warning, p.title, p.content_text, p.extra)
        if mine == judged_text(seen.content_warning, seen.title, seen.content_text, seen.extra):
            continue  # the same post twice
        if p.platform_id not in collided:
            collided.append(p.platform_id)
        alias = f"{p.platform_id}#{text_hash(mine)[:16]}"
        if (p.platform, alias) not in first:
            first[(p.platform, alias)] = p
            out.append(replace(p, platform_id=alias))
    return out, collided


def _upsert_batch(session: Session, posts: Sequence[records.Post], source_id: int | None) -> UpsertCounts:
    counts = UpsertCounts()
    rows = [_row(p, source_id) for p in posts]
    by_platform: dict[str, list[str]] = {}
    for r in rows:
        by_platform.setdefault(r["platform"], []).append(r["platform_id"])
    existing: dict[tuple[str, str], Post] = {}
    for platform, ids in by_platform.items():
        for post in session.scalars(select(Post).where(Post.platform == platform, Post.platform_id.in_(ids))):
            existing[(post.platform, post.platform_id)] = post

    fresh = [r for r in rows if (r["platform"], r["platform_id"]) not in existing]
    changed: list[dict] = []
    edited: list[int] = []
    for r in rows:
        old = existing.get((r["platform"], r["platform_id"]))
        if old is None:
            continue
        r["extra"] = merged_extra(old.extra, r["extra"])
        if old.deleted_at is not None or all(getattr(old, c) == r[c] for c in _MUTABLE):
            counts.unchanged += 1
        else:
            changed.append({"_id": old.id, **{c: r[c] for c in _MUTABLE}})
            if old.text_hash != r["text_hash"]:
                edited.append(old.id)

    if fresh:
        # executemany (not one giant VALUES clause) lets SQLAlchemy cache the compiled statement;
        # its "insertmanyvalues" still sends the rows in a few round trips, with RETURNING.
        stmt = _insert(session).on_conflict_do_nothing(
            index_elements=["platform", "platform_id"]
        ).returning(Post.id, Post.canonical_url, Post.fingerprint)
        inserted = session.connection().execute(stmt, fresh).all()
        counts.new += len(inserted)
        counts.unchanged += len(fresh) - len(inserted)  # a concurrent collector got there first
        _assign_stories(session, inserted)
    if changed:
        changed.sort(key=lambda r: r["_id"])
        stmt = update(Post).where(Post.id == bindparam("_id")).values(
            {c: bindparam(c) for c in _MUTABLE}
        )
        session.connection().execute(stmt, changed)
        counts.updated += len(changed)
    if edited:
        _edited_upstream(session, edited)
        counts.edited += len(edited)
    return counts


def _edited_upstream(session: Session, post_ids: list[int], now: datetime | None = None) -> None:
    """The text of these posts changed upstream: move their review items on and audit it.

    Their clearances already no longer match (`cleared_hash` is the old text's), so the gate keeps
    them from readers; bumping the version makes a moderator's approve of the old text a conflict.
    An approval by the model is undone here (the classify step decides again on the new text); a
    person's approval, hiding or escalation stays as the item's state until someone looks again.
    """
    now = now or utcnow()
    items = dict(session.execute(select(ReviewItem.post_id, ReviewItem.id).where(ReviewItem.post_id.in_(post_ids))).all())
    if items:
        session.execute(
            update(ReviewItem).where(ReviewItem.id.in_(list(items.values())))
            .values(version=ReviewItem.version + 1, updated_at=now)
            .execution_options(synchronize_session=False))
    session.add_all(AuditEntry(at=now, actor="system", action="edited_upstream", post_id=pid,
                               review_item_id=items.get(pid), detail={}) for pid in post_ids)
    session.flush()


def _assign_stories(session: Session, inserted: Iterable) -> None:
    """Group new posts with earlier posts that share their canonical URL or fingerprint."""
    inserted = sorted(inserted, key=lambda r: r.id)
    urls = {r.canonical_url for r in inserted if r.canonical_url}
    fps = {r.fingerprint for r in inserted if r.fingerprint}
    story_of: dict[tuple[str, str], int] = {}
    if urls or fps:
        conds = []
        if urls:
            conds.append(Post.canonical_url.in_(urls))
        if fps:
            conds.append(Post.fingerprint.in_(fps))
        q = select(Post.id, Post.story_id, Post.canonical_url, Post.fingerprint).where(
            or_(*conds), Post.story_id.is_not(None)
        ).order_by(Post.id)
        for _pid, story, url, fp in session.execute(q):
            if story is None:  # not selected (story_id IS NOT NULL): this only narrows the type
                continue
            if url:
                story_of.setdefault(("u", url), story)
            if fp:
                story_of.setdefault(("f", fp), story)
    updates = []
    for r in inserted:
        story = story_of.get(("u", r.canonical_url)) or story_of.get(("f", r.fingerprint)) or r.id
        if r.canonical_url:
            story_of.setdefault(("u", r.canonical_url), story)
        if r.fingerprint:
            story_of.setdefault(("f", r.fingerprint), story)
        updates.append({"_id": r.id, "story_id": story})
    if updates:
        session.connection().execute(
            update(Post).where(Post.id == bindparam("_id")).values(story_id=bindparam("story_id")), updates
        )


def apply_deletions(session: Session, deletions: Sequence[records.Deletion], now: datetime | None = None) -> int:
    """Erase posts deleted upstream: text gone, hidden from every view, the row kept as a tombstone."""
    now = now or utcnow()
    erased = 0
    for d in deletions:
        platform = d.platform.value if hasattr(d.platform, "value") else str(d.platform)
        post = session.scalar(select(Post).where(Post.platform == platform, Post.platform_id == d.platform_id))
        if post is None or post.deleted_at is not None:
            continue
        post.deleted_at = now
        post.title = None
        post.content_html = ""
        post.content_text = ""
        post.content_warning = None
        post.links = []
        post.fingerprint = None
        item = session.scalar(select(ReviewItem).where(ReviewItem.post_id == post.id))
        if item is not None:
            session.execute(
                update(ReviewItem).where(ReviewItem.id == item.id).values(
                    state=ReviewState.HIDDEN.value, cleared_hash=None, updated_at=now,
                    version=ReviewItem.version + 1
                )
            )
        session.add(AuditEntry(actor="system", action="deleted_upstream", post_id=post.id,
                               review_item_id=item.id if item else None, detail={"source": d.source}))
        erased += 1
    return erased
