"""The cheap first look: which posts are plainly ordinary enough to skip the sentence encoder.

The encoder (`classifier.encoder`) reads about 200 short posts a second on one busy core; the
TF-IDF stage reads thousands. Most of a community feed is ordinary talk (events, thanks, admin),
so the cascade lets stage 1 decide a post alone only when everything says it is ordinary:

1. stage 1 is sure (P(level>=1) below the out-of-fold gate chosen in training), or
2. the post is short, has **no distress cue at all** (no safety rule fired, not even a negated
   one, and none of the words below), is readable, and stage 1 would publish it on its own
   (P(level>=1) below stage 1's own clearance and P(level>=2) below its threshold).

Anything else goes to the encoder: the cheap stage fails toward the careful one, never toward
publication. The cue list is deliberately broad (feelings, harm, death, means, places people go
to end their lives, words of farewell, time pressure); a false cue costs only speed.
"""

from __future__ import annotations

import re

# Short posts only: a long blog post can bury one worrying paragraph in pages of ordinary text.
MAX_CHARS = 320

_CUE_WORDS = """
sad cry crying cried tears teary lonely alone isolated empty hopeless worthless useless grief grieving miss missing
hurt hurts hurting broken depressed depression numb low miserable unhappy heartbroken ashamed shame guilt guilty
anxious anxiety worried worry worrying scared afraid fear frightened panic panicking nervous stress stressed
overwhelmed terrified dread dreading shaking shaky struggling struggle struggled cope coping can't cannot
angry furious hate rage unfair frayed snapping wobble slipping slipped relapse relapsed spiral spiralling
tired exhausted drained fumes knackered sleep sleeping insomnia awake worn bad awful terrible rough hard difficult
die died dying death dead suicide suicidal kill killing killed funeral overdose od end ending ended gone disappear
disappeared vanish harm self-harm cut cutting cuts blade blades burn burning bleeding bled scars scratched pills tablets
tablet paracetamol rope hose hosepipe knife bottle packets blister stockpiled saved counted
bridge bridges cliff cliffs edge pier platform railway tracks train trains motorway multi-storey roof rooftop river
canal reservoir sea tide woods lake drowning jump jumping ledge
goodbye bye farewell sorry forgive letters letter note notes will peace ready final last anymore longer
burden point pointless nothing nobody never worse worst help urgent emergency 999 111 crisis danger unsafe safe
tonight now
""".split()
_CUE_PHRASES = [
    r"not ok(?:ay)?", r"not (?:great|good|well|fine)", r"better off", r"without me", r"no (?:future|way out|reason)",
    r"give up", r"giving (?:up|away)", r"can'?t (?:do|go|take|see|stop|face|breathe)", r"look after", r"take care of",
    r"love you", r"don'?t (?:want|care|know how)", r"what'?s the point", r"had enough", r"too much", r"fed up",
    r"(?:wearing|getting|dragging|drags|drag|let|weighs?|weighing) (?:me|us|him|her|them)? ?down", r"worn down",
    r"(?:feel|feeling|felt) (?:down|off|flat|rubbish|awful|low|lost)", r"on edge", r"at (?:the )?end of",
]
CUES = re.compile(r"\b(?:" + "|".join([re.escape(w) for w in sorted(set(_CUE_WORDS), key=len, reverse=True)]
                                      + _CUE_PHRASES) + r")\b")


def distress_cue(normalised_text: str) -> str | None:
    """The first distress cue in a normalised text, or None when it has none."""
    m = CUES.search(normalised_text.lower())
    return m.group(0) if m else None


def may_skip_encoder(normalised_text: str, rule_hits: list, unreadable) -> bool:
    """True when the post is short, readable, fired no safety rule and holds no distress cue:
    stage 1 may then decide it alone if stage 1 would also publish it (see `ClassifierModel.score`)."""
    return (len(normalised_text) <= MAX_CHARS and not rule_hits and unreadable is None
            and distress_cue(normalised_text) is None)
