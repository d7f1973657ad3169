"""`peerfeed stream` against Bluesky's own PDS firehose (tests/bluesky/network.mjs): posts, edits
and deletions arrive through com.atproto.sync.subscribeRepos, filtered to the sources, and go
through the same store, classifier and alerts as a collect; a kill -9 mid-burst loses nothing.

These tests post as `bulk` and `dev` with words no other test uses.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from pipelines.streaming import run_stream
from store.db import make_engine, transaction
from store.models import Classification, Post, Stream
from store.sources import stream_health
from tests.pipelines.doubles import KeywordModel

pytestmark = pytest.mark.bluesky
REPO = Path(__file__).resolve().parents[2]


def stamp(when: datetime) -> str:
    return when.astimezone(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def record(text: str, when: datetime | None = None, **extra) -> dict:
    return {"$type": "app.bsky.feed.post", "text": text, "createdAt": stamp(when or datetime.now(timezone.utc)), **extra}


def wait_for(check, timeout_s: float = 30.0):
    deadline = time.monotonic() + timeout_s
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.2)


def rows(engine) -> dict[str, Post]:
    with transaction(engine) as s:
        return {p.platform_id: p for p in s.scalars(select(Post))}


@pytest.fixture
def stream_settings(bsky_network, settings, sqlite_url):
    return settings.model_copy(update={"database_url": sqlite_url, "bluesky_firehose_url": bsky_network.pds,
                                       "stream_flush_s": 0.2})


def test_posts_edits_and_deletions_arrive_through_the_firehose(bsky_network, stream_settings, make_source):
    engine = make_engine(stream_settings.database_url)
    stop, ready = threading.Event(), threading.Event()
    model = KeywordModel()
    followed = [make_source(bsky_network.appview, "author", name="dev live", actor="devraj.test"),
                make_source(bsky_network.appview, "hashtag", name="#firehosetest live", tag="firehosetest")]
    runner = threading.Thread(target=run_stream, args=(engine, stream_settings, followed),
                              kwargs={"model": model, "stop": stop, "ready": ready}, daemon=True)
    runner.start()
    try:
        assert ready.wait(60)
        time.sleep(1.0)  # the firehose connection opens
        by_dev = bsky_network.create("dev", record("Carers group live test, struggling a bit today"))
        tagged = bsky_network.create("jo", record("Anyone else up? #firehosetest", facets=[]))
        ignored = bsky_network.create("jo", record("A post about nothing we follow"))
        bsky_network.create("amara", {"$type": "app.bsky.feed.like", "createdAt": stamp(datetime.now(timezone.utc)),
                                      "subject": {"uri": by_dev["uri"], "cid": by_dev["cid"]}},
                            collection="app.bsky.feed.like")
        assert wait_for(lambda: {by_dev["uri"], tagged["uri"]} <= set(rows(engine)))
        stored = rows(engine)
        assert ignored["uri"] not in stored
        assert stored[by_dev["uri"]].author == "Dev" and "devraj.test" in stored[by_dev["uri"]].url
        # The stream's posts go through the classifier at once, like a collect's.
        with transaction(engine) as s:
            assert wait_for(lambda: s.scalar(select(func.count()).select_from(Classification)) >= 2, 10)

        # An edit that removes a phone number, and a deletion: both reach the store.
        created = datetime.now(timezone.utc)
        phone = bsky_network.create("dev", record("Call me on 07700 900123 tonight", created))
        assert wait_for(lambda: phone["uri"] in rows(engine))
        bsky_network.put("dev", phone["uri"], record("DM me tonight", created))
        assert wait_for(lambda: rows(engine)[phone["uri"]].content_text == "DM me tonight")
        bsky_network.delete("dev", by_dev["uri"])
        assert wait_for(lambda: rows(engine)[by_dev["uri"]].deleted_at is not None)
        assert rows(engine)[by_dev["uri"]].content_text == ""
    finally:
        stop.set()
        runner.join(60)
    with transaction(engine) as s:
        [health] = stream_health(s)
        assert health.status == "stopped" and health.events_kept >= 4 and health.lag_s is not None
        assert s.scalar(select(Stream.cursor)) is not None
    engine.dispose()


def test_kill_9_mid_burst_then_restart_keeps_every_post_once(bsky_network, stream_settings, database_url, tmp_path):
    stream_settings = stream_settings.model_copy(update={"database_url": database_url})  # both backends
    sources_file = tmp_path / "sources.yaml"
    sources_file.write_text(yaml.safe_dump({"sources": [
        {"name": "bulk live", "platform": "bluesky", "kind": "author", "url": bsky_network.appview,
         "options": {"actor": "bulkposter.test"}}]}))
    env = {**os.environ, "PEERFEED_DATABASE_URL": stream_settings.database_url,
           "PEERFEED_BLUESKY_FIREHOSE_URL": bsky_network.pds, "PEERFEED_STREAM_FLUSH_S": "0.2",
           "PEERFEED_BLUESKY_SESSION_FILE": str(tmp_path / "session.txt")}
    cmd = [sys.executable, "-m", "peerfeed.cli", "stream", "--sources", str(sources_file),
           "--model-factory", "tests.pipelines.doubles:KeywordModel"]
    engine = make_engine(stream_settings.database_url)
    burst = 40
    marker = f"burst-{time.time_ns()}"

    def count() -> int:
        try:
            with transaction(engine) as s:
                return s.scalar(select(func.count()).select_from(Post).where(Post.content_text.like(f"{marker}%")))
        except Exception:  # noqa: BLE001 - the schema is not there yet
            return 0

    first = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: _connected(engine), 60), "the stream never connected"
        uris = []
        for i in range(burst):
            uris.append(bsky_network.create("bulk", record(f"{marker} {i}: small steps today"))["uri"])
            if i == burst // 2:
                assert wait_for(lambda: count() > 0, 30)
                os.kill(first.pid, signal.SIGKILL)  # mid-burst, no goodbye
        first.wait(10)
        killed_at = count()
        assert 0 < killed_at < burst
    finally:
        if first.poll() is None:
            first.kill()
    second = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        assert wait_for(lambda: count() == burst, 60), f"{count()} of {burst} after the restart"
    finally:
        second.send_signal(signal.SIGTERM)
        _, err = second.communicate(timeout=60)
    assert second.returncode == 0, err.decode()[-2000:]
    with transaction(engine) as s:
        stored = list(s.scalars(select(Post.platform_id).where(Post.content_text.like(f"{marker}%"))))
    assert sorted(stored) == sorted(uris)  # every post, once
    engine.dispose()


def _connected(engine) -> bool:
    try:
        with transaction(engine) as s:
            return any(h.status == "connected" for h in stream_health(s))
    except Exception:  # noqa: BLE001 - the schema is not there yet
        return False


class CuttableProxy:
    """A TCP forwarder on 127.0.0.1 that can cut every connection and refuse new ones for a while:
    a network drop between peerfeed and the relay."""

    def __init__(self, target: str) -> None:
        import socket
        from urllib.parse import urlsplit

        parts = urlsplit(target)
        self.target = (parts.hostname, parts.port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"ws://127.0.0.1:{self.listener.getsockname()[1]}"
        self.up = threading.Event()
        self.up.set()
        self.sockets: list = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import socket

        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.up.is_set():
                client.close()
                continue
            server = socket.create_connection(self.target)
            self.sockets += [client, server]
            for a, b in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    @staticmethod
    def _pipe(src, dst) -> None:
        try:
            while data := src.recv(65536):
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                try:
                    s.close()
                except OSError:
                    pass

    def cut(self) -> None:
        import socket

        self.up.clear()
        for s in self.sockets:
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self.sockets.clear()

    def close(self) -> None:
        self.cut()
        self.listener.close()


def test_a_network_drop_loses_nothing(bsky_network, stream_settings, make_source):
    proxy = CuttableProxy(bsky_network.pds.replace("localhost", "127.0.0.1"))
    settings = stream_settings.model_copy(update={"bluesky_firehose_url": proxy.url})
    engine = make_engine(settings.database_url)
    stop, ready = threading.Event(), threading.Event()
    followed = [make_source(bsky_network.appview, "hashtag", name="#droptest live", tag="droptest")]
    runner = threading.Thread(target=run_stream, args=(engine, settings, followed),
                              kwargs={"model": KeywordModel(), "stop": stop, "ready": ready}, daemon=True)
    runner.start()
    try:
        assert ready.wait(60) and wait_for(lambda: _connected(engine), 30)
        before = bsky_network.create("jo", record("Before the drop #droptest"))
        assert wait_for(lambda: before["uri"] in rows(engine))
        proxy.cut()  # the connection dies and reconnects are refused for a while
        assert wait_for(lambda: not _connected(engine), 30)
        during = bsky_network.create("jo", record("Written while we were cut off #droptest"))
        time.sleep(2)
        assert during["uri"] not in rows(engine)
        proxy.up.set()  # the network is back: the stream resumes from its stored sequence number
        assert wait_for(lambda: during["uri"] in rows(engine), 60)
    finally:
        stop.set()
        runner.join(60)
        proxy.close()
    engine.dispose()
