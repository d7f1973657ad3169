"""Fixtures for the Mastodon collector tests (helpers live in mastodon_fakes.py)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from mastodon_fakes import TOKEN, FakeInstance
from sqlalchemy import create_engine, text

from peerfeed.settings import Settings
from tests.conftest import PG_ADMIN_URL, SHARED

TAKAHE = SHARED / "peers" / "takahe"
# Takahe's source and venv are installed here once (about 4 minutes) and reused: outside the repo.
TAKAHE_DIR = Path(os.environ.get("PEERFEED_TAKAHE_DIR", Path.home() / ".cache" / "peerfeed-takahe"))


@pytest.fixture
def settings() -> Settings:
    """Settings with a token (to prove it never leaks) and a short timeout."""
    return Settings(mastodon_access_token=TOKEN, fetch_timeout_s=2.0, _env_file=None)


@pytest.fixture
def fake_instance():
    """A Mastodon-shaped server on 127.0.0.1 for the faults the recordings lack."""
    instance = FakeInstance()
    instance.thread.start()
    yield instance
    instance.drop_streams()
    instance.httpd.shutdown()
    instance.httpd.server_close()


@dataclass
class Takahe:
    url: str
    tokens: dict  # name -> {id, token, acct}: amara, dev, jo, sian

    def client(self, who: str):
        from mastodon import Mastodon

        return Mastodon(api_base_url=self.url, access_token=self.tokens[who]["token"], version_check_mode="none")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def takahe():
    """Takahe, a real Mastodon-API server (../shared/peers/takahe), on a throwaway database.

    Installed into PEERFEED_TAKAHE_DIR the first time (idempotent), started per session (~30 s).
    """
    if not (TAKAHE / "start.sh").exists():
        pytest.skip("../shared/peers/takahe is not on this machine")
    name = f"takahe_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    db = PG_ADMIN_URL.replace("postgresql+psycopg://", "postgres://").rsplit("/", 1)[0] + "/" + name
    TAKAHE_DIR.mkdir(parents=True, exist_ok=True)
    try:
        started = subprocess.run(["bash", str(TAKAHE / "start.sh"), str(TAKAHE_DIR), str(_free_port()), db],
                                 capture_output=True, text=True, timeout=900)
        if started.returncode != 0:
            pytest.fail(f"Takahe did not start:\n{started.stdout[-2000:]}\n{started.stderr[-2000:]}")
        url = started.stdout.strip().splitlines()[-1]
        yield Takahe(url, json.loads((TAKAHE_DIR / "tokens.json").read_text()))
    finally:
        subprocess.run(["bash", str(TAKAHE / "stop.sh"), str(TAKAHE_DIR)], capture_output=True, timeout=60)
        with admin.connect() as conn:
            conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()
