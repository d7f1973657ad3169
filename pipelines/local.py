"""Run the pipelines in this process for the CLI: no Prefect server to start by hand.

By default these call the plain functions the flows are made of: a Prefect flow in a fresh CLI
process first starts a temporary local server (~8-11 s measured here) and then costs about 1 s per
flow run, more than a small collect takes. With `prefect_local_runs` on (PEERFEED_PREFECT_LOCAL_RUNS),
`run_collect` and `run_classify` (without a model object) run the same Prefect flows in-process,
so runs appear on the Prefect server PREFECT_API_URL names.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Sequence

from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig, load_sources
from pipelines.alerts import send_alerts
from pipelines.classifying import ClassifyReport, classify_pending
from pipelines.collecting import SourceReport, collect_all, prepare_sources
from store.db import make_engine

log = logging.getLogger(__name__)


def run_collect(settings: Settings, configs: Sequence[SourceConfig] | None = None, sources_file: Path | None = None,
                only: str | None = None) -> list[SourceReport]:
    """Collect every due source (or just `only`) into the settings' database."""
    if configs is None:
        path = sources_file or settings.sources_file
        configs = load_sources(path) if Path(path).exists() else None
    engine = make_engine(settings.database_url)
    try:
        if not settings.prefect_local_runs:
            return collect_all(engine, settings, configs, only=only)
        from pipelines.flows import collect_flow

        if configs is not None:  # the flow collects what the store holds; put the configs there first
            prepare_sources(engine, configs, only=only)
        return collect_flow(sync_sources_file=False, only=only, database_url=settings.database_url,
                            concurrency=settings.collect_concurrency)
    finally:
        engine.dispose()


def run_classify(settings: Settings, model=None) -> ClassifyReport:
    """Classify every unclassified post with the configured (or shipped) model."""
    if model is None and settings.prefect_local_runs:
        from pipelines.flows import classify_flow

        return classify_flow(database_url=settings.database_url)
    if model is None:
        from classifier import load_model

        model = load_model(settings.model_path)
    engine = make_engine(settings.database_url)
    try:
        report = classify_pending(engine, model)
        # As the classify flow does: a new high or crisis post reaches a moderator now, not later.
        alerts = send_alerts(engine, settings)
        if alerts.failed:
            log.warning("%d alerts failed and will be retried by the next run: %s", alerts.failed, alerts.errors[:3])
        return report
    finally:
        engine.dispose()
