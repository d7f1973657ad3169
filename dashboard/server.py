"""The dashboard as an ASGI app: Streamlit's pages plus the session cookie's two routes.

`streamlit run dashboard/server.py` finds `app` and serves it with uvicorn (Streamlit's st.App);
`dashboard/app.py` stays the pages' entry script (AppTest runs it directly).
"""

import sys
from pathlib import Path

import streamlit as st
from starlette.routing import Route

# `streamlit run dashboard/server.py` puts dashboard/ on sys.path, not the project root.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

from dashboard import cookies  # noqa: E402

app = st.App(
    str(Path(__file__).resolve().parent / "app.py"),
    routes=[Route(cookies.COLLECT_PATH, lambda request: cookies.collect(request)),
            Route(cookies.FORGET_PATH, lambda request: cookies.forget(request))],
)
