"""What a reader's browser sees, in real headless Chromium: the digest's Atom link returns an Atom
document, links in posts leave marked and safe, author names stay names, and no page of any role
asks any host but 127.0.0.1 for anything, every response carrying the security headers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from dashboard.post_html import OUTBOUND_REL
from tests.dashboard.browser import DESKTOP, PAGES, chromium, open_page, running_dashboard, settled, sign_in

pytestmark = pytest.mark.browser

HEADERS = {"content-security-policy", "x-content-type-options", "referrer-policy", "x-frame-options"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_dashboard(tmp_path_factory.mktemp("reader")) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def test_the_atom_link_returns_an_atom_document(server, browser):
    from playwright.sync_api import expect

    base, *_ = server
    page = browser.new_page(viewport=DESKTOP)
    page.set_default_timeout(30_000)
    open_page(page, base, "digest", signed_in=False)
    feed_link = page.get_by_role("link", name="Weekly digest")
    expect(feed_link).to_be_visible()
    href = feed_link.get_attribute("href")
    response = page.request.get(href if href.startswith("http") else base + href)
    assert response.status == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    root = ET.fromstring(response.body())
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    self_link = root.find("{http://www.w3.org/2005/Atom}link[@rel='self']").get("href")
    assert self_link == f"{base}/digest/weekly.atom"  # the feed names the address it is served at
    assert page.request.get(f"{base}/digest/monthly.atom").status == 404  # only the flow's periods
    page.close()


def test_links_in_posts_leave_marked_and_names_stay_names(server, browser):
    from playwright.sync_api import expect

    base, *_ = server
    page = browser.new_page(viewport=DESKTOP)
    page.set_default_timeout(30_000)
    open_page(page, base, "digest", signed_in=False)
    link = page.locator("a[href='https://peers.example/slides?day=sat']")
    expect(link).to_have_count(1)
    assert link.get_attribute("rel") == OUTBOUND_REL
    expect(link).to_contain_text("↗")
    expect(link).to_contain_text("leaves peerfeed")  # read aloud (visually hidden)
    expect(page.get_by_text("dan@mastodon.example on Mastodon")).to_be_visible()
    assert page.locator("a[href^='mailto:'], a[href^='javascript:'], a[href^='data:']").count() == 0
    assert page.locator("h4").count() == 0 and page.locator("h2.pf-title").count() >= 5
    expect(page.get_by_text("[me](javascript:alert(1)) **anything**")).to_be_visible()  # inert
    for a in page.locator("main a[href^='http']").all():
        if urlsplit(a.get_attribute("href")).hostname != "127.0.0.1":
            assert a.get_attribute("rel") == OUTBOUND_REL, a.get_attribute("href")
    page.close()


@pytest.mark.slow
@pytest.mark.parametrize("user", list(PAGES), ids=lambda u: u or "signed-out")
def test_no_request_leaves_127_0_0_1_and_every_response_has_security_headers(server, browser, user):
    base, *_ = server
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(30_000)
    requests, missing, refused = [], [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("response", lambda r: missing.append((r.url, HEADERS - set(r.headers)))
            if r.url.startswith("http") and HEADERS - set(r.headers) else None)
    page.on("console", lambda m: refused.append(m.text) if "Content Security Policy" in m.text else None)
    if user:
        sign_in(page, base, user)
    for name in PAGES[user]:
        open_page(page, base, name, signed_in=user is not None)
    context.close()
    outside = [u for u in requests if urlsplit(u).scheme in ("http", "https", "ws", "wss")
               and urlsplit(u).hostname != "127.0.0.1"]
    assert requests and not outside, outside
    assert not missing, missing[:5]
    assert not refused, refused[:5]


def test_on_a_phone_the_first_post_is_above_the_fold_and_crisis_lines_one_tap_away(server, browser):
    from playwright.sync_api import expect

    from tests.dashboard.browser import PHONE

    base, *_ = server
    page = browser.new_page(viewport=PHONE)
    page.set_default_timeout(30_000)
    open_page(page, base, "digest", signed_in=False)
    first_body = page.locator("[data-testid='stMain'] [data-testid='stHtml'] p:not(.pf-meta)").first
    expect(first_body).to_be_visible()
    box = first_body.bounding_box()
    assert box["y"] + min(box["height"], 40) <= PHONE["height"], box  # its first lines show unscrolled
    help_button = page.get_by_role("button", name="Need help now?")
    expect(help_button).to_be_in_viewport()
    help_button.click()  # one tap
    expect(page.get_by_text("Call 116 123, free, any time")).to_be_visible()
    page.close()


def test_on_a_phone_the_first_queue_item_is_above_the_fold(server, browser):
    from tests.dashboard.browser import PHONE

    base, *_ = server
    page = browser.new_page(viewport=PHONE)
    page.set_default_timeout(30_000)
    sign_in(page, base, "mod.alex")  # a moderator lands on the review queue
    settled(page)
    first = page.locator("[data-testid='stMain']").get_by_text("waiting").first  # the first card's label
    first.wait_for(state="visible")
    assert first.bounding_box()["y"] + 120 <= PHONE["height"], first.bounding_box()
    page.close()
