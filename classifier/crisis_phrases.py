"""Crisis words in the community's other languages: they raise the level like the English rules.

The model reads English only, so a post in Polish or Urdu is held for a person anyway
(`classifier.readability`). These phrases decide how urgently: a post that says "I will kill
myself" in any of these languages goes to the top of the queue (level 3) and alerts; one that says
"I want to die" or names suicide is high priority (level 2).

Coverage is deliberately partial and modest: common, unambiguous first-person phrases and the
everyday word for suicide, in Welsh, Polish, Spanish, Urdu, Punjabi (Gurmukhi and Shahmukhi),
Bengali, Arabic and Somali. No tense or reported-speech reading as in English: a post that talks
about suicide as a subject in these languages is rated 2, not 0 (it is held anyway, since the model
cannot read it). A negation just before a level-3 phrase ("nie chcę się zabić") makes it 1, so a
person still reads it. docs/model.md lists exactly what is covered.

Text and patterns are compared in one folded form (`fold`): NFKC, lower case, Arabic-script
diacritics and tatweel removed, alef and yeh variants merged, Indic nukta signs removed, so a
phrase typed on another keyboard still matches.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Marks removed before matching: Arabic harakat and tatweel, Gurmukhi and Bengali nukta.
_DROP = dict.fromkeys([*range(0x064B, 0x0653), 0x0670, 0x0640, 0x0A3C, 0x09BC], None)
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ک": "ك", "ۓ": "ے",
                       "ہ": "ه", "ۃ": "ة", "ھ": "ه", "ؤ": "و", "ئ": "ي", "’": "'"})


def fold(text: str) -> str:
    """The form both text and phrases are compared in (see the module docstring)."""
    if text.isascii():
        return text.lower()  # NFKC and the letter folds change nothing in ASCII
    return unicodedata.normalize("NFKC", text).lower().translate(_DROP).translate(_FOLD)


@dataclass(frozen=True)
class Phrase:
    language: str  # English name, shown to moderators
    level: int  # 3: intent to kill oneself / end one's life; 2: wanting to die, suicide named
    meaning: str  # what it says, in plain English, for the reason a moderator reads
    pattern: str


_KILL = "killing themself"
_END = "ending their life"
_DIE = "wanting to die"
_LIVE = "not wanting to live"
_SUICIDE = "suicide"

PHRASES: list[Phrase] = [
    # Welsh. "lladd fy hun" kill myself (soft mutation after "i": "ladd"); "eisiau/moyn marw" want to die.
    Phrase("Welsh", 3, _KILL, r"\bl?ladd fy hun(?:an)?\b"),
    Phrase("Welsh", 3, _END, r"\b(?:dod|rhoi) (?:â|a)'?(?:m| fy) (?:mywyd|bywyd) i ben\b"),
    Phrase("Welsh", 2, _DIE, r"\b(?:eisiau|isio|moyn|mo'yn) marw\b"),
    Phrase("Welsh", 2, _LIVE, r"\bddim (?:eisiau|isio|moyn) byw\b"),
    Phrase("Welsh", 2, _SUICIDE, r"\bhunanladdiad\b"),
    # Polish. "zabić się / zabiję się" kill myself; "odebrać sobie życie" take my life; "skończyć ze sobą".
    Phrase("Polish", 3, _KILL, r"\bzabi(?:ć|ję|je) się\b|\bsię zabi(?:ć|ję)\b"),
    Phrase("Polish", 3, _END, r"\bodebr(?:ać|ę) sobie życie\b|\bodbiorę sobie życie\b|\bskończ(?:yć|ę) ze sobą\b"),
    Phrase("Polish", 2, _DIE, r"\bchcę umrzeć\b|\bchce mi się umrzeć\b"),
    Phrase("Polish", 2, _LIVE, r"\bnie chcę (?:już )?żyć\b"),
    Phrase("Polish", 2, _SUICIDE, r"\bsamobój\w*"),
    # Spanish.
    Phrase("Spanish", 3, _KILL, r"\bsuicidarme\b|\bme voy a suicidar\b|\b(?:quiero|voy a|pienso) matarme\b|\bme voy a matar\b"),
    Phrase("Spanish", 3, _END, r"\bquitarme la vida\b|\bacabar con mi vida\b"),
    Phrase("Spanish", 2, _DIE, r"\bquiero morir(?:me)?\b|\bme quiero morir\b"),
    Phrase("Spanish", 2, _LIVE, r"\bno quiero (?:seguir )?vivir\b"),
    Phrase("Spanish", 2, _SUICIDE, r"\bsuicidio\b|\bsuicidas?\b"),
    # Urdu (and Shahmukhi Punjabi, which shares the words for suicide and dying). Folded forms.
    Phrase("Urdu", 3, _KILL, fold(r"خود کو مار") + "|" + fold(r"خودکشی کر (?:لوں|لونگا|لوں گا|لوں گی|لونگی)")
           + "|" + fold(r"خودکشی کرنے (?:جا رہا|جا رہی|والا|والی)")),
    Phrase("Urdu", 3, _END, fold(r"اپنی جان (?:لے|دے) (?:لوں|دوں)")),
    Phrase("Urdu", 2, _DIE, fold(r"مرنا چاہتا") + "|" + fold(r"مرنا چاہتی")),
    Phrase("Urdu", 2, _LIVE, fold(r"جینا نہیں چاہتا") + "|" + fold(r"جینا نہیں چاہتی")),
    Phrase("Urdu or Punjabi", 2, _SUICIDE, fold(r"خودکشی") + "|" + fold(r"خود کشی")),
    # Punjabi in Shahmukhi (Arabic script).
    Phrase("Punjabi (Shahmukhi)", 3, _KILL, fold(r"اپنے آپ نوں مار") + "|" + fold(r"خودکشی کر (?:لواں|لاں)")),
    Phrase("Punjabi (Shahmukhi)", 2, _DIE, fold(r"مرنا چاہندا") + "|" + fold(r"مرنا چاہندی")),
    # Punjabi in Gurmukhi.
    Phrase("Punjabi", 3, _KILL, fold(r"ਆਪਣੇ ਆਪ ਨੂੰ ਮਾਰ") + "|" + fold(r"ਖੁਦਕੁਸ਼ੀ ਕਰ ਲ") + "|" + fold(r"ਖ਼ੁਦਕੁਸ਼ੀ ਕਰ ਲ")),
    Phrase("Punjabi", 3, _END, fold(r"ਆਪਣੀ ਜਾਨ ਲੈ")),
    Phrase("Punjabi", 2, _DIE, fold(r"ਮਰਨਾ ਚਾਹੁੰਦਾ") + "|" + fold(r"ਮਰਨਾ ਚਾਹੁੰਦੀ")),
    Phrase("Punjabi", 2, _SUICIDE, fold(r"ਖੁਦਕੁਸ਼ੀ") + "|" + fold(r"ਖ਼ੁਦਕੁਸ਼ੀ") + "|" + fold(r"ਆਤਮਹੱਤਿਆ")),
    # Bengali.
    Phrase("Bengali", 3, _KILL, fold(r"নিজেকে মেরে ফেল") + "|" + fold(r"আত্মহত্যা করব")),
    Phrase("Bengali", 3, _END, fold(r"জীবন শেষ করে দেব")),
    Phrase("Bengali", 2, _DIE, fold(r"মরতে চাই")),
    Phrase("Bengali", 2, _LIVE, fold(r"বাঁচতে চাই না")),
    Phrase("Bengali", 2, _SUICIDE, fold(r"আত্মহত্যা")),
    # Arabic (folded: hamza forms of alef merged, diacritics dropped).
    Phrase("Arabic", 3, _KILL, fold(r"قتل نفسي") + "|" + fold(r"سأنتحر") + "|" + fold(r"سوف أنتحر")),
    Phrase("Arabic", 3, _END, fold(r"أنهي حياتي") + "|" + fold(r"حدا لحياتي")),
    Phrase("Arabic", 2, _DIE, fold(r"أريد أن أموت") + "|" + fold(r"اريد الموت")),
    Phrase("Arabic", 2, _LIVE, fold(r"لا أريد أن أعيش")),
    Phrase("Arabic", 2, _SUICIDE, fold(r"انتحار") + "|" + fold(r"الانتحار")),
    # Somali. "is dil-" kill oneself; "inaan dhinto" that I die.
    Phrase("Somali", 3, _KILL, r"\b(?:inaan|waan|waxaan) is dil(?:o|ayaa|i doonaa)\b|\bis dili doonaa\b"),
    Phrase("Somali", 2, _DIE, r"\binaan dhinto\b|\bwaan dhimanayaa\b"),
    Phrase("Somali", 2, _LIVE, r"\b(?:ma|maan) doonayo inaan noolaado\b"),
    Phrase("Somali", 2, _SUICIDE, r"\bis[- ]?dilid\b|\bisdil\w*"),
]

# Negation a few words before a level-3 phrase (Polish "nie", Spanish "no", Welsh "ddim/nid/na",
# Somali "ma") or, for word orders with the negation after the verb, just after it (Urdu, Punjabi
# "نہیں/ਨਹੀਂ", Bengali "না"). A negated phrase becomes level 1: still read by a person.
_NEG_BEFORE = re.compile(r"(?:\b(?:nie|no|nunca|ddim|nid|ma|maan)\b|" + fold("لا") + r"|" + fold("لن") + r")\s+(?:\S+\s+){0,2}\S*$")
_NEG_AFTER = re.compile(r"^\s*(?:\S+\s+){0,2}?(?:" + fold("نہیں") + "|" + fold("ਨਹੀਂ") + "|" + fold("না") + r")")

_COMPILED = [(p, re.compile(p.pattern)) for p in PHRASES]
_ANY = re.compile("|".join(f"(?:{p.pattern})" for p in PHRASES))


@dataclass(frozen=True)
class PhraseHit:
    phrase: Phrase
    evidence: str
    negated: bool

    @property
    def level(self) -> int:
        return 1 if self.negated else self.phrase.level

    def sentence(self) -> str:
        """The reason a moderator reads."""
        if self.negated:
            return (f"writes in {self.phrase.language} of not {self.phrase.meaning} ('{self.evidence}'): "
                    "a person who reads the language should check")
        if self.phrase.meaning == _SUICIDE:
            return f"names suicide in {self.phrase.language} ('{self.evidence}')"
        return f"writes in {self.phrase.language} of {self.phrase.meaning} ('{self.evidence}')"


def find(text: str) -> list[PhraseHit]:
    """Every crisis phrase of another language in `text`, strongest first (one hit per phrase)."""
    folded = fold(text)
    if _ANY.search(folded) is None:
        return []
    hits = []
    for phrase, pattern in _COMPILED:
        m = pattern.search(folded)
        if m is None:
            continue
        negated = phrase.level == 3 and bool(_NEG_BEFORE.search(folded[max(0, m.start() - 40):m.start()])
                                             or _NEG_AFTER.search(folded[m.end():m.end() + 30]))
        hits.append(PhraseHit(phrase, m.group(0).strip(), negated))
    hits.sort(key=lambda h: -h.level)
    return hits
