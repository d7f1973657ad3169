"""One hostile item costs only itself: lone surrogates, NULs and impossible dates, on both backends.

A Mastodon display name holding a lone surrogate, a NUL in a status or a Bluesky post, one
`&#xD800;` in a blog feed: each used to fail its whole source (or the whole collect), every run,
with the post text in the traceback. Now they are cleaned where the platform's data is parsed,
anything the store still refuses is left out and listed on the source, the rest is stored, the
cursor moves on and the collect exits 0.
"""

from __future__ import annotations

import copy
import json
import logging
import os
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from collectors.base import FetchResult, SourceState
from collectors.clean_text import clean_data, clean_post, clean_text
from collectors.mastodon_parse import parse_statuses
from collectors.rss import parse_feed
from peerfeed.records import Platform, Post
from peerfeed.sample_server import SAMPLES_DIR
from peerfeed.sources import SourceConfig
from pipelines.collecting import collect_all, prepare_sources
from store.db import transaction
from store.models import FetchRun, Post as PostRow, Source
from store.sources import record_fetch, start_fetch_run

REPO = Path(__file__).resolve().parents[2]
REPRO = REPO.parent / "shared" / "repro" / "hostile_status_crashes_collect.py"
PRIVATE = "larkspur-private-words-2231"  # appears only inside posts


def test_clean_text_replaces_lone_surrogates_and_drops_controls():
    assert clean_text("evil\udfffname") == "evil\ufffdname"
    assert clean_text("hello\x00world\x07") == "helloworld"
    assert clean_text("tab\tnew\nline\r") == "tab\tnew\nline\r"
    assert clean_text("café 🌱") == "café 🌱"
    plain = "nothing to do"
    assert clean_text(plain) is plain
    assert clean_data({"k\x00": ["a\ud800", 3, None]}) == {"k": ["a\ufffd", 3, None]}


def test_clean_post_cleans_every_text_field_and_returns_clean_posts_unchanged():
    post = Post(platform=Platform.MASTODON, platform_id="https://x.example/s/1", source="s",
                url="https://x.example/@a/1", author="evil\udfffname", content_html="<p>a\x00b</p>",
                content_text="a\x00b", published_at=datetime(2026, 11, 1, tzinfo=timezone.utc),
                tags=("ok", "b\udc00d"), extra={"media": [{"description": "alt\x00text"}]})
    cleaned = clean_post(post)
    assert (cleaned.author, cleaned.content_text, cleaned.tags) == ("evil\ufffdname", "ab", ("ok", "b\ufffdd"))
    assert cleaned.extra == {"media": [{"description": "alttext"}]}
    assert clean_post(cleaned) is cleaned


def _statuses() -> list[dict]:
    return json.loads((SAMPLES_DIR / "mastodon/api/v1/timelines/tag/peersupport.json").read_text())


def test_a_status_with_a_surrogate_name_and_a_nul_is_kept_clean():
    status = copy.deepcopy(next(s for s in _statuses() if not s["reblog"]))
    status["account"]["display_name"] = "evil\udfffname"
    status["content"] = "<p>hello\u0000world</p>"
    [post] = parse_statuses([status], "hostile").posts
    assert post.author == "evil\ufffdname"
    assert post.content_text == "helloworld" and "\x00" not in post.content_html


def test_a_status_from_the_year_9999_is_dated_when_seen():
    now = datetime(2026, 11, 30, 12, tzinfo=timezone.utc)
    far = copy.deepcopy(next(s for s in _statuses() if not s["reblog"]))
    far["created_at"] = "9999-12-31T23:59:59.000Z"
    overflow = copy.deepcopy(far)
    overflow["id"], overflow["uri"] = "77", far["uri"] + "-2"
    overflow["created_at"] = "9999-12-31T23:59:59-01:00"  # past datetime.max once in UTC
    from collectors.mastodon_parse import status_to_post

    for status in (far, overflow):
        post = status_to_post(status, "s", now=now)
        assert post.published_at == now and post.extra["date_estimated"] is True


def test_a_status_that_breaks_the_parser_is_described_without_its_text():
    good, bad = copy.deepcopy(_statuses()[:2])
    bad["reblog"] = None
    bad["content"] = f"<p>{PRIVATE}</p>"
    bad["tags"] = [{"name": 42}]  # not a string: .lower() raises AttributeError
    page = parse_statuses([good, bad], "hostile")
    assert len(page.posts) == 1
    assert page.bad == [f"status {bad['id']}: AttributeError"]


def rss(*items: str) -> bytes:
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Blog</title>"
            + "".join(items) + "</channel></rss>").encode()


def item(guid: str, text: str) -> str:
    return (f"<item><guid>https://blog.example/{guid}</guid><title>{guid}</title>"
            f"<pubDate>Mon, 02 Nov 2026 09:00:00 GMT</pubDate><description>{text}</description></item>")


@pytest.mark.parametrize("ref", ["&#xD800;", "&#55296;", "&#0;", "&#x110000;"])
def test_one_impossible_character_reference_costs_nothing(ref):
    posts = parse_feed(rss(item("a", f"before {ref} after"), item("b", "a quiet evening")), "blog",
                       "https://blog.example/feed")
    assert [p.title for p in posts] == ["a", "b"]
    assert posts[0].content_text in ("before \ufffd after", "before after", "before  after")


def _hostile_mastodon_body(kind: str) -> bytes:
    statuses = _statuses()
    bad = copy.deepcopy(next(s for s in statuses if not s["reblog"]))
    bad["id"] = str(int(bad["id"]) + 1000)
    bad["uri"] += "x"
    bad["url"] += "x"
    if kind == "nul":
        bad["content"] = f"<p>{PRIVATE}\u0000world</p>"
    else:
        bad["account"]["display_name"] = "evil\udfffname"
        bad["content"] = f"<p>{PRIVATE}</p>"
    return json.dumps([bad] + statuses).encode()


@pytest.mark.parametrize("kind", ["surrogate", "nul"])
def test_hostile_status_is_stored_clean_and_the_next_source_still_runs(engine, server, settings, kind, caplog):
    body = _hostile_mastodon_body(kind)
    server.reply("/api/v1/timelines/tag/peersupport", body, content_type="application/json")
    feed = server.reply("/feed.xml", rss(item("a", "Our peer group met today")))
    configs = [
        SourceConfig(name="hostile tag", platform=Platform.MASTODON, url=server.url(""), kind="hashtag",
                     options={"tag": "peersupport"}),
        SourceConfig(name="good blog", platform=Platform.RSS, url=feed),
    ]
    caplog.set_level(logging.DEBUG)
    reports = collect_all(engine, settings.model_copy(update={"collect_concurrency": 1}), configs)
    assert [(r.source, r.status) for r in reports] == [("hostile tag", "ok"), ("good blog", "ok")]
    with transaction(engine) as s:
        texts = list(s.scalars(select(PostRow.content_text)))
        sources = {src.name: src for src in s.scalars(select(Source))}
    assert any(PRIVATE in t for t in texts) and not any("\x00" in t for t in texts)
    assert sources["hostile tag"].cursor is not None
    assert PRIVATE not in caplog.text


def test_a_post_the_store_refuses_is_listed_and_the_rest_stored(engine):
    """Defence in depth: a post that reaches the store uncleaned costs only itself."""
    config = SourceConfig(name="blog", platform=Platform.RSS, url="https://blog.example/feed")
    [source_id] = prepare_sources(engine, [config])

    def post(n: int, text: str) -> Post:
        return Post(platform=Platform.RSS, platform_id=f"https://blog.example/{n}", source="blog",
                    url=f"https://blog.example/{n}", author="A", content_html=f"<p>{text}</p>",
                    content_text=text, published_at=datetime(2026, 11, 1, tzinfo=timezone.utc))

    result = FetchResult(source="blog", posts=[post(1, "fine"), post(2, f"{PRIVATE}\udfff\x00"), post(3, "also fine")],
                         state=SourceState(etag='"v2"'))
    with transaction(engine) as s:
        run_id = start_fetch_run(s, source_id)
    with transaction(engine) as s:
        counts = record_fetch(s, source_id, run_id, result)
    assert counts.new == 2
    with transaction(engine) as s:
        src = s.get(Source, source_id)
        run = s.get(FetchRun, run_id)
        assert (src.last_status, src.etag, run.items_skipped) == ("ok", '"v2"', 1)
        assert src.last_warning.startswith("1 item(s) skipped: post https://blog.example/2: refused by the store")
        assert PRIVATE not in src.last_warning
        assert sorted(s.scalars(select(PostRow.platform_id))) == ["https://blog.example/1", "https://blog.example/3"]


@pytest.mark.skipif(not REPRO.exists(), reason="../shared/repro is not on this machine")
def test_the_shared_hostile_status_repro_exits_0(database_url):
    env = {**os.environ}
    if database_url.startswith("postgresql"):
        env["PEERFEED_RED_PG"] = database_url.replace("postgresql+psycopg://", "postgresql://")
    done = subprocess.run([sys.executable, str(REPRO)], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stdout + done.stderr[-2000:]
    assert "OK: the hostile status was isolated" in done.stdout
