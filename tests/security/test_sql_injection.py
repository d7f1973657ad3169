"""SQL-injection and query-syntax strings in every digest filter: no error, no held post, no damage.

Runs on SQLite and PostgreSQL (the root conftest's `engine`). The digest's search goes to FTS5 on
SQLite and to_tsquery on PostgreSQL, both of which have their own syntax, so those operators are
here too. The dashboard's own widgets are driven the same way in test_authorization.py.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from store import queries
from store.db import transaction
from store.models import AuditEntry, Post, ReviewItem, Source
from tests.security.world import build_world

INJECTIONS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    "\" OR \"\"=\"",
    "'; DROP TABLE posts; --",
    "'); DELETE FROM review_items; --",
    "1; UPDATE review_items SET state='approved'",
    "' UNION SELECT id, content_text FROM posts --",
    "' UNION SELECT NULL,NULL,NULL--",
    "%' OR state LIKE '%",
    "%",
    "_",
    "*",
    "\\",
    "'",
    "\"",
    "`",
    "/* comment */",
    "-- ",
    "secretpending1",
    "secretpending1 OR visible01",
    "NEAR(secretpending1 visible01)",
    "title:secretpending1",
    "content_text : secret*",
    "{title content_text}: secret",
    "secret* OR visible*",
    "^secret",
    "\"secret",
    "secret & !visible",
    "secret | visible",
    "secret <-> pending1",
    "!!secret:*",
    "secret:A",
    "(secret",
    "'secret':*",
    "é\u0301 ü 💥 \u202e",
    "a" * 5000,
    " ".join(["word"] * 500),
    "$1",
    "%s%s%s",
    ":fts_query",
    ":ts_query",
]

DATES = [
    None,
    datetime(1, 1, 2, tzinfo=timezone.utc),
    datetime(1970, 1, 1, tzinfo=timezone.utc),
    datetime(9999, 12, 30, tzinfo=timezone.utc),
    datetime.now(timezone.utc) + timedelta(days=1),
]
PAGES = [-10, 0, 1, 2, 3, 4, 5, 6, 10**9]


def counts(engine) -> tuple:
    with transaction(engine) as s:
        return tuple(s.scalar(select(func.count()).select_from(t)) for t in (Post, ReviewItem, Source, AuditEntry))


@pytest.fixture
def world(engine):
    return build_world(engine)


def reader_ids(engine, **filters) -> set[int]:
    with transaction(engine) as s:
        page = queries.digest_page(s, **filters)
        return {p.id for p in page.rows}


def test_injection_strings_in_every_digest_filter(engine, world):
    before = counts(engine)
    allowed = set(world.visible)
    for bad in INJECTIONS:
        for field in ("search", "topic", "platform"):
            shown = reader_ids(engine, per_page=100, **{field: bad})
            assert shown <= allowed, (field, bad)
        shown = reader_ids(engine, per_page=100, search=bad, topic="peer_support", platform="rss")
        assert shown <= allowed, bad
    assert counts(engine) == before  # nothing dropped, deleted or changed


NUL = ["secret\x00pending1", "\x00"]


def test_nul_bytes_in_search_are_dropped(engine, world):
    for bad in NUL:
        assert reader_ids(engine, search=bad) <= set(world.visible)


def test_nul_bytes_in_topic_and_platform(engine, world):
    # PostgreSQL refuses NUL in text parameters; the store answers "no such topic" instead of erring.
    for bad in NUL:
        assert reader_ids(engine, topic=bad) == set()
        assert reader_ids(engine, platform=bad) == set()


def test_search_words_still_work_and_find_no_secret(engine, world):
    # A control: the search really runs (finds visible posts by their words) ...
    assert reader_ids(engine, search="visible01") == {pid for pid, w in world.visible.items() if w == "visible01"}
    assert len(reader_ids(engine, search="peer group", per_page=100)) == len(world.visible)
    # ... and the secret posts hold the words that would find them, yet never come back.
    for word in world.secret_words:
        assert reader_ids(engine, search=word) == set(), word
        assert reader_ids(engine, search=word[:4], per_page=100) <= set(world.visible)


def test_dates_and_pages_at_their_extremes(engine, world):
    allowed = set(world.visible)
    seen = set()
    for since in DATES:
        for until in DATES:
            for page in PAGES:
                shown = reader_ids(engine, page=page, per_page=7, since=since, until=until)
                assert shown <= allowed
                seen |= shown
    assert seen == allowed  # the pages together cover every visible post, and only those


def test_queue_filter_by_assignee_takes_injection_strings(engine, world):
    before = counts(engine)
    for bad in INJECTIONS:
        with transaction(engine) as s:
            assert queries.review_page(s, assignee=bad).rows == []
    assert counts(engine) == before
