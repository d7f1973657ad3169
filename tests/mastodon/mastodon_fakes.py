"""Test doubles for the Mastodon collector: recorded cassettes, the bundled samples and a fault server.

`FakeInstance` is a small Mastodon on 127.0.0.1 for what the recorded cassettes lack: it pages a
timeline the way Mastodon does (limit, max_id, since_id, min_id, and a `Link` header with rel=next and
rel=prev), answers `/api/v1/statuses/<id>` with 200 or 404, and can be told to fail a path with a
429, a 5xx, bad JSON, a huge body or a slow answer.

It also speaks Mastodon's streaming API (server-sent events, as docs.joinmastodon.org/methods/streaming
describes and the streaming server sends them): `/api/v1/streaming/hashtag?tag=`, `/list?list=` and
`/user` answer `text/event-stream`, send a `:thump` heartbeat when idle, and write each event a test
queues with `push(event, payload)` as `event: <name>` and `data: <JSON or id>` lines. `drop_streams()`
cuts every open stream (a network drop). Takahe, the real Mastodon-API server in ../shared/peers,
has no streaming API, so this is the streaming peer the tests have.
"""

from __future__ import annotations

import copy
import json
import queue
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import vcr

from peerfeed.records import Platform
from peerfeed.sample_server import SAMPLES_DIR
from peerfeed.sources import SourceConfig

# Copied with attribution from /work/shared/fixtures/mastodon-cassettes (see cassettes/README.md).
CASSETTES = Path(__file__).resolve().parent / "cassettes"
# The cassettes were recorded by Mastodon.py's own tests against this address.
RECORDED_INSTANCE = "http://localhost:3000"
TOKEN = "tok-never-show-me-0123456789"


def recorded_body(cassette_name: str, method: str, path_part: str, index: int = 0):
    """The JSON body of a recorded response (for parsing real shapes that only came from POSTs)."""
    import yaml

    data = yaml.safe_load((CASSETTES / cassette_name).read_text(encoding="utf-8"))
    bodies = [
        json.loads(i["response"]["body"]["string"])
        for i in data["interactions"]
        if i["request"]["method"] == method and path_part in i["request"]["uri"]
    ]
    return bodies[index]


def mastodon_source(url: str, kind: str = "hashtag", name: str = "test source", **options) -> SourceConfig:
    if kind == "hashtag":
        options.setdefault("tag", "peersupport")
    return SourceConfig(name=name, platform=Platform.MASTODON, url=url, kind=kind, options=options)


def sample_statuses(tag: str = "peersupport") -> list[dict]:
    path = SAMPLES_DIR / "mastodon" / "api" / "v1" / "timelines" / "tag" / f"{tag}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def make_status(base_url: str, status_id: int | str, text: str = "", **changes) -> dict:
    """A status shaped like the samples (real Mastodon 4.x fields), homed on `base_url`."""
    template = copy.deepcopy(next(s for s in sample_statuses() if s["reblog"] is None and not s["spoiler_text"]))
    sid = str(status_id)
    template.update(
        id=sid,
        uri=f"{base_url}/users/priya/statuses/{sid}",
        url=f"{base_url}/@priya/{sid}",
        content=f"<p>{text or f'Peer support note number {sid}'}</p>",
        in_reply_to_id=None,
        in_reply_to_account_id=None,
    )
    template.update(changes)
    return template


def make_boost(base_url: str, boost_id: int | str, original: dict) -> dict:
    wrapper = copy.deepcopy(original)
    bid = str(boost_id)
    wrapper.update(
        id=bid,
        uri=f"{base_url}/users/sam/statuses/{bid}/activity",
        url=f"{base_url}/users/sam/statuses/{bid}/activity",
        content="",
        reblog=copy.deepcopy(original),
        account={**original["account"], "acct": "samreeve@peers.example", "username": "samreeve",
                 "display_name": "Sam Reeve", "url": "https://peers.example/@samreeve"},
    )
    return wrapper


@dataclass
class Fault:
    status: int = 200
    body: bytes = b"[]"
    headers: dict = field(default_factory=dict)
    delay_s: float = 0.0
    times: int | None = None  # None: every time
    after: int = 0  # let this many requests through before failing


class FakeInstance:
    """A Mastodon-shaped HTTP server on 127.0.0.1 (see the module docstring)."""

    def __init__(self) -> None:
        self.timelines: dict[str, list[dict]] = {}  # path -> statuses
        self.statuses: dict[str, dict] = {}  # id -> status for /api/v1/statuses/<id>
        self.faults: dict[str, Fault] = {}
        self.requests: list[tuple[str, dict, dict]] = []  # (path, query, headers)
        self.ratelimit_remaining: int | None = 299
        self.events: queue.Queue = queue.Queue()
        self.stream_requests: list[tuple[str, dict]] = []
        self._drop = 0  # generation: streams opened before a drop end
        self.heartbeat_s = 0.2
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}"

    def push(self, event: str, payload) -> None:
        """Queue one streaming event: a status dict (update, status.update) or a status id (delete)."""
        self.events.put((event, payload if isinstance(payload, str) else json.dumps(payload)))

    def drop_streams(self) -> None:
        """End every open stream at once, as a network drop would."""
        self._drop += 1

    def timeline_requests(self, path: str) -> list[dict]:
        return [q for p, q, _ in self.requests if p == path]

    def _handler(self):
        instance = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self):
                super().setup()
                # headers and body go out in two writes; without this, Nagle and delayed ACKs add 40 ms
                self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def do_GET(self):  # noqa: N802
                split = urlsplit(self.path)
                query = {k: v[0] for k, v in parse_qs(split.query).items()}
                instance.requests.append((split.path, query, dict(self.headers)))
                fault = instance.faults.get(split.path)
                if fault is not None and fault.after > 0:
                    fault.after -= 1
                    fault = None
                if fault is not None and (fault.times is None or fault.times > 0):
                    if fault.times is not None:
                        fault.times -= 1
                    if fault.delay_s:
                        time.sleep(fault.delay_s)
                    return self._send(fault.status, fault.body, fault.headers)
                if split.path in instance.timelines:
                    return self._timeline(split.path, query)
                if split.path.startswith("/api/v1/streaming/"):
                    return self._stream(split.path, query)
                if split.path.startswith("/api/v1/statuses/"):
                    status = instance.statuses.get(split.path.rsplit("/", 1)[-1])
                    if status is None:
                        return self._send(404, b'{"error":"Record not found"}')
                    return self._send(200, json.dumps(status).encode())
                self._send(404, b'{"error":"Record not found"}')

            def _timeline(self, path: str, q: dict) -> None:
                items = sorted(instance.timelines[path], key=lambda s: (len(s["id"]), s["id"]), reverse=True)
                key = lambda v: (len(v), v)  # noqa: E731
                limit = min(int(q.get("limit", 20)), 40)
                if "max_id" in q:
                    items = [s for s in items if key(s["id"]) < key(q["max_id"])]
                if "since_id" in q:
                    items = [s for s in items if key(s["id"]) > key(q["since_id"])]
                if "min_id" in q:  # the statuses just after min_id, still newest first
                    items = [s for s in items if key(s["id"]) > key(q["min_id"])][-limit:]
                page = items[:limit]
                headers = {}
                if page:
                    base = f"{instance.url}{path}?limit={limit}&"
                    headers["Link"] = (
                        f'<{base}max_id={page[-1]["id"]}>; rel="next", <{base}min_id={page[0]["id"]}>; rel="prev"'
                    )
                self._send(200, json.dumps(page).encode(), headers)

            def _stream(self, path: str, q: dict) -> None:
                if path not in ("/api/v1/streaming/hashtag", "/api/v1/streaming/list", "/api/v1/streaming/user"):
                    return self._send(404, b'{"error":"Unknown stream type"}')
                if (path.endswith("hashtag") and "tag" not in q) or (path.endswith("list") and "list" not in q):
                    return self._send(400, b'{"error":"Missing parameter"}')
                instance.stream_requests.append((path, q))
                generation = instance._drop
                self.close_connection = True
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-store")
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    self.wfile.write(b":)\n")
                    self.wfile.flush()
                    while instance._drop == generation:
                        try:
                            name, data = instance.events.get(timeout=instance.heartbeat_s)
                        except queue.Empty:
                            self.wfile.write(b":thump\n")
                        else:
                            self.wfile.write(f"event: {name}\ndata: {data}\n\n".encode())
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _send(self, status: int, body: bytes, headers: dict | None = None) -> None:
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                headers = dict(headers or {})
                if instance.ratelimit_remaining is not None:
                    headers.setdefault("X-RateLimit-Limit", "300")
                    headers.setdefault("X-RateLimit-Remaining", str(instance.ratelimit_remaining))
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, *args):
                pass

        return Handler


def replay(name: str):
    """Replay one of Mastodon.py's recorded cassettes (no network; an unmatched request fails)."""
    recorder = vcr.VCR(cassette_library_dir=str(CASSETTES), match_on=["method", "path", "query"], record_mode="none")
    return recorder.use_cassette(name)
