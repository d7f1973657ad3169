"""Links that come from a platform's API (a post's own URL, its author's profile URL) are data a
hostile or compromised server controls. The RSS collector keeps only http(s) links
(collectors/rss.py `_is_http`); these tests hold the Mastodon parser to the same rule."""

from __future__ import annotations

import copy
import json

import pytest

from collectors.mastodon_parse import parse_statuses
from peerfeed.sample_server import SAMPLES_DIR

BAD = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "\x01javascript:alert(1)", " javascript:alert(1)",
       "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)"]


def _status() -> dict:
    statuses = json.loads((SAMPLES_DIR / "mastodon/api/v1/timelines/tag/peersupport.json").read_text())
    return copy.deepcopy(next(s for s in statuses if not s.get("reblog")))


def test_a_sample_status_keeps_its_http_links():
    [post] = parse_statuses([_status()], "#peersupport").posts
    assert post.url.startswith("https://") and post.author_url.startswith("https://")


# A hostile instance's javascript:/data: links never reach a Post: the parser falls back to the status
# URI and drops a non-http author URL (peerfeed/dedupe.py: http_url), and the store applies the same rule.
@pytest.mark.parametrize("bad", BAD, ids=range(len(BAD)))
def test_mastodon_status_and_account_urls_must_be_http(bad):
    status = _status()
    status["url"] = bad
    status["account"]["url"] = bad
    [post] = parse_statuses([status], "#peersupport").posts
    for value in (post.url, post.author_url):
        assert value is None or value.startswith(("https://", "http://")), value
