"""Digest: approved posts only, calm to read, filterable and searchable."""

import streamlit as st

from dashboard import data, session
from dashboard.pager import pager
from dashboard.views import TOPIC_LABELS, escape_markdown, link, post_markdown, topic_label, when_label

PER_PAGE = 20
PERIODS = {"Any time": None, "Last 24 hours": 1, "Last 7 days": 7, "Last 30 days": 30}

settings = session.settings()
if settings.digest_requires_sign_in:
    session.require(("reader", "moderator", "staff", "admin"))
url = settings.database_url


def reset_page() -> None:
    st.session_state["digest_page"] = 1


st.title("Digest")
st.caption("Posts from the UK peer-support community. Each one says whether a moderator has read it, or "
           "it was published automatically because our checks found no sign of distress and a moderator "
           "has not read it yet.")

f1, f2, f3, f4 = st.columns([3, 2, 2, 2])
search = f1.text_input("Search", key="digest_search", on_change=reset_page, placeholder="e.g. carers cafe")
topic = f2.selectbox("Topic", [None, *TOPIC_LABELS], format_func=lambda t: "All topics" if t is None else topic_label(t),
                     key="digest_topic", on_change=reset_page)
platform = f3.selectbox("Platform", [None, *data.platforms(url)], key="digest_platform", on_change=reset_page,
                        format_func=lambda p: "All platforms" if p is None else p.capitalize())
period = f4.selectbox("When", list(PERIODS), key="digest_period", on_change=reset_page)

page = st.session_state.setdefault("digest_page", 1)
result = data.digest_page(url, page, PER_PAGE, topic=topic, platform=platform, days=PERIODS[period],
                          search=search.strip() or None)

if not result["rows"]:
    st.info("No posts match. Try another search or filter." if page == 1 else "No more posts.")

for post in result["rows"]:
    with st.container(border=True):
        if post["title"]:
            st.markdown(f"#### {escape_markdown(post['title'])}")
        st.caption(
            f"{link(post['author'] or 'unknown author', post['author_url'])} · "
            f"{escape_markdown(post['source'] or post['platform'])} · {when_label(post['published_at'])} · "
            f"{link('read the original', post['url'])} · {post['cleared']}")
        if post["content_warning"] or post["sensitive"]:
            # Folded until the reader chooses to open it.
            warning = post["content_warning"] or "sensitive content"
            with st.expander(f"Content warning: {escape_markdown(warning)}"):
                st.markdown(post_markdown(post["text"]))
        else:
            st.markdown(post_markdown(post["text"]))
        if post["topics"]:
            st.caption(" · ".join(escape_markdown(topic_label(t)) for t in post["topics"]))

pager("digest", page, result["has_next"], "← Newer", "Older →")

st.divider()
feed_url = getattr(settings, "feed_url", None)
feed_file = settings.site_dir / "feed.atom"
if feed_url:
    st.markdown(f"Follow the digest in your feed reader: {link('Atom feed', feed_url)}")
elif feed_file.is_file():
    st.download_button("Download the Atom feed", feed_file.read_bytes(), file_name="feed.atom",
                       mime="application/atom+xml")
else:
    st.caption("The Atom feed appears here once the digest flow has built it.")
