"""Shared helpers for the Chromium tests: a real dashboard server on a free port, signed-in pages.

Uses Debian's /usr/bin/chromium through Playwright (never `playwright install`).
"""

from __future__ import annotations

import socket
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from dashboard.accounts import add_user
from dashboard.launch import start_dashboard, stop, wait_until_ready
from peerfeed.settings import Settings
from store.db import make_engine, upgrade
from tests.dashboard.seed import seed, seed_bulk, seed_linked_post

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PASSWORD = "a long browser passphrase"
ROLES = {"reader.eli": "reader", "mod.alex": "moderator", "staff.chris": "staff", "admin.dee": "admin"}
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}
# What each role can open (dashboard/app.py registers nothing else for them); None: signed out.
PAGES = {
    None: ["digest", "sign-in"],
    "reader.eli": ["digest", "account"],
    "mod.alex": ["review", "team-log", "digest", "account"],
    "staff.chris": ["digest", "themes", "sources", "model", "account"],
    "admin.dee": ["review", "team-log", "digest", "themes", "sources", "model", "channels", "account"],
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def chromium():
    """Debian's Chromium, headless, through Playwright."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()


@contextmanager
def running_dashboard(tmp_path: Path):
    """(base URL, engine, post ids, settings) of a seeded dashboard whose digest flow has run once."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium", pytrace=False)
    db = f"sqlite:///{tmp_path / 'peerfeed.db'}"
    engine = make_engine(db)
    upgrade(engine)
    ids = seed(engine)
    seed_bulk(engine)
    ids["linked"] = seed_linked_post(engine)
    for name, role in ROLES.items():
        add_user(engine, name, role, PASSWORD)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    settings = Settings(_env_file=None, database_url=db, sources_file=tmp_path / "sources.yaml",
                        site_dir=tmp_path / "site", public_base_url=base)
    from pipelines.digest import publish_digest

    publish_digest(engine, settings, "weekly")
    proc = start_dashboard(settings, port, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_ready(proc, port, timeout_s=90)  # generous: CI shares two cores
        yield base, engine, ids, settings
    finally:
        stop(proc)
        engine.dispose()


def sign_in(page, base: str, user: str) -> None:
    from playwright.sync_api import expect

    page.goto(f"{base}/sign-in")
    page.get_by_label("User name").fill(user)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # The browser collects its session cookie (a redirect through /session/collect), then the page
    # loads again signed in: generous waits, as CI shares two cores with everything else.
    expect(page.get_by_role("link", name="Account")).to_be_attached(timeout=30_000)


_DRAWN = ("() => !document.querySelector('[data-testid=\"stStatusWidget\"]') && "
          "!document.querySelector('[data-stale=\"true\"]') && "
          "!document.querySelector('[data-testid=\"stSkeleton\"]') && "
          "[...document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]')].every(c => c.querySelector('canvas, svg'))")


def wait_until(page, predicate: str, timeout_s: float = 30) -> None:
    """Wait until `predicate` (a JS function) returns true in the page. Not page.wait_for_function:
    once it has to poll it runs the predicate through eval(), which the dashboard's CSP (no
    'unsafe-eval') refuses, so it failed whenever the page was slower than the first check.
    page.evaluate calls the function without eval."""
    import time

    deadline = time.monotonic() + timeout_s
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, f"{predicate} still false after {timeout_s} s"
        page.wait_for_timeout(100)


def settled(page, quiet_ms: int = 1200, timeout_s: float = 45) -> None:
    """Wait until Streamlit has drawn the page (its h1), finished the run (no 'Running…' status, no
    stale elements, charts drawn) and the page has stopped changing for `quiet_ms` (a slow query
    shows no status for its first moments, so "no status" alone is not "done")."""
    import time

    page.wait_for_load_state("networkidle")
    page.locator("[data-testid='stMain'] h1").first.wait_for(state="visible", timeout=30_000)
    deadline = time.monotonic() + timeout_s
    size, since = None, time.monotonic()
    while time.monotonic() < deadline:
        wait_until(page, _DRAWN)
        now_size = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').innerHTML.length")
        if now_size != size:
            size, since = now_size, time.monotonic()
        elif (time.monotonic() - since) * 1000 >= quiet_ms:
            return
        page.wait_for_timeout(200)
    raise TimeoutError(f"the page kept changing for {timeout_s} s")


# The pages by the path a reader types and the link (and h1) the app shows for them.
TITLES = {"digest": "Digest", "review": "Review queue", "themes": "Themes", "sources": "Sources", "model": "Model",
          "channels": "Channels", "account": "Account", "sign-in": "Sign in", "team-log": "Team log"}


def open_page(page, base: str, name: str, signed_in: bool) -> None:
    """Open a page as a person would. Signed out: by its address. Signed in: by its link in the
    sidebar (opened first on a phone), since a new page load starts a new, signed-out session."""
    if not signed_in:
        # Streamlit serves the default page (the digest, signed out) at / only: /digest is "not found".
        page.goto(f"{base}/" if name == "digest" else f"{base}/{name}")
    else:
        link = page.locator("[data-testid='stSidebar']").get_by_role("link", name=TITLES[name], exact=True)
        from playwright.sync_api import expect

        settled(page)  # (just signed in, the page may still be loading again with its cookie)
        expand = page.locator("[data-testid='stExpandSidebarButton']")
        if expand.is_visible():  # a collapsed sidebar (a phone): its links are off screen
            expand.click()
        expect(link).to_be_in_viewport(timeout=15_000)
        link.click()
        if page.viewport_size["width"] < 640 and page.locator("[data-testid='stSidebarCollapseButton']").is_visible():
            page.locator("[data-testid='stSidebarCollapseButton'] button").first.click()
    page.locator("[data-testid='stMain'] h1").filter(has_text=TITLES[name]).first.wait_for(state="visible")
    settled(page)
