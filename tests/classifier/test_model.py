"""The shipped model as the store and the CLI use it: batch in, one decision per post out."""

import json
from dataclasses import FrozenInstanceError
from pathlib import Path

import numpy as np
import pytest
from skops.io import dump

from classifier import TOPICS, Classification, ClassificationFailure, load_model
from classifier.model import DEFAULT_MODEL_PATH
from classifier.safety import RULE_SENTENCES

CRISIS_POSTS = [
    "I've taken all my tablets. I don't want to be saved.",
    "Goodbye everyone. I'm sorry for everything, I love you all.",
    "My husband has taken an overdose and won't let me call an ambulance.",
]
HIGH_OR_MORE = [
    "Everyone would be better off without me. I'm just a burden on my family.",
    "Worried sick about my daughter. She's stopped eating and told me she doesn't see the point of living.",
    "Started giving my things away. Don't really need them anyway.",
]
ABOUT_NOT_CRISIS = [
    "Completed my suicide prevention training today. Asking directly does not plant the idea.",
    "World Suicide Prevention Day walk in Leeds, meet at the bandstand at 11.",
    "If you're struggling, call Samaritans free on 116 123, any time.",
    "Ten years ago I tried to end my life. Today I trained as a peer worker.",
    "Our peer team is absolutely killing it this quarter. Dead proud of them.",
]


def test_reasons_are_plain_sentences_without_rule_ids_or_topic_keys(model):
    (r,) = model.classify(["I'm going to kill myself tonight. I've written my note."])
    assert r.reasons[0] == "says they intend to end their life: 'i'm going to kill myself', and a time: tonight"
    (t,) = model.classify(["Had my CPA review today; my care coordinator went through the care plan with me."])
    assert not any("rule " in x or "_" in x for x in r.reasons + t.reasons), r.reasons + t.reasons


def test_shipped_model_is_a_modest_skops_file(model):
    assert DEFAULT_MODEL_PATH.suffix == ".skops"
    assert DEFAULT_MODEL_PATH.stat().st_size < 5_000_000
    assert model.version.startswith("peerfeed-clf-")
    assert model.card["sources"]["corpus-train"] > 600


def test_classify_returns_one_frozen_result_per_text_in_order(model):
    texts = ["Our peer support group meets Tuesday at 7pm in the library.", CRISIS_POSTS[0]]
    results = model.classify(texts)
    assert [type(r) for r in results] == [Classification, Classification]
    assert results[0].distress == 0 and results[1].distress == 3
    with pytest.raises(FrozenInstanceError):
        results[0].distress = 3
    d = results[1].to_dict()
    assert set(d) == {"topics", "topic_scores", "distress", "distress_score", "needs_review", "reasons", "model_version"}
    assert json.loads(json.dumps(d)) == d
    assert set(d["topic_scores"]) == set(TOPICS)
    assert all(0.0 <= s <= 1.0 for s in d["topic_scores"].values())


@pytest.mark.parametrize("text", CRISIS_POSTS)
def test_crisis_posts_are_level_3_and_held(model, text):
    (r,) = model.classify([text])
    assert r.distress == 3 and r.needs_review
    assert any(reason.startswith(tuple(RULE_SENTENCES.values())) for reason in r.reasons), r.reasons


@pytest.mark.parametrize("text", HIGH_OR_MORE)
def test_indirect_and_carer_posts_are_at_least_high(model, text):
    (r,) = model.classify([text])
    assert r.distress >= 2 and r.needs_review, r.reasons


@pytest.mark.parametrize("text", ABOUT_NOT_CRISIS)
def test_posts_about_suicide_or_idioms_are_not_crisis(model, text):
    (r,) = model.classify([text])
    assert r.distress < 3, r.reasons


def test_topics_come_from_the_taxonomy_with_reasons(model):
    (r,) = model.classify(["Had my CPA review today; my care coordinator went through the care plan with me."])
    assert "care_planning" in r.topics
    assert any(reason.startswith("about care planning") for reason in r.reasons), r.reasons
    (e,) = model.classify(["Co-production workshop next Wednesday at 10am: service users, carers and staff as equal partners."])
    assert {"coproduction", "events"} <= set(e.topics)


def test_level_decision_reasons_name_words_not_character_fragments(model):
    r_text = "I feel completely hopeless. No future, no way out of this, nothing left."
    (r,) = model.classify([r_text])
    (line,) = [x for x in r.reasons if x.startswith("the model reads severe distress (high)")]
    terms = line.split("words that weigh most: ", 1)[1].split(", ")
    assert terms and all(t.startswith("'") and t.strip("'") in r_text.lower() for t in terms)


def test_classify_rejects_a_bare_string_and_non_text(model):
    with pytest.raises(TypeError):
        model.classify("one string")
    with pytest.raises(TypeError):
        model.classify(["fine", None])
    assert model.classify([]) == []


def test_classify_safely_holds_the_bad_post_and_keeps_the_others(model):
    results = model.classify_safely(["A calm post about our allotment.", None, CRISIS_POSTS[0]])
    assert isinstance(results[0], Classification) and isinstance(results[2], Classification)
    failure = results[1]
    assert isinstance(failure, ClassificationFailure)
    assert failure.needs_review and failure.distress is None
    assert "TypeError" in failure.error and failure.model_version == model.version
    assert results[2].distress == 3


def test_save_and_load_round_trip_gives_identical_decisions(model, tmp_path):
    path = model.save(tmp_path / "copy.skops")
    again = load_model(path)
    texts = ABOUT_NOT_CRISIS + CRISIS_POSTS
    assert [r.to_dict() for r in again.classify(texts)] == [r.to_dict() for r in model.classify(texts)]


def test_load_refuses_a_file_with_untrusted_types(model, tmp_path):
    from sklearn.preprocessing import StandardScaler

    parts = dict(model.parts)
    parts["extra"] = StandardScaler().fit(np.zeros((2, 1)))
    bad = tmp_path / "bad.skops"
    dump(parts, bad)
    with pytest.raises(ValueError, match="untrusted"):
        load_model(bad)


def test_load_names_a_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError, match=str(tmp_path / "none.skops")):
        load_model(Path(tmp_path / "none.skops"))


WORDPRESS_POSTS = [
    "This is exactly how I feel looking after my wife. Nobody rings back and I\u2019m worn out and lonely most days.",
    "Good decision. I\u2019ve followed you on Mastodon, it\u2019s much calmer over there.",
    "I don\u2019t use any of these apps. Will the newsletter still have the drop-in times?",
    "I stopped taking my medication nine days ago. I just don\u2019t see the point \u2014 I feel like a burden.",
]


def test_reasons_never_show_fragments_or_bare_function_words(model):
    import re

    for r in model.classify(WORDPRESS_POSTS):
        for reason in r.reasons:
            if reason.startswith(tuple(RULE_SENTENCES.values())):
                continue
            for term in re.findall(r"'([^']*(?:'[a-z]+)?)'", reason.split("most: ", 1)[-1]):
                tokens = term.split()
                assert all(len(t) > 1 or t in ("i", "a") for t in tokens), (term, reason)
                assert any(len(t) >= 3 for t in tokens), (term, reason)


def test_reason_terms_are_trimmed_of_function_words_and_shown_once():
    from classifier.model import plain_phrase

    assert plain_phrase("the office") == "office"
    assert plain_phrase("at the") == ""
    assert plain_phrase("crisis line") == "crisis line"


def test_a_handle_is_never_shown_as_a_reason(model):
    """Replies start with "@name": the name is no reason, though the model may weigh it."""
    import re

    from classifier.corpus import load_corpus

    replies = [e.text for e in load_corpus("heldout") if e.text.startswith("@")][:300]
    assert len(replies) >= 100
    for text, r in zip(replies, model.classify(replies)):
        handle = re.match(r"@(\w+)", text).group(1).lower()
        if re.search(rf"(?<!@)\b{handle}\b", text[len(handle) + 1:].lower()):
            continue  # the name is also used as a word in the post itself
        shown = " ".join(r.reasons).lower()
        assert not re.search(rf"'(?:[^']* )?{handle}(?: [^']*)?'", shown), (text, r.reasons)
