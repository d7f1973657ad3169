"""A real SMTP server (aiosmtpd) on 127.0.0.1 that keeps every message, for the weekly email's tests."""

from __future__ import annotations

import html
import re
from email import message_from_bytes, policy
from email.message import EmailMessage

from pipelines.web import free_port


class LocalSMTP:
    """`with LocalSMTP() as smtp:` -> smtp.host, smtp.port, smtp.messages (list of (recipients, message))."""

    def __init__(self) -> None:
        self.host, self.port = "127.0.0.1", free_port()
        self.messages: list[tuple[list[str], EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's naming
        self.messages.append((list(envelope.rcpt_tos), message_from_bytes(envelope.content, policy=policy.default)))
        return "250 OK"

    def __enter__(self) -> LocalSMTP:
        from aiosmtpd.controller import Controller

        self.controller = Controller(self, hostname=self.host, port=self.port)
        self.controller.start()
        return self

    def __exit__(self, *exc) -> None:
        self.controller.stop()

    def to(self, address: str) -> list[EmailMessage]:
        return [m for rcpt, m in self.messages if address in rcpt]


def parts(message: EmailMessage) -> dict[str, str]:
    """{"text/plain": ..., "text/html": ...}: every text part, decoded."""
    return {p.get_content_type(): p.get_content() for p in message.walk() if p.get_content_maintype() == "text"}


def every_word(message: EmailMessage) -> str:
    """Everything a reader could see in the message: headers, and each part decoded (HTML unescaped too)."""
    found = [f"{k}: {v}" for k, v in message.items()]
    for body in parts(message).values():
        found += [body, html.unescape(body)]
    return "\n".join(found)


def links(message: EmailMessage) -> set[str]:
    """Every http(s) address in the message's parts (the HTML part's unescaped)."""
    text = "\n".join(html.unescape(b) for b in parts(message).values())
    return set(re.findall(r"https?://[^\s\"'<>]+", text))
