"""Engines, sessions and schema upgrades."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import Session, sessionmaker

from store import publication

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


WROTE = "peerfeed.wrote"  # set on a connection's info by any INSERT, UPDATE or DELETE


def _note_writes(conn, clauseelement, multiparams, params, execution_options) -> None:
    if getattr(clauseelement, "is_dml", False):
        conn.info[WROTE] = True


def make_engine(database_url: str, **kwargs) -> Engine:
    """Create an engine; SQLite gets WAL, foreign keys and a busy timeout, and its folder is made.

    Every engine notes on its connections when a statement writes, so `transaction` settles the
    publication gate only for transactions that changed something.
    """
    engine = _make_engine(database_url, **kwargs)
    event.listen(engine, "before_execute", _note_writes)
    return engine


def _make_engine(database_url: str, **kwargs) -> Engine:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        kwargs.setdefault("connect_args", {"timeout": 30, "check_same_thread": False})
        engine = create_engine(url, **kwargs)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # pragma: no cover - exercised by every test
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
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


def alembic_config(engine: Engine):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to `revision` with Alembic (the only way tables are made)."""
    from alembic import command

    command.upgrade(alembic_config(engine), revision)


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
