"""Canonical URLs and fingerprints decide when two posts are one story."""

import pytest

from peerfeed.dedupe import canonical_url, fingerprint


@pytest.mark.parametrize("url, expected", [
    ("https://www.Blog.example/2026/11/post/?utm_source=rss&utm_medium=feed#comments", "https://blog.example/2026/11/post"),
    ("http://blog.example:80/a/?b=2&a=1&fbclid=xyz", "https://blog.example/a?a=1&b=2"),
    ("https://blog.example:8443/a", "https://blog.example:8443/a"),
    ("javascript:alert(1)", None),
    ("", None),
    (None, None),
])
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_fingerprint_ignores_links_tags_case_and_punctuation():
    words = "Co-production starts before the first agenda is written, not at the end of the project."
    assert fingerprint(words) == fingerprint(words.upper() + " #coproduction @nsun https://x.example/p")


def test_fingerprint_skips_short_texts_and_differs_for_different_words():
    assert fingerprint("Thank you!") is None
    a = fingerprint("Our carers group meets every Tuesday at the library to talk about care plans.")
    b = fingerprint("Our carers group meets every Thursday at the library to talk about care plans.")
    assert a and b and a != b


def _http_url_by_the_letter(url):
    # The rule as written in http_url's docstring, one character at a time.
    from urllib.parse import urlsplit

    if not url or not isinstance(url, str):
        return None
    if any(ord(c) < 0x21 or ord(c) == 0x7F for c in (url[0], url[-1])) or any(ord(c) < 0x20 for c in url):
        return None
    parts = urlsplit(url)
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def test_http_url_refuses_control_characters_anywhere_and_blanks_at_either_end():
    from peerfeed.dedupe import http_url

    assert http_url("https://blog.example/a?b=1") == "https://blog.example/a?b=1"
    for c in map(chr, [*range(0x00, 0x22), 0x7F, 0x80, 0xA0, 0x2028]):
        for url in (f"{c}https://x.example/", f"https://x.example/{c}", f"https://x.example/a{c}b",
                    f"{c}javascript:alert(1)", f"java{c}script:alert(1)"):
            assert http_url(url) == _http_url_by_the_letter(url), repr(url)
    assert http_url("\x01javascript:alert(1)") is None
    assert http_url("https://x.example/a\tb") is None
    assert http_url(" https://x.example/") is None
