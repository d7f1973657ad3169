"""Plain helpers that turn store rows into what pages show: no Streamlit here, so they test alone.

Post text is always shown as escaped Markdown of the plain text (`content_text`), never as HTML:
nothing a post contains can become a link, an image, a script or a style on our page.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from urllib.parse import quote

from store.publication import CLEARANCE_TEXT

LEVEL_NAMES = {0: "none", 1: "concern", 2: "high", 3: "crisis", None: "not read by the model"}

TOPIC_LABELS = {
    "peer_support": "Peer support", "care_planning": "Care planning", "coproduction": "Co-production",
    "carers": "Carers", "services_access": "Access to services", "recovery_wellbeing": "Recovery & wellbeing",
    "employment": "Work & volunteering", "treatment": "Treatment", "digital": "Digital",
    "events": "Events", "stigma_rights": "Stigma & rights",
}

# UK crisis resources shown beside the review queue (checked against the services' own pages, 2026).
CRISIS_RESOURCES = [
    ("Samaritans", "Call 116 123, free, any time", "https://www.samaritans.org"),
    ("Shout", "Text SHOUT to 85258, free, any time", "https://giveusashout.org"),
    ("NHS 111", "Call 111 and choose option 2 for the local mental health crisis team",
     "https://111.nhs.uk"),
    ("Emergency", "Call 999 if someone's life is at risk now, or go to A&E", None),
]

# Replies that follow safe-messaging guidance (Samaritans' media and online guidelines): warm, direct,
# no judgement, no detail of methods, always a route to help now.
REPLY_TEMPLATES = {
    "Checking in (concern)": (
        "Thank you for sharing how things are for you right now. It sounds really hard, and you "
        "don't have to go through it alone. If it would help to talk, Samaritans are there any time "
        "on 116 123, or you can text SHOUT to 85258."
    ),
    "Worried about you (high)": (
        "I'm really glad you told us how you're feeling. What you're going through matters, and "
        "there are people who want to help right now. Please call Samaritans on 116 123, text SHOUT "
        "to 85258, or call NHS 111 and choose option 2 to reach your local crisis team."
    ),
    "Immediate danger (crisis)": (
        "We're worried about your safety right now. If you are in danger or have hurt yourself, "
        "please call 999 or go to A&E. You can also call Samaritans on 116 123 at any time. "
        "You matter, and help is available tonight."
    ),
    "Post held for review": (
        "We've held your post for a moment while a moderator reads it. This isn't a punishment: we "
        "check posts that mention hard things so that people who need support get it. If you need "
        "to talk now, Samaritans are on 116 123."
    ),
}

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:=&\"'^])")


_BARE_URL = re.compile(r"(?i)(?:\b[a-z][a-z0-9+.-]*://|\bwww\.)[^\s<>]+")


def escape_markdown(text: str) -> str:
    """Backslash-escape every character Markdown (and Streamlit's extensions) could act on.

    GitHub-flavoured Markdown turns a bare `https://…` or `www.…` into a link even when escaped, so
    URL-looking runs are shown as inline code instead: readable and copyable, never clickable.
    """
    text = text or ""
    out, last = [], 0
    for m in _BARE_URL.finditer(text):
        out.append(_MD_SPECIAL.sub(r"\\\1", text[last:m.start()]))
        out.append(_code_span(m.group(0)))
        last = m.end()
    out.append(_MD_SPECIAL.sub(r"\\\1", text[last:]))
    return "".join(out)


def _code_span(value: str) -> str:
    """`value` as a Markdown code span, fenced with more backticks than it contains."""
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if value.startswith("`") or value.endswith("`") else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def post_markdown(text: str, limit: int | None = None) -> str:
    """A post's plain text as inert Markdown, keeping its paragraphs and line breaks."""
    text = (text or "").strip()
    if limit is not None and len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    paragraphs = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "\n\n".join("  \n".join(escape_markdown(line) for line in p.splitlines()) for p in paragraphs)


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), made safe to put inside a Markdown link; else None."""
    if not url or not re.match(r"^https?://", url, re.IGNORECASE):
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


def link(label: str, url: str | None) -> str:
    """A Markdown link with an escaped label, or just the escaped label when the URL is unusable."""
    target = safe_url(url)
    return f"[{escape_markdown(label)}]({target})" if target else escape_markdown(label)


def waiting_label(since: datetime, now: datetime | None = None) -> str:
    """How long an item has waited, in words a moderator reads at a glance: '2 h 5 min'."""
    now = now or datetime.now(timezone.utc)
    minutes = max(0, int((now - since).total_seconds() // 60))
    days, rem = divmod(minutes, 24 * 60)
    hours, mins = divmod(rem, 60)
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {mins} min"
    return f"{mins} min"


def level_label(level: int | None) -> str:
    return f"{level} · {LEVEL_NAMES[level]}" if level is not None else LEVEL_NAMES[None]


def topic_label(topic: str) -> str:
    return TOPIC_LABELS.get(topic, topic.replace("_", " ").capitalize())


def when_label(at: datetime) -> str:
    """A UTC time for display ('26 Nov 2026, 09:14 UTC')."""
    return at.astimezone(timezone.utc).strftime("%d %b %Y, %H:%M UTC")


def queue_entry_row(entry, context=()) -> dict:
    """A review-queue entry (store.queries.QueueEntry) as a plain, cacheable dict."""
    item, post, cls = entry.item, entry.post, entry.classification
    return {
        "item_id": item.id, "version": item.version, "state": item.state, "level": item.level,
        "reason": item.reason, "assignee": item.assignee, "note": item.note, "decided_by": item.decided_by,
        "queued_at": item.created_at, "post_id": post.id, "platform": post.platform, "url": post.url,
        "title": post.title, "author": post.author, "author_url": post.author_url,
        "text": post.content_text, "content_warning": post.content_warning, "published_at": post.published_at,
        "source": entry.source_name, "topics": list(cls.topics) if cls else [],
        "score": cls.distress_score if cls else None, "reasons": list(cls.reasons) if cls else [],
        "model_version": cls.model_version if cls else None,
        "context": [{"author": p.author, "text": p.content_text, "url": p.url, "published_at": p.published_at}
                    for p in context],
    }


def digest_row(reader_post) -> dict:
    """A post the gate cleared (`store.queries.ReaderPost`: the row with classification and source
    loaded, and who cleared it) as a plain dict; `cleared` is what the page tells readers about it."""
    post, cls = reader_post.post, reader_post.post.classification
    return {
        "post_id": post.id, "platform": post.platform, "url": post.url, "title": post.title,
        "author": post.author, "author_url": post.author_url, "text": post.content_text,
        "content_warning": post.content_warning, "sensitive": bool(post.sensitive),
        "published_at": post.published_at, "source": post.source.name if post.source else None,
        "topics": list(cls.topics) if cls else [],
        "cleared_by": reader_post.cleared_by, "cleared": CLEARANCE_TEXT[reader_post.cleared_by],
    }


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value):
    """A value safe to open in a spreadsheet: text that a spreadsheet would run as a formula (=, +,
    -, @, a tab or line break first; full-width forms too) gets a leading apostrophe. Numbers stay numbers."""
    if isinstance(value, str) and value.lstrip(" ").startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_bytes(rows: list[dict]) -> bytes:
    """Rows as CSV (suppressed counts written as empty cells; text neutralised by `csv_cell`, since
    tags and terms are written by strangers and staff open the file in Excel or LibreOffice)."""
    import csv
    import io

    if not rows:
        return b""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[csv_cell(k) for k in rows[0].keys()])
    writer.writeheader()
    writer.writerows({csv_cell(k): csv_cell(v) for k, v in row.items()} for row in rows)
    return buf.getvalue().encode("utf-8")
