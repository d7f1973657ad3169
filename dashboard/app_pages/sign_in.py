"""Sign in: with the configured single sign-on provider, or a local account."""

import streamlit as st

from dashboard import data, session
from dashboard.accounts import refusal_message

st.title("Sign in")
settings = session.settings()
# An alert links to /review?post=N: after signing in, open that post (only a number passes).
wanted = st.query_params.get("post", "")
next_path = f"/review?post={int(wanted)}" if wanted.isdigit() else "/"
if wanted.isdigit():
    st.info(f"Sign in to open the post an alert pointed to (post {int(wanted)}).")

if session.oidc_configured():
    st.write("Sign in with your organisation's account.")
    st.button("Sign in", type="primary", on_click=st.login)
else:
    with st.form("sign_in"):
        username = st.text_input("User name", key="sign_in_user")
        password = st.text_input("Password", type="password", key="sign_in_password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        result = session.sign_in_locally(data.engine(settings.database_url), username, password, settings,
                                         next_path)
        if result.user is not None:
            st.rerun()
        elif result.retry_at is not None:
            st.error(refusal_message(result.retry_at))
        else:
            st.error("That user name and password do not match an account.")
    st.caption("Accounts are made by an administrator with `peerfeed users add NAME --role ROLE`.")
if settings.digest_requires_sign_in:
    st.info("The digest is open to signed-in readers only.")
