"""Mastodon collection speed: posts/s through the real Mastodon.py client and our parser.

A local server (in its own process, so its CPU is not counted against the collector) serves a
hashtag timeline of N statuses built from the bundled samples, paged 40 at a time with Link headers
the way Mastodon does. The collector walks it forward from an old cursor with `min_id`, as a
catch-up run does. Reported: wall-clock posts/s and posts per CPU-second of the collecting process
(the "per core" figure; goal in a later issue: >= 3,000 posts/s/core). A second line gives our
parser alone, to show where the time goes (mostly Mastodon.py turning JSON into its entity types).

Run: python -m benchmarks.collect_mastodon [--posts 4000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import copy
import json
import multiprocessing
import sys
import time

PAGE = 40
TAG = "benchmark"
FIRST_ID = 110_000_000_000_000_000


def build_pages(n_posts: int, base_url: str) -> dict[str, bytes]:
    """Response bodies keyed by the min_id that asks for them (newest first inside a page)."""
    from peerfeed.sample_server import SAMPLES_DIR

    templates = []
    for tag in ("peersupport", "careplanning"):
        path = SAMPLES_DIR / "mastodon" / "api" / "v1" / "timelines" / "tag" / f"{tag}.json"
        templates += json.loads(path.read_text(encoding="utf-8"))
    statuses = []
    for i in range(n_posts):
        status = copy.deepcopy(templates[i % len(templates)])
        sid = str(FIRST_ID + i + 1)
        inner = status["reblog"] or status
        inner_id = str(FIRST_ID + 10_000_000 + i)
        inner["uri"] = f"https://peers.example/users/u{i % 97}/statuses/{inner_id}"
        inner["url"] = f"https://peers.example/@u{i % 97}/{inner_id}"
        status["id"] = sid
        statuses.append(status)
    pages: dict[str, bytes] = {}
    cursor = str(FIRST_ID)
    for start in range(0, n_posts, PAGE):
        chunk = statuses[start:start + PAGE]
        pages[cursor] = json.dumps(list(reversed(chunk))).encode()
        cursor = chunk[-1]["id"]
    pages[cursor] = b"[]"
    return pages


def _serve(port_queue, n_posts: int) -> None:
    """A hashtag timeline of `n_posts`, paged by min_id with Mastodon's Link headers."""
    from benchmarks.local_server import serve

    path = f"/api/v1/timelines/tag/{TAG}"

    def build(base: str):
        pages = build_pages(n_posts, base)

        def respond(req_path, query, headers):
            if req_path != path:
                return 404, {"Content-Type": "application/json"}, b'{"error":"Record not found"}'
            body = pages.get(query.get("min_id"), b"[]")
            out = {"Content-Type": "application/json; charset=utf-8"}
            page = json.loads(body) if body != b"[]" else []
            if page:
                out["Link"] = (f'<{base}{path}?limit={PAGE}&max_id={page[-1]["id"]}>; rel="next", '
                               f'<{base}{path}?limit={PAGE}&min_id={page[0]["id"]}>; rel="prev"')
            return 200, out, body
        return respond

    serve(build, port_queue.put)


def mastodon_posts_per_s(n_posts: int = 4000, repeat: int = 3) -> dict[str, float]:
    """Collect `n_posts` from a local server `repeat` times; return the best wall and CPU rates."""
    from collectors.base import SourceState
    from collectors.mastodon import fetch_mastodon
    from peerfeed.records import Platform
    from peerfeed.settings import Settings
    from peerfeed.sources import SourceConfig

    ctx = multiprocessing.get_context("spawn")
    ports = ctx.Queue()
    server = ctx.Process(target=_serve, args=(ports, n_posts), daemon=True)
    server.start()
    try:
        url = f"http://127.0.0.1:{ports.get(timeout=180)}"  # a spawned interpreter: slow on a busy machine
        pages = n_posts // PAGE + 2
        source = SourceConfig(
            name="benchmark", platform=Platform.MASTODON, url=url, kind="hashtag",
            options={"tag": TAG, "limit": PAGE, "max_pages": pages, "ratelimit_reserve": 0},
        )
        settings = Settings(_env_file=None)
        best_wall = best_cpu = 0.0
        for _ in range(repeat):
            wall0, cpu0 = time.perf_counter(), time.process_time()
            result = fetch_mastodon(source, SourceState(cursor=str(FIRST_ID)), settings)
            wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
            if not result.ok or len(result.posts) != n_posts:
                raise RuntimeError(f"benchmark fetch went wrong: {result.error} ({len(result.posts)} posts)")
            best_wall = max(best_wall, n_posts / wall)
            best_cpu = max(best_cpu, n_posts / cpu)
        return {"posts": n_posts, "posts_per_s": best_wall, "posts_per_cpu_s": best_cpu}
    finally:
        server.terminate()
        server.join(5)


def parse_posts_per_s(n_posts: int = 4000, repeat: int = 3) -> float:
    """Our parser alone (JSON already decoded, no HTTP, no Mastodon.py entity casting)."""
    from collectors.mastodon_parse import parse_statuses

    pages = [json.loads(body) for body in build_pages(n_posts, "http://127.0.0.1").values()]
    best = 0.0
    for _ in range(repeat):
        t0 = time.process_time()
        count = sum(len(parse_statuses(page, "benchmark").posts) for page in pages)
        best = max(best, count / (time.process_time() - t0))
    return best


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=4000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    figures = mastodon_posts_per_s(args.posts, args.repeat)
    print(f"command: python -m benchmarks.collect_mastodon --posts {args.posts} --repeat {args.repeat}")
    print(f"mastodon: {figures['posts']} posts, best of {args.repeat}: "
          f"{figures['posts_per_s']:,.0f} posts/s wall, {figures['posts_per_cpu_s']:,.0f} posts/s per CPU-second "
          f"(collector process; server in another process)")
    print(f"mastodon parse only (no HTTP, no Mastodon.py casting): {parse_posts_per_s(args.posts, args.repeat):,.0f} posts/s")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
