"""Posts per second for the default classifier on one core.

Run: taskset -c 0 .venv/bin/python benchmarks/classify.py [--repeat 20] [--batch 1000]

Texts are the community corpus (about 110 characters each, like toots and skeets) repeated;
the figure includes the safety rules and the reasons, i.e. everything `classify` does.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10, help="times to repeat the corpus")
    parser.add_argument("--batch", type=int, default=1000, help="texts per classify() call")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from classifier.corpus import load_corpus
    from classifier.model import load_model

    model = load_model()
    texts = [e.text for e in load_corpus()] * args.repeat
    model.classify(texts[:100])  # warm up
    rates = []
    for _ in range(args.rounds):
        start = time.perf_counter()
        for i in range(0, len(texts), args.batch):
            model.classify(texts[i : i + args.batch])
        rates.append(len(texts) / (time.perf_counter() - start))
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    mean_chars = sum(map(len, texts)) / len(texts)
    print(f"command: {' '.join([os.path.basename(sys.executable), *sys.argv])}")
    print(f"model {model.version}; {len(texts)} posts (mean {mean_chars:.0f} chars), batch {args.batch}, cores allowed {cores}")
    print(f"posts/s: median {statistics.median(rates):,.0f} (rounds: {', '.join(f'{r:,.0f}' for r in rates)})")
    print(f"goal >= 5,000 posts/s on one core: {'met' if statistics.median(rates) >= 5000 else 'NOT met'}")


if __name__ == "__main__":
    main()
