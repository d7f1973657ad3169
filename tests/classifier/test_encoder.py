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


@pytest.mark.parametrize("variant", ["all-MiniLM-L6-v2-onnx-int8", "all-MiniLM-L6-v2-onnx-int8-dynamic"])
def test_a_post_gets_the_same_embedding_whatever_it_is_read_with(variant):
    from classifier.corpus import load_corpus
    from classifier.encoder import SentenceEncoder

    # Corpus posts of many lengths, in two different orders and alone: the dynamic variant scales
    # its int8 activations per run, so batch-mates once moved an embedding by cosine 0.02.
    texts = [e.text for e in load_corpus("frozen")][:40]
    enc = SentenceEncoder(variant=variant, cache_size=0)
    together = enc.encode(texts)
    backwards = enc.encode(texts[::-1])[::-1]
    alone = np.vstack([enc.encode([t]) for t in texts])
    exact = 1e-6 if variant.endswith("dynamic") else 1e-4
    np.testing.assert_allclose(together, alone, atol=exact)
    np.testing.assert_allclose(backwards, alone, atol=exact)


def test_the_cascade_sends_only_unsure_posts_to_the_encoder(model):
    if not model.uses_encoder:
        pytest.skip("shipped model has no encoder stage")
    sc = model.score(["Our peer support group meets Tuesday at 7pm in the library, all welcome.",
                      "I feel like everyone would be better off if I just disappeared."])
    assert list(sc.stage) == [1, 2] or sc.stage[1] == 2


# --- the int8-dynamic variant: derived on first use, cached, checked, and run only for the models trained with it


def _ops(path) -> set[str]:
    import onnx

    return {n.op_type for n in onnx.load(str(path)).graph.node}


def test_the_dynamic_variant_is_derived_into_the_cache_and_really_runs_in_int8(tmp_path, monkeypatch):
    from classifier import encoder

    monkeypatch.setenv("PEERFEED_CACHE_DIR", str(tmp_path / "cache"))
    enc = encoder.SentenceEncoder(variant=encoder.NAME)
    files = list((tmp_path / "cache").glob("*.onnx"))
    assert len(files) == 1 and encoder.MODEL_SHA256[:12] in files[0].name
    assert not list((tmp_path / "cache").glob("*.partial"))
    # Integer products (the point of the variant), not float MatMuls over dequantised weights.
    assert {"DynamicQuantizeLinear", "MatMulInteger"} <= _ops(files[0])
    assert "MatMulInteger" not in _ops(model_files()[0])
    texts = ["I feel hopeless and alone tonight.", "Coffee morning for carers on Friday at 10am.",
             "Our CPA review moved to Thursday; the care co-ordinator will ring you."]
    dyn, weights_only = enc.encode(texts), get_encoder(encoder.WEIGHTS_ONLY).encode(texts)
    np.testing.assert_allclose(np.linalg.norm(dyn, axis=1), 1.0, rtol=1e-5)
    cos = (dyn * weights_only).sum(axis=1)
    assert cos.min() > 0.97 and not np.allclose(dyn, weights_only, atol=1e-3)
    # A second encoder reuses the cached file (same bytes, nothing derived again).
    before = files[0].stat().st_mtime_ns
    again = encoder.SentenceEncoder(variant=encoder.NAME).encode(texts)
    assert files[0].stat().st_mtime_ns == before
    np.testing.assert_allclose(again, dyn, atol=1e-6)


@pytest.mark.parametrize("damage", ["garbage", "other_model"])
def test_a_damaged_or_wrong_cache_file_is_derived_again(tmp_path, monkeypatch, damage):
    import onnxruntime as ort

    from classifier import encoder

    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("PEERFEED_CACHE_DIR", str(cache))
    bad = cache / f"minilm-l6-int8-dynamic-{encoder.MODEL_SHA256[:12]}-ort{ort.__version__}.onnx"
    if damage == "garbage":
        bad.write_bytes(b"not an onnx file")
    else:  # a readable model that is not the derived one: the float32 file itself
        bad.write_bytes(model_files()[0].read_bytes())
    enc = encoder.SentenceEncoder(variant=encoder.NAME)
    assert enc._matches_reference()
    assert not bad.exists() or "MatMulInteger" in _ops(bad)


def test_an_unwritable_cache_folder_still_gives_the_encoder(tmp_path, monkeypatch):
    from classifier import encoder

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PEERFEED_CACHE_DIR", str(blocker / "cache"))
    enc = encoder.SentenceEncoder(variant=encoder.NAME)
    assert enc._matches_reference()


def test_an_unknown_variant_is_refused_and_its_model_holds_every_post(model):
    from classifier import encoder
    from classifier.model import ClassificationFailure, ClassifierModel

    with pytest.raises(encoder.EncoderUnavailable, match="unknown encoder"):
        encoder.SentenceEncoder(variant="some-other-encoder")
    if not model.uses_encoder:
        pytest.skip("shipped model has no encoder stage")
    parts = dict(model.parts)
    parts["encoder"] = {**parts["encoder"], "name": "some-other-encoder"}
    odd = ClassifierModel(parts)
    out = odd.classify_safely(["I have been feeling so low and tired of everything lately.",
                               "Peer support group moves to the library on Tuesday."])
    # A post the cheap stage clears alone is still classified; one that needs the encoder is held.
    assert isinstance(out[0], ClassificationFailure) and out[0].needs_review
    assert "unknown encoder" in out[0].error
    assert not isinstance(out[1], ClassificationFailure) and out[1].distress == 0


def test_models_run_with_the_variant_they_were_trained_with(model):
    from classifier import encoder

    if not model.uses_encoder:
        pytest.skip("shipped model has no encoder stage")
    assert model.encoder_name == model.parts["encoder"]["name"] and model.encoder_name in encoder.VARIANTS
