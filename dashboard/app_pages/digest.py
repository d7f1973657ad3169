"""Digest: approved posts only, calm to read, filterable and searchable."""

import streamlit as st

from dashboard import data, post_html, session
from dashboard.feeds import digest_feed
from dashboard.pager import pager
from dashboard.views import TOPIC_LABELS, escape_markdown, topic_label

PER_PAGE = 20
PERIODS = {"Any time": None, "Last 24 hours": 1, "Last 7 days": 7, "Last 30 days": 30}

settings = session.settings()
if settings.digest_requires_sign_in:
    session.require(("reader", "moderator", "lead", "staff", "admin"))
url = settings.database_url


def reset_page() -> None:
    st.session_state["digest_page"] = 1


st.title("Digest")
st.caption("Posts from the UK peer-support community. Each one says whether a moderator has read it, or "
           "it was published automatically because our checks found no sign of distress and a moderator "
           "has not read it yet.")

search = st.text_input("Search", key="digest_search", on_change=reset_page, placeholder="e.g. carers cafe")
# Folded so that, on a phone, the first post shows without scrolling; the label says what is set.
chosen = [topic_label(st.session_state["digest_topic"]) if st.session_state.get("digest_topic") else None,
          (st.session_state.get("digest_platform") or "").capitalize() or None,
          st.session_state.get("digest_period") if st.session_state.get("digest_period", "Any time") != "Any time" else None]
set_now = [str(c) for c in chosen if c]
with st.expander("Filter by topic, platform or date" + (f" (now: {', '.join(set_now)})" if set_now else "")):
    f2, f3, f4 = st.columns(3)
    topic = f2.selectbox("Topic", [None, *TOPIC_LABELS], key="digest_topic", on_change=reset_page,
                         format_func=lambda t: "All topics" if t is None else topic_label(t))
    platform = f3.selectbox("Platform", [None, *data.platforms(url)], key="digest_platform", on_change=reset_page,
                            format_func=lambda p: "All platforms" if p is None else p.capitalize())
    period = f4.selectbox("When", list(PERIODS), key="digest_period", on_change=reset_page)

page = st.session_state.setdefault("digest_page", 1)
result = data.digest_page(url, page, PER_PAGE, topic=topic, platform=platform, days=PERIODS[period],
                          search=search.strip() or None)

if not result["rows"]:
    st.info("No posts match. Try another search or filter." if page == 1 else "No more posts.")

for post in result["rows"]:
    # Our own HTML around escaped text (dashboard/post_html.py): links leave with rel=nofollow ugc.
    with st.container(border=True):
        st.html(post_html.card_head_html(post))
        if post["content_warning"] or post["sensitive"]:
            # Folded until the reader chooses to open it.
            warning = post["content_warning"] or "sensitive content"
            with st.expander(f"Content warning: {escape_markdown(warning)}"):
                st.html(post_html.text_html(post["text"]))
        else:
            st.html(post_html.text_html(post["text"]))
        if post["topics"]:
            st.html(post_html.topics_html(post["topics"]))

pager("digest", page, result["has_next"], "← Newer", "Older →")

st.divider()
feed = digest_feed(settings)
if feed is not None:
    st.markdown(f"Follow the digest in your feed reader: [{feed.title}]({feed.href}) "
                f"(Atom, {feed.updated})")
else:
    st.caption("The Atom feed appears here once the digest flow has built it.")
