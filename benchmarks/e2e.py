"""End to end per platform, against the ceilings of each stage alone, in posts per CPU-second.

    python -m benchmarks.e2e                                   # rss, mastodon, bluesky
    python -m benchmarks.e2e --platform mastodon --posts 4000

End to end is local server -> fetch -> parse -> sanitize -> dedupe -> store (pipelines.collecting.
collect_all), then classify -> store (pipelines.classifying.classify_pending with the shipped model),
into a fresh SQLite file, run 1 + `--repeat` times: the first run pays the process's one-time costs
(importing the client libraries, building the atproto SDK's models) and is printed on its own; the
best of the others is the figure, as a long-running worker would see it (best of, like each stage
ceiling, so a busy neighbour on a shared machine does not count against the pipeline). Servers run in a child process, so the CPU time counted
(time.process_time of this process) is peerfeed's alone: that is the posts/s/core figure.

In the same run each stage is timed alone on the same posts: parse (the platform's payloads, already
in memory, into `Post`s), classify (model.classify on the same texts, 1,000 a batch) and store
(upsert_posts and record_classifications into another fresh SQLite file, each also
shown alone). The ratio of end to end
to each ceiling, and to the ideal pipeline that pays for each stage once and nothing else
(1 / sum of 1/ceiling), shows how much goes to glue. Goals: issue 7's RSS >= 1,000 posts/s/core, Mastodon and
Bluesky >= 3,000; issue 15's end to end >= 80% of the ideal pipeline on every platform (which
replaces "50% of each stage ceiling", which no sequence of stages can meet).
"""

from __future__ import annotations

import argparse
import copy
import json
import multiprocessing
import shlex
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

GOALS = {"rss": 1000, "mastodon": 3000, "bluesky": 3000}
BSKY_PAGE = 100
BSKY_ACTOR = "bench.peerhub.example"


# --- Servers (child processes) ------------------------------------------------------------------

def _bluesky_items(n: int) -> list[dict]:
    """`n` author-feed items, newest first, each a copy of a bundled sample with its own URI."""
    from peerfeed.sample_server import SAMPLES_DIR

    templates = json.loads((SAMPLES_DIR / "bluesky/xrpc/app.bsky.feed.getAuthorFeed.json").read_text())["feed"]
    templates = [t for t in templates if "reason" not in t] or templates
    items = []
    for i in range(n):
        item = copy.deepcopy(templates[i % len(templates)])
        post = item["post"]
        did = post["author"]["did"]
        post["uri"] = f"at://{did}/app.bsky.feed.post/3bench{n - i:08d}"
        post["cid"] = f"bafyreibench{n - i:08d}"
        stamp = f"2026-11-20T{(n - i) // 3600 % 24:02d}:{(n - i) // 60 % 60:02d}:{(n - i) % 60:02d}.000Z"
        post["record"]["createdAt"] = post["indexedAt"] = stamp
        item.pop("reply", None)
        post["record"].pop("reply", None)
        items.append(item)
    return items


def _serve_bluesky(port_queue, n: int) -> None:
    from benchmarks.local_server import serve

    items = _bluesky_items(n)
    pages = {}
    for start in range(0, n, BSKY_PAGE):
        nxt = str(start + BSKY_PAGE) if start + BSKY_PAGE < n else None
        body = {"feed": items[start:start + BSKY_PAGE]}
        if nxt:
            body["cursor"] = nxt
        pages[str(start)] = json.dumps(body).encode()

    def respond(path, query, headers):
        cursor = query.get("cursor", "0")
        ok = path == "/xrpc/app.bsky.feed.getAuthorFeed" and cursor in pages
        body = pages[cursor] if ok else b'{"error":"InvalidRequest","message":"no such page"}'
        return (200 if ok else 400), {"Content-Type": "application/json; charset=utf-8"}, body

    serve(lambda base: respond, port_queue.put)


def _serve_rss(port_queue, feeds: int, items: int) -> None:
    from benchmarks.collect import _serve_feeds

    class Port:
        value = 0

    class Ready:
        def set(self):
            port_queue.put(Port.value)

    _serve_feeds(feeds, items, Ready(), Port)


def _serve_mastodon(port_queue, n: int) -> None:
    from benchmarks.collect_mastodon import _serve

    _serve(port_queue, n)


# --- One platform ---------------------------------------------------------------------------------

@dataclass
class Run:
    platform: str
    posts: int = 0
    e2e_cpu: float = 0.0
    e2e_wall: float = 0.0
    collect_cpu: float = 0.0
    classify_cpu: float = 0.0
    warmup_cpu: float = 0.0  # the first end-to-end run, one-time costs included
    ceilings: dict[str, float] = field(default_factory=dict)  # stage -> posts per CPU-second
    notes: list[str] = field(default_factory=list)


def _fresh_engine(tmp: str, name: str):
    from store.db import make_engine, upgrade

    engine = make_engine(f"sqlite:///{tmp}/{name}.db")
    upgrade(engine)
    return engine


def _best_cpu(fn, repeat: int) -> float:
    """Fewest CPU seconds of `repeat` runs of fn (after one warm-up run)."""
    from benchmarks.collect import best_of

    return best_of(fn, repeat, clock=time.process_time)


def _configs(platform: str, base: str, args) -> list:
    from peerfeed.records import Platform
    from peerfeed.sources import SourceConfig

    if platform == "rss":
        return [SourceConfig(f"bench feed {n}", Platform.RSS, f"{base}/feed/{n}.xml") for n in range(args.feeds)]
    if platform == "mastodon":
        from benchmarks.collect_mastodon import PAGE, TAG

        return [SourceConfig(name="bench tag", platform=Platform.MASTODON, url=base, kind="hashtag",
                             options={"tag": TAG, "limit": PAGE, "max_pages": args.posts // PAGE + 2,
                                      "ratelimit_reserve": 0})]
    return [SourceConfig(name="bench author", platform=Platform.BLUESKY, url=base, kind="author",
                         options={"actor": BSKY_ACTOR, "limit": BSKY_PAGE, "max_pages": 100})]


def _payloads(platform: str, base: str, args) -> list[bytes]:
    """The raw bodies the collector fetched, for the parse-only ceiling (fetched outside any timing)."""
    import httpx

    if platform == "rss":
        return [httpx.get(f"{base}/feed/{n}.xml").content for n in range(args.feeds)]
    if platform == "mastodon":
        from benchmarks.collect_mastodon import build_pages

        return list(build_pages(args.posts, base).values())
    out, cursor = [], "0"
    while cursor:
        body = httpx.get(f"{base}/xrpc/app.bsky.feed.getAuthorFeed", params={"actor": BSKY_ACTOR, "cursor": cursor}).content
        out.append(body)
        cursor = json.loads(body).get("cursor")
    return out


def _parser(platform: str, base: str):
    """payload bytes -> list of Post, the way the platform's collector parses them."""
    if platform == "rss":
        from collectors.rss import parse_feed

        return lambda body: parse_feed(body, "bench", f"{base}/feed/")
    if platform == "mastodon":
        from collectors.mastodon_parse import parse_statuses

        return lambda body: parse_statuses(json.loads(body), "bench").posts
    from atproto_client import models
    from atproto_client.models.utils import get_or_create

    from collectors.bluesky_parse import posts_from_items

    def parse(body):
        res = get_or_create(json.loads(body), models.AppBskyFeedGetAuthorFeed.Response)
        return posts_from_items(res.feed, "bench")[0]
    return parse


def bench_platform(platform: str, model, args) -> Run:
    from sqlalchemy import func, select, update

    from peerfeed.settings import Settings
    from pipelines.classifying import classify_pending
    from pipelines.collecting import collect_all, prepare_sources
    from store.classification import record_classifications
    from store.db import transaction
    from store.models import Post as PostRow, Source
    from store.posts import upsert_posts

    ctx = multiprocessing.get_context("spawn")
    ports = ctx.Queue()
    target, extra = {"rss": (_serve_rss, (args.feeds, args.items)), "mastodon": (_serve_mastodon, (args.posts,)),
                     "bluesky": (_serve_bluesky, (args.posts,))}[platform]
    server = ctx.Process(target=target, args=(ports, *extra), daemon=True)
    server.start()
    run = Run(platform)
    try:
        base = f"http://127.0.0.1:{ports.get(timeout=120)}"
        configs = _configs(platform, base, args)
        with tempfile.TemporaryDirectory() as tmp:
            # End to end, twice into fresh files: the first run pays the process's one-time costs
            # (importing the platform's client library and building its models: about 1.5 CPU-s
            # for the atproto SDK; SQLAlchemy's statement caches), which a worker pays once, not
            # per post. It is reported on its own; the second run is the figure.
            best = None
            for attempt in ["warm-up"] + [f"e2e{i}" for i in range(args.repeat)]:
                settings = Settings(_env_file=None, database_url=f"sqlite:///{tmp}/{attempt}.db")
                engine = _fresh_engine(tmp, attempt)
                prepare_sources(engine, configs)
                if platform == "mastodon":  # a catch-up run from an old cursor, as collect_mastodon does
                    from benchmarks.collect_mastodon import FIRST_ID

                    with transaction(engine) as s:
                        s.execute(update(Source).values(cursor=str(FIRST_ID)))
                wall, cpu = time.perf_counter(), time.process_time()
                reports = collect_all(engine, settings)
                collect_cpu = time.process_time() - cpu
                cls = classify_pending(engine, model)
                e2e_cpu, e2e_wall = time.process_time() - cpu, time.perf_counter() - wall
                if attempt == "warm-up":
                    run.warmup_cpu = e2e_cpu
                elif best is None or e2e_cpu < best[0]:
                    # Best of `repeat`, as each stage ceiling is: on a shared machine the slowest runs
                    # measure the neighbours, not the pipeline.
                    best = (e2e_cpu, e2e_wall, collect_cpu)
                if attempt != f"e2e{args.repeat - 1}":
                    engine.dispose()
            run.e2e_cpu, run.e2e_wall, run.collect_cpu = best
            run.classify_cpu = run.e2e_cpu - run.collect_cpu
            failed = [r for r in reports if r.error_kind]
            if failed:
                raise RuntimeError(f"{platform}: {len(failed)} sources failed, e.g. {failed[0].error}")
            with transaction(engine) as s:
                run.posts = s.scalar(select(func.count(PostRow.id)))
            if cls.classified + cls.failed != run.posts:
                raise RuntimeError(f"{platform}: classified {cls.classified} of {run.posts} posts")
            engine.dispose()

            # Each stage alone, on the same posts.
            payloads = _payloads(platform, base, args)
            parse = _parser(platform, base)
            posts = [p for body in payloads for p in parse(body)]
            if len(posts) != run.posts:
                run.notes.append(f"parse-only saw {len(posts)} posts, end to end stored {run.posts}")
            n = len(posts)
            run.ceilings["parse"] = n / _best_cpu(lambda: [parse(b) for b in payloads], args.repeat)
            texts = ["\n\n".join(x for x in (p.content_warning, p.title, p.content_text) if x) for p in posts]

            def classify_all():
                return [r for i in range(0, n, 1000) for r in model.classify(texts[i:i + 1000])]
            results = classify_all()
            run.ceilings["classify"] = n / _best_cpu(classify_all, args.repeat)

            counter = iter(range(1000))

            def store_all() -> tuple[float, float]:
                """CPU seconds to store the posts, then their classifications, into a fresh file."""
                eng = _fresh_engine(tmp, f"store{next(counter)}")
                c = time.process_time()
                with transaction(eng) as s:
                    for i in range(0, n, 1000):
                        upsert_posts(s, posts[i:i + 1000])
                    ids = list(s.scalars(select(PostRow.id).order_by(PostRow.id)))
                c2 = time.process_time()
                with transaction(eng) as s:
                    record_classifications(s, list(zip(ids, results)))
                c3 = time.process_time()
                eng.dispose()
                return c2 - c, c3 - c2
            store_all()  # warm-up
            runs = [store_all() for _ in range(args.repeat)]
            run.ceilings["store"] = n / min(a + b for a, b in runs)
            run.notes.append(f"store = posts (upsert_posts) {n / min(a for a, _ in runs):,.0f} posts/s/core + "
                             f"review (record_classifications) {n / min(b for _, b in runs):,.0f} posts/s/core")
    finally:
        server.terminate()
        server.join(5)
    return run


def report(run: Run) -> list[str]:
    e2e = run.posts / run.e2e_cpu
    goal = GOALS[run.platform]
    ideal = 1 / sum(1 / c for c in run.ceilings.values())
    lines = [
        f"{run.platform}: {run.posts:,} posts end to end in {run.e2e_cpu:.2f} CPU-s ({run.e2e_wall:.2f} s wall): "
        f"{e2e:,.0f} posts/s/core (goal >= {goal:,}: {'met' if e2e >= goal else 'NOT met'})",
        f"  of which collect (fetch, parse, sanitize, dedupe, store) {run.posts / run.collect_cpu:,.0f} posts/s/core, "
        f"classify + store {run.posts / run.classify_cpu:,.0f} posts/s/core",
        f"  first run in this process (one-time imports and caches included): {run.warmup_cpu:.2f} CPU-s, "
        f"{run.posts / run.warmup_cpu:,.0f} posts/s/core",
    ]
    for stage, ceiling in run.ceilings.items():
        ratio = e2e / ceiling
        lines.append(f"  ceiling {stage:9s} {ceiling:10,.0f} posts/s/core   end to end / ceiling {ratio:6.1%}"
                     f"  ({'>= 50%' if ratio >= 0.5 else 'below 50%'})")
    lines.append(f"  ideal pipeline (each stage once, no glue) {ideal:10,.0f} posts/s/core   end to end / ideal {e2e / ideal:6.1%}"
                 f"  (goal >= 80%: {'met' if e2e / ideal >= 0.8 else 'NOT met'})")
    lines += [f"  note: {n}" for n in run.notes]
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--platform", choices=sorted(GOALS), action="append", help="repeatable; default: all")
    ap.add_argument("--posts", type=int, default=4000, help="Mastodon and Bluesky: posts to collect")
    ap.add_argument("--feeds", type=int, default=40, help="RSS: local feeds")
    ap.add_argument("--items", type=int, default=50, help="RSS: posts per feed")
    ap.add_argument("--repeat", type=int, default=3, help="runs per stage ceiling (the fastest counts)")
    args = ap.parse_args(argv)
    try:
        from classifier import load_model
    except ImportError:
        print("the classifier is not on this branch yet (git merge main): nothing measured", file=sys.stderr)
        return 2
    model = load_model()
    print("command:", shlex.join([Path(sys.executable).name, "-m", "benchmarks.e2e",
                                   *(argv if argv is not None else sys.argv[1:])]))
    for platform in args.platform or ["rss", "mastodon", "bluesky"]:
        for line in report(bench_platform(platform, model, args)):
            print(line)
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
