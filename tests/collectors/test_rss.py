"""collectors.rss.parse_feed on recorded payloads: what a feed entry becomes as a Post."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from collectors.rss import FeedParseError, parse_feed
from peerfeed.records import Platform

SAMPLES = Path(__file__).resolve().parents[2] / "peerfeed" / "samples" / "rss"
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)
BRIDGES_URL = "http://127.0.0.1:8000/rss/bridges-peer-support.xml"


@pytest.fixture(scope="module")
def bridges():
    posts = parse_feed((SAMPLES / "bridges-peer-support.xml").read_bytes(), "Bridges", BRIDGES_URL, now=NOW)
    return {p.title: p for p in posts}


def rss(items: str, channel_extra: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>T</title><link>https://blog.example/</link>{channel_extra}{items}</channel></rss>"
    ).encode()


def test_sample_feed_gives_every_post_with_its_author_tags_and_thread(bridges):
    assert len(bridges) == 10
    post = bridges["Eleven months on the waiting list"]
    assert post.platform is Platform.RSS
    assert post.platform_id == "https://bridgespeer.example/?p=2262"
    assert post.source == "Bridges"
    assert post.author == "Tom Ellery"
    assert post.tags == ("Members' voices", "Services")
    assert post.url == "https://bridgespeer.example/2026/11/14/eleven-months/"
    assert post.canonical_url == "https://bridgespeer.example/2026/11/14/eleven-months"
    assert post.thread_url == "https://bridgespeer.example/2026/11/14/eleven-months/#respond"
    assert post.language == "en-gb"
    assert post.extra["feed_title"] == "Bridges Peer Support Network"


def test_full_content_is_preferred_over_the_summary(bridges):
    post = bridges["Eleven months on the waiting list"]
    # The <description> stops after one sentence with [&#8230;]; content:encoded has all of it.
    assert "Thursday group helps too." in post.content_text
    assert "[…]" not in post.content_text
    assert post.content_html.startswith("<p>I had another letter")


def test_dates_become_utc(bridges):
    # pubDate "Sat, 24 Oct 2026 20:15:00 +0100" (British Summer Time)
    post = bridges["Running on empty: a carer’s autumn"]
    assert post.published_at == datetime(2026, 10, 24, 19, 15, tzinfo=timezone.utc)
    assert post.published_at.tzinfo == timezone.utc
    assert "date_estimated" not in post.extra


def test_html_is_sanitized_once_with_links_made_absolute(bridges):
    post = bridges["We’re leaving X: find us on Mastodon and Bluesky"]
    html = post.content_html
    assert "<script" not in html and "widgets.js" not in html
    assert "<img" not in html and "onload" not in html and "track()" not in html
    assert 'href="https://bridgespeer.example/contact/"' in html  # was href="/contact/"
    assert 'rel="noopener noreferrer nofollow ugc"' in html
    assert "https://mastodon.example/@bridgespeer?utm_source=blog&utm_medium=post" in post.links
    # The plain text the classifier reads keeps the words and none of the markup.
    assert "the phone line on our contact page is staffed" in post.content_text
    assert "<" not in post.content_text and "widgets" not in post.content_text


def test_comment_feed_links_resolve_against_the_feed(bridges):
    post = bridges["Running on empty: a carer’s autumn"]
    assert post.extra["comments_feed"] == "http://127.0.0.1:8000/rss/comments/bridges-running-on-empty.xml"
    assert post.extra["comment_count"] == 2


def test_wordpress_com_feed_with_a_blank_line_before_the_xml_declaration_is_kept():
    data = (SAMPLES / "coproduction-notebook.xml").read_bytes()
    assert data.startswith(b"\n<?xml")
    posts = parse_feed(data, "Notebook", "http://127.0.0.1:8000/rss/coproduction-notebook.xml", now=NOW)
    assert len(posts) == 10
    assert {p.author for p in posts} >= {"Hannah Cole", "Dan Whitlock", "Sam Rafferty"}


def test_broken_feed_with_no_entries_is_a_parse_error_naming_source_and_url():
    with pytest.raises(FeedParseError) as err:
        parse_feed(b"<<<>>> Error 502 <<", "Broken blog", "https://broken.example/feed")
    message = str(err.value)
    assert "Broken blog" in message and "https://broken.example/feed" in message


def test_a_web_page_is_not_a_feed():
    page = b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>Hi</p></body></html>'
    with pytest.raises(FeedParseError, match="not an RSS or Atom feed"):
        parse_feed(page, "Blog", "https://blog.example/", headers={"Content-Type": "application/xhtml+xml"})


def test_a_valid_feed_with_no_items_is_simply_empty():
    assert parse_feed(rss(""), "Quiet blog", "https://blog.example/feed", headers={"content-type": "application/rss+xml"}) == []


def test_an_entry_without_a_date_gets_the_fetch_time_and_says_so():
    data = rss("<item><guid>https://blog.example/?p=1</guid><title>Undated</title><description>x</description></item>")
    (post,) = parse_feed(data, "Blog", "https://blog.example/feed", now=NOW)
    assert post.published_at == NOW and post.extra["date_estimated"] is True


def test_a_date_far_in_the_future_is_not_believed():
    data = rss("<item><guid>https://blog.example/?p=1</guid><pubDate>Fri, 01 Jan 2100 00:00:00 +0000</pubDate></item>")
    (post,) = parse_feed(data, "Blog", "https://blog.example/feed", now=NOW)
    assert post.published_at == NOW and post.extra["date_estimated"] is True


def test_bare_guids_are_kept_apart_per_source():
    data = rss("<item><guid isPermaLink='false'>42</guid><title>A</title></item>")
    (a,) = parse_feed(data, "Blog A", "https://a.example/feed", now=NOW)
    (b,) = parse_feed(data, "Blog B", "https://b.example/feed", now=NOW)
    assert a.platform_id == "Blog A:42" and b.platform_id == "Blog B:42"


def test_entries_with_no_id_or_link_get_a_stable_content_id():
    data = rss("<item><title>Drop-in</title><description>Thursdays 7pm</description></item>")
    first = parse_feed(data, "Blog", "https://blog.example/feed", now=NOW)[0].platform_id
    again = parse_feed(data, "Blog", "https://blog.example/moved-feed", now=NOW)[0].platform_id
    other = parse_feed(data.replace(b"7pm", b"8pm"), "Blog", "https://blog.example/feed", now=NOW)[0].platform_id
    assert first == again != other
    assert first.startswith("Blog:sha256:")


def test_summary_is_used_when_there_is_no_full_content():
    data = rss("<item><link>https://blog.example/p/1</link><description>&lt;p&gt;Just the &lt;em&gt;summary&lt;/em&gt;&lt;/p&gt;</description></item>")
    (post,) = parse_feed(data, "Blog", "https://blog.example/feed", now=NOW)
    assert post.content_html == "<p>Just the <em>summary</em></p>"
    assert post.content_text == "Just the summary"


def test_titles_are_plain_text_and_tags_are_not_repeated():
    data = rss(
        "<item><link>https://blog.example/p/1</link><title>Carers &amp;amp; families</title>"
        "<category>Carers</category><category> Carers </category><category>Peer  support</category></item>"
    )
    (post,) = parse_feed(data, "Blog", "https://blog.example/feed", now=NOW)
    assert post.title == "Carers & families"
    assert post.tags == ("Carers", "Peer support")


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://atom.example/blog/" xml:lang="en-GB">
  <title>Atom blog</title>
  <author><name>Feed Author</name></author>
  <entry>
    <id>tag:atom.example,2026:1</id>
    <title type="html">Plans &lt;em&gt;with&lt;/em&gt; people</title>
    <link rel="alternate" href="posts/1"/>
    <updated>2026-11-20T09:00:00+01:00</updated>
    <author><name>Ada Peer</name><uri>https://atom.example/ada</uri></author>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>See <a href="../about">about us</a>.</p></div></content>
  </entry>
  <entry>
    <id>tag:atom.example,2026:2</id>
    <title>Plain</title>
    <published>2026-11-21T09:00:00Z</published>
    <content type="text">Use &lt;b&gt; for bold</content>
  </entry>
</feed>"""


def test_atom_entries_with_xml_base_authors_and_updated_dates():
    first, second = parse_feed(ATOM, "Atom blog", "https://atom.example/feed.atom", now=NOW)
    assert first.platform_id == "tag:atom.example,2026:1"
    assert first.url == "https://atom.example/blog/posts/1"
    assert first.title == "Plans with people"
    assert first.author == "Ada Peer" and first.author_url == "https://atom.example/ada"
    # Only <updated>: it serves as the published date too, in UTC.
    assert first.published_at == datetime(2026, 11, 20, 8, 0, tzinfo=timezone.utc) == first.updated_at
    assert 'href="https://atom.example/about"' in first.content_html  # against xml:base
    assert first.language == "en-gb"
    # Feed-level author stands in; a text-only body is escaped, not interpreted.
    assert second.author == "Feed Author"
    assert second.updated_at is None
    assert second.content_text == "Use <b> for bold"
    assert "<b>" not in second.content_html and "&lt;b&gt;" in second.content_html


def test_a_script_in_a_feed_never_survives():
    data = rss(
        "<item><link>https://blog.example/p/1</link>"
        "<content:encoded><![CDATA[<p onclick='steal()'>Hi</p><script>steal()</script>"
        "<a href='javascript:steal()'>x</a><iframe src='https://evil.example'></iframe>]]></content:encoded></item>"
    )
    (post,) = parse_feed(data, "Blog", "https://blog.example/feed", now=NOW)
    assert "steal" not in post.content_html and "iframe" not in post.content_html
    assert "steal" not in post.content_text


@pytest.mark.parametrize(
    ("author", "expected"),
    [("jo@example.org (Jo Bloggs)", "Jo Bloggs"), ("jo@example.org", ""), ("Jo Bloggs <jo@example.org>", "Jo Bloggs")],
)
def test_author_email_addresses_are_not_kept(author, expected):
    data = rss(f"<item><link>https://blog.example/p/1</link><author>{author.replace('<', '&lt;').replace('>', '&gt;')}</author></item>")
    (post,) = parse_feed(data, "Blog", "https://blog.example/feed", now=NOW)
    assert post.author == expected


def test_control_characters_from_a_broken_feed_are_dropped():
    # Not well-formed XML, so feedparser's loose parser reads it, NULs and all.
    data = (b'<rss version="2.0"><channel><title>T</title><item><title>a\x00b</title><author>x\x00y</author>'
            b"<link>https://a.example/\x00p</link><category>c\x01d</category>"
            b"<description>hi\x00there &amp;#0;</description></item></channel></rss>")
    (post,) = parse_feed(data, "Blog", "https://a.example/feed", now=NOW)
    assert (post.title, post.author, post.url, post.tags) == ("ab", "xy", "https://a.example/p", ("cd",))
    for value in (post.platform_id, post.content_html, post.content_text):
        assert "\x00" not in value
