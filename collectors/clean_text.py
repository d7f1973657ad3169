"""Text every store and library can take: no lone surrogates, no NUL or other C0 controls.

Platforms hand us JSON and XML that may carry a lone UTF-16 surrogate (JSON `"\\udfff"`, XML
`&#xD800;`) or a NUL (`"\\u0000"`). Python keeps them in a `str`, but SQLite's driver, psycopg,
PostgreSQL text columns and nh3 (Rust) all refuse them, and one such character used to fail a whole
source's transaction, every run. So every string a collector puts into a `Post` goes through
`clean_text` once, at the parse boundary: a lone surrogate becomes U+FFFD (the replacement
character: the reader sees something was there), a C0 control other than tab, newline and carriage
return is dropped (XML forbids them and nobody types them).

Costs nothing on plain ASCII (the common case) beyond `str.isascii`'s scan.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from peerfeed.records import Post

_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f"
_BAD = re.compile(f"[{_CONTROLS}\ud800-\udfff]")
_BAD_ASCII = re.compile(f"[{_CONTROLS}]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_STR_FIELDS = tuple(f.name for f in dataclasses.fields(Post) if f.type in ("str", "str | None"))
_TUPLE_FIELDS = ("tags", "links", "mentions")


def _fix(match: re.Match) -> str:
    return "\ufffd" if _SURROGATE.match(match.group()) else ""


def clean_text(value: str) -> str:
    """`value` without lone surrogates (each becomes U+FFFD) and C0 controls but \\t, \\n, \\r."""
    if value.isascii():
        return _BAD_ASCII.sub("", value) if _BAD_ASCII.search(value) else value
    return _BAD.sub(_fix, value) if _BAD.search(value) else value


def clean_data(value: Any) -> Any:
    """`clean_text` applied to every string inside JSON-like data (dict keys too)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(clean_data(v) for v in value)
    return value


def _is_clean(value: Any) -> bool:
    """True when no string inside `value` (JSON-like data) needs cleaning; rebuilds nothing."""
    if isinstance(value, str):
        return _BAD.search(value) is None
    if isinstance(value, dict):
        return all(_is_clean(k) and _is_clean(v) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return all(_is_clean(v) for v in value)
    return True


def clean_post(post: Post) -> Post:
    """The same post with `clean_text` applied to every text field, tuple and `extra`.

    Returns `post` itself when nothing needed cleaning (no copy on the common path).
    """
    changes: dict[str, Any] = {}
    for name in _STR_FIELDS:
        value = getattr(post, name)
        if value and _BAD.search(value):
            changes[name] = clean_text(value)
    for name in _TUPLE_FIELDS:
        values = getattr(post, name)
        if any(_BAD.search(v) for v in values if isinstance(v, str)):
            changes[name] = tuple(clean_text(v) if isinstance(v, str) else v for v in values)
    if post.extra and not _is_clean(post.extra):
        changes["extra"] = clean_data(post.extra)
    return dataclasses.replace(post, **changes) if changes else post
