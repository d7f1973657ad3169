"""Sources: each one's health, and adding, disabling or importing them."""

import pandas as pd
import streamlit as st

from dashboard import data, session, source_admin, source_health
from peerfeed.sources import KINDS, SourceConfigError
from peerfeed.records import Platform

session.require(session.STAFF)
settings = session.settings()
url = settings.database_url
engine = data.engine(url)

st.title("Sources")
flash = st.session_state.pop("sources_flash", None)
if flash:
    (st.success if flash[0] == "success" else st.error)(flash[1])


def done(kind: str, message: str) -> None:
    st.session_state["sources_flash"] = (kind, message)
    data.after_sources_change()
    st.rerun()


rows = data.sources(url)
if not rows:
    st.info(f"No sources yet. Add one below, or list them in {settings.sources_file}.")
else:
    failing = [r for r in rows if r["status"] == "error"]
    a, b, c = st.columns(3)
    a.metric("Sources", len(rows))
    b.metric("Enabled", sum(r["enabled"] for r in rows))
    c.metric("Failing", len(failing))
    st.dataframe(pd.DataFrame(source_health.source_rows(rows)), hide_index=True, width="stretch")
    st.caption("Last warning: items a fetch skipped (unreadable or too large) while the rest was stored.")

    with st.form("toggle_source"):
        st.subheader("Enable or disable")
        name = st.selectbox("Source", [r["name"] for r in rows], key="toggle_name")
        enable = st.radio("Set to", ["Enabled", "Disabled"], horizontal=True, key="toggle_state")
        if st.form_submit_button("Save"):
            try:
                saved_in = source_admin.set_enabled(settings, engine, name, enable == "Enabled")
                done("success", source_admin.enabled_message(name, enable == "Enabled", saved_in,
                                                             settings.sources_file))
            except SourceConfigError as exc:
                st.error(str(exc))

streams = data.streams(url)
if streams:
    st.subheader("Streams")
    st.dataframe(pd.DataFrame(source_health.stream_rows(streams)), hide_index=True, width="stretch")
    st.caption("Lag: how far behind upstream the newest event was when it was handled. "
               "A stream that has handled nothing for a while may just be quiet, or stopped: see its status.")

ADD_KEYS = ("add_name", "add_platform", "add_kind", "add_url", "add_option")
if st.session_state.pop("sources_added", False):
    for key in ADD_KEYS:  # emptied only after a source was added; an error keeps what was typed
        st.session_state.pop(key, None)

with st.form("add_source", clear_on_submit=False):
    st.subheader("Add a source")
    name = st.text_input("Name", key="add_name")
    platform = st.selectbox("Platform", [p.value for p in Platform], key="add_platform")
    kind = st.selectbox("Kind", [None, *sorted(set().union(*KINDS.values()))], key="add_kind",
                        format_func=lambda k: "feed (blogs)" if k is None else k,
                        help="rss: feed · mastodon: hashtag/account/list · bluesky: search/hashtag/author/feed")
    src_url = st.text_input("URL", key="add_url", help="Feed URL, Mastodon server, or Bluesky API host")
    option = st.text_input("Option (key=value, e.g. tag=peersupport)", key="add_option")
    if st.form_submit_button("Add source"):
        options = dict([option.split("=", 1)]) if "=" in option else {}
        try:
            cfg = source_admin.add_source(settings, engine, name, platform, src_url, kind, options)
            st.session_state["sources_added"] = True
            done("success", f"Added {cfg.name}; it is fetched on the next collect run.")
        except SourceConfigError as exc:
            st.error(str(exc))

st.subheader("Import a blogroll (OPML)")
upload = st.file_uploader("OPML file", type=["opml", "xml"], key="opml")
if upload is not None and st.button("Import feeds", key="opml_import"):
    try:
        added, found = source_admin.import_opml(settings, engine, upload.getvalue())
        done("success", f"Added {added} of {found} feeds.")
    except SourceConfigError as exc:
        st.error(f"{upload.name}: {exc}")
