"""Collect: fetch every due source and store what it returned, one transaction per source.

A source's posts, deletions, fetch run and health are written together, so a process killed
half-way leaves each source either fully stored or untouched, and a re-run completes the work
exactly once (upserts make repeats harmless).
"""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Sequence

import httpx
from sqlalchemy.engine import Engine

from collectors.base import ErrorKind, FetchResult, describe_crash
from collectors.registry import fetch_source
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig
from store.db import transaction
from store.models import FetchRun, Source, get_existing
from store.sources import close_interrupted_runs, due_sources, record_fetch, start_fetch_run, sync_sources, to_config, to_state

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SourceReport:
    source: str
    status: str
    new: int = 0
    updated: int = 0
    deleted: int = 0
    error_kind: str | None = None
    error: str | None = None
    skipped: int = 0
    warning: str | None = None

    @property
    def failed(self) -> bool:
        return self.error_kind is not None


def prepare_sources(engine: Engine, configs: Sequence[SourceConfig] | None, only: str | None = None,
                    ignore_backoff: bool = False) -> list[int]:
    """Sync the sources file into the store, tidy runs a crash left open, and list due source ids."""
    with transaction(engine) as session:
        close_interrupted_runs(session)
        if configs is not None:
            sync_sources(session, configs)
        due = due_sources(session, only=only, ignore_backoff=ignore_backoff)
        if only and not due:
            raise LookupError(f"no source named {only!r}")
        return [s.id for s in due]


def collect_one(engine: Engine, settings: Settings, source_id: int, client: httpx.Client | None = None) -> SourceReport:
    """Fetch one source and store the result. A failing source is recorded, never raised.

    A collector bug is recorded on the source as an internal error (its type and line, never its
    message); so is a store that refuses the whole result. Neither stops the other sources.
    """
    with transaction(engine) as session:
        src = get_existing(session, Source, source_id)
        config, state = to_config(src), to_state(src)
        run_id = start_fetch_run(session, source_id)
    try:
        result = fetch_source(config, state, settings, client=client)
    except Exception as exc:  # noqa: BLE001 - a collector bug: record it on the source, keep the others going
        where = describe_crash(exc)
        log.error("collector crashed source=%s url=%s error=%s", config.name, config.url, where)
        result = FetchResult(source=config.name, error_kind=ErrorKind.PARSE,
                             error=f"internal error in the {config.platform.value} collector for {config.url}: {where}")
    return store_result(engine, source_id, run_id, result, config.name)


def store_result(engine: Engine, source_id: int, run_id: int, result: FetchResult, name: str) -> SourceReport:
    """Write a fetch result (posts, deletions, health) in one transaction and report it.

    Should the store refuse even that (a bug, or the database gone), the failure is recorded on the
    source in a fresh transaction if it can be, and reported either way.
    """
    try:
        with transaction(engine) as session:
            counts = record_fetch(session, source_id, run_id, result)
            src = get_existing(session, Source, source_id)
            deleted = len(result.deletions) if result.ok else 0
            run = get_existing(session, FetchRun, run_id)
            return SourceReport(source=src.name, status=src.last_status or "unknown", new=counts.new, updated=counts.updated,
                                deleted=deleted, error_kind=src.last_error_kind, error=src.last_error,
                                skipped=run.items_skipped or 0, warning=src.last_warning)
    except Exception as exc:  # noqa: BLE001 - reported below; the message may quote SQL parameters
        where = describe_crash(getattr(exc, "orig", None) or exc)
        log.error("storing a fetch failed source=%s error=%s", name, where)
    failed = FetchResult(source=name, error_kind=ErrorKind.PARSE, error=f"the store refused this fetch: {where}")
    try:
        with transaction(engine) as session:
            record_fetch(session, source_id, run_id, failed)
    except Exception as exc:  # noqa: BLE001 - the database itself is gone; say so and go on
        log.error("recording the failure failed source=%s error=%s", name, describe_crash(exc))
    return SourceReport(source=name, status="error", error_kind=ErrorKind.PARSE.value, error=failed.error)


def collect_all(engine: Engine, settings: Settings, configs: Sequence[SourceConfig] | None = None,
                only: str | None = None, client: httpx.Client | None = None) -> list[SourceReport]:
    """Collect every due source, `settings.collect_concurrency` at a time; reports in source order.

    Fetching is mostly waiting on the network, so a few sources at once finish a collect several
    times sooner; each source still writes in its own transaction.
    """
    ids = prepare_sources(engine, configs, only)
    workers = max(1, min(settings.collect_concurrency, len(ids)))
    if workers == 1:
        return [collect_one(engine, settings, sid, client=client) for sid in ids]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="collect") as pool:
        return list(pool.map(lambda sid: collect_one(engine, settings, sid, client=client), ids))


def summary(reports: Sequence[SourceReport]) -> str:
    """One line for the end of a collect: sources, new and updated posts, skipped items, failures."""
    failed = [r.source for r in reports if r.failed]
    line = (f"{len(reports)} sources, {sum(r.new for r in reports)} new posts, "
            f"{sum(r.updated for r in reports)} updated, {sum(r.skipped for r in reports)} items skipped, "
            f"{len(failed)} failed")
    if failed:
        line += ": " + ", ".join(failed[:10]) + (f" and {len(failed) - 10} more" if len(failed) > 10 else "")
    return line
