"""Turn the themes flow's stored snapshots into the rows the Themes page charts (no Streamlit here).

The snapshot's JSON shape is read defensively: topic volumes as {topic: count}, distress rates as
{level: share} (keys "0".."3" or "level_0".."level_3"), emerging terms as a list of strings or of
{"term": ..., ...} dicts. Every count is suppressed again below k, whatever the flow did.
"""

from __future__ import annotations

from store.queries import K_MIN


def suppress(count: int, k: int = K_MIN) -> int | None:
    """A snapshot's count (already suppressed by people when stored) shown only when it reaches k."""
    return count if count >= k else None


def _level_key(key) -> int | None:
    digits = "".join(ch for ch in str(key) if ch.isdigit())
    return int(digits) if digits and int(digits) in range(4) else None


def from_snapshots(snapshots, k: int = K_MIN) -> dict:
    """Rows for the page from ThemeSnapshot objects (oldest first)."""
    topics, distress = [], []
    for snap in snapshots:
        day = snap.period_start.strftime("%Y-%m-%d")
        for topic, n in sorted((snap.topic_volumes or {}).items()):
            count = n.get("posts") if isinstance(n, dict) else n
            topics.append({"day": day, "topic": topic, "posts": suppress(int(count), k) if count is not None else None})
        total = suppress(int(snap.post_count or 0), k)
        row = {"day": day, "posts": total}
        for key, share in (snap.distress_rates or {}).items():
            lvl = _level_key(key)
            if lvl is not None:
                row[f"level_{lvl}_share"] = None if total is None or share is None else float(share)
        distress.append(row)
    terms = []
    if snapshots:
        for t in snapshots[-1].emerging_terms or []:
            if isinstance(t, dict):
                terms.append({"term": str(t.get("term", "")), **{k_: v for k_, v in t.items() if k_ != "term"}})
            else:
                terms.append({"term": str(t)})
    return {"source": "snapshots", "topics": topics, "distress": distress, "terms": terms}
