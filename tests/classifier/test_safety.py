"""The safety rules read like a moderator's checklist: explicit crisis raises, talk about crisis does not."""

import pytest

from classifier.safety import apply_floor, assess, floor_level

CRISIS = [
    "I'm going to kill myself tonight.",
    "I've written my note. Sorry for everything.",
    "I've got the rope and I know where I'm going to do it.",
    "Took an overdose an hour ago.",
    "Standing on the bridge now.",
    "This is my last post. Please look after my cat.",
    "Goodbye everyone. Thank you for trying, I can't do this any more.",
    "Got two months of pills saved up.",
    "I won't be here tomorrow.",
    "My son has just texted me saying goodbye and now he's not answering.",
    "She's locked in the bathroom saying she is going to kill herself.",
    "My friend sent me a message saying she has pills and is going to take them tonight.",
]

HIGH = [
    "I wish I could go to sleep and not wake up.",
    "Everyone would be better off without me.",
    "I cut myself again last night.",
    "I keep thinking about suicide, it's loud today.",
    "She said she wants to end it.",  # a carer's report, no sign it is happening now
    "My dad told me he has been thinking about suicide.",
]

NOTHING = [
    "Completed my suicide prevention training today: ask directly, are you thinking about killing yourself?",
    "If you are feeling suicidal, call Samaritans free on 116 123.",
    "Ten years ago I took an overdose. Today I trained as a peer worker.",
    "When I was 19 I self-harmed every day; I'm 35 now and I run a group.",
    "Years ago I stood on a bridge and a stranger talked me down.",
    "Our peer team is absolutely killing it this quarter.",
    "Dead proud of my daughter, passed her driving test.",
    "The paperwork will be the death of me.",
    "In the role play the trainee said she wants to end it, and we practised asking about a plan.",
    "Lovely evening at the drop-in, bye everyone, see you Tuesday!",
    "New study on safety planning and suicide rates after discharge.",
]


@pytest.mark.parametrize("text", CRISIS)
def test_explicit_intent_plan_means_attempt_or_goodbye_is_crisis(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", HIGH)
def test_ideation_self_harm_and_carer_reports_are_high(text):
    assert floor_level(assess(text)) == 2, assess(text)


@pytest.mark.parametrize("text", NOTHING)
def test_talk_about_suicide_recovery_stories_and_idioms_fire_nothing(text):
    assert assess(text) == []


def test_negated_intent_is_not_a_plan_but_is_still_read():
    hits = assess("I'm not going to kill myself, don't worry.")
    assert floor_level(hits) == 1
    assert [h.rule for h in hits] == ["negated_intent"]


def test_negation_elsewhere_in_the_sentence_does_not_cancel_a_hit():
    assert floor_level(assess("I can't sleep and I want to die.")) == 2


def test_reported_danger_now_is_crisis_even_without_first_person():
    assert floor_level(assess("She said she wants to end it. She has pills with her tonight.")) == 3


def test_curly_apostrophes_are_read_like_straight_ones():
    assert floor_level(assess("I\u2019m going to end my life this weekend.")) == 3


def test_rules_only_raise_a_level():
    hits = assess("Dead proud of my daughter.")
    assert apply_floor(2, hits) == 2
    assert apply_floor(0, assess("I'm going to kill myself tonight.")) == 3
    assert apply_floor(3, assess("I'm not going to kill myself.")) == 3


def test_every_hit_carries_its_evidence_for_the_moderator():
    (hit,) = [h for h in assess("I've written my note.") if h.rule == "plan"]
    assert "written my note" in hit.reason()
    assert hit.reason().startswith("rule plan (level 3)")
