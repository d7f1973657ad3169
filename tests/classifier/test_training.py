"""Retraining on a small subset: deterministic, learns from moderator labels, promotion guarded."""

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from classifier.cli import model_app
from classifier.corpus import load_corpus
from classifier.labels import Example
from classifier.safety import assess, floor_level
from classifier.training import TrainConfig, promote_if_not_worse, train

SMALL = TrainConfig(use_public=False, folds=3, word_features=3000, char_features=3000, encoder=False)


@pytest.fixture(scope="module")
def subset():
    return load_corpus("train")[::2]


@pytest.fixture(scope="module")
def small_model(subset):
    return train(config=SMALL, corpus=subset)


def test_training_is_deterministic(small_model, subset):
    again = train(config=SMALL, corpus=subset)
    assert again.version == small_model.version
    texts = [e.text for e in load_corpus("heldout")[:40]]
    np.testing.assert_allclose(again.level_probabilities(again.features(texts)),
                               small_model.level_probabilities(small_model.features(texts)))


def test_training_needs_every_level(subset):
    with pytest.raises(ValueError, match=r"level\(s\) \[3\]"):
        train(config=SMALL, corpus=[e for e in subset if e.distress < 3])


def test_thresholds_are_recall_first(small_model):
    t = small_model.card["thresholds"]
    assert 0 < t["t2"] <= 0.5 and 0.5 <= t["t3"] <= 0.7


def test_moderator_labels_change_the_model(small_model, subset):
    extra = [Example("the allotment rota is a shambles again", 1, ["recovery_wellbeing"])] * 5
    retrained = train(extra_examples=extra, config=SMALL, corpus=subset)
    assert retrained.version != small_model.version
    assert retrained.card["sources"]["reviews"] == 5


def test_a_model_that_misses_high_distress_is_not_promoted(small_model, subset):
    # The same data with every level 2 and 3 post the rules miss relabelled 0: a model blind to
    # indirect distress.
    def relabel(e):
        blind_spot = e.distress >= 2 and floor_level(assess(e.text)) < 2
        return Example(e.text, 0 if blind_spot else e.distress, e.topics, e.source, group=e.group)

    blind = train(config=SMALL, corpus=[relabel(e) for e in subset])
    # Evaluate on posts the safety rules do not catch, so only the model can find them.
    held = [e for e in load_corpus("heldout") if floor_level(assess(e.text)) < 2]
    assert any(e.distress >= 2 for e in held)
    assert promote_if_not_worse(small_model, blind, held)
    assert not promote_if_not_worse(blind, small_model, held)
    assert promote_if_not_worse(small_model, None)


@pytest.mark.slow  # a full retrain and evaluation through the CLI: over two minutes on a busy 2-core machine
def test_cli_train_with_extra_labels_and_evaluate(tmp_path):
    extra = tmp_path / "reviews.jsonl"
    extra.write_text(json.dumps({"text": "Feeling let down by the crisis line again.", "distress": 1,
                                 "topics": ["services_access"]}) + "\n"
                     + json.dumps({"text": "Our choir killed it tonight", "distress": 0, "topics": None}) + "\n")
    out = tmp_path / "m.skops"
    runner = CliRunner()
    result = runner.invoke(model_app, ["train", "--extra", str(extra), "--out", str(out), "--no-public", "--no-encoder"])
    assert result.exit_code == 0, result.output
    assert out.is_file() and "level>=2 recall" in result.output
    result = runner.invoke(model_app, ["evaluate", "--model", str(out), "--no-public"])
    assert result.exit_code == 0, result.output
    assert "true \\ pred" in result.output and "held-out community split" in result.output
    assert "frozen evaluation split" in result.output and "previous model vs this one" in result.output


def test_cli_train_rejects_a_bad_labels_file(tmp_path):
    extra = tmp_path / "bad.jsonl"
    extra.write_text('{"text": "no level"}\n')
    result = CliRunner().invoke(model_app, ["train", "--extra", str(extra), "--out", str(tmp_path / "m.skops"), "--no-public",
                                            "--no-encoder"])
    assert result.exit_code != 0
    assert "line 1" in result.output


def test_calibration_reads_each_level_from_its_own_probability():
    """Evidence against 'concern' must never count as evidence for 'crisis' (the maintenance-notice page)."""
    from classifier.training import _apply_calibration, _calibrate

    rng = np.random.default_rng(0)
    y = rng.integers(0, 4, 400)
    raw = rng.dirichlet(np.ones(4), 400)
    raw[np.arange(400), y] += 0.5
    raw /= raw.sum(axis=1, keepdims=True)
    cal = _calibrate(raw, y)
    assert np.allclose(cal.coef_, np.diag(np.diag(cal.coef_)))
    a = np.array([[0.70, 0.05, 0.05, 0.20]])
    b = np.array([[0.70, 1e-6, 0.10 - 1e-6, 0.20]])  # far less 'concern', same crisis and none
    pa, pb = _apply_calibration(cal, a), _apply_calibration(cal, b)
    assert np.isclose(pa[0, 3] / pa[0, 0], pb[0, 3] / pb[0, 0])


def test_taxonomy_words_pick_their_word_columns():
    from classifier.labels import TOPICS
    from classifier.training import _keyword_columns

    M = _keyword_columns(["carers", "carer's", "side effects", "jobcentre", "the"], 6)
    assert M.shape == (6, len(TOPICS))
    assert M[0, TOPICS.index("carers")] == M[1, TOPICS.index("carers")] == 1
    assert M[2, TOPICS.index("treatment")] == 1
    assert M[3:].sum() == 0  # "jobcentre" is not an inflection of "job"; "the" is nobody's keyword


def test_topic_heads_keep_the_file_format_and_share_one_threshold(small_model):
    # The keyword feature is folded into the word coefficients: one coefficient per TF-IDF column.
    assert small_model.parts["topic_coef"].shape[1] == small_model.features(["x"]).shape[1]
    assert len(set(small_model.parts["topic_thresholds"].tolist())) == 1
    assert small_model.card["stage1"]["topics"]["threshold_rule"] == "shared"
