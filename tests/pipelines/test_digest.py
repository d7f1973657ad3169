"""The digest publishes only approved posts, grouped by topic, and nothing in it can run a script."""

from __future__ import annotations

from datetime import timedelta
from html.parser import HTMLParser

import feedparser
import pytest
from sqlalchemy import select, update

from peerfeed.settings import Settings
from pipelines.digest import DigestError, check_html, publish_digest
from store.db import transaction
from store.models import Post, ReviewItem, utcnow
from store.review import hide
from tests.pipelines.helpers import store_and_classify, toot

CARERS = "Carers' café this week: carer drop-in for anyone looking after someone"
WORKSHOP = "Peer workshop on Tuesday about care plan reviews"
CRISIS = "Goodbye everyone, tonight is the night"
SPAM = "Peer support for sale, click here"


@pytest.fixture
def settings(tmp_path):
    return Settings(_env_file=None, site_dir=tmp_path / "site", public_base_url="https://peerfeed.example.org")


def headings(page: str) -> list[str]:
    class H(HTMLParser):
        def __init__(self):
            super().__init__()
            self.stack, self.found = [], []

        def handle_starttag(self, tag, attrs):
            self.stack.append(tag)

        def handle_endtag(self, tag):
            self.stack.pop()

        def handle_data(self, data):
            if self.stack and self.stack[-1] == "h2":
                self.found.append(data)

    h = H()
    h.feed(page)
    return h.found


def test_daily_digest_has_approved_posts_only_grouped_by_topic(engine, settings):
    ids = store_and_classify(engine, [toot(1, CARERS), toot(2, WORKSHOP), toot(3, CRISIS), toot(4, SPAM)])
    with transaction(engine) as s:
        item = s.scalar(select(ReviewItem).where(ReviewItem.post_id == ids[toot(4, SPAM).platform_id]))
        hide(s, item.id, item.version, actor="mod-ana", note="spam")

    paths = publish_digest(engine, settings, "daily")

    assert paths.entries == 2
    feed = feedparser.parse(paths.atom.read_bytes())
    assert not feed.bozo and feed.version == "atom10"
    assert sorted(e.link for e in feed.entries) == sorted([toot(1, CARERS).url, toot(2, WORKSHOP).url])
    assert {t.term for e in feed.entries for t in e.tags} >= {"carers", "events", "care_planning"}
    page = paths.html.read_text()
    # Each post under its best topic; the workshop's three topics tie, so the taxonomy's order decides.
    assert headings(page) == ["Peer support", "Carers"]
    for absent in ("Goodbye", "tonight", "for sale"):
        assert absent not in page and absent not in paths.atom.read_text()


def test_the_weekly_digest_reaches_back_a_week_and_the_daily_one_a_day(engine, settings):
    ids = store_and_classify(engine, [toot(1, CARERS)])
    with transaction(engine) as s:
        s.execute(update(ReviewItem).where(ReviewItem.post_id == ids[toot(1, CARERS).platform_id])
                  .values(decided_at=utcnow() - timedelta(days=3)))
    assert publish_digest(engine, settings, "daily").entries == 0
    assert publish_digest(engine, settings, "weekly").entries == 1
    assert feedparser.parse(str(settings.site_dir / "digest" / "weekly.atom")).entries[0].link == toot(1, CARERS).url


def test_markup_in_titles_names_and_bodies_cannot_run(engine, settings):
    ids = store_and_classify(engine, [toot(1, CARERS, title="Carers <script>alert(1)</script> & friends",
                                           author='Jo <img src=x onerror="alert(2)">',
                                           content_warning="</summary><script>alert(3)</script>")])
    # Simulate a body that escaped sanitizing upstream: the digest must clean it again.
    with transaction(engine) as s:
        s.execute(update(Post).where(Post.id == ids[toot(1, CARERS).platform_id]).values(
            content_html='<p>Hello</p><script>alert(4)</script><a href="javascript:alert(5)">x</a>'
                         '<p onclick="alert(6)">café</p>'))

    paths = publish_digest(engine, settings, "daily")

    page = paths.html.read_text()
    check_html(paths.html)  # the published page has nothing executable
    assert "alert(4)" not in page and "javascript:" not in page and "onclick" not in page
    assert "Carers &lt;script&gt;alert(1)&lt;/script&gt; &amp; friends" in page
    assert "Content-Security-Policy" in page
    entry = feedparser.parse(paths.atom.read_bytes()).entries[0]
    assert entry.title == "Carers <script>alert(1)</script> & friends"  # escaped in XML, text once parsed
    assert "alert(4)" not in entry.content[0].value and "café" in entry.content[0].value


def test_a_page_with_a_script_is_refused(tmp_path):
    bad = tmp_path / "daily.html"
    bad.write_text("<html><body><p>hi</p><script>alert(1)</script></body></html>")
    with pytest.raises(DigestError, match="script"):
        check_html(bad)


def test_an_empty_period_still_publishes_a_valid_feed(engine, settings):
    paths = publish_digest(engine, settings, "weekly")
    feed = feedparser.parse(paths.atom.read_bytes())
    assert not feed.bozo and feed.entries == [] and feed.feed.title == "peerfeed weekly digest"
    assert "Nothing new" in paths.html.read_text()
