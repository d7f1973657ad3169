"""The community corpus: big enough, every label covered, and no piece on both sides of the split."""

import json
from collections import Counter

from classifier.corpus import CORPUS_PATH, build_corpus, load_corpus
from classifier.labels import TOPICS


def rows():
    return [json.loads(line) for line in CORPUS_PATH.read_text(encoding="utf-8").splitlines()]


def test_committed_corpus_is_what_the_generator_writes():
    assert rows() == build_corpus()


def test_size_and_hard_examples():
    data = rows()
    assert len(data) >= 800
    kinds = Counter(r["kind"] for r in data)
    assert kinds["hard_negative"] + kinds["hard_positive"] >= 150
    assert kinds["hard_negative"] >= 150


def test_every_topic_and_level_in_both_splits():
    for split in ("train", "heldout"):
        examples = load_corpus(split)
        assert {e.distress for e in examples} == {0, 1, 2, 3}
        assert {t for e in examples for t in e.topics} == set(TOPICS), split


def test_split_is_by_piece_so_variants_never_leak():
    train = load_corpus("train")
    held = load_corpus("heldout")
    assert not {e.group for e in train} & {e.group for e in held}
    assert not {e.text for e in train} & {e.text for e in held}
