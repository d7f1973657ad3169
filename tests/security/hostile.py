"""Build hostile posts from the vectors: an Atom feed for the real RSS collector, and Mastodon-shaped
records made the way the Mastodon collector makes them (clean_html, then html_to_text)."""

from __future__ import annotations

import base64
import html
from datetime import datetime, timedelta, timezone

from collectors.sanitize import clean_html, html_to_text
from peerfeed.records import Platform, Post
from tests.security.vectors import VECTORS

T0 = datetime(2026, 11, 20, 9, 0, tzinfo=timezone.utc)


def vector(i: int, where: str, canary: str) -> str:
    """Vector `i` armed for the field `where` (a letter): its canary id is e.g. 'b17' (body, vector 17)."""
    vid = f"{where}{i}"
    js = f"__xss('{vid}')"
    url = f"{canary}/hit?n={vid}"
    fetch = f"<script>fetch('{url}')</script><img src=x onerror=\"fetch('{url}')\">"
    svg = f"<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='x' onerror=\"fetch('{url}')\"/></svg>"
    return VECTORS[i].format(
        js=js, url=url, id=vid, b64=base64.b64encode(js.encode()).decode(),
        html64=base64.b64encode(fetch.encode()).decode(), svg64=base64.b64encode(svg.encode()).decode())


def hostile_url(i: int, where: str, canary: str) -> str:
    """Link values: some not http at all (the collector must drop them), some http with tricks that
    try to break out of a Markdown link or an HTML attribute."""
    vid = f"{where}{i}"
    js = f"__xss('{vid}')"
    options = [
        f"javascript:{js}",
        f"JaVaScRiPt:{js}",
        f"data:text/html,<script>{js}</script>",
        f"vbscript:msgbox('{vid}')",
        f"https://blog.example/{i})](javascript:{js})",
        f"https://blog.example/{i}\"><img src=x onerror={js}>",
        f"https://blog.example/{i}' onmouseover='{js}",
        f"https://blog.example/{i}><script>{js}</script>",
        f" javascript:{js}",
        f"https://blog.example/{i}#<script>{js}</script>",
    ]
    return options[i % len(options)]


def atom_feed(canary: str) -> bytes:
    """One Atom entry per vector: the vector in the title, the body, the author's name; hostile links."""
    entries = []
    for i in range(len(VECTORS)):
        entries.append(f"""<entry>
<id>urn:peerfeed:xss:{i}</id>
<title type="html">{html.escape(f"Title {i} " + vector(i, "t", canary))}</title>
<link rel="alternate" href="{html.escape(hostile_url(i, "l", canary))}"/>
<author><name>{html.escape(vector(i, "a", canary))}</name><uri>{html.escape(hostile_url(i, "u", canary))}</uri></author>
<updated>{(T0 + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ")}</updated>
<content type="html">{html.escape(f"<p>Body {i}</p>" + vector(i, "b", canary))}</content>
</entry>""")
    return (f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Hostile blog</title><id>urn:peerfeed:hostile</id>
<updated>{T0.strftime("%Y-%m-%dT%H:%M:%SZ")}</updated>
""" + "\n".join(entries) + "\n</feed>\n").encode()


def toots(canary: str, per_post: int = 6, prefix: str = "m") -> list[Post]:
    """Mastodon-shaped posts carrying every vector, `per_post` at a time, in the body, the content
    warning, the author's display name and links."""
    out = []
    for n, start in enumerate(range(0, len(VECTORS), per_post)):
        idx = range(start, min(start + per_post, len(VECTORS)))
        body = f"<p>Toot {prefix}{n}</p>" + "".join(vector(i, "b" + prefix, canary) for i in idx)
        safe = clean_html(body, base_url="https://mastodon.example/")
        out.append(Post(
            platform=Platform.MASTODON, platform_id=f"https://mastodon.example/statuses/{prefix}{n}",
            source="hostile", url=hostile_url(n, "l" + prefix, canary).strip() if n % 2 else
            f"https://mastodon.example/@x/{prefix}{n}",
            author=" ".join(vector(i, "a" + prefix, canary) for i in idx),
            author_url=hostile_url(n + 1, "u" + prefix, canary),
            content_html=safe, content_text=html_to_text(safe),
            content_warning=" ".join(vector(i, "c" + prefix, canary) for i in idx),
            sensitive=True, title=" ".join(vector(i, "t" + prefix, canary) for i in idx),
            published_at=T0 + timedelta(hours=5, minutes=n)))
    return out
