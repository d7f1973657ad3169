"""Prefect flows: when and how often the stages run. Each task calls one plain, tested function.

- `collect`: one task per source (never per post), at most `concurrency` at once; only transient
  failures (network, 5xx, rate limits) are retried, with backoff; a failing source is reported in
  the run's table artifact and never fails the run.
- `classify`: the backlog cut into id ranges, one task per range (threads here, or a Dask cluster for
  large backlogs); held posts go to review as the store decides; alerts go out as soon as a batch
  with a high or crisis post is stored.
- `alert`, `digest`, `themes`, `deletions`, `retrain`: one task each over pipelines.alerts / digest /
  themes / deletions / retraining.
- `fediverse`, `weekly-email`: one task each over pipelines.fediverse / newsletter (docs/channels.md);
  both keep their own exactly-once records, so neither is retried by Prefect.
- `stream`: the long-running `peerfeed stream` (pipelines/streaming.py) as one flow run.

Every flow takes `database_url` (default: PEERFEED_DATABASE_URL); other settings come from the
environment of the process that runs it, so no secret ever becomes a flow parameter.

Every flow, as it starts (`_begin`): sends peerfeed's own log lines, with their context, to the
run's logs (peerfeed/logs.py); refuses a database whose schema is behind (one line: run `peerfeed db
upgrade`); marks runs a dead worker left Running as Crashed (pipelines/stuck_runs.py). Every flow has
a timeout, retries its database work on transient errors (a restart, a dropped connection), and
records what it did as a table artifact (pipelines/run_records.py); an alert run with failed sends
ends Failed, so a broken webhook shows in the run list.
"""

from __future__ import annotations

import time
from dataclasses import asdict
from datetime import date, datetime, timezone
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NONE
from prefect.futures import as_completed
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.tasks import exponential_backoff

from collectors.base import ErrorKind
from peerfeed.sources import load_sources
from peerfeed.logs import context_text
from pipelines.alerts import AlertReport, send_alerts
from pipelines.classifying import ClassifyReport, classify_range, name_current_model
from pipelines.collecting import SourceReport, collect_one, prepare_sources
from pipelines.deletions import check_deletions
from pipelines.digest import publish_digest
from pipelines.fediverse import run_fediverse
from pipelines.newsletter import send_weekly_email
from pipelines.retraining import DEFAULT_MIN_LABELS, retrain_from_labels
from pipelines.run_records import (alert_rows, classify_rows, collect_rows, deletion_rows, digest_rows, record,
                                   retrain_rows, themes_rows)
from pipelines.runtime import engine_for, flow_settings, model_for
from pipelines.stuck_runs import FLOW_TIMEOUTS, reconcile_stuck_runs
from pipelines.themes import last_complete_period, snapshot_themes
from store.backlog import unclassified_id_ranges
from store.db import transaction
from store.models import Source, get_existing, utcnow
from store.queries import sources_in_error_or_backoff

# Upper bound of the collect flow's thread pool; the `concurrency` parameter sets the real limit.
MAX_COLLECT_THREADS = 32
# A database restart or failover takes seconds to a minute: retry database work after 5, 15, 40 s.
DATABASE_RETRY_DELAYS_S: list[float] = [5, 15, 40]


class AlertsFailed(RuntimeError):
    """Some alerts could not be sent (they are retried by the next run); fails the run so it shows."""


def is_transient_database_error(exc: BaseException) -> bool:
    """A database error worth retrying: the connection failed or dropped (not a bug, not bad data)."""
    from sqlalchemy import exc as sa

    if isinstance(exc, (sa.OperationalError, sa.InterfaceError, sa.DisconnectionError, sa.TimeoutError)):
        return True
    return isinstance(exc, sa.DBAPIError) and bool(exc.connection_invalidated)


def retry_database(task, task_run, state) -> bool:
    """Prefect retry condition: retry only when the database was briefly out of reach."""
    try:
        state.result()
    except Exception as exc:  # noqa: BLE001 - sorted below
        return is_transient_database_error(exc)
    return False


def _begin(database_url: str | None) -> str:
    """What every flow does first (see the module docstring); returns the database URL."""
    from peerfeed.logs import send_to_prefect_run_logs

    settings = flow_settings(database_url)
    send_to_prefect_run_logs(settings)
    logger = get_run_logger()
    for delay in [*DATABASE_RETRY_DELAYS_S, None]:
        try:
            engine_for(settings.database_url)  # raises SchemaNotCurrent, one line, on an old schema
            break
        except Exception as exc:  # noqa: BLE001 - only a transient database error is waited out
            if delay is None or not is_transient_database_error(exc):
                raise
            logger.warning("database unreachable (%s); trying again in %d s", type(exc).__name__, delay)
            time.sleep(delay)
    try:
        for run in reconcile_stuck_runs():
            logger.warning("run %s of flow %s (started %s) was left Running by a dead worker: marked Crashed",
                           run.run_name, run.flow, f"{run.started:%Y-%m-%d %H:%M} UTC")
    except Exception as exc:  # noqa: BLE001 - tidying other runs never stops this one
        logger.warning("could not check for stuck runs: %s", type(exc).__name__)
    return settings.database_url


class SourceFailedTransiently(RuntimeError):
    """A source failed in a way worth retrying soon; carries the stored report."""

    def __init__(self, report: SourceReport) -> None:
        self.report = report
        super().__init__(f"{report.source}: {report.error_kind}: {report.error}")


def retry_transient(task, task_run, state) -> bool:
    """Prefect retry condition: retry a source's transient failure or a database outage, never a
    bug or a 404."""
    try:
        state.result()
    except SourceFailedTransiently:
        return True
    except Exception as exc:  # noqa: BLE001 - anything else is not worth retrying
        return is_transient_database_error(exc)
    return False


@task(name="collect-source", task_run_name="collect {source_name}", cache_policy=NONE,
      retries=2, retry_delay_seconds=exponential_backoff(backoff_factor=10), retry_jitter_factor=0.5,
      retry_condition_fn=retry_transient)
def collect_source(database_url: str, source_id: int, source_name: str) -> SourceReport:
    """Fetch and store one source; raise only on a transient failure, so Prefect retries it."""
    report = collect_one(engine_for(database_url), flow_settings(database_url), source_id)
    if _transient(report.error_kind):
        raise SourceFailedTransiently(report)
    return report


def _transient(kind: str | None) -> bool:
    try:
        return kind is not None and ErrorKind(kind).transient
    except ValueError:  # a kind the collectors do not define: not ours to retry
        return False


def _bounded_submit(submit, items, limit: int) -> list:
    """Submit one task per item with at most `limit` running; futures in the items' order."""
    futures: list = []
    running: list = []
    for item in items:
        if len(running) >= limit:
            running.remove(next(as_completed(running)))
        fut = submit(item)
        futures.append(fut)
        running.append(fut)
    return futures


def _report_of(future, name: str) -> SourceReport:
    try:
        return future.result()
    except SourceFailedTransiently as exc:
        return exc.report
    except Exception as exc:  # noqa: BLE001 - one source's crash is reported, the run goes on
        return SourceReport(source=name, status="error", error_kind="internal", error=repr(exc))


# Prefect types task_runner as TaskRunner[PrefectFuture[Any]], and TaskRunner is invariant, so its own
# runners (TaskRunner[PrefectConcurrentFuture[...]]) do not fit the annotation though they are what it takes.
@flow(name="collect", task_runner=ThreadPoolTaskRunner(max_workers=MAX_COLLECT_THREADS),  # type: ignore[arg-type]
      timeout_seconds=FLOW_TIMEOUTS["collect"])
def collect_flow(sources_file: str | None = None, only: str | None = None, concurrency: int | None = None,
                 retries: int = 2, retry_delay_s: float = 10.0, then_classify: bool = False,
                 model_factory: str | None = None, sync_sources_file: bool = True,
                 database_url: str | None = None) -> list[SourceReport]:
    """Collect every due source (or just `only`), then optionally classify and alert at once.

    The sources file (default PEERFEED_SOURCES_FILE), when it exists and `sync_sources_file` is on,
    is synced into the store first; otherwise the sources already stored are collected. With
    `then_classify`, the posts stored are classified even when collecting failed part-way.
    """
    logger = get_run_logger()
    url = _begin(database_url)
    settings = flow_settings(url)
    try:
        reports = _collect(logger, settings, url, sources_file, only, concurrency, retries, retry_delay_s,
                           sync_sources_file)
    except Exception:
        if then_classify:
            logger.warning("collect failed part-way; classifying what was stored before raising")
            classify_flow(model_factory=model_factory, database_url=url)
        raise
    if then_classify:
        classify_flow(model_factory=model_factory, database_url=url)
    return reports


def _collect(logger, settings, url, sources_file, only, concurrency, retries, retry_delay_s,
             sync_sources_file) -> list[SourceReport]:
    engine = engine_for(url)
    path = Path(sources_file or settings.sources_file)
    configs = load_sources(path) if sync_sources_file and path.is_file() else None
    ids = prepare_sources(engine, configs, only=only)
    with transaction(engine) as session:
        names = {sid: get_existing(session, Source, sid).name for sid in ids}
    task_ = collect_source.with_options(retries=retries,
                                        retry_delay_seconds=exponential_backoff(backoff_factor=retry_delay_s))
    limit = max(1, min(concurrency or settings.collect_concurrency, MAX_COLLECT_THREADS))
    futures = _bounded_submit(lambda sid: task_.submit(url, sid, names[sid]), ids, limit)
    reports = [_report_of(f, names[sid]) for f, sid in zip(futures, ids)]
    now = utcnow()
    with transaction(engine) as session:
        waiting = sources_in_error_or_backoff(session, now)
        rows, summary = collect_rows(reports, waiting, now)
    record("collect-report", rows, summary)
    for r in reports:
        if r.error:
            logger.warning("source failed %s", context_text(source=r.source, error_kind=r.error_kind,
                                                            error=(r.error or "").splitlines()[0][:200]))
    for row in rows[len(reports):]:
        logger.warning("source waiting %s", context_text(source=row["source"], next_attempt=row["next attempt"],
                                                         error=row["error"]))
    logger.info(summary)
    return reports


@task(name="classify-batch", task_run_name="classify posts {first_id}-{last_id}", cache_policy=NONE,
      retries=len(DATABASE_RETRY_DELAYS_S), retry_delay_seconds=DATABASE_RETRY_DELAYS_S, retry_condition_fn=retry_database)
def classify_batch_task(database_url: str, first_id: int, last_id: int, batch_size: int,
                        model_factory: str | None, model_path: str | None) -> ClassifyReport:
    """Classify one id range; a post the model cannot read is held for review, not retried."""
    model = model_for(model_factory, model_path)
    return classify_range(engine_for(database_url), model, first_id, last_id, batch_size)


@task(name="send-alerts", cache_policy=NONE, retries=len(DATABASE_RETRY_DELAYS_S),
      retry_delay_seconds=DATABASE_RETRY_DELAYS_S, retry_condition_fn=retry_database)
def send_alerts_task(database_url: str) -> AlertReport:
    """Send every alert owed; failed sends are recorded and tried again by the next run."""
    return send_alerts(engine_for(database_url), flow_settings(database_url))


def _merge(total: ClassifyReport, part: ClassifyReport) -> None:
    total.classified += part.classified
    total.held += part.held
    total.failed += part.failed
    for level, n in (part.by_level or {}).items():
        total.by_level[level] = total.by_level.get(level, 0) + n


@flow(name="classify-batches", timeout_seconds=FLOW_TIMEOUTS["classify-batches"])
def classify_batches(database_url: str, ranges: list[tuple[int, int]], batch_size: int,
                     model_factory: str | None, model_path: str | None, alert: bool) -> ClassifyReport:
    """Run one task per range on this flow's task runner; alert right after a risky batch is stored."""
    futures = [classify_batch_task.submit(database_url, first, last, batch_size, model_factory, model_path)
               for first, last in ranges]
    total = ClassifyReport(by_level={})
    for fut in as_completed(futures):
        part = fut.result()
        _merge(total, part)
        # A post the model could not read is of unknown risk: it is alerted like a high one.
        if alert and (part.by_level.get(2) or part.by_level.get(3) or part.failed):
            send_alerts_task(database_url)
    return total


@flow(name="classify", timeout_seconds=FLOW_TIMEOUTS["classify"])
def classify_flow(batch_size: int = 500, model_factory: str | None = None, alert: bool = True,
                  dask_workers: int = 0, dask_address: str | None = None,
                  database_url: str | None = None) -> ClassifyReport:
    """Classify every unclassified post, on threads here or on Dask (a local cluster of `dask_workers`
    processes, or the scheduler at `dask_address`; only worth it with cores to spare) for a large
    backlog; then send alerts owed."""
    logger = get_run_logger()
    url = _begin(database_url)
    settings = flow_settings(url)
    model_path = str(settings.model_path) if settings.model_path else None
    model = model_for(model_factory, model_path)
    name_current_model(engine_for(url), model)  # only the current model's readings clear posts
    with transaction(engine_for(url)) as session:
        ranges = unclassified_id_ranges(session, batch_size, model_version=str(model.version))
    report = ClassifyReport(by_level={})
    if ranges:
        runner = None
        if dask_address or dask_workers:
            from prefect_dask import DaskTaskRunner

            runner = (DaskTaskRunner(address=dask_address) if dask_address else DaskTaskRunner(
                cluster_kwargs={"n_workers": dask_workers, "threads_per_worker": 1, "dashboard_address": None}))
        # Prefect's invariant TaskRunner typing again (see collect_flow)
        batches = classify_batches.with_options(task_runner=runner) if runner else classify_batches  # type: ignore[arg-type]
        report = batches(url, ranges, batch_size, model_factory, model_path, alert)
    rows, summary = classify_rows(report, len(ranges))
    record("classify-report", rows, summary)
    logger.info("%s; by level %s", summary, report.by_level)
    if alert:
        sent = send_alerts_task(url)  # also retries sends that failed in earlier runs
        if sent.failed:
            logger.warning("alerts failed and will be retried %s", context_text(count=sent.failed,
                                                                                error="; ".join(sent.errors[:3])))
    return report


@flow(name="alert", timeout_seconds=FLOW_TIMEOUTS["alert"])
def alert_flow(database_url: str | None = None) -> AlertReport:
    """Send alerts owed for new high and crisis posts (scheduled every minute as a safety net).

    A run with failed sends ends Failed (after recording them): they are retried by the next run.
    """
    logger = get_run_logger()
    report = send_alerts_task(_begin(database_url))
    rows, summary = alert_rows(report)
    record("alert-report", rows, summary)
    logger.info(summary)
    if report.failed:
        raise AlertsFailed(f"{report.failed} alerts failed and will be retried by the next run: "
                           + "; ".join(report.errors[:3]))
    return report


@task(name="publish-digest", cache_policy=NONE, retries=len(DATABASE_RETRY_DELAYS_S),
      retry_delay_seconds=DATABASE_RETRY_DELAYS_S, retry_condition_fn=retry_database)
def publish_digest_task(database_url: str, period: str) -> dict:
    """Write the Atom feed and HTML page of the period."""
    paths = publish_digest(engine_for(database_url), flow_settings(database_url), period)
    return {"atom": str(paths.atom), "html": str(paths.html), "entries": paths.entries}


@flow(name="digest", timeout_seconds=FLOW_TIMEOUTS["digest"])
def digest_flow(period: str = "daily", database_url: str | None = None) -> dict:
    """Publish the daily or weekly digest of approved posts."""
    paths = publish_digest_task(_begin(database_url), period)
    rows, summary = digest_rows(paths, period)
    record("digest-report", rows, summary)
    get_run_logger().info(summary)
    return paths


@task(name="snapshot-themes", cache_policy=NONE, retries=len(DATABASE_RETRY_DELAYS_S),
      retry_delay_seconds=DATABASE_RETRY_DELAYS_S, retry_condition_fn=retry_database)
def snapshot_themes_task(database_url: str, day: date, period: str, baseline_days: int) -> dict:
    """Compute and store one themes snapshot."""
    return asdict(snapshot_themes(engine_for(database_url), day, period, baseline_days))


@flow(name="themes", timeout_seconds=FLOW_TIMEOUTS["themes"])
def themes_flow(day: date | None = None, period: str = "day", baseline_days: int = 28,
                database_url: str | None = None) -> dict:
    """Snapshot the themes of the period starting on `day`; by default the last complete one
    (yesterday for "day", last Monday to Sunday for "week"; UTC)."""
    url = _begin(database_url)
    day = day or last_complete_period(period, datetime.now(timezone.utc).date())
    summary = snapshot_themes_task(url, day, period, baseline_days)
    rows, line = themes_rows(summary, period, day)
    record("themes-report", rows, line)
    get_run_logger().info(line)
    return summary


@task(name="check-deletions", cache_policy=NONE, retries=len(DATABASE_RETRY_DELAYS_S),
      retry_delay_seconds=DATABASE_RETRY_DELAYS_S, retry_condition_fn=retry_database)
def check_deletions_task(database_url: str, per_source: int) -> list[dict]:
    """Ask Mastodon and Bluesky about recent posts and erase those deleted upstream."""
    reports = check_deletions(engine_for(database_url), flow_settings(database_url), per_source=per_source)
    return [asdict(r) for r in reports]


@flow(name="deletions", timeout_seconds=FLOW_TIMEOUTS["deletions"])
def deletions_flow(per_source: int = 40, database_url: str | None = None) -> list[dict]:
    """Erase posts their authors deleted on Mastodon or Bluesky (feeds have no deletions)."""
    logger = get_run_logger()
    reports = check_deletions_task(_begin(database_url), per_source)
    for r in reports:
        if r["error"]:
            logger.warning("deletion check failed %s", context_text(source=r["source"], error=r["error"]))
    rows, summary = deletion_rows(reports)
    record("deletions-report", rows, summary)
    logger.info(summary)
    return reports


@task(name="retrain", cache_policy=NONE, retries=len(DATABASE_RETRY_DELAYS_S),
      retry_delay_seconds=DATABASE_RETRY_DELAYS_S, retry_condition_fn=retry_database)
def retrain_task(database_url: str, min_labels: int) -> dict:
    """Train on moderators' labels; the classifier's guard decides whether the candidate is kept."""
    return asdict(retrain_from_labels(engine_for(database_url), flow_settings(database_url), min_labels))


@flow(name="retrain", timeout_seconds=FLOW_TIMEOUTS["retrain"])
def retrain_flow(min_labels: int = DEFAULT_MIN_LABELS, database_url: str | None = None) -> dict:
    """Retrain the classifier from the store's labels, guarded against a worse model."""
    report = retrain_task(_begin(database_url), min_labels)
    rows, summary = retrain_rows(report)
    record("retrain-report", rows, summary)
    get_run_logger().info(summary)
    return report


@task(name="fediverse-publish", cache_policy=NONE)
def fediverse_task(database_url: str) -> dict:
    """One fediverse publisher run: reconcile, plan from the gate, boost, toot and take down."""
    return asdict(run_fediverse(engine_for(database_url), flow_settings(database_url)))


@flow(name="fediverse")
def fediverse_flow(database_url: str | None = None) -> dict:
    """Put cleared posts on the community's fediverse account and take down what is no longer cleared."""
    report = fediverse_task(flow_settings(database_url).database_url)
    for error in report["errors"][:10]:
        get_run_logger().warning("fediverse: %s", error)
    return report


@task(name="send-weekly-email", cache_policy=NONE)
def weekly_email_task(database_url: str) -> dict:
    """Send last week's email to every confirmed subscriber not yet sent it."""
    return asdict(send_weekly_email(engine_for(database_url), flow_settings(database_url)))


@flow(name="weekly-email")
def weekly_email_flow(database_url: str | None = None) -> dict:
    """The weekly email of moderator-reviewed posts; a rerun resumes it and never sends anyone two."""
    report = weekly_email_task(flow_settings(database_url).database_url)
    if report["failed"]:
        get_run_logger().warning("weekly email: %d sends failed and will be retried: %s", report["failed"],
                                 report["errors"][:5])
    return report


@flow(name="stream")
def stream_flow(sources_file: str | None = None, duration_s: float | None = None,
                database_url: str | None = None) -> dict:
    """Follow every source live (Bluesky firehose, Mastodon streams, blogs polled every minute)
    until the run is cancelled or `duration_s` passes; store, classify and alert as posts arrive."""
    from pipelines.streaming import run_stream

    settings = flow_settings(database_url)
    path = Path(sources_file or settings.sources_file)
    configs = load_sources(path) if path.is_file() else None
    report = run_stream(engine_for(settings.database_url), settings, configs, duration_s=duration_s)
    get_run_logger().info("stream ended: %d new, %d updated, %d deleted, %d alerts", report.new, report.updated,
                          report.deleted, report.alerts_sent)
    return asdict(report)
