"""Everyday exemptions for the safety rules: when a crisis phrase is an everyday use, not a crisis.

A notice ("tonight's the night: our open mic"), an organisation's goodbye ("this is goodbye from
our little blog"), a character's words in a role play, a commute on a platform, a prescription
collected, a helpline footer, keys and pets sorted for a holiday, and idioms that share a crisis
phrase ("end things with the gym", "a skydive for charity"). Each exemption is narrow, and each
gives way to a crisis word anywhere else in the post (CRISIS_CUES, FAREWELL_CUES) or, in a carer's
report, to danger now (DANGER_NOW). The rules themselves live in `classifier.safety`; this module
only says when one of their matches does not count.
"""

from __future__ import annotations

import re
from collections.abc import Callable

EVERYDAY: list[str] = []


def everyday(lookaround: str) -> str:
    """A lookaround that lets an everyday use of a crisis phrase pass ("jump" then " out of a plane").

    Each is recorded, so `bare` can build the pattern without them: beside a crisis word elsewhere
    in the post, no everyday reading holds and the bare pattern fires (`readings`).
    """
    EVERYDAY.append(lookaround)
    return lookaround


def bare(pattern: str) -> str:
    """`pattern` without its everyday lookarounds."""
    for lookaround in EVERYDAY:
        pattern = pattern.replace(lookaround, "")
    return pattern


# "last post" that is an organisation's or a platform's, a season's, or a reference back to an earlier
# post is not a goodbye: "our last post on X", "last post of the year", "in my last post I said".
NOT_A_GOODBYE_BEFORE = re.compile(r"\b(?:our|the|their|his|her|your|group's|team's|network's)\s+$")
REFERENCE_BACK_BEFORE = re.compile(r"\b(?:in|since|after|from|read|see|like|to|re|on|under|about|than)\s+(?:my\s+)?$")
REFERENCE_BACK_AFTER = re.compile(r"^s?\s*(?:was|is about|about|got|had|on here was|i wrote|i said|went)\b")
NOT_A_GOODBYE_AFTER = re.compile(
    r"^s?\s*(?:on|to|at|from) (?:x|twitter|facebook|fb|insta|instagram|tiktok|threads|linkedin|reddit|this (?:account|page|platform|site|app)|"
    r"the old (?:account|page|blog|site|handle))\b"
    r"|^s?\s*there\b"
    # a role handed over: "my last post as editor of the newsletter", "as chair"
    r"|^s?\s*as (?:the |your |our )?(?:\w+ )?(?:editor|chair|co-?chair|moderator|admin|host|co-?ordinator|lead|"
    r"facilitator|organiser|organizer|trustee|secretary|treasurer|volunteer|manager|rep|representative|convenor)\b"
    r"|^s?\s*(?:of|for) (?:the |this )?(?:year|month|week|term|season|summer|decade|20\d\d)\b"
    r"|^s?\s*(?:from (?:me|us) )?(?:before|until|till|over) (?:the |our |we |my )?(?:christmas|xmas|new year|easter|summer|break|"
    r"holidays?|hols|january|february|march|april|may|june|july|august|september|october|november|december|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday|next|we|i get back|i'?m back|wedding|big day|honeymoon|hen do|"
    r"stag do|trip|move|house move|exams?|festival|conference|op\b|operation|surgery|baby|weekend|bank holiday|"
    r"half[- ]term|i go on (?:holiday|leave|annual leave|maternity leave|paternity leave))"
    r"|^s?\s*(?:from (?:me|us) )?for (?:a (?:while|bit|few|couple)|now|the (?:christmas|xmas|summer|easter|half[- ]term) break|the (?:holidays?|break))\b")
# "Tonight's the night" announcing an event ("tonight's the night: our open mic at the Crown",
# "tonight's the night of the awards", "tonight's the night! doors 7pm") is a notice, not intent.
EVENT_AFTER_TONIGHT = re.compile(
    r"^[\s:,!\-]*(?:(?:for|of)\s+)?(?:(?:our|the|a|this|your)\s+)?"
    r"(?:(?!after\b|before\b|when\b|once\b|until\b|till\b|i\b|i'|im\b|me\b|my\b)[a-z'-]+\s+){0,3}?"
    r"(?:open mic|gig|quiz|meeting|launch|party|match|show|concert|premiere|screening|workshop|drop-in|event|"
    r"webinar|awards?|fundraiser|festival|ball|disco|dinner|performance|panel|conference|exhibition|"
    r"reunion|ceilidh|karaoke|bingo|raffle|auction|episode|finale|"
    r"doors (?:open )?(?:at )?\d|starts? at \d)\b")
# "This is goodbye" said by a blog, a page, an account or an organisation ("this is goodbye from our
# little blog", "this is goodbye from all of us at the trust") or to a platform ("to Twitter").
ORGANISATION_AFTER_GOODBYE = re.compile(
    r"^[\s,:\-]*(?:from (?:all of us|everyone|us) at\b|to (?:the|our) old (?:office|building|premises|base|venue|hall)\b"
    r"|from (?:(?:our|the|this) )(?:[a-z'-]+ ){0,2}?(?:blog|page|account|site|website|newsletter|podcast|channel|"
    r"feed|forum|team|charity|service|project|network|organi[sz]ation|magazine|column|group|committee|board)\b"
    r"|to (?:x|twitter|facebook|instagram|insta|tiktok|threads|reddit|linkedin)\b)")
# A role play or scenario told as one ("I played a farmer who'd been 'tying up loose ends'"): the
# first-person words are a character's, not the writer's. Narrower than ABOUT on purpose: "course"
# or "training" alone is no scene, and "this isn't a role play" or "for real" is the writer's own.
SCENE = re.compile(r"\brole[- ]?play(?:ed|ing|s)?\b|\b(?:in the|training|practice) scenarios?\b|\bcase study\b|\bvignette\b"
                   r"|\bi played (?:a|an|the)\b|\bplay(?:ed|ing) the (?:part|role) of\b|\bin character\b|\bacted out\b")
NOT_A_SCENE = re.compile(r"\b(?:not|no|isn'?t|wasn'?t) (?:a |an |the )?(?:role[- ]?play|scenario|drill|exercise)\b|\bfor real\b")
# A helpline footer or a leaflet speaks to the reader ("if you're having thoughts of suicide, call
# Samaritans"; "anyone having thoughts of suicide can text SHOUT"): an ideation match right after
# such a frame, not itself starting with "i", is not the writer's. "Anyone else" includes the writer.
HELPLINE_FRAME = re.compile(r"\bif (?:you|someone|anyone|a person)\b(?!.*\bi\b)"
                            r"|\b(?:anyone|someone|people|those|others|a person)(?<!anyone else) (?:who (?:is|are|has|have|'?s) |who'?re )?"
                            r"(?:having|experiencing|with|living with|affected by|struggling with|feeling)\s+$")
# A commute told on a platform: a clock time, a delay, a destination. "The fast one" is no commute.
COMMUTE = re.compile(r"\b\d{1,2}[:.]\d\d\b|\b(?:cancelled|delayed|late again|running late|replacement bus|to work|"
                     r"to the (?:conference|office|match|meeting|airport)|commute|season ticket)\b")
# "I won't be here tomorrow" with an ordinary reason in the same sentence (leave, training, a
# closed office, an appointment).
AWAY_FOR_A_REASON = re.compile(r"\b(?:annual leave|on leave|holiday|day off|off sick|training|closed|conference|course|"
                               r"appointment|working from home|wfh|cover(?:ing|ed)?|rota|shift|dentist)\b")
# Words only a person at risk writes: beside them no notice, event or organisation exemption holds.
CRISIS_CUES = re.compile(
    r"\b(?:sorry for everything|forgive me|love you all|can'?t do (?:this|it) any ?more|i'?m done|enough now|"
    r"look after (?:my|mum|dad|the kids|the dog|the cat|each other)|tell (?:my|mum|dad)\b|please don'?t (?:try|come|look)|"
    r"won'?t be (?:here|around)|not (?:coming|going) (?:back|home)|overdose|rope|ligature|kill myself|end it|"
    r"end my life|bridge|cliffs?|railway|tracks|jump"
    r"|(?:got|have|saved|all|taken|take|lined up|counted out|ready)\W+(?:\w+\W+){0,2}?(?:pills|tablets|meds|paracetamol)"
    r"|(?:pills|tablets|meds|paracetamol)\W+(?:\w+\W+){0,2}?(?:ready|lined up|counted out|in front of me))\b")
# Words of leaving: beside them a place, the means or affairs in order is a crisis (`classifier.safety`),
# and no exemption below holds.
FAREWELL_CUES = re.compile(
    r"\b(?:goodbye|forgive me|i'?m (?:so )?sorry(?! (?:for the|about the|to hear|if|i|we|but))|sorry everyone|sorry for everything|"
    r"tell (?:my|him|her|them|mum|dad)\b|i'?ve said what|it'?s time\b(?! (?:for|to))|i'?m done|enough now|"
    r"not (?:coming|going) (?:back|home)|won'?t be (?:posting|on here|here|back|driving home|around)|i don'?t think i'?m (?:driving|going|coming) (?:home|back)|"
    r"don'?t (?:try to|come|want to charge)|nobody needs to come|no one needs to come|please don'?t (?:try|come|look)|"
    r"next train|engine off|last time i'?ll|this is the last (?:time|post|thing)|just wanted (?:one person|someone) to know|"
    r"not answering (?:anyone|my phone)|won'?t answer)")

# Keys with next door and the cat with mum while we're away: a holiday or a house move, not a goodbye.
HOUSEHOLD = re.compile(r"\b(?:keys?|milk|papers|cat|dog|pets?|bills|tidy)\b")
TRIP_OR_MOVE = re.compile(r"\bwhile (?:we'?re|i'?m|we are|i am) away\b|\b(?:on|for (?:a |our |my |the )?)holiday\b"
                          r"|\bfor the (?:week|weekend|fortnight|holidays)\b|\btill (?:we'?re|i'?m) back\b"
                          r"|\bwhen (?:we|i) (?:get|come) back\b|\b(?:moved|moving) (?:house|flat|in|into|out)\b"
                          r"|\b(?:the|an?) (?:inspection|viewing|house move)\b")
# Danger now in a carer's or friend's report: with it, no everyday reading of a reported phrase holds.
DANGER_NOW = re.compile(r"\b(?:missing|not answering|isn'?t answering|not picking up|won'?t answer|999|ambulance|police)\b")


def readings(pattern: re.Pattern, without_everyday: re.Pattern, norm: str, crisis_elsewhere: Callable[[str], bool]) -> list[re.Match]:
    """Every match of `pattern`; and of `without_everyday` (the same pattern without its everyday lookarounds)
    where `pattern` let an everyday reading pass, when the rest of the post has a crisis word:
    "I'm going to end things with the gym" fires nothing, "... Sorry for everything" still does."""
    found = list(pattern.finditer(norm))
    if without_everyday.pattern == pattern.pattern:
        return found
    starts = {m.start() for m in found}
    for m in without_everyday.finditer(norm):
        if m.start() not in starts and crisis_elsewhere(norm[:m.start()] + " " + norm[m.end():]):
            found.append(m)
    return found


def a_crisis_word(text: str) -> bool:
    """True when `text` has a word only a person at risk writes: no everyday reading holds beside it."""
    return CRISIS_CUES.search(text) is not None


def a_crisis_word_or_danger_now(text: str) -> bool:
    """In a carer's or friend's report, danger now (missing, not answering, 999) voids an everyday reading too."""
    return CRISIS_CUES.search(text) is not None or DANGER_NOW.search(text) is not None


def not_a_goodbye(norm: str, m: re.Match, sentence_start: int) -> bool:
    """True when a "last post" match is a reference back ("in my last post", "my last post was
    about"), or an organisation's, a platform's, a season's or an ordinary event's ("last post from
    me before the wedding") in a post with no word of crisis: not a person saying goodbye."""
    lead = norm[sentence_start:m.start("lastpost")]
    tail = norm[m.end("lastpost"):m.end("lastpost") + 60]
    if REFERENCE_BACK_BEFORE.search(lead) or REFERENCE_BACK_AFTER.search(tail):
        return True
    return bool(NOT_A_GOODBYE_BEFORE.search(lead) or NOT_A_GOODBYE_AFTER.search(tail)) and not CRISIS_CUES.search(norm)


def an_event_tonight(norm: str, m: re.Match) -> bool:
    """True when "tonight's the night" announces an event and the post has no word of crisis."""
    tail = norm[m.end("tonight"):m.end("tonight") + 80]
    return bool(EVENT_AFTER_TONIGHT.search(tail)) and not CRISIS_CUES.search(norm) and "goodbye" not in norm


def an_organisation_leaving(norm: str, m: re.Match) -> bool:
    """True when "this is goodbye" is a blog's, a page's or an organisation's, or a goodbye to a
    platform, and the post has no word of crisis."""
    tail = norm[m.end("thisis"):m.end("thisis") + 80]
    return bool(ORGANISATION_AFTER_GOODBYE.search(tail)) and not CRISIS_CUES.search(norm)


def in_a_scene(norm: str, sentence: str, m: re.Match, sentence_start: int) -> bool:
    """True when a first-person match is a character's words in a role play or scenario the post
    describes: the sentence says so, or the post does and the words are quoted."""
    if NOT_A_SCENE.search(norm):
        return False
    quoted = norm[max(0, m.start() - 2):m.start()].rstrip(" ").endswith(("'", '"'))
    return bool(SCENE.search(sentence) or (quoted and SCENE.search(norm)))


def away_for_a_reason(norm: str, sentence: str, m: re.Match, sentence_start: int) -> bool:
    """True when "won't be here tomorrow" gives an ordinary reason in its sentence ("the office is
    closed", "annual leave") and the post has no other word of crisis or of leaving."""
    rest = norm[:m.start()] + " " + norm[m.end():]  # the match is itself one of FAREWELL_CUES
    return (AWAY_FOR_A_REASON.search(sentence[m.end() - sentence_start:]) is not None
            and not CRISIS_CUES.search(rest) and not FAREWELL_CUES.search(rest))


def a_commute(norm: str) -> bool:
    """True when a post on a platform tells a commute (a time, a delay, a destination) and has no
    word of crisis or of leaving, and no fast train. It is still a place a person reads (level 1)."""
    return (COMMUTE.search(norm) is not None and not CRISIS_CUES.search(norm) and not FAREWELL_CUES.search(norm)
            and re.search(r"\bfast (?:one|train)\b|\bnot getting on\b", norm) is None)


def collected_from_a_pharmacy(norm: str, m: re.Match) -> bool:
    """True when "got my meds" is a prescription collected ("from the chemist", "at the GP") and
    the post has no word of crisis or of leaving."""
    tail = norm[m.end("collected"):m.end("collected") + 40]
    rest = norm[:m.start()] + " " + norm[m.end():]  # "got my meds" is itself one of CRISIS_CUES
    return (re.match(r"\s+(?:from|at) (?:the )?(?:pharmacy|chemist'?s?|gp|surgery|clinic)\b", tail) is not None
            and not CRISIS_CUES.search(rest) and not FAREWELL_CUES.search(rest))


def speaks_to_the_reader(sentence: str, m: re.Match, sentence_start: int) -> bool:
    """True when an ideation match follows a helpline frame ("if you're having", "anyone
    experiencing") and does not itself start with the writer's "i"."""
    if re.match(r"i\b|i'", m.group(0)):
        return False
    return bool(HELPLINE_FRAME.search(sentence[: m.start() - sentence_start]))


def a_household_trip_or_move(norm: str, affairs: list[str]) -> bool:
    """True when the signs of affairs in order are only household ones (keys, pets, bills, a tidy
    flat) and the post says why: a holiday, a house move, an inspection; and has no word of crisis."""
    return (all(HOUSEHOLD.search(a) for a in affairs) and TRIP_OR_MOVE.search(norm) is not None
            and not CRISIS_CUES.search(norm))


# "I'm ending it tomorrow" about a relationship, a tenancy or a job, when the post says no goodbye.
SOMETHING_ELSE_ENDING = re.compile(
    r"\b(?:boyfriend|girlfriend|bf|gf|relationship|marriage|husband|wife|fianc[eé]e?|partner|dating|cheat\w*|"
    r"him|contract|lease|tenancy|subscription|membership|job|thread|series|season|podcast|blog|book|chapter)\b")
NOT_SOMETHING_ELSE = re.compile(
    r"\b(?:sorry|sry|soz|love (?:you|u)|luv (?:you|u)|goodbye|bye|forgive|can'?t (?:do|take) (?:this|it)|"
    r"pills|tablets|bridge|rope|note|letters?|for good|no more)\b")


def ending_something_else(norm: str) -> bool:
    """True when a bare "ending it" + a time is about a relationship, a contract or a series, and the
    post has no word of farewell or means."""
    return bool(SOMETHING_ELSE_ENDING.search(norm)) and not NOT_SOMETHING_ELSE.search(norm)
