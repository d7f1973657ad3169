"""Security fixtures: a canary HTTP server on 127.0.0.1 that serves hostile feeds and records every
hit, and a store filled with hostile posts collected the real way."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from store.classification import record_classifications
from store.db import transaction
from store.models import ReviewItem


@dataclass
class Canary:
    """Serves fixed bodies by path; any request to /hit records its `n` (a vector id)."""

    httpd: ThreadingHTTPServer
    bodies: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def serve(self, path: str, body: bytes, content_type: str = "application/atom+xml") -> str:
        self.bodies[path] = (body, content_type)
        return self.base + path


def _handler(canary_ref: list) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _any(self):
            canary: Canary = canary_ref[0]
            split = urlsplit(self.path)
            if split.path.startswith("/hit"):
                with canary.lock:
                    canary.hits.append(parse_qs(split.query).get("n", ["?"])[0])
                body, ctype = b"", "text/plain"
            else:
                body, ctype = canary.bodies.get(split.path, (None, ""))
                if body is None:
                    with canary.lock:  # anything unexpected counts as a hit too
                        canary.hits.append(f"unexpected:{self.path}")
                    body, ctype = b"", "text/plain"
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Access-Control-Allow-Origin", "*")
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_HEAD = _any

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture(scope="module")
def canary():
    ref: list = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(ref))
    ref.append(Canary(httpd))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield ref[0]
    httpd.shutdown()
    httpd.server_close()


class Result:
    """A classifier result shaped like classifier.Classification (the store takes any such object)."""

    def __init__(self, distress: int, topics=("peer_support",)):
        self.distress, self.distress_score = distress, 0.5
        self.topics, self.topic_scores = list(topics), {t: 0.5 for t in topics}
        self.needs_review = distress > 0
        self.reasons, self.model_version = ["hostile test"], "test-1"


def hold_all(engine, post_ids, level: int = 1, topics=("peer_support",)) -> dict[int, ReviewItem]:
    """Classify posts at `level` (so each is held for review); returns {post id: review item}."""
    with transaction(engine) as s:
        record_classifications(s, [(pid, Result(level, topics)) for pid in post_ids])
        items = s.scalars(select(ReviewItem).where(ReviewItem.post_id.in_(list(post_ids)))).all()
        return {i.post_id: i for i in items}
