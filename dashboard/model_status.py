"""The staff Model page's figures as plain data: which model clears posts, when it was trained, and
how well it is doing live, estimated from moderators' levels (no Streamlit here).

Live precision and recall come from `store.queries.level_checks` (every level a moderator stated,
with the model's level at the time and a weight: a spot check of a post the model published,
sampled 1 in N, stands for N) through `classifier.monitoring.alarm_quality`, which gives each figure
a 95% Wilson interval on the effective sample size. The page says how many posts stand behind each
figure, and says plainly when that is too few to lean on.
"""

from __future__ import annotations

import importlib.util
import json
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from classifier.monitoring import AlarmQuality, Proportion, alarm_quality

FEW = 30  # below this many (effective) posts an estimate is shown as too uncertain to lean on
THRESHOLDS = {2: "Alarms (level 2 high or 3 crisis)", 1: "Held for review (level 1 or more)"}


def default_model_path() -> Path | None:
    """The model shipped in classifier/, found without importing it (loading the model is slow)."""
    spec = importlib.util.find_spec("classifier")
    if spec is None or not spec.origin:
        return None
    return Path(spec.origin).parent / "default_model.skops"


def model_file_card(path: Path | None) -> dict:
    """{version, trained_at} read from a skops model file's schema (no model loaded); {} if unreadable."""
    if path is None:
        return {}
    try:
        with zipfile.ZipFile(path) as z:
            content = json.loads(z.read("schema.json"))["content"]
        card = content["card"]["content"]
        return {"version": json.loads(content["version"]["content"]),
                "trained_at": datetime.fromisoformat(json.loads(card["trained_at"]["content"]))}
    except (OSError, KeyError, TypeError, ValueError, zipfile.BadZipFile):
        return {}


@dataclass(frozen=True)
class Estimate:
    label: str
    quality: AlarmQuality


def estimates(pairs: list[tuple[int | None, int, float]]) -> list[Estimate]:
    """Precision and recall at each threshold moderators care about."""
    return [Estimate(label, alarm_quality(pairs, at_least=level)) for level, label in THRESHOLDS.items()]


def describe(p: Proportion, what: str) -> str:
    """One honest sentence about an estimate and the sample behind it."""
    if p.value is None:
        return f"{what}: no data yet."
    text = (f"{what}: {p.value:.0%} (95% interval {p.low:.0%} to {p.high:.0%}, "
            f"from about {p.n:.0f} post{'s' if round(p.n) != 1 else ''})")
    if p.n < FEW:
        text += f". Too few posts to lean on: with fewer than {FEW}, the true figure may be anywhere in that interval"
    return text + "."


def sample_summary(pairs: list[tuple[int | None, int, float]]) -> str:
    """How many levels stand behind the figures, and what kind."""
    checks = sum(1 for _, _, w in pairs if w > 1)
    reviews = len(pairs) - checks
    return (f"From {len(pairs)} level{'s' if len(pairs) != 1 else ''} moderators stated for this model: "
            f"{reviews} on posts held for review or corrected, {checks} spot check{'s' if checks != 1 else ''} "
            "of posts it published on its own (each standing for the posts it was sampled from).")
