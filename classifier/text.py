"""One text normalisation for every reader of a post: the vectorizers, the word lists and the rules.

WordPress and phone keyboards write typographic punctuation: ’ ‘ “ ” – —. Left alone, "I’m" splits
into "i" and "m" in the word vectorizer (its tokens are word characters and straight apostrophes),
so the model learns and shows fragments, and a rule written for "i'm" misses "I’m". Training and
inference must see the same text, so both call `normalise_text`, and so do `safety` and `lexicon`.
"""

from __future__ import annotations

import re
import unicodedata

# Apostrophe-like and quote-like marks NFKC leaves alone, mapped to their ASCII forms.
_QUOTES = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'", "\u0060": "'",
    "\u00b4": "'", "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    # Hyphens and dashes: all become an ASCII hyphen (the vectorizer drops it; the rules see a break).
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    # Zero-width characters some editors insert inside words.
    "\u200b": None, "\u200c": None, "\u200d": None, "\u2060": None, "\ufeff": None, "\u00ad": None,
})
_SPACED_DASH = re.compile(r"\s*-{2,}\s*")


def normalise_text(text: str) -> str:
    """NFKC, then curly quotes to straight, dashes to '-', zero-width marks removed.

    Case is kept (the vectorizers lower-case; the rules call `.lower()` themselves). Idempotent:
    normalising twice gives the same text, so a caller that is unsure may always call it.
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACED_DASH.sub(" - ", text) if "--" in text else text
