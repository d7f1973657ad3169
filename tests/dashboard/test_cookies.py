"""The session cookie's routes (dashboard/cookies.py) through Starlette's test client, no browser."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from dashboard import cookies
from peerfeed.settings import Settings
from store import sessions
from store.db import transaction


def client(settings: Settings) -> TestClient:
    app = Starlette(routes=[Route(cookies.COLLECT_PATH, lambda r: cookies.collect(r, settings)),
                            Route(cookies.FORGET_PATH, lambda r: cookies.forget(r, settings))])
    return TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)


def test_a_handoff_code_sets_an_httponly_strict_cookie_once(dash):
    engine, _ = dash
    settings = Settings()
    with transaction(engine) as s:
        started = sessions.start(s, "mod.alex", cookies.policy(settings))
    c = client(settings)
    r = c.get(cookies.COLLECT_PATH, params={"code": started.handoff, "next": "/review?post=6"})
    assert r.status_code == 303 and r.headers["location"] == "/review?post=6"
    cookie = r.headers["set-cookie"]
    assert cookie.startswith(f"{sessions.COOKIE}=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Max-Age=43200" in cookie and r.headers["cache-control"] == "no-store"
    token = cookie.split(";")[0].split("=", 1)[1]
    with transaction(engine) as s:
        assert sessions.check(s, cookies.policy(settings), token=token).username == "mod.alex"
    again = c.get(cookies.COLLECT_PATH, params={"code": started.handoff, "next": "/"})
    assert again.status_code == 303 and "set-cookie" not in again.headers


def test_next_is_only_ever_a_path_on_this_site(dash):
    c = client(Settings())
    for target in ("https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", ""):
        assert c.get(cookies.COLLECT_PATH, params={"code": "x", "next": target}).headers["location"] == "/"


def test_forget_clears_the_cookie(dash):
    r = client(Settings()).get(cookies.FORGET_PATH)
    assert r.status_code == 303 and f'{sessions.COOKIE}=""' in r.headers["set-cookie"]
    assert "Max-Age=0" in r.headers["set-cookie"]
