"""A tiny HTTP server on 127.0.0.1 that plays the bundled samples as if they were the platforms.

Layout of `peerfeed/samples/` (package data, so an installed wheel's demo works; the URL path is
the file path):

- `samples/rss/<name>.xml`                      served at `/rss/<name>.xml` (application/rss+xml)
- `samples/mastodon/api/v1/...<endpoint>.json`  served at `/api/v1/...<endpoint>` (Mastodon API)
- `samples/bluesky/xrpc/<nsid>.json`            served at `/xrpc/<nsid>` (Bluesky XRPC)

Query strings are ignored, except that a request asking for a later page (`max_id`, `min_id`,
`since_id`, `cursor`) gets an empty page: the samples are one page per endpoint, and a second collect
must find nothing new. `peerfeed demo` uses this so it works with no network at all.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SAMPLES_DIR = Path(__file__).resolve().parent / "samples"
_PAGING = {"max_id", "min_id", "since_id", "cursor"}


def _resolve(root: Path, path: str) -> tuple[Path | None, str]:
    parts = [p for p in path.split("/") if p]
    if any(p in ("..", ".") or p.startswith(".") for p in parts) or not parts:
        return None, ""
    if parts[0] == "rss":
        return root.joinpath(*parts), "application/rss+xml; charset=utf-8"
    if parts[0] == "api":
        return root.joinpath("mastodon", *parts[:-1], parts[-1] + ".json"), "application/json"
    if parts[0] == "xrpc":
        return root.joinpath("bluesky", *parts[:-1], parts[-1] + ".json"), "application/json"
    return None, ""


def _empty_page(path: str) -> bytes:
    if path.startswith("/xrpc/"):
        return json.dumps({"posts": [], "feed": [], "cursor": None}).encode()
    return b"[]"


def make_handler(root: Path):
    class SampleHandler(BaseHTTPRequestHandler):
        server_version = "peerfeed-samples/1"

        def do_GET(self):  # noqa: N802 - http.server's naming
            split = urlsplit(self.path)
            file, ctype = _resolve(root, split.path)
            if file is None or not file.is_file():
                self._send(404, b'{"error": "Record not found"}', "application/json")
                return
            if _PAGING & set(parse_qs(split.query)):
                self._send(200, _empty_page(split.path), ctype)
                return
            self._send(200, file.read_bytes(), ctype)

        def _send(self, status: int, body: bytes, ctype: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):  # keep the demo's console calm
            pass

    return SampleHandler


class SampleServer:
    """Serve `root` on 127.0.0.1 in a background thread; use as a context manager."""

    def __init__(self, root: Path = SAMPLES_DIR, port: int = 0) -> None:
        self.httpd = ThreadingHTTPServer(("127.0.0.1", port), make_handler(root))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        # Bound to 127.0.0.1 above; server_address's host is typed str | bytes, server_port is the int.
        return f"http://127.0.0.1:{self.httpd.server_port}"

    def __enter__(self) -> "SampleServer":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
