"""The Themes page's charts and CSV rows, built from `data.themes()` figures (no Streamlit here).

- Time axes say what a point is: a week is labelled by its Monday ("w/c 1 Dec"), one tick per
  week, never by day or "12 PM"; days are placed on a UTC time axis with date-only ticks.
- Topics appear by their names (`views.topic_label`), in charts and CSV alike.
- Distress levels always have all four entries (0 none, 1 concern, 2 high, 3 crisis) in the same
  colours, so a level missing from a week reads as "blank", not "gone".
- A blank CSV cell is a suppressed figure, and each CSV says so in a `note` column.
"""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from dashboard.views import LEVEL_NAMES, topic_label

LEVELS = [f"{lvl} · {LEVEL_NAMES[lvl]}" for lvl in range(4)]
LEVEL_COLOURS = ["#9ecae1", "#f2b701", "#e6550d", "#a50f15"]
SUPPRESSED_NOTE = "blank = suppressed: fewer than {k} people, or hidden so that a blank figure cannot be worked out from the total"


def week_label(day: str) -> str:
    """'2026-11-30' (a Monday) -> 'w/c 30 Nov 2026'."""
    d = date.fromisoformat(day)
    return f"w/c {d.day} {d.strftime('%b %Y')}"


def x_axis(period: str, days: int, field: str = "when") -> alt.X:
    """The time axis: one labelled category per week, or a UTC date axis for days."""
    if period == "week":
        return alt.X(f"{field}:O", title="Week commencing (Monday)", sort=None,
                     axis=alt.Axis(labelAngle=-40, labelOverlap=True))
    interval = {"interval": "month", "step": 1} if days > 120 else {"interval": "day", "step": max(1, days // 10)}
    return alt.X(f"{field}:T", title="Day (UTC)", scale=alt.Scale(type="utc"),
                 axis=alt.Axis(format="%d %b", formatType="utc", tickCount=interval, labelOverlap=True))


def with_when(frame: pd.DataFrame, period: str) -> pd.DataFrame:
    """Add the column the x axis reads: a week label, or the day itself."""
    frame = frame.copy()
    frame["when"] = frame["day"].map(week_label) if period == "week" else frame["day"]
    return frame


def topic_frame(rows: list[dict], period: str) -> pd.DataFrame:
    shown = [dict(r, topic=topic_label(r["topic"])) for r in rows if r.get("posts") is not None]
    return with_when(pd.DataFrame(shown), period) if shown else pd.DataFrame()


def topic_chart(frame: pd.DataFrame, period: str, days: int) -> alt.Chart:
    return alt.Chart(frame).mark_line(point=True).encode(
        x=x_axis(period, days), y=alt.Y("posts:Q", title="Posts"), color=alt.Color("topic:N", title="Topic"),
        tooltip=[alt.Tooltip("when:N", title="Week" if period == "week" else "Day"), "topic:N", "posts:Q"])


def distress_frame(rows: list[dict], period: str) -> pd.DataFrame:
    """One row per period and level whose share survived suppression."""
    out = []
    for r in rows:
        for lvl in range(4):
            share = r.get(f"level_{lvl}_share")
            if share is not None:
                out.append({"day": r["day"], "level": LEVELS[lvl], "share": share, "posts": r.get(f"level_{lvl}")})
    return with_when(pd.DataFrame(out), period) if out else pd.DataFrame()


def distress_chart(frame: pd.DataFrame, period: str, days: int) -> alt.Chart:
    return alt.Chart(frame).mark_bar().encode(
        x=x_axis(period, days), y=alt.Y("share:Q", title="Share of posts", axis=alt.Axis(format="%"), stack=True),
        color=alt.Color("level:N", title="Distress level", scale=alt.Scale(domain=LEVELS, range=LEVEL_COLOURS),
                        sort=LEVELS),
        order=alt.Order("level:O"),
        tooltip=[alt.Tooltip("when:N", title="Week" if period == "week" else "Day"), "level:N",
                 alt.Tooltip("share:Q", format=".1%"), "posts:Q"])


def suppressed_levels(rows: list[dict]) -> tuple[int, int]:
    """(level figures blanked, level figures in periods that are shown at all)."""
    shown_periods = [r for r in rows if r.get("posts") is not None]
    blank = sum(r.get(f"level_{lvl}") is None for r in shown_periods for lvl in range(4))
    return blank, 4 * len(shown_periods)


def activity_chart(frame: pd.DataFrame, period: str, days: int) -> alt.Chart:
    return alt.Chart(with_when(frame, period)).mark_bar().encode(
        x=x_axis(period, days), y=alt.Y("posts:Q", title="Posts", stack=True),
        color=alt.Color("source:N", title="Source"),
        tooltip=[alt.Tooltip("when:N", title="Week" if period == "week" else "Day"), "source:N", "posts:Q"])


def csv_rows(rows: list[dict], k: int, period: str) -> list[dict]:
    """Rows for a CSV: human topic names, the period named, and a note on every row explaining blanks."""
    note = SUPPRESSED_NOTE.format(k=k)
    out = []
    for r in rows:
        row = {("week_commencing" if key == "day" and period == "week" else key): value for key, value in r.items()}
        if "topic" in row:
            row["topic"] = topic_label(row["topic"])
        row["note"] = note if any(v is None for v in r.values()) else ""
        out.append(row)
    return out
