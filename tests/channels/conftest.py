"""Fixtures for the channels' tests (the Bluesky feed, the fediverse account, the weekly email).

`takahe` starts a real Mastodon-API server (Takahe, ../shared/peers/takahe) once per session on a
database of its own, installing it the first time into PEERFEED_TEST_TAKAHE_DIR (default
~/.cache/peerfeed/takahe, outside the repository; about 3 minutes, then reused). Without the
snapshot the Takahe tests are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import create_engine, text

from pipelines.web import free_port
from tests.conftest import PG_ADMIN_URL, SHARED

TAKAHE = SHARED / "peers" / "takahe"
START_TIMEOUT_S = 900  # the first install downloads nothing but builds a venv: about 3 minutes


@pytest.fixture
def community(engine, moderators):
    """The test's engine, with moderators mod.alex and mod.bea."""
    return engine


@dataclass
class Takahe:
    url: str
    tokens: dict  # name -> {id, token, acct}: amara, dev, jo, sian

    def client(self, name: str) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30,
                            headers={"Authorization": f"Bearer {self.tokens[name]['token']}"})


def _admin():
    return create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")


@pytest.fixture(scope="session")
def takahe():
    """Takahe on 127.0.0.1 with four accounts (amara, dev, jo, sian) and their tokens."""
    if not (TAKAHE / "start.sh").is_file():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Takahe snapshot missing at {TAKAHE}")
        pytest.skip(f"Takahe snapshot not available at {TAKAHE}")
    workdir = Path(os.environ.get("PEERFEED_TEST_TAKAHE_DIR", Path.home() / ".cache" / "peerfeed" / "takahe"))
    workdir.mkdir(parents=True, exist_ok=True)
    database = f"peerfeed_takahe_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = _admin()
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{database}"'))
    pg = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgres://").rsplit("/", 1)[0] + "/" + database
    port = free_port()
    try:
        started = subprocess.run(["bash", str(TAKAHE / "start.sh"), str(workdir), str(port), pg],
                                 capture_output=True, text=True, timeout=START_TIMEOUT_S)
        if started.returncode != 0:
            pytest.fail(f"Takahe did not start: {started.stdout[-2000:]}{started.stderr[-2000:]}")
        yield Takahe(started.stdout.strip().splitlines()[-1], json.loads((workdir / "tokens.json").read_text()))
    finally:
        subprocess.run(["bash", str(TAKAHE / "stop.sh"), str(workdir)], capture_output=True, timeout=60)
        with admin.connect() as conn:
            conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}'"))
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}"'))
        admin.dispose()


def poll(check, timeout_s: float = 30, every_s: float = 0.25):
    """Call `check` until it returns something truthy (Takahe's worker delivers to timelines a moment
    after a write); return that, or fail with the last value."""
    deadline = time.monotonic() + timeout_s
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            assert value, f"still {value!r} after {timeout_s} s"
            return value
        time.sleep(every_s)
