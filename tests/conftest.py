"""Shared fixtures: a real database per test, on SQLite and on the real PostgreSQL; one HTTP server;
and a clean environment.

`engine` is parametrized over the backends in PEERFEED_TEST_BACKENDS (default "sqlite,postgresql").
PostgreSQL gets one throwaway database per test run (dropped at the end), truncated before each
test; SQLite gets a fresh file per test. Both are built by the real Alembic migrations.

Every test starts with no PEERFEED_* variable set and no `.env` file read (`clean_environment`), so
a developer's settings never leak in and no test depends on another's `monkeypatch.setenv`.
`fixture_server` is the session's one HTTP server on 127.0.0.1 (tests/http_fixture.py).

The suite runs on pytest-xdist workers (`-n auto --dist loadgroup` in pyproject.toml): one worker per
CPU, at most 4, or PYTEST_XDIST_AUTO_NUM_WORKERS of them; `-n0` runs in this one process. Each worker
has its own session fixtures (its own PostgreSQL database, HTTP server, Prefect server, all on free
ports). A peer that must be single (Takahe, whose install folder holds its pids and tokens; the Bluesky
dev-env network, started once) is used only by the worker given its xdist group (`_PEER_GROUPS`).
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from peerfeed.settings import Settings
from store.db import make_engine, upgrade
from store.models import Base
from tests.http_fixture import FixtureServer, reset, start_fixture_server

PG_ADMIN_URL = os.environ.get("PEERFEED_TEST_PG_ADMIN_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres")
BACKENDS = [b.strip() for b in os.environ.get("PEERFEED_TEST_BACKENDS", "sqlite,postgresql").split(",") if b.strip()]
REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


# Session fixtures for peers that there must be only one of per run: every test that uses one (directly
# or through another fixture) goes in that peer's xdist group, so one worker starts it and runs them all.
_PEER_GROUPS = {
    "takahe": lambda item: f"takahe-{item.path.parent.name}",  # tests/channels and tests/mastodon: one install folder each
    "bsky_network": lambda item: "bluesky-network",
}
MAX_AUTO_WORKERS = 4


def pytest_xdist_auto_num_workers(config):
    """`-n auto`: PYTEST_XDIST_AUTO_NUM_WORKERS if set, else the CPUs this process may use (at most
    MAX_AUTO_WORKERS). Not psutil's physical cores, which is 1 on a 2-vCPU machine."""
    env = os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS", "").strip()
    if env:
        return int(env)
    return max(1, min(MAX_AUTO_WORKERS, len(os.sched_getaffinity(0))))


def _uses_a_module_fixture(item) -> bool:
    info = getattr(item, "_fixtureinfo", None)
    return bool(info) and any(d.scope == "module" for defs in info.name2fixturedefs.values() for d in defs)


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook reads the groups into the test ids
def pytest_collection_modifyitems(config, items):
    for item in items:
        names = getattr(item, "fixturenames", ())
        group = next((g(item) for fixture, g in _PEER_GROUPS.items() if fixture in names), None)
        if group is None and _uses_a_module_fixture(item):
            # A module fixture (a trained model, a browser, a served site) is built once per worker
            # that runs one of its tests: keep such a module on one worker, so it is built once.
            group = f"module-{item.nodeid.split('::')[0]}"
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))


class _XdistGroupIds:
    """Put each test's xdist group into its id, as `--dist loadgroup` needs (`test@group`).

    pytest-xdist 3.8 does it by setting `item._nodeid`, which pytest 9.2 no longer reads (the id is
    `item._id`), so every group was spread over the workers: both started Takahe in one folder.
    Runs after xdist's own hook, and only adds what is missing."""

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, config, items):
        if not getattr(config.option, "loadgroup", False):
            return
        try:
            from _pytest.nodeid import coerce_node_id
        except ImportError:  # a pytest before 9.2 reads `item._nodeid`, which xdist sets itself
            coerce_node_id = None
        for item in items:
            names = sorted({str(m.args[0] if m.args else m.kwargs.get("name", "default"))
                            for m in item.iter_markers("xdist_group")})
            suffix = "@" + "_".join(names)
            if names and not item.nodeid.endswith(suffix):
                if coerce_node_id is not None:
                    item._id = coerce_node_id(item.nodeid + suffix)
                else:
                    item._nodeid = item.nodeid + suffix


def pytest_configure(config):
    config.pluginmanager.register(_XdistGroupIds(), "peerfeed-xdist-group-ids")


# Read once, before any test runs: which backends to test, and the PostgreSQL to test them on.
_KEEP = {"PEERFEED_TEST_BACKENDS", "PEERFEED_TEST_PG_ADMIN_URL", "PEERFEED_SCREENSHOTS_DIR"}  # the last: where browser tests save screenshots


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    """No PEERFEED_* variable (but the test harness's own) and no .env file in any test."""
    for name in list(os.environ):
        if name.startswith("PEERFEED_") and name not in _KEEP:
            monkeypatch.delenv(name)
    monkeypatch.setitem(Settings.model_config, "env_file", None)


@pytest.fixture(autouse=True)
def keep_main_module():
    """Put back the `__main__` module a test replaced. Streamlit's AppTest leaves the page script as
    `__main__`, and every process started later with "spawn" (the benchmarks' servers, Dask's
    nannies) then runs that page on start-up and dies."""
    main = sys.modules.get("__main__")
    yield
    if main is not None and sys.modules.get("__main__") is not main:
        sys.modules["__main__"] = main


@pytest.fixture(scope="session")
def _fixture_httpd():
    server, stop = start_fixture_server()
    yield server
    stop()


@pytest.fixture
def fixture_server(_fixture_httpd) -> FixtureServer:
    """The session's HTTP server on 127.0.0.1, with no routes and an empty request log."""
    reset(_fixture_httpd)
    yield _fixture_httpd
    reset(_fixture_httpd)


@pytest.fixture(scope="session")
def pg_database_url():
    """A throwaway PostgreSQL database for this test run, migrated once."""
    name = f"peerfeed_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # noqa: BLE001 - turned into a clear failure below
        pytest.fail(f"PostgreSQL at {PG_ADMIN_URL} is not usable ({exc}); start it "
                    "(see .ci/run) or set PEERFEED_TEST_BACKENDS=sqlite", pytrace=False)
    url = PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    eng = make_engine(url)
    upgrade(eng)
    eng.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'"))
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def _truncate_all(engine) -> None:
    tables = ", ".join(f'"{t.name}"' for t in Base.metadata.sorted_tables)
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=BACKENDS)
def database_url(request):
    """A migrated, empty database URL on each backend."""
    if request.param == "sqlite":
        return request.getfixturevalue("sqlite_url")
    url = request.getfixturevalue("pg_database_url")
    eng = make_engine(url)
    _truncate_all(eng)
    eng.dispose()
    return url


@pytest.fixture
def engine(database_url):
    eng = make_engine(database_url)
    yield eng
    eng.dispose()


MODERATORS = ("mod.alex", "mod.bea")


def add_users(engine, names=MODERATORS, role: str = "moderator") -> None:
    """Accounts for the people a test acts as: every moderator action checks the actor's role in
    the store when they act (store/review.py: require_moderator)."""
    from store.db import transaction
    from store.users import create_user, get_user

    with transaction(engine) as s:
        for name in names:
            if get_user(s, name) is None:
                create_user(s, name, role)


@pytest.fixture
def moderators(engine):
    """mod.alex and mod.bea, moderators in the test's database."""
    add_users(engine)
    return MODERATORS


@pytest.fixture
def sqlite_url(tmp_path):
    """A migrated, empty SQLite file (the embedded default), as a URL."""
    url = f"sqlite:///{tmp_path / 'peerfeed.db'}"
    eng = make_engine(url)
    upgrade(eng)
    eng.dispose()
    return url


@pytest.fixture
def sqlite_engine(sqlite_url):
    """SQLite only, for tests about the embedded default itself."""
    eng = make_engine(sqlite_url)
    yield eng
    eng.dispose()


@pytest.fixture
def store_settings(settings, sqlite_url):
    """The test folder's own `settings` fixture, storing into a migrated SQLite file."""
    return settings.model_copy(update={"database_url": sqlite_url})
