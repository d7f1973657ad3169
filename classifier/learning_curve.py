"""Learning curve: how false alarms fall as moderator labels from a different source come in.

Run: .venv/bin/python -m classifier.learning_curve [--sizes 0 50 100 200] [--out docs/figures/learning_curve.tsv]

"Moderator labels" are simulated with posts from a source the model never trained on: the
Dreaddit **train** split (Reddit; stress -> level 1, no stress -> level 0; read from
../shared/datasets, never committed), drawn at random (seed 0) and added as `extra_examples`,
exactly as `peerfeed model train --extra` adds moderators' corrections (weight 2, topics unknown).
Each model is trained the usual way (thresholds re-chosen out of fold), then measured on:
- the frozen split: level-0 posts rated 2 or more (pager alarms), level-0 posts held, and level 2-3
  recall (must not fall);
- the Dreaddit **test** split: "no stress" posts rated 2 or more (alarms on the new source).
The encoder scale is fixed at the shipped model's, so only the labels change between rows.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

import numpy as np

import classifier.public_data as public_data
from classifier.corpus import load_corpus
from classifier.labels import Example


def measure(model, frozen: list[Example], dreaddit_test) -> dict:
    """The curve's figures for one model."""
    y = np.array([e.distress for e in frozen])
    english = np.array([not e.source.endswith("other_language") for e in frozen])
    results = model.classify([e.text for e in frozen])
    pred = np.array([c.distress for c in results])
    held = np.array([c.needs_review for c in results])
    zero = (y == 0) & english
    dd = np.array(dreaddit_test.labels) == 0
    dd_pred = np.array([c.distress for c in model.classify([t for t, keep in zip(dreaddit_test.texts, dd) if keep])])
    return {
        "frozen level-0 at 2+": f"{int((pred[zero] >= 2).sum())}/{int(zero.sum())}",
        "frozen level-0 held": f"{int(held[zero].sum())}/{int(zero.sum())}",
        "frozen level 2-3 at 2+": f"{int((pred[y >= 2] >= 2).sum())}/{int((y >= 2).sum())}",
        "Dreaddit no-stress at 2+": f"{int((dd_pred >= 2).sum())}/{int(dd.sum())}",
    }


def main() -> None:
    from classifier.model import load_model
    from classifier.training import TrainConfig, train

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 50, 100, 200])
    parser.add_argument("--out", type=Path, default=None, help="also write the table as TSV here")
    args = parser.parse_args()

    root = public_data.find_datasets_dir()
    if root is None or "dreaddit" not in public_data.available(root):
        raise SystemExit("needs ../shared/datasets/dreaddit beside the repo")
    pool = public_data.dreaddit(root, "train")
    dreaddit_test = public_data.dreaddit(root, "test")
    order = list(range(len(pool.texts)))
    random.Random(0).shuffle(order)
    frozen = load_corpus("frozen")
    shipped = load_model()
    scale = float(shipped.parts["dense"]["scale"]) if shipped.uses_encoder else 1.0
    cfg = TrainConfig(encoder_scales=(scale,))
    rows = []
    for n in args.sizes:
        extra = [Example(pool.texts[i], pool.levels[i], None, source="review", group=f"dreaddit-{i}")
                 for i in order[:n]]
        started = time.perf_counter()
        model = train(extra_examples=extra or None, config=cfg)
        row = {"labels": str(n), **measure(model, frozen, dreaddit_test),
               "t2": f"{model.card['thresholds']['t2']:.3f}", "train s": f"{time.perf_counter() - started:.0f}"}
        rows.append(row)
        print("\t".join(f"{k}={v}" for k, v in row.items()), flush=True)
    lines = ["\t".join(rows[0]), *("\t".join(r.values()) for r in rows)]
    print("\n".join(lines))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
