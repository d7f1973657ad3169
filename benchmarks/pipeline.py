"""What Prefect costs on a real collect: 50 blogs x 50 posts served on 127.0.0.1.

The same collect runs twice into fresh databases: once as plain `collect_one` calls on a thread pool
(the work itself), once as the Prefect `collect` flow with the same concurrency. The difference is
orchestration; its share of the flow's wall time is the figure to watch (goal: under 20%).
Prefect's temporary local server start is measured apart (a warm-up flow run), since a deployment
or `prefect server` pays it once, not per run.

    .venv/bin/python benchmarks/pipeline.py [--sources 50] [--posts 50] [--concurrency 4] [--postgres URL]
                                            [--latency-ms 0]

Served on 127.0.0.1 a fetch costs nothing, so all the work is CPU and Prefect competes with it for
the same cores; `--latency-ms` makes each response wait as a real blog's server would.
"""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import create_engine, func, select, text  # noqa: E402

from peerfeed.settings import Settings  # noqa: E402
from pipelines.collecting import collect_one, prepare_sources  # noqa: E402
from store.db import make_engine, upgrade  # noqa: E402
from store.models import Post  # noqa: E402
from tests.pipelines.feeds import FeedServer, feed_sources, write_feeds  # noqa: E402


def fresh_database(workdir: Path, label: str, pg_admin: str | None) -> str:
    if pg_admin:
        name = f"peerfeed_bench_{label}_{uuid.uuid4().hex[:6]}"
        admin = create_engine(pg_admin, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = pg_admin.rsplit("/", 1)[0] + "/" + name
    else:
        url = f"sqlite:///{workdir / f'{label}.db'}"
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    return url


def drop_database(url: str, pg_admin: str | None) -> None:
    if pg_admin:
        name = url.rsplit("/", 1)[1]
        admin = create_engine(pg_admin, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def count_posts(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        n = conn.execute(select(func.count()).select_from(Post)).scalar_one()
    engine.dispose()
    return n


def plain_collect(url: str, configs, concurrency: int) -> float:
    engine = make_engine(url)
    settings = Settings(_env_file=None, database_url=url)
    ids = prepare_sources(engine, configs)
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        reports = list(pool.map(lambda sid: collect_one(engine, settings, sid), ids))
    elapsed = time.perf_counter() - start
    engine.dispose()
    assert not [r for r in reports if r.error], [r.error for r in reports if r.error]
    return elapsed


def flow_collect(url: str, configs, concurrency: int) -> float:
    from pipelines.flows import collect_flow

    engine = make_engine(url)
    prepare_sources(engine, configs)
    engine.dispose()
    start = time.perf_counter()
    reports = collect_flow(database_url=url, concurrency=concurrency, sync_sources_file=False)
    elapsed = time.perf_counter() - start
    assert not [r for r in reports if r.error], [r.error for r in reports if r.error]
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--posts", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--latency-ms", type=float, default=0.0, help="delay before each feed response")
    parser.add_argument("--postgres", metavar="ADMIN_URL", default=None,
                        help="e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres (default: SQLite files)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        names = write_feeds(workdir / "served", args.sources, args.posts)
        server = FeedServer(workdir / "served", args.latency_ms / 1000)
        try:
            configs = feed_sources(server.url, names)
            from pipelines.flows import collect_flow

            warm_url = fresh_database(workdir, "warmup", args.postgres)
            start = time.perf_counter()
            collect_flow(database_url=warm_url, sync_sources_file=False)  # no sources: server start only
            server_start = time.perf_counter() - start
            start = time.perf_counter()
            collect_flow(database_url=warm_url, sync_sources_file=False)  # no sources: a flow run's fixed cost
            fixed = time.perf_counter() - start
            drop_database(warm_url, args.postgres)

            plain_url = fresh_database(workdir, "plain", args.postgres)
            plain = plain_collect(plain_url, configs, args.concurrency)
            flow_url = fresh_database(workdir, "flow", args.postgres)
            flowed = flow_collect(flow_url, configs, args.concurrency)
            posts = count_posts(flow_url)
            assert posts == count_posts(plain_url) == args.sources * args.posts
            drop_database(plain_url, args.postgres)
            drop_database(flow_url, args.postgres)
        finally:
            server.close()

    overhead = max(flowed - plain, 0.0)
    backend = "PostgreSQL" if args.postgres else "SQLite"
    print(f"command: {' '.join(shlex.quote(a) for a in [sys.executable, *sys.argv])}")
    print(f"collect of {args.sources} sources x {args.posts} posts = {posts} posts, concurrency {args.concurrency}, "
          f"{backend}, feed latency {args.latency_ms:.0f} ms")
    print(f"temporary Prefect server start (first flow run in a process): {server_start:.1f} s")
    print(f"plain functions on a thread pool: {plain:.2f} s, {posts / plain:.0f} posts/s")
    print(f"Prefect collect flow:             {flowed:.2f} s, {posts / flowed:.0f} posts/s")
    print(f"orchestration: {overhead:.2f} s = {100 * overhead / flowed:.1f}% of the flow's wall time (goal < 20%)")
    print(f"  of which a flow run's fixed cost (an empty collect flow): {fixed:.2f} s; the rest, "
          f"{1000 * max(overhead - fixed, 0) / args.sources:.0f} ms per source task")


if __name__ == "__main__":
    main()
