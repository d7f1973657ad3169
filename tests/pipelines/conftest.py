"""Fixtures for the pipelines' tests: local receivers for alerts, and the session's Prefect server.

Everything listens on 127.0.0.1 on a free port. Prefect's own fixture (one server for the whole
session) is in `prefect_server.py` and only started by the tests that run flows.
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.pipelines.prefect_server import prefect_server  # noqa: F401 - session fixture, started on demand


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


def _start_smtp(**server_kwargs):
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port, **server_kwargs)
    controller.start()
    return controller, ("127.0.0.1", port, mailbox)


@pytest.fixture
def smtp_server():
    """A real SMTP server (aiosmtpd) on 127.0.0.1; yields (host, port, mailbox)."""
    controller, server = _start_smtp()
    yield server
    controller.stop()


SMTP_USER, SMTP_PASSWORD = "peerfeed-alerts", "correct horse battery staple"


@pytest.fixture
def smtp_server_with_login():
    """An SMTP server that refuses mail until the client logs in as SMTP_USER (plain text: 127.0.0.1)."""
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def check(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and (auth_data.login.decode(), auth_data.password.decode()) == (
            SMTP_USER, SMTP_PASSWORD)
        return AuthResult(success=ok)

    controller, server = _start_smtp(authenticator=check, auth_required=True, auth_require_tls=False)
    yield server
    controller.stop()
