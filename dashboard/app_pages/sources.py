"""Sources: each one's health, and adding, disabling or importing them."""

import pandas as pd
import streamlit as st

from dashboard import data, session, source_admin
from dashboard.views import when_label
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
    table = pd.DataFrame([{
        "Source": r["name"], "Platform": f"{r['platform']}/{r['kind']}", "Enabled": r["enabled"],
        "Status": r["status"] or "never fetched", "Last fetch": when_label(r["last_fetched_at"]) if r["last_fetched_at"] else "",
        "Error": f"{r['error_kind']}: {(r['error'] or '').splitlines()[0][:160]}" if r["error"] else "",
        "Failures": r["failures"], "Next attempt": when_label(r["next_attempt_at"]) if r["next_attempt_at"] else "",
        "Posts": r["posts"],
    } for r in rows])
    st.dataframe(table, hide_index=True, width="stretch")

    with st.form("toggle_source"):
        st.subheader("Enable or disable")
        name = st.selectbox("Source", [r["name"] for r in rows], key="toggle_name")
        enable = st.radio("Set to", ["Enabled", "Disabled"], horizontal=True, key="toggle_state")
        if st.form_submit_button("Save"):
            try:
                source_admin.set_enabled(settings, engine, name, enable == "Enabled")
                done("success", f"{name} is now {enable.lower()}.")
            except SourceConfigError as exc:
                st.error(str(exc))

with st.form("add_source", clear_on_submit=True):
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
