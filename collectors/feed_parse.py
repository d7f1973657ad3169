"""RSS and Atom: bytes in, sanitized `Post` records out (feedparser, then nh3 once).

The pure half of the blog collector (collectors/rss.py fetches; collectors/comments.py reads
comment threads with the same parser). Tested against recorded feeds, no network.

feedparser runs with `sanitize_html=False`: its sgmllib sanitizer is several times slower than nh3
(see benchmarks/collect.py), and we must sanitize with collectors/sanitize.py anyway. Relative
links in content are resolved by nh3 too, against the entry's xml:base if the feed declares one,
else the entry's own link; feedparser's resolving pass would cost another sgmllib parse.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import logging
import re
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin

import feedparser

from collectors.base import ErrorKind, FetchError
from collectors.clean_text import clean_post
from collectors.sanitize import clean_html, html_to_text, text_to_html
from peerfeed.dedupe import canonical_url
from peerfeed.records import Platform, Post
from peerfeed.sources import SourceConfig

log = logging.getLogger(__name__)

FEED_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
    "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8"
)
# A date this far ahead is a broken clock, not a scheduled post: it would pin the post to the top.
MAX_FUTURE = timedelta(days=1)
_HTML_TYPES = {"text/html", "application/xhtml+xml"}
_HREF = re.compile(r'href="(https?://[^"]+)"')
_EMAIL = re.compile(r"<?\b[\w.+-]+@[\w-]+(\.[\w-]+)+\b>?")
_LANGUAGE_TAG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,3}$")
# The store keys posts on (platform, platform_id) in a 1000-character column.
MAX_ID_CHARS = 900
_XML_DECL_ENCODING = re.compile(rb'^\s*<\?xml[^>]*encoding=["\']([A-Za-z0-9._-]+)["\']', re.I)


class FeedParseError(ValueError):
    """The bytes are not a feed we can read; the message says why, for the source's health record."""


def parse_feed(
    data: bytes,
    source_name: str,
    url: str,
    headers: dict | None = None,
    now: datetime | None = None,
    skipped: list[str] | None = None,
) -> list[Post]:
    """Turn feed bytes into sanitized Posts; raise FeedParseError when nothing usable is there.

    A feed feedparser calls "bozo" (ill-formed) still counts if it yields entries. `url` is where the
    bytes came from: relative links resolve against it. An entry without a usable date gets `now`
    (the fetch time) and `extra["date_estimated"] = True`, so the store can keep the first-seen date.
    An entry that cannot be turned into a post is left out and described (never with its text) in
    `skipped`, when given: one bad entry costs only itself.
    """
    now = now or datetime.now(timezone.utc)
    headers = {str(k).lower(): str(v) for k, v in (headers or {}).items()}
    headers.setdefault("content-location", url)
    parsed = feedparser.parse(
        io.BytesIO(safe_charrefs(data)),  # a str would make feedparser treat it as a URL or a path
        response_headers=headers,
        sanitize_html=False,
        # nh3 resolves relative links in the same pass as it sanitizes (see _entry_to_post).
        resolve_relative_uris=False,
    )
    entries = parsed.get("entries") or []
    if not entries:
        exc = parsed.get("bozo_exception")
        # A notice about the content type or encoding on a well-formed empty feed is not a failure.
        harmless = isinstance(exc, feedparser.exceptions.ThingsNobodyCaresAboutButMe)
        if parsed.get("bozo") and not (harmless and parsed.get("version")):
            raise FeedParseError(
                f"{source_name}: no entries could be read from {url}: "
                f"{type(exc).__name__}: {exc} (content-type {headers.get('content-type', 'unknown')})"
            )
        if not parsed.get("version"):
            raise FeedParseError(
                f"{source_name}: {url} is not an RSS or Atom feed "
                f"(content-type {headers.get('content-type', 'unknown')})"
            )
        return []
    feed = parsed.get("feed") or {}
    doc_bases = {url, urljoin(url, headers["content-location"])}
    posts = []
    for n, entry in enumerate(entries, 1):
        try:
            posts.append(_entry_to_post(entry, feed, source_name, url, doc_bases, now))
        except Exception as exc:  # noqa: BLE001 - one entry must not cost the feed; the type says enough
            problem = f"entry {n}: {type(exc).__name__}"
            if skipped is None:
                log.warning("feed entry skipped source=%s url=%s problem=%s", source_name, url, problem)
            else:
                skipped.append(problem)
    if entries and not posts:
        raise FeedParseError(f"{source_name}: none of the {len(entries)} entries in {url} could be read")
    return posts


# A character reference to a surrogate, to NUL or past U+10FFFF: feedparser's loose parser raises
# on the first (chr(0xD800).encode fails), and no store can keep the others.
_CHARREF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _charref_fix(match: re.Match) -> bytes:
    hex_, dec = match.groups()
    code = int(hex_, 16) if hex_ else int(dec)
    if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return b"&#xFFFD;"
    return match.group()


def safe_charrefs(data: bytes) -> bytes:
    """`data` with character references no text can hold (`&#xD800;`, `&#0;`) made U+FFFD."""
    return _CHARREF.sub(_charref_fix, data) if b"&#" in data else data


def fetch_limits(source: SourceConfig) -> dict:
    """The source's own `timeout_s` / `max_bytes` options, checked; raises FetchError(CONFIG)."""
    limits = {}
    for key, kind in (("timeout_s", float), ("max_bytes", int)):
        value = (source.options or {}).get(key)
        if value is None:
            continue
        try:
            value = kind(value)
        except (TypeError, ValueError):
            value = 0
        if not value > 0:
            raise FetchError(ErrorKind.CONFIG, f"option {key} must be a positive number, "
                             f"got {source.options[key]!r} (sources.yaml entry for {source.url})")
        limits[key] = value
    return limits


def repair_utf8(body: bytes, content_type: str) -> tuple[bytes, str | None]:
    """Replace invalid bytes in a feed that is meant to be UTF-8, instead of losing every post.

    feedparser would otherwise guess another encoding for the whole document and garble every
    correct non-ASCII character.
    """
    declared = None
    m = re.search(r"charset\s*=\s*[\"']?([\w.-]+)", content_type, re.I)
    if m:
        declared = m.group(1).lower()
    else:
        m2 = _XML_DECL_ENCODING.match(body[:200].lstrip(b"\xef\xbb\xbf"))
        declared = m2.group(1).decode("ascii").lower() if m2 else None
    if declared not in (None, "utf-8", "utf8"):
        return body, None
    if body[:2] in (b"\xff\xfe", b"\xfe\xff") or body[:4] in (b"\x00\x00\xfe\xff", b"\xff\xfe\x00\x00"):
        return body, None  # a UTF-16/32 byte order mark: let feedparser decode it
    try:
        body.decode("utf-8")
        return body, None
    except UnicodeDecodeError as exc:
        text = body.decode("utf-8", errors="replace")
        if not any(ord(c) > 127 and c != "\ufffd" for c in text):
            # Not one good multi-byte character: a Windows-1252 feed mislabelled (or unlabelled),
            # which feedparser's own fallback decodes correctly.
            return body, None
        return text.encode("utf-8"), f"feed is not valid UTF-8 (first bad byte at offset {exc.start}); bad bytes replaced"


def _utc(struct) -> datetime | None:
    if not struct:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(struct), tz=timezone.utc)
    except (OverflowError, ValueError, OSError, TypeError):
        return None


def _pick_content(entry) -> tuple[str, str]:
    """(html, base) of the fullest body: content:encoded / Atom content before the summary."""
    contents = entry.get("content") or []
    for c in sorted(contents, key=lambda c: (c.get("type") not in _HTML_TYPES, -len(c.get("value") or ""))):
        if c.get("value"):
            return _as_html(c), c.get("base") or ""
    detail = entry.get("summary_detail") or {}
    if entry.get("summary"):
        return _as_html({"type": detail.get("type", "text/html"), "value": entry["summary"]}), detail.get("base") or ""
    return "", ""


def _as_html(detail) -> str:
    value = detail.get("value") or ""
    if detail.get("type") in _HTML_TYPES:
        return value
    return text_to_html(value)


def _text(detail_value: str | None, detail: dict | None) -> str | None:
    if not detail_value:
        return None
    if detail and detail.get("type") in _HTML_TYPES:
        return html_to_text(detail_value) or None
    return " ".join(detail_value.split()) or None


def _stable_id(entry, source_name: str) -> str:
    raw = (entry.get("id") or entry.get("link") or "").strip()
    if raw and len(raw) <= MAX_ID_CHARS:
        # Bare ids like "42" repeat across feeds; key them to the source so they stay distinct.
        if "://" in raw or raw.startswith(("urn:", "tag:")):
            return raw
        return f"{source_name}:{raw}"
    # No id or link at all (or an absurd one): the entry's own words are the only stable thing.
    basis = raw or "\x1f".join([entry.get("title") or "", entry.get("summary") or ""])
    return f"{source_name}:sha256:{hashlib.sha256(basis.encode('utf-8', 'replace')).hexdigest()[:32]}"


def _is_http(url: str | None) -> bool:
    return url is not None and url.startswith(("http://", "https://"))


def _entry_to_post(entry, feed, source_name: str, feed_url: str, doc_bases: set[str], now: datetime) -> Post:
    link = entry.get("link")
    if not _is_http(link):
        link = entry.get("id") if _is_http(entry.get("id")) else None
    url = link or (feed.get("link") if _is_http(feed.get("link")) else feed_url)
    raw_html, base = _pick_content(entry)
    # Relative links in a blog post are relative to the post, not to wherever the feed is served
    # from (a proxy, a redirect), unless the feed said otherwise with xml:base.
    explicit_base = base if _is_http(base) and base not in doc_bases else None
    base_url = explicit_base or link or feed_url
    content_html = clean_html(raw_html, base_url=base_url)

    # dict.get: feedparser's own .get("updated_parsed") quietly answers with the published date.
    updated = _utc(dict.get(entry, "updated_parsed"))
    published = _utc(dict.get(entry, "published_parsed")) or updated
    extra: dict = {}
    if published is None or published > now + MAX_FUTURE:
        published = now
        extra["date_estimated"] = True

    author_detail = entry.get("author_detail") or feed.get("author_detail") or {}
    author = author_detail.get("name") or entry.get("author") or feed.get("author") or ""
    # RSS <author> is often "jo@example.org (Jo)": keep the name, not the address.
    author = _EMAIL.sub("", author).replace("()", "").strip(" ()<>")
    author_url = author_detail.get("href") if _is_http(author_detail.get("href")) else None

    tags: list[str] = []
    for tag in entry.get("tags") or []:
        term = " ".join(((tag.get("label") or tag.get("term")) or "").split())
        if term and term not in tags:
            tags.append(term)

    comments_feed = entry.get("wfw_commentrss")
    if comments_feed:
        comments_feed = urljoin(feed_url, comments_feed.strip())
        if _is_http(comments_feed):
            extra["comments_feed"] = comments_feed
    count = (entry.get("slash_comments") or "").strip()
    if count.isdigit():
        extra["comment_count"] = int(count)
    thread_url = entry.get("comments")
    thread_url = urljoin(url, thread_url.strip()) if thread_url else None
    if feed.get("title"):
        extra["feed_title"] = _text(feed.get("title"), feed.get("title_detail"))

    content_detail = (entry.get("content") or [{}])[0]
    language = content_detail.get("language") or feed.get("language")
    if language and not _LANGUAGE_TAG.match(language):
        language = None
    links = tuple(dict.fromkeys(html.unescape(h) for h in _HREF.findall(content_html)))

    post = Post(
        platform=Platform.RSS,
        platform_id=_stable_id(entry, source_name),
        source=source_name,
        url=url,
        author=" ".join(author.split()),
        content_html=content_html,
        content_text=html_to_text(raw_html),
        published_at=published,
        title=_text(entry.get("title"), entry.get("title_detail")),
        author_url=author_url,
        canonical_url=canonical_url(link),
        updated_at=updated,
        tags=tuple(tags),
        language=language.lower() if language else None,
        reply_to=None,
        thread_url=thread_url if _is_http(thread_url) else None,
        links=links,
        extra=extra,
    )
    return clean_post(post)
