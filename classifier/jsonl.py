"""Classify JSON lines: `{"id": ..., "text": ...}` in, one result line per valid input line out.

Contract (what `peerfeed classify` does with it):
- Each non-blank input line must be a JSON object with an `id` (string or integer) and a `text`
  (string). Blank lines are skipped.
- A line that is not JSON, not an object, has no id, or whose text is missing or not a string is
  an error "line N: ..." (1-based). Nothing is silently dropped: every bad line is reported, and the
  CLI exits non-zero when there is any error. Valid lines are still classified and written.
- A text that makes the model raise is written with `"error"` set, `needs_review: true` and
  `distress: null`, so the post is held for review, never published; it is also reported as an error.
- Output fields: id, topics, topic_scores, distress, distress_score, needs_review, reasons,
  model_version (plus error for a failure). Texts are classified in batches of `batch_size`.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from classifier.model import ClassificationFailure, ClassifierModel

BATCH_SIZE = 1000


def parse_line(number: int, line: str) -> tuple[str | int, str]:
    """The (id, text) of one input line; raises ValueError with the reason when it is invalid."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise ValueError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    if not isinstance(obj, dict):
        raise ValueError(f"expected a JSON object, got {type(obj).__name__}")
    post_id = obj.get("id")
    if post_id is None or isinstance(post_id, bool) or not isinstance(post_id, (str, int)) or post_id == "":
        raise ValueError("missing id (a non-empty string or an integer)")
    text = obj.get("text")
    if not isinstance(text, str):
        raise ValueError(f"id {post_id!r}: text must be a string, got {type(text).__name__}")
    return post_id, text


def _write(out: TextIO, batch: list[tuple[int, str | int, str]], model: ClassifierModel, errors: list[str]) -> None:
    results = model.classify_safely([text for _, _, text in batch])
    for (number, post_id, _), result in zip(batch, results):
        row = {"id": post_id, **result.to_dict()}
        if isinstance(result, ClassificationFailure):
            row = {"id": post_id, "topics": [], "topic_scores": {}, "distress": None, "distress_score": None,
                   "needs_review": True, "reasons": [f"classification failed: {result.error}"],
                   "model_version": result.model_version, "error": result.error}
            errors.append(f"line {number}: id {post_id!r}: classification failed, held for review: {result.error}")
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def classify_jsonl(lines: Iterable[str], out: TextIO, model: ClassifierModel,
                   batch_size: int = BATCH_SIZE) -> list[str]:
    """Classify JSON lines from `lines` into `out`; return the errors ("line N: ..."), empty if none."""
    errors: list[str] = []
    batch: list[tuple[int, str | int, str]] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            post_id, text = parse_line(number, line)
        except ValueError as exc:
            errors.append(f"line {number}: {exc}")
            continue
        batch.append((number, post_id, text))
        if len(batch) >= batch_size:
            _write(out, batch, model, errors)
            batch = []
    if batch:
        _write(out, batch, model, errors)
    return errors
