"""Alembic environment: the engine is handed in by store.db.upgrade (or built from the URL).

Every run is one transaction holding the migration lock (store.db.migration_connection), so a
migration killed half-way leaves nothing behind and two processes never migrate at once.
"""

from alembic import context

from store.db import include_in_autogenerate, migration_connection
from store.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    engine = config.attributes.get("engine")
    if engine is None:
        from store.db import make_engine

        url = config.get_main_option("sqlalchemy.url")
        if not url:
            raise RuntimeError("no engine handed to the migrations and no sqlalchemy.url to build one from")
        engine = make_engine(url)
    with migration_connection(engine) as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=connection.dialect.name == "sqlite",
            include_object=include_in_autogenerate,
        )
        context.run_migrations()


run_migrations_online()
