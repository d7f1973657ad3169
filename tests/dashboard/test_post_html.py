"""The digest card's HTML: our markup around escaped text; links leave marked, names stay names."""

from datetime import datetime, timezone

from dashboard.post_html import OUTBOUND_REL, card_head_html, linked_line, outbound_link, text_html
from tests.dashboard.seed import LINKED_TEXT

ROW = {"title": None, "author": "dan@mastodon.example", "platform": "mastodon", "source": "#peersupport",
       "published_at": datetime(2026, 12, 1, 9, 14, tzinfo=timezone.utc),
       "url": "https://mastodon.example/@dan/1", "cleared": "Reviewed by a moderator"}


def test_urls_in_text_become_outbound_links_with_a_visible_cue():
    html = text_html(LINKED_TEXT)
    assert html.count(f'rel="{OUTBOUND_REL}"') == 2
    assert 'href="https://peers.example/slides?day=sat"' in html
    assert "sat</a>. Ask" in html.replace('<span class="pf-cue" aria-hidden="true"> ↗</span>', "").replace(
        '<span class="pf-sr"> (leaves peerfeed for another website)</span>', "")
    assert 'href="https://en.wikipedia.example/wiki/Peer_support_%28mental_health%29"' in html
    assert "↗" in html and "leaves peerfeed" in html


def test_post_text_stays_inert():
    html = text_html("<script>alert(1)</script> <img src=x onerror=alert(1)> [me](javascript:alert(1)) "
                     "**bold** javascript:alert(1) data:text/html,<b>x</b> ftp://files.example/x")
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "**bold**" in html
    assert html.count("<a ") == 0  # only http(s) URLs are linked


def test_quotes_cannot_break_out_of_the_href():
    html = linked_line('see https://x.example/a"onmouseover="alert(1) now')
    assert 'href="https://x.example/a"' in html and "onmouseover=\"" not in html
    assert outbound_link("x", "javascript:alert(1)") == "x"


def test_author_names_are_never_links_and_titles_are_h2():
    head = card_head_html(ROW)
    assert head.startswith('<h2 class="pf-title">dan@mastodon.example on Mastodon</h2>')
    assert "mailto:" not in head and head.count("<a ") == 1  # "read the original" only
    assert "Reviewed by a moderator" in head


def test_paragraphs_and_line_breaks_survive():
    assert text_html("one\ntwo\n\nthree") == "<p>one<br>two</p><p>three</p>"
