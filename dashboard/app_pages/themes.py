"""Themes: what the community is talking about, in aggregate only (counts under k are suppressed)."""

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data, session
from dashboard.views import csv_bytes, topic_label
from store.queries import K_MIN

session.require(session.STAFF)
url = session.settings().database_url

st.title("Themes")
st.caption(f"Aggregates only: no post is shown here, and any count below {K_MIN} is suppressed so that "
           "nobody can be picked out.")
left, right = st.columns(2)
with left:
    days = st.segmented_control("Period", [30, 90, 365], default=30, format_func=lambda d: f"Last {d} days",
                                key="themes_days") or 30
with right:
    period = st.segmented_control("Count per", ["week", "day"], default="week", key="themes_period") or "week"
figures = data.themes(url, days, period)
st.caption("From the daily theme snapshots." if figures["source"] == "snapshots"
           else "Computed live (no theme snapshots stored yet).")


def shown(rows: list[dict], field: str) -> pd.DataFrame:
    """Rows whose figure survived suppression, as a frame (empty frame when none did)."""
    frame = pd.DataFrame([r for r in rows if r.get(field) is not None])
    return frame


def download(label: str, rows: list[dict], name: str) -> None:
    st.download_button(f"Download {label} (CSV)", csv_bytes(rows), file_name=f"{name}-{days}d.csv",
                       mime="text/csv", disabled=not rows, key=f"csv-{name}")


st.subheader("Topic volume over time")
topics = shown(figures["topics"], "posts")
if topics.empty:
    st.info(f"Not enough posts per topic and {period} to show without identifying anyone.")
else:
    topics["topic"] = topics["topic"].map(topic_label)
    st.altair_chart(alt.Chart(topics).mark_line(point=True).encode(
        x=alt.X("day:T", title=period.capitalize()), y=alt.Y("posts:Q", title="Posts"),
        color=alt.Color("topic:N", title="Topic"), tooltip=["day:T", "topic:N", "posts:Q"]),
        width="stretch")
download("topic volumes", figures["topics"], "topic-volumes")

st.subheader("Distress trend")
distress = shown(figures["distress"], "posts")
share_cols = [c for c in distress.columns if c.endswith("_share")] if not distress.empty else []
if distress.empty or not share_cols:
    st.info(f"Not enough classified posts per {period} to show a trend.")
else:
    long = distress.melt(id_vars=["day"], value_vars=share_cols, var_name="level", value_name="share").dropna()
    long["level"] = long["level"].str.replace("_share", "").str.replace("level_", "level ")
    st.altair_chart(alt.Chart(long).mark_area().encode(
        x=alt.X("day:T", title=period.capitalize()), y=alt.Y("share:Q", title="Share of posts", axis=alt.Axis(format="%")),
        color=alt.Color("level:N", title="Distress", scale=alt.Scale(scheme="yelloworangered")),
        tooltip=["day:T", "level:N", alt.Tooltip("share:Q", format=".1%")]), width="stretch")
download("distress trend", figures["distress"], "distress-trend")

st.subheader("Emerging terms")
terms = pd.DataFrame(figures["terms"])
if terms.empty:
    st.info("No term has risen above the suppression threshold this week.")
else:
    value = "ratio" if "ratio" in terms.columns else ("recent" if "recent" in terms.columns else None)
    if value:
        st.altair_chart(alt.Chart(terms).mark_bar().encode(
            x=alt.X(f"{value}:Q", title="Rise vs the previous four weeks" if value == "ratio" else "Uses"),
            y=alt.Y("term:N", sort="-x", title=None), tooltip=list(terms.columns)), width="stretch")
    else:
        st.write(", ".join(terms["term"]))
download("emerging terms", figures["terms"], "emerging-terms")

st.subheader("Sources' activity")
activity = shown(figures["sources"], "posts")
if activity.empty:
    st.info(f"Not enough posts per source and {period} to show.")
else:
    st.altair_chart(alt.Chart(activity).mark_bar().encode(
        x=alt.X("day:T", title=period.capitalize()), y=alt.Y("posts:Q", title="Posts", stack=True),
        color=alt.Color("source:N", title="Source"), tooltip=["day:T", "source:N", "posts:Q"]),
        width="stretch")
download("sources' activity", figures["sources"], "source-activity")
