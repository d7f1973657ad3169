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
