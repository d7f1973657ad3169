"""Fixtures for the pipelines' tests: local receivers for alerts, and the session's Prefect server.

Everything listens on 127.0.0.1 on a free port. Prefect's own fixture (one server for the whole
session) is in `prefect_server.py` and only started by the tests that run flows.
"""

from __future__ import annotations

import json

import pytest

from tests.pipelines.prefect_server import prefect_server  # noqa: F401 - session fixture, started on demand


class WebhookReceiver:
    """A webhook endpoint on the session's HTTP server, recording each JSON body; `fail_next` answers
    500 that many times."""

    PATH = "/hooks/moderators"

    def __init__(self, server) -> None:
        self.received: list[dict] = []
        self.fail_next = 0
        self.url = server.route(self.PATH, self._answer)

    def _answer(self, h) -> None:
        if self.fail_next > 0:
            self.fail_next -= 1
            h.send_response(500)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        self.received.append(json.loads(h.request_body))
        h.send_response(204)
        h.end_headers()


@pytest.fixture
def webhook(fixture_server):
    return WebhookReceiver(fixture_server)


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
