"""Bluesky collection speed: posts per second through fetch + parse, on one core.

    python benchmarks/collect_bluesky.py                     # samples + parse only
    python benchmarks/collect_bluesky.py --network --bulk 1000   # also Bluesky's own stack

- samples: the bundled samples from peerfeed's sample server, fetched and parsed with the real
  atproto client (`fetch_bluesky`), again and again from a fresh state, sharing one httpx client
  (samples) or letting each fetch make its own (samples/new).
- parse: the sample searchPosts JSON turned into SDK models and then `Post`s, with no HTTP.
- network: tests/bluesky/network.mjs (PLC, PDS, AppView from @atproto/dev-env; needs `npm ci` in
  tests/bluesky, PostgreSQL and Redis on 127.0.0.1) seeded with --bulk posts by one account, whose
  author feed is then collected 100 posts a page. The AppView runs on the same machine, so this
  figure includes its work too.

The goal for a later issue is >= 3,000 posts/s/core end to end.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from atproto_client import models  # noqa: E402
from atproto_client.models.utils import get_or_create  # noqa: E402

from collectors.base import SourceState  # noqa: E402
from collectors.bluesky import fetch_bluesky  # noqa: E402
from collectors.bluesky_parse import posts_from_items  # noqa: E402
from peerfeed.records import Platform  # noqa: E402
from peerfeed.sample_server import SAMPLES_DIR, SampleServer  # noqa: E402
from peerfeed.settings import Settings  # noqa: E402
from peerfeed.sources import SourceConfig  # noqa: E402


def _report(name: str, posts: int, seconds: float, cpu: float) -> None:
    print(f"{name:9s} {posts:7d} posts in {seconds:6.2f} s wall ({cpu:6.2f} s CPU here): "
          f"{posts / seconds:8.0f} posts/s wall, {posts / cpu if cpu else 0:8.0f} posts/s per CPU-second")


def bench_parse(rounds: int) -> None:
    raw = (SAMPLES_DIR / "bluesky/xrpc/app.bsky.feed.searchPosts.json").read_bytes()
    n = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(rounds):
        res = get_or_create(json.loads(raw), models.AppBskyFeedSearchPosts.Response)
        posts, _ = posts_from_items(res.posts, "bench")
        n += len(posts)
    _report("parse", n, time.perf_counter() - t0, time.process_time() - c0)


def bench_samples(rounds: int, settings: Settings, shared: bool) -> None:
    with SampleServer() as server:
        source = SourceConfig(name="bench", platform=Platform.BLUESKY, url=server.url, kind="search",
                              options={"q": "x", "max_pages": 1})
        n = 0
        t0, c0 = time.perf_counter(), time.process_time()
        # With one shared httpx client, as the pipeline can pass one to every fetch; or a client each.
        with httpx.Client(timeout=settings.fetch_timeout_s) as http:
            for _ in range(rounds):
                result = fetch_bluesky(source, SourceState(), settings, client=http if shared else None)
                assert result.ok, result.error
                n += len(result.posts)
        # process_time includes the sample server's thread, which shares this process.
        _report("samples" + ("" if shared else "/new"), n, time.perf_counter() - t0, time.process_time() - c0)


def bench_network(bulk: int, settings: Settings) -> None:
    env = dict(os.environ)
    env.setdefault("DB_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    env.setdefault("REDIS_HOST", "127.0.0.1:6379")
    here = ROOT / "tests" / "bluesky"
    t_start = time.perf_counter()
    proc = subprocess.Popen(["node", "network.mjs", "--bulk", str(bulk)], cwd=here, env=env, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        line = proc.stdout.readline()
        if not line:
            raise SystemExit("network.mjs did not start (run `npm ci` in tests/bluesky?)")
        info = json.loads(line)
        print(f"network  started and seeded {bulk} posts in {time.perf_counter() - t_start:.1f} s")
        source = SourceConfig(name="bench", platform=Platform.BLUESKY, url=info["appview"], kind="author",
                              options={"actor": info["handles"]["bulk"], "limit": 100, "max_pages": 1000})
        t0, c0 = time.perf_counter(), time.process_time()
        result = fetch_bluesky(source, SourceState(), settings)
        assert result.ok, result.error
        _report("network", len(result.posts), time.perf_counter() - t0, time.process_time() - c0)
    finally:
        proc.stdin.close()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.terminate()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=300, help="sample fetches / parses (default 300)")
    parser.add_argument("--network", action="store_true", help="also measure against tests/bluesky/network.mjs")
    parser.add_argument("--bulk", type=int, default=1000, help="posts to seed for --network (default 1000)")
    args = parser.parse_args()
    print("command:", " ".join([Path(sys.executable).name, *sys.argv]))
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, bluesky_session_file=Path(tmp) / "session.txt")
        bench_parse(args.rounds)
        bench_samples(args.rounds, settings, shared=True)
        bench_samples(args.rounds, settings, shared=False)
        if args.network:
            bench_network(args.bulk, settings)


if __name__ == "__main__":
    main()
