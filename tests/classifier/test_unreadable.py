"""Text the model cannot read is held for a person (issue 12; ../shared/repro/unreadable_text_published.py).

These run `peerfeed classify` as the store and a moderator's script do: JSON lines in, JSON lines out.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from classifier.readability import deobfuscate, detect_language, why_unreadable

PEERFEED = str(Path(sys.executable).parent / "peerfeed")

UNREADABLE = {
    "polish": "Chc\u0119 si\u0119 zabi\u0107 dzi\u015b wieczorem.",
    "spanish": "Quiero morir. Voy a suicidarme esta noche.",
    "arabic": "\u0623\u0631\u064a\u062f \u0623\u0646 \u0623\u0645\u0648\u062a",
    "urdu": "\u0645\u06cc\u06ba \u0645\u0631\u0646\u0627 \u0686\u0627\u06c1\u062a\u0627 \u06c1\u0648\u06ba",
    "emoji": "\U0001f52a\U0001fa78\U0001f480",
    "leet": "51771ng 0n 7h3 br1dg3 n0w.",
    "kms": "kms",
    "empty": "",
}


def classify_cli(cases: dict[str, str], env=None) -> tuple[subprocess.CompletedProcess, dict[str, dict]]:
    lines = "".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in cases.items())
    r = subprocess.run([PEERFEED, "classify"], input=lines, capture_output=True, text=True, env=env, timeout=120)
    return r, {o["id"]: o for o in map(json.loads, r.stdout.splitlines())}


@pytest.fixture(scope="module")
def out():
    r, rows = classify_cli(UNREADABLE)
    assert r.returncode == 0, r.stderr
    return rows


def test_every_unreadable_text_is_held_through_the_cli(out):
    assert set(out) == set(UNREADABLE)
    published = [k for k, o in out.items() if not o["needs_review"]]
    assert published == []


def test_the_reason_says_why_in_a_plain_sentence(out):
    assert out["polish"]["reasons"][0] == "written in Polish, which the model was not trained on: held for a person to read"
    assert out["urdu"]["reasons"][0].startswith("written in Urdu")
    assert "emoji" in out["emoji"]["reasons"][0]
    assert "digits or symbols in place of letters" in out["leet"]["reasons"][0]
    assert out["kms"]["reasons"][0].startswith("too short to judge")
    assert out["empty"]["reasons"][0] == "the post has no text: held for a person to look at"


def test_crisis_in_other_languages_and_leetspeak_is_raised_not_only_held(out):
    assert out["polish"]["distress"] == 3 and out["spanish"]["distress"] == 3
    assert out["arabic"]["distress"] >= 2 and out["urdu"]["distress"] >= 2
    assert out["leet"]["distress"] == 3  # read back as "sitting on the bridge now"
    assert out["kms"]["distress"] >= 2


@pytest.mark.parametrize("text", [
    "Our peer support group meets on Tuesday at 7pm in the library.",
    "Had my CPA review today; my care coordinator went through the care plan with me.",
    "Thanks!",
    "Meeting at 7pm on the 3rd in room 2B, near the M62 junction.",
    "The NHS 111 option 2 line is now live across Leeds and Bradford.",
])
def test_ordinary_english_is_readable(text):
    assert why_unreadable(text) is None


def test_known_english_posts_are_not_mistaken_for_another_language(model):
    from classifier.corpus import load_corpus

    flagged = {e.text: u.kind for e in load_corpus() if not e.source.endswith("other_language")
               for u in [why_unreadable(e.text, model._known_words)] if u}
    # One English corpus post is held as unreadable, on purpose: three of its five words are
    # txt-speak the model has no weights for. Holding it is the fail-safe; the rules read the
    # shorthand ("2nite" as "tonight") and page for it.
    txt_speak = "ending it 2nite. sry mum. luv u x"
    assert {t.replace(" #MentalHealth", "") for t in flagged} <= {txt_speak}
    assert set(flagged.values()) <= {"unknown_words"}
    [r] = model.classify([txt_speak])
    assert r.needs_review and r.distress == 3
    assert any("intend to end their life" in reason for reason in r.reasons)


@pytest.mark.parametrize("text,code", [
    ("Dw i wedi blino'n lân heddiw ac yn teimlo'n isel iawn.", "cy"),
    ("Nie mogę spać od tygodnia i czuję się bardzo samotna.", "pl"),
    ("Waxaan dareemayaa cidlo iyo murugo badan maanta.", "so"),
    ("ਅੱਜ ਮੈਂ ਬਹੁਤ ਉਦਾਸ ਮਹਿਸੂਸ ਕਰ ਰਿਹਾ ਹਾਂ।", "pa"),
    ("আজ আমার খুব মন খারাপ, কারো সাথে কথা বলতে চাই।", "bn"),
])
def test_other_languages_are_named(text, code):
    assert detect_language(text)[0] == code
    u = why_unreadable(text)
    assert u is not None and u.kind == "other_language" and u.language == code


def test_leetspeak_is_read_back_for_the_rules():
    assert deobfuscate("51771ng 0n 7h3 br1dg3 n0w.") == "sitting on the bridge now."
    assert deobfuscate("see you at 7pm") == "see you at 7pm"
