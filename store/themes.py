"""What the themes snapshot reads (posts of a period, with their labels) and where it keeps results."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from store.models import Classification, Post, ThemeSnapshot, utcnow
from store.queries import counted_in_themes


@dataclass(frozen=True)
class ThemePost:
    """Just what an aggregate needs: who (to count distinct people), words, topics, level."""

    author: str
    text: str
    topics: tuple[str, ...]
    distress: int | None


def theme_posts(session: Session, start: datetime, end: datetime) -> list[ThemePost]:
    """Classified posts published in [start, end) that count in themes: those cleared for readers.

    Held, hidden and deleted posts never count (`store.queries.counted_in_themes`): a held post's
    words and tags are a stranger's until a moderator clears them, and spam is hidden.
    """
    q = (
        select(Post.platform, Post.author, Post.source_id, Post.title, Post.content_text,
               Classification.topics, Classification.distress)
        .join(Classification, Classification.post_id == Post.id)
        .where(Post.published_at >= start, Post.published_at < end, counted_in_themes())
    )
    out = []
    for platform, author, source_id, title, text, topics, distress in session.execute(q):
        # An empty author (some feeds) still marks one voice: the blog it came from.
        who = f"{platform}:{author}" if author else f"{platform}:source-{source_id}"
        out.append(ThemePost(who, "\n".join(p for p in (title, text) if p), tuple(topics or ()), distress))
    return out


def save_snapshot(session: Session, period: str, start: datetime, end: datetime, post_count: int,
                  topic_volumes: dict, emerging_terms: list, distress_rates: dict) -> None:
    """Insert or replace the snapshot of (period, start): re-running a day overwrites it."""
    values = dict(period=period, period_start=start, period_end=end, post_count=post_count,
                  topic_volumes=topic_volumes, emerging_terms=emerging_terms, distress_rates=distress_rates,
                  created_at=utcnow())
    insert = postgresql.insert if session.get_bind().dialect.name == "postgresql" else sqlite.insert
    stmt = insert(ThemeSnapshot).values(**values)
    stmt = stmt.on_conflict_do_update(index_elements=["period", "period_start"],
                                      set_={k: v for k, v in values.items() if k not in ("period", "period_start")})
    session.execute(stmt)

