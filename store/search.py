"""Full-text search over posts: SQLite FTS5 or PostgreSQL tsvector, behind one condition.

Migration 0002 builds the index (`posts_fts` on SQLite, `posts.search_vector` on PostgreSQL).
Callers combine `matches(session, words)` with their own filters, so the reader rule in
`store.queries` still decides what a reader may see.
"""

from __future__ import annotations

import re

from sqlalchemy import false, text
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from store.models import Post

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_TERMS = 12
# Search looks at the newest matches only (by post id, i.e. by arrival): a common word can match
# half a million posts, and a digest reader pages through the newest few hundred at most.
NEWEST_MATCHES = 2000


def terms(query: str) -> list[str]:
    """The words of a reader's query, lower-cased, at most MAX_TERMS (operators are not supported)."""
    return [w.lower() for w in _WORD.findall(query or "")][:MAX_TERMS]


def fts5_query(query: str) -> str | None:
    """A safe FTS5 MATCH string: every word quoted (so no FTS syntax gets through), all required,
    the last one as a prefix so results appear while someone is still typing."""
    words = terms(query)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


def matches(session: Session, query: str, newest: int = NEWEST_MATCHES) -> ColumnElement[bool]:
    """SQL condition: the post is among the `newest` posts containing every word of `query`
    (in its title, text or author)."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        q = fts5_query(query)
        if q is None:
            return false()
        return Post.id.in_(
            text("SELECT rowid FROM posts_fts WHERE posts_fts MATCH :fts_query ORDER BY rowid DESC "
                 "LIMIT :fts_newest").bindparams(fts_query=q, fts_newest=newest).columns(rowid=Post.id.type)
        )
    if dialect == "postgresql":
        words = terms(query)
        if not words:
            return false()
        # Only \w+ words reach to_tsquery, so none of its operators can come from the reader.
        tsq = " & ".join(words) + ":*"
        return Post.id.in_(
            text("SELECT id FROM posts WHERE search_vector @@ to_tsquery('english'::regconfig, :ts_query) "
                 "ORDER BY id DESC LIMIT :ts_newest").bindparams(ts_query=tsq, ts_newest=newest)
            .columns(id=Post.id.type))
    raise NotImplementedError(f"full-text search is not available on {dialect}")
