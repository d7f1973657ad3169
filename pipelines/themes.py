"""Daily theme snapshots: topic volumes, emerging terms and distress rates, with small counts hidden.

Every figure counts people's health data, so a count made up of fewer than `K` (5) different people
is suppressed (stored as None, shown as "fewer than 5"), and the distress table also hides enough
other cells that a hidden one cannot be worked out by subtraction from the total (the rule lives in
store/disclosure.py, shared with the live figures). A term is only listed as emerging when at least
K different people used it in the period: one person's unusual phrase would point at them. Only
posts cleared for readers count (store.queries.counted_in_themes).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Iterable

from sqlalchemy.engine import Engine

from store.db import transaction
from store.disclosure import K, hidden_cells, suppress
from store.themes import ThemePost, save_snapshot, theme_posts
LEVEL_NAMES = {0: "none", 1: "concern", 2: "high", 3: "crisis"}
PERIODS = {"day": timedelta(days=1), "week": timedelta(days=7)}
MAX_TERMS = 15
MIN_RATIO = 2.0  # a term must be at least twice as common (per post) as in the baseline
_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]")
# Words that carry no theme in this community's posts, beyond the usual English stop words.
_EXTRA_STOP = {"just", "like", "really", "today", "week", "people", "think", "know", "time", "going", "got",
               "amp", "https", "http", "www", "com", "org", "uk", "don't", "i'm", "it's", "can't", "i've"}


@dataclass
class ThemeSummary:
    post_count: int
    topic_volumes: dict[str, int | None]
    emerging_terms: list[dict] = field(default_factory=list)
    distress_rates: dict = field(default_factory=dict)


def topic_volumes(posts: Iterable[ThemePost], k: int = K) -> dict[str, int | None]:
    """Posts per topic, suppressed when fewer than k people wrote them, largest first."""
    counts: Counter = Counter()
    people: dict[str, set[str]] = defaultdict(set)
    for p in posts:
        for t in set(p.topics):
            counts[t] += 1
            people[t].add(p.author)
    return {t: suppress(n, len(people[t]), k) for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))}


def distress_rates(posts: Iterable[ThemePost], k: int = K) -> dict:
    """Share (`"0"`..`"3"`) and count (`counts`) per distress level, with complementary suppression.

    A level is hidden when fewer than k people make it up, and further levels are hidden
    (`store.disclosure.hidden_cells`) so subtracting the shown levels from `classified` never
    reveals a group of fewer than k people.
    """
    cells: Counter = Counter()
    people: dict[int, set[str]] = {lvl: set() for lvl in LEVEL_NAMES}
    for p in posts:
        if p.distress is not None:
            cells[p.distress] += 1
            people.setdefault(p.distress, set()).add(p.author)
    total = sum(cells.values())
    everyone = len(set().union(*people.values()))
    hidden = hidden_cells({lvl: people[lvl] for lvl in LEVEL_NAMES}, k)
    visible = everyone >= k
    # Shape read by dashboard/themes.py: level digit -> share; `counts` and `classified` alongside.
    out: dict = {"classified": suppress(total, everyone, k), "counts": {}}
    for lvl in LEVEL_NAMES:
        show = visible and lvl not in hidden
        out[str(lvl)] = round(cells[lvl] / total, 3) if show and total else None
        out["counts"][str(lvl)] = cells[lvl] if show else None
    return out


def terms(text: str, stop: frozenset[str]) -> set[str]:
    """Distinct words and two-word phrases of a post, without stop words."""
    words = [w for w in _WORD.findall(text.lower()) if len(w) > 2]
    keep = [w if w not in stop else None for w in words]
    grams = {w for w in keep if w}
    grams.update(f"{a} {b}" for a, b in zip(keep, keep[1:]) if a and b)
    return grams


def _stop_words() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | _EXTRA_STOP


def emerging_terms(posts: list[ThemePost], baseline: list[ThemePost], k: int = K,
                   max_terms: int = MAX_TERMS) -> list[dict]:
    """Terms used by at least k people this period and at least twice as often as in the baseline.

    Rates are per post, smoothed so a term new this period gets a large but finite ratio.
    """
    if len(posts) < k:
        return []
    stop = _stop_words()
    people: dict[str, set[str]] = defaultdict(set)
    used: Counter[str] = Counter()
    for p in posts:
        for t in terms(p.text, stop):
            people[t].add(p.author)
            used[t] += 1
    base = Counter(t for p in baseline for t in terms(p.text, stop))
    n, n_base = len(posts), len(baseline)
    found: list[dict] = []
    for t, count in used.items():
        if len(people[t]) < k:
            continue
        rate = count / n
        base_rate = (base.get(t, 0) + 0.5) / (n_base + 1)
        ratio = rate / base_rate
        if ratio >= MIN_RATIO:
            found.append({"term": t, "posts": count, "rate": round(rate, 4),
                          "baseline_rate": round(base.get(t, 0) / n_base, 4) if n_base else 0.0,
                          "ratio": round(ratio, 2)})
    found.sort(key=lambda f: (-math.log(f["ratio"]) * f["posts"], f["term"]))
    return found[:max_terms]


def summarize(posts: list[ThemePost], baseline: list[ThemePost], k: int = K) -> ThemeSummary:
    """The whole snapshot for one period, from its posts and the baseline's (pure: no database)."""
    return ThemeSummary(post_count=len(posts), topic_volumes=topic_volumes(posts, k),
                        emerging_terms=emerging_terms(posts, baseline, k), distress_rates=distress_rates(posts, k))


def period_bounds(day: date, period: str = "day") -> tuple[datetime, datetime]:
    """[start, end) in UTC of the period beginning on `day`."""
    if period not in PERIODS:
        raise ValueError(f"period must be one of {', '.join(PERIODS)}, got {period!r}")
    start = datetime.combine(day, time(0), tzinfo=timezone.utc)
    return start, start + PERIODS[period]


def last_complete_period(period: str, today: date) -> date:
    """First day of the last complete period before `today`: yesterday, or last week's Monday."""
    if period == "day":
        return today - timedelta(days=1)
    if period == "week":
        return today - timedelta(days=today.weekday() + 7)
    raise ValueError(f"period must be one of {', '.join(PERIODS)}, got {period!r}")


def snapshot_themes(engine: Engine, day: date, period: str = "day", baseline_days: int = 28,
                    k: int = K) -> ThemeSummary:
    """Compute and store the snapshot of the period starting on `day` (UTC); re-running replaces it.

    The baseline is the `baseline_days` before the period.
    """
    start, end = period_bounds(day, period)
    with transaction(engine) as session:
        posts = theme_posts(session, start, end)
        baseline = theme_posts(session, start - timedelta(days=baseline_days), start)
    summary = summarize(posts, baseline, k)
    with transaction(engine) as session:
        save_snapshot(session, period, start, end, **asdict(summary))
    return summary
