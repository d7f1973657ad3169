"""The weekly email's HTML part as a browser shows it: headless Chromium renders the message received by
a real SMTP server, takes a screenshot, and finds nothing run, nothing fetched, and no word of a
post the email must not carry.

Set PEERFEED_SCREENSHOT_DIR to keep the screenshot (docs/screenshots/weekly-email.png was made so).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from pipelines.newsletter import send_weekly_email
from tests.channels.helpers import approve, decide, read, store
from tests.channels.mailbox import parts
from tests.channels.test_newsletter import IN_WEEK, MONDAY, settings, smtp, subscribed, week_of_posts  # noqa: F401
from tests.store.helpers import blog_post

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]


@pytest.fixture
def sqlite_community(sqlite_engine):
    from tests.conftest import add_users

    add_users(sqlite_engine)
    return sqlite_engine


def test_the_html_part_in_chromium(sqlite_community, settings, smtp, tmp_path, monkeypatch):  # noqa: F811
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium", pytrace=False)
    from playwright.sync_api import sync_playwright

    engine = sqlite_community
    posts, _ = week_of_posts(engine, monkeypatch)
    hostile = blog_post(9, "Fine words.", title='<img src=x onerror="window.__ran=1"><script>window.__ran=2</script>',
                        published_at=IN_WEEK)
    pid = store(engine, hostile)[hostile.platform_id]
    read(engine, {pid: 1})
    decide(engine, pid, approve)
    subscribed(engine, "reader@example.org")
    send_weekly_email(engine, settings, now=MONDAY)
    ((_, message),) = smtp.messages
    page_file = tmp_path / "weekly-email.html"
    page_file.write_text(parts(message)["text/html"], encoding="utf-8")

    requests, dialogs = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 720, "height": 900})
            page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
            page.route("**/*", lambda route: (requests.append(route.request.url), route.abort())
                       if not route.request.url.startswith("file://") else route.continue_())
            page.goto(page_file.as_uri())
            shot = tmp_path / "weekly-email.png"
            page.screenshot(path=str(shot), full_page=True)
            shown = page.inner_text("body")
            ran = page.evaluate("window.__ran || null")
            scripts = page.evaluate("document.querySelectorAll('script, img, iframe, object, embed').length")
        finally:
            browser.close()
    assert (ran, dialogs, requests, scripts) == (None, [], [], 0)
    assert "Recovery college: care plans" in shown and "Content warning: self-harm, hospital" in shown
    assert '<img src=x onerror="window.__ran=1">' in shown  # the hostile title, shown as text
    for key in ("model_only", "held", "hidden", "warned"):
        assert posts[key].content_text.split(" ")[0] not in shown
    assert shot.stat().st_size > 10_000
    keep = os.environ.get("PEERFEED_SCREENSHOT_DIR")
    if keep:
        shutil.copy(shot, Path(keep) / "weekly-email.png")
