"""Make untrusted post HTML inert, once, at collection.

`clean_html` keeps a small set of text-formatting tags and http(s)/mailto links (no images, so a
post cannot make a reader's browser fetch a tracking pixel); `html_to_text` gives the plain text the
classifier reads and the dashboard can show when it prefers text.
"""

from __future__ import annotations

import functools
import html
import re
from html.parser import HTMLParser

import nh3

from collectors.clean_text import clean_text

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "li", "ol", "p", "pre", "q", "s", "strong", "sub", "sup", "u", "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}}
URL_SCHEMES = {"http", "https", "mailto"}
_DROP_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "embed", "noscript", "svg", "math", "title", "textarea", "select"}


@functools.lru_cache(maxsize=256)
def _cleaner(base_url: str | None) -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=ALLOWED_TAGS,
        clean_content_tags=_DROP_WITH_CONTENT,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow ugc",
        strip_comments=True,
        url_relative=("rewrite_with_base", base_url) if base_url else "deny",
    )


def clean_html(raw: str | None, base_url: str | None = None) -> str:
    """Sanitize post HTML with nh3: only safe tags, safe link schemes, rel=noopener on links.

    Relative links are resolved against `base_url` when it is an absolute http(s) URL, else dropped.
    """
    if not raw:
        return ""
    raw = clean_text(raw)  # nh3 (Rust) refuses a lone surrogate with an exception
    if base_url and not base_url.startswith(("http://", "https://")):
        base_url = None
    try:
        cleaner = _cleaner(base_url)
    except ValueError:  # a base URL nh3 cannot parse
        cleaner = _cleaner(None)
    return cleaner.clean(raw)


_BLOCK_TAGS = {"p", "br", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "pre", "hr"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in _DROP_WITH_CONTENT:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _DROP_WITH_CONTENT and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_NEWLINES = re.compile(r"\n\s*\n+")


def html_to_text(raw: str | None) -> str:
    """Plain text of an HTML fragment: tags dropped, entities decoded, paragraphs kept as blank lines."""
    if not raw:
        return ""
    if "<" not in raw and "&" not in raw:
        text = raw
    else:
        parser = _TextExtractor()
        parser.feed(raw)
        parser.close()
        text = "".join(parser.parts)
        text = html.unescape(text) if "&" in text else text
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return clean_text(_NEWLINES.sub("\n\n", "\n".join(lines)).strip())


def text_to_html(text: str | None) -> str:
    """Escape plain text (e.g. a Bluesky post) into paragraphs of safe HTML."""
    if not text:
        return ""
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    return "".join("<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paras)
