"""How well the model is doing live, from moderators' decisions: precision and recall with intervals.

The dashboard calls `alarm_quality(pairs)` with (predicted level, moderator level) pairs and shows
the figures with their 95% intervals, so staff see both the number and how sure it is.

Recall needs posts the model did *not* flag, so pairs must include a random spot-check sample of
auto-published posts (store/dashboard work). When that sample is drawn at a lower rate than the
reviewed posts, give each pair a `weight` of 1 / (its sampling rate): a published post checked at 1
in 20 stands for 20. Intervals are Wilson score intervals on the weighted proportion, with Kish's
effective sample size, which is plain and behaves at 0 and 1 (a Wald interval does not).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

Z_95 = 1.959963984540054


@dataclass(frozen=True)
class Proportion:
    """An estimated share with its interval; `n` is the (effective) number of posts behind it."""

    value: float | None  # None when there is nothing to estimate from
    low: float
    high: float
    hits: float
    n: float

    def __str__(self) -> str:
        if self.value is None:
            return "no data"
        return f"{self.value:.0%} (95% interval {self.low:.0%}-{self.high:.0%}, from {self.n:.0f} posts)"


@dataclass(frozen=True)
class AlarmQuality:
    """Precision and recall of "level >= `at_least`" against moderators' levels."""

    at_least: int
    precision: Proportion  # of the posts the model put at >= at_least, the share moderators agreed were
    recall: Proportion  # of the posts moderators put at >= at_least, the share the model caught
    pairs: int


def wilson(hits: float, n: float, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval for hits/n (n may be an effective, non-integer size)."""
    if n <= 0:
        return 0.0, 1.0
    p = hits / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def _weighted_share(flags: list[bool], weights: list[float]) -> Proportion:
    total = sum(weights)
    if total <= 0:
        return Proportion(None, 0.0, 1.0, 0.0, 0.0)
    hits = sum(w for f, w in zip(flags, weights) if f)
    n_eff = total * total / sum(w * w for w in weights)  # Kish: equal weights give the plain count
    p = hits / total
    low, high = wilson(p * n_eff, n_eff)
    return Proportion(p, low, high, hits, n_eff)


def alarm_quality(pairs: Iterable[tuple[int | None, int] | tuple[int | None, int, float]],
                  at_least: int = 2) -> AlarmQuality:
    """Precision and recall of the model's "level >= at_least" against moderators' levels.

    `pairs`: (predicted level, moderator level) or (predicted, moderator, weight). A failed
    classification (predicted None) counts as flagged: it is held like an alarm.
    """
    rows = []
    for pair in pairs:
        predicted, truth = pair[0], pair[1]
        weight = float(pair[2]) if len(pair) > 2 else 1.0
        if truth is None:
            raise ValueError("every pair needs the moderator's level")
        flagged = predicted is None or predicted >= at_least
        rows.append((flagged, truth >= at_least, weight))
    alarms = [(t, w) for f, t, w in rows if f]
    positive = [(f, w) for f, t, w in rows if t]
    return AlarmQuality(
        at_least=at_least,
        precision=_weighted_share([t for t, _ in alarms], [w for _, w in alarms]),
        recall=_weighted_share([f for f, _ in positive], [w for _, w in positive]),
        pairs=len(rows),
    )
