"""The sidebar's page list, and the crisis resources one tap away on every page.

Streamlit's own sidebar navigation puts <div>s directly inside its <ul> and <li>s outside any list,
which axe-core reports as serious (list, listitem) and screen readers announce wrongly. So the
built-in menu is hidden (`st.navigation(..., position="hidden")` still registers the pages and routes
the URLs) and this module draws the same sections with plain page links: a heading per section, one
link per page, no list markup to get wrong.
"""

from __future__ import annotations

import streamlit as st

from dashboard.views import CRISIS_RESOURCES


def sidebar(pages: dict[str, list]) -> None:
    """Sections and their pages, in the order given (the same dict `st.navigation` got)."""
    with st.sidebar:
        st.markdown("**peerfeed**")
        for section, section_pages in pages.items():
            st.caption(section)
            for page in section_pages:
                st.page_link(page, label=page.title, icon=page.icon)


def crisis_help() -> None:
    """'Need help now?': UK crisis lines, one tap from the top of every page, on a phone too."""
    with st.popover("Need help now?", icon=":material/support:"):
        for name, how, url in CRISIS_RESOURCES:
            st.markdown(f"**{name}**: {how}" + (f" ([{url.removeprefix('https://')}]({url}))" if url else ""))
