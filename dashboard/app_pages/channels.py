"""Channels (admins only): the Bluesky feed, the fediverse account and the weekly email; each one on or
paused, its settings, its health, and every copy the channels made: where, when, and when withdrawn."""

from datetime import datetime

import pandas as pd
import streamlit as st

from dashboard import data, session
from dashboard.views import TOPIC_LABELS, link, when_label
from store import channel_admin
from store.db import transaction
from store.models import Role

viewer = session.require((Role.ADMIN.value,))
settings = session.settings()
engine = data.engine(settings.database_url)

NAMES = {"bluesky_feed": "Bluesky custom feed", "fediverse": "Fediverse account", "weekly_email": "Weekly email"}

st.title("Channels")
st.caption("Every channel lists only what the publication gate clears and says how its posts are cleared (the "
           "feed in its description, link toots and emails on each post; the email carries only posts a moderator "
           "reviewed). Pausing a channel stops new posts going out; posts taken down still leave.")
flash = st.session_state.pop("channels_flash", None)
if flash:
    st.success(flash)


def changed(message: str) -> None:
    st.session_state["channels_flash"] = message
    st.rerun()


with transaction(engine) as s:
    overview = {c["channel"]: c for c in channel_admin.channels_overview(s)}
    outbox = channel_admin.outbox_summary(s, "fediverse")
    problems = channel_admin.outbox_problems(s, "fediverse")
    audience = channel_admin.email_audience(s)
    mailings = channel_admin.recent_mailings(s)


def on_off(name: str) -> None:
    c = overview[name]
    on = st.toggle("On", value=c["enabled"], key=f"channel_on_{name}",
                   help="Off: nothing new is published here; take-downs still happen.")
    if on != c["enabled"]:
        with transaction(engine) as s:
            channel_admin.set_channel_enabled(s, name, on, viewer.username)
        changed(f"{NAMES[name]} is now {'on' if on else 'paused'}.")
    if c["updated_by"]:
        st.caption(f"Last changed by {c['updated_by']}, {when_label(c['updated_at'])}. "
                   f"{c['live_copies']} copies out there now.")


with st.container(border=True):
    st.subheader(NAMES["bluesky_feed"])
    on_off("bluesky_feed")
    state = overview["bluesky_feed"]["state"]
    st.markdown(f"Served by `peerfeed feedgen` as `{state.get('service_did') or 'did:web:' + settings.feedgen_hostname.replace(':', '%3A')}`. "
                "Lists cleared Bluesky posts, newest first, read afresh on every request.")
    if state.get("records"):
        st.markdown(f"Published {when_label(datetime.fromisoformat(state['published_at']))} "
                    f"by `{state.get('owner_did')}`:")
        for uri in state["records"]:
            st.markdown(f"- `{uri}`")
    else:
        st.info("Not on Bluesky yet: run `peerfeed feedgen publish` with the community account's app password.")
    current = overview["bluesky_feed"]["options"].get("topics", [])
    with st.form("feed_topics"):
        topics = st.multiselect("Topics with a feed of their own", list(TOPIC_LABELS), default=current,
                                format_func=lambda t: TOPIC_LABELS[t], key="feed_topics_pick")
        if st.form_submit_button("Save topics"):
            with transaction(engine) as s:
                options = dict(overview["bluesky_feed"]["options"], topics=topics)
                channel_admin.set_channel_options(s, "bluesky_feed", options, viewer.username)
            changed("Topics saved. Run `peerfeed feedgen publish` to put the new feeds on Bluesky.")

with st.container(border=True):
    st.subheader(NAMES["fediverse"])
    on_off("fediverse")
    configured = bool(settings.fediverse_instance_url and settings.fediverse_access_token)
    st.markdown(f"Account on `{settings.fediverse_instance_url}` (token set)" if configured else
                "Not configured: set `PEERFEED_FEDIVERSE_INSTANCE_URL` and `PEERFEED_FEDIVERSE_ACCESS_TOKEN`.")
    st.caption(f"Boosts Mastodon posts and toots links to the rest ({settings.fediverse_visibility}); posts "
               f"published in the last {settings.fediverse_max_age_days} days; at most "
               f"{settings.fediverse_actions_per_run} writes a run.")
    cols = st.columns(5)
    for col, state_name in zip(cols, ("pending", "claimed", "done", "cancelled", "failed")):
        col.metric(state_name.capitalize(), outbox.get(state_name, 0))
    paused = overview["fediverse"]["paused_until"]
    if paused:
        st.caption(f"Last rate-limit pause until {paused:%Y-%m-%d %H:%M} UTC.")
    if problems:
        st.markdown("**Needing attention**")
        st.dataframe(pd.DataFrame([{"Action": p["key"], "What": p["action"], "State": p["state"],
                                    "Attempts": p["attempts"], "Error": (p["error"] or "")[:200]} for p in problems]),
                     hide_index=True, width="stretch")
        failed = [p for p in problems if p["state"] == "failed"]
        if failed:
            pick = st.selectbox("Retry a failed action", [p["id"] for p in failed], key="retry_pick",
                                format_func=lambda i: next(p["key"] for p in failed if p["id"] == i))
            if st.button("Retry", key="retry_action"):
                with transaction(engine) as s:
                    channel_admin.retry_action(s, pick, viewer.username)
                changed("Queued again; the next run asks the gate before sending it.")

with st.container(border=True):
    st.subheader(NAMES["weekly_email"])
    on_off("weekly_email")
    st.markdown("Posts a moderator reviewed, every Monday, to readers who confirmed by email. "
                f"Sign-up page: {link('the sign-up page', settings.email_base_url)}.")
    if not settings.smtp_host:
        st.info("Not configured: set `PEERFEED_SMTP_HOST` and `PEERFEED_EMAIL_FROM`.")
    a, b = st.columns(2)
    a.metric("Confirmed readers", audience["confirmed"])
    b.metric("Waiting to confirm", audience["waiting"])
    if mailings:
        st.dataframe(pd.DataFrame([{"Week": m["key"].removeprefix("weekly:"), "Posts": m["posts"],
                                    "Sent to": m["recipients"],
                                    "Finished": when_label(m["finished_at"]) if m["finished_at"] else "not yet"}
                                   for m in mailings]), hide_index=True, width="stretch")

st.header("What was published where, and when")
choice = st.selectbox("Channel", ["all", *NAMES], format_func=lambda c: "All channels" if c == "all" else NAMES.get(c, c),
                      key="publications_channel")
with transaction(engine) as s:
    rows = channel_admin.recent_publications(s, None if choice == "all" else choice)
if not rows:
    st.info("Nothing published yet. (The Bluesky feed and the dashboard digest are live: they keep no copies.)")
else:
    st.dataframe(pd.DataFrame([{
        "Channel": NAMES.get(r["channel"], r["channel"]), "Post": r["post"], "Link": r["post_url"],
        "Where": r["location"], "Cleared by": r["cleared_by"], "Published": r["published_at"],
        "Withdrawn": r["withdrawn_at"], "Why": r["withdraw_reason"] or ""} for r in rows]),
        hide_index=True, width="stretch",
        column_config={"Link": st.column_config.LinkColumn("Link"),
                       "Published": st.column_config.DatetimeColumn("Published", format="D MMM YYYY HH:mm"),
                       "Withdrawn": st.column_config.DatetimeColumn("Withdrawn", format="D MMM YYYY HH:mm")})
