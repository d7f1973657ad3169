"""`peerfeed stream` for Mastodon: the streaming API's `update`, `status.update` and `delete`
events reach the store (and the classifier), a hostile status costs only itself, and after a drop
a catch-up poll fills the gap.

The streaming peer is FakeInstance (mastodon_fakes.py): Takahe, the real Mastodon-API server we
have, has no streaming API.
"""

from __future__ import annotations

import threading
import time

from mastodon_fakes import make_status, mastodon_source
from sqlalchemy import func, select

from collectors.mastodon import newest_id
from collectors.base import SourceState
from pipelines.streaming import run_stream
from store.db import make_engine, transaction
from store.models import Classification, Post, Source
from store.sources import stream_health
from tests.pipelines.doubles import KeywordModel

TAG_PATH = "/api/v1/timelines/tag/peersupport"
PRIVATE = "snowdrop-private-words-5521"


def wait_for(check, timeout_s: float = 15.0):
    deadline = time.monotonic() + timeout_s
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def rows(engine) -> dict[str, Post]:
    with transaction(engine) as s:
        return {p.platform_id: p for p in s.scalars(select(Post))}


def test_update_edit_delete_and_a_drop(fake_instance, settings, sqlite_url, caplog):
    url = fake_instance.url
    settings = settings.model_copy(update={"database_url": sqlite_url})
    fake_instance.timelines[TAG_PATH] = [make_status(url, 100, text="Before the stream started")]
    engine = make_engine(sqlite_url)
    stop, ready = threading.Event(), threading.Event()
    runner = threading.Thread(target=run_stream, args=(engine, settings, [mastodon_source(url, name="#peersupport")]),
                              kwargs={"model": KeywordModel(), "stop": stop, "ready": ready}, daemon=True)
    runner.start()
    try:
        assert ready.wait(30)
        first = make_status(url, 100)
        assert wait_for(lambda: first["uri"] in rows(engine))  # the catch-up poll
        assert wait_for(lambda: fake_instance.stream_requests)
        assert fake_instance.stream_requests[0] == ("/api/v1/streaming/hashtag", {"tag": "peersupport"})

        live = make_status(url, 101, text="Call me on 07700 900123, struggling tonight")
        fake_instance.push("update", live)
        hostile = make_status(url, 102, text=f"{PRIVATE} hello\u0000world")
        hostile["account"] = {**hostile["account"], "display_name": "evil\udfffname"}
        fake_instance.push("update", hostile)
        assert wait_for(lambda: {live["uri"], hostile["uri"]} <= set(rows(engine)))
        assert rows(engine)[hostile["uri"]].author == "evil\ufffdname"

        fake_instance.push("status.update", {**live, "content": "<p>DM me, struggling tonight</p>",
                                             "edited_at": "2026-11-20T10:00:00.000Z"})
        assert wait_for(lambda: rows(engine)[live["uri"]].content_text == "DM me, struggling tonight")
        fake_instance.push("delete", "100")
        assert wait_for(lambda: rows(engine)[first["uri"]].deleted_at is not None)

        # A drop: a status posted meanwhile never comes on the stream; the catch-up poll brings it.
        connections = len(fake_instance.stream_requests)
        missed = make_status(url, 103, text="Posted while the stream was down")
        fake_instance.timelines[TAG_PATH] += [live, hostile, missed]
        fake_instance.drop_streams()
        assert wait_for(lambda: missed["uri"] in rows(engine))
        assert wait_for(lambda: len(fake_instance.stream_requests) > connections)
        with transaction(engine) as s:
            assert wait_for(lambda: s.scalar(select(func.count()).select_from(Classification)) >= 4)
            cursor = s.scalar(select(Source.cursor))
        assert newest_id(SourceState(cursor=cursor)) == "103"
    finally:
        stop.set()
        runner.join(30)
    assert not runner.is_alive()
    with transaction(engine) as s:
        [health] = stream_health(s)
    assert health.name == "mastodon stream #peersupport" and health.status == "stopped"
    assert PRIVATE not in caplog.text
    engine.dispose()


def test_an_account_followed_through_the_user_stream_keeps_only_its_statuses(fake_instance, settings, sqlite_url):
    url = fake_instance.url
    settings = settings.model_copy(update={"database_url": sqlite_url})
    fake_instance.timelines["/api/v1/accounts/7/statuses"] = []
    source = mastodon_source(url, kind="account", name="priya", account_id="7", stream="user", auth=True)
    engine = make_engine(sqlite_url)
    stop, ready = threading.Event(), threading.Event()
    runner = threading.Thread(target=run_stream, args=(engine, settings, [source]),
                              kwargs={"model": KeywordModel(), "stop": stop, "ready": ready}, daemon=True)
    runner.start()
    try:
        assert ready.wait(30) and wait_for(lambda: fake_instance.stream_requests)
        assert fake_instance.stream_requests[0][0] == "/api/v1/streaming/user"
        theirs = make_status(url, 201, text="From the account we follow")
        theirs["account"] = {**theirs["account"], "id": "7"}
        other = make_status(url, 202, text="From someone else in the home timeline")
        other["account"] = {**other["account"], "id": "8"}
        fake_instance.push("update", other)
        fake_instance.push("update", theirs)
        assert wait_for(lambda: theirs["uri"] in rows(engine))
        assert other["uri"] not in rows(engine)
    finally:
        stop.set()
        runner.join(30)
    engine.dispose()
