"""A crisis page needs evidence: a rule, or both stages of the model. Ordinary notices never page."""

import pytest

SERVICE_NOTICES = [
    "Our website is down for maintenance tonight between 10pm and midnight. The helpline numbers are in the pinned post.",
    "Planned maintenance: the app will be unavailable tonight from 11pm. Sorry for any inconvenience.",
    "Our phone lines are closed tonight for essential engineering works. The crisis line numbers are on our website.",
    "The referral portal will be offline tonight while the trust upgrades its servers. Back by 7am.",
]


@pytest.mark.parametrize("text", SERVICE_NOTICES)
def test_a_service_notice_is_never_a_crisis(model, text):
    (r,) = model.classify([text])
    assert r.distress < 3, r.reasons


def test_a_model_only_crisis_needs_both_stages():
    """Posts stage 2 rates 3 stay at 3 only while stage 1 also reads crisis: with stage 1's crisis
    threshold out of reach, the same posts come out at 2, marked unconfirmed (held, no page)."""
    from classifier.corpus import load_corpus
    from classifier.model import load_model

    model = load_model()  # a fresh copy: its thresholds are changed below
    if not model.uses_encoder:
        pytest.skip("shipped model has no encoder stage")
    texts = [e.text for e in load_corpus("train") if e.distress == 3][:200]
    before = model.score(texts)
    confirmed = (before.stage == 2) & (before.model_levels == 3)
    assert confirmed.sum() >= 5, "expected some crisis posts the model alone rates 3 through stage 2"
    assert not before.crisis_unconfirmed[confirmed].any()
    model.stage1.thresholds = {**model.stage1.thresholds, "t3": 1.01}
    after = model.score(texts)
    assert (after.model_levels[confirmed] == 2).all() and after.crisis_unconfirmed[confirmed].all()


def test_the_maintenance_notice_is_no_model_only_crisis_in_either_stage(model):
    assert model.score([SERVICE_NOTICES[0]]).model_levels[0] < 3


def test_crisis_with_rule_evidence_still_pages(model):
    (r,) = model.classify(["Parked up at the reservoir with the engine running. Tell my mum I'm sorry."])
    assert r.distress == 3 and r.needs_review


def test_an_unconfirmed_crisis_says_so_in_plain_words(model):
    if not model.uses_encoder:
        pytest.skip("shipped model has no encoder stage")
    (r,) = model.classify([SERVICE_NOTICES[0]])
    if r.distress == 2 and model.score([SERVICE_NOTICES[0]]).crisis_unconfirmed[0]:
        assert "without paging" in r.reasons[0]
