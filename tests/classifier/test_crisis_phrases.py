"""Crisis words in the community's other languages raise the level like the English rules (issue 12).

Each language: a crisis phrase (level 3), an ideation phrase (level 2), and an ordinary post that
must fire nothing. Coverage is partial by design: see docs/model.md.
"""

import pytest

from classifier.crisis_phrases import find
from classifier.safety import assess, floor_level

CASES = [
    # (language, text, expected floor)
    ("Welsh", "Dw i'n mynd i ladd fy hun heno.", 3),
    ("Welsh", "Dw i eisiau marw, dw i wedi blino ar bopeth.", 2),
    ("Welsh", "Grŵp cefnogi cymheiriaid yn y llyfrgell nos Fawrth am 7.", 0),
    ("Polish", "Chcę się zabić dziś wieczorem.", 3),
    ("Polish", "Odbiorę sobie życie, nie mam już siły.", 3),
    ("Polish", "Chcę umrzeć. Nikt mnie nie rozumie.", 2),
    ("Polish", "Spotkanie grupy wsparcia w czwartek o 18:00, zapraszamy.", 0),
    ("Spanish", "Voy a suicidarme esta noche.", 3),
    ("Spanish", "Quiero quitarme la vida.", 3),
    ("Spanish", "Quiero morir, ya no puedo más.", 2),
    ("Spanish", "El grupo de apoyo se reúne el martes en la biblioteca.", 0),
    ("Urdu", "میں خود کو مار دوں گا، اب اور نہیں", 3),
    ("Urdu", "میں مرنا چاہتا ہوں", 2),
    ("Urdu", "میں مرنا چاہتی ہوں، کوئی نہیں سنتا", 2),
    ("Urdu", "منگل کو لائبریری میں سپورٹ گروپ کی ملاقات ہے", 0),
    ("Punjabi (Gurmukhi)", "ਮੈਂ ਆਪਣੇ ਆਪ ਨੂੰ ਮਾਰ ਦੇਵਾਂਗਾ", 3),
    ("Punjabi (Gurmukhi)", "ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦਾ ਹਾਂ", 2),
    ("Punjabi (Gurmukhi)", "ਮੰਗਲਵਾਰ ਨੂੰ ਲਾਇਬ੍ਰੇਰੀ ਵਿੱਚ ਸਹਾਇਤਾ ਸਮੂਹ ਦੀ ਮੀਟਿੰਗ ਹੈ", 0),
    ("Punjabi (Shahmukhi)", "میں اپنے آپ نوں مار دیاں گا", 3),
    ("Punjabi (Shahmukhi)", "میں مرنا چاہندا ہاں", 2),
    ("Bengali", "আমি নিজেকে মেরে ফেলব", 3),
    ("Bengali", "আমি মরতে চাই", 2),
    ("Bengali", "মঙ্গলবার লাইব্রেরিতে সহায়তা গ্রুপের সভা আছে", 0),
    ("Arabic", "سأقتل نفسي الليلة", 3),
    ("Arabic", "أريد أن أموت", 2),
    ("Arabic", "اجتماع مجموعة الدعم يوم الثلاثاء في المكتبة", 0),
    ("Somali", "Waxaan doonayaa inaan is dilo caawa.", 3),
    ("Somali", "Waxaan doonayaa inaan dhinto.", 2),
    ("Somali", "Kooxda taageerada waxay kulmaysaa Talaadada maktabadda.", 0),
]


@pytest.mark.parametrize("language,text,level", CASES, ids=[f"{c[0]}-{c[2]}-{i}" for i, c in enumerate(CASES)])
def test_phrases_raise_to_their_level_and_ordinary_posts_fire_nothing(language, text, level):
    hits = assess(text)
    assert floor_level(hits) == level, hits
    if level:
        assert language.split(" ")[0] in hits[0].reason(), hits[0].reason()


def test_a_negated_crisis_phrase_is_read_by_a_person_but_not_a_crisis():
    assert floor_level(assess("Nie chcę się zabić, po prostu jestem zmęczona.")) == 1
    assert floor_level(assess("No voy a suicidarme, tranquilos.")) == 1


def test_the_reason_names_the_language_and_what_was_said():
    (hit, *_) = find("chcę się zabić")
    assert hit.sentence() == "writes in Polish of killing themself ('się zabić')"


def test_diacritics_and_letter_variants_do_not_hide_a_phrase():
    # Arabic with and without hamza and harakat; Gurmukhi with a composed or decomposed nukta.
    assert floor_level(assess("اريد ان اموت")) == 2
    assert floor_level(assess("أُرِيدُ أَنْ أَمُوتَ")) == 2
    assert floor_level(assess("ਖ਼ੁਦਕੁਸ਼ੀ")) == 2 and floor_level(assess("ਖੁਦਕੁਸ਼ੀ")) == 2


def test_english_posts_are_untouched_by_the_other_language_phrases():
    from classifier.corpus import load_corpus

    fired = [e.text for e in load_corpus() if find(e.text) and not e.source.endswith("other_language")]
    assert fired == []
