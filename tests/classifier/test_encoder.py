"""The sentence encoder: packaged files, checked by hash, loaded lazily, and the cascade around it."""

import subprocess
import sys

import numpy as np
import pytest

from classifier.encoder import MODEL_SHA256, get_encoder, model_files


def test_nothing_is_loaded_at_import():
    code = ("import sys, classifier, classifier.model, classifier.encoder; "
            "assert 'onnxruntime' not in sys.modules and 'py3langid.langid' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_files_come_from_installed_packages_and_match_their_hashes():
    onnx_path, tok_path = model_files()
    assert "site-packages" in str(onnx_path) and onnx_path.name == "model.onnx"
    assert tok_path.name == "tokenizer.json"
    assert MODEL_SHA256.startswith("8199be6f")


def test_embeddings_are_unit_length_and_put_similar_posts_close():
    e = get_encoder().encode(["I feel hopeless and alone tonight.", "Everything feels hopeless and I'm so lonely.",
                              "Coffee morning for carers on Friday at 10am.", ""])
    assert e.shape == (4, 384) and e.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(e, axis=1), 1.0, rtol=1e-5)
    assert e[0] @ e[1] > e[0] @ e[2] + 0.2


def test_batches_give_the_same_embedding_as_one_at_a_time():
    texts = ["short one", "a much longer post about the waiting list for talking therapies in our area", "mid length post"]
    together = get_encoder().encode(texts)
    alone = np.vstack([get_encoder().encode([t]) for t in texts])
    np.testing.assert_allclose(together, alone, atol=1e-4)


def test_the_cascade_sends_only_unsure_posts_to_the_encoder(model):
    if not model.uses_encoder:
        pytest.skip("shipped model has no encoder stage")
    sc = model.score(["Our peer support group meets Tuesday at 7pm in the library, all welcome.",
                      "I feel like everyone would be better off if I just disappeared."])
    assert list(sc.stage) == [1, 2] or sc.stage[1] == 2
