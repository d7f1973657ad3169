"""Posts per second for the shipped classifier beside the previous one, on one core, in one run.

Run: OMP_NUM_THREADS=1 taskset -c 0 .venv/bin/python benchmarks/classify.py [--batch 1000] [--rounds 3]

Rates are posts per CPU-second of the benchmark's own process (`time.process_time`, one thread),
which is posts/s/core without the other work on a shared machine; the load average is printed.

Three workloads from the community corpus (every split), each post seen once per round:
- "corpus mix": every post (40% of them at level 1-3, far more than a real feed);
- "short posts": every post of at most 280 characters, all levels;
- "ordinary posts": the level-0 posts only, closer to what most of a real feed is.
Each figure includes everything `classify` does: text normalisation, the readability and language
checks, the safety rules, both stages of the cascade (the sentence encoder only for posts the cheap
stage is not sure are ordinary) and the reasons. The encoder's cache is emptied before every
round, so every post is new to it ("cold"); a last line shows a round where every post was seen
before ("warm": boosts, cross-posts, re-checks). The share of posts that went through the encoder
is printed beside each figure, and the encoder's own rate on its own.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time


def _clear_cache(model) -> None:
    if model.uses_encoder:
        from classifier.encoder import get_encoder

        get_encoder(model.encoder_name)._cache.clear()


def rate(model, texts: list[str], batch: int, rounds: int, cold: bool = True) -> list[float]:
    """Posts per CPU-second of this process (one thread): on a shared machine the wall clock
    counts other people's work; `time.process_time` counts only ours."""
    model.classify(texts[:100])  # warm up: language model, encoder session
    rates = []
    for _ in range(rounds):
        if cold:
            _clear_cache(model)
        start = time.process_time()
        for i in range(0, len(texts), batch):
            model.classify(texts[i : i + batch])
        rates.append(len(texts) / (time.process_time() - start))
    return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--batch", type=int, default=1000, help="texts per classify() call")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from classifier.corpus import load_corpus
    from classifier.model import PREVIOUS_MODEL_PATH, load_model

    rows = load_corpus()
    workloads = {
        "corpus mix": [e.text for e in rows],
        "short posts": [e.text for e in rows if len(e.text) <= 280],
        "ordinary posts": [e.text for e in rows if e.distress == 0],
    }
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else "?"
    print(f"command: {' '.join([os.path.basename(sys.executable), *sys.argv])}")
    print(f"batch {args.batch}, rounds {args.rounds}, cores allowed {cores}, load average {os.getloadavg()[0]:.1f}")
    for path in (PREVIOUS_MODEL_PATH, None):
        model = load_model(path)
        for name, texts in workloads.items():
            rates = rate(model, texts, args.batch, args.rounds)
            share = float((model.stages_used(texts) == 2).mean())
            mean_chars = sum(map(len, texts)) / len(texts)
            print(f"{model.version:<28} {name:<15} {len(texts):>6} posts (mean {mean_chars:.0f} chars): "
                  f"median {statistics.median(rates):>6,.0f} posts/s (rounds {', '.join(f'{r:,.0f}' for r in rates)}); "
                  f"through the encoder {share:.0%}")
        if model.uses_encoder:
            from classifier.encoder import NAME, get_encoder

            for name in ("short posts", "corpus mix"):
                texts = workloads[name]
                for i in range(0, len(texts), args.batch):  # every post seen once before
                    model.classify(texts[i : i + args.batch])
                warm = rate(model, texts, args.batch, 1, cold=False)[0]
                print(f"{'':<28} {name}, warm cache (every post seen before): {warm:,.0f} posts/s")
            texts = texts[:600]
            enc = get_encoder(model.encoder_name)
            _clear_cache(model)
            enc.encode(texts[:32])
            _clear_cache(model)
            start = time.process_time()
            enc.encode(texts)
            print(f"{'':<28} encoder alone ({model.encoder_name}): {len(texts) / (time.process_time() - start):,.0f} "
                  f"posts/s ({len(texts)} corpus posts, "
                  f"{'one post per run' if model.encoder_name == NAME else 'bucketed batches of 32'}, 1 thread)")
    print("goal >= 2,000 short posts/s/core overall (cascade allowed)")


if __name__ == "__main__":
    main()
