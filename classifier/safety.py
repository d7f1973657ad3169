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
  crises it must not hide. The exemptions live in `classifier.safety_exemptions`; this module holds
  the rules and reads a post with them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import classifier.crisis_phrases as crisis_phrases
from classifier.safety_exemptions import (
    FAREWELL_CUES,
    a_commute,
    a_crisis_word,
    a_crisis_word_or_danger_now,
    a_household_trip_or_move,
    an_event_tonight,
    an_organisation_leaving,
    away_for_a_reason,
    bare,
    collected_from_a_pharmacy,
    ending_something_else,
    everyday,
    in_a_scene,
    not_a_goodbye,
    readings,
    speaks_to_the_reader,
)
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
_PERSON = (r"(?:he|she|they|(?<!your )(?<!their )(?<!his )(?<!her )(?:mum|mam|dad)|my (?:son|daughter|partner|husband|wife|mum|mom|dad|brother|sister|friend|"
           r"best mate|mate|boyfriend|girlfriend|child|kid|nan|grandad)|someone in (?:our|my|the) (?:group|group chat|chat))")
_SELF3 = r"(?:him|her|them)sel(?:f|ves)"
# (name, level, pattern). Each is matched in one lower-cased sentence.
FIRST_PERSON: list[tuple[str, int, str]] = [
    ("intent", 3, rf"\b{_I}\s+(?P<neg>(?:not|never)\s+)?(?:going to|gonna|about to|ready to|planning to|plan to|will|'ll)\s+"
                  r"(?:kill myself" + everyday(r"(?! (?:laughing|with laughter)\b)")
                  + r"|end (?:it all|it tonight|my life|things)"
                  + everyday(r"(?! (?:on a high|with (?:him|her|them|my (?:ex|boyfriend|girlfriend|partner|fella|landlord|job)|"
                              r"the (?:gym|club|band|team|job))))")
                  + r"|take my (?:own )?life|jump\b" + everyday(r"(?! (?:out of|from) (?:a|the) plane| for charity)")
                  + r"|do it tonight)"),
    ("intent", 3, r"\b(?:i )?want to die (?:tonight|today|now)\b|\b(?P<tonight>tonight'?s the night)\b"
                  r"|\b(?:i )?(?P<neg>(?:don'?t|do not) )?(?:want|wanna|need) to (?:kill myself|end my life|end it all)\b"
                  r"|\bwant to die and (?:tonight|today|now) i'?m going to\b"),
    ("intent", 3, rf"\b{_I}\s+(?P<neg>(?:not|never)\s+)?(?:going to|gonna|about to) take (?:them all|all (?:my |of my |the )?"
                  r"(?:pills|tablets|meds|paracetamol))"),
    ("plan", 3, r"\bi(?:'ve| have)?\s+(?:written|wrote|left)\s+(?:my|a|the)\s+(?:suicide )?(?:note|letters?\b"
                + everyday(r"(?! (?:to|for) (?:the |my |our |your )?(?:mp|council|councillor|editor|local paper|paper|trust|"
                            r"minister|ombudsman|pals|consultation|campaign|gp|consultant|chief executive|health secretary)\b)")
                + r"|goodbye)"
                r"|\bthe letters are in\b|\bleft the letters\b"),
    ("plan", 3, r"\bi know (?:exactly )?(?:how and when|how i'?(?:ll| will) do it|where i'?m going to do it)"
                r"|\bi(?:'ve| have)? (?:planned it|planned it all|(?:picked|chosen) the place"
                + everyday(r"(?! for (?:the|our|a) (?!last|final|end))")
                + r"|worked out how"
                + everyday(r"(?! to (?:use|fill|book|claim|log|access|apply|set up|change|fix|get to (?:the|a) ))")
                + r")\b"),
    ("plan", 3, r"\b(?:been |i'?ve been |i am |i'm )?(?:researching|looking up|googling) (?:how many|ways to|how to\b"
                + everyday(r"(?! (?:appeal|apply|claim|complain|refer|register|book|bake|cook|knit|grow|fill in|become|"
                            r"volunteer|set up|start a|make (?:a complaint|sourdough|bread|a cake)|"
                            r"get to (?:the|a) (?:venue|hospital|meeting|clinic))\b)")
                + r")"),
    ("means", 3, r"\b(?:saving up|saved up|stockpil\w+|hoard\w*|hid|hidden|got) (?:my |the |two months of |a month of )?"
                 r"(?P<collected>pills|tablets|meds|paracetamol)\b"),
    ("means", 3, r"\b(?:got|bought|have) (?:the |a )?(?:rope|ligature)\b|\bgot the means\b|\bthe means (?:right )?here\b"
                 r"|\bbought (?:a lot of|loads of|lots of) (?:paracetamol|pills|tablets)\b"),
    ("attempt", 3, r"\b(?:i'?ve |i have |i )?(?:just )?(?:taken|took) (?:an overdose|all (?:my |of my |the |of the )?"
                   r"(?:pills|tablets|meds|medication|paracetamol)|everything in the (?:cupboard|cabinet|drawer)|"
                   r"the lot" + everyday(r"(?! to the (?:charity shop|tip|recycling|dump|food ?bank))")
                   + r"|them all|a load of (?:pills|tablets))\b"
                   r"|\boverdosed\b"
                   + everyday(r"(?! on (?:mince pies|chocolate|sugar|caffeine|coffee|cheese|carbs|sweets|biscuits|crisps|"
                               r"telly|netflix|christmas))")
                   + r"|\bthe bleeding won'?t stop\b"
                   + everyday(r"(?! after (?:my |the |a )?(?:blood test|tooth|dentist|extraction|nosebleed|jab|injection))")),
    ("attempt", 3, r"\b(?:standing|stood|sat|sitting) on (?:the|a) (?:bridge|ledge|edge"
                   + everyday(r"(?! of (?:a |my )?(?:big |huge |new )?(?:decision|career|change|seat|breakthrough))")
                   + r"|roof(?! terrace| garden| bar)|"
                   r"(?P<platform>train platform|platform))\b"),
    ("farewell", 3, r"\b(?:goodbye|bye) (?:everyone|all|world|friends|cruel world)\b"),
    ("goodbye", 3, r"\b(?P<thisis>this is goodbye)\b|\bthis is my goodbye\b"
                   r"|\b(?P<lastpost>(?:my )?(?:last|final) (?:post|toot|skeet|message))\b|\bby the time (?:you|anyone) reads? this\b"
                   + everyday(r"(?!,? (?:the|our) (?:consultation|meeting|event|survey|deadline|sale|conference|webinar|session|"
                               r"vote|ballot|offer)\b)")
                   + r"|\bwon'?t be (?:here|around) (?:(?P<tomorrow>tomorrow)|after tonight)\b"
                   r"|\b(?:please )?(?:don'?t|do not) (?:try to |come and )?(?:find|look for|come looking for) me\b"),
    ("ideation", 2, r"\b(?:i )?(?:want|wanna) to die\b|\bwish(?:ing)? i (?:was|were) dead\b"
                    r"|\b(?:don'?t|do not) want to (?:be here|live|wake up|be alive)\b"
                    r"|\bwish(?:ing)? i (?:could )?(?:wouldn'?t|would not|didn'?t|not) wake up\b|\bgo to sleep and not wake up\b"
                    r"|\bbetter off (?:without me|dead)\b|\bi'?m (?:just )?a burden\b|\bi (?:am|feel like) a burden\b"
                    r"|\bno point (?:in )?(?:living|going on" + everyday(r"(?! about)") + r"|being here)\b|\bthoughts of (?:suicide|killing myself|ending it)"
                    r"|\b(?:i'?m|i am|i keep|i'?ve been|i have been|been|i) think(?:ing)? about (?:suicide|killing myself|ending it|dying)\b"
                    r"|\bwon'?t be around much longer\b|\bnot being here\b"
                    + everyday(r"(?! for (?:the|my|his|her|our) (?:\w+'s )?(?:assembly|birthday|party|match|appointment|nativity|"
                                r"parents' evening|play|meeting|visit|handover|review)\b)")),
    ("ideation", 2, r"\bi'?m (?P<neg>not )?(?:feeling )?suicidal\b"),
    ("affairs_in_order", 2, r"\b(?:giving my things away|giving away my|started giving my things|rehomed the (?:dog|cat)|"
                            r"tying up loose ends|everything'?s in order now)"),
    ("slang", 2, r"(?:^|" + everyday(r"(?<!\d)") + r"\s)kms(?:$|[\s.!?,])"),  # "ran 10 kms" is a distance
    # Said as a decision, or with the time as "when": "i've decided to end my life", "made up my
    # mind to end it", "tonight's when i do it". "Decided to end it with him" is a break-up.
    ("intent", 3, r"\b(?:i(?:'ve| have)?\s+(?P<neg>not\s+|never\s+|haven'?t\s+)?)?(?:decided|made (?:up )?my mind(?: up)?|"
                  r"made the decision)(?: that)?\s+(?:to|i'?m (?:going to|gonna)|i'?ll|i will)\s+"
                  r"(?:end my life|kill myself|take my (?:own )?life|end it(?: all)?\b"
                  + everyday(r"(?! (?:with|there|here|early|on|at|for|between)\b)")
                  + r"|do it (?:tonight|today|tomorrow|this weekend))"
                  r"|\b(?:tonight|today|tomorrow)(?:'?s| is) (?:when|the (?:night|day)) i(?:'ll| will)? (?:do it|end it)\b"
                  + everyday(r"(?! (?:again|properly|for|with|live|at|on)\b)")),
    # Shorthand with the subject dropped ("gna kill myself 2nite", read as "gonna kill myself tonight").
    ("intent", 3, r"(?:^|[.!?,:]\s*)(?P<neg>(?:not|never)\s+)?(?:gonna|going to) (?:kill myself|end my life)\b"
                  + everyday(r"(?! laughing)")),
    # "Ending it" as a person says it: "going to end it all tonight", "i'm ending it tonight",
    # "ending it 2nite. sry mum" (read as "tonight"), "end my life tonight", with or without a subject.
    # Bare "end it" needs a time in the same sentence and no object ("ending it with him", "ending
    # it here"); a post about ending a relationship or a contract, with no farewell, is not this.
    ("intent", 3, r"(?:^|[.!?,:;]\s*|\b(?:i'?m|i am|im|i'?ll|i will|i)\s+)(?P<neg>(?:not|never)\s+)?"
                  r"(?:(?:gonna|going to)\s+)?(?:end(?:ing)? (?:it all|my life)\b"
                  + everyday(r"(?! (?:on a high|with (?:a|the)|in style|for (?:the|this))\b)")
                  + r"|(?P<endit>end(?:ing)? it)\b(?! (?:with|there|here|early|on|at|for|between|off)\b)"
                  r"(?=[^.!?\n]{0,40}\b(?:tonight|today|tomorrow|this weekend)\b))"),
    ("farewell", 3, r"\beveryone,? (?:goodbye|bye)\b"),
    # Passive ideation: sorry to wake up at all. "Still here, still fighting" is pride, not this.
    ("ideation", 2, r"\b(?:disappointed|disappointment|gutted|annoyed|angry|upset|fed up|sad)(?: that)? (?:i'?m|i am|to (?:wake up|find i'?m)) "
                    r"still (?:here|alive|breathing)\b"
                    + everyday(r"(?! (?:at|in|on|waiting|after|for|with)\b)")
                    + r"|\b(?:disappointed|gutted|annoyed|angry|upset|fed up|sad) to (?:still be|be still) (?:here|alive)\b"
                    + everyday(r"(?! (?:at|in|on|waiting|after|for|with)\b)")
                    + r"|\bwish(?:ing|ed)? i(?:'d| had| could| would)? (?:just )?(?:not|never|hadn'?t|had not|didn'?t|wouldn'?t) "
                    r"(?:woken|woke|wake) up\b"
                    + everyday(r"(?! (?:so|too|this|that|at|to|with|when|before|early|late|in time)\b)")),
    ("self_harm", 2, r"\b(?:self[- ]?harmed|cut myself|hurt myself|burn(?:ed|t) myself|hitting myself|cutting again)\b"
                     r"|\burge to (?:cut|self[- ]?harm)\b|\bi'?ve cut\b"),
]

REPORTED: list[tuple[str, str]] = [
    ("reported_speech", rf"\b{_PERSON}\s+(?:said|says|told me|keeps saying|kept saying|texted|messaged|posted|is saying)\b.{{0,40}}?"
                        r"(?:want(?:s|ed)? to (?:die"
                        + everyday(r"(?! (?:at home|in (?:her|his|their) own bed|peacefully|in (?:a |the )?hospice)\b)")
                        + rf"|end it|end (?:his|her|their) life)|kill {_SELF3}|be better off dead|"
                        r"wish(?:es)? (?:he|she|they) (?:was|were) dead|(?:doesn'?t|don'?t) see the point|"
                        r"goodbye" + everyday(r"(?! (?:at the (?:school )?gates?|from the (?:airport|station|car)|"
                                               r"to (?:her|his|their) (?:old )?(?:job|colleagues|class|team|school|flat))\b)")
                        + r"|"
                        r"(?:going|planning) to (?:take" + everyday(r"(?! (?:the|a|that|this) (?:new )?(?:job|offer|role|place|course|exam|test|"
                                                                     r"train|bus|day off|break|holiday|kids|dog)\b)")
                        + r"|end|kill|jump)|has pills|ha(?:s|ve) taken)"),
    ("reported_plan", rf"\b{_PERSON}(?:\s+has|\s+have|'s)\s+(?:a plan"
                      + everyday(r"(?! for (?:the |a |our |his |her |their )?(?:garden|holiday|weekend|week|summer|christmas|"
                                  r"birthday|party|wedding|kitchen|house|business|career|course|money|budget|future)\b)")
                      + r"|left a (?:note|letter)|been (?:cutting(?! back| down| costs| hair| out)|self[- ]?harming|hurting (?:herself|himself|themselves))|been looking up ways|just texted me saying goodbye|taken an overdose|"
                      r"taken everything|taken all"
                      + everyday(r"(?! (?:his|her|their) (?:tablets|meds|medication|medicine|antibiotics)\b[^.!?]{0,20}?"
                                 r"\b(?:this week|every day|each day|on time|as prescribed|without (?:a )?fuss|all week)\b)")
                      + r"|started cutting|been thinking about suicide)"),
    ("reported_danger", rf"\b{_PERSON}\s+(?:is|are|'s)\s+(?:locked in"
                        + everyday(r"(?! (?:a|an) (?:contract|dispute|battle|argument|row|fight|debate|negotiation))")
                        + r"|on the bridge|going to kill|saying (?:he|she|they) (?:is|are) going to)"),
    # Words between the person and "said": "my son came home in a state, said he was going to kill himself".
    # Read from the "said" on (its subject is the one before the comma or "and"), so it stays cheap.
    ("reported_speech", r"(?:(?<=,)|(?<=\band))\s*(?:said|says|keeps saying|kept saying|told (?:me|us))\s+(?:that\s+)?(?:he|she|they)\b.{0,40}?"
                        r"(?:want(?:s|ed)? to (?:die"
                        + everyday(r"(?! (?:of|laughing|at home|in (?:her|his|their) own bed|peacefully|in (?:a |the )?hospice)\b)")
                        + rf"|end it|end (?:his|her|their) life)|kill {_SELF3}|be better off dead|"
                        r"wish(?:es)? (?:he|she|they) (?:was|were) dead|(?:going|planning) to (?:end (?:it|his life|her life|their life)|"
                        rf"kill {_SELF3}|jump\b" + everyday(r"(?! (?:at|in|on|for|out of (?:a|the) plane)\b)") + "))"),
    # A third person in danger now, told plainly: the means used, or a note and no answer.
    ("reported_attempt", r"\bempty (?:pill |tablet |paracetamol |medicine |blister )?(?:packets|packs|bottles|blister packs|strips) "
                         r"(?:all )?(?:round|around|next to|beside) (?:him|her|them)\b"
                         + everyday(r"(?! (?:in the (?:recycling|bin)|from (?:the|a) takeaway)\b)")),
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
    r"(?:bridge" + everyday(r"(?! barriers? (?:campaign|petition|scheme|project|appeal))") + r"|cliffs?|cliff (?:edge|path|top)|"
    r"roof" + everyday(r"(?! terrace| garden| bar)") + r"|ledge|multi-?stor(?:e)?y|railway(?: line| bridge| footbridge)?|tracks|"
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

_ANY_INDIRECT = re.compile("|".join(f"(?:{p.pattern})" for p in (DANGEROUS_PLACE, MEANS_LAID_OUT, *AFFAIRS)))

_FIRST = [(n, lv, re.compile(p, re.MULTILINE)) for n, lv, p in FIRST_PERSON]
_REPORTED = [(n, re.compile(p)) for n, p in REPORTED]
# The same patterns without their everyday lookarounds: read where the post has a crisis word.
_FIRST_BARE = [(n, lv, re.compile(bare(p), re.MULTILINE)) for n, lv, p in FIRST_PERSON]
_REPORTED_BARE = [(n, re.compile(bare(p))) for n, p in REPORTED]
_PLACE_BARE = re.compile(bare(DANGEROUS_PLACE.pattern))


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
_ANY_RULE = _any_rule([bare(p) for _, _, p in FIRST_PERSON] + [bare(p) for _, p in REPORTED])


def normalise(text: str) -> str:
    """Lower-case `normalise_text`: one pattern covers curly and straight apostrophes, any dash."""
    return normalise_text(text).lower()


def _negated(sentence: str, m: re.Match, offset: int) -> bool:
    # Only the three words before the match (or a "not" the pattern itself allows) count, so
    # "I can't sleep and I want to die" is still a hit.
    if m.groupdict().get("neg"):
        return True
    before = re.findall(r"[a-z']+", sentence[: m.start() - offset])[-3:]
    return any(w in NEGATION_WORDS for w in before)


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
    for (name, level, pattern), (_, _, without_everyday) in zip(_FIRST, _FIRST_BARE):
        for m in readings(pattern, without_everyday, norm, a_crisis_word):
            start, sentence = _sentence_at(norm, m.start())
            if PAST.search(sentence) or in_a_scene(norm, sentence, m, start):
                continue
            if name == "farewell" and not FINALITY.search(norm):
                continue
            if name == "goodbye" and m.groupdict().get("lastpost") and not_a_goodbye(norm, m, start):
                continue
            if m.groupdict().get("tonight") and an_event_tonight(norm, m):
                continue
            if m.groupdict().get("thisis") and an_organisation_leaving(norm, m):
                continue
            if m.groupdict().get("tomorrow") and away_for_a_reason(norm, sentence, m, start):
                continue
            if m.groupdict().get("endit") and ending_something_else(norm):
                continue
            if m.groupdict().get("platform") and a_commute(norm):
                continue
            if m.groupdict().get("collected") and collected_from_a_pharmacy(norm, m):
                continue
            if name == "ideation" and speaks_to_the_reader(sentence, m, start):
                continue
            if _negated(sentence, m, start):
                hits.append(RuleHit(f"negated_{name}", 1, m.group(0).strip()))
            else:
                hits.append(RuleHit(name, level, m.group(0).strip(), _with_time(name, level, m.group(0).strip(), norm)))
    reported = [(name, m) for (name, pattern), (_, without_everyday) in zip(_REPORTED, _REPORTED_BARE)
                for m in readings(pattern, without_everyday, norm, a_crisis_word_or_danger_now)]
    if reported and not ABOUT.search(norm):
        imminent = bool(IMMINENT.search(norm))
        for name, m in reported:
            if not PAST.search(_sentence_at(norm, m.start())[1]):
                what = RULE_SENTENCES[name]
                sentence = f"{what}: '{m.group(0).strip()}'" + (", and says the danger is now" if imminent else "")
                hits.append(RuleHit(name, 3 if imminent else 2, m.group(0).strip(), sentence))
    hits = _without_repeats(hits)
    hits.sort(key=lambda h: -h.level)
    return hits


def _without_repeats(hits: list[RuleHit]) -> list[RuleHit]:
    """Drop a hit that another hit of the same rule and level already says in full ("i am going to
    end it" inside "i am going to end it tonight"): a moderator reads each reason once."""
    def covered(i: int, h: RuleHit) -> bool:
        return any(j != i and k.rule == h.rule and k.level == h.level and h.evidence in k.evidence
                   and (len(k.evidence) > len(h.evidence) or j < i) for j, k in enumerate(hits))
    return [h for i, h in enumerate(hits) if not covered(i, h)]


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
    if affairs and not cue and a_household_trip_or_move(norm, affairs):
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
