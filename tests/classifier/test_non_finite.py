"""A model that computes NaN fails closed (issue 12; ../shared/repro/nan_model_fails_open.py).

NaN compares False with every threshold, so a NaN model used to rate everything level 0 and publish it.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from classifier import ClassificationFailure, ClassifierModel, load_model
from classifier.model import ModelFileError, non_finite_parts

TEXTS = ["I feel so hopeless and alone, nothing helps anymore", "I cant stop crying, my carer left"]


@pytest.fixture(scope="module")
def nan_parts(model):
    parts = dict(model.parts)
    parts["distress_intercept"] = np.array([np.nan] * 4)
    return parts


def test_non_finite_scores_make_each_text_a_held_failure(nan_parts):
    results = ClassifierModel(nan_parts).classify_safely(TEXTS)
    assert all(isinstance(r, ClassificationFailure) and r.needs_review for r in results)
    assert "non-finite" in results[0].error


def test_a_model_file_with_non_finite_parameters_is_refused_at_load(nan_parts, tmp_path):
    path = ClassifierModel(nan_parts).save(tmp_path / "nan.skops")
    assert non_finite_parts(nan_parts) == ["distress_intercept"]
    with pytest.raises(ModelFileError, match="non-finite .* distress_intercept"):
        load_model(path)


def test_the_cli_publishes_nothing_with_a_nan_model(nan_parts, tmp_path):
    path = ClassifierModel(nan_parts).save(tmp_path / "nan.skops")
    lines = "".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(TEXTS))
    r = subprocess.run([str(Path(sys.executable).parent / "peerfeed"), "classify"], input=lines, capture_output=True,
                       text=True, timeout=120, env=dict(os.environ, PEERFEED_MODEL_PATH=str(path)))
    assert r.returncode != 0
    assert "non-finite" in r.stderr
    assert all(json.loads(line)["needs_review"] for line in r.stdout.splitlines())


def test_the_shipped_model_is_finite(model):
    assert non_finite_parts(model.parts) == []
