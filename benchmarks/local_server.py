"""The benchmarks' one HTTP server: a platform's payloads played from memory on 127.0.0.1.

Each benchmark says what to answer with a `respond(path, query, headers) -> (status, headers, body)`
function, built once the server's base URL is known (Mastodon's Link headers name it). Run it in a
child process, so the server's CPU time is not counted as peerfeed's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

Reply = tuple[int, dict[str, str], bytes]
Respond = Callable[[str, dict[str, str], Mapping[str, str]], Reply]


def serve(build: Callable[[str], Respond], on_port: Callable[[int], None]) -> None:
    """Serve forever: `build(base_url)` gives the responder; `on_port(port)` says we are listening."""

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body go out in two writes

        def do_GET(self):  # noqa: N802 - http.server's naming
            split = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(split.query).items()}
            status, headers, body = respond(split.path, query, self.headers)
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    respond = build(f"http://127.0.0.1:{httpd.server_address[1]}")
    on_port(httpd.server_address[1])
    httpd.serve_forever()
