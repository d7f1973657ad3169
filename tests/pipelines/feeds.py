"""Real RSS 2.0 feeds written to a folder that peerfeed.sample_server serves on 127.0.0.1.

Shared by the flow tests and benchmarks/pipeline.py. The posts are made up, in the community's
voice, with no real people in them.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from http.server import ThreadingHTTPServer
from pathlib import Path
from xml.sax.saxutils import escape

from peerfeed.records import Platform
from peerfeed.sample_server import make_handler
from peerfeed.sources import SourceConfig

T0 = datetime.now(timezone.utc).replace(microsecond=0) - timedelta(hours=6)
LINES = [
    "Our peer support group met on Tuesday to plan the next co-production workshop.",
    "As a carer I found the care plan review useful this time; the coordinator listened.",
    "The day centre is recruiting volunteers with lived experience for the drop-in.",
    "Notes from the carers' forum: waiting lists, referrals and what helped.",
]


def rss_feed(site: str, n_posts: int, texts: list[str] | None = None) -> bytes:
    """An RSS 2.0 document with `n_posts` items for the blog `site`."""
    items = []
    for i in range(n_posts):
        text = (texts or LINES)[i % len(texts or LINES)] + f" (post {i} of {site})"
        link = f"https://{site}.example.org/{2026}/{i:04d}/"
        items.append(
            f"<item><title>{escape(site)} post {i}</title><link>{link}</link><guid>{link}</guid>"
            f"<pubDate>{format_datetime(T0 + timedelta(minutes=i))}</pubDate>"
            f"<dc:creator>{escape(site)} writer</dc:creator><description>{escape('<p>' + text + '</p>')}</description></item>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">'
            f"<channel><title>{escape(site)}</title><link>https://{site}.example.org/</link>"
            f"<description>A blog</description>{''.join(items)}</channel></rss>\n").encode()


def write_feeds(root: Path, n_sources: int, n_posts: int, texts: list[str] | None = None,
                prefix: str = "blog") -> list[str]:
    """Write `rss/<prefix>-<i>.xml` under root for each source; returns the site names."""
    (root / "rss").mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n_sources):
        site = f"{prefix}-{i:03d}"
        (root / "rss" / f"{site}.xml").write_bytes(rss_feed(site, n_posts, texts))
        names.append(site)
    return names


def feed_sources(base_url: str, names: list[str]) -> list[SourceConfig]:
    """Source configs pointing at the served feeds."""
    return [SourceConfig(name=n, platform=Platform.RSS, url=f"{base_url}/rss/{n}.xml") for n in names]


class FeedServer:
    """peerfeed's sample-server handler over a feeds folder on 127.0.0.1, answering `latency_s` late.

    It counts requests in flight, so a test can see how many fetches ran at once.
    """

    def __init__(self, root: Path, latency_s: float = 0.0) -> None:
        self.in_flight = self.max_in_flight = 0
        lock = threading.Lock()
        server = self

        class Handler(make_handler(root)):
            def do_GET(self):  # noqa: N802 - http.server's naming
                with lock:
                    server.in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server.in_flight)
                try:
                    time.sleep(latency_s)
                    super().do_GET()
                finally:
                    with lock:
                        server.in_flight -= 1

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
