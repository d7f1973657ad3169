"""Who is signed in: Streamlit's OIDC (st.login / st.user) when configured, else local accounts.

The entry script calls `resolve()` once per run and keeps the answer in session state; pages call
`viewer()` and `require(...)`. Session state lives on the server, so a browser cannot forge a role.
The role is read from the users table on every run, so a changed or removed account takes effect
at once.
"""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from dashboard.accounts import SignInResult, client_key, sign_in, throttle_from_settings
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


def client_address() -> str | None:
    """This client's key for sign-in throttling (`accounts.client_key`), or None when unknown.

    `st.context.ip_address` is the WebSocket's TCP peer (None for 127.0.0.1 and ::1; absent in old
    Streamlit versions); uvicorn replaces the peer with X-Forwarded-For only for requests from a
    trusted proxy (FORWARDED_ALLOW_IPS, default 127.0.0.1 and ::1), so a client cannot pick its own.
    """
    try:
        return client_key(getattr(st.context, "ip_address", None))
    except Exception:  # noqa: BLE001 - outside a running app there is no client at all
        return None


def sign_in_locally(engine, username: str, password: str, settings: Settings) -> SignInResult:
    """Check a local sign-in (throttled, see dashboard.accounts.sign_in) and remember who it is."""
    result = sign_in(engine, username, password, client_address(), throttle_from_settings(settings))
    if result.user is not None:
        st.session_state[_LOCAL_KEY] = result.user.username
    return result


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
