"""One real HTTP server on 127.0.0.1 for every test that needs one, scripted route by route.

Started once per test session (a server per test costs threads and time); each test gets it with no
routes and an empty request log (the `fixture_server` fixture in tests/conftest.py), adds the
responses it needs (`reply`, `conditional`, `stream`, or any handler with `route`), and reads back
what clients sent (`requests`, with method and body). GET, POST and HEAD go through the same routes;
anything unrouted is a 404.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

Handler = Callable[[BaseHTTPRequestHandler], None]


@dataclass
class SeenRequest:
    path: str
    headers: dict[str, str]
    method: str = "GET"
    body: bytes = b""


@dataclass
class FixtureServer:
    """Routes are exact paths (query ignored); anything else is a 404."""

    httpd: ThreadingHTTPServer
    routes: dict[str, Handler] = field(default_factory=dict)
    requests: list[SeenRequest] = field(default_factory=list)
    bytes_sent: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"

    def route(self, path: str, handler: Handler) -> str:
        self.routes[path] = handler
        return self.url(path)

    def reply(self, path: str, body: bytes = b"", status: int = 200, headers: dict[str, str] | None = None,
              content_type: str = "application/rss+xml; charset=utf-8") -> str:
        """Serve a fixed response at `path`; returns its URL."""

        def handler(h: BaseHTTPRequestHandler) -> None:
            h.send_response(status)
            sent = {k.lower() for k in (headers or {})}
            if "content-type" not in sent and content_type:
                h.send_header("Content-Type", content_type)
            if "content-length" not in sent:
                h.send_header("Content-Length", str(len(body)))
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(body)

        return self.route(path, handler)

    def conditional(self, path: str, current: Callable[[], tuple[bytes, str]],
                    last_modified: str | None = None) -> str:
        """Serve `current()`'s (body, ETag) at `path`, answering a matching If-None-Match (or
        If-Modified-Since, when `last_modified` is given) with 304; returns its URL."""

        def handler(h: BaseHTTPRequestHandler) -> None:
            body, etag = current()
            validators = {"ETag": etag, **({"Last-Modified": last_modified} if last_modified else {})}
            if h.headers.get("If-None-Match") == etag or (
                    last_modified and h.headers.get("If-Modified-Since") == last_modified):
                h.send_response(304)
                h.send_header("ETag", etag)
                h.end_headers()
                return
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml; charset=UTF-8")
            h.send_header("Content-Length", str(len(body)))
            for k, v in validators.items():
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(body)

        return self.route(path, handler)

    def stream(self, path: str, chunks: Iterable[bytes], headers: dict[str, str] | None = None,
               delay_s: float = 0.0) -> str:
        """Serve a body written chunk by chunk, closing the connection to end it (no Content-Length).

        Counts what it managed to write in `bytes_sent[path]`, so a test can show the client stopped
        reading early.
        """

        def handler(h: BaseHTTPRequestHandler) -> None:
            h.close_connection = True
            h.send_response(200)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Connection", "close")
            for k, v in (headers or {}).items():
                h.send_header(k, v)
            h.end_headers()
            self.bytes_sent[path] = 0
            try:
                for chunk in chunks:
                    if delay_s:
                        time.sleep(delay_s)
                    h.wfile.write(chunk)
                    self.bytes_sent[path] += len(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client hung up, which is what a cap is for

        return self.route(path, handler)

    def requests_to(self, path: str) -> list[SeenRequest]:
        return [r for r in self.requests if r.path == path]


def _handler_class(server_ref: list[FixtureServer]):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # else each response waits ~40 ms on delayed ACKs

        def _any(self):
            server = server_ref[0]
            path = urlsplit(self.path).path
            length = int(self.headers.get("Content-Length") or 0)
            self.request_body = self.rfile.read(length) if length else b""
            server.requests.append(SeenRequest(path, {k.lower(): v for k, v in self.headers.items()},
                                               self.command, self.request_body))
            handler = server.routes.get(path)
            if handler is None:
                body = b"not found"
                self.send_response(404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            try:
                handler(self)
            except (BrokenPipeError, ConnectionResetError):
                pass

        do_GET = do_POST = do_HEAD = _any  # noqa: N815 - http.server's naming

        def log_message(self, *args):
            pass

    return Handler


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # Clients hanging up mid-response is what the cap and timeout tests are about.
        import sys

        if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            super().handle_error(request, client_address)


def start_fixture_server() -> tuple[FixtureServer, Callable[[], None]]:
    """Start a server in a daemon thread; returns it and the function that stops it."""
    ref: list[FixtureServer] = []
    httpd = _QuietServer(("127.0.0.1", 0), _handler_class(ref))
    ref.append(FixtureServer(httpd))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    def stop() -> None:
        httpd.shutdown()
        httpd.server_close()

    return ref[0], stop


def reset(server: FixtureServer) -> FixtureServer:
    """The server with no routes and empty logs, as each test should find it."""
    server.routes.clear()
    server.requests.clear()
    server.bytes_sent.clear()
    return server
