"""Can the model read this post at all? If not, a person must.

The model was trained on English posts. A text it has no features for (another language, emoji
only, leetspeak, one word, nothing) gets the same fixed reading, near its prior, and would be
published at level 0 (../shared/repro/unreadable_text_published.py). `why_unreadable` says, in a
plain sentence a moderator reads at a glance, why a text cannot be judged by the model; the model
then holds it for review whatever its level says.

Language identification is py3langid (BSD-3-Clause, a maintained fork of langid.py). Its model
(about 1 MB, numpy arrays in an LZMA file, no pickle) ships inside the package: nothing is
downloaded. It is loaded on first use (about 1 s), never at import. It reads about 13,000 corpus
posts a second on one core (docs/model.md), so it costs little beside the vectorizers.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# py3langid's confidence (probabilities normalised over its 97 languages) at which a text of at least
# MIN_WORDS words is taken to be in that language. English posts in the corpus score 0.88-1.0;
# short English fragments can score low for any language, so a low-confidence guess is ignored and
# the vocabulary check below has the last word.
LANGUAGE_CONFIDENCE = 0.5
MIN_WORDS = 3
# A post whose words the model has mostly never seen is not read by it either (mixed language,
# typos, a transliteration). Share of words of 3+ letters found in the model's word vocabulary.
MIN_KNOWN_SHARE = 0.5
MIN_WORDS_FOR_KNOWN_SHARE = 4

LANGUAGE_NAMES = {
    "af": "Afrikaans", "am": "Amharic", "ar": "Arabic", "az": "Azerbaijani", "be": "Belarusian", "bg": "Bulgarian",
    "bn": "Bengali", "br": "Breton", "bs": "Bosnian", "ca": "Catalan", "cs": "Czech", "cy": "Welsh", "da": "Danish",
    "de": "German", "el": "Greek", "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque",
    "fa": "Persian", "fi": "Finnish", "fr": "French", "fy": "Frisian", "ga": "Irish", "gd": "Scottish Gaelic",
    "gl": "Galician", "gu": "Gujarati", "ha": "Hausa", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "ht": "Haitian Creole", "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "ig": "Igbo",
    "is": "Icelandic", "it": "Italian", "ja": "Japanese", "ka": "Georgian", "kk": "Kazakh", "km": "Khmer",
    "kn": "Kannada", "ko": "Korean", "ku": "Kurdish", "la": "Latin", "lt": "Lithuanian", "lv": "Latvian",
    "mk": "Macedonian", "ml": "Malayalam", "mn": "Mongolian", "mr": "Marathi", "ms": "Malay", "mt": "Maltese",
    "my": "Burmese", "ne": "Nepali", "nl": "Dutch", "no": "Norwegian", "nn": "Norwegian", "pa": "Punjabi",
    "pl": "Polish", "ps": "Pashto", "pt": "Portuguese", "ro": "Romanian", "ru": "Russian", "sk": "Slovak",
    "sl": "Slovenian", "so": "Somali", "sq": "Albanian", "sr": "Serbian", "sv": "Swedish", "sw": "Swahili",
    "ta": "Tamil", "te": "Telugu", "th": "Thai", "tl": "Tagalog", "tr": "Turkish", "uk": "Ukrainian",
    "ur": "Urdu", "uz": "Uzbek", "vi": "Vietnamese", "yo": "Yoruba", "zh": "Chinese", "zu": "Zulu",
    "ti": "Tigrinya", "rw": "Kinyarwanda", "ary": "Moroccan Arabic", "arz": "Egyptian Arabic", "yue": "Cantonese",
}
# Short replies that need no judgement. Anything else under MIN_WORDS words is held.
HARMLESS_SHORT = {
    "thanks", "thank you", "thankyou", "ta", "cheers", "thanks all", "thank you all", "thanks everyone",
    "congratulations", "congrats", "well done", "brilliant", "lovely", "great", "agreed", "same", "yes", "no",
    "love this", "great news", "good news", "nice one", "happy birthday", "happy new year", "merry christmas",
    "welcome", "noted", "bookmarked", "following", "ok", "okay", "will do", "see you there", "me too",
}

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")  # runs of letters (any script)
_TOKEN = re.compile(r"[^\s]+")
# Letters and digits interleaved, or a symbol between letters: the only shapes `_is_leet` accepts, so
# a text without one ("7pm", "welcome!") skips the token-by-token check.
_LEET_HINT = re.compile(r"[^\W\d_][0-9$@!|][^\W\d_]|[0-9][^\W\d_]+[0-9]")
_SYMBOL_IN_WORD = re.compile(r"[^\W\d_][$@!|][^\W\d_]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
                       "@": "a", "$": "s", "!": "i", "|": "l"})


@dataclass(frozen=True)
class Unreadable:
    """Why the model cannot judge a text; `reason` is the sentence a moderator sees."""

    kind: str  # empty, symbols_only, too_short, obfuscated, other_language, unknown_words
    reason: str
    language: str | None = None


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, float]:
    """(ISO 639 code, confidence 0-1) from py3langid; loads its model on first use."""
    lang, conf = _identifier().classify(text)
    return lang, float(conf)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, f"a language the model does not know (code {code})")


def _switches(token: str) -> int:
    """How often a token switches between letters and digits ("br1dg3": 4, "7pm": 1)."""
    kinds = ["d" if c.isdigit() else "a" for c in token if c.isalnum()]
    return sum(1 for a, b in zip(kinds, kinds[1:]) if a != b)


def _is_leet(token: str) -> bool:
    core = token.strip(".,;:!?\"'()[]")
    if core.startswith(("@", "#", "http")) or len(core) < 3:
        return False
    if _switches(core) >= 2:  # letters and digits interleaved: n0w, 7h3, br1dg3, k1ll
        return True
    # Symbols standing for letters inside a word: $u1cide, k!ll
    return bool(_SYMBOL_IN_WORD.search(core))


def deobfuscate(text: str) -> str:
    """Leetspeak read back as letters ("51771ng 0n 7h3 br1dg3" -> "sitting on the bridge") for the
    safety rules. Only a text with at least one clearly obfuscated word is changed, and in it only
    the words that mix letters with digits or symbols."""
    tokens = text.split()
    if not any(_is_leet(t) for t in tokens):
        return text  # "7pm", "covid19", "M62" alone are not leetspeak
    out = []
    for tok in tokens:
        mixed = any(c.isdigit() for c in tok) and any(c.isalpha() for c in tok)
        out.append(tok.translate(_LEET) if mixed or _is_leet(tok) else tok)
    return " ".join(out)


def why_unreadable(text: str, known_words: frozenset[str] | None = None) -> Unreadable | None:
    """None when the model can read `text`; otherwise why not, as a plain sentence.

    `text` should already be normalised (`classifier.text.normalise_text`). `known_words` is the
    model's word vocabulary (single words); without it the vocabulary check is skipped.
    """
    stripped = text.strip()
    if not stripped:
        return Unreadable("empty", "the post has no text: held for a person to look at")
    words = _WORD.findall(stripped)
    if not words:
        return Unreadable("symbols_only",
                          "only emoji, numbers or symbols, no words the model can read: held for a person to read")
    tokens = _TOKEN.findall(stripped)
    leet = [t for t in tokens if _is_leet(t)] if _LEET_HINT.search(stripped) else []
    if len(leet) >= 2 or (leet and len(leet) * 3 >= len(tokens)):
        return Unreadable("obfuscated", "written with digits or symbols in place of letters, which the model cannot "
                                        "read: held for a person to read")
    if len(words) < MIN_WORDS:
        plain = " ".join(w.lower() for w in words)
        if plain in HARMLESS_SHORT and not _has_symbols_only_meaning(stripped):
            return None
        return Unreadable("too_short", f"too short to judge ({len(words)} word{'s' if len(words) > 1 else ''}): "
                                       "held for a person to read")
    long_words = [w.lower() for w in words if len(w) >= 3]
    known = (sum(w in known_words for w in long_words) / len(long_words)
             if known_words is not None and long_words else None)
    # Most posts are mostly words the model knows: they are English enough to read, and the
    # language detector (the slowest check) is not needed for them.
    if known is None or known < 0.6:
        lang, conf = detect_language(stripped)
        if lang != "en" and conf >= LANGUAGE_CONFIDENCE:
            return Unreadable("other_language", f"written in {language_name(lang)}, which the model was not trained on: "
                                                "held for a person to read", language=lang)
    if known is not None and len(long_words) >= MIN_WORDS_FOR_KNOWN_SHARE and known < MIN_KNOWN_SHARE:
        return Unreadable("unknown_words", f"most of its words ({1 - known:.0%}) are unknown to the model, "
                                           "so it cannot judge the post: held for a person to read")
    return None


def _has_symbols_only_meaning(text: str) -> bool:
    """True when a short reply carries emoji beside its words (a knife, a skull...): then it is held."""
    return any(unicodedata.category(c) == "So" for c in text)
