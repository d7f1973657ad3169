"""Who is signed in: Streamlit's OIDC (st.login / st.user) when configured, else local accounts.

The entry script calls `resolve()` once per run and keeps the answer in session state; pages call
`viewer()` and `require(...)`. Session state lives on the server, so a browser cannot forge a role.
The role is read from the users table on every run, so a changed or removed account takes effect
at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.accounts import authenticate
from peerfeed.settings import Settings
from store.db import transaction
from store.models import Role
from store.users import get_user, get_user_by_email

MODERATORS = (Role.MODERATOR.value, Role.ADMIN.value)
STAFF = (Role.STAFF.value, Role.ADMIN.value)
_LOCAL_KEY = "local_user"
_VIEWER_KEY = "viewer"


@dataclass(frozen=True)
class Viewer:
    username: str
    role: str

    @property
    def can_moderate(self) -> bool:
        return self.role in MODERATORS

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF


def oidc_configured() -> bool:
    """True when secrets.toml has an [auth] section (Streamlit's own OIDC sign-in)."""
    try:
        return "auth" in st.secrets
    except Exception:  # noqa: BLE001 - no secrets file at all means no OIDC
        return False


def resolve(engine) -> Viewer | None:
    """The signed-in person for this run, with their current role (None when nobody is)."""
    if oidc_configured():
        if not st.user.get("is_logged_in", False):
            viewer = None
        else:
            email = st.user.get("email")
            with transaction(engine) as s:
                user = get_user_by_email(s, email) if email else None
                viewer = Viewer(user.username, user.role) if user else Viewer(email or "signed-in reader",
                                                                               Role.READER.value)
    else:
        name = st.session_state.get(_LOCAL_KEY)
        viewer = None
        if name:
            with transaction(engine) as s:
                user = get_user(s, name)
                viewer = Viewer(user.username, user.role) if user else None
            if viewer is None:
                st.session_state.pop(_LOCAL_KEY, None)
    st.session_state[_VIEWER_KEY] = viewer
    return viewer


def sign_in_locally(engine, username: str, password: str) -> bool:
    user = authenticate(engine, username, password)
    if user is None:
        return False
    st.session_state[_LOCAL_KEY] = user.username
    return True


def sign_out() -> None:
    st.session_state.pop(_LOCAL_KEY, None)
    st.session_state.pop(_VIEWER_KEY, None)
    if oidc_configured() and st.user.get("is_logged_in", False):
        st.logout()


def viewer() -> Viewer | None:
    return st.session_state.get(_VIEWER_KEY)


def settings() -> Settings:
    """Settings for this run (cheap; read afresh so a changed environment is seen)."""
    return Settings()


def require(roles: tuple[str, ...] | None = None) -> Viewer | None:
    """Stop the page unless someone with one of `roles` is signed in (None: anyone, even nobody)."""
    v = viewer()
    if roles is not None and (v is None or v.role not in roles):
        st.error("You do not have access to this page.")
        st.stop()
    return v
