"""The published digest: cleared posts as an Atom feed and a static HTML page grouped by topic.

Like Planet publishing a blogroll, but only posts the publication gate clears (store/publication.py),
each saying how it was cleared: reviewed by a moderator, or published automatically. Every post in
a file is marked (`peerfeed.artefacts.wrap`) and the files are recorded as publications, so a post
that stops being cleared (hidden, edited, deleted, re-held) is taken out of both files at the commit
that withdrew it, not at the next scheduled build. Post
HTML was sanitized with nh3 at collection; it is cleaned again here with the same policy because a
published page is the last place a script could slip through, and every title, name and URL is
escaped. The page also carries a Content-Security-Policy that forbids scripts outright. Files are
written next to their final name, checked (the feed parsed back with feedparser, the page scanned
for anything executable), and only then moved into place: a bad digest never replaces a good one.
"""

from __future__ import annotations

import html
import re
import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path

from sqlalchemy.engine import Engine

from collectors.sanitize import clean_html
from peerfeed import artefacts
from peerfeed.dedupe import http_url
from peerfeed.settings import Settings
from store.db import transaction
from store.digest import DigestEntry, digest_entries
from store.models import utcnow
from store.publication import CLEARANCE_TEXT, record_publication

CHANNEL = "static_digest"

PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}
ATOM = "http://www.w3.org/2005/Atom"
# Display names and order of the taxonomy's topics (see /work/shared/taxonomy.md).
TOPIC_NAMES = {
    "peer_support": "Peer support", "care_planning": "Care planning and co-ordination",
    "coproduction": "Co-production and involvement", "carers": "Carers", "services_access": "Access to services",
    "recovery_wellbeing": "Recovery and wellbeing", "employment": "Work and volunteering",
    "treatment": "Treatment and medication", "digital": "Digital and online", "events": "Events",
    "stigma_rights": "Stigma and rights",
}
OTHER = "Other conversation"
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; base-uri 'none'; form-action 'none'"
# Our own <style> and <link rel=alternate> are expected; posts can carry neither (nh3 drops them).
_EXECUTABLE_TAGS = {"script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "form",
                    "img", "svg", "math", "audio", "video", "input", "button", "textarea"}


class DigestError(RuntimeError):
    """The digest did not pass its own checks and was not published."""


@dataclass(frozen=True)
class DigestPaths:
    atom: Path
    html: Path
    entries: int


def publish_digest(engine: Engine, settings: Settings, period: str = "daily", now: datetime | None = None,
                   out_dir: Path | None = None) -> DigestPaths:
    """Write `<site_dir>/digest/<period>.atom` and `.html` for posts approved in the last day or week."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, got {period!r}")
    now = now or utcnow()
    with transaction(engine) as session:
        entries = digest_entries(session, now - PERIODS[period], now)
    out_dir = Path(out_dir or Path(settings.site_dir) / "digest")
    out_dir.mkdir(parents=True, exist_ok=True)
    base = settings.public_base_url.rstrip("/")
    atom_path, html_path = out_dir / f"{period}.atom", out_dir / f"{period}.html"
    atom = render_atom(entries, period, now, feed_url=f"{base}/digest/{period}.atom", site_url=base)
    page = render_html(entries, period, now, feed_href=f"{period}.atom")
    held = {e.post_id: e.cleared_by for e in entries}

    def record() -> None:
        with transaction(engine) as session:
            for path in (atom_path, html_path):
                record_publication(session, CHANNEL, str(path.resolve()), held, now=now)

    record()  # before writing: a crash between here and the files leaves the copies known
    artefacts.publish_file(atom_path, atom, lambda p: check_atom(p, entries))
    artefacts.publish_file(html_path, page, check_html)
    record()  # after: a post withdrawn while the files were written is settled, and taken out again
    return DigestPaths(atom=atom_path, html=html_path, entries=len(entries))


def entry_title(e: DigestEntry) -> str:
    """A post's title, or for a titleless status 'Author on Platform' (never the post's first words)."""
    return e.title or f"{e.author or 'Someone'} on {e.platform.capitalize()}"


def entry_id(e: DigestEntry) -> str:
    """A stable Atom id from the post's platform key, the same in every digest it appears in."""
    return uuid.uuid5(uuid.NAMESPACE_URL, f"peerfeed:{e.platform}:{e.platform_id}").urn


def entry_html(e: DigestEntry) -> str:
    """The post body as safe HTML: cleaned again, with the content warning in front of it and how
    it was cleared after it."""
    body = clean_html(e.content_html, base_url=e.url)
    if e.content_warning:
        body = f"<p><strong>Content warning: {html.escape(e.content_warning)}</strong></p>{body}"
    return f"{body}<p><em>{html.escape(CLEARANCE_TEXT[e.cleared_by])}.</em></p>"


def primary_topic(e: DigestEntry) -> str:
    """The topic a post is listed under: its highest-scoring one, or 'other' when it has none."""
    if not e.topics:
        return OTHER
    order = list(TOPIC_NAMES)
    # Highest score wins; a tie goes to the topic earlier in the taxonomy.
    return max(e.topics, key=lambda t: (e.topic_scores.get(t, 0.0), -order.index(t) if t in order else -len(order)))


def _iso(dt: datetime) -> str:
    return dt.isoformat(timespec="seconds").replace("+00:00", "Z")


def render_atom(entries: list[DigestEntry], period: str, now: datetime, feed_url: str, site_url: str) -> str:
    """An Atom 1.0 feed of the entries (ElementTree escapes every text and attribute)."""
    ET.register_namespace("", ATOM)

    def sub(parent, tag, text=None, **attrs):
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", {k: v for k, v in attrs.items() if v is not None})
        if text is not None:
            el.text = text
        return el

    feed = ET.Element(f"{{{ATOM}}}feed")
    sub(feed, "id", feed_url)
    sub(feed, "title", f"peerfeed {period} digest")
    sub(feed, "updated", _iso(now))
    sub(feed, "link", rel="self", href=feed_url, type="application/atom+xml")
    sub(feed, "link", rel="alternate", href=site_url, type="text/html")
    sub(sub(feed, "author"), "name", "peerfeed moderators")
    for e in entries:
        # Comments around each entry let a withdrawal take it out (peerfeed.artefacts.scrub).
        feed.append(ET.Comment(f" peerfeed:post {int(e.post_id)} "))
        entry = sub(feed, "entry")
        sub(entry, "id", entry_id(e))
        sub(entry, "title", entry_title(e), type="text")
        if http_url(e.url):
            sub(entry, "link", rel="alternate", href=e.url)
        sub(entry, "published", _iso(e.published_at))
        sub(entry, "updated", _iso(e.approved_at or e.published_at))
        author = sub(entry, "author")
        sub(author, "name", e.author or (e.source_name or "unknown"))
        if e.author_url:
            sub(author, "uri", e.author_url)
        for t in e.topics:
            sub(entry, "category", term=t, label=TOPIC_NAMES.get(t, t))
        sub(entry, "content", entry_html(e), type="html")
        feed.append(ET.Comment(f" /peerfeed:post {int(e.post_id)} "))
    ET.indent(feed)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode") + "\n"


def render_html(entries: list[DigestEntry], period: str, now: datetime, feed_href: str) -> str:
    """A static page: one section per topic (taxonomy order), posts newest first within each."""
    esc = html.escape
    groups: dict[str, list[DigestEntry]] = {}
    for e in entries:
        groups.setdefault(primary_topic(e), []).append(e)
    order = [t for t in TOPIC_NAMES if t in groups] + sorted(t for t in groups if t not in TOPIC_NAMES)
    title = f"peerfeed {period} digest, {now:%d %B %Y}"
    out = [
        "<!DOCTYPE html>", '<html lang="en-GB">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title>",
        f'<link rel="alternate" type="application/atom+xml" href="{esc(feed_href)}" title="{esc(title)}">',
        "<style>body{font-family:system-ui,sans-serif;max-width:46rem;margin:auto;padding:1rem;line-height:1.5}"
        "article{border-top:1px solid #ddd;padding:.5rem 0}.meta{color:#555;font-size:.9em}</style>",
        "</head>", "<body>", f"<h1>{esc(title)}</h1>",
        "<p>Posts from the UK peer-support community. Each says whether a moderator has read it, or it was "
        "published automatically because our checks found no sign of distress and no moderator has read it "
        f'yet. <a href="{esc(feed_href)}">Atom feed</a></p>',
    ]
    if not entries:
        out.append("<p>Nothing new in this period.</p>")
    if order:
        # No counts: a withdrawal takes a post out of the page without writing the rest again.
        out.append("<nav><ul>" + "".join(
            f'<li><a href="#{esc(t)}">{esc(TOPIC_NAMES.get(t, t))}</a></li>' for t in order) + "</ul></nav>")
    for t in order:
        out.append(f'<section id="{esc(t)}"><h2>{esc(TOPIC_NAMES.get(t, t))}</h2>')
        for e in groups[t]:
            body = clean_html(e.content_html, base_url=e.url)
            if e.content_warning:
                body = f"<details><summary>Content warning: {esc(e.content_warning)}</summary>{body}</details>"
            who = esc(e.author or "unknown")
            author_url = http_url(e.author_url)
            if author_url:
                who = f'<a href="{esc(author_url)}" rel="nofollow noopener">{who}</a>'
            via = f" via {esc(e.source_name)}" if e.source_name else ""
            title = esc(entry_title(e))
            if http_url(e.url):  # a post with no safe link keeps its title, unlinked
                title = f'<a href="{esc(e.url)}" rel="nofollow noopener">{title}</a>'
            out.append(artefacts.wrap(e.post_id,
                f'<article><h3>{title}</h3>'
                f'<p class="meta">{who}{via}, <time datetime="{_iso(e.published_at)}">'
                f"{e.published_at:%d %b %Y %H:%M} UTC</time> &middot; "
                f'<span class="cleared">{esc(CLEARANCE_TEXT[e.cleared_by])}</span></p>{body}</article>'))
        out.append("</section>")
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def check_atom(path: Path, entries: list[DigestEntry]) -> None:
    """Parse the feed back with feedparser: well-formed Atom with every entry and link intact."""
    import feedparser

    parsed = feedparser.parse(path.read_bytes())
    if parsed.bozo:
        raise DigestError(f"{path}: feedparser finds the feed ill-formed: {parsed.bozo_exception!r}")
    if parsed.version != "atom10":
        raise DigestError(f"{path}: expected Atom 1.0, feedparser reads {parsed.version!r}")
    # An entry with no safe link has none written; feedparser then reports its id as the link.
    got = [(x.id, None if x.get("link") in (None, "", x.id) else x.get("link")) for x in parsed.entries]
    want = [(entry_id(e), http_url(e.url)) for e in entries]
    if got != want:
        diff = next((g, w) for g, w in zip(got, want) if g != w) if len(got) == len(want) else None
        raise DigestError(f"{path}: entries read back differ from those written ({len(got)} vs {len(want)}; "
                          f"first difference read {diff[0] if diff else None!r}, wrote {diff[1] if diff else None!r})")


_LOCAL_FEED = re.compile(r"(daily|weekly)\.atom")


class _ActiveContent(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in _EXECUTABLE_TAGS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            elif name in ("href", "src", "action", "formaction", "srcset", "background", "poster") and value:
                # Only web links, in-page anchors and the page's own feed file may be linked.
                if not (http_url(value) or value.startswith("#") or _LOCAL_FEED.fullmatch(value)):
                    self.found.append(f"<{tag} {name}=...>")


def check_html(path: Path) -> None:
    """Refuse a page that contains anything a browser could run or load."""
    scan = _ActiveContent()
    scan.feed(path.read_text(encoding="utf-8"))
    scan.close()
    if scan.found:
        raise DigestError(f"{path}: active content in the page: {', '.join(sorted(set(scan.found)))}")
