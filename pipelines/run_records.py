"""What each flow run records about itself: a table artifact and one summary line, never post text.

An operator opening a run in the Prefect UI should see what it did without reading code: which
sources failed or wait in backoff (not only those fetched this time), how many alerts went out or
failed, which files a digest wrote. The rows are built by plain functions (tested without
Prefect); `record` hands them to Prefect.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable

from store.models import Source


def collect_rows(reports, waiting: Iterable[Source], now: datetime) -> tuple[list[dict], str]:
    """One row per source fetched, then one per source skipped while in error or backoff."""
    rows = [{"source": r.source, "status": r.status, "new": r.new, "updated": r.updated, "deleted": r.deleted,
             "next attempt": "", "error": f"[{r.error_kind}] {_line(r.error)}" if r.error else ""} for r in reports]
    fetched = {r.source for r in reports}
    skipped = [s for s in waiting if s.name not in fetched]
    for src in skipped:
        rows.append({"source": src.name, "status": "waiting (backoff)" if src.last_status == "error" else "waiting",
                     "new": 0, "updated": 0, "deleted": 0, "next attempt": _when(src.next_attempt_at, now),
                     "error": f"[{src.last_error_kind}] {_line(src.last_error)}" if src.last_error else ""})
    failed = sum(r.error is not None for r in reports)
    in_error = failed + sum(s.last_status == "error" for s in skipped)
    summary = (f"{len(reports)} sources, {sum(r.new for r in reports)} new posts, {failed} failed; "
               f"{in_error} in error, {len(skipped)} waiting for a later attempt")
    return rows, summary


def classify_rows(report, batches: int) -> tuple[list[dict], str]:
    by_level = report.by_level or {}
    rows = [{"classified": report.classified, "held for review": report.held, "failed (held)": report.failed,
             "batches": batches, **{f"level {lvl}": by_level.get(lvl, 0) for lvl in range(4)}}]
    return rows, (f"classified {report.classified} posts in {batches} batches: {report.held} held for review, "
                  f"{report.failed} failed")


def alert_rows(report) -> tuple[list[dict], str]:
    rows = [{"sent": report.sent, "failed": report.failed, "skipped (claimed by another run)": report.skipped,
             "errors": "; ".join(report.errors[:5])}]
    return rows, f"alerts sent {report.sent}, failed {report.failed}, skipped {report.skipped}"


def digest_rows(paths: dict, period: str) -> tuple[list[dict], str]:
    rows = [{"period": period, "posts": paths["entries"], "file": paths[kind]} for kind in ("atom", "html")]
    return rows, f"{period} digest of {paths['entries']} posts written to {paths['atom']} and {paths['html']}"


def themes_rows(summary: dict, period: str, day) -> tuple[list[dict], str]:
    rows = [{"period": period, "from": str(day), "posts": summary["post_count"],
             "topics shown": sum(v is not None for v in summary["topic_volumes"].values()),
             "topics suppressed": sum(v is None for v in summary["topic_volumes"].values()),
             "emerging terms": len(summary["emerging_terms"])}]
    return rows, f"themes snapshot of the {period} from {day}: {summary['post_count']} posts stored"


def deletion_rows(reports: list[dict]) -> tuple[list[dict], str]:
    rows = [{"source": r["source"], "checked": r["checked"], "erased": r["erased"], "error": _line(r["error"])}
            for r in reports]
    failed = sum(bool(r["error"]) for r in reports)
    return rows, (f"{len(reports)} sources checked, {sum(r['erased'] for r in reports)} posts erased, "
                  f"{failed} checks failed")


def retrain_rows(report: dict) -> tuple[list[dict], str]:
    rows = [{k: ("" if v is None else v) for k, v in report.items()}]
    return rows, f"retrain: {report['reason']}"


def record(key: str, rows: list[dict], summary: str) -> None:
    """Store the rows as the run's table artifact `key`, described by `summary`."""
    from prefect.artifacts import create_table_artifact

    create_table_artifact(key=key, table=rows or [{"nothing": "to report"}], description=summary)


def _line(text: str | None, limit: int = 200) -> str:
    return (text or "").strip().splitlines()[0][:limit] if (text or "").strip() else ""


def _when(at: datetime | None, now: datetime) -> str:
    if at is None or at <= now:
        return "next run"
    return at.strftime("%Y-%m-%d %H:%M UTC")
