"""Safety rules: explicit intent, plan, means, attempt or goodbye raise the distress level.

The rules can only raise a level, never lower one (`apply_floor`). They read a post sentence by
sentence and are deliberately narrow, because the statistical model handles the rest:

- First person, present: "I'm going to kill myself tonight" -> crisis (3); "I wish I wasn't here"
  -> high (2).
- Negation: "I'm not going to kill myself" is not a plan. It raises to concern (1) only, so the post
  is still read by a person; the model may still say high.
- Past tense with a marker of distance ("ten years ago", "when I was 19", "back in 2015", "used to")
  is a recovery story and fires nothing.
- Reported speech and third persons: "she said she wants to end it", "my son has taken an
  overdose" -> high (2), crisis (3) when the post also says the danger is now (tonight, not
  answering, 999, locked in...). Skipped when the post is about training or research (role plays
  and case studies quote people at risk).
- Notices, organisations, role plays and idioms: "tonight's the night: our open mic", "this is
  goodbye from our little blog", "last post from me before the wedding", a character's words in a
  role play, "end things with the gym" fire nothing. Each exemption is narrow and gives way to a
  crisis word anywhere in the post (CRISIS_CUES, FAREWELL_CUES), and each has a test beside the
  crises it must not hide.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import classifier.crisis_phrases as crisis_phrases
from classifier.text import normalise_text

# What each rule means, as the start of a sentence a moderator reads at a glance.
RULE_SENTENCES = {
    "intent": "says they intend to end their life",
    "plan": "says they have a plan",
    "means": "says they have the means to hand",
    "attempt": "describes an attempt under way",
    "farewell": "writes a goodbye beside words of finality",
    "goodbye": "writes a goodbye message",
    "ideation": "writes of wanting to die or not to be here",
    "affairs_in_order": "is putting their affairs in order",
    "self_harm": "writes of self-harm now",
    "slang": "uses internet shorthand for killing themself",
    "reported_speech": "reports someone else saying they want to die or end their life",
    "reported_plan": "reports that someone else has a plan, has harmed themself or has taken an overdose",
    "reported_danger": "reports someone else in danger",
    "reported_attempt": "reports finding someone after an attempt",
    "place": "says they are at a dangerous place and writes as if saying goodbye",
    "means_ready": "has the means ready and writes as if saying goodbye",
    "leaving_instructions": "is putting their affairs in order and leaving instructions",
    "place_alone": "says where they are, a kind of place linked to suicide, with no words of leaving: a person should read it",
    "means_ready_alone": "mentions medicines or means laid out, with no words of leaving: a person should read it",
}
TIME_WORDS = re.compile(r"\b(tonight|right now|today|this weekend|tomorrow|this evening|in an hour)\b")


@dataclass(frozen=True)
class RuleHit:
    """One rule that fired: its name, the level it implies and the words that matched.

    `sentence` is the plain reason a moderator reads; rules build it from `RULE_SENTENCES`, the
    other-language phrases from their own description.
    """

    rule: str
    level: int
    evidence: str
    sentence: str = ""

    def reason(self) -> str:
        if self.sentence:
            return self.sentence
        if self.rule.startswith("negated_"):
            what = RULE_SENTENCES.get(self.rule[len("negated_"):], "mentions suicide or self-harm")
            return f"says they will not act on it ('{self.evidence}'), but the subject is there: a person should read it"
        what = RULE_SENTENCES.get(self.rule, "matches a crisis rule")
        return f"{what}: '{self.evidence}'"


_I = r"(?:i|i'm|im|i am|i've|ive|i have|i'll|ill|i will)"
_PERSON = (r"(?:he|she|they|my (?:son|daughter|partner|husband|wife|mum|mom|dad|brother|sister|friend|"
           r"best mate|mate|boyfriend|girlfriend|child|kid|nan|grandad)|someone in (?:our|my|the) (?:group|group chat|chat))")
_SELF3 = r"(?:him|her|them)sel(?:f|ves)"
_EVERYDAY: list[str] = []


def _everyday(lookaround: str) -> str:
    """A lookaround that lets an everyday use of a crisis phrase pass ("jump" then " out of a plane").

    Each is recorded, so `_bare` can build the pattern without them: beside a crisis word elsewhere
    in the post, no everyday reading holds and the bare pattern fires (`_everyday_reading`).
    """
    _EVERYDAY.append(lookaround)
    return lookaround


def _bare(pattern: str) -> str:
    """`pattern` without its everyday lookarounds."""
    for lookaround in _EVERYDAY:
        pattern = pattern.replace(lookaround, "")
    return pattern


# (name, level, pattern). Each is matched in one lower-cased sentence.
FIRST_PERSON: list[tuple[str, int, str]] = [
    ("intent", 3, rf"\b{_I}\s+(?P<neg>(?:not|never)\s+)?(?:going to|gonna|about to|ready to|planning to|plan to|will|'ll)\s+"
                  r"(?:kill myself|end (?:it all|it tonight|my life|things)"
                  + _everyday(r"(?! (?:on a high|with (?:him|her|them|my (?:ex|boyfriend|girlfriend|partner|fella|landlord|job)|"
                              r"the (?:gym|club|band|team|job))))")
                  + r"|take my (?:own )?life|jump\b" + _everyday(r"(?! (?:out of|from) (?:a|the) plane| for charity)")
                  + r"|do it tonight)"),
    ("intent", 3, r"\b(?:i )?want to die (?:tonight|today|now)\b|\b(?P<tonight>tonight'?s the night)\b"
                  r"|\b(?:i )?(?P<neg>(?:don'?t|do not) )?(?:want|wanna|need) to (?:kill myself|end my life|end it all)\b"
                  r"|\bwant to die and (?:tonight|today|now) i'?m going to\b"),
    ("intent", 3, rf"\b{_I}\s+(?P<neg>(?:not|never)\s+)?(?:going to|gonna|about to) take (?:them all|all (?:my |of my |the )?"
                  r"(?:pills|tablets|meds|paracetamol))"),
    ("plan", 3, r"\bi(?:'ve| have)?\s+(?:written|wrote|left)\s+(?:my|a|the)\s+(?:suicide )?(?:note|letters?\b"
                + _everyday(r"(?! (?:to|for) (?:the |my |our |your )?(?:mp|council|councillor|editor|local paper|paper|trust|"
                            r"minister|ombudsman|pals|consultation|campaign|gp|consultant|chief executive|health secretary)\b)")
                + r"|goodbye)"
                r"|\bthe letters are in\b|\bleft the letters\b"),
    ("plan", 3, r"\bi know (?:exactly )?(?:how and when|how i'?(?:ll| will) do it|where i'?m going to do it)"
                r"|\bi(?:'ve| have)? (?:planned it|planned it all|(?:picked|chosen) the place"
                + _everyday(r"(?! for (?:the|our|a) (?!last|final|end))")
                + r"|worked out how"
                + _everyday(r"(?! to (?:use|fill|book|claim|log|access|apply|set up|change|fix|get to (?:the|a) ))")
                + r")\b"),
    ("plan", 3, r"\b(?:been |i'?ve been |i am |i'm )?(?:researching|looking up|googling) (?:how many|ways to|how to\b"
                + _everyday(r"(?! (?:appeal|apply|claim|complain|refer|register|book|bake|cook|knit|grow|fill in|become|"
                            r"volunteer|set up|start a|make (?:a complaint|sourdough|bread|a cake)|"
                            r"get to (?:the|a) (?:venue|hospital|meeting|clinic))\b)")
                + r")"),
    ("means", 3, r"\b(?:saving up|saved up|stockpil\w+|hoard\w*|hid|hidden|got) (?:my |the |two months of |a month of )?"
                 r"(?P<collected>pills|tablets|meds|paracetamol)\b"),
    ("means", 3, r"\b(?:got|bought|have) (?:the |a )?(?:rope|ligature)\b|\bgot the means\b|\bthe means (?:right )?here\b"
                 r"|\bbought (?:a lot of|loads of|lots of) (?:paracetamol|pills|tablets)\b"),
    ("attempt", 3, r"\b(?:i'?ve |i have |i )?(?:just )?(?:taken|took) (?:an overdose|all (?:my |of my |the |of the )?"
                   r"(?:pills|tablets|meds|medication|paracetamol)|everything in the (?:cupboard|cabinet|drawer)|"
                   r"the lot" + _everyday(r"(?! to the (?:charity shop|tip|recycling|dump|food ?bank))")
                   + r"|them all|a load of (?:pills|tablets))\b"
                   r"|\boverdosed\b"
                   + _everyday(r"(?! on (?:mince pies|chocolate|sugar|caffeine|coffee|cheese|carbs|sweets|biscuits|crisps|"
                               r"telly|netflix|christmas))")
                   + r"|\bthe bleeding won'?t stop\b"
                   + _everyday(r"(?! after (?:my |the |a )?(?:blood test|tooth|dentist|extraction|nosebleed|jab|injection))")),
    ("attempt", 3, r"\b(?:standing|stood|sat|sitting) on (?:the|a) (?:bridge|ledge|edge"
                   + _everyday(r"(?! of (?:a |my )?(?:big |huge |new )?(?:decision|career|change|seat|breakthrough))")
                   + r"|roof(?! terrace| garden| bar)|"
                   r"(?P<platform>train platform|platform))\b"),
    ("farewell", 3, r"\b(?:goodbye|bye) (?:everyone|all|world|friends|cruel world)\b"),
    ("goodbye", 3, r"\b(?P<thisis>this is goodbye)\b|\bthis is my goodbye\b"
                   r"|\b(?P<lastpost>(?:my )?(?:last|final) (?:post|toot|skeet|message))\b|\bby the time (?:you|anyone) reads? this\b"
                   + _everyday(r"(?!,? (?:the|our) (?:consultation|meeting|event|survey|deadline|sale|conference|webinar|session|"
                               r"vote|ballot|offer)\b)")
                   + r"|\bwon'?t be (?:here|around) (?:(?P<tomorrow>tomorrow)|after tonight)\b"
                   r"|\b(?:please )?(?:don'?t|do not) (?:try to |come and )?(?:find|look for|come looking for) me\b"),
    ("ideation", 2, r"\b(?:i )?(?:want|wanna) to die\b|\bwish(?:ing)? i (?:was|were) dead\b"
                    r"|\b(?:don'?t|do not) want to (?:be here|live|wake up|be alive)\b"
                    r"|\bwish(?:ing)? i (?:could )?(?:wouldn'?t|would not|didn'?t|not) wake up\b|\bgo to sleep and not wake up\b"
                    r"|\bbetter off (?:without me|dead)\b|\bi'?m (?:just )?a burden\b|\bi (?:am|feel like) a burden\b"
                    r"|\bno point (?:in )?(?:living|going on" + _everyday(r"(?! about)") + r"|being here)\b|\bthoughts of (?:suicide|killing myself|ending it)"
                    r"|\b(?:i'?m|i am|i keep|i'?ve been|i have been|been|i) think(?:ing)? about (?:suicide|killing myself|ending it|dying)\b"
                    r"|\bwon'?t be around much longer\b|\bnot being here\b"
                    + _everyday(r"(?! for (?:the|my|his|her|our) (?:\w+'s )?(?:assembly|birthday|party|match|appointment|nativity|"
                                r"parents' evening|play|meeting|visit|handover|review)\b)")),
    ("ideation", 2, r"\bi'?m (?P<neg>not )?(?:feeling )?suicidal\b"),
    ("affairs_in_order", 2, r"\b(?:giving my things away|giving away my|started giving my things|rehomed the (?:dog|cat)|"
                            r"tying up loose ends|everything'?s in order now)"),
    ("slang", 2, r"(?:^|" + _everyday(r"(?<!\d)") + r"\s)kms(?:$|[\s.!?,])"),  # "ran 10 kms" is a distance
    # Said as a decision, or with the time as "when": "i've decided to end my life", "made up my
    # mind to end it", "tonight's when i do it". "Decided to end it with him" is a break-up.
    ("intent", 3, r"\b(?:i(?:'ve| have)?\s+(?P<neg>not\s+|never\s+|haven'?t\s+)?)?(?:decided|made (?:up )?my mind(?: up)?|"
                  r"made the decision)(?: that)?\s+(?:to|i'?m (?:going to|gonna)|i'?ll|i will)\s+"
                  r"(?:end my life|kill myself|take my (?:own )?life|end it(?: all)?\b"
                  + _everyday(r"(?! (?:with|there|here|early|on|at|for|between)\b)")
                  + r"|do it (?:tonight|today|tomorrow|this weekend))"
                  r"|\b(?:tonight|today|tomorrow)(?:'?s| is) (?:when|the (?:night|day)) i(?:'ll| will)? (?:do it|end it)\b"
                  + _everyday(r"(?! (?:again|properly|for|with|live|at|on)\b)")),
    # Shorthand with the subject dropped ("gna kill myself 2nite", read as "gonna kill myself tonight").
    ("intent", 3, r"(?:^|[.!?,:]\s*)(?P<neg>(?:not|never)\s+)?(?:gonna|going to) (?:kill myself|end my life)\b"
                  + _everyday(r"(?! laughing)")),
    ("farewell", 3, r"\beveryone,? (?:goodbye|bye)\b"),
    # Passive ideation: sorry to wake up at all. "Still here, still fighting" is pride, not this.
    ("ideation", 2, r"\b(?:disappointed|disappointment|gutted|annoyed|angry|upset|fed up|sad)(?: that)? (?:i'?m|i am|to (?:wake up|find i'?m)) "
                    r"still (?:here|alive|breathing)\b"
                    + _everyday(r"(?! (?:at|in|on|waiting|after|for|with)\b)")
                    + r"|\b(?:disappointed|gutted|annoyed|angry|upset|fed up|sad) to (?:still be|be still) (?:here|alive)\b"
                    + _everyday(r"(?! (?:at|in|on|waiting|after|for|with)\b)")
                    + r"|\bwish(?:ing|ed)? i(?:'d| had| could| would)? (?:just )?(?:not|never|hadn'?t|had not|didn'?t|wouldn'?t) "
                    r"(?:woken|woke|wake) up\b"
                    + _everyday(r"(?! (?:so|too|this|that|at|to|with|when|before|for|early|late|in time)\b)")),
    ("self_harm", 2, r"\b(?:self[- ]?harmed|cut myself|hurt myself|burn(?:ed|t) myself|hitting myself|cutting again)\b"
                     r"|\burge to (?:cut|self[- ]?harm)\b|\bi'?ve cut\b"),
]

REPORTED: list[tuple[str, str]] = [
    ("reported_speech", rf"\b{_PERSON}\s+(?:said|says|told me|keeps saying|kept saying|texted|messaged|posted|is saying)\b.{{0,40}}?"
                        r"(?:want(?:s|ed)? to (?:die"
                        + _everyday(r"(?! (?:at home|in (?:her|his|their) own bed|peacefully|in (?:a |the )?hospice)\b)")
                        + rf"|end it|end (?:his|her|their) life)|kill {_SELF3}|be better off dead|"
                        r"wish(?:es)? (?:he|she|they) (?:was|were) dead|(?:doesn'?t|don'?t) see the point|"
                        r"goodbye" + _everyday(r"(?! (?:at the (?:school )?gates?|from the (?:airport|station|car)|"
                                               r"to (?:her|his|their) (?:old )?(?:job|colleagues|class|team|school|flat))\b)")
                        + r"|"
                        r"(?:going|planning) to (?:take" + _everyday(r"(?! (?:the|a|that|this) (?:new )?(?:job|offer|role|place|course|exam|test|"
                                                                     r"train|bus|day off|break|holiday|kids|dog)\b)")
                        + r"|end|kill|jump)|has pills|ha(?:s|ve) taken)"),
    ("reported_plan", rf"\b{_PERSON}(?:\s+has|\s+have|'s)\s+(?:a plan"
                      + _everyday(r"(?! for (?:the |a |our |his |her |their )?(?:garden|holiday|weekend|week|summer|christmas|"
                                  r"birthday|party|wedding|kitchen|house|business|career|course|money|budget|future)\b)")
                      + r"|left a (?:note|letter)|been (?:cutting(?! back| down| costs| hair| out)|self[- ]?harming|hurting (?:herself|himself|themselves))|been looking up ways|just texted me saying goodbye|taken an overdose|"
                      r"taken everything|taken all|started cutting|been thinking about suicide)"),
    ("reported_danger", rf"\b{_PERSON}\s+(?:is|are|'s)\s+(?:locked in"
                        + _everyday(r"(?! (?:a|an) (?:contract|dispute|battle|argument|row|fight|debate|negotiation))")
                        + r"|on the bridge|going to kill|saying (?:he|she|they) (?:is|are) going to)"),
    # Words between the person and "said": "my son came home in a state, said he was going to kill himself".
    ("reported_speech", rf"\b{_PERSON}\s+(?!said|says|told|keeps|kept|texted|messaged|posted|is saying)[^.!?;\n]{{1,60}}?"
                        r"(?:,\s*|\s+and\s+|\s+)(?:said|says|told me|keeps saying|kept saying|texted|messaged)\b.{0,40}?"
                        r"(?:want(?:s|ed)? to (?:die"
                        + _everyday(r"(?! (?:of|laughing|at home|in (?:her|his|their) own bed|peacefully|in (?:a |the )?hospice)\b)")
                        + rf"|end it|end (?:his|her|their) life)|kill {_SELF3}|be better off dead|"
                        r"wish(?:es)? (?:he|she|they) (?:was|were) dead|(?:going|planning) to (?:end (?:it|his life|her life|their life)|"
                        rf"kill {_SELF3}|jump\b" + _everyday(r"(?! (?:at|in|on|for|out of (?:a|the) plane)\b)") + "))"),
    # A third person in danger now, told plainly: the means used, or a note and no answer.
    ("reported_attempt", r"\bempty (?:pill |tablet |paracetamol |medicine |blister )?(?:packets|packs|bottles|blister packs|strips) "
                         r"(?:all )?(?:round|around|next to|beside) (?:him|her|them)\b"
                         + _everyday(r"(?! (?:in the (?:recycling|bin)|from (?:the|a) takeaway)\b)")),
    ("reported_danger", r"\b(?:he|she|they)(?:'s| is| isn'?t| are|'re| aren'?t) (?:not )?(?:answering|picking up)\b[^.!?\n]{0,80}?"
                        r"\b(?:his|her|their) note\b(?! (?:from|for|to|about|on)\b)"
                        r"|\b(?:his|her|their) note (?:says|said)\b[^.!?\n]{0,80}?\b(?:he|she|they)(?:'s| is| isn'?t| are|'re| aren'?t) "
                        r"(?:not )?(?:answering|picking up)\b"),
    ("reported_speech", r"\bsaying (?:he|she|they)(?:'s| is| was| are| were| has| have)? (?:going to (?:the bridge|kill|end|take|jump)|"
                        r"has pills|have pills|wants? to die|won'?t be coming back)"),
    ("reported_attempt", rf"\bfound (?:him|her|them|{_PERSON}) (?:with a ligature|unconscious|hanging|bleeding|collapsed)"),
    ("reported_speech", r"\b(?:told me|texted me|messaged me|said to me)\b.{0,30}?(?:thinking about suicide|wants? to die|end (?:it|his life|her life|their life))"),
]

NEGATION_WORDS = {"not", "never", "no", "don't", "dont", "won't", "wont", "wouldn't", "isn't", "longer"}
_AGE_WORDS = (r"(?:\d\d|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|"
              r"a (?:teenager|student)|at (?:uni|university|college|school))")
PAST = re.compile(rf"\bwhen i was {_AGE_WORDS}\b|\bat {_AGE_WORDS}\b|\bin my (?:teens|twenties|thirties|forties)\b|\bback when\b"
                  r"|\bsince i last\b|\b(?:years|months) since\b|\bfrom the age of \w+ (?:until|till|to)\b"
                  rf"|\buntil i was (?:about |around )?{_AGE_WORDS}\b|"
                  r"\byears ago\b|\bfor years as\b|\bas a (?:teenager|teen|child|kid|student)\b|\b(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|many|several|few|couple of) (?:years?|decades?) ago\b"
                  r"|\bwhen i was (?:a |\d|young|little|at school|in my)|\bback in (?:19|20)\d\d\b|\bin (?:19|20)\d\d\b"
                  r"|\bthat was (?:19|20)\d\d\b|\blast year\b|\bused to\b|\bthere was a time\b|\bat (?:fifteen|sixteen|\d\d)\b")
ABOUT = re.compile(r"\b(?:training|role play|roleplay|course|scenario|case study|research|study|webinar|trainee|module|guidance)\b")
# A farewell ("bye everyone") is a goodbye message only beside words of finality.
FINALITY = re.compile(r"\b(?:sorry for everything|love you all|thank you (?:all )?for(?! (?:coming|joining|listening|reading|having us|"
                      r"tuning in|a (?:lovely|great|brilliant|fab|fantastic)|such a|another|today|tonight|this (?:evening|morning|afternoon)|"
                      r"the (?:event|session|meeting|talk|quiz|evening|workshop|webinar))\b)|can'?t do (?:this|it) any ?more|"
                      r"i'?m done|forgive me|not sorry|for being my friends?|take care of each other)\b")
# "last post" that is an organisation's or a platform's, a season's, or a reference back to an earlier
# post is not a goodbye: "our last post on X", "last post of the year", "in my last post I said".
NOT_A_GOODBYE_BEFORE = re.compile(r"\b(?:our|the|their|his|her|your|group's|team's|network's)\s+$")
REFERENCE_BACK_BEFORE = re.compile(r"\b(?:in|since|after|from|read|see|like|to|re|on|under|about|than)\s+(?:my\s+)?$")
REFERENCE_BACK_AFTER = re.compile(r"^s?\s*(?:was|is about|about|got|had|on here was|i wrote|i said|went)\b")
NOT_A_GOODBYE_AFTER = re.compile(
    r"^s?\s*(?:on|to|at|from) (?:x|twitter|facebook|fb|insta|instagram|tiktok|threads|linkedin|reddit|this (?:account|page|platform|site|app)|"
    r"the old (?:account|page|blog|site|handle))\b"
    r"|^s?\s*there\b"
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
# Organisational and seasonal sign-offs ("signing off for the Christmas break") are not goodbyes either.
IMMINENT = re.compile(r"\b(?:tonight|right now|now|not answering|isn'?t answering|isn'?t picking up|not picking up|won'?t answer|locked|999|ambulance|police|"
                      r"bridge|pills|tablets|overdose|ligature|this weekend|goodbye|coming back|missing|"
                      r"empty (?:pill |tablet |paracetamol |medicine |blister )?(?:packets|packs|bottles|strips))\b")

# Crisis told without the usual words: a dangerous place, the means laid out, or affairs put in
# order, each a crisis only beside words of leaving (FAREWELL_CUES), so "sat by the reservoir with a
# flask" or "picked up a month of tablets" alone fire nothing.
DANGEROUS_PLACE = re.compile(
    r"\b(?:i'?m|i am|i'?ve (?:driven|walked|come|got)|sat|sitting|standing|stood|parked(?: up)?|up|on|here|stuck)\s+"
    r"(?:up\s+)?(?:on|at|by|above|under|near|in)?\s*(?:the\s+)?"
    r"(?:top of (?:the |a |my )?|edge of (?:the |a )?|roof of (?:the |my |a )?|wrong side of (?:the )?|end of (?:the )?)?"
    r"(?:bridge" + _everyday(r"(?! barriers? (?:campaign|petition|scheme|project|appeal))") + r"|cliffs?|cliff (?:edge|path|top)|"
    r"roof" + _everyday(r"(?! terrace| garden| bar)") + r"|ledge|multi-?stor(?:e)?y|railway(?: line| bridge| footbridge)?|tracks|"
    r"train tracks|level crossing|reservoir|quarry|viaduct|motorway bridge|footbridge|canal lock|pier|tower block|"
    r"platform)\b"
    r"|\b(?:drove|driven|walked|walking|headed|heading|went|going) (?:up |down |out )?to the (?:bridge|cliffs?|railway|tracks|"
    r"train tracks|reservoir|quarry|viaduct|river|canal|multi-?stor(?:e)?y|level crossing)\b"
    r"|\b(?:tracks|bridge|cliffs?|railway|river) (?:is|are) (?:\w+ ){0,3}(?:from|near|behind) (?:my|the) (?:house|flat|home)\b")
MEANS_LAID_OUT = re.compile(
    r"\b(?:lined up|counted out|counting|emptied|laid out|in front of me)\b.{0,40}\b(?:tablets|pills|blister packs?|meds|paracetamol)\b"
    r"|\b(?:tablets|pills|blister packs?|meds|paracetamol)\b.{0,40}\b(?:lined up|in front of me|on the table|counted out)\b"
    r"|\b(?:saved|saving|stockpiled|kept) (?:up )?(?:from )?(?:my |all my )?prescriptions\b"
    r"|\b(?:a|one|two|three|four|six) (?:weeks?|months?)'? (?:of|worth of) (?:my )?(?:tablets|pills|meds)\b"
    r"|\bwith the engine running\b"
    r"|\b(?:packets|boxes) (?:at|from) (?:each|every|different|two|three|four) (?:chemists?|shops?|pharmac(?:y|ies))\b")
AFFAIRS = [re.compile(p) for p in (
    r"\bwhoever (?:finds|reads) (?:this|me)\b", r"\bkeys? (?:is|are) (?:under|with)\b", r"\bkeys are with\b",
    r"\bcancelled the (?:milk|papers)\b", r"\b(?:rehomed|given away|gave away|found a (?:new )?home for) (?:the |my )?(?:cat|dog|pets?)\b",
    r"\b(?:cat|dog) (?:is|has gone) (?:with|to) (?:my |the )?(?:neighbour|next door|sister|mum)\b",
    r"\bleft (?:the |my )?(?:dog|cat) with\b", r"\b(?:dog|cat) has a new home\b", r"\bbank details are\b",
    r"\bwhere (?:my|his|her|the) will is\b", r"\b(?:letters?|notes?) (?:are|is) (?:posted|on the|written)\b",
    r"\b(?:finished|written|wrote|left|posted) (?:my |the |a )?(?:letters|notes?|instructions)\b",
    r"\bdeleted (?:my|all my) (?:photos|accounts)\b", r"\b(?:the )?bills are paid\b", r"\bpaid off (?:the|my)\b",
    r"\b(?:flat|house|room) is tidy\b", r"\bsorry for the mess\b", r"\bleft instructions\b",
    r"\bsorted (?:out )?(?:the|my) will\b", r"\bpaid (?:the|all the|all my) bills\b", r"\beverything'?s in order\b",
    r"\b(?:the|my) will'?s (?:done|sorted|signed|written)\b", r"\btying up (?:the |my )?loose ends\b",
    r"\b(?:cat|dog)(?:'s| is) going (?:to|with) (?:my |the )?(?:neighbour|next door|sister|brother|mum|dad|friend)\b")]
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

_ANY_INDIRECT = re.compile("|".join(f"(?:{p.pattern})" for p in (DANGEROUS_PLACE, MEANS_LAID_OUT, *AFFAIRS)))

_FIRST = [(n, lv, re.compile(p, re.MULTILINE)) for n, lv, p in FIRST_PERSON]
_REPORTED = [(n, re.compile(p)) for n, p in REPORTED]
# The same patterns without their everyday lookarounds: read where the post has a crisis word.
_FIRST_BARE = [(n, lv, re.compile(_bare(p), re.MULTILINE)) for n, lv, p in FIRST_PERSON]
_REPORTED_BARE = [(n, re.compile(_bare(p))) for n, p in REPORTED]
_PLACE_BARE = re.compile(_bare(DANGEROUS_PLACE.pattern))
# Danger now in a carer's or friend's report: with it, no everyday reading of a reported phrase holds.
DANGER_NOW = re.compile(r"\b(?:missing|not answering|isn'?t answering|not picking up|won'?t answer|999|ambulance|police)\b")


def _any_rule(patterns: list[str]) -> re.Pattern:
    """One alternation of every rule pattern, named groups made plain (names repeat across rules).

    `search` finds a match exactly when at least one of the patterns matches somewhere, because an
    alternation tries every branch at every position. It is only a gate: a text it rejects cannot
    fire any rule, so `assess` skips the per-rule scans (about 9 posts in 10, and the bulk of the
    time on long blog posts); a text it accepts gets the full rule-by-rule reading below.
    """
    plain = [re.sub(r"\(\?P<\w+>", "(?:", p) for p in patterns]
    return re.compile("|".join(f"(?:{p})" for p in plain), re.MULTILINE)


# Built from the bare patterns, which match wherever the patterns with everyday lookarounds do.
_ANY_RULE = _any_rule([_bare(p) for _, _, p in FIRST_PERSON] + [_bare(p) for _, p in REPORTED])


def normalise(text: str) -> str:
    """Lower-case `normalise_text`: one pattern covers curly and straight apostrophes, any dash."""
    return normalise_text(text).lower()


def _readings(pattern: re.Pattern, bare: re.Pattern, norm: str, crisis_elsewhere: Callable[[str], bool]) -> list[re.Match]:
    """Every match of `pattern`; and of `bare` (the pattern without its everyday lookarounds)
    where `pattern` let an everyday reading pass, when the rest of the post has a crisis word:
    "I'm going to end things with the gym" fires nothing, "... Sorry for everything" still does."""
    found = list(pattern.finditer(norm))
    if bare.pattern == pattern.pattern:
        return found
    starts = {m.start() for m in found}
    for m in bare.finditer(norm):
        if m.start() not in starts and crisis_elsewhere(norm[:m.start()] + " " + norm[m.end():]):
            found.append(m)
    return found


def _a_crisis_word(text: str) -> bool:
    return CRISIS_CUES.search(text) is not None


def _a_crisis_word_or_danger_now(text: str) -> bool:
    return CRISIS_CUES.search(text) is not None or DANGER_NOW.search(text) is not None


def _negated(sentence: str, m: re.Match, offset: int) -> bool:
    # Only the three words before the match (or a "not" the pattern itself allows) count, so
    # "I can't sleep and I want to die" is still a hit.
    if m.groupdict().get("neg"):
        return True
    before = re.findall(r"[a-z']+", sentence[: m.start() - offset])[-3:]
    return any(w in NEGATION_WORDS for w in before)


def _not_a_goodbye(norm: str, m: re.Match, sentence_start: int) -> bool:
    """True when a "last post" match is a reference back ("in my last post", "my last post was
    about"), or an organisation's, a platform's, a season's or an ordinary event's ("last post from
    me before the wedding") in a post with no word of crisis: not a person saying goodbye."""
    lead = norm[sentence_start:m.start("lastpost")]
    tail = norm[m.end("lastpost"):m.end("lastpost") + 60]
    if REFERENCE_BACK_BEFORE.search(lead) or REFERENCE_BACK_AFTER.search(tail):
        return True
    return bool(NOT_A_GOODBYE_BEFORE.search(lead) or NOT_A_GOODBYE_AFTER.search(tail)) and not CRISIS_CUES.search(norm)


def _an_event_tonight(norm: str, m: re.Match) -> bool:
    """True when "tonight's the night" announces an event and the post has no word of crisis."""
    tail = norm[m.end("tonight"):m.end("tonight") + 80]
    return bool(EVENT_AFTER_TONIGHT.search(tail)) and not CRISIS_CUES.search(norm) and "goodbye" not in norm


def _an_organisation_leaving(norm: str, m: re.Match) -> bool:
    """True when "this is goodbye" is a blog's, a page's or an organisation's, or a goodbye to a
    platform, and the post has no word of crisis."""
    tail = norm[m.end("thisis"):m.end("thisis") + 80]
    return bool(ORGANISATION_AFTER_GOODBYE.search(tail)) and not CRISIS_CUES.search(norm)


def _in_a_scene(norm: str, sentence: str, m: re.Match, sentence_start: int) -> bool:
    """True when a first-person match is a character's words in a role play or scenario the post
    describes: the sentence says so, or the post does and the words are quoted."""
    if NOT_A_SCENE.search(norm):
        return False
    quoted = norm[max(0, m.start() - 2):m.start()].rstrip(" ").endswith(("'", '"'))
    return bool(SCENE.search(sentence) or (quoted and SCENE.search(norm)))


def _away_for_a_reason(norm: str, sentence: str, m: re.Match, sentence_start: int) -> bool:
    """True when "won't be here tomorrow" gives an ordinary reason in its sentence ("the office is
    closed", "annual leave") and the post has no other word of crisis or of leaving."""
    rest = norm[:m.start()] + " " + norm[m.end():]  # the match is itself one of FAREWELL_CUES
    return (AWAY_FOR_A_REASON.search(sentence[m.end() - sentence_start:]) is not None
            and not CRISIS_CUES.search(rest) and not FAREWELL_CUES.search(rest))


def _a_commute(norm: str) -> bool:
    """True when a post on a platform tells a commute (a time, a delay, a destination) and has no
    word of crisis or of leaving, and no fast train. It is still a place a person reads (level 1)."""
    return (COMMUTE.search(norm) is not None and not CRISIS_CUES.search(norm) and not FAREWELL_CUES.search(norm)
            and re.search(r"\bfast (?:one|train)\b|\bnot getting on\b", norm) is None)


def _collected_from_a_pharmacy(norm: str, m: re.Match) -> bool:
    """True when "got my meds" is a prescription collected ("from the chemist", "at the GP") and
    the post has no word of crisis or of leaving."""
    tail = norm[m.end("collected"):m.end("collected") + 40]
    rest = norm[:m.start()] + " " + norm[m.end():]  # "got my meds" is itself one of CRISIS_CUES
    return (re.match(r"\s+(?:from|at) (?:the )?(?:pharmacy|chemist'?s?|gp|surgery|clinic)\b", tail) is not None
            and not CRISIS_CUES.search(rest) and not FAREWELL_CUES.search(rest))


def _speaks_to_the_reader(sentence: str, m: re.Match, sentence_start: int) -> bool:
    """True when an ideation match follows a helpline frame ("if you're having", "anyone
    experiencing") and does not itself start with the writer's "i"."""
    if re.match(r"i\b|i'", m.group(0)):
        return False
    return bool(HELPLINE_FRAME.search(sentence[: m.start() - sentence_start]))


def _sentence_at(norm: str, pos: int) -> tuple[int, str]:
    """The sentence around `pos` (start offset, text): rules judge tense and negation per sentence."""
    start = max(norm.rfind(c, 0, pos) for c in ".!?\n;") + 1
    ends = [i for i in (norm.find(c, pos) for c in ".!?\n;") if i != -1]
    return start, norm[start:min(ends, default=len(norm))]


def assess(text: str, *, normalised: bool = False) -> list[RuleHit]:
    """Every rule that fires in `text`, strongest first.

    A text no rule pattern matches anywhere is answered by one scan (`_ANY_RULE`). Otherwise each
    pattern scans the whole text once; only a match is placed in its sentence to check tense and
    negation. `normalised=True` says the caller already ran `normalise_text` on it (the model does,
    for its vectorizers), which saves doing it twice.
    """
    norm = text.lower() if normalised else normalise(text)
    hits = _other_language_hits(norm)
    norm = _ALGOSPEAK.sub(lambda m: _ALGOSPEAK_MEANS[m.group(0)], norm) if _ALGOSPEAK.search(norm) else norm
    norm = _SHORTHAND.sub(lambda m: _SHORTHAND_MEANS[m.group(0)], norm) if _SHORTHAND.search(norm) else norm
    if _DIGIT_IN_WORD.search(norm):  # leetspeak: read "k1ll mys3lf" as "kill myself"
        from classifier.readability import deobfuscate

        norm = deobfuscate(norm)
    hits += _indirect_crisis(norm)
    if _ANY_RULE.search(norm) is None:
        hits.sort(key=lambda h: -h.level)
        return hits
    for (name, level, pattern), (_, _, bare) in zip(_FIRST, _FIRST_BARE):
        for m in _readings(pattern, bare, norm, _a_crisis_word):
            start, sentence = _sentence_at(norm, m.start())
            if PAST.search(sentence) or _in_a_scene(norm, sentence, m, start):
                continue
            if name == "farewell" and not FINALITY.search(norm):
                continue
            if name == "goodbye" and m.groupdict().get("lastpost") and _not_a_goodbye(norm, m, start):
                continue
            if m.groupdict().get("tonight") and _an_event_tonight(norm, m):
                continue
            if m.groupdict().get("thisis") and _an_organisation_leaving(norm, m):
                continue
            if m.groupdict().get("tomorrow") and _away_for_a_reason(norm, sentence, m, start):
                continue
            if m.groupdict().get("platform") and _a_commute(norm):
                continue
            if m.groupdict().get("collected") and _collected_from_a_pharmacy(norm, m):
                continue
            if name == "ideation" and _speaks_to_the_reader(sentence, m, start):
                continue
            if _negated(sentence, m, start):
                hits.append(RuleHit(f"negated_{name}", 1, m.group(0).strip()))
            else:
                hits.append(RuleHit(name, level, m.group(0).strip(), _with_time(name, level, m.group(0).strip(), norm)))
    reported = [(name, m) for (name, pattern), (_, bare) in zip(_REPORTED, _REPORTED_BARE)
                for m in _readings(pattern, bare, norm, _a_crisis_word_or_danger_now)]
    if reported and not ABOUT.search(norm):
        imminent = bool(IMMINENT.search(norm))
        for name, m in reported:
            if not PAST.search(_sentence_at(norm, m.start())[1]):
                what = RULE_SENTENCES[name]
                sentence = f"{what}: '{m.group(0).strip()}'" + (", and says the danger is now" if imminent else "")
                hits.append(RuleHit(name, 3 if imminent else 2, m.group(0).strip(), sentence))
    hits.sort(key=lambda h: -h.level)
    return hits


_ALGOSPEAK_MEANS = {"unalive myself": "kill myself", "unaliving myself": "killing myself", "unalive": "die",
                    "sewerslide": "suicide", "sewer slide": "suicide",
                    "su1c1de": "suicide", "s*icide": "suicide", "su*cide": "suicide"}
_ALGOSPEAK = re.compile(r"\bunalive myself\b|\bunaliving myself\b|\bunalive\b|\bsewer ?slide\b|\bsu1c1de\b|\bs\*icide\b|\bsu\*cide\b")
# Text-speak for the words the rules read: "gna kill myself 2nite" is "gonna kill myself tonight".
_SHORTHAND_MEANS = {"gna": "gonna", "gunna": "gonna", "gona": "gonna", "gnna": "gonna",
                    "2nite": "tonight", "2night": "tonight", "2nyt": "tonight", "tonite": "tonight",
                    "evry1": "everyone", "every1": "everyone", "evryone": "everyone", "myslf": "myself"}
_SHORTHAND = re.compile(r"\b(?:gna|gunna|gona|gnna|2nite|2night|2nyt|tonite|evry1|every1|evryone|myslf)\b")
_DIGIT_IN_WORD = re.compile(r"[a-z][0-9]|[0-9][a-z]{2}")


def _with_time(name: str, level: int, evidence: str, norm: str) -> str:
    """The rule's sentence, with the time the post names when it is a crisis ("and a time: tonight")."""
    sentence = f"{RULE_SENTENCES.get(name, 'matches a crisis rule')}: '{evidence}'"
    if level == 3:
        when = TIME_WORDS.search(norm)
        if when:
            sentence += f", and a time: {when.group(1)}"
    return sentence


def _indirect_crisis(norm: str) -> list[RuleHit]:
    """Crisis by place, means or affairs in order, beside words of leaving (see FAREWELL_CUES)."""
    if _ANY_INDIRECT.search(norm) is None or ABOUT.search(norm):
        return []  # a training scenario or a study describes such posts; it is not one
    cue = FAREWELL_CUES.search(norm)
    found = []
    for name, pattern in (("place", _PLACE_BARE if cue else DANGEROUS_PLACE), ("means_ready", MEANS_LAID_OUT)):
        present = [m for m in _each_match(pattern, norm) if not PAST.search(_sentence_at(norm, m.start())[1])]
        if present and cue:
            first = present[0]
            found.append(RuleHit(name, 3, first.group(0).strip(),
                                 f"{RULE_SENTENCES[name]}: '{first.group(0).strip()}' and '{cue.group(0)}'"))
            continue
        # The place or the means without words of leaving is not a crisis by itself, but a calm
        # "up on the roof" can be one: never published without a person (level 1). Unless it is
        # said to be over: "no more counting pills" (a switch to a depot injection).
        alone = [m for m in present if not _said_to_be_over(norm, m)]
        if alone:
            first = alone[0]
            found.append(RuleHit(f"{name}_alone", 1, first.group(0).strip(),
                                 f"{RULE_SENTENCES[name + '_alone']}: '{first.group(0).strip()}'"))
    affairs = [m.group(0) for p in AFFAIRS if (m := p.search(norm)) and not PAST.search(_sentence_at(norm, m.start())[1])]
    if affairs and not cue and _a_household_trip_or_move(norm, affairs):
        return found
    if len(affairs) >= 2 or (affairs and cue):
        shown = "', '".join(affairs[:3])
        found.append(RuleHit("leaving_instructions", 3, affairs[0], f"{RULE_SENTENCES['leaving_instructions']}: '{shown}'"))
    return found


def _each_match(pattern: re.Pattern, norm: str) -> list[re.Match]:
    """Every match, one per start position, overlapping ones too: "no more counting pills. tablets
    lined up" is one greedy match from "counting", and the "tablets lined up" inside it counts."""
    found = []
    pos = 0
    while (m := pattern.search(norm, pos)) is not None:
        found.append(m)
        pos = m.start() + 1
    return found


def _said_to_be_over(norm: str, m: re.Match) -> bool:
    """True when one of the three words before a place or means match negates it ("no more
    counting pills", "stopped counting out tablets", "instead of counting pills")."""
    start, sentence = _sentence_at(norm, m.start())
    before = re.findall(r"[a-z']+", sentence[: m.start() - start])[-3:]
    return any(w in NEGATION_WORDS or w in ("stopped", "without", "instead") for w in before)


def _a_household_trip_or_move(norm: str, affairs: list[str]) -> bool:
    """True when the signs of affairs in order are only household ones (keys, pets, bills, a tidy
    flat) and the post says why: a holiday, a house move, an inspection; and has no word of crisis."""
    return (all(HOUSEHOLD.search(a) for a in affairs) and TRIP_OR_MOVE.search(norm) is not None
            and not CRISIS_CUES.search(norm))


def _other_language_hits(norm: str) -> list[RuleHit]:
    """Crisis phrases in the community's other languages (`classifier.crisis_phrases`)."""
    return [RuleHit("other_language" if not h.negated else "negated_other_language", h.level, h.evidence, h.sentence())
            for h in crisis_phrases.find(norm)]


def floor_level(hits: list[RuleHit]) -> int:
    """The lowest level the rules allow (0 when none fired)."""
    return max((h.level for h in hits), default=0)


def apply_floor(model_level: int, hits: list[RuleHit]) -> int:
    """Combine: the rules only ever raise the model's level."""
    return max(model_level, floor_level(hits))
