"""Who you are signed in as, and signing out."""

import streamlit as st

from dashboard import session
from dashboard.views import escape_markdown

viewer = session.require(("reader", "moderator", "staff", "admin"))
st.title("Account")
st.write(f"Signed in as **{escape_markdown(viewer.username)}** ({viewer.role}).")
if st.button("Sign out"):
    session.sign_out()
    st.rerun()
