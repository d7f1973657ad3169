"""Themes: what the community is talking about, in aggregate only (counts under k are suppressed)."""

import pandas as pd
import streamlit as st

from dashboard import data, session, theme_charts
from dashboard.views import csv_bytes
from store.queries import K_MIN

session.require(session.STAFF)
url = session.settings().database_url

st.title("Themes")
st.caption(f"Aggregates only: no post is shown here, and any count below {K_MIN} people is suppressed "
           "(left blank) so that nobody can be picked out. Only posts cleared for readers are counted: a post "
           "held for review counts once a moderator approves it.")


def keep_choice(key: str, default) -> None:
    """A click on the selected option keeps it (the browser already refuses it with `required`)."""
    if st.session_state.get(key) is None:
        st.session_state[key] = st.session_state.get(f"{key}_kept", default)
    st.session_state[f"{key}_kept"] = st.session_state[key]


left, right = st.columns(2)
with left:
    days = st.segmented_control("Period", [30, 90, 365], default=30, required=True, key="themes_days",
                                format_func=lambda d: f"Last {d} days", on_change=keep_choice,
                                args=("themes_days", 30))
with right:
    period = st.segmented_control("Count per", ["week", "day"], default="week", required=True,
                                  key="themes_period", on_change=keep_choice, args=("themes_period", "week"))
figures = data.themes(url, days, period)
st.caption("From the daily theme snapshots." if figures["source"] == "snapshots"
           else "Computed live from the stored posts.")


def download(label: str, rows: list[dict], name: str) -> None:
    st.download_button(f"Download {label} (CSV)", csv_bytes(theme_charts.csv_rows(rows, K_MIN, period)),
                       file_name=f"{name}-{days}d-per-{period}.csv", mime="text/csv", disabled=not rows,
                       key=f"csv-{name}")


st.subheader("Topic volume over time")
topics = theme_charts.topic_frame(figures["topics"], period)
if topics.empty:
    st.info(f"Not enough posts per topic and {period} to show without identifying anyone.")
else:
    st.altair_chart(theme_charts.topic_chart(topics, period, days), width="stretch")
download("topic volumes", figures["topics"], "topic-volumes")

st.subheader("Distress trend")
distress = theme_charts.distress_frame(figures["distress"], period)
blank, cells = theme_charts.suppressed_levels(figures["distress"])
if distress.empty:
    st.info(f"Not enough classified posts per {period} to show a trend.")
else:
    st.altair_chart(theme_charts.distress_chart(distress, period, days), width="stretch")
st.caption(f"Share of counted posts at each level, per {period}. {blank} of {cells} level figures are blank: "
           f"a level of fewer than {K_MIN} people in a {period} is suppressed, and then one more level too, so "
           "that the blank one cannot be worked out from the total. Levels 1 to 3 are held for review, so they "
           "appear here only once a moderator has approved such posts.")
download("distress trend", figures["distress"], "distress-trend")

st.subheader("Emerging terms")
terms = pd.DataFrame(figures["terms"])
if terms.empty:
    st.info("No term has risen above the suppression threshold this week.")
else:
    import altair as alt

    value = "ratio" if "ratio" in terms.columns else ("recent" if "recent" in terms.columns else None)
    if value:
        st.altair_chart(alt.Chart(terms).mark_bar().encode(
            x=alt.X(f"{value}:Q", title="Rise vs the previous four weeks" if value == "ratio" else "Uses"),
            y=alt.Y("term:N", sort="-x", title=None), tooltip=list(terms.columns)), width="stretch")
    else:
        st.write(", ".join(terms["term"]))
download("emerging terms", figures["terms"], "emerging-terms")

st.subheader("Sources' activity")
activity = pd.DataFrame([r for r in figures["sources"] if r.get("posts") is not None])
if activity.empty:
    st.info(f"Not enough posts per source and {period} to show.")
else:
    st.altair_chart(theme_charts.activity_chart(activity, period, days), width="stretch")
download("sources' activity", figures["sources"], "source-activity")
