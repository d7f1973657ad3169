"""Readers for the public labelled sets in ../shared/datasets, mapped to our distress levels.

Only C-SSRS and CounselChat may be committed; Dreaddit and SDCNL are read from the shared folder
when it is present and skipped (with a note) when it is not. Mappings (documented in docs/model.md):

- Dreaddit: stress -> 1 (concern), not stress -> 0.
- SDCNL: r/SuicideWatch -> 2 (high), r/depression -> 1 (concern). Subreddit labels, not annotated.
- C-SSRS (user level): Supportive -> 0, Indicator -> 1, Ideation -> 2, Behavior and Attempt -> 3.
  No official split: 80/20 stratified, random_state=0.
- CounselChat questions: people describing a current problem -> 1; the "Self-harm" topic -> 2.
"""

from __future__ import annotations

import ast
import csv
from dataclasses import dataclass
from pathlib import Path

from classifier.labels import Example

CSSRS_LEVELS = {"Supportive": 0, "Indicator": 1, "Ideation": 2, "Behavior": 3, "Attempt": 3}
CSSRS_CLASSES = ("Supportive", "Indicator", "Ideation", "Behavior", "Attempt")


@dataclass(frozen=True)
class PublicSplit:
    """One public data set's split: texts, native labels and the mapped distress levels."""

    name: str
    texts: list[str]
    labels: list  # native labels: 0/1 for Dreaddit and SDCNL, class names for C-SSRS
    levels: list[int]

    def examples(self, weight: float = 1.0) -> list[Example]:
        return [Example(text=t, distress=lv, topics=None, source=self.name, weight=weight)
                for t, lv in zip(self.texts, self.levels)]


def find_datasets_dir(start: Path | None = None) -> Path | None:
    """The nearest `shared/datasets` folder above `start` (the repo), or None when absent."""
    here = (start or Path(__file__)).resolve()
    for parent in [here, *here.parents]:
        candidate = parent / "shared" / "datasets"
        if candidate.is_dir():
            return candidate
    return None


def _rows(path: Path) -> list[dict]:
    csv.field_size_limit(1 << 30)  # C-SSRS and CounselChat cells exceed the default limit
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def dreaddit(root: Path, split: str) -> PublicSplit:
    """Dreaddit official split ("train" or "test")."""
    rows = _rows(root / "dreaddit" / f"dreaddit-{split}.csv")
    labels = [int(r["label"]) for r in rows]
    return PublicSplit(f"dreaddit-{split}", [r["text"] for r in rows], labels, labels)


def sdcnl(root: Path, split: str) -> PublicSplit:
    """SDCNL official split ("train" or "test"); text is title + selftext."""
    name = "training-set.csv" if split == "train" else "testing-set.csv"
    rows = _rows(root / "sdcnl" / name)
    texts = [f"{r['title']}\n{r['selftext']}" for r in rows]
    labels = [int(float(r["is_suicide"])) for r in rows]
    return PublicSplit(f"sdcnl-{split}", texts, labels, [2 if y else 1 for y in labels])


def _cssrs_text(cell: str) -> str:
    try:
        posts = ast.literal_eval(cell)
        if isinstance(posts, list):
            return "\n".join(str(p) for p in posts)
    except (ValueError, SyntaxError):
        pass  # the 28 cells truncated at the Excel limit do not parse; keep their raw text
    return cell.strip("[]'\"")


def cssrs(root: Path, split: str) -> PublicSplit:
    """C-SSRS users, 80/20 stratified split with random_state=0 ("train" or "test")."""
    from sklearn.model_selection import train_test_split

    rows = _rows(root / "cssrs" / "500_Reddit_users_posts_labels.csv")
    texts = [_cssrs_text(r["Post"]) for r in rows]
    labels = [r["Label"] for r in rows]
    x_tr, x_te, y_tr, y_te = train_test_split(texts, labels, test_size=0.2, random_state=0, stratify=labels)
    texts, labels = (x_tr, y_tr) if split == "train" else (x_te, y_te)
    return PublicSplit(f"cssrs-{split}", texts, labels, [CSSRS_LEVELS[y] for y in labels])


def counselchat(root: Path) -> PublicSplit:
    """CounselChat questions (deduplicated by question id) as concern-level examples."""
    seen: dict[str, dict] = {}
    for r in _rows(root / "counselchat" / "counselchat-data.csv"):
        seen.setdefault(r["questionID"], r)
    texts, labels, levels = [], [], []
    for r in seen.values():
        topics = [t.strip() for t in r["topics"].split(",") if t.strip()]
        texts.append(f"{r['questionTitle']}\n{r['questionText']}")
        labels.append(",".join(topics))
        levels.append(2 if "Self-harm" in topics else 1)
    return PublicSplit("counselchat", texts, labels, levels)


LOADERS = {"dreaddit": dreaddit, "sdcnl": sdcnl, "cssrs": cssrs}


def available(root: Path | None) -> list[str]:
    """Which public sets are readable under `root`."""
    if root is None:
        return []
    paths = {"dreaddit": "dreaddit/dreaddit-train.csv", "sdcnl": "sdcnl/training-set.csv",
             "cssrs": "cssrs/500_Reddit_users_posts_labels.csv", "counselchat": "counselchat/counselchat-data.csv"}
    return [name for name, rel in paths.items() if (root / rel).is_file()]
