"""The two HTTP routes that set and clear the session cookie (a WebSocket cannot set one).

`collect` trades a sign-in's one-time hand-off code for the httpOnly, SameSite=Strict cookie and
sends the browser on to a local page; `forget` clears the cookie. Plain functions over Starlette
requests, mounted by `dashboard.server` and tested without a browser.
"""

from __future__ import annotations

from datetime import timedelta
from functools import lru_cache
from urllib.parse import urlsplit

from starlette.requests import Request
from starlette.responses import RedirectResponse

from peerfeed.settings import Settings
from store import sessions
from store.db import make_engine, transaction

COLLECT_PATH = "/session/collect"
FORGET_PATH = "/session/forget"


def policy(settings: Settings) -> sessions.SessionPolicy:
    """The session limits the settings ask for."""
    return sessions.SessionPolicy(idle=timedelta(minutes=settings.session_idle_minutes),
                                  absolute=timedelta(hours=settings.session_max_hours))


def safe_next(target: str | None) -> str:
    """A path on this site to go on to ("/" for anything else), so the route is no open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return "/"
    return target


@lru_cache(maxsize=4)
def _engine(url: str):
    return make_engine(url)


def _redirect(target: str | None) -> RedirectResponse:
    response = RedirectResponse(safe_next(target), status_code=303)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the code is in this URL
    return response


def collect(request: Request, settings: Settings | None = None) -> RedirectResponse:
    """GET /session/collect?code=...&next=/path: set the cookie when the code is good, then go on."""
    settings = settings or Settings()
    rules = policy(settings)
    with transaction(_engine(str(settings.database_url))) as s:
        token = sessions.collect_handoff(s, request.query_params.get("code", ""), rules)
    response = _redirect(request.query_params.get("next"))
    if token is not None:
        response.set_cookie(sessions.COOKIE, token, max_age=int(rules.absolute.total_seconds()), path="/",
                            httponly=True, samesite="strict", secure=settings.session_cookie_secure)
    return response


def forget(request: Request, settings: Settings | None = None) -> RedirectResponse:
    """GET /session/forget: clear the cookie (the session itself was ended by the page)."""
    settings = settings or Settings()
    response = _redirect(request.query_params.get("next"))
    response.delete_cookie(sessions.COOKIE, path="/", httponly=True, samesite="strict",
                           secure=settings.session_cookie_secure)
    return response
