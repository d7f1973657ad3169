"""One normalisation for training, inference and the rules: typographic punctuation reads as plain."""

import pytest

from classifier.text import normalise_text


@pytest.mark.parametrize(("raw", "plain"), [
    ("I\u2019m fine", "I'm fine"),
    ("\u2018quoted\u2019 and \u201cdouble\u201d", "'quoted' and \"double\""),
    ("partners \u2014 not tokens \u2013 really", "partners - not tokens - really"),
    ("caf\u00e9\u00a0\ufb01ne", "caf\u00e9 fine"),  # NFKC: no-break space and the fi ligature
    ("don\u02bct", "don't"),
    ("zero\u200bwidth", "zerowidth"),
])
def test_typographic_marks_become_plain(raw, plain):
    assert normalise_text(raw) == plain


def test_is_idempotent_and_keeps_case():
    once = normalise_text("We\u2019re \u201cHere\u201d \u2014 OK\u2026")
    assert normalise_text(once) == once
    assert once.startswith("We're \"Here\"")


def test_curly_and_straight_texts_get_the_same_features(model):
    curly = "I\u2019m worn out and lonely most days \u2014 nobody rings back."
    straight = "I'm worn out and lonely most days - nobody rings back."
    assert (model.features([curly]) != model.features([straight])).nnz == 0
    assert model.classify([curly])[0].reasons == model.classify([straight])[0].reasons
