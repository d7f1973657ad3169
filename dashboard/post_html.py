"""A cleared post as the digest shows it: HTML we write ourselves around the post's escaped plain text.

Why HTML and not Markdown: a link that leaves peerfeed must carry rel="noopener noreferrer nofollow
ugc" and say so on screen, and Markdown cannot add either. So nothing a stranger wrote is ever
interpreted: every piece of post text (title, author, source, body, content warning) goes through
`html.escape`, and the only markup on the card is the markup below. Links are made only from
http(s) URLs found in the plain text (and the post's own URL), each percent-quoted by
`views.safe_url`. Author names are text, never links: `dan@mastodon.example` stays a name.

Links open in the same tab: Streamlit's HTML sanitizer rewrites the rel of every target="_blank"
link to "noopener noreferrer", which would drop nofollow and ugc (and the page's Referrer-Policy
no-referrer already keeps the reader's page from the other site).
"""

from __future__ import annotations

import re
from html import escape

from dashboard.views import safe_url, topic_label, when_label

OUTBOUND_REL = "noopener noreferrer nofollow ugc"
LEAVES = "leaves peerfeed for another website"

# An http(s) URL in running text; trailing punctuation that usually ends the sentence is not part of it.
_URL = re.compile(r"(?i)\bhttps?://[^\s<>\"'`]+")
_TRAILING = ".,;:!?'\")]}"
_HAS_HOST = re.compile(r"(?i)https?://[^/?#.\s][^/?#\s]*")


def outbound_link(label: str, url: str | None) -> str:
    """An escaped label linked to `url` (http/https only) and marked as leaving peerfeed, or just
    the escaped label when the URL is unusable."""
    target = safe_url(url)
    if not target:
        return escape(label)
    return (f'<a class="pf-out" href="{escape(target, quote=True)}" rel="{OUTBOUND_REL}">'
            f'{escape(label)}<span class="pf-cue" aria-hidden="true"> ↗</span>'
            f'<span class="pf-sr"> ({LEAVES})</span></a>')


def _split_url(match: str) -> tuple[str, str]:
    """(the URL, punctuation after it that belongs to the sentence)."""
    url = match
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break  # a balanced parenthesis is part of the URL (Wikipedia style)
        url = url[:-1]
    return url, match[len(url):]


def linked_line(line: str) -> str:
    """One line of plain text as escaped HTML, with its http(s) URLs made into outbound links."""
    out, last = [], 0
    for m in _URL.finditer(line):
        url, tail = _split_url(m.group(0))
        out.append(escape(line[last:m.start()]))
        out.append(outbound_link(url, url) if _HAS_HOST.match(url) else escape(url))
        out.append(escape(tail))
        last = m.end()
    out.append(escape(line[last:]))
    return "".join(out)


def text_html(text: str | None, limit: int | None = None) -> str:
    """A post's plain text as paragraphs of escaped HTML, line breaks kept, URLs linked."""
    text = (text or "").strip()
    if limit is not None and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join("<p>" + "<br>".join(linked_line(line) for line in p.splitlines()) + "</p>"
                   for p in paragraphs)


PLATFORM_NAMES = {"rss": "a blog", "mastodon": "Mastodon", "bluesky": "Bluesky"}


def heading(row: dict) -> str:
    """The card's heading: the post's title, or 'Author on Platform' for a titleless status."""
    where = PLATFORM_NAMES.get(row["platform"], row["platform"].capitalize())
    return row["title"] or f"{row['author'] or 'Someone'} on {where}"


def meta_html(row: dict) -> str:
    """Who wrote it (a name, not a link), where, when, the original, and who cleared it."""
    parts = [escape(row["author"] or "unknown author"), escape(row["source"] or row["platform"]),
             escape(when_label(row["published_at"])), outbound_link("read the original", row["url"]),
             escape(row["cleared"])]
    return '<p class="pf-meta">' + " · ".join(parts) + "</p>"


def card_head_html(row: dict, level: int = 2) -> str:
    """The heading (h2 under the page's h1) and the meta line of a digest card."""
    return f'<h{level} class="pf-title">{escape(heading(row))}</h{level}>{meta_html(row)}'


def topics_html(topics: list[str]) -> str:
    if not topics:
        return ""
    return '<p class="pf-meta">' + " · ".join(escape(topic_label(t)) for t in topics) + "</p>"
