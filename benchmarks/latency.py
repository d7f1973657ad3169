"""From a post being written on a local peer to the moderators' alert being sent, per platform.

    python -m benchmarks.latency                       # 20 crisis posts per platform, p50/p95
    python -m benchmarks.latency --posts 10 --poll-interval 60

One `peerfeed stream` process (the deployment, as `prefect.yaml`'s `stream` or the documented
service unit runs it) follows three local peers: Bluesky's own PLC + PDS + AppView from
@atproto/dev-env (tests/bluesky/network.mjs; needs `bash tests/bluesky/install.sh`, PostgreSQL and
Redis), a Mastodon instance speaking the streaming API (a small server here: Takahe, the real
Mastodon-API server we have, has no streaming API), and a blog feed it polls with conditional GET
every `--poll-interval` seconds. It stores into a fresh SQLite file, classifies with the shipped
model and sends alerts to a webhook receiver here. The driver writes crisis posts (fictional,
"latency probe <n>") round robin, a few seconds apart; each latency is from just before the write
(the createRecord call, the streaming event, the feed's new item) to the webhook receiving the
alert for that post. Goals (issue 15): p95 under 60 s for Bluesky and Mastodon, under 5 minutes
for blogs.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from email.utils import format_datetime
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

REPO = Path(__file__).resolve().parent.parent
NETWORK = REPO / "tests" / "bluesky"
CRISIS = "I'm going to kill myself tonight, I can't do this any more"
GOALS_S = {"bluesky": 60.0, "mastodon": 60.0, "rss": 300.0}


def _serve(handler_cls) -> ThreadingHTTPServer:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_cls)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


class Webhook:
    """The moderators' webhook: records when each alert arrived and for which post id."""

    def __init__(self) -> None:
        self.arrivals: dict[int, float] = {}
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))))
                post_id = int(parse_qs(urlsplit(body["link"]).query)["post"][0])
                hook.arrivals.setdefault(post_id, time.monotonic())
                self.send_response(204)
                self.end_headers()

            def log_message(self, *a):
                pass

        self.httpd = _serve(Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/hook"


class Instance:
    """A Mastodon instance for one hashtag: its timeline (min_id paging) and its SSE stream."""

    def __init__(self) -> None:
        self.statuses: list[dict] = []
        self.listeners: list[queue.Queue] = []
        inst = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802
                split = urlsplit(self.path)
                q = {k: v[0] for k, v in parse_qs(split.query).items()}
                if split.path.startswith("/api/v1/timelines/tag/"):
                    items = [s for s in inst.statuses if int(s["id"]) > int(q.get("min_id", 0))]
                    body = json.dumps(sorted(items, key=lambda s: int(s["id"]), reverse=True)[:40]).encode()
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                if split.path == "/api/v1/streaming/hashtag":
                    events: queue.Queue = queue.Queue()
                    inst.listeners.append(events)
                    self.close_connection = True
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    try:
                        while True:
                            try:
                                data = events.get(timeout=5)
                                self.wfile.write(f"event: update\ndata: {data}\n\n".encode())
                            except queue.Empty:
                                self.wfile.write(b":thump\n")
                            self.wfile.flush()
                    except OSError:
                        return
                body = b'{"error":"Record not found"}'
                self.send_response(404)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *a):
                pass

        self.httpd = _serve(Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def post(self, n: int, text: str) -> str:
        sid = str(1000 + n)
        now = datetime.now(timezone.utc).isoformat().replace("+00:00", "Z")
        status = {"id": sid, "uri": f"{self.url}/users/probe/statuses/{sid}", "url": f"{self.url}/@probe/{sid}",
                  "created_at": now, "edited_at": None, "visibility": "public", "content": f"<p>{text}</p>",
                  "spoiler_text": "", "sensitive": False, "language": "en", "in_reply_to_id": None,
                  "reblog": None, "tags": [{"name": "peersupport"}], "mentions": [], "media_attachments": [],
                  "card": None, "account": {"id": "1", "acct": "probe", "username": "probe",
                                            "display_name": "Probe", "url": f"{self.url}/@probe"}}
        self.statuses.append(status)
        for listener in list(self.listeners):
            listener.put(json.dumps(status))
        return status["uri"]


class Blog:
    """An RSS feed that answers a matching If-None-Match with 304."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str, str]] = []
        blog = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):  # noqa: N802
                etag = f'"{len(blog.items)}"'
                if self.headers.get("If-None-Match") == etag:
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return
                items = "".join(f"<item><guid>{g}</guid><title>{t}</title><pubDate>{d}</pubDate>"
                                f"<description>{t}</description></item>" for g, t, d in reversed(blog.items))
                body = (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Probe blog</title>{items}"
                        "</channel></rss>").encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/rss+xml")
                self.send_header("ETag", etag)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *a):
                pass

        self.httpd = _serve(Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/feed.xml"

    def post(self, n: int, text: str) -> str:
        guid = f"https://probe.blog.example/{n}"
        self.items.append((guid, text, format_datetime(datetime.now(timezone.utc), usegmt=True)))
        return guid


class Bluesky:
    """tests/bluesky/network.mjs: Bluesky's own PLC, PDS and AppView."""

    def __init__(self) -> None:
        env = {**os.environ, "DB_POSTGRES_URL": os.environ.get("DB_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"),
               "REDIS_HOST": os.environ.get("REDIS_HOST", "127.0.0.1:6379")}
        self.proc = subprocess.Popen(["node", "network.mjs"], cwd=NETWORK, env=env, text=True,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.info = json.loads(self.proc.stdout.readline())
        self.lock = threading.Lock()

    def post(self, n: int, text: str) -> str:
        stamp = datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        cmd = {"op": "create", "by": "bulk", "collection": "app.bsky.feed.post",
               "record": {"$type": "app.bsky.feed.post", "text": text, "createdAt": stamp}}
        with self.lock:
            self.proc.stdin.write(json.dumps(cmd) + "\n")
            self.proc.stdin.flush()
            return json.loads(self.proc.stdout.readline())["uri"]

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(30)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--posts", type=int, default=20, help="crisis posts per platform")
    ap.add_argument("--gap", type=float, default=3.0, help="seconds between writes (round robin)")
    ap.add_argument("--poll-interval", type=float, default=60.0, help="PEERFEED_STREAM_POLL_INTERVAL_S for blogs")
    args = ap.parse_args(argv)
    print("command:", shlex.join([Path(sys.executable).name, "-m", "benchmarks.latency",
                                   *(argv if argv is not None else sys.argv[1:])]))
    hook, instance, blog = Webhook(), Instance(), Blog()
    bluesky = Bluesky()
    tmp = Path(tempfile.mkdtemp(prefix="pf-latency-"))
    db = f"sqlite:///{tmp}/latency.db"
    sources = tmp / "sources.yaml"
    sources.write_text(json.dumps({"sources": [
        {"name": "probe bluesky", "platform": "bluesky", "kind": "author", "url": bluesky.info["appview"],
         "options": {"actor": "bulkposter.test"}},
        {"name": "probe mastodon", "platform": "mastodon", "kind": "hashtag", "url": instance.url,
         "options": {"tag": "peersupport"}},
        {"name": "probe blog", "platform": "rss", "url": blog.url},
    ]}))
    env = {**os.environ, "PEERFEED_DATABASE_URL": db, "PEERFEED_BLUESKY_FIREHOSE_URL": bluesky.info["pds"],
           "PEERFEED_ALERT_WEBHOOK_URL": hook.url, "PEERFEED_STREAM_POLL_INTERVAL_S": str(args.poll_interval),
           "PEERFEED_BLUESKY_SESSION_FILE": str(tmp / "session.txt")}
    log = open(tmp / "stream.log", "w")
    stream = subprocess.Popen([sys.executable, "-m", "peerfeed.cli", "stream", "--sources", str(sources)],
                              cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    written: dict[str, dict[str, float]] = {"bluesky": {}, "mastodon": {}, "rss": {}}
    try:
        from sqlalchemy import select

        from store.db import make_engine, transaction
        from store.models import Post
        from store.sources import stream_health

        engine = make_engine(db)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                with transaction(engine) as s:
                    if sum(h.status == "connected" for h in stream_health(s)) >= 2:
                        break
            except Exception:  # noqa: BLE001 - the schema is not there yet
                pass
            time.sleep(0.5)
        else:
            raise RuntimeError(f"the streams did not connect; see {tmp / 'stream.log'}")
        time.sleep(5)  # the model loads and the first polls settle
        peers = {"bluesky": bluesky, "mastodon": instance, "rss": blog}
        for n in range(args.posts):
            for name, peer in peers.items():
                text = f"latency probe {name} {n}: {CRISIS}"
                at = time.monotonic()
                written[name][peer.post(n, text)] = at
                time.sleep(args.gap / len(peers))
        wait_until = time.monotonic() + args.poll_interval + 90
        total = sum(len(w) for w in written.values())
        while time.monotonic() < wait_until and len(hook.arrivals) < total:
            time.sleep(0.5)
        with transaction(engine) as s:
            ids = dict(s.execute(select(Post.platform_id, Post.id)).all())
        engine.dispose()
    finally:
        stream.terminate()
        stream.wait(60)
        bluesky.close()
    print(f"one `peerfeed stream` process; shipped model; alerts to a local webhook; blog polled every "
          f"{args.poll_interval:g} s; {args.posts} crisis posts per platform, one every {args.gap:g} s round robin")
    for name, writes in written.items():
        lat = [hook.arrivals[ids[pid]] - at for pid, at in writes.items() if pid in ids and ids[pid] in hook.arrivals]
        missing = len(writes) - len(lat)
        if not lat:
            print(f"{name:9s} no alert arrived ({missing} missing)")
            continue
        p95 = percentile(lat, 0.95)
        print(f"{name:9s} p50 {statistics.median(lat):7.2f} s   p95 {p95:7.2f} s   max {max(lat):7.2f} s   "
              f"n={len(lat)}{f', {missing} never alerted' if missing else ''}   goal p95 < {GOALS_S[name]:g} s: "
              f"{'met' if p95 < GOALS_S[name] and not missing else 'NOT met'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
