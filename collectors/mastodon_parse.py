"""Turn Mastodon statuses (API JSON, or Mastodon.py's dict-like entities) into `Post` records.

Pure functions, no network: `parse_statuses` takes one timeline page and returns the posts, the
newest timeline id seen (the incremental cursor) and what was skipped.

Choices a reader needs to know:

- A boost (reblog) becomes the *original* status: `platform_id` is the original's `uri`, which is the
  same on every instance, so a boost of a post we already have upserts the same row. The booster is
  kept in `extra["boosted_by"]`.
- Only `public` and `unlisted` statuses are kept. Followers-only and direct messages (which a token
  can see in list and account timelines) never enter the feed.
- `reply_to` is the parent's status id *on the instance the source reads* (`in_reply_to_id`); the
  parent's URI is not in the payload and fetching it per reply would spend the rate limit.
  `thread_url` is the reply's own page, where Mastodon shows the whole thread.
- `canonical_url` is the status page's canonical form; links the post shares are in `links`
  (mention and hashtag links left out, the preview card's URL included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, Mapping
from urllib.parse import urlsplit

from collectors.clean_text import clean_post
from collectors.sanitize import clean_html, html_to_text
from peerfeed.dedupe import canonical_url, http_url
from peerfeed.records import Platform, Post

VISIBLE = {"public", "unlisted"}
# A date this far ahead is a broken clock (or a hostile server), not a post from the future: it
# would pin the post to the top of every list for years.
MAX_FUTURE = timedelta(days=1)


class StatusError(ValueError):
    """A status lacks what a `Post` needs; the message names the field, never the text."""

_ANCHOR = re.compile(r"<a\s[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
_REL_TAG = re.compile(r"""\brel\s*=\s*["']?[^"'>]*\btag\b""", re.IGNORECASE)


def status_key(status_id: str) -> tuple[int, str]:
    """Sort key for status ids: Mastodon's are decimal snowflakes, others (ULIDs) sort as text."""
    return (len(status_id), status_id)


def newer_id(a: str | None, b: str | None) -> str | None:
    """The newer of two status ids (either may be None)."""
    if a is None:
        return b
    if b is None:
        return a
    return a if status_key(a) >= status_key(b) else b


@dataclass
class ParsedPage:
    """One page's posts (deduplicated by URI), its newest timeline id and what was left out."""

    posts: list[Post] = field(default_factory=list)
    newest_id: str | None = None
    entries: int = 0
    not_public: int = 0
    already_seen: int = 0
    bad: list[str] = field(default_factory=list)  # "status <id>: reason", for the error message


def edit_mark(status: Mapping[str, Any]) -> str:
    """What changes when a status is edited: its `edited_at`, as ISO 8601 ("" if never edited)."""
    try:
        when = _when(status.get("edited_at"), "edited_at")
    except StatusError:
        return str(status.get("edited_at"))
    return when.isoformat() if when else ""


def _post_mark(post: Post) -> str:
    return post.updated_at.isoformat() if post.updated_at else ""


def parse_statuses(
    statuses: Iterable[Mapping[str, Any]],
    source: str,
    *,
    seen: dict[str, Post] | None = None,
    after_id: str | None = None,
    known: Mapping[str, str] | None = None,
    marks: dict[str, str] | None = None,
) -> ParsedPage:
    """Parse one timeline page.

    `seen` maps URI -> Post for posts already taken in this run (a later page's boost of one of
    them adds a booster instead of a second post, a later read of an edit adds the new version);
    it is updated in place. Entries whose timeline id is not newer than `after_id` (the stored
    cursor) are skipped, in case a server ignores min_id. Entries in `known` (timeline id -> edit
    mark, from an earlier run) with the same mark are skipped too; `marks` receives every entry's.
    """
    seen = {} if seen is None else seen
    page = ParsedPage()
    for entry in statuses:
        page.entries += 1
        raw_id = entry.get("id") if isinstance(entry, Mapping) else None
        if raw_id is None or raw_id == "":  # Mastodon.py's entities give None for missing fields
            page.bad.append("status without an id")
            continue
        entry_id = str(raw_id)
        page.newest_id = newer_id(page.newest_id, entry_id)
        if after_id is not None and status_key(entry_id) <= status_key(after_id):
            continue
        original = entry.get("reblog") or entry
        booster = _acct(entry.get("account")) if entry.get("reblog") else None
        uri = original.get("uri")
        if not uri or not isinstance(uri, str):
            page.bad.append(f"status {entry_id}: no uri")
            continue
        mark = edit_mark(original)
        if marks is not None:
            marks[entry_id] = mark
        if known is not None and known.get(entry_id) == mark:
            page.already_seen += 1
            continue
        if uri in seen and _post_mark(seen[uri]) == mark:
            page.already_seen += 1
            if booster:
                _add_booster(seen[uri], booster)
            continue
        if original.get("visibility") not in VISIBLE:  # missing counts as not public
            page.not_public += 1
            continue
        try:
            post = status_to_post(original, source, timeline_id=entry_id)
        except StatusError as exc:
            page.bad.append(f"status {entry_id}: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 - one status costs only itself; messages may quote text
            page.bad.append(f"status {entry_id}: {type(exc).__name__}")
            continue
        if booster:
            _add_booster(post, booster)
        if uri in seen:  # an edit read later in the same run: the new version, with the boosters
            for earlier in seen[uri].extra.get("boosted_by", ()):
                _add_booster(post, earlier)
        seen[post.platform_id] = post
        page.posts.append(post)
    return page


def status_to_post(status: Mapping[str, Any], source: str, *, timeline_id: str | None = None,
                   now: datetime | None = None) -> Post:
    """One original (not a boost wrapper) status as a `Post`, every text cleaned (collectors/clean_text.py).

    Raises StatusError (or KeyError/TypeError on a shape that is not a status) when it is malformed.
    A `created_at` more than a day ahead of `now` becomes `now`, with `extra["date_estimated"]`.
    """
    uri = status.get("uri")
    if not isinstance(uri, str) or not uri:
        raise StatusError("no uri")
    if status.get("id") in (None, ""):
        raise StatusError("no id")
    # The instance controls these: only http(s) links survive (a status URI is always one).
    url = http_url(status.get("url")) or http_url(uri) or ""
    account = status.get("account") or {}
    author = (account.get("display_name") or "").strip() or _acct(account) or "unknown"
    raw_html = status.get("content") or ""
    reply_to = status.get("in_reply_to_id")
    extra: dict[str, Any] = {"status_id": str(status["id"])}
    if timeline_id is not None and timeline_id != extra["status_id"]:
        extra["timeline_id"] = timeline_id
    if status.get("visibility"):
        extra["visibility"] = status["visibility"]
    if reply_to is not None:
        extra["in_reply_to_account_id"] = _str_or_none(status.get("in_reply_to_account_id"))
    media = [
        {"type": m.get("type"), "description": m.get("description")}
        for m in status.get("media_attachments") or ()
    ]
    if media:
        extra["media"] = media
    quote = _quote(status.get("quote"))
    links = _links(raw_html, status.get("card"))
    if quote:
        extra["quote"] = quote
        if quote.get("url"):
            links = tuple(dict.fromkeys((*links, quote["url"])))
    card = status.get("card")
    if card and http_url(card.get("url")):
        extra["card"] = {"url": card.get("url"), "title": card.get("title") or None,
                         "description": card.get("description") or None}
    now = now or datetime.now(timezone.utc)
    if status.get("created_at") in (None, ""):
        raise StatusError("no created_at")
    published = _when(status["created_at"], "created_at")
    if published is None or published > now + MAX_FUTURE:
        published = now
        extra["date_estimated"] = True
    edited = _when(status.get("edited_at"), "edited_at") if status.get("edited_at") else None
    return clean_post(Post(
        platform=Platform.MASTODON,
        platform_id=uri,
        source=source,
        url=url,
        author=author,
        author_url=http_url(account.get("url")),
        content_html=clean_html(raw_html, base_url=url),
        content_text=html_to_text(raw_html),
        published_at=published,
        updated_at=edited if edited is None or edited <= now + MAX_FUTURE else None,
        canonical_url=canonical_url(url),
        tags=tuple(dict.fromkeys(t["name"].lower() for t in status.get("tags") or () if t.get("name"))),
        language=status.get("language") or None,
        content_warning=(status.get("spoiler_text") or "").strip() or None,
        sensitive=bool(status.get("sensitive")),
        reply_to=_str_or_none(reply_to),
        thread_url=url if reply_to is not None else None,
        links=links,
        mentions=tuple(dict.fromkeys(a for a in map(_acct, status.get("mentions") or ()) if a)),
        extra=extra,
    ))


def _when(value: Any, name: str) -> datetime | None:
    """Mastodon.py hands us aware datetimes; raw JSON has ISO strings with a Z.

    None when the value is missing or cannot be a UTC time (year 9999 at -01:00 overflows);
    StatusError when it is not a date at all.
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        when = value
    else:
        try:
            when = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
        except ValueError:
            raise StatusError(f"{name} is not an ISO 8601 date") from None
    if when.tzinfo is None:
        raise StatusError(f"{name} has no time zone")
    try:
        return when.astimezone(timezone.utc)
    except (OverflowError, ValueError):
        return None


def _quote(quote: Any) -> dict | None:
    """{"uri", "url"} of the status a status quotes: Mastodon 4.4's `quote` ({state, quoted_status}),
    or a quoted status given whole (as some other servers do); None when there is none to link."""
    if not isinstance(quote, Mapping):
        return None
    quoted = quote.get("quoted_status") if "quoted_status" in quote or "state" in quote else quote
    if not isinstance(quoted, Mapping):
        return None
    uri, url = quoted.get("uri"), http_url(quoted.get("url")) or http_url(quoted.get("uri"))
    if not isinstance(uri, str) or not uri:
        return None
    return {"uri": uri, "url": url}


def _acct(account: Mapping[str, Any] | None) -> str | None:
    """`user@host` for any account; local accounts (acct without a host) get the host of their URL."""
    if not account:
        return None
    acct = account.get("acct") or account.get("username")
    if not acct:
        return None
    if "@" not in acct and account.get("url"):
        host = urlsplit(account["url"]).netloc
        if host:
            acct = f"{acct}@{host}"
    return acct


def _add_booster(post: Post, booster: str) -> None:
    boosted_by = post.extra.setdefault("boosted_by", [])
    if booster not in boosted_by:
        boosted_by.append(booster)


def _str_or_none(value: Any) -> str | None:
    return None if value is None else str(value)


def _links(raw_html: str, card: Mapping[str, Any] | None) -> tuple[str, ...]:
    """Outward http(s) links: anchors that are not mentions or hashtags, then the preview card."""
    out: list[str] = []
    if "<a" in raw_html or "<A" in raw_html:
        for tag in _ANCHOR.findall(raw_html):
            href = _HREF.search(tag)
            if not href:
                continue
            classes = _CLASS.search(tag)
            class_text = (classes.group(1) or classes.group(2) or "") if classes else ""
            if "mention" in class_text.split() or "hashtag" in class_text.split() or _REL_TAG.search(tag):
                continue
            out.append(_unescape_href(href.group(1) or href.group(2) or href.group(3) or ""))
    if card and card.get("url"):
        out.append(card["url"])
    return tuple(dict.fromkeys(u for u in out if u.startswith(("http://", "https://"))))


def _unescape_href(href: str) -> str:
    # Mastodon escapes & in attributes; the link itself has a plain &.
    return href.replace("&amp;", "&") if "&" in href else href
