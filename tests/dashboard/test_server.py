"""How the dashboard is served, without a browser: security headers on every response, the Atom
files and nothing else of the site folder, the inline script allowed by its hash only."""

from __future__ import annotations

from types import SimpleNamespace

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.responses import PlainTextResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from dashboard.feeds import digest_feed, feed_file
from dashboard.security_headers import SecurityHeaders, inline_script_hashes


def test_every_response_carries_the_security_headers_replacing_any_set_before():
    async def page(request):
        return PlainTextResponse("hi", headers={"X-Frame-Options": "ALLOWALL"})

    app = Starlette(routes=[Route("/", page)], middleware=[Middleware(SecurityHeaders, script_hashes=("'sha256-x'",))])
    for path in ("/", "/missing"):
        r = TestClient(app).get(path)
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self' 'sha256-x'" in csp
        assert "default-src 'self'" in csp and "connect-src 'self'" in csp and "unsafe-eval" not in csp
        assert r.headers["x-frame-options"] == "DENY" and r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_inline_scripts_are_hashed_as_browsers_hash_them():
    # sha256 of "alert(1)" in base64, as Chromium reports it in a CSP violation
    assert inline_script_hashes("<script>alert(1)</script><script src=x.js></script>") == (
        "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='",)


def test_only_the_digest_periods_are_served(tmp_path):
    (tmp_path / "digest").mkdir()
    (tmp_path / "digest" / "weekly.atom").write_text("<feed/>")
    (tmp_path / "peerfeed.db").write_text("secret")
    assert feed_file(tmp_path, "weekly") == tmp_path / "digest" / "weekly.atom"
    assert feed_file(tmp_path, "daily") is None  # not written yet
    for name in ("../peerfeed", "../../etc/passwd", "weekly.atom", ""):
        assert feed_file(tmp_path, name) is None
    feed = digest_feed(SimpleNamespace(site_dir=tmp_path))
    assert feed.href == "/digest/weekly.atom" and feed.title == "Weekly digest" and feed.updated.startswith("updated ")
    assert digest_feed(SimpleNamespace(site_dir=tmp_path / "none")) is None
