"""The public sets read from ../shared/datasets, mapped to our levels (skipped when absent)."""

import pytest

from classifier import public_data

ROOT = public_data.find_datasets_dir()
pytestmark = pytest.mark.skipif(ROOT is None, reason="no shared/datasets beside the repo")


def test_official_splits_have_the_documented_sizes():
    assert len(public_data.dreaddit(ROOT, "train").texts) == 2838
    assert len(public_data.dreaddit(ROOT, "test").texts) == 715
    assert len(public_data.sdcnl(ROOT, "train").texts) == 1516
    assert len(public_data.sdcnl(ROOT, "test").texts) == 379


def test_cssrs_split_is_80_20_stratified_and_mapped_to_levels():
    train, test = public_data.cssrs(ROOT, "train"), public_data.cssrs(ROOT, "test")
    assert (len(train.texts), len(test.texts)) == (400, 100)
    assert not set(train.texts) & set(test.texts)
    assert {lab: lv for lab, lv in zip(test.labels, test.levels)} == public_data.CSSRS_LEVELS
    assert all(isinstance(t, str) and t for t in test.texts)


def test_sdcnl_suicide_maps_to_high_and_depression_to_concern():
    split = public_data.sdcnl(ROOT, "test")
    assert {(y, lv) for y, lv in zip(split.labels, split.levels)} == {(1, 2), (0, 1)}
