"""The Sources page's tables as plain rows: each source's health, and each stream's lag.

Plain functions over the dicts `dashboard.data` returns, so they test without Streamlit.
"""

from __future__ import annotations

from dashboard.views import when_label


def duration_label(seconds: float | None) -> str:
    """A duration in words a person reads at a glance: '0.4 s', '12 s', '3 min', '2 h 5 min', '3 d'."""
    if seconds is None:
        return ""
    seconds = max(0.0, float(seconds))
    if seconds < 10:
        return f"{seconds:.1f} s"
    if seconds < 60:
        return f"{seconds:.0f} s"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    hours, mins = divmod(minutes, 60)
    if hours < 48:
        return f"{hours} h {mins} min" if mins else f"{hours} h"
    return f"{hours // 24} d"


def _first_line(text: str | None, limit: int = 160) -> str:
    return (text or "").splitlines()[0][:limit] if text else ""


def source_rows(sources: list[dict]) -> list[dict]:
    """One row per source: health of its last fetch, what it skipped (`last_warning`), its posts."""
    return [{
        "Source": r["name"], "Platform": f"{r['platform']}/{r['kind']}", "Enabled": r["enabled"],
        "Status": r["status"] or "never fetched",
        "Last fetch": when_label(r["last_fetched_at"]) if r["last_fetched_at"] else "",
        "Error": f"{r['error_kind']}: {_first_line(r['error'])}" if r["error"] else "",
        "Last warning": _first_line(r.get("warning")),
        "Failures": r["failures"],
        "Next attempt": when_label(r["next_attempt_at"]) if r["next_attempt_at"] else "",
        "Posts": r["posts"],
    } for r in sources]


def stream_rows(streams: list[dict]) -> list[dict]:
    """One row per stream (`store.sources.stream_health`): how far behind upstream it is, how long
    it has been silent, and what it saw and kept."""
    return [{
        "Stream": s["name"], "Platform": s["platform"], "Status": s["status"],
        "Lag behind upstream": duration_label(s["lag_s"]) or "no event yet",
        "Last event handled": f"{duration_label(s['silent_s'])} ago" if s["silent_s"] is not None else "never",
        "Events seen": s["events_seen"], "Kept": s["events_kept"],
        "Error": _first_line(s["last_error"]),
    } for s in streams]
