"""Canonical URLs and content fingerprints, so cross-posts become one story."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = {
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ref", "ref_src",
    "_hsenc", "_hsmi", "mkt_tok", "yclid", "share", "s",
}
_MIN_FINGERPRINT_CHARS = 60
_CONTROL = re.compile(r"[\x00-\x1f]")


def http_url(url: str | None) -> str | None:
    """`url` if it is an absolute http(s) URL, else None: the only links peerfeed ever stores or shows.

    Leading/trailing whitespace and control characters are what browsers strip before reading a
    scheme ("\x01javascript:"), so they are refused rather than trimmed.
    """
    if not url or not isinstance(url, str):
        return None
    if url[0] <= " " or url[-1] <= " " or "\x7f" in (url[0], url[-1]) or _CONTROL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def canonical_url(url: str | None) -> str | None:
    """Lower-case scheme and host, no fragment, no tracking parameters, no default port or trailing slash."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if host.startswith("www."):
        host = host[4:]
    port = parts.port
    netloc = host if port in (None, 80, 443) else f"{host}:{port}"
    query = [
        (k, v)
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith("utm_") and k.lower() not in TRACKING_PARAMS
    ]
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", netloc, path, urlencode(sorted(query)), ""))


_URL_RE = re.compile(r"https?://\S+")
_NON_WORD = re.compile(r"[^\w]+")
_TAG_RE = re.compile(r"(?<!\w)[#@][\w.]+")


def fingerprint(text: str | None) -> str | None:
    """A hash of the words alone (no links, hashtags, mentions, case or punctuation).

    Short texts get no fingerprint: "Thank you!" from two people is not one story.
    """
    if not text:
        return None
    norm = unicodedata.normalize("NFKC", text).lower()
    norm = _URL_RE.sub(" ", norm)
    norm = _TAG_RE.sub(" ", norm)
    norm = _NON_WORD.sub(" ", norm).strip()
    if len(norm) < _MIN_FINGERPRINT_CHARS:
        return None
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()
