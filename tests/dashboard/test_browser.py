"""End to end in real headless Chromium: a moderator signs in, approves a post, finds it in the digest.

Uses Debian's /usr/bin/chromium through Playwright (never `playwright install`). Screenshots of each
page go to the test's temporary folder, or to PEERFEED_SCREENSHOTS_DIR when set (that is how
docs/screenshots/ is refreshed: PEERFEED_SCREENSHOTS_DIR=docs/screenshots pytest -m browser).
"""

from __future__ import annotations

import os
import socket
import subprocess
from pathlib import Path

import pytest

from dashboard.accounts import add_user
from dashboard.launch import start_dashboard, stop, wait_until_ready
from peerfeed.settings import Settings
from store.db import make_engine, upgrade
from tests.dashboard.seed import POSTS, item_of, seed, seed_bulk

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PASSWORD = "a long browser passphrase"
TEXT = {key: text for key, _, _, _, text, *_ in POSTS}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dashboard_url(tmp_path):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium", pytrace=False)
    db = f"sqlite:///{tmp_path / 'peerfeed.db'}"
    engine = make_engine(db)
    upgrade(engine)
    ids = seed(engine)
    seed_bulk(engine)
    add_user(engine, "mod.alex", "moderator", PASSWORD)
    add_user(engine, "admin.dee", "admin", PASSWORD)
    port = free_port()
    settings = Settings(database_url=db, sources_file=tmp_path / "sources.yaml", site_dir=tmp_path / "site")
    proc = start_dashboard(settings, port, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_ready(proc, port, timeout_s=90)  # generous: CI shares two cores
        yield base, engine, ids
    finally:
        stop(proc)
        engine.dispose()


def sign_in(page, base: str, user: str) -> None:
    page.goto(f"{base}/sign-in")
    page.get_by_label("User name").fill(user)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def shot(page, folder: Path, name: str) -> None:
    page.wait_for_timeout(600)  # let charts and fonts settle
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))


def test_moderator_approves_a_post_and_finds_it_in_the_digest(dashboard_url, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    shots = Path(os.environ.get("PEERFEED_SCREENSHOTS_DIR") or tmp_path / "screenshots")

    base, engine, ids = dashboard_url
    item = item_of(engine, ids["waiting"])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(15_000)
            page.goto(f"{base}/sign-in")
            expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
            shot(page, shots, "sign-in")

            sign_in(page, base, "mod.alex")
            expect(page.get_by_role("heading", name="Review queue")).to_be_visible()
            expect(page.get_by_text("CRISIS · waiting").first).to_be_visible()
            expect(page.locator(f".st-key-focus-{item.id} button")).to_be_visible()
            expect(page.get_by_role("link", name="Samaritans")).to_be_visible()
            shot(page, shots, "review-queue")

            page.locator(f".st-key-focus-{item.id} button").click()  # one post in focus at a time
            page.locator(f".st-key-approve-{item.id} button").click()
            expect(page.get_by_text("Approved: it is in the digest now.")).to_be_visible()
            assert item_of(engine, ids["waiting"]).state == "approved"

            page.get_by_role("link", name="Digest").click()
            expect(page.get_by_role("heading", name="Digest")).to_be_visible()
            page.get_by_label("Search").fill("waiting list therapy")
            page.get_by_label("Search").press("Enter")
            expect(page.get_by_text(TEXT["waiting"])).to_be_visible()
            expect(page.get_by_text(TEXT["crisis"])).to_have_count(0)
            page.get_by_label("Search").fill("")
            page.get_by_label("Search").press("Enter")
            expect(page.get_by_text(TEXT["cafe"])).to_be_visible()
            shot(page, shots, "digest")

            admin = browser.new_page(viewport={"width": 1280, "height": 900})
            admin.set_default_timeout(15_000)
            sign_in(admin, base, "admin.dee")
            expect(admin.get_by_role("heading", name="Review queue")).to_be_visible()
            admin.get_by_role("link", name="Themes").click()
            expect(admin.get_by_role("heading", name="Topic volume over time")).to_be_visible()
            expect(admin.locator("[data-testid='stVegaLiteChart']")).to_have_count(4)
            shot(admin, shots, "themes")
            admin.get_by_role("link", name="Sources").click()
            expect(admin.get_by_role("heading", name="Sources", exact=True)).to_be_visible()
            expect(admin.get_by_text("Failing")).to_be_visible()
            shot(admin, shots, "sources")
            assert sorted(p.name for p in shots.glob("*.png")) == [
                "digest.png", "review-queue.png", "sign-in.png", "sources.png", "themes.png"]
        finally:
            browser.close()


def test_sign_in_throttle_sees_the_client_address_a_trusted_proxy_forwards(dashboard_url):
    """The real server hands st.context.ip_address to the throttle: X-Forwarded-For from 127.0.0.1
    (uvicorn's default trusted proxy) is the client; a browser at 127.0.0.1 itself has no address."""
    from playwright.sync_api import expect, sync_playwright
    from sqlalchemy import select

    from store.db import transaction
    from store.models import SignInAttempt

    base, engine, _ = dashboard_url
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            for forwarded, user in (("203.0.113.7", "guess.v4"), ("2001:db8:5:6::9", "guess.v6"),
                                    (None, "guess.local")):
                headers = {"X-Forwarded-For": forwarded} if forwarded else {}
                context = browser.new_context(extra_http_headers=headers)
                page = context.new_page()
                page.set_default_timeout(15_000)
                page.goto(f"{base}/sign-in")
                page.get_by_label("User name").fill(user)
                page.get_by_label("Password", exact=True).fill("not the password")
                page.get_by_role("button", name="Sign in").click()
                expect(page.get_by_text("do not match an account")).to_be_visible()
                context.close()
        finally:
            browser.close()
    with transaction(engine) as s:
        seen = {a.username: a.client for a in s.scalars(select(SignInAttempt))}
    assert seen == {"guess.v4": "203.0.113.7", "guess.v6": "2001:db8:5:6::/64", "guess.local": None}
