"""A reader never receives a held, hidden, escalated or deleted post, by any page or parameter.

Drives the real dashboard with Streamlit's AppTest over a real SQLite store (tests/security/world.py:
one secret post for each way a post is kept from readers, among visible ones on every platform and
topic). Every filter value, period, search word, page and URL query parameter a reader can send is
tried, as nobody and as a signed-in reader; the moderator control shows the secrets are really there
to be leaked. Chromium with URL query parameters: tests/security/test_xss_browser.py.
"""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.accounts import add_user
from store.db import make_engine, upgrade
from tests.security.test_sql_injection import INJECTIONS
from tests.security.world import build_world

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PASSWORD = "a long authorization passphrase"
QUERY_PARAMS = [
    {"page": "2"}, {"page": "-1"}, {"page": "999999"}, {"topic": "treatment"}, {"platform": "bluesky"},
    {"search": "secretpending1"}, {"state": "pending"}, {"state": "hidden"}, {"post": "1"}, {"post_id": "1"},
    {"item": "1"}, {"id": "1 OR 1=1"}, {"embed": "true"}, {"role": "admin"}, {"user": "mod.alex"},
    {"local_user": "mod.alex"}, {"viewer": "admin"}, {"digest_page": "2"}, {"page": "review"},
]


@pytest.fixture
def world_app(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'peerfeed.db'}"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PEERFEED_DATABASE_URL", url)
    monkeypatch.setenv("PEERFEED_SITE_DIR", str(tmp_path / "site"))
    monkeypatch.delenv("PEERFEED_DIGEST_REQUIRES_SIGN_IN", raising=False)
    engine = make_engine(url)
    upgrade(engine)
    world = build_world(engine)
    add_user(engine, "reader.eli", "reader", PASSWORD)
    add_user(engine, "mod.alex", "moderator", PASSWORD)
    yield world
    engine.dispose()


def open_app(user: str | None = None, query: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if user:
        at.session_state["local_user"] = user
    for k, v in (query or {}).items():
        at.query_params[k] = v
    at.run()
    assert not at.exception, at.exception
    return at


def shown(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [e.label for e in at.expander]
    parts += [i.value for i in at.info] + [t.value for t in at.title]
    parts += [unescape(re.sub(r"<[^>]+>", " ", h.value)) for h in at.html]  # the digest's cards (st.html)
    return "\n".join(parts).replace("\\", "")


def all_pages(at: AppTest, limit: int = 50) -> str:
    """Text of every digest page from the current one, clicking 'Older' to the end."""
    texts = [shown(at)]
    for _ in range(limit):
        older = at.button(key="digest_next")
        if older.disabled:
            break
        older.click().run()
        assert not at.exception, at.exception
        texts.append(shown(at))
    return "\n".join(texts)


def assert_no_secret(text: str, world) -> None:
    leaked = [w for w in world.secret_words if w in text]
    assert leaked == []


@pytest.mark.parametrize("user", [None, "reader.eli"])
def test_every_filter_and_page_shows_readers_no_secret(world_app, user):
    world = world_app
    at = open_app(user)
    assert [t.value for t in at.title] == ["Digest"]
    everything = all_pages(at)
    assert_no_secret(everything, world)
    assert all(w in everything for w in world.visible.values())  # control: the pages do show posts
    topic, platform, period = (at.selectbox(key=k) for k in ("digest_topic", "digest_platform", "digest_period"))
    combos = [(t, p, w) for t in topic.options for p in platform.options for w in period.options[:2]]
    assert len(combos) >= 24
    for t, p, w in combos:
        at.selectbox(key="digest_topic").select(t)
        at.selectbox(key="digest_platform").select(p)
        at.selectbox(key="digest_period").select(w)
        at.run()
        assert_no_secret(all_pages(at), world)


@pytest.mark.parametrize("user", [None, "reader.eli"])
def test_searching_for_a_secret_word_finds_nothing(world_app, user):
    world = world_app
    at = open_app(user)
    for word in world.secret_words + ["secret", "secretpending", "Author secret", "Title secret"]:
        at.text_input(key="digest_search").input(word).run()
        assert not at.exception
        assert_no_secret(all_pages(at), world)
        assert "No posts match" in shown(at)
    at.text_input(key="digest_search").input("visible07").run()
    assert "visible07" in shown(at)  # control: search finds a visible post by the same kind of word


def test_injection_strings_typed_into_search(world_app):
    world = world_app
    at = open_app()
    for bad in INJECTIONS:
        at.text_input(key="digest_search").input(bad).run()
        assert not at.exception, bad
        assert_no_secret(shown(at), world)


@pytest.mark.parametrize("query", QUERY_PARAMS, ids=lambda q: "&".join(f"{k}={v}" for k, v in q.items()))
def test_url_query_parameters_change_nothing_for_a_reader(world_app, query):
    world = world_app
    for user in (None, "reader.eli"):
        at = open_app(user, query)
        assert [t.value for t in at.title] == ["Digest"]  # never the review queue
        assert_no_secret(all_pages(at), world)


def test_control_a_moderator_sees_the_held_secrets(world_app):
    # Without this, 'no secret shown' could pass because the secrets never reached the store.
    at = open_app("mod.alex")
    assert [t.value for t in at.title] == ["Review queue"]
    # One post is shown in full; the others are one line each, as the buttons that bring them into focus.
    text = shown(at) + "\n".join(b.label for b in at.button).replace("\\", "")
    for word in ("secretpending1", "secretpending2", "secretpending3", "secretescalated",
                 "secretescalatedthencorrected"):
        assert word in text
    for word in ("secrethidden", "secretapprovedthenhidden", "secretdeletedupstream"):
        assert word not in text  # decided or gone: not in the queue either
