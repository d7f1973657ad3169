"""Against Takahe, a real Mastodon-API server nobody on the team wrote: edits and deletions reach
the store through polling, and deletion checks work on URIs that are not Mastodon's.

Slow (Takahe installs in about 4 minutes the first time, then starts in about 30 s):
`pytest -m slow tests/mastodon/test_takahe.py`. The same behaviour is checked fast against
Takahe-shaped payloads in test_mastodon_recheck.py.
"""

from __future__ import annotations

import time

import pytest
from pydantic import SecretStr
from sqlalchemy import select

from peerfeed.records import Platform
from peerfeed.sources import SourceConfig
from pipelines.deletions import check_deletions
from pipelines.local import run_collect
from store.db import make_engine, transaction
from store.models import Post

pytestmark = [pytest.mark.slow, pytest.mark.postgres]


def wait_for(check, timeout_s: float = 15.0):
    """Takahe's worker makes posts visible a moment after the API answers."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.3)


def stored(settings) -> dict[str, Post]:
    engine = make_engine(settings.database_url)
    try:
        with transaction(engine) as s:
            return {p.platform_id: p for p in s.scalars(select(Post))}
    finally:
        engine.dispose()


def test_edits_and_deletions_on_takahe_reach_the_store(takahe, store_settings):
    amara, jo = takahe.client("amara"), takahe.client("jo")
    settings = store_settings.model_copy(update={"mastodon_access_token": SecretStr(takahe.tokens["jo"]["token"])})
    source = SourceConfig(name="takahe #carecircle", platform=Platform.MASTODON, url=takahe.url, kind="hashtag",
                          options={"tag": "carecircle", "auth": True})
    kept = amara.status_post("Care circle notes from tonight #carecircle", visibility="public")
    edited = amara.status_post("Ring me on 07700 900123 after the care circle #carecircle", visibility="public")
    gone = amara.status_post("I said too much at the care circle #carecircle", visibility="public")
    assert wait_for(lambda: len(jo.timeline_hashtag("carecircle")) == 3)
    [first] = run_collect(settings, configs=[source])
    assert (first.status, first.new) == ("ok", 3)
    assert "takahe" not in gone["uri"] and "/posts/" in gone["uri"]  # not a Mastodon status URI

    # An edit of a recent status: the next collect's re-read of the newest page brings it.
    amara.status_update(edited["id"], status="DM me after the care circle #carecircle")
    assert wait_for(lambda: "DM me" in jo.status(edited["id"])["content"])
    [second] = run_collect(settings, configs=[source])
    assert (second.status, second.new, second.updated) == ("ok", 0, 1)
    assert stored(settings)[edited["uri"]].content_text.startswith("DM me after the care circle")

    # A deletion, and an edit the timeline re-read will not see: the periodic re-check finds both,
    # by status id on the source's instance, and counts only what it really checked.
    amara.status_delete(gone["id"])
    amara.status_update(kept["id"], status="Care circle notes, names removed #carecircle")
    assert wait_for(lambda: "names removed" in jo.status(kept["id"])["content"])
    assert wait_for(lambda: gone["id"] not in {s["id"] for s in jo.timeline_hashtag("carecircle")})
    engine = make_engine(settings.database_url)
    try:
        [report] = check_deletions(engine, settings)
    finally:
        engine.dispose()
    assert (report.checked, report.erased, report.updated, report.unchecked, report.error) == (3, 1, 1, [], None)
    rows = stored(settings)
    assert rows[gone["uri"]].deleted_at is not None and rows[gone["uri"]].content_text == ""
    assert rows[kept["uri"]].content_text.startswith("Care circle notes, names removed")
