"""Run the pipelines in this process for the CLI: no Prefect server to start by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig, load_sources
from pipelines.classifying import ClassifyReport, classify_pending
from pipelines.collecting import SourceReport, collect_all
from store.db import make_engine


def run_collect(settings: Settings, configs: Sequence[SourceConfig] | None = None, sources_file: Path | None = None,
                only: str | None = None) -> list[SourceReport]:
    """Collect every due source (or just `only`) into the settings' database."""
    if configs is None:
        path = sources_file or settings.sources_file
        configs = load_sources(path) if Path(path).exists() else None
    engine = make_engine(settings.database_url)
    try:
        return collect_all(engine, settings, configs, only=only)
    finally:
        engine.dispose()


def run_classify(settings: Settings, model=None) -> ClassifyReport:
    """Classify every unclassified post with the configured (or shipped) model."""
    if model is None:
        from classifier import load_model

        model = load_model(settings.model_path)
    engine = make_engine(settings.database_url)
    try:
        return classify_pending(engine, model)
    finally:
        engine.dispose()
