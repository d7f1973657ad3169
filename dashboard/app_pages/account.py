"""Who you are signed in as, and signing out."""

import streamlit as st

from dashboard import data, session
from dashboard.views import escape_markdown

viewer = session.require(("reader", "moderator", "lead", "staff", "admin"))
engine = data.engine(session.settings().database_url)
st.title("Account")
st.write(f"Signed in as **{escape_markdown(viewer.username)}** ({viewer.role}).")
left, right = st.columns(2)
if left.button("Sign out"):
    session.sign_out(engine)
    st.rerun()
if right.button("Sign out everywhere", help="Ends your sessions in every browser and tab, this one included."):
    session.sign_out(engine, everywhere=True)
    st.rerun()
