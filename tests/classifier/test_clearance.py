"""Automatic publication needs a margin: level 0 *and* P(level>=1) below the clearance threshold."""

from classifier import ClassifierModel, load_model
from classifier.model import PREVIOUS_MODEL_PATH

ORDINARY = "Our peer support group meets on Tuesday at 7pm in the library. New faces welcome."


def test_the_shipped_model_stores_a_clearance_threshold_below_t1(model):
    for head in (model.stage1, model.stage2):
        if head is not None:
            assert 0 < head.clearance <= head.thresholds["t1"]
    assert model.card["clearance"]["chosen_on"].startswith("out-of-fold")


def test_an_ordinary_post_clear_of_the_line_is_published(model):
    (r,) = model.classify([ORDINARY])
    assert r.distress == 0 and r.needs_review is False


def test_a_level_0_post_near_the_line_goes_to_a_person(model):
    parts = dict(model.parts, clearance={"p_concern_max": 0.0})
    if "dense" in parts:
        parts["dense"] = dict(parts["dense"], clearance={"p_concern_max": 0.0})
    (r,) = ClassifierModel(parts).classify([ORDINARY])
    assert r.distress == 0 and r.needs_review is True
    assert r.reasons[0].startswith("close to the line")


def test_an_older_model_file_without_a_clearance_uses_t1(model):
    # A format-1 file (TF-IDF only, from before the clearance existed): the current file's stage 1
    # with those parts taken out, since the previous model shipped is now itself a format-2 file.
    parts = {k: v for k, v in model.parts.items() if k not in ("clearance", "dense", "cascade", "encoder")}
    old = ClassifierModel(dict(parts, format=1))
    assert not old.uses_encoder
    assert old.clearance == old.parts["thresholds"]["t1"]
    assert load_model(PREVIOUS_MODEL_PATH).version != model.version
