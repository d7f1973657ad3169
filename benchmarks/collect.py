"""Collection throughput per platform: posts/s from local servers into SQLite, end to end.

    python -m benchmarks.collect                          # every platform that has a bench below
    python -m benchmarks.collect --platform rss --feeds 50 --items 50

Each platform is one `bench_<platform>(args) -> list[Figure]` function in PLATFORMS; Mastodon and
Bluesky add theirs beside bench_rss. Servers run in a child process, so the CPU time we count
(posts/s/core) is the collector's and the store's alone. Goal for RSS (a later issue): >= 1,000
posts/s/core end to end.

RSS also prints the sanitizer decision: feedparser's own sanitizer (sgmllib) against
feedparser with sanitizing and URI resolving off, then nh3 once (collectors/sanitize.py).
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import re
import shlex
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "peerfeed" / "samples" / "rss"


@dataclass(frozen=True)
class Figure:
    platform: str
    what: str
    value: float
    unit: str

    def line(self) -> str:
        return f"{self.platform:9} {self.what:58} {self.value:12,.1f} {self.unit}"


# --- RSS -------------------------------------------------------------------------------------

_ITEM = re.compile(rb"<item>.*?</item>", re.S)


def synthetic_feed(feed_no: int, items: int) -> bytes:
    """A WordPress-shaped feed of `items` posts, bodies taken round-robin from the RSS samples.

    Each item gets its own guid and link so every post is new to the store.
    """
    templates = []
    for f in sorted(SAMPLES.glob("*.xml")):
        templates += _ITEM.findall(f.read_bytes())
    head = (SAMPLES / "bridges-peer-support.xml").read_bytes().split(b"<item>", 1)[0]
    body = []
    for i in range(items):
        item = templates[(feed_no + i) % len(templates)]
        item = re.sub(rb"\?p=\d+", b"?p=%d" % (feed_no * 100000 + i), item)
        item = re.sub(rb"(<link>[^<]*?)/</link>", rb"\1-%d-%d/</link>" % (feed_no, i), item)
        body.append(item)
    return head + b"\n".join(body) + b"\n</channel>\n</rss>\n"


def _serve_feeds(feeds: int, items: int, ready, port_out) -> None:
    """`feeds` synthetic feeds at /feed/N.xml, each with an ETag (a repeat GET costs a 304)."""
    from benchmarks.local_server import serve

    payloads = {f"/feed/{n}.xml": synthetic_feed(n, items) for n in range(feeds)}

    def respond(path, query, headers):
        body, etag = payloads.get(path), f'"{path}-v1"'
        if body is None:
            return 404, {}, b""
        if headers.get("If-None-Match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": "application/rss+xml; charset=UTF-8", "ETag": etag}, body

    def listening(port: int) -> None:
        port_out.value = port
        ready.set()

    serve(lambda base: respond, listening)


def _rate(n: int, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("inf")


def best_of(fn, repeat: int, clock=time.perf_counter) -> float:
    """Fastest of `repeat` runs after one warm-up, in seconds of `clock` (wall by default; CPU with
    time.process_time): the run least disturbed by everything else on the machine."""
    fn()
    best = float("inf")
    for _ in range(repeat):
        t = clock()
        fn()
        best = min(best, clock() - t)
    return best


def bench_rss_parsing(feed: bytes, repeat: int) -> list[Figure]:
    """feedparser's own sanitizer against ours (nh3 once), on the same feed bytes."""
    import feedparser

    from collectors.rss import parse_feed
    from collectors.sanitize import clean_html

    def feedparser_only(**kw):
        return feedparser.parse(io.BytesIO(feed), response_headers={"content-location": "https://b.example/feed/"}, **kw)

    entries = feedparser_only(sanitize_html=False, resolve_relative_uris=False).entries
    bodies = [((e.get("content") or [{}])[0].get("value"), e.get("link")) for e in entries]
    n = len(entries)
    base = best_of(lambda: feedparser_only(sanitize_html=False, resolve_relative_uris=False), repeat)
    own = best_of(lambda: feedparser_only(sanitize_html=True, resolve_relative_uris=True), repeat)
    nh3_only = best_of(lambda: [clean_html(body, link) for body, link in bodies], repeat)
    ours = best_of(lambda: parse_feed(feed, "bench", "https://b.example/feed/"), repeat)
    return [
        Figure("rss", "parse: feedparser, sanitizing and URI resolving off", _rate(n, base), "posts/s"),
        Figure("rss", "parse: feedparser with its own sanitizer (its default)", _rate(n, own), "posts/s"),
        Figure("rss", "parse: parse_feed (feedparser + nh3 + plain text + Post)", _rate(n, ours), "posts/s"),
        Figure("rss", "sanitize only: feedparser's own (default minus off)", (own - base) * 1e6 / n, "us/post"),
        Figure("rss", "sanitize only: nh3 clean_html", nh3_only * 1e6 / n, "us/post"),
        Figure("rss", "sanitizing cost: feedparser's own / nh3", (own - base) / nh3_only, "x"),
    ]


def bench_rss(args: argparse.Namespace) -> list[Figure]:
    """Fetch `feeds` local feeds of `items` posts each through the real collect pipeline into SQLite."""
    from peerfeed.records import Platform
    from peerfeed.settings import Settings
    from peerfeed.sources import SourceConfig
    from pipelines.collecting import collect_all
    from store.db import make_engine, upgrade

    figures = bench_rss_parsing(synthetic_feed(0, args.items), repeat=args.repeat)

    ctx = multiprocessing.get_context("spawn")
    ready, port = ctx.Event(), ctx.Value("i", 0)
    server = ctx.Process(target=_serve_feeds, args=(args.feeds, args.items, ready, port), daemon=True)
    server.start()
    try:
        if not ready.wait(180):  # a spawned interpreter: slow to start on a busy 2-core machine
            raise RuntimeError("feed server did not start within 180 s")
        base = f"http://127.0.0.1:{port.value}"
        configs = [SourceConfig(f"bench feed {n}", Platform.RSS, f"{base}/feed/{n}.xml") for n in range(args.feeds)]
        with tempfile.TemporaryDirectory() as tmp:
            settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp}/bench.db")
            engine = make_engine(settings.database_url)
            upgrade(engine)
            for label in ("first fetch, every post new", "refresh, every feed unchanged (304)"):
                wall, cpu = time.perf_counter(), time.process_time()
                reports = collect_all(engine, settings, configs)
                wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                failed = [r for r in reports if r.error_kind]
                if failed:
                    raise RuntimeError(f"{len(failed)} bench feeds failed, e.g. {failed[0].error}")
                new = sum(r.new for r in reports)
                if label.startswith("first"):
                    figures.append(Figure("rss", f"end to end, {label}: posts stored", new, "posts"))
                    figures.append(Figure("rss", f"end to end, {label}", _rate(new, wall), "posts/s"))
                    figures.append(Figure("rss", f"end to end, {label}, per CPU second", _rate(new, cpu), "posts/s/core"))
                else:
                    figures.append(Figure("rss", f"end to end, {label}", wall * 1000 / len(configs), "ms/source"))
            engine.dispose()
    finally:
        server.terminate()
        server.join(5)
    return figures


PLATFORMS = {"rss": bench_rss}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", choices=sorted(PLATFORMS), action="append",
                        help="platform to measure (repeatable; default: all)")
    parser.add_argument("--feeds", type=int, default=40, help="RSS: number of local feeds")
    parser.add_argument("--items", type=int, default=50, help="RSS: posts per feed")
    parser.add_argument("--repeat", type=int, default=7, help="RSS: runs per parse figure (the fastest counts)")
    args = parser.parse_args(argv)
    figures: list[Figure] = []
    for name in args.platform or sorted(PLATFORMS):
        figures += PLATFORMS[name](args)
    for f in figures:
        print(f.line())
    print("command:", shlex.join([Path(sys.executable).name, "-m", "benchmarks.collect", *(argv if argv is not None else sys.argv[1:])]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
