"""Review-queue and digest query latency (p50/p95) at 100k and 1M posts, SQLite and PostgreSQL.

    python -m benchmarks.queries                      # 100k and 1M on both backends
    python -m benchmarks.queries --sizes 100000 --backends sqlite

Goal (issue 7): p95 < 50 ms at 1M posts. Databases are throwaway: data/bench-*.db and a
peerfeed_bench_* PostgreSQL database that is dropped afterwards.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text

from benchmarks.seed import TOPICS, seed
from store.db import make_engine, transaction
from store.queries import digest, queue_counts, review_queue

PG_ADMIN = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def timed(fn, repeat: int = 30) -> tuple[float, float]:
    fn()  # warm caches and plans
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def measure(url: str) -> dict[str, tuple[float, float]]:
    engine = make_engine(url)
    out = {}

    def q(fn):
        def run():
            with transaction(engine) as s:
                fn(s)
        return run

    out["review queue, first page"] = timed(q(lambda s: review_queue(s, limit=25)))
    out["review queue, page 20"] = timed(q(lambda s: review_queue(s, limit=25, offset=475)))
    out["queue counts"] = timed(q(queue_counts))
    out["digest, first page"] = timed(q(lambda s: digest(s, limit=20)))
    out["digest, page 50"] = timed(q(lambda s: digest(s, limit=20, offset=980)))
    out["digest, by topic"] = timed(q(lambda s: digest(s, limit=20, topic=TOPICS[3])))
    out["digest, by platform"] = timed(q(lambda s: digest(s, limit=20, platform="bluesky")))
    engine.dispose()
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000,1000000")
    ap.add_argument("--backends", default="sqlite,postgresql")
    args = ap.parse_args()
    print("command: python -m benchmarks.queries " + " ".join(sys.argv[1:]))
    Path("data").mkdir(exist_ok=True)
    for backend in args.backends.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            if backend == "sqlite":
                path = Path(f"data/bench-{size}.db")
                for suffix in ("", "-wal", "-shm"):
                    Path(str(path) + suffix).unlink(missing_ok=True)
                url, cleanup = f"sqlite:///{path}", lambda: None
            else:
                name = f"peerfeed_bench_{uuid.uuid4().hex[:8]}"
                admin = create_engine(PG_ADMIN, isolation_level="AUTOCOMMIT")
                with admin.connect() as c:
                    c.execute(text(f'CREATE DATABASE "{name}"'))
                url = PG_ADMIN.rsplit("/", 1)[0] + "/" + name

                def cleanup(name=name, admin=admin):
                    with admin.connect() as c:
                        c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            try:
                took = seed(url, size)
                print(f"\n{backend}, {size:,} posts (seeded in {took:.0f} s)")
                for name, (p50, p95) in measure(url).items():
                    flag = "ok" if p95 < 50 else "OVER 50 ms"
                    print(f"  {name:28s} p50 {p50:7.2f} ms   p95 {p95:7.2f} ms   {flag}")
            finally:
                cleanup()


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
