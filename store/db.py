"""Engines, sessions and schema upgrades.

Only `peerfeed db upgrade` (`upgrade`) changes an existing schema. Every other entry point calls
`ensure_schema`: a brand-new, empty database is created at the current revision (there is nothing
in it to migrate or lose), and a database at any other revision is refused with `SchemaNotCurrent`,
whose one-line message says what to run.

A migration runs in one transaction that holds a lock: `BEGIN IMMEDIATE` on SQLite (whose driver
would otherwise commit each DDL statement on its own), an advisory lock on PostgreSQL. So a process
killed half-way leaves the schema as it was, and two processes never migrate at once: the second
waits, then finds nothing left to do.
"""

from __future__ import annotations

import functools
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from store import publication

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
# How long a SQLite connection waits for another writer (a concurrent collect, the dashboard).
SQLITE_BUSY_TIMEOUT_S = 30
# How long a migration waits for another process's migration (or a long write) to finish.
MIGRATION_LOCK_WAIT_S = 600
# pg_advisory_xact_lock key shared by every peerfeed process migrating one PostgreSQL database.
PG_MIGRATION_LOCK_KEY = 0x70656572  # "peer"


class SchemaNotCurrent(RuntimeError):
    """The database's schema is not the revision this peerfeed needs; the message says what to do."""


WROTE = "peerfeed.wrote"  # set on a connection's info by any INSERT, UPDATE or DELETE


def _note_writes(conn, clauseelement, multiparams, params, execution_options) -> None:
    if getattr(clauseelement, "is_dml", False):
        conn.info[WROTE] = True


def make_engine(database_url: str, **kwargs) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout, and its folder is made.

    Every engine notes on its connections when a statement writes, so `transaction` settles the
    publication gate only for transactions that changed something. Statement parameters are left
    out of database errors (`hide_parameters`): they hold post text, and errors reach logs.
    """
    kwargs.setdefault("hide_parameters", True)
    engine = _make_engine(database_url, **kwargs)
    event.listen(engine, "before_execute", _note_writes)
    return engine


def _make_engine(database_url: str, **kwargs) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs.setdefault("connect_args", {"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False})
        engine = create_engine(url, **kwargs)
        busy_ms = int(kwargs["connect_args"].get("timeout", SQLITE_BUSY_TIMEOUT_S) * 1000)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - exercised by every test
            cur = dbapi_conn.cursor()
            # Wait for other writers first: switching a new file to WAL needs a lock of its own.
            cur.execute(f"PRAGMA busy_timeout={busy_ms}")
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    if url.get_backend_name() == "postgresql" and url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    kwargs.setdefault("pool_pre_ping", True)
    return create_engine(url, **kwargs)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """One explicit transaction: commit on success, roll back on any error.

    A transaction that wrote anything settles the publication gate before it commits: any copy of
    a post in a published file that the change left uncleared (hidden, edited, deleted, re-held...)
    is taken out of that file right after the commit (store/publication.py).
    """
    withdraw: list = []
    with Session(engine, expire_on_commit=False) as session:
        with session.begin():
            session.connection().info.pop(WROTE, None)
            yield session
            if session.connection().info.pop(WROTE, False):
                withdraw = publication.settle(session)
    if withdraw:
        publication.withdraw_files(engine, withdraw)


def alembic_config(engine: Engine | None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` with Alembic (the only way tables are made).

    Atomic and serialized (see the module docstring); an unknown revision raises
    `alembic.util.CommandError`.
    """
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection in one transaction that holds the migration lock; committed whole or not at all.

    pysqlite commits before (or runs outside a transaction) every DDL statement unless it is told
    to leave transactions alone, so SQLite gets its own short-lived engine that sends `BEGIN
    IMMEDIATE` itself: the write lock is taken at the start, and a second migrator waits for it.
    """
    url = engine.url
    if engine.dialect.name != "sqlite" or url.database in (None, "", ":memory:"):
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PG_MIGRATION_LOCK_KEY})
            yield conn
        return
    migrating = create_engine(url, poolclass=NullPool,
                              connect_args={"timeout": MIGRATION_LOCK_WAIT_S, "check_same_thread": False})

    @event.listens_for(migrating, "connect")
    def _manual_transactions(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # the driver sends no BEGIN and no COMMIT of its own
        cur = dbapi_conn.cursor()
        cur.execute(f"PRAGMA busy_timeout={MIGRATION_LOCK_WAIT_S * 1000}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(migrating, "begin")
    def _begin_immediate(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    try:
        with migrating.begin() as conn:
            yield conn
    finally:
        migrating.dispose()


@functools.lru_cache(maxsize=1)
def head_revision() -> str:
    """The newest revision the migrations in this package know."""
    from alembic.script import ScriptDirectory

    cfg = alembic_config(None)
    head = ScriptDirectory.from_config(cfg).get_current_head()
    if head is None:  # the package's migrations are missing (a broken install)
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


def known_revisions() -> list[str]:
    """Every revision id the migrations know, oldest first."""
    from alembic.script import ScriptDirectory

    return [r.revision for r in reversed(list(ScriptDirectory.from_config(alembic_config(None)).walk_revisions()))]


def _revision_and_tables(engine: Engine) -> tuple[str | None, set[str]]:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision(), set(inspect(conn).get_table_names())


def ensure_schema(engine: Engine) -> None:
    """Make sure the schema is the current one: create it in an empty database, else refuse.

    Raises `SchemaNotCurrent` (one line: what the database is at, what to run) for a database at an
    older or unknown revision; only `peerfeed db upgrade` migrates one.
    """
    from store.models import Base

    current, tables = _revision_and_tables(engine)
    head = head_revision()
    if current == head:
        return
    if current is None:
        ours = tables & set(Base.metadata.tables)
        if not ours:
            upgrade(engine)  # a new database: created at head, under the same lock as any migration
            return
        raise SchemaNotCurrent(
            f"the database at {safe_url(engine.url)} has peerfeed tables but no schema revision; "
            "it was not made by `peerfeed db upgrade`: restore it from a backup or start a new one")
    if current not in known_revisions():
        raise SchemaNotCurrent(
            f"the database schema is at revision {current}, newer than this peerfeed knows ({head}): "
            "install the peerfeed version that made it")
    raise SchemaNotCurrent(
        f"the database schema is at revision {current} and this peerfeed needs {head}: "
        "back up the database, then run `peerfeed db upgrade`")


def safe_url(url) -> str:
    """A database URL fit for a message or a log line: the password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # noqa: BLE001 - an unparseable URL is shown as a placeholder, never raw
        return "<unparseable database URL>"


# Schema objects the migrations make that the ORM models do not describe: the search index
# (migration 0002: FTS5 table and its shadow tables on SQLite, a generated tsvector column and its
# GIN index on PostgreSQL; read only by store/search.py), and the queue's expression index, which
# is in the models but which Alembic cannot compare (it reflects "priority DESC" as text).
OUTSIDE_AUTOGENERATE = {"posts_fts", "posts_fts_data", "posts_fts_idx", "posts_fts_docsize", "posts_fts_config",
                        "search_vector", "ix_posts_search_vector", "ix_review_queue_open"}


def include_in_autogenerate(obj, name, type_, reflected, compare_to) -> bool:
    """Alembic's `include_object` hook: compare everything but `OUTSIDE_AUTOGENERATE`, so
    `alembic revision --autogenerate` (and tests/store/test_schema.py) see only real drift."""
    return name not in OUTSIDE_AUTOGENERATE


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
