"""Fixtures for the pipelines' tests: local receivers for alerts, and stored, classified posts.

Everything listens on 127.0.0.1 on a free port. Prefect's own fixture (one server for the whole
session) is in `prefect_server.py` and only started by the tests that run flows.
"""

from __future__ import annotations

import json
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from peerfeed.records import Platform, Post
from pipelines.classifying import classify_pending
from store.db import transaction
from store.posts import upsert_posts
from tests.pipelines.doubles import KeywordModel
from tests.pipelines.prefect_server import prefect_server  # noqa: F401 - session fixture, started on demand

NOW = datetime.now(timezone.utc).replace(microsecond=0)


def toot(n: int, text: str, author: str | None = None, published_at: datetime | None = None, **kw) -> Post:
    """A Mastodon post as a collector would hand it over."""
    return Post(
        platform=Platform.MASTODON,
        platform_id=f"https://mastodon.example/users/u{n}/statuses/{1000 + n}",
        source="#peersupport",
        url=f"https://mastodon.example/@u{n}/{1000 + n}",
        author=author or f"Person {n}",
        content_html=f"<p>{text}</p>",
        content_text=text,
        published_at=published_at or NOW - timedelta(minutes=n),
        **kw,
    )


def store_and_classify(engine, posts, model=None) -> dict[str, int]:
    """Upsert posts and classify them with the keyword double; returns post ids by platform_id."""
    with transaction(engine) as s:
        upsert_posts(s, posts)
    classify_pending(engine, model or KeywordModel())
    from sqlalchemy import select

    from store.models import Post as PostRow

    with transaction(engine) as s:
        return dict(s.execute(select(PostRow.platform_id, PostRow.id)).all())


class WebhookReceiver:
    """An http.server on 127.0.0.1 recording each JSON body; `fail_next` answers 500 that many times."""

    def __init__(self) -> None:
        self.received: list[dict] = []
        self.fail_next = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if receiver.fail_next > 0:
                    receiver.fail_next -= 1
                    self.send_response(500)
                    self.end_headers()
                    return
                receiver.received.append(json.loads(body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hooks/moderators"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def webhook():
    receiver = WebhookReceiver()
    yield receiver
    receiver.close()


class Mailbox:
    """aiosmtpd handler keeping every message it receives."""

    def __init__(self) -> None:
        self.messages: list = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's naming
        from email import message_from_bytes, policy

        self.messages.append((envelope.rcpt_tos, message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on 127.0.0.1; yields (host, port, mailbox)."""
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield "127.0.0.1", port, mailbox
    controller.stop()
