"""A small psycholinguistic word list (our own, LIWC-like in spirit) as dense features.

Counts of words by category, divided by the text's word count, give a linear model signals that
transfer across writing styles: first-person singular, negative emotion, absolutist words
("always", "nothing", "completely"; Al-Mosaiwi & Johnstone 2018), death, sleep, money... Word
lists here are written for this project.
"""

from __future__ import annotations

import re

import numpy as np
from scipy.sparse import csr_matrix

from classifier.text import normalise_text

CATEGORIES: dict[str, str] = {
    "i": "i me my mine myself i'm im i've ive i'd id i'll",
    "we": "we us our ours ourselves we're we've",
    "you": "you your yours yourself you're",
    "they": "he she him her his hers they them their theirs",
    "negate": "not no never none nobody nothing nowhere neither nor can't cannot won't don't didn't isn't wasn't couldn't wouldn't shouldn't haven't",
    "absolute": "always never nothing everything completely totally entirely constantly definitely every all whole forever absolutely",
    "sad": "sad cry crying cried tears lonely alone empty hopeless hopelessness worthless grief grieving miss missing hurt hurts hurting broken depressed depression numb low miserable unhappy heartbroken",
    "anx": "anxious anxiety worried worry worrying scared afraid fear panic panicking nervous stress stressed stressful overwhelmed terrified tense dread dreading uneasy",
    "anger": "angry anger hate hated furious mad annoyed rage pissed frustrated frustrating resent unfair",
    "posemo": "happy glad good great love loved lovely proud excited fun enjoy enjoyed hope hopeful thanks thank grateful brilliant amazing nice calm better well",
    "death": "die died dying death dead suicide suicidal kill killing killed funeral grave overdose end ending gone",
    "harm": "cut cutting harm self-harm hurt blade blades burn bleeding scars pills tablets rope bridge jump",
    "tired": "tired exhausted exhausting drained fatigue sleep sleeping insomnia awake bed can't-sleep worn",
    "money": "money rent bills debt pay paid broke afford benefits pip universal credit job unemployed fired",
    "social": "friend friends family mum dad mom partner husband wife boyfriend girlfriend son daughter people someone everyone",
    "health": "doctor gp therapist therapy meds medication hospital psychiatrist diagnosis diagnosed nurse ward",
    "time_now": "now today tonight currently right anymore still",
    "time_past": "was were had ago used remember back then",
    "cognitive": "think thought know knew feel felt wonder wish maybe because why reason understand",
    "question": "? how what why anyone anybody advice help",
}
_TOKEN = re.compile(r"[a-z']+|\?")
_LOOKUP: dict[str, list[int]] = {}
for _i, _words in enumerate(CATEGORIES.values()):
    for _w in _words.split():
        _LOOKUP.setdefault(_w, []).append(_i)
N_FEATURES = len(CATEGORIES) + 1  # + log word count
NAMES = [*CATEGORIES, "log_words"]


def lexicon_features(texts: list[str], scale: float = 1.0) -> csr_matrix:
    """One row per text: the share of its words in each category, and log(1 + word count)/5."""
    out = np.zeros((len(texts), N_FEATURES), dtype=np.float64)
    for r, text in enumerate(texts):
        tokens = _TOKEN.findall(normalise_text(text).lower())
        n = len(tokens)
        if not n:
            continue
        row = out[r]
        for tok in tokens:
            for c in _LOOKUP.get(tok, ()):
                row[c] += 1.0
        row[:-1] /= n
        row[-1] = np.log1p(n) / 5.0
    return csr_matrix(out * scale)
