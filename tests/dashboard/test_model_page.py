"""The staff Model page: the model in use, when it was trained, live precision and recall with the
sample behind them, and plain words when that sample is small."""

from __future__ import annotations

from classifier.monitoring import Proportion
from dashboard import model_status
from store.db import transaction
from store.models import Label
from tests.dashboard.test_app import open_app, page_text


def test_the_shipped_model_file_card_is_read_without_loading_the_model():
    card = model_status.model_file_card(model_status.default_model_path())
    assert card["version"].startswith("peerfeed-clf-") and card["trained_at"].tzinfo is not None
    assert model_status.model_file_card(None) == {}


def test_a_small_sample_is_called_small_and_none_is_no_data():
    few = Proportion(0.8, 0.49, 0.94, 8, 10)
    assert model_status.describe(few, "Recall") == (
        "Recall: 80% (95% interval 49% to 94%, from about 10 posts). Too few posts to lean on: with fewer "
        "than 30, the true figure may be anywhere in that interval.")
    many = Proportion(0.9, 0.85, 0.93, 180, 200)
    assert "Too few" not in model_status.describe(many, "Precision")
    assert model_status.describe(Proportion(None, 0, 1, 0, 0), "Recall") == "Recall: no data yet."


def test_estimates_at_both_lines():
    pairs = [(2, 2, 1.0), (2, 0, 1.0), (0, 0, 20.0), (0, 2, 20.0), (3, 3, 1.0)]
    by_label = {e.label: e.quality for e in model_status.estimates(pairs)}
    alarms = by_label["Alarms (level 2 high or 3 crisis)"]
    assert round(alarms.precision.value, 3) == round(2 / 3, 3)  # two of three alarms were right
    assert round(alarms.recall.value, 3) == round(2 / 22, 3)  # a missed spot check stands for 20
    assert "2 spot checks" in model_status.sample_summary(pairs)


def test_staff_see_the_model_page_with_its_figures(dash):
    engine, ids = dash
    with transaction(engine) as s:
        for model_level, level, weight in [(2, 2, 1.0), (2, 0, 1.0), (0, 0, 20.0)]:
            s.add(Label(post_id=ids["cafe"], actor="mod.alex", distress=level, model_version="test-1",
                        model_level=model_level, weight=weight))
    at = open_app("staff.chris", "model")
    text = page_text(at)
    assert "Version **test-1**" in at.markdown[0].value or "test-1" in text
    assert "From 3 levels moderators stated" in text
    assert "Too few posts to lean on" in text
    assert "Date last trained: not known here" in text  # the shipped file is another version than test-1
