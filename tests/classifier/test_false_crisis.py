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


def test_a_model_only_crisis_needs_both_stages(model):
    if not model.uses_encoder:
        pytest.skip("shipped model has no encoder stage")
    sc = model.score([SERVICE_NOTICES[0]])
    assert sc.stage[0] == 2 and sc.model_levels[0] < 3


def test_crisis_with_rule_evidence_still_pages(model):
    (r,) = model.classify(["Parked up at the reservoir with the engine running. Tell my mum I'm sorry."])
    assert r.distress == 3 and r.needs_review


def test_an_unconfirmed_crisis_says_so_in_plain_words(model):
    if not model.uses_encoder:
        pytest.skip("shipped model has no encoder stage")
    (r,) = model.classify([SERVICE_NOTICES[0]])
    if r.distress == 2 and model.score([SERVICE_NOTICES[0]]).crisis_unconfirmed[0]:
        assert "without paging" in r.reasons[0]
