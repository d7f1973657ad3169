"""Retrain the classifier with moderators' labels, and keep the new model only if it is not worse.

The guard itself (`promote_if_not_worse`: level>=2 recall of candidate against the current model on
the held-out corpus) belongs to `classifier.training`; this module feeds it the labels from the
store, saves a promoted candidate where the current model lives (PEERFEED_MODEL_PATH, as `peerfeed
model train` does; the model shipped in the package is never overwritten, so without the setting
there is nowhere to keep a new model and nothing is trained) and reports what happened. A new flow run
loads the new file; a long-lived process keeps its model until it restarts.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import Engine

from peerfeed.settings import Settings
from store.db import transaction
from store.labels import training_labels

log = logging.getLogger(__name__)
DEFAULT_MIN_LABELS = 20


@dataclass(frozen=True)
class RetrainReport:
    labels: int
    trained: bool
    promoted: bool
    current_version: str | None = None
    candidate_version: str | None = None
    reason: str = ""
    saved_to: str | None = None
    skipped_labels: int = 0


def retrain_from_labels(engine: Engine, settings: Settings, min_labels: int = DEFAULT_MIN_LABELS,
                        training=None, current_model=None) -> RetrainReport:
    """Train a candidate on moderators' labels and promote it only if it is not worse than the current.

    `training` defaults to `classifier.training` and `current_model` to the configured model; both
    are parameters so the flow stays a thin shell and the wiring can be tested on its own.
    """
    with transaction(engine) as session:
        rows = training_labels(session)
    if len(rows) < min_labels:
        return RetrainReport(labels=len(rows), trained=False, promoted=False,
                             reason=f"{len(rows)} labelled posts; retraining waits for {min_labels}")
    if settings.model_path is None and current_model is None:
        return RetrainReport(labels=len(rows), trained=False, promoted=False,
                             reason="PEERFEED_MODEL_PATH is not set: a retrained model would have nowhere to go "
                                    "(the shipped model is never overwritten)")
    training = training or importlib.import_module("classifier.training")
    example = getattr(training, "Example", None) or importlib.import_module("classifier.labels").Example
    target = Path(settings.model_path) if settings.model_path else None
    if current_model is None:
        from classifier import load_model

        current_model = load_model(target) if target is not None and target.is_file() else load_model(None)
    examples, skipped = [], 0
    for text, distress, topics in rows:
        try:
            examples.append(example(text, distress, topics))
        except ValueError as exc:  # e.g. a topic the taxonomy no longer has: skip it, say so
            skipped += 1
            log.warning("label skipped for training: %s", exc)
    candidate = training.train(extra_examples=examples)
    promoted = bool(training.promote_if_not_worse(candidate, current_model))
    saved = None
    if promoted and target is not None:
        saved = str(candidate.save(target) or target)
    report = RetrainReport(
        labels=len(rows), trained=True, promoted=promoted, skipped_labels=skipped, saved_to=saved,
        current_version=getattr(current_model, "version", None), candidate_version=getattr(candidate, "version", None),
        reason=(f"candidate promoted and saved to {saved}" if saved else "candidate promoted") if promoted
        else "candidate was worse than the current model; kept the current one",
    )
    log.info("retrain finished: %s", report.reason)
    return report
