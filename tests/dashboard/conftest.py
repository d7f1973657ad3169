"""Dashboard fixtures: a seeded SQLite database the app finds through PEERFEED_DATABASE_URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.accounts import add_user
from store.db import make_engine, upgrade
from tests.dashboard.seed import seed

APP = str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py")
PASSWORD = "a long test passphrase"
USERS = {"mod.alex": "moderator", "mod.bea": "moderator", "staff.chris": "staff", "admin.dee": "admin",
         "reader.eli": "reader"}


@pytest.fixture
def dash(tmp_path, monkeypatch):
    """(engine, post ids by key) for a seeded database the app under test reads."""
    url = f"sqlite:///{tmp_path / 'peerfeed.db'}"
    monkeypatch.chdir(tmp_path)  # no stray .env; the sources file and site dir live here
    monkeypatch.setenv("PEERFEED_DATABASE_URL", url)
    monkeypatch.setenv("PEERFEED_SOURCES_FILE", str(tmp_path / "sources.yaml"))
    monkeypatch.setenv("PEERFEED_SITE_DIR", str(tmp_path / "site"))
    monkeypatch.delenv("PEERFEED_DIGEST_REQUIRES_SIGN_IN", raising=False)
    engine = make_engine(url)
    upgrade(engine)
    ids = seed(engine)
    for name, role in USERS.items():
        add_user(engine, name, role, PASSWORD)
    yield engine, ids
    engine.dispose()
