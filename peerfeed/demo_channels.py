"""The channels in `peerfeed demo`: each one's output on 127.0.0.1, with nothing to install or configure.

- the Bluesky feed generator, live (its skeleton lists what the gate clears at each request);
- the fediverse account's outbox: what its next run would boost and toot, written to a file
  (nothing is sent: the demo has no Mastodon account);
- the weekly email, live at /preview (moderator-reviewed posts only: it fills as you approve posts
  in the dashboard) and as files.

The demo's samples are older than the fediverse account's 7-day window, so the demo widens it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urlencode

from peerfeed.settings import Settings

FEED_PORT, EMAIL_PORT = 8503, 8504


@dataclass
class ChannelsDemo:
    lines: list[str] = field(default_factory=list)
    servers: list = field(default_factory=list)

    def stop(self) -> None:
        for server in self.servers:
            server.stop()


def demo_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"fediverse_max_age_days": 3650})


def write_previews(engine, settings: Settings) -> list[str]:
    """The fediverse outbox and the weekly email, as files under the site folder; returns what to tell."""
    from pipelines.fediverse import preview_outbox
    from pipelines.newsletter import preview_weekly

    site = Path(settings.site_dir)
    outbox_file = site / "channels" / "fediverse-outbox.txt"
    outbox_file.parent.mkdir(parents=True, exist_ok=True)
    actions = preview_outbox(engine, demo_settings(settings))
    outbox_file.write_text("\n\n".join(actions) + "\n", encoding="utf-8")
    (html_file, _), posts = preview_weekly(engine, settings, site / "email")
    return [f"Fediverse account: {len(actions)} boosts and link toots it would post -> {outbox_file}",
            f"Weekly email: {posts} moderator-reviewed posts so far -> {html_file}",
            "Bluesky feed: served while the dashboard runs (or on its own: `peerfeed feedgen`)"]


def _serve(app, port: int):
    from pipelines.web import BackgroundServer

    try:
        return BackgroundServer(app, port=port).start()
    except (OSError, RuntimeError):  # the usual port is taken: any free one will do
        return BackgroundServer(app).start()


def start_channels(engine, settings: Settings, echo: Callable[[str], None] = print) -> ChannelsDemo:
    """Serve the feed generator and the email pages (with a live preview) in this process."""
    from pipelines.email_pages import email_pages_app
    from pipelines.feedgen import MAIN_FEED, feed_uri, feedgen_app, service_did
    from pipelines.web import free_port

    demo = ChannelsDemo()
    port = FEED_PORT if _port_free(FEED_PORT) else free_port()
    feed_settings = settings.model_copy(update={"feedgen_hostname": f"localhost:{port}"})
    feed = _serve(feedgen_app(engine, feed_settings), port)
    email = _serve(email_pages_app(engine, settings.model_copy(update={"email_base_url": ""}), preview=True),
                   EMAIL_PORT)
    demo.servers += [feed, email]
    query = urlencode({"feed": feed_uri(service_did(feed_settings), MAIN_FEED), "limit": 10})
    demo.lines += [
        f"Bluesky feed generator ({service_did(feed_settings)}):",
        f"  {feed.url}/xrpc/app.bsky.feed.getFeedSkeleton?{query}",
        f"Weekly email, as it stands now: {email.url}/preview  (sign-up page: {email.url}/)",
        "  It carries only posts a moderator reviewed: approve some as demo.moderator, then reload.",
        "Admins see every channel, and what was published where, on the dashboard's Channels page.",
    ]
    for line in demo.lines:
        echo(line)
    return demo


def _port_free(port: int) -> bool:
    import socket

    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True
