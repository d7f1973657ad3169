"""The dashboard as served: Streamlit's app (dashboard/app.py) inside Streamlit's own ASGI server
(`st.App`), plus the digest's Atom files, the session cookie's two routes and security headers on
every response.

`streamlit run dashboard/server.py` finds `app` and serves it; `peerfeed dashboard` does exactly
that (dashboard/launch.py). `dashboard/app.py` stays the pages' entry script (AppTest runs it
directly). Streamlit has no setting for response headers, so they are added by `SecurityHeaders`, a
plain ASGI middleware that runs before Streamlit's own.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.routing import Route

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # `streamlit run dashboard/server.py` puts dashboard/ on sys.path, not the root
    sys.path.insert(0, _ROOT)

from dashboard import cookies  # noqa: E402
from dashboard.feeds import ATOM_TYPE, feed_file  # noqa: E402
from dashboard.desk_view import KEYS_SCRIPT  # noqa: E402
from dashboard.security_headers import SecurityHeaders, inline_script_hashes, script_hash  # noqa: E402
from dashboard.session import NAVIGATE_SCRIPT  # noqa: E402


async def digest_atom(request: Request) -> Response:
    """`/digest/<period>.atom`: the file the digest flow wrote, as Atom; 404 for anything else."""
    from peerfeed.settings import Settings

    path = feed_file(Settings().site_dir, request.path_params["period"])
    if path is None:
        return PlainTextResponse("No such feed (yet): the digest flow writes it.", status_code=404)
    return FileResponse(path, media_type=ATOM_TYPE, headers={"Cache-Control": "no-cache"})


def _index_html() -> str:
    return (Path(st.__file__).parent / "static" / "index.html").read_text(encoding="utf-8")


app = st.App(
    str(Path(__file__).resolve().parent / "app.py"),
    routes=[Route("/digest/{period}.atom", digest_atom, methods=["GET", "HEAD"]),
            Route(cookies.COLLECT_PATH, lambda request: cookies.collect(request)),
            Route(cookies.FORGET_PATH, lambda request: cookies.forget(request))],
    middleware=[Middleware(SecurityHeaders, script_hashes=(*inline_script_hashes(_index_html()),
                                                          *inline_script_hashes(KEYS_SCRIPT),
                                                          script_hash(NAVIGATE_SCRIPT)))],
)
