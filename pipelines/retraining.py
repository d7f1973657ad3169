"""Retrain the classifier with moderators' labels, and keep the new model only if it is not worse.

The guard itself (`promote_if_not_worse`: evaluate candidate against the current model on held-out
data, save only when not worse) belongs to `classifier.training`; this module feeds it the labels
from the store and reports what happened.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass

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
    training = training or importlib.import_module("classifier.training")
    example = getattr(training, "Example", None) or importlib.import_module("classifier.labels").Example
    if current_model is None:
        from classifier import load_model

        current_model = load_model(settings.model_path)
    examples = [example(text, distress, topics) for text, distress, topics in rows]
    candidate = training.train(extra_examples=examples)
    promoted = bool(training.promote_if_not_worse(candidate, current_model))
    report = RetrainReport(
        labels=len(rows), trained=True, promoted=promoted,
        current_version=getattr(current_model, "version", None), candidate_version=getattr(candidate, "version", None),
        reason="candidate promoted" if promoted else "candidate was worse than the current model; kept the current one",
    )
    log.info("retrain finished: %s", report.reason)
    return report
