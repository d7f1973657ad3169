"""`peerfeed stream`: follow every source live, and store, classify and alert within seconds.

Sources whose platform can stream (collectors/registry.py: `streamable` and `follow`) are
followed: Bluesky through one firehose connection, each Mastodon hashtag or list through its
instance's streaming API. Every other source (blogs, Bluesky custom feeds) is polled every
`stream_poll_interval_s` with the ordinary collect (conditional GET makes an unchanged feed cost a
304). Whatever arrives goes through the same store, classifier, publication gate and alerts as a
collect: `StreamWriter` is the one thread that writes. Each delivery (a stream's batches and its
new position) is stored in one transaction, so a process killed at any moment resumes from the
last stored position and the store keeps every post once; after each write the new and edited
posts are classified and any alert owed is sent at once.

Nothing here runs at import; `run_stream` returns when `stop` is set (SIGTERM/SIGINT in the CLI)
or after `duration_s`.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.engine import Engine

from collectors.base import SourceState, StreamBatch, StreamContext, StreamPosition, describe_crash
from collectors.registry import collector_for
from peerfeed.records import Platform
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig
from pipelines.alerts import channels, send_alerts
from pipelines.classifying import classify_pending
from pipelines.collecting import collect_one, prepare_sources
from store.db import transaction
from store.models import Source, get_existing, utcnow
from store.sources import (
    known_posts,
    known_status_ids,
    store_stream_batches,
    stream_cursor,
    to_config,
    to_state,
)

log = logging.getLogger(__name__)

KNOWN_FOR = timedelta(days=30)  # stored posts whose edits and deletions a stream keeps, beyond its filter
STORE_ATTEMPTS = 3


@dataclass
class StreamReport:
    """What a `run_stream` did, for the CLI and the Prefect flow."""

    streams: list[str] = field(default_factory=list)
    polled: list[str] = field(default_factory=list)
    deliveries: int = 0
    new: int = 0
    updated: int = 0
    deleted: int = 0
    classified: int = 0
    alerts_sent: int = 0
    store_failures: int = 0


class StreamWriter:
    """The one thread that stores what the streams deliver, then classifies and alerts."""

    def __init__(self, engine: Engine, settings: Settings, model, report: StreamReport | None = None) -> None:
        self.engine = engine
        self.settings = settings
        self.model = model
        self.report = report or StreamReport()
        self._queue: queue.Queue = queue.Queue(maxsize=10_000)

    def deliver(self, batches: list[StreamBatch], position: StreamPosition) -> None:
        """Called by followers (any thread): queue one delivery (blocks if the writer is far behind)."""
        self._queue.put((batches, position))

    def poke(self) -> None:
        """Something was stored outside the writer (a poll): classify and alert now."""
        self._queue.put(None)

    def run(self, stop: threading.Event) -> None:
        """Write deliveries until `stop` is set and the queue is empty."""
        while not (stop.is_set() and self._queue.empty()):
            try:
                first = self._queue.get(timeout=0.25)
            except queue.Empty:
                continue
            items = [first]
            while len(items) < 200:
                try:
                    items.append(self._queue.get_nowait())
                except queue.Empty:
                    break
            deliveries = [i for i in items if i is not None]
            changed = self._store(deliveries) if deliveries else 0
            if changed or None in items:
                self._classify_and_alert()

    def _store(self, deliveries: list[tuple[list[StreamBatch], StreamPosition]]) -> int:
        """Store deliveries, all in one transaction (atomic with their positions); returns changes."""
        for attempt in range(1, STORE_ATTEMPTS + 1):
            try:
                changed = 0
                with transaction(self.engine) as session:
                    now = utcnow()
                    for batches, position in deliveries:
                        counts = store_stream_batches(session, batches, position, now)
                        self.report.new += counts.new
                        self.report.updated += counts.updated
                        deleted = sum(len(b.deletions) for b in batches)
                        self.report.deleted += deleted
                        changed += counts.new + counts.updated + deleted
                self.report.deliveries += len(deliveries)
                return changed
            except Exception as exc:  # noqa: BLE001 - a database blip: try again, then say so
                log.error("storing stream deliveries failed attempt=%d error=%s", attempt,
                          describe_crash(getattr(exc, "orig", None) or exc))
                time.sleep(0.5 * attempt)
        # Given up: the streams' stored positions did not move, so a restart delivers these again.
        self.report.store_failures += len(deliveries)
        return 0

    def _classify_and_alert(self) -> None:
        try:
            classified = classify_pending(self.engine, self.model)
            self.report.classified += classified.classified + classified.failed
            if channels(self.settings):
                alerts = send_alerts(self.engine, self.settings)
                self.report.alerts_sent += alerts.sent
        except Exception as exc:  # noqa: BLE001 - the next write tries again; the alert flow is the safety net
            log.error("classify or alert after a stream write failed error=%s", describe_crash(exc))


class Poller:
    """Collects the sources no stream can follow, each every `interval_s`, respecting backoff."""

    def __init__(self, engine: Engine, settings: Settings, source_ids: Sequence[int], writer: StreamWriter,
                 interval_s: float) -> None:
        self.engine, self.settings, self.writer = engine, settings, writer
        self.source_ids = list(source_ids)
        self.interval_s = interval_s
        self._next: dict[int, float] = {sid: 0.0 for sid in self.source_ids}

    def run(self, stop: threading.Event) -> None:
        while not stop.is_set():
            now = time.monotonic()
            due = [sid for sid, at in self._next.items() if at <= now]
            if due:
                with transaction(self.engine) as session:
                    wall = utcnow()
                    backing_off = {s.id for s in session.scalars(select(Source).where(Source.id.in_(due)))
                                   if s.next_attempt_at is not None and s.next_attempt_at > wall}
            for sid in due:
                if stop.is_set():
                    break
                self._next[sid] = time.monotonic() + self.interval_s
                if sid in backing_off:
                    continue
                report = collect_one(self.engine, self.settings, sid)
                if report.new or report.updated or report.deleted:
                    self.writer.poke()
            stop.wait(1.0)


def _context(engine: Engine, settings: Settings, writer: StreamWriter, ids_by_name: dict[str, int]) -> StreamContext:
    def saved_cursor(name: str) -> str | None:
        with transaction(engine) as s:
            return stream_cursor(s, name)

    def known(platform: str) -> dict[str, str]:
        with transaction(engine) as s:
            return known_posts(s, platform, utcnow() - KNOWN_FOR)

    def state(name: str) -> SourceState:
        with transaction(engine) as s:
            return to_state(get_existing(s, Source, ids_by_name[name]))

    def status_ids(name: str) -> dict[str, str]:
        with transaction(engine) as s:
            return known_status_ids(s, ids_by_name[name], utcnow() - KNOWN_FOR)

    return StreamContext(settings, writer.deliver, saved_cursor, known, state, status_ids, settings.stream_flush_s)


def plan(configs: Sequence[SourceConfig]) -> tuple[dict[Platform, list[SourceConfig]], list[SourceConfig]]:
    """Which sources each platform's streams follow, and which are polled instead."""
    streamed: dict[Platform, list[SourceConfig]] = {}
    polled: list[SourceConfig] = []
    for config in configs:
        entry = collector_for(config.platform)
        if entry.follow is not None and entry.streamable(config):
            streamed.setdefault(config.platform, []).append(config)
        else:
            polled.append(config)
    return streamed, polled


def run_stream(engine: Engine, settings: Settings, configs: Sequence[SourceConfig] | None = None, *,
               model=None, stop: threading.Event | None = None, duration_s: float | None = None,
               ready: threading.Event | None = None) -> StreamReport:
    """Follow every enabled source until `stop` is set (or `duration_s` passes); see the module doc."""
    stop = stop or threading.Event()
    prepare_sources(engine, configs, ignore_backoff=True)
    with transaction(engine) as session:
        rows = list(session.scalars(select(Source).where(Source.enabled.is_(True)).order_by(Source.id)))
        enabled = [(src.id, to_config(src)) for src in rows]
    ids_by_name = {config.name: sid for sid, config in enabled}
    streamed, polled = plan([config for _sid, config in enabled])

    if model is None:  # loaded before anything arrives: the first crisis post must not wait for it
        from classifier import load_model

        model = load_model(settings.model_path)
    report = StreamReport(polled=[c.name for c in polled])
    writer = StreamWriter(engine, settings, model, report)
    context = _context(engine, settings, writer, ids_by_name)
    followers: list = []
    for platform, sources in streamed.items():
        follow = collector_for(platform).follow
        if follow is not None:  # plan() streams only the platforms that have one
            followers += follow(sources, context)
    report.streams = [f.name for f in followers]
    log.info("stream started streams=%d polled=%d", len(followers), len(polled))

    writer_stop = threading.Event()
    threads = [threading.Thread(target=writer.run, args=(writer_stop,), name="stream-writer", daemon=True)]
    threads += [threading.Thread(target=f.run, args=(stop,), name=f"stream {f.name}"[:60], daemon=True)
                for f in followers]
    if polled:
        poller = Poller(engine, settings, [ids_by_name[c.name] for c in polled], writer, settings.stream_poll_interval_s)
        threads.append(threading.Thread(target=poller.run, args=(stop,), name="stream-poller", daemon=True))
    for thread in threads:
        thread.start()
    if ready is not None:
        ready.set()
    try:
        stop.wait(duration_s)
    finally:
        stop.set()
        for follower in followers:
            if hasattr(follower, "stop"):
                follower.stop()
        for thread in threads[1:]:
            thread.join(timeout=30)
        writer_stop.set()  # after the followers: their last positions ("stopped") are stored too
        threads[0].join(timeout=60)
    return report
