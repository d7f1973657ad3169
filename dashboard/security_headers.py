"""Security headers on every response of the dashboard (pages, assets, feeds, health checks).

Streamlit has no option for response headers (its `server.*` options cover CORS, XSRF, allowed
hosts, static serving and TLS), so this is a small ASGI middleware `dashboard/server.py` puts in
front of Streamlit's own. The policy is built from what Streamlit's page really needs:

- scripts only from this server, plus the one inline script of Streamlit's index.html and our own
  two constant scripts (the desk's shortcuts, the sign-in's cookie hand-off), each allowed by its
  hash (so a script injected anywhere else never runs);
- styles from this server and inline (Streamlit's components set styles inline);
- images, fonts and media from this server, `data:` and `blob:` (charts, the favicon);
- connections (the websocket included) only to this server;
- no plugins, no <base> elsewhere, forms post only here, and no one may frame the dashboard.
"""

from __future__ import annotations

import hashlib
import re
from base64 import b64encode

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)


def script_hash(body: str) -> str:
    """The CSP hash source ('sha256-…') that lets an inline script with exactly this text run."""
    return f"'sha256-{b64encode(hashlib.sha256(body.encode()).digest()).decode()}'"


def inline_script_hashes(index_html: str) -> tuple[str, ...]:
    """CSP hash sources ('sha256-…') of the inline scripts in a page."""
    return tuple(script_hash(body) for body in _INLINE_SCRIPT.findall(index_html))


def content_security_policy(script_hashes: tuple[str, ...] = ()) -> str:
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(("'self'", *script_hashes)),
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob:",
        "font-src": "'self' data:",
        "media-src": "'self' data: blob:",
        "connect-src": "'self'",
        "worker-src": "'self' blob:",
        "frame-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{k} {v}" for k, v in directives.items())


def security_headers(script_hashes: tuple[str, ...] = ()) -> dict[str, str]:
    """The headers every response carries."""
    return {
        "Content-Security-Policy": content_security_policy(script_hashes),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    }


class SecurityHeaders:
    """ASGI middleware: set `security_headers()` on every HTTP response (replacing any of the same name)."""

    def __init__(self, app, script_hashes: tuple[str, ...] = ()):
        self.app = app
        self.headers = [(k.lower().encode("latin-1"), v.encode("latin-1"))
                        for k, v in security_headers(script_hashes).items()]
        self.names = {k for k, _ in self.headers}

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in self.names]
                message = {**message, "headers": kept + self.headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
