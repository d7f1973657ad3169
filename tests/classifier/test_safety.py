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
    "I can't do this anymore. Tonight I'm going to take all my pills.",
    "going to end it all tonight",
    "Ending it tonight. Sorry everyone.",
    "ending it 2nite. sry mum. luv u x",
    "I'm ending it all.",
    "End my life tonight, that's the plan.",
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
    "I took all the leaflets from the GP surgery for our carers' stall. Bye everyone!",
    "Tonight I'm going to the cinema with my sister.",
    "I'm going to take my meds and have an early night.",
    "He cheated again. I'm ending it with him tomorrow.",
    "Ending it here, see you tomorrow for part two!",
    "Our podcast is ending it tomorrow after 200 episodes.",
    "This is my last post as editor of the forum newsletter: Kemi takes over from January. See you all in spring!",
    "My last post as group chair - thank you all, the new chair starts next week.",
    "He cheated on me again so I'm ending it tomorrow.",
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
    assert hit.reason() == "says they have a plan: 'i've written my note'"


def test_a_crisis_with_a_time_says_the_time():
    (hit,) = [h for h in assess("I'm going to kill myself tonight.") if h.rule == "intent"]
    assert hit.reason().endswith("and a time: tonight")


# A person's goodbye is crisis; an organisation leaving a platform, a seasonal sign-off, or a
# reference back to an earlier post is not.
PERSONAL_GOODBYES = [
    "this is my last post. goodbye everyone",
    "This is my last post.",
    "My final message: I love you all, forgive me.",
    "Last post. I've got the pills and I'm ready.",
    "this is my last post on here. goodbye everyone, thank you for being my friends",
]
ORGANISATIONAL_GOODBYES = [
    "After a lot of talk at the members\u2019 meeting we have decided to stop posting on X. "
    "Too many of you told us the site felt hostile. This is our last post there.",
    "Our last post on X is below for the record. This is our last post here. Thank you for six years of kindness.",
    "We\u2019re leaving Facebook. Find us on Mastodon from Monday.",
    "Signing off for the Christmas break. Back on 5 January; Samaritans are there any time on 116 123.",
    "Last post of the year from the peer team: thank you all, see you in 2027.",
    "My last post before Christmas: the drop-in is closed on the 25th and 26th.",
    "This is my last post on Twitter, come and find me on Bluesky!",
    "In my last post I wrote about care plans. Here is part two.",
    "My last post was about the waiting list; a few of you asked for an update.",
]


@pytest.mark.parametrize("text", PERSONAL_GOODBYES)
def test_a_persons_last_post_is_a_crisis_goodbye(text):
    hits = assess(text)
    assert floor_level(hits) == 3
    assert any(h.rule in ("goodbye", "farewell") for h in hits)


@pytest.mark.parametrize("text", ORGANISATIONAL_GOODBYES)
def test_platform_and_seasonal_goodbyes_fire_nothing(text):
    assert assess(text) == []


def test_typographic_punctuation_reads_like_plain():
    assert floor_level(assess("I\u2019ve written my note \u2014 sorry for everything.")) == 3
    assert floor_level(assess("\u201cI\u2019m a burden\u201d, that\u2019s all I think.")) == 2


# --- the one-scan gate in front of the rules ----------------------------------------------------

def _texts_to_check() -> list[str]:
    """Our corpus, the checklists above, and the public sets in ../shared when present."""
    from classifier import public_data
    from classifier.corpus import load_corpus

    texts = [e.text for e in load_corpus()] + CRISIS + HIGH + NOTHING
    root = public_data.find_datasets_dir()
    if root is not None:
        texts += public_data.cssrs(root, "test").texts + public_data.sdcnl(root, "test").texts[:400]
    return texts


def test_the_gate_rejects_a_text_only_when_no_rule_pattern_matches_it():
    # The gate skips the rules for a text it rejects, so it must never reject one a rule would read.
    from classifier.safety import _ANY_RULE, _FIRST_BARE as _FIRST, _REPORTED_BARE as _REPORTED, normalise

    texts = _texts_to_check()
    matched = 0
    for text in texts:
        norm = normalise(text)
        any_pattern = any(p.search(norm) for _, _, p in _FIRST) or any(p.search(norm) for _, p in _REPORTED)
        assert (_ANY_RULE.search(norm) is not None) == any_pattern, text[:200]
        matched += any_pattern
    assert 0 < matched < len(texts)  # both sides of the gate were exercised


def test_already_normalised_text_is_read_the_same():
    from classifier.text import normalise_text

    for text in CRISIS + HIGH + NOTHING + ["I\u2019m going to kill myself tonight \u2014 sorry"]:
        assert assess(normalise_text(text), normalised=True) == assess(text)


# Crisis told without the usual words: place, means laid out, affairs in order, beside words of
# leaving. Alone, the place or the tablets are no crisis (at most level 1: a person reads it).
INDIRECT_CRISIS = [
    "Drove out to the quarry. I don't think I'm driving home. Tell my mum I'm sorry.",
    "Counted out the tablets on the table. Nobody needs to come.",
    "Rehomed the cat and wrote my letters. The keys are with next door.",
    "My partner has locked himself in the garage with the engine running. Tell the kids I'm sorry.",
    "Please don't try to find me. Thank you for everything.",
]
INDIRECT_NOTHING = [
    "Sitting by the reservoir with a flask, lovely morning.",
    "Picked up a month of my tablets from the pharmacy.",
    "We sat on the pier eating chips, sorry for the spam of photos!",
    "We sat on the roof terrace at the community centre in the sun today.",
    "In the training scenario the caller says she's on the bridge and it's time; we practise what to say.",
]


@pytest.mark.parametrize("text", INDIRECT_CRISIS)
def test_crisis_by_place_means_or_farewell_is_level_3(text):
    hits = assess(text)
    assert floor_level(hits) == 3, hits
    assert "'" in hits[0].reason() and not hits[0].reason().startswith("rule ")


@pytest.mark.parametrize("text", INDIRECT_NOTHING)
def test_a_place_or_tablets_alone_fire_nothing(text):
    assert floor_level(assess(text)) < 2, assess(text)


def test_recovery_at_an_age_is_past():
    assert assess("When I was twenty I took an overdose and woke up in intensive care. I'm 46 now.") == []


@pytest.mark.parametrize("text", [
    "Standing at the edge of the cliff. It's quiet and I feel calm.",
    "Sitting on the bridge by the station watching the water.",
    "Tablets lined up on the table next to a glass of water.",
])
def test_a_place_or_means_without_words_of_leaving_is_never_published(text):
    hits = assess(text)
    assert floor_level(hits) >= 1, hits
    assert any("a person should read it" in h.reason() for h in hits)


def test_a_place_told_in_the_past_still_fires_nothing():
    assert floor_level(assess("Years ago I used to sit on the bridge for hours. Now I walk past it to work.")) == 0


# --- false pages a corpus writer found (2026-12-03), each beside the crises it must not hide -----

@pytest.mark.parametrize("text", [
    "Tonight's the night: our peer-led open mic at the Crown. Doors 7pm. Poetry, guitars and one brave man with a kazoo.",
    "tonight's the night for the carers' quiz! teams of four, bring a pen",
    "Tonight's the night! Doors open at 7, free entry.",
    "Tonight's the night of the volunteer awards, fingers crossed for our Sandra.",
])
def test_tonights_the_night_announcing_an_event_is_no_intent(text):
    assert floor_level(assess(text)) < 3, assess(text)


@pytest.mark.parametrize("text", [
    "tonight's the night, I've got the tablets ready",
    "Tonight's the night.",
    "Tonight's the night. After the party nobody will see me again.",
    "tonight's the night! after the party i'm going to end it",
    "Tonight's the night, once the party is over. Sorry for everything.",
    "Tonight's the night: the last show I'll ever see. Forgive me.",
    "tonight's the night of the party and then I'm going to the bridge",
])
def test_tonights_the_night_without_an_event_or_beside_a_crisis_word_is_still_intent(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "This is goodbye from our little blog: everything moves to the new website tomorrow. Thank you for reading since 2014.",
    "This is goodbye from all of us at the Wednesday drop-in: the funding has ended.",
    "This is goodbye from the carers' network page, we're moving to Mastodon.",
    "this is goodbye to twitter, find us on bluesky",
])
def test_a_blog_page_or_organisation_saying_goodbye_is_no_crisis(text):
    assert floor_level(assess(text)) < 3, assess(text)


@pytest.mark.parametrize("text", [
    "this is goodbye, I'm sorry for everything",
    "This is goodbye.",
    "this is goodbye from me. look after mum",
    "This is goodbye from my blog.",
    "This is goodbye to this account and to all of you.",
    "this is goodbye to the group, thank you for everything",
    "This is goodbye from our blog. Tell my mum I love her.",
    "This is my goodbye to the page.",
])
def test_a_persons_this_is_goodbye_is_still_a_crisis(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "Last post from me before the wedding! Phone off for a week, see you on the other side as Mrs Okafor",
    "last post from me until I'm back from honeymoon x",
    "My last post before my op on Tuesday, wish me luck!",
    "Last post before the weekend: the drop-in is moving rooms.",
])
def test_last_post_before_an_ordinary_event_is_no_goodbye(text):
    assert floor_level(assess(text)) < 3, assess(text)


@pytest.mark.parametrize("text", [
    "last post from me. look after mum",
    "Last post from me.",
    "Last post from me before I go.",
    "last post from me before the end",
    "Last post from me before the wedding. I can't do this any more.",
    "My last post before Christmas. Sorry for everything.",
])
def test_last_post_from_me_without_an_ordinary_event_or_beside_a_crisis_word_is_a_goodbye(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "Role play on the suicide alertness course: I played a farmer who'd been 'tying up loose ends' and the trainee "
    "had to pick up the hint. Hardest acting I've done.",
    "Role play on the course today. The actor said \"I'm going to kill myself tonight\" and I froze.",
    "In the role play I said I've written my note, and the trainee asked about a plan.",
])
def test_a_characters_words_in_a_role_play_fire_nothing(text):
    assert assess(text) == []


@pytest.mark.parametrize(("text", "level"), [
    ("I'm tying up loose ends, the will's done, the dog's going to my sister.", 2),
    ("Did the suicide alertness course last month. Now I'm tying up loose ends myself.", 2),
    ("This isn't a role play: I'm tying up loose ends.", 2),
    ("I played a farmer in the role play. For real though, I'm tying up loose ends.", 2),
    ("Role play at work today was fine. I've written my note though.", 3),
    ("Case study in my essay was hard to write. I want to die tonight.", 3),
])
def test_the_writers_own_words_beside_a_course_or_role_play_still_fire(text, level):
    assert floor_level(assess(text)) >= level, assess(text)


@pytest.mark.parametrize("text", [
    "I'm tying up loose ends, the will's done, the dog's going to my sister.",
    "the will's sorted and i'm tying up loose ends. sorry for everything",
])
def test_tying_up_loose_ends_beside_a_will_done_or_a_pet_rehomed_is_a_crisis(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "The dog's going to my sister while we're in Spain.",
    "Finally got the will done at the solicitor's, one less job.",
])
def test_one_sign_of_affairs_in_order_alone_is_no_crisis(text):
    assert floor_level(assess(text)) < 3, assess(text)


def test_means_said_to_be_over_are_not_means_laid_out():
    assert assess("Switching from tablets to the monthly injection was my choice and I'd do it again. "
                  "No more counting pills, one less thing to think about every morning.") == []


@pytest.mark.parametrize(("text", "level"), [
    ("No more counting pills. Tablets lined up on the table in front of me.", 1),
    ("no more counting pills. goodbye everyone, tell my mum i'm sorry", 3),
    ("Counting out the pills on the table.", 1),
])
def test_means_laid_out_beside_a_no_more_still_fire(text, level):
    assert floor_level(assess(text)) == level, assess(text)


def test_self_harm_from_an_age_until_an_age_is_a_recovery_story():
    assert assess("I self-harmed from the age of fourteen until I was about twenty-two. I'm thirty-four now.") == []


@pytest.mark.parametrize("text", [
    "I've self-harmed since the age of fourteen and I cut myself again last night.",
    "I self-harmed from the age of fourteen and I still do.",
])
def test_self_harm_since_an_age_is_still_now(text):
    assert floor_level(assess(text)) == 2, assess(text)


@pytest.mark.parametrize("text", [
    "My last post on here was about the clinic's new kettle. Last week I told the nurse I'm not coming back.",
    "My last post before Christmas: the pharmacy is open on the 27th for your meds.",
])
def test_a_reference_back_or_a_notice_naming_meds_is_no_goodbye(text):
    assert not any(h.rule == "goodbye" for h in assess(text)), assess(text)


@pytest.mark.parametrize("text", [
    "We sat on the roof terrace at the community centre in the sun today. Felt like being on holiday.",
    "Radio piece this morning on the bridge barriers campaign. The families who pushed for them deserve every bit of credit.",
])
def test_a_roof_terrace_or_a_bridge_barriers_campaign_is_no_dangerous_place(text):
    assert assess(text) == []


@pytest.mark.parametrize("text", ["Sat on the roof of the car park.", "Sitting on the bridge barrier now."])
def test_a_roof_or_a_bridge_barrier_is_still_read_by_a_person(text):
    assert floor_level(assess(text)) >= 1, assess(text)


@pytest.mark.parametrize("text", [
    "If you're having thoughts of suicide, call Samaritans on 116 123.",
    "Anyone having thoughts of suicide can text SHOUT to 85258.",
    "If you feel you want to die, please ring 111 and choose the mental health option.",
])
def test_a_helpline_footer_speaking_to_the_reader_is_no_ideation(text):
    assert assess(text) == []


@pytest.mark.parametrize("text", [
    "I'm having thoughts of suicide again.",
    "Does anyone else want to die every morning?",
    "Does anyone else have thoughts of suicide all the time?",
    "If you ask me, I want to die.",
    "if anyone reads this, i want to die",
])
def test_the_writers_own_ideation_beside_you_or_anyone_still_fires(text):
    assert floor_level(assess(text)) == 2, assess(text)


# Everyday words that share a crisis rule's keywords, each beside the crisis it must not hide.
@pytest.mark.parametrize("text", [
    "I'm going to jump out of a plane for Mind in June, sponsor link in bio!",
    "Got my meds from the chemist today, no queue for once.",
    "Goodbye everyone, and thank you for coming to the AGM!",
    "Bye all, thank you for a lovely evening at the carers' group.",
    "Ran 10 kms this morning for the Mind fundraiser!",
    "Overdosed on mince pies again this year.",
])
def test_everyday_words_sharing_a_crisis_keyword_do_not_page(text):
    assert floor_level(assess(text)) < 2, assess(text)


@pytest.mark.parametrize("text", [
    "Sitting on the platform waiting for the 8:15 to the conference.",
    "Standing on the platform at Leeds, train cancelled again.",
])
def test_a_platform_alone_is_a_place_a_person_reads_not_an_attempt(text):
    assert floor_level(assess(text)) == 1, assess(text)


@pytest.mark.parametrize("text", [
    "I'm going to jump.",
    "I'm going to jump off the bridge tonight.",
    "Got my meds saved up.",
    "got the tablets from the chemist, enough now, sorry everyone",
    "Got my tablets from the pharmacy. Tonight I'm going to end it.",
    "Sitting on the platform. Next train is mine. Tell mum I'm sorry.",
    "Goodbye everyone, thank you for everything.",
    "Bye all, thank you for coming, love you all x",
    "Overdosed on my tablets.",
    "kms tonight",
])
def test_the_same_keywords_in_a_crisis_still_fire(text):
    assert floor_level(assess(text)) >= 2 if "kms" in text else floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "Sat on the train platform waiting for the fast one. Bye.",
    "Standing on the platform waiting for the fast train. Not getting on it. Love to everyone who tried.",
    "Standing on the platform, the 8:15 is cancelled. Tell mum I'm sorry.",
])
def test_a_platform_beside_a_fast_train_or_words_of_leaving_is_still_an_attempt(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "I have written my letters to the MP about the cuts. Please write yours.",
    "I've written my letter to the council about the day centre closure.",
    "I won't be around tomorrow, the office is closed for training.",
    "I won't be here tomorrow, annual leave! Jo is covering the inbox.",
    "This is my last post on the old account, follow the new one!",
    "Last post from me for a while, off to Spain for two weeks!",
])
def test_campaign_letters_a_day_off_and_an_old_account_are_no_plan_or_goodbye(text):
    assert floor_level(assess(text)) < 3, assess(text)


@pytest.mark.parametrize("text", [
    "I've written my letters to the kids.",
    "I won't be here tomorrow.",
    "I won't be here tomorrow, going away for good.",
    "I won't be here tomorrow, the office is closed. Tell mum I'm sorry.",
    "Last post from me for a while. I'm sorry for everything.",
])
def test_letters_to_family_or_no_reason_for_not_being_here_are_still_a_crisis(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "Left the dog with my mum and the keys are with next door while we're away in Cornwall.",
    "The bills are paid and the flat is tidy, ready for the inspection tomorrow.",
])
def test_keys_pets_and_bills_sorted_for_a_holiday_or_an_inspection_are_no_crisis(text):
    assert floor_level(assess(text)) < 3, assess(text)


@pytest.mark.parametrize("text", [
    "Keys are with next door and the cat is with my sister. Whoever finds this, I'm sorry.",
    "The keys are with next door, the bills are paid. Going away for good.",
    "Left the dog with mum, keys are with next door, while I'm away. Sorry for everything.",
])
def test_household_affairs_beside_words_of_leaving_are_still_a_crisis(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "Been googling how to make sourdough all afternoon.",
    "I've been researching how to appeal a PIP decision, anyone got tips?",
    "Been googling how to become a peer support worker.",
])
def test_looking_up_how_to_do_an_everyday_thing_is_no_plan(text):
    assert assess(text) == []


@pytest.mark.parametrize("text", [
    "I've been researching how to do it.",
    "been googling how to make it painless",
    "looking up how many paracetamol",
    "googling how to get hold of more tablets",
])
def test_looking_up_how_to_do_it_is_still_a_plan(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "My daughter said goodbye at the school gates without crying for the first time!",
    "My son texted goodbye from the airport, off to uni in Canada. Proud mum.",
    "My friend posted goodbye to her old job today, onwards and upwards.",
    "My brother is locked in a contract dispute with his landlord.",
    "I'm going to end things with the gym, cancelled the membership.",
    "I'm planning to end it all on a high: last day at work Friday, cake in the staff room!",
    "I've picked the place for the team Christmas do!",
    "I've worked out how to use the new booking system at last.",
    "No point going on about it, the decision is made.",
])
def test_idioms_that_share_a_crisis_phrase_do_not_page(text):
    assert assess(text) == []


@pytest.mark.parametrize(("text", "level"), [
    ("I'm going to end things.", 3),
    ("I'm going to end things with pills.", 3),
    ("I've picked the place for it.", 3),
    ("I've picked the place for my last night.", 3),
    ("I've worked out how to do it.", 3),
    ("My son is locked in the bathroom.", 3),
    ("My son texted goodbye and he's not answering.", 3),
    ("She said goodbye.", 3),
    ("No point going on.", 2),
])
def test_the_same_phrases_in_a_crisis_still_fire(text, level):
    assert floor_level(assess(text)) == level, assess(text)


@pytest.mark.parametrize("text", [
    "My daughter said goodbye at the school gates and now she's missing.",
    "I'm going to end things with my boyfriend. Sorry for everything.",
    "I've picked the place for the team do. I can't do this any more.",
    "Sat on the roof terrace of the car park. Goodbye everyone, tell mum I'm sorry.",
    "My brother is locked in a row with himself, not answering, police called.",
])
def test_no_everyday_reading_holds_beside_a_crisis_word_elsewhere_in_the_post(text):
    assert floor_level(assess(text)) == 3, assess(text)


def test_the_bare_patterns_drop_only_the_everyday_lookarounds():
    from classifier.safety import FIRST_PERSON
    from classifier.safety_exemptions import EVERYDAY, bare

    assert EVERYDAY and all(look.startswith(("(?!", "(?<!")) for look in EVERYDAY)
    without_everyday = [bare(p) for _, _, p in FIRST_PERSON]
    assert not any(look in p for look in EVERYDAY for p in without_everyday)


@pytest.mark.parametrize("text", [
    "This is goodbye to the old office, we move to the new building on Monday.",
    "Took the lot to the charity shop today, the house feels lighter.",
    "The bleeding won't stop after my blood test, is that normal?",
    "Standing on the edge of a big decision: applying for the peer worker job.",
    "By the time you read this, the consultation will have closed.",
    "I'm worried about not being here for my daughter's assembly, the shift got moved.",
    "My mum said she wants to die at home, not in hospital; the palliative team have been wonderful.",
    "She said she's going to take the job in Leeds!",
    "My partner has a plan for the garden this year.",
])
def test_more_everyday_uses_of_crisis_phrases_do_not_page(text):
    assert floor_level(assess(text)) < 2, assess(text)


@pytest.mark.parametrize(("text", "level"), [
    ("Took the lot.", 3),
    ("The bleeding won't stop.", 3),
    ("Standing on the edge of the cliff.", 3),
    ("By the time you read this I'll be gone.", 3),
    ("By the time you read this, the meeting will be over. I can't do this any more.", 3),
    ("This is goodbye to the old office. Sorry for everything.", 3),
    ("She said she's going to take the pills.", 3),
    ("She said she's going to take the train to the bridge.", 3),
    ("My partner has a plan for tonight.", 3),
    ("My mum said she wants to die.", 2),
    ("not being here for my kids anymore", 2),
])
def test_the_same_phrases_without_the_everyday_words_still_fire(text, level):
    assert floor_level(assess(text)) == level, assess(text)


# Explicit phrasings the rules used to miss (2026-12): a decision, text-speak, words between a
# person and "said", passive ideation, and a third person in danger now told plainly.
@pytest.mark.parametrize("text", [
    "I've decided to end my life. I'm sorry.",
    "Made up my mind to end it tonight.",
    "I'm going to end my life after Christmas.",
    "tonight's when I do it",
    "Tonights when i do it, nobody needs to know.",
])
def test_a_decision_or_a_time_set_is_intent(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "I've decided to end it with my boyfriend.",
    "Made up my mind to end it there and get the bus home.",
    "Decided to end the day early and have a bath.",
    "Tomorrow's when I do it properly: the big shop and the ironing.",
])
def test_a_decision_about_an_everyday_thing_is_no_intent(text):
    assert floor_level(assess(text)) == 0, assess(text)


def test_a_decision_not_made_is_read_but_is_not_a_plan():
    assert floor_level(assess("I haven't decided to end my life, I just think about it.")) == 1


@pytest.mark.parametrize("text", [
    "gna kill myself 2nite. dnt try n stop me",
    "im gunna kill myself",
    "bye every1. sorry for everything",
    "evry1 bye. love you all x",
])
def test_text_speak_of_the_explicit_words_reads_like_the_words(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "not gna do nethin, jus tired",
    "Gonna kill myself laughing at this thread",
    "everyone bye, see you Tuesday at the drop-in!",
    "2nite's quiz at the Crown, every1 welcome",
])
def test_text_speak_without_a_crisis_fires_nothing(text):
    assert floor_level(assess(text)) == 0, assess(text)


@pytest.mark.parametrize("text, level", [
    ("My son came home in a state, said he was going to kill himself tonight.", 3),
    ("My son came home in a state, said he was going to kill himself.", 2),
    ("My sister rang late and said she wants to end it.", 2),
    ("Mum rang, said she wants to end it. Now she's not answering.", 3),
])
def test_reported_speech_with_words_before_said(text, level):
    assert floor_level(assess(text)) == level, assess(text)


@pytest.mark.parametrize("text", [
    "My son came home from college and said he wants to die of embarrassment.",
    "My daughter came home from school and said she was going to kill her brother for reading her diary.",
    "Mum came back from the hospice and said she wants to die at home, not in hospital.",
    "My husband got back from the GP and said he's going to jump at the chance of the new group.",
    "My dad came round and said he is going to end his tenancy.",
])
def test_a_carers_everyday_report_with_words_before_said_fires_nothing(text):
    assert floor_level(assess(text)) == 0, assess(text)


@pytest.mark.parametrize("text", [
    "I wake up disappointed to still be here.",
    "Every morning the first thing I feel is disappointment that I'm still here.",
    "Gutted that I'm still alive, honestly.",
    "I wish I hadn't woken up today.",
    "Been wishing I'd just not wake up most mornings.",
    "Some nights I wish I could just not wake up for a week, a month, longer.",
])
def test_passive_ideation_is_high(text):
    assert floor_level(assess(text)) == 2, assess(text)


@pytest.mark.parametrize("text", [
    "10 years on from my diagnosis and still here!",
    "Still here, still fighting, still going to the Tuesday group.",
    "Gutted to still be here at work at 9pm.",
    "Annoyed that I'm still here waiting for the bus.",
    "I wish I hadn't woken up so early, the baby's finally asleep.",
])
def test_still_here_told_as_pride_or_a_long_day_fires_nothing(text):
    assert floor_level(assess(text)) == 0, assess(text)


@pytest.mark.parametrize("text", [
    "Found my son on the bathroom floor, empty packets all round him. Ambulance coming.",
    "She's not answering and her note says she's sorry.",
    "My husband has taken all his tablets and isn't answering.",
])
def test_a_third_person_in_danger_now_told_plainly_is_crisis(text):
    assert floor_level(assess(text)) == 3, assess(text)


@pytest.mark.parametrize("text", [
    "Empty crisp packets all round him, typical teenager.",
    "Empty packets all round him in the recycling, he does love a takeaway.",
    "She's not answering her phone again, probably asleep.",
    "She's not answering, her note from school says she was off with a cold.",
])
def test_a_carers_ordinary_post_is_no_danger_now(text):
    assert floor_level(assess(text)) == 0, assess(text)


@pytest.mark.parametrize("text", [
    "I'm gonna kill myself laughing at this thread",
    "I'm going to kill myself with laughter if he wears that hat again",
    "Proud of Dad, he's taken all his tablets this week without a fuss",
    "Mum's taken all her meds on time since the dosette box arrived",
])
def test_laughing_and_taking_tablets_as_prescribed_fire_nothing(text):
    assert floor_level(assess(text)) == 0


@pytest.mark.parametrize("text", [
    "I'm going to kill myself laughing. No really, sorry for everything, the tablets are ready",
    "Dad's taken all his tablets this week and he's not answering, ringing 999",
    "Mum's taken all her tablets and she won't wake up",
    "Dad's taken an overdose, ambulance on the way",
])
def test_beside_a_crisis_word_or_danger_now_they_still_page(text):
    assert floor_level(assess(text)) == 3


def test_a_phrase_two_rules_read_is_one_reason():
    hits = assess("I am going to end it tonight")
    assert [(h.rule, h.level) for h in hits] == [("intent", 3)]
    assert hits[0].evidence == "i am going to end it tonight"
