"""Store queries the dashboard reads, on SQLite and PostgreSQL: search, paging, themes, users."""

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from store.db import transaction
from store.models import Post
from store.posts import apply_deletions
from store.queries import (K_MIN, digest, digest_page, distress_trend, emerging_terms, review_page,
                           source_activity, thread_context, topic_volumes)
from store.review import approve, hide
from store.search import fts5_query, terms
from store.users import UserExists, create_user, get_user, list_users, set_role
from peerfeed.records import Deletion, Platform
from tests.dashboard.seed import NOW, seed, item_of


def test_search_finds_approved_posts_only(engine):
    ids = seed(engine)
    with transaction(engine) as s:
        assert [p.id for p in digest(s, search="carers cafe")] == [ids["cafe"]]
        assert [p.id for p in digest(s, search="Cafe")] == [ids["cafe"]]  # case-insensitive
        assert [p.id for p in digest(s, search="co-production leaflet")] == [ids["coprod"]]
        # "waiting list" is held (level 1): search never reaches it
        assert digest(s, search="waiting list therapy") == []
    item = item_of(engine, ids["waiting"])
    with transaction(engine) as s:
        approve(s, item.id, item.version, "mod.alex")
    with transaction(engine) as s:
        assert [p.id for p in digest(s, search="waiting list therapy")] == [ids["waiting"]]


def test_search_follows_edits_and_upstream_deletions(engine):
    ids = seed(engine)
    with transaction(engine) as s:
        assert [p.id for p in digest(s, search="mood diary")] == [ids["app"]]
        apply_deletions(s, [Deletion(Platform.RSS, "https://rss.example/app", "seed")])
    with transaction(engine) as s:
        assert digest(s, search="mood diary") == []
        post = s.get(Post, ids["cafe"])
        post.content_text = "The cafe has moved to Wednesdays at the library."
    with transaction(engine) as s:
        assert [p.id for p in digest(s, search="library")] == [ids["cafe"]]


@pytest.mark.parametrize("query", ['"', "NEAR(a b)", "cafe OR *", "a:b", "'; drop table posts; --", "(((", "-"])
def test_search_syntax_from_readers_is_inert(engine, query):
    seed(engine)
    with transaction(engine) as s:
        digest(s, search=query)  # must not raise a syntax error
        assert s.scalar(select(Post.id).limit(1)) is not None


def test_search_reads_the_newest_matches_first(engine):
    ids = seed(engine)
    from store.search import matches
    with transaction(engine) as s:
        found = set(s.scalars(select(Post.id).where(matches(s, "peer", newest=1))))
        everything = set(s.scalars(select(Post.id).where(matches(s, "peer"))))
        assert {ids["cafe"], ids["lonely"]} <= everything and found == {max(everything)}


def test_fts5_query_quotes_every_word():
    assert terms("Carers' café, NHS-111!") == ["carers", "café", "nhs", "111"]
    assert fts5_query('cafe" OR x') == '"cafe" "or" "x"*'
    assert fts5_query("   ") is None


def test_pages_know_whether_there_is_a_next_page(engine):
    seed(engine)
    with transaction(engine) as s:
        first = digest_page(s, page=1, per_page=2)
        assert len(first.rows) == 2 and first.has_next
        last = digest_page(s, page=3, per_page=2)
        assert len(last.rows) == 0 and not last.has_next
        total = len(digest(s, limit=100))
        assert total == 4
        assert not digest_page(s, page=2, per_page=2).has_next
        q = review_page(s, page=1, per_page=3)
        assert [e.item.level for e in q.rows] == [3, 2, 1] and q.has_next


def test_hidden_post_leaves_digest_and_search(engine):
    ids = seed(engine)
    item = item_of(engine, ids["rights"])
    with transaction(engine) as s:
        hide(s, item.id, item.version, "mod.bea")
    with transaction(engine) as s:
        assert ids["rights"] not in {p.id for p in digest(s, limit=100)}
        assert digest(s, search="Mental Health Act") == []


def test_thread_context_shows_the_parent(engine):
    ids = seed(engine)
    with transaction(engine) as s:
        child = s.get(Post, ids["burden"])
        child.reply_to = "https://mastodon.example/rights"
        assert [p.id for p in thread_context(s, child)] == [ids["rights"]]


def test_theme_aggregates_suppress_small_counts(engine):
    seed(engine)
    since, until = NOW - timedelta(days=7), NOW + timedelta(days=1)
    with transaction(engine) as s:
        vols = topic_volumes(s, since, until)
        assert vols and all(r["posts"] is None for r in vols)  # eight posts, no topic reaches k=5
        assert {r["posts"] for r in topic_volumes(s, since, until, k=1)} >= {1}
        weekly = topic_volumes(s, since, until, k=1, period="week")
        assert weekly and {date.fromisoformat(r["day"]).weekday() for r in weekly} == {0}  # Mondays
        assert sum(r["posts"] for r in weekly) == sum(r["posts"] for r in topic_volumes(s, since, until, k=1))
        trend = distress_trend(s, since, until)
        assert all(r["level_3"] is None for r in trend)
        assert all(r["posts"] is None or r["posts"] >= K_MIN for r in trend)
        assert all(r["posts"] is None for r in source_activity(s, since, until))
        assert emerging_terms(s, NOW + timedelta(hours=1)) == []
        terms_k1 = emerging_terms(s, NOW + timedelta(hours=1), k=1)
        assert "carers" in {t["term"] for t in terms_k1}


def test_users_are_created_once_with_a_known_role(engine):
    with transaction(engine) as s:
        create_user(s, "mod.alex", "moderator", password_hash="scrypt$x")
        with pytest.raises(UserExists):
            create_user(s, " mod.alex ", "reader")
        with pytest.raises(ValueError, match="unknown role"):
            create_user(s, "eve", "superuser")
        set_role(s, "mod.alex", "admin")
    with transaction(engine) as s:
        assert [(u.username, u.role) for u in list_users(s)] == [("mod.alex", "admin")]
        assert get_user(s, "nobody") is None
