"""The community corpus: hand-written pieces expanded into variants, split by piece.

`build_corpus()` is deterministic: it turns every hand-written piece in `classifier/data/pieces_*.py`
into a few variants (slots filled with different places, relatives and services; toot, skeet and
reply shapes). All variants of a piece share a `group`, and the held-out split is chosen by group,
so near-duplicates never sit on both sides. `classifier/data/corpus.jsonl` is its committed output
(`python -m classifier.corpus` rewrites it); a test checks the two agree.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import defaultdict
from pathlib import Path

from classifier.data.pieces_calm import EVERYDAY_0, HARD_NEGATIVE_0, ORDINARY_0
from classifier.data.pieces_distress import LEVEL_1, LEVEL_1_EVERYDAY, LEVEL_2, LEVEL_3
from classifier.data.pieces_frozen import FROZEN
from classifier.data.pieces_batch3 import BATCH3
from classifier.data.pieces_batch4a import BATCH4A
from classifier.data.pieces_batch4b import BATCH4B
from classifier.data.pieces_batch4c import BATCH4C
from classifier.data.pieces_batch4d import BATCH4D
from classifier.data.pieces_batch4e import BATCH4E
from classifier.data.pieces_batch4f import BATCH4F
from classifier.data.pieces_batch5a import BATCH5A
from classifier.data.pieces_batch5b import BATCH5B
from classifier.data.pieces_more import MORE
from classifier.labels import TOPIC_KEYS, Example

CORPUS_PATH = Path(__file__).parent / "data" / "corpus.jsonl"
VARIANTS_PER_PIECE = 4
HELDOUT_EVERY = 5  # one group in five, within each (level, kind) stratum

PLACES = ["Leeds", "Bristol", "Hackney", "Norwich", "Stoke", "Cardiff", "Croydon", "Sheffield",
          "Kendal", "Plymouth", "Luton", "Gateshead", "Hull", "Brighton", "Wigan", "Exeter"]
WHENS = ["Tuesday at 7pm", "this Thursday 2-4pm", "next Wednesday at 10am", "Saturday 11am",
         "on the first Monday of the month, 6.30pm", "Friday 1pm"]
SERVICES = ["CMHT", "crisis team", "home treatment team", "EIP team", "community team",
            "CAMHS team", "memory service"]
# (noun phrase, subject, object, possessive, reflexive)
RELATIVES = [
    ("my son", "he", "him", "his", "himself"), ("my daughter", "she", "her", "her", "herself"),
    ("my partner", "she", "her", "her", "herself"), ("my husband", "he", "him", "his", "himself"),
    ("my wife", "she", "her", "her", "herself"), ("my mum", "she", "her", "her", "herself"),
    ("my brother", "he", "him", "his", "himself"), ("my dad", "he", "him", "his", "himself"),
    ("my best mate", "he", "him", "his", "himself"), ("my sister", "she", "her", "her", "herself"),
]
HASHTAGS = {
    "peer_support": "#PeerSupport", "care_planning": "#CarePlanning", "coproduction": "#CoProduction",
    "carers": "#Carers", "services_access": "#NHS", "recovery_wellbeing": "#Recovery",
    "employment": "#Work", "treatment": "#Meds", "digital": "#Digital", "events": "#Event",
    "stigma_rights": "#MentalHealthAct",
}
HANDLES = ["@jo", "@sam", "@kez", "@priya", "@dev", "@mags", "@tom", "@ali", "@bea", "@chris", "@ffion", "@nia",
           "@ravi", "@lou", "@mo", "@pat", "@sian", "@wes", "@yas", "@zoe", "@ade", "@bill", "@cat", "@dan"]


def _pieces() -> list[tuple[int, str, str, str]]:
    """Every first-batch piece as (level, topic keys, kind, text), groups p000..."""
    rows = [(0, t, "ordinary", s) for t, s in ORDINARY_0]
    rows += [(0, t, "hard_negative", s) for t, s in HARD_NEGATIVE_0]
    for level, pieces in ((1, LEVEL_1), (2, LEVEL_2), (3, LEVEL_3)):
        rows += [(level, t, kind, s) for t, kind, s in pieces]
    # Appended last, in a stratum of their own, so earlier pieces keep their groups and split.
    rows += [(0, t, "everyday", s) for t, s in EVERYDAY_0]
    rows += [(1, t, "everyday", s) for t, s in LEVEL_1_EVERYDAY]
    return rows


def _fill(text: str, rng: random.Random) -> str:
    rel, he, him, his, himself = rng.choice(RELATIVES)
    svc = rng.choice(SERVICES)
    slots = {
        "place": rng.choice(PLACES), "when": rng.choice(WHENS), "svc": svc, "Svc_cap": svc[0].upper() + svc[1:],
        "rel": rel, "Rel_cap": rel[0].upper() + rel[1:], "he": he, "He_cap": he.capitalize(),
        "him": him, "his": his, "himself": himself,
    }
    return text.format_map(slots)


def _shape(text: str, topics: list[str], variant: int, rng: random.Random) -> tuple[str, str]:
    """Dress a filled piece as a skeet, a toot or a reply."""
    if variant == 0:
        return text, "blog" if len(text) > 160 else "skeet"
    if variant == 1:
        tags = [HASHTAGS[t] for t in topics[:2]] or ["#MentalHealth"]
        return f"{text} {' '.join(tags)}", "toot"
    if variant == 2:
        casual = text.lower().replace("i am ", "i'm ").rstrip(".")
        return casual, "skeet"
    return f"{rng.choice(HANDLES)} {text}", "reply"


def _heldout_groups(rows: list[tuple[int, str, str, str]], prefix: str = "p") -> set[str]:
    """One group in five per (level, kind) stratum. Each batch of pieces (prefix) is split on its
    own, so adding a batch never moves an earlier piece between train and held-out."""
    strata: dict[tuple[int, str], list[str]] = defaultdict(list)
    for i, (level, _, kind, _) in enumerate(rows):
        strata[(level, kind)].append(f"{prefix}{i:03d}")
    held: set[str] = set()
    for groups in strata.values():
        ordered = sorted(groups, key=lambda g: hashlib.sha1(g.encode()).hexdigest())
        held.update(ordered[::HELDOUT_EVERY])
    return held


def build_corpus(seed: int = 20261126) -> list[dict]:
    """Expand the hand-written pieces into corpus rows (deterministic for a given seed)."""
    rng = random.Random(seed)
    # Each batch is appended with a prefix of its own and split on its own, so no earlier row moves.
    batches = [("p", _pieces()), ("q", MORE), ("r", BATCH3), ("s", BATCH4A), ("t", BATCH4B), ("u", BATCH4C),
               ("v", BATCH4D), ("w", BATCH4E), ("x", BATCH4F), ("y", BATCH5A), ("z", BATCH5B)]
    out: list[dict] = []
    for prefix, pieces in batches:
        out += _expand(pieces, prefix, _heldout_groups(pieces, prefix), rng)
    # The frozen evaluation split: one row per piece, never trained or tuned on.
    for i, (level, keys, kind, text) in enumerate(FROZEN):
        out.append({"id": f"f{i:03d}-v0", "group": f"f{i:03d}", "text": text,
                    "topics": [TOPIC_KEYS[k] for k in keys.split()], "distress": level, "kind": kind,
                    "form": "blog" if len(text) > 160 else "skeet", "split": "frozen"})
    return out


def _expand(pieces: list[tuple[int, str, str, str]], prefix: str, held: set[str], rng: random.Random) -> list[dict]:
    out: list[dict] = []
    for i, (level, keys, kind, text) in enumerate(pieces):
        group = f"{prefix}{i:03d}"
        topics = [TOPIC_KEYS[k] for k in keys.split()]
        seen: set[str] = set()
        for variant in range(VARIANTS_PER_PIECE):
            shaped, form = _shape(_fill(text, rng), topics, variant, rng)
            if shaped in seen:
                continue
            seen.add(shaped)
            out.append({
                "id": f"{group}-v{variant}", "group": group, "text": shaped, "topics": topics,
                "distress": level, "kind": kind, "form": form,
                "split": "heldout" if group in held else "train",
            })
    return out


def write_corpus(path: Path = CORPUS_PATH) -> int:
    """Write the corpus as JSON lines; return the number of rows."""
    rows = build_corpus()
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def load_corpus(split: str | None = None, path: Path = CORPUS_PATH) -> list[Example]:
    """Read the committed corpus; `split` is "train", "heldout", "frozen" or None for all three.

    "frozen" is the evaluation split no training or tuning reads (`pieces_frozen.py`)."""
    examples = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if split is None or row["split"] == split:
                examples.append(Example(text=row["text"], distress=row["distress"], topics=row["topics"],
                                        source=f"corpus:{row['kind']}", group=row["group"]))
    return examples


if __name__ == "__main__":
    print(f"wrote {write_corpus()} rows to {CORPUS_PATH}")
