"""Re-checking stored statuses by their id on the source's own instance: any server software.

Takahe's status URIs (`https://host/@user@host/posts/<id>/`) are not Mastodon's, so a check that
read ids out of URIs skipped them and still reported them as checked. The collector now keeps each
status's id on the instance it read it from (`extra["status_id"]`, stored since migration 0005) and
asks that instance; what cannot be checked is listed with why.
"""

from __future__ import annotations

from datetime import datetime, timezone

from mastodon_fakes import make_status, mastodon_source

from collectors.base import StoredPost
from collectors.mastodon_recheck import recheck
from pipelines.deletions import check_deletions
from pipelines.local import run_collect
from store.db import make_engine, transaction
from store.models import Post

TAG_PATH = "/api/v1/timelines/tag/peersupport"


def takahe_status(base: str, sid: int, text: str, **changes) -> dict:
    """A status as Takahe shapes it: URIs that do not name a status id Mastodon's way."""
    status = make_status(base, sid, text=text, **changes)
    status["uri"] = f"https://peers.localhost/@jo@peers.localhost/posts/{sid}00/"
    status["url"] = f"https://peers.localhost/@jo@peers.localhost/posts/{sid}00/"
    return status


def test_statuses_are_asked_for_by_id_on_the_sources_instance(fake_instance, settings):
    url = fake_instance.url
    kept = takahe_status(url, 11, "Still here")
    edited = takahe_status(url, 12, "Call me on 07700 900123", edited_at="2026-11-20T10:00:00.000Z")
    fake_instance.statuses.update({"11": kept, "12": edited})
    gone_uri = takahe_status(url, 13, "")["uri"]
    stored = [StoredPost(kept["uri"], {"status_id": "11"}),
              StoredPost(edited["uri"], {"status_id": "12"}),  # stored before the edit
              StoredPost(gone_uri, {"status_id": "13"}),
              StoredPost("https://peers.localhost/@jo@peers.localhost/posts/1400/")]  # stored before 0005
    outcome = recheck(mastodon_source(url), stored, settings)
    assert outcome.ok and outcome.checked == 3
    assert [d.platform_id for d in outcome.deletions] == [gone_uri]
    assert [p.platform_id for p in outcome.posts] == [edited["uri"]]
    assert outcome.unchecked == [stored[3].platform_id]
    assert "not a Mastodon status URI" in outcome.why_unchecked[stored[3].platform_id]
    assert [path for path, _, _ in fake_instance.requests] == [f"/api/v1/statuses/{i}" for i in (11, 12, 13)]


def test_an_unchanged_status_is_not_returned_again(fake_instance, settings):
    url = fake_instance.url
    status = takahe_status(url, 21, "Edited once", edited_at="2026-11-20T10:00:00.000Z")
    fake_instance.statuses["21"] = status
    stored = StoredPost(status["uri"], {"status_id": "21"}, datetime(2026, 11, 20, 10, tzinfo=timezone.utc))
    assert recheck(mastodon_source(url), [stored], settings).posts == []


def test_a_status_no_longer_public_is_a_deletion(fake_instance, settings):
    url = fake_instance.url
    fake_instance.statuses["31"] = takahe_status(url, 31, "Now followers only", visibility="private")
    outcome = recheck(mastodon_source(url), [StoredPost("https://x.example/s/31", {"status_id": "31"})], settings)
    assert len(outcome.deletions) == 1


def test_the_periodic_check_stores_edits_and_erases_deletions_and_tells_the_truth(fake_instance, store_settings):
    url = fake_instance.url
    now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    edited = takahe_status(url, 41, "Ring me on 07700 900123 tonight", created_at=now)
    gone = takahe_status(url, 42, "I shared too much, taking it down", created_at=now)
    fake_instance.timelines[TAG_PATH] = [edited, gone]
    [collected] = run_collect(store_settings, configs=[mastodon_source(url)])
    assert collected.new == 2

    fake_instance.statuses["41"] = {**edited, "content": "<p>DM me tonight</p>",
                                    "edited_at": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")}
    engine = make_engine(store_settings.database_url)
    try:
        [report] = check_deletions(engine, store_settings)
        with transaction(engine) as s:
            rows = {p.platform_id: p for p in s.query(Post)}
    finally:
        engine.dispose()
    assert (report.checked, report.erased, report.updated, report.unchecked, report.error) == (2, 1, 1, [], None)
    assert rows[gone["uri"]].deleted_at is not None and rows[gone["uri"]].content_text == ""
    assert rows[edited["uri"]].content_text == "DM me tonight"
