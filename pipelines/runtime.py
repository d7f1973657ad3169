"""What a flow run needs from its process: settings, one engine per database, one model per worker.

Flows receive plain parameters (a database URL, an import path) rather than live objects, so a run
works the same in this process, in a worker's subprocess or on a Dask worker. Engines and models are
made on first use and kept for the life of the process (nothing is made at import time).
"""

from __future__ import annotations

import functools
import importlib
from pathlib import Path

from sqlalchemy.engine import Engine

from peerfeed.settings import Settings
from store.db import ensure_schema, make_engine


def flow_settings(database_url: str | None = None) -> Settings:
    """Settings from the environment (PEERFEED_*, .env); an explicit database URL wins."""
    return Settings(database_url=database_url) if database_url else Settings()


@functools.lru_cache(maxsize=8)
def engine_for(database_url: str) -> Engine:
    """One pooled engine per database URL per process, shared by every task the process runs.

    Its schema is checked once (`store.db.ensure_schema`): a new database is created, and one
    behind this code is refused with one line saying to run `peerfeed db upgrade` (a flow never
    migrates). A failure is not cached, so the next call checks again.
    """
    engine = make_engine(database_url)
    try:
        ensure_schema(engine)
    except Exception:
        engine.dispose()
        raise
    return engine


@functools.lru_cache(maxsize=4)
def model_for(model_factory: str | None = None, model_path: str | None = None):
    """The classifier, loaded once per process.

    `model_factory` ("package.module:callable") names a callable returning a model with the
    classifier's interface; tests use it for a keyword double. Otherwise the classifier's own
    `load_model` reads `model_path` (None: the model shipped in classifier/).
    """
    if model_factory:
        module, _, attr = model_factory.partition(":")
        if not attr:
            raise ValueError(f"model_factory must look like 'package.module:callable', got {model_factory!r}")
        return getattr(importlib.import_module(module), attr)()
    from classifier import load_model

    return load_model(Path(model_path) if model_path else None)
