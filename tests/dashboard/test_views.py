"""Post text as inert Markdown: nothing a post writes becomes markup or a link."""

from dashboard.views import escape_markdown, post_markdown


def test_markdown_syntax_is_escaped():
    assert escape_markdown("[x](javascript:alert(1)) **bold** <b>") == (
        r"\[x\]\(javascript\:alert\(1\)\) \*\*bold\*\* \<b\>")


def test_bare_urls_become_code_not_links():
    shown = escape_markdown("Booking: https://carers.example/events?id=3 or www.nhs.uk/mental-health.")
    assert shown == "Booking\\: `https://carers.example/events?id=3` or `www.nhs.uk/mental-health.`"


def test_backticks_inside_a_url_cannot_close_its_code_span():
    shown = escape_markdown("see https://x.example/``a`b")
    assert shown == "see ```https://x.example/``a`b```"


def test_paragraphs_and_line_breaks_survive():
    assert post_markdown("one\ntwo\n\nthree") == "one  \ntwo\n\nthree"
