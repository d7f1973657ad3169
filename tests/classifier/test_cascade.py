"""The cheap first look lets only plainly ordinary short posts skip the encoder; the cache is exact."""

import numpy as np
import pytest

import classifier.safety as safety
from classifier.cascade import MAX_CHARS, distress_cue, may_skip_encoder
from classifier.text import normalise_text

WITH_CUES = [
    "Walked out to the end of the pier. The tide's coming in.",  # place, no crisis keyword
    "The letters are in the drawer for whoever finds them.",
    "Bit of a wobble this week, can't concentrate.",
    "Third locum in a year. Telling my story again is wearing me down.",
    "Not okay today tbh.",
    "I don't want to be here any more.",
]
PLAIN = [
    "Coffee and conversation on Tuesday at the library. No booking, just come.",
    "Congratulations on the new job! Let us know how the first week goes.",
]


def _skip(text):
    norm = normalise_text(text)
    return may_skip_encoder(norm, safety.assess(norm, normalised=True), None)


@pytest.mark.parametrize("text", WITH_CUES)
def test_a_post_with_any_distress_cue_never_skips_the_encoder(text):
    assert distress_cue(normalise_text(text)) is not None
    assert not _skip(text)


@pytest.mark.parametrize("text", PLAIN)
def test_a_plain_short_notice_may_skip_it(text):
    assert _skip(text)


def test_long_unreadable_or_rule_posts_never_skip():
    long_post = ("Our allotment group had a lovely afternoon planting bulbs and sharing soup. " * 6).strip()
    assert len(long_post) > MAX_CHARS and not _skip(long_post)
    norm = normalise_text(PLAIN[0])
    assert not may_skip_encoder(norm, [], unreadable=object())


def test_the_model_sends_cue_posts_to_stage_2_and_decides_plain_ones_alone(model):
    if not model.uses_encoder:
        pytest.skip("shipped model has no encoder stage")
    texts = [PLAIN[0], WITH_CUES[0]]
    plain = np.array([_skip(t) for t in texts])
    sc = model.score(texts, plain=plain)
    assert sc.stage[1] == 2
    (r,) = model.classify([PLAIN[0]])
    assert r.distress == 0 and not r.needs_review


def test_the_encoder_cache_returns_exactly_what_encoding_gives(model):
    from classifier.encoder import get_encoder

    enc = get_encoder()
    text = "a text for the cache test, seen twice"
    first = enc.encode([text])
    assert first.shape == (1, 384)
    again = enc.encode([text, "another one", text])
    np.testing.assert_array_equal(again[0], first[0])
    np.testing.assert_array_equal(again[2], first[0])
    fresh = enc._encode_uncached(["another one"])
    np.testing.assert_allclose(again[1], fresh[0], atol=1e-6)
