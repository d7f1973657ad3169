"""Classify: read posts whose current text has no reading, store results, hold what needs a person.

The run first names its model as the current one (`set_current_model`): only the current model's
readings clear posts, so after a model change the run also re-reads what the old one published.
Each result is recorded with the hash of the text the model read, so a post edited while it was
being read is not cleared by a reading of its old text. If the model fails on a batch, each post is
retried alone; a post that still fails is held for review with the reason, never published, and is
tried again when a new model version runs.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.engine import Engine

from store.classification import (posts_to_classify, record_classification_failure, record_classifications,
                                  set_current_model)
from store.db import transaction
from store.posts import text_hash

log = logging.getLogger(__name__)
_FIELDS = ("topics", "topic_scores", "distress", "distress_score", "needs_review", "reasons", "model_version")


@dataclass
class ClassifyReport:
    classified: int = 0
    held: int = 0
    failed: int = 0
    by_level: dict[int, int] = field(default_factory=dict)
    model_changed: bool = False  # this run made its model the current one (what the old one cleared was re-read)


def _check(result: Any) -> Any:
    missing = [f for f in _FIELDS if not hasattr(result, f) and not (isinstance(result, dict) and f in result)]
    if missing:
        raise ValueError(f"classifier result lacks {', '.join(missing)}")
    level = result["distress"] if isinstance(result, dict) else result.distress
    if level not in (0, 1, 2, 3):
        raise ValueError(f"classifier gave distress level {level!r}, not 0-3")
    return result


def classify_batch(model, texts: list[str]) -> list[tuple[Any | None, str | None]]:
    """(result, error) per text: the batch at once, or one by one when the batch fails."""
    try:
        return [(_check(r), None) for r in model.classify(texts)]
    except Exception as exc:  # noqa: BLE001 - fall back to isolating the bad post
        log.warning("batch classification failed, retrying posts one by one: %r", exc)
    out: list[tuple[Any | None, str | None]] = []
    for text in texts:
        try:
            (r,) = model.classify([text])
            out.append((_check(r), None))
        except Exception as exc:  # noqa: BLE001 - recorded on the post, which is held
            out.append((None, f"{type(exc).__name__}: {exc}"))
    return out


def classify_pending(engine: Engine, model, batch_size: int = 1000, limit: int | None = None) -> ClassifyReport:
    """Classify every post without a classification, and retry the posts an older model version
    failed on; safe to repeat (done posts are skipped)."""
    report = ClassifyReport(by_level={})
    after = 0
    version = getattr(model, "version", None)
    if version is not None:
        report.model_changed = name_current_model(engine, model)
    while limit is None or report.classified + report.failed < limit:
        with transaction(engine) as session:
            todo = posts_to_classify(session, limit=batch_size, after_id=after, model_version=version)
        if not todo:
            break
        after = todo[-1][0]
        _classify_and_store(engine, model, todo, report)
    return report


def name_current_model(engine: Engine, model) -> bool:
    """Make `model` the current one (only its readings clear posts); True when that is a change."""
    with transaction(engine) as session:
        return set_current_model(session, str(model.version))


def classify_range(engine: Engine, model, first_id: int, last_id: int, batch_size: int = 1000) -> ClassifyReport:
    """Classify the posts needing a reading with ids in [first_id, last_id] (one batch of a parallel run).

    The range comes from `store.backlog.unclassified_id_ranges` with the same `batch_size`, so it
    holds at most that many posts; posts read meanwhile are skipped. The caller names the current
    model first (`name_current_model`).
    """
    report = ClassifyReport(by_level={})
    version = getattr(model, "version", None)
    with transaction(engine) as session:
        todo = posts_to_classify(session, limit=min(last_id - first_id + 1, batch_size), after_id=first_id - 1,
                                 model_version=version)
    todo = [(pid, text) for pid, text in todo if pid <= last_id]
    if todo:
        _classify_and_store(engine, model, todo, report)
    return report


def _classify_and_store(engine: Engine, model, todo: list[tuple[int, str]], report: ClassifyReport) -> None:
    results = classify_batch(model, [t for _, t in todo])
    judged = {pid: text_hash(text) for pid, text in todo}
    with transaction(engine) as session:
        # Without an error there is a result (classify_batch gives one or the other).
        ok: list[tuple[int, Any]] = [(pid, result) for (pid, _), (result, err) in zip(todo, results) if err is None]
        record_classifications(session, ok, judged=judged)
        for (pid, _), (_result, err) in zip(todo, results):
            if err is not None:
                record_classification_failure(session, pid, err, getattr(model, "version", "unknown"),
                                              judged_hash=judged[pid])
                report.failed += 1
    for _, r in ok:
        level = r["distress"] if isinstance(r, dict) else r.distress
        report.by_level[level] = report.by_level.get(level, 0) + 1
        report.held += level > 0 or bool(r["needs_review"] if isinstance(r, dict) else r.needs_review)
    report.classified += len(ok)
