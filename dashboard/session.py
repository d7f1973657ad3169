"""Who is signed in: Streamlit's OIDC (st.login / st.user) when configured, else local accounts.

The entry script calls `resolve()` once per run and keeps the answer in session state; pages call
`viewer()` and `require(...)`. Session state lives on the server, so a browser cannot forge a role.
The role is read from the users table on every run, so a changed or removed account takes effect
at once.

A local sign-in also starts a server-side session (`store.sessions`) whose cookie lets a reload or a
new tab stay signed in: the sign-in page leaves a one-time hand-off code, and `hand_off_cookie()`
(called by the entry script) sends the browser to `dashboard.cookies.collect` to trade it for the
httpOnly cookie. Every run re-checks the session, so idle and absolute expiry and a sign-out in
another tab apply here too.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import overload
from urllib.parse import urlencode

import streamlit as st

from dashboard.accounts import SignInResult, client_key, sign_in, throttle_from_settings
from peerfeed.settings import Settings
from dashboard.cookies import COLLECT_PATH, FORGET_PATH, policy
from store import sessions
from store.db import transaction
from store.models import Role
from store.users import get_user, get_user_by_email

MODERATORS = (Role.MODERATOR.value, Role.LEAD.value, Role.ADMIN.value)
LEADS = (Role.LEAD.value, Role.ADMIN.value)
STAFF = (Role.STAFF.value, Role.ADMIN.value)
_LOCAL_KEY = "local_user"
_SESSION_KEY = "session_id"
_HANDOFF_KEY = "cookie_handoff"
_VIEWER_KEY = "viewer"


@dataclass(frozen=True)
class Viewer:
    username: str
    role: str

    @property
    def can_moderate(self) -> bool:
        return self.role in MODERATORS

    @property
    def is_lead(self) -> bool:
        return self.role in LEADS

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
            given = st.user.get("email")
            email = given if isinstance(given, str) else None
            with transaction(engine) as s:
                user = get_user_by_email(s, email) if email else None
                viewer = Viewer(user.username, user.role) if user else Viewer(email or "signed-in reader",
                                                                               Role.READER.value)
    else:
        viewer = _local_viewer(engine)
    st.session_state[_VIEWER_KEY] = viewer
    return viewer


def _cookie_token() -> str | None:
    try:
        token = st.context.cookies.get(sessions.COOKIE)
    except Exception:  # noqa: BLE001 - outside a running server (AppTest) there are no cookies
        return None
    return token if isinstance(token, str) and token else None


def _local_viewer(engine) -> Viewer | None:
    """This tab's local account: its live session (by id once known here, else by the cookie), or a
    name put in session state directly (tests); the role read now."""
    session_id = st.session_state.get(_SESSION_KEY)
    token = None if session_id is not None else _cookie_token()
    name = st.session_state.get(_LOCAL_KEY)
    with transaction(engine) as s:
        if session_id is not None or token:
            live = sessions.check(s, policy(settings()), session_id=session_id, token=token)
            name = live.username if live is not None else None
            if live is not None:
                st.session_state[_SESSION_KEY] = live.id
        user = get_user(s, name) if name else None
    if user is None:
        for key in (_LOCAL_KEY, _SESSION_KEY):
            st.session_state.pop(key, None)
        return None
    st.session_state[_LOCAL_KEY] = user.username
    return Viewer(user.username, user.role)


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


def sign_in_locally(engine, username: str, password: str, settings: Settings, next_path: str = "/") -> SignInResult:
    """Check a local sign-in (throttled, see dashboard.accounts.sign_in), remember who it is in this
    tab, start a server-side session, and leave its hand-off code for `hand_off_cookie` (which then
    sends the browser on to `next_path`)."""
    result = sign_in(engine, username, password, client_address(), throttle_from_settings(settings))
    if result.user is not None:
        with transaction(engine) as s:
            started = sessions.start(s, result.user.username, policy(settings))
        st.session_state[_LOCAL_KEY] = result.user.username
        st.session_state[_SESSION_KEY] = started.id
        st.session_state[_HANDOFF_KEY] = f"{COLLECT_PATH}?{urlencode({'code': started.handoff, 'next': next_path})}"
    return result


def hand_off_cookie() -> None:
    """Right after a sign-in, send the browser to collect its session cookie (it comes back to the
    page it was going to). The URL holds only our own route, a random code and a local path."""
    target = st.session_state.pop(_HANDOFF_KEY, None)
    if target:
        _navigate(target)


# The script is constant, so the Content-Security-Policy can allow exactly it by its hash
# (dashboard/server.py); the address rides in an attribute, escaped, never in the code.
NAVIGATE_SCRIPT = "window.location.replace(document.currentScript.dataset.href);"


def _navigate(target: str) -> None:
    st.html(f'<script data-href="{html.escape(target, quote=True)}">{NAVIGATE_SCRIPT}</script>',
            unsafe_allow_javascript=True)


def sign_out(engine=None, everywhere: bool = False) -> None:
    """Sign this tab out and end its server-side session (with `everywhere`, every session of this
    person, in every browser), then clear the cookie."""
    session_id = st.session_state.pop(_SESSION_KEY, None)
    name = st.session_state.pop(_LOCAL_KEY, None)
    st.session_state.pop(_VIEWER_KEY, None)
    if engine is not None and (session_id is not None or (everywhere and name)):
        with transaction(engine) as s:
            if everywhere and name:
                sessions.end_all(s, name)
            elif session_id is not None:
                sessions.end(s, session_id)
    if oidc_configured() and st.user.get("is_logged_in", False):
        st.logout()
    st.session_state[_HANDOFF_KEY] = FORGET_PATH


def viewer() -> Viewer | None:
    return st.session_state.get(_VIEWER_KEY)


def settings() -> Settings:
    """Settings for this run (cheap; read afresh so a changed environment is seen)."""
    return Settings()


@overload
def require(roles: tuple[str, ...]) -> Viewer: ...
@overload
def require(roles: None = None) -> Viewer | None: ...


def require(roles: tuple[str, ...] | None = None) -> Viewer | None:
    """Stop the page unless someone with one of `roles` is signed in (None: anyone, even nobody)."""
    v = viewer()
    if roles is not None and (v is None or v.role not in roles):
        st.error("You do not have access to this page.")
        st.stop()
    return v
