"""Turn Bluesky post views (as the atproto SDK returns them) into `Post` records.

Bluesky posts are plain text plus *facets*: byte ranges of the UTF-8 text marked as a link, a
mention (a DID) or a hashtag. Facet offsets count UTF-8 bytes, not characters, so an emoji or an
accented letter before a link shifts it; `facets_to_html` slices the encoded bytes.
"""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import TypeGuard
from urllib.parse import quote

from atproto_client.models.dot_dict import DotDict

from collectors.clean_text import clean_post
from collectors.sanitize import clean_html
from peerfeed.dedupe import canonical_url
from peerfeed.records import Platform, Post

log = logging.getLogger(__name__)

BSKY_WEB = "https://bsky.app"
_LINK = "app.bsky.richtext.facet#link"
_MENTION = "app.bsky.richtext.facet#mention"
_TAG = "app.bsky.richtext.facet#tag"
_REPOST = "app.bsky.feed.defs#reasonRepost"
# Self-labels and moderation labels that mean "warn before showing".
_SENSITIVE_LABELS = {"porn", "sexual", "nudity", "graphic-media", "gore", "self-harm", "sensitive"}


class BlueskyParseError(ValueError):
    """A post view lacks what a `Post` needs (URI, author, text record); the message names the post."""


def _type_of(obj) -> str | None:
    """The lexicon `$type` of an SDK model or of a DotDict the SDK could not type."""
    if isinstance(obj, DotDict):
        return obj["$type"]
    return getattr(obj, "py_type", None)


def _is_web_url(value: object) -> TypeGuard[str]:
    # Only web links become links; anything else (javascript:, data:, at://) stays plain text.
    return isinstance(value, str) and value.lower().startswith(("http://", "https://"))


def _is_char_boundary(data: bytes, i: int) -> bool:
    return i == len(data) or (0 <= i < len(data) and (data[i] & 0xC0) != 0x80)


def _paragraphs(escaped: str) -> str:
    # Blank lines separate paragraphs; single newlines are line breaks, as Bluesky shows them.
    paras = [p.strip("\n") for p in escaped.split("\n\n")]
    return "".join("<p>" + p.replace("\n", "<br>") + "</p>" for p in paras if p.strip())


@dataclass(frozen=True)
class RichText:
    """A post's text as safe HTML, with what its facets point at."""

    html: str
    links: tuple[str, ...]
    mentions: tuple[str, ...]  # DIDs
    tags: tuple[str, ...]


def facets_to_html(text: str, facets) -> RichText:
    """Escape `text` and turn its facets into links, profile links and hashtag links.

    Facets that overlap an earlier one, run past the text or split a UTF-8 character are ignored
    (the text stays, unlinked): a broken facet must not garble or drop what the person wrote.
    """
    data = text.encode("utf-8")
    spans = []
    for facet in facets or ():
        index = getattr(facet, "index", None)
        start, end = getattr(index, "byte_start", None), getattr(index, "byte_end", None)
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(data):
            continue
        if not (_is_char_boundary(data, start) and _is_char_boundary(data, end)):
            continue
        spans.append((start, end, list(getattr(facet, "features", None) or ())))
    spans.sort(key=lambda s: s[0])

    out: list[str] = []
    links: list[str] = []
    mentions: list[str] = []
    tags: list[str] = []
    pos = 0
    for start, end, features in spans:
        if start < pos:
            continue  # overlaps the previous facet
        href = None
        for feature in features:
            kind = _type_of(feature)
            if kind == _LINK and _is_web_url(getattr(feature, "uri", None)):
                href = feature.uri
                links.append(feature.uri)
            elif kind == _MENTION and getattr(feature, "did", None):
                href = f"{BSKY_WEB}/profile/{quote(feature.did, safe=':')}"
                mentions.append(feature.did)
            elif kind == _TAG and getattr(feature, "tag", None):
                href = f"{BSKY_WEB}/hashtag/{quote(feature.tag, safe='')}"
                tags.append(feature.tag)
        if href is None:
            continue
        out.append(html.escape(data[pos:start].decode("utf-8")))
        label = html.escape(data[start:end].decode("utf-8"))
        out.append(f'<a href="{html.escape(href, quote=True)}">{label}</a>')
        pos = end
    out.append(html.escape(data[pos:].decode("utf-8")))
    return RichText(
        html=clean_html(_paragraphs("".join(out))),
        links=tuple(dict.fromkeys(links)),
        mentions=tuple(dict.fromkeys(mentions)),
        tags=tuple(tags),
    )


def parse_time(value) -> datetime | None:
    """An atproto datetime string as an aware UTC datetime, or None when it is missing or malformed."""
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, str) and value:
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def rkey_of(uri: str) -> str:
    return uri.rstrip("/").rsplit("/", 1)[-1]


def web_url(actor: str, uri: str) -> str:
    """The bsky.app address of a post: by handle when known, else by DID (bsky.app accepts both)."""
    return f"{BSKY_WEB}/profile/{actor}/post/{rkey_of(uri)}"


def _unique_tags(*groups) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for group in groups:
        for tag in group or ():
            if isinstance(tag, str) and tag.strip().lstrip("#"):
                tag = tag.strip().lstrip("#")
                seen.setdefault(tag.casefold(), tag)
    return tuple(seen.values())


def _label_values(*label_lists) -> list[str]:
    values = []
    for labels in label_lists:
        for label in labels or ():
            val = getattr(label, "val", None)
            if isinstance(val, str) and not val.startswith("!"):
                values.append(val)
    return values


def _self_labels(record) -> list:
    labels = getattr(record, "labels", None)
    return list(getattr(labels, "values", None) or ()) if labels is not None else []


def post_from_view(view, source: str, reposted_by: str | None = None) -> Post:
    """One `Post` from an app.bsky.feed.defs#postView; raise BlueskyParseError if it is unusable."""
    uri = getattr(view, "uri", None)
    if not isinstance(uri, str) or not uri.startswith("at://"):
        raise BlueskyParseError(f"post view without an at:// URI (source {source!r})")
    author = getattr(view, "author", None)
    did = getattr(author, "did", None)
    if not did:
        raise BlueskyParseError(f"post {uri} has no author DID")
    return post_from_record(
        uri, getattr(view, "record", None), source, did=did, cid=getattr(view, "cid", None),
        handle=getattr(author, "handle", None), display_name=getattr(author, "display_name", None),
        indexed=parse_time(getattr(view, "indexed_at", None)), embed=getattr(view, "embed", None),
        labels=getattr(view, "labels", None), reposted_by=reposted_by)


def post_from_record(uri: str, record, source: str, *, did: str, cid: str | None = None, handle: str | None = None,
                     display_name: str | None = None, indexed: datetime | None = None, embed=None, labels=None,
                     reposted_by: str | None = None) -> Post:
    """One `Post` from an app.bsky.feed.post record (an SDK model, or a DotDict of the record as the
    firehose carries it) and what is known about it. The AppView's `embed` view is used when given,
    else the record's own embed. Raises BlueskyParseError if it is unusable.
    """
    text = getattr(record, "text", None)
    if not isinstance(text, str):
        raise BlueskyParseError(f"post {uri} has no text record")
    handle = handle or did
    if handle == "handle.invalid":
        handle = did
    created = parse_time(getattr(record, "created_at", None))
    # createdAt is set by the poster's app and may be missing, wrong or in the future;
    # the AppView's indexedAt is when the network saw it (the firehose: when the relay did).
    published = created if created and (indexed is None or created <= indexed) else indexed
    if published is None:
        raise BlueskyParseError(f"post {uri} has neither createdAt nor indexedAt")

    rich = facets_to_html(text, getattr(record, "facets", None))
    parts = embed_parts(embed if embed is not None else getattr(record, "embed", None))
    links = [*rich.links, *parts.links]

    reply = getattr(record, "reply", None)
    parent_uri = getattr(getattr(reply, "parent", None), "uri", None)
    root_uri = getattr(getattr(reply, "root", None), "uri", None)
    root_did = root_uri.split("/")[2] if isinstance(root_uri, str) and root_uri.startswith("at://") else None

    label_values = _label_values(_self_labels(record), labels)
    warn = [v for v in label_values if v in _SENSITIVE_LABELS]
    langs = getattr(record, "langs", None) or ()
    url = web_url(handle, uri)
    extra = {
        "did": did,
        "handle": handle,
        "cid": cid,
        "indexed_at": indexed.isoformat() if indexed else None,
        "reply_root": root_uri,
        "labels": label_values,
    }
    if reposted_by:
        extra["reposted_by"] = [reposted_by]
    if parts.media:
        extra["media"] = parts.media
    if parts.quote:
        extra["quote"] = parts.quote
    if parts.card:
        extra["card"] = parts.card
    return clean_post(Post(
        platform=Platform.BLUESKY,
        platform_id=uri,
        source=source,
        url=url,
        canonical_url=canonical_url(url),
        author=(display_name or "").strip() or handle,
        author_url=f"{BSKY_WEB}/profile/{handle}",
        content_html=rich.html,
        content_text=text,
        published_at=published,
        tags=_unique_tags(rich.tags, getattr(record, "tags", None)),
        language=langs[0] if langs and isinstance(langs[0], str) else None,
        content_warning=", ".join(dict.fromkeys(warn)) or None,
        sensitive=bool(warn),
        reply_to=parent_uri if isinstance(parent_uri, str) else None,
        thread_url=web_url(root_did, root_uri) if root_did and isinstance(root_uri, str) else None,
        links=tuple(dict.fromkeys(links)),
        mentions=rich.mentions,
        extra=extra,
    ))


@dataclass
class EmbedParts:
    """What a post's embed adds: media with their descriptions (alt text), a quoted post, a link card."""

    media: list[dict] = field(default_factory=list)
    quote: dict | None = None
    links: list[str] = field(default_factory=list)
    card: dict | None = None


def embed_parts(embed) -> EmbedParts:
    """Media descriptions, the quoted post (with its bsky.app link) and link card of an embed, in
    either shape: the AppView's `...#view` or the record's own (as the firehose carries it)."""
    parts = EmbedParts()
    kind = (_type_of(embed) or "").split("#")[0]
    if kind == "app.bsky.embed.recordWithMedia":
        media = embed_parts(getattr(embed, "media", None))
        parts.media, parts.links, parts.card = media.media, media.links, media.card
        parts.quote = _quoted(getattr(embed, "record", None))
    elif kind == "app.bsky.embed.record":
        parts.quote = _quoted(embed)
    elif kind == "app.bsky.embed.images":
        for image in getattr(embed, "images", None) or ():
            parts.media.append({"type": "image", "description": _text_or_none(getattr(image, "alt", None))})
    elif kind == "app.bsky.embed.video":
        parts.media.append({"type": "video", "description": _text_or_none(getattr(embed, "alt", None))})
    elif kind == "app.bsky.embed.external":
        external = getattr(embed, "external", None)
        ext_uri = getattr(external, "uri", None)
        if _is_web_url(ext_uri):
            parts.links.append(ext_uri)
            parts.card = {"url": ext_uri, "title": _text_or_none(getattr(external, "title", None)),
                          "description": _text_or_none(getattr(external, "description", None))}
    if parts.quote and parts.quote.get("url"):
        parts.links.append(parts.quote["url"])
    return parts


def _quoted(record_embed) -> dict | None:
    """{"uri", "url"} of the post an embed.record quotes (a view's viewRecord or a strongRef)."""
    inner = getattr(record_embed, "record", None)
    uri = getattr(inner, "uri", None)
    if not isinstance(uri, str) or not uri.startswith("at://"):
        return None
    if "/app.bsky.feed.post/" not in uri:
        return {"uri": uri, "url": None}  # a quoted feed, list or starter pack: no post page
    author = getattr(inner, "author", None)
    actor = getattr(author, "handle", None) or uri.split("/")[2]
    if actor == "handle.invalid":
        actor = uri.split("/")[2]
    return {"uri": uri, "url": web_url(actor, uri)}


def _text_or_none(value) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def reposted_by(item) -> str | None:
    """The handle (or DID) that reposted a feed item, or None when the item is not a repost."""
    reason = getattr(item, "reason", None)
    if _type_of(reason) != _REPOST:
        return None
    by = getattr(reason, "by", None)
    return getattr(by, "handle", None) or getattr(by, "did", None) or "unknown"


def sort_time(item) -> datetime | None:
    """Where a feed item sits in an AppView listing: the repost time for a repost, else the post's
    sortAt, which is the earlier of its createdAt and indexedAt.

    A phone whose clock is behind posts with an old createdAt: the post is indexed after a run
    but sorts below what that run saw (collectors/bluesky.py reads an overlap window for it).
    """
    reason = getattr(item, "reason", None)
    if _type_of(reason) == _REPOST:
        t = parse_time(getattr(reason, "indexed_at", None))
        if t:
            return t
    post = getattr(item, "post", item)
    indexed = parse_time(getattr(post, "indexed_at", None))
    created = parse_time(getattr(getattr(post, "record", None), "created_at", None))
    if created is not None and (indexed is None or created < indexed):
        return created
    return indexed


def posts_from_items(items, source: str, skipped: list[str] | None = None) -> tuple[list[Post], int]:
    """Posts from feed items or post views, each original post once; returns (posts, unusable count).

    A repost becomes the original post (a repost of a post already in the list adds nothing);
    a post view that cannot be parsed is described in `skipped` (never with its text) and left
    out, never the whole page.
    """
    posts: list[Post] = []
    seen: dict[str, Post] = {}
    bad = 0
    for item in items:
        view = getattr(item, "post", None) or item
        uri = getattr(view, "uri", None)
        if uri in seen:
            by = reposted_by(item)
            if by:  # the same post again as someone's repost: one Post, one more reposter
                post = seen[uri]
                post.extra.setdefault("reposted_by", [])
                if by not in post.extra["reposted_by"]:
                    post.extra["reposted_by"].append(by)
            continue
        try:
            post = post_from_view(view, source, reposted_by=reposted_by(item))
        except Exception as exc:  # noqa: BLE001 - one post costs only itself; a message may quote text
            bad += 1
            why = str(exc) if isinstance(exc, BlueskyParseError) else type(exc).__name__
            problem = f"post {uri if isinstance(uri, str) else '?'}: {why}"
            log.warning("unusable Bluesky post skipped source=%s problem=%s", source, problem)
            if skipped is not None:
                skipped.append(problem)
            continue
        seen[post.platform_id] = post
        posts.append(post)
    return posts, bad
