"""Batch 4a of hand-written pieces (issue 13): ordinary level-0 posts on the thinnest topics.

Same shape as `pieces_batch3.BATCH3`: (level, topic keys, kind, text). Written for this project
(peerfeed) by a corpus writer following DATA_BRIEF.md; no real person's post, nothing copied from
anywhere; handles and names are invented and places are generic or the {place} slot.

The weight is on the topics the corpus has least of: care planning (CPA reviews, care
co-ordinators, crisis plans, discharge, section 117 aftercare, advance statements) and
co-production (involvement payments, expert-by-experience panels, lived-experience leadership,
co-design, tokenism), then treatment (meds reviews, side effects told calmly, clozapine, depot,
therapy waits, CBT/DBT groups) and stigma and rights (PIP/UC, Mental Health Act reform, media,
work), then the rest. About twenty long blog posts and twenty thread replies, some posts with no
topic at all, and some that mention being unwell in the past or give a calm health update. Every
piece is level 0: no sign of the writer's current distress. Voices vary on purpose: staff, trust
comms, carers, people who use services, a student, a lowercase dad, an older man who signs off.
"""

from __future__ import annotations

BATCH4A: list[tuple[int, str, str, str]] = [
    # ---- care planning -------------------------------------------------------------------------
    (0, "plan", "ordinary", "CPA review done. Forty minutes, three people, one real change: the crisis plan now says ring my sister before anyone else. That was the bit I wanted."),
    (0, "plan", "ordinary", "Note to myself and every other care co-ordinator: if a care plan goal says 'engage with services', rewrite it. Nobody's life goal is to engage with services."),
    (0, "plan rights", "everyday", "Section 117 question for the hive mind: someone was on a section 3, got discharged, then moved to {place}. Which local authority pays for the aftercare? We've had three different answers from three offices."),
    (0, "plan", "everyday", "got a letter for my cpa review next tues can i bring my mate along for support or does it have to be family. never done one before"),
    (0, "plan", "ordinary", "Finally wrote my advance statement with the advocate. Two pages: what helps, what doesn't, and who feeds the cat if I'm ever admitted again. Copies to the GP, the {svc} and my brother."),
    (0, "plan", "ordinary", "Unpopular opinion from a ward nurse: discharge planning starts on the day of admission. If the first conversation about housing happens the day before someone leaves, we've already failed them."),
    (0, "plan access", "ordinary", "Care co-ordinator caseloads in our team are sitting at 35 plus. A care plan reviewed once a year by someone who barely knows you isn't care co-ordination, it's admin with a lanyard."),
    (0, "plan", "everyday", "@mags yes! ask for the crisis plan in writing. mine lives on the fridge next to the takeaway menus 😂"),
    (0, "plan", "ordinary", "From the consultant's chair: the most useful line in any care plan I read this week was 'If I stop answering the phone, knock. I'm probably asleep, not ignoring you.' Written by the patient. Better than anything I'd have put."),
    (0, "plan carers", "ordinary", "Went with Mam to her review at the CMHT this morning. They'd sent the care plan in Welsh and English without me having to ask this time. Diolch to whoever sorted that, it matters to her."),
    (0, "plan", "ordinary", "Handover post: I'm moving teams next month, so fourteen people are getting a new care co-ordinator. Every one of them has a joint visit booked with me and the new worker. Nobody finds out by letter."),
    (0, "plan", "ordinary", "Crisis plan tip from our Thursday group: put the practical stuff first. Who has a spare key, who walks the dog, who rings your work. The feelings bit matters too, but the dog can't wait."),
    (0, "plan treat", "ordinary", "My care plan now lists every medication with one line in plain English on what it's for. Should have been like that from the start, but I'll take it."),
    (0, "plan", "ordinary", "In eleven years of using services, today was the first CPA review where the minutes were sent to me before anyone else. A small courtesy, much appreciated. Regards, Gerald."),
    (0, "plan", "everyday", "Does a care plan have to be signed? Mine came in the post with a space for my signature and I don't agree with the risk section. Can I send it back with comments instead?"),
    (0, "plan", "everyday", "Replying to Ravi: you can ask for your own view to go in the risk section. Ours has a box now called 'what I think about this'. Took two years of asking, but it's there."),
    (0, "plan", "ordinary", "Discharged from the CMHT back to my GP today after four years. Proper ending session, a relapse signature written down, and I can re-refer myself for six months. Felt like graduating, not being dropped."),
    (0, "plan", "ordinary", "From April our wards will give everyone a copy of their discharge summary on the day they leave, not just post it to the GP. If you don't get one, ask your named nurse."),
    (0, "plan", "hard_negative", "Training day for care co-ordinators on safety planning: how to write a crisis plan with someone who has had suicidal thoughts without it turning into a tick-box risk form. Best session I've been to in years."),
    (0, "plan", "ordinary", "Being moved off CPA onto 'standard care' under the new framework. Honestly no idea what that changes for me day to day. Has anyone been through it and can translate?"),
    (0, "plan copro", "ordinary", "Care plan audit results: 61% of plans in our directorate now include the person's own words, up from 22% last year. The peer auditors spotted gaps we'd walked past for years."),
    (0, "plan rights", "ordinary", "Reminder: section 117 aftercare is free. If you were detained under section 3 and someone is charging you for the supported housing or care that's part of your aftercare, get an advocate and challenge it."),
    (0, "plan", "everyday", "@tom the 72-hour follow-up is usually a phone call, not a visit. if you want a visit, ask for it to be written into the discharge plan, they normally say yes"),
    (0, "plan", "ordinary", "Our EIP team asked me to draw my relapse signature as a timeline instead of ticking boxes. Sleep goes first, then music gets too loud, then I stop cooking. Clearest plan I've ever had."),
    (0, "plan carers", "ordinary", "The carer's contingency plan is the most overlooked bit of CPA. If I'm the one who gets ill, who checks on {rel}? Ours finally has names and numbers in it."),
    (0, "plan", "long_blog",
     "What I've learned in six years as a care co-ordinator\n\n"
     "When I started, CPA felt like paperwork that happened to people. A review was a meeting in a room with a clock, a form with boxes, "
     "and a plan that went in a drawer. I was good at the forms.\n\n"
     "The person who changed my mind was a man I'll call D, who came to his review with a carrier bag of every care plan he'd been given in "
     "twelve years. He laid them out on the table. The wording was nearly identical in each one. 'Monitor mental state. Encourage "
     "compliance. Review in six months.' He asked me, quite politely, which of them had made any difference.\n\n"
     "So we wrote the next one differently. He talked, I typed. It had his sister's number, the name of the café he goes to when his "
     "head gets busy, and a line saying he'd rather be visited in the afternoon. It took twice as long. He hasn't needed the crisis team "
     "since, though I'm not vain enough to think the plan did that on its own.\n\n"
     "CPA is being replaced in our trust by the new community framework, and I'm not sad about the acronym going. What I hope stays is the "
     "idea underneath it: one named person who knows you, a plan you recognise as yours, and a review where you speak first.\n\n"
     "If you're a care co-ordinator reading this, try one thing at your next review. Ask the person to read their plan aloud, and stop "
     "when they wince. That's the sentence to rewrite."),
    (0, "plan carers", "long_blog",
     "A discharge meeting that went right\n\n"
     "I've written on here before about discharges that went badly, so it's only fair to write about one that didn't.\n\n"
     "{Rel_cap} had been on the ward for seven weeks. A week before the date, the named nurse rang me to ask when I could come in, rather "
     "than telling me when the meeting was. That alone was new.\n\n"
     "In the room: {rel}, me, the named nurse, the consultant, the care co-ordinator from the community team, and someone from housing, "
     "in person, not on a crackly phone. The care co-ordinator had already visited the ward twice, so it wasn't a stranger taking over.\n\n"
     "We went through the plan line by line. Who visits in the first week (the care co-ordinator on day two, the home treatment team "
     "for a fortnight). What happens with the prescription (a week's supply, then the GP has been written to). What the early signs "
     "look like, in {his} words, and what I should do if I notice them. Which number to ring at 3am. My name is on it as the carer, and "
     "there's a line about my own carer's assessment being booked.\n\n"
     "Nobody rushed. When {he} asked about going back to the gym, the consultant didn't brush it off. When I asked about the benefits "
     "letter that had arrived while {he} was in, housing took a copy.\n\n"
     "I'm not naive. This was a good team on a good day, and the bed pressure on that ward is awful. But it shows it can be done, and "
     "I'll be quoting this meeting at every carers' forum I go to."),
    (0, "plan access", "long_blog",
     "Announcing our new crisis pathway\n\n"
     "From next month, people in {place} who need urgent mental health help will have one number to ring, day or night, instead of "
     "the four different routes we've had until now. Calls are answered by the single point of access, staffed by nurses, "
     "social workers and peer support workers.\n\n"
     "What changes for you:\n\n"
     "If you already have a crisis plan, the team answering will be able to see it when you ring, with your consent, so you won't "
     "have to repeat your story. If you don't have one, your care co-ordinator will offer to write one with you at your next review.\n\n"
     "The crisis café stays open in the evenings, and the home treatment team keeps its current hours. A&E liaison is unchanged.\n\n"
     "How it was designed: over eighteen months with people who have used our crisis services, carers, the ambulance service, police "
     "and the local Mind. Their top three asks were one number, no repeating yourself, and a human answering quickly. We've tried to "
     "deliver all three and we'll publish how we're doing every quarter.\n\n"
     "The new number will be on every care plan, every letter and our website. The old numbers will redirect for six months. Questions "
     "to our patient experience team, or come to one of the drop-in sessions listed on the website."),
    (0, "plan recovery", "long_blog",
     "Writing an advance statement when you're well\n\n"
     "The last time I was in hospital was three years ago. Nobody on the ward knew that I can't stand the smell of the hand gel near my "
     "face, that I sleep better with the light on, or that my partner is the person to ring, not my parents. I couldn't tell them at "
     "the time.\n\n"
     "So this spring, feeling steady, I sat down with an advocate from the local Mind and wrote it all down. It's called an advance "
     "statement. It isn't legally binding the way a refusal of treatment can be, but staff have to take it into account, and it goes "
     "on my record.\n\n"
     "Mine has five headings: what my early signs look like, what helps, what makes things worse, practical things (pets, bills, "
     "work), and treatment preferences, including a medication that didn't suit me and why.\n\n"
     "It took two sessions and a lot of tea. The hardest part was remembering honestly without getting dragged back into that time. "
     "The advocate was good at pacing it.\n\n"
     "Copies have gone to my GP, my care co-ordinator and my partner, and one sits in the front of my crisis plan. I hope nobody ever "
     "needs to read it. If they do, it's me talking, on a good day, to the people looking after me on a bad one."),
    (0, "plan rights", "long_blog",
     "Section 117 aftercare, explained by an AMHP\n\n"
     "I get asked about section 117 more than almost anything else, so here is the short version.\n\n"
     "If you have been detained under section 3 of the Mental Health Act (or a few of the court sections), then when you leave "
     "hospital the NHS and the local authority have a joint duty to provide aftercare. Aftercare means services that meet a need arising "
     "from your mental illness and reduce the risk of you going back into hospital.\n\n"
     "The important bits: it is free. You cannot be charged for services that are part of your section 117 aftercare, including some "
     "supported accommodation. It lasts until both bodies decide, with you, that you no longer need it, not automatically after a set "
     "time. And it should be planned before you leave hospital, not afterwards.\n\n"
     "Your care plan should say which of your services are section 117 aftercare. If it doesn't, ask. If you've been charged, ask for "
     "a review and get an advocate or a welfare rights adviser involved.\n\n"
     "The messy bit is which area pays when someone moves, and the rules on that have changed more than once. That's our problem to "
     "sort out between organisations, not yours. Don't let anyone leave you without support while they argue about it."),
    # ---- co-production -------------------------------------------------------------------------
    (0, "copro", "ordinary", "Involvement payment for the March panel still hasn't landed. It's June. If trusts want lived experience at the table, finance needs to pay us like it's a real invoice, because it is."),
    (0, "copro", "ordinary", "Tokenism bingo from today's 'co-production' meeting: decision already made ✅ service users invited to 'comment' ✅ one seat at a table of twelve ✅ papers handed out on the day ✅. Full house."),
    (0, "copro work", "ordinary", "Our expert-by-experience panel reviewed forty job adverts this year. Most common edit: deleting 'must be able to manage risk' from peer roles and adding 'must be kind and reliable'."),
    (0, "copro", "ordinary", "Delighted that our trust has appointed its first Director of Lived Experience, on the board with a vote, not an adviser in the corner. Years of campaigning by people who use services got us here."),
    (0, "copro access", "ordinary", "Day two of co-designing the new crisis café with people who'd actually use it. Top request so far: a quiet room with no clock. Second: proper toast, not the hospital sort."),
    (0, "copro", "everyday", "@bea ours is £20 an hour plus travel, paid by bank transfer within 30 days. ask for the involvement policy in writing before you start, it saves arguments later"),
    (0, "copro rights", "ordinary", "PSA for involvement reps on Universal Credit: payments count as earnings, so report them, or ask the trust about the voucher option. Our involvement team has a one-page guide, link in the replies."),
    (0, "copro", "ordinary", "Ok so I've been asked to 'co-produce' a leaflet that has already been printed. Five hundred copies. In a box. On the desk. I said I'd love to co-produce the next one, from page one 🙃"),
    (0, "copro work", "ordinary", "We're recruiting six people with lived experience of eating disorders to help shape a new community service in {place}. Paid, flexible hours, training and supervision included. No CV needed, just a chat with Anna."),
    (0, "copro", "ordinary", "Something I learned chairing a co-production group: the person who says least in the first meeting usually has the idea that changes the whole project. Leave silences. Pay for their time. Ask again."),
    (0, "copro", "ordinary", "New review of co-production in mental health research: of 120 studies claiming it, only 14 involved people with lived experience in analysing the data. Being a co-author on the last page isn't co-production."),
    (0, "copro digital", "ordinary", "our uni project is co-designing a wellbeing app WITH students instead of for us and the first workshop was actually fun?? pizza, post-its and a lecturer who let us overrule him twice"),
    (0, "copro", "ordinary", "Equal partners means equal access to the papers. If staff get the agenda a week ahead and the service user reps get it on the day, that's an audience, not a partnership."),
    (0, "copro carers", "ordinary", "Our carers' involvement group got the ward visiting hours changed to include early evenings. Three meetings, one very patient matron and one extremely determined grandma."),
    (0, "copro events", "ordinary", "Service user forum {when} at the {place} community hub: the trust's finance lead is coming to take questions on the involvement budget. Bring your questions, we've asked for straight answers."),
    (0, "copro access", "ordinary", "We co-designed the CMHT waiting room with the people who wait in it. Plants, a water cooler that works, the TV off by default and chairs without arms. Everyone noticed."),
    (0, "copro", "ordinary", "Asked to tell 'my story' at a board meeting again. Happy to, but next time I'd like to bring my analysis. People with lived experience can read a spreadsheet too."),
    (0, "copro events", "everyday", "Does anyone know if the expert by experience training on Thursday is in person or online? The email says both and the link goes nowhere."),
    (0, "copro", "ordinary", "We wrote our involvement payment policy with the service user reps. They insisted on a cash option on the day for people without bank accounts. They were right: attendance doubled."),
    (0, "copro access", "ordinary", "The young people's advisory group in our CAMHS rewrote the waiting list letters. Shorter, kinder, and they now say honestly how long the wait is instead of 'in due course'."),
    (0, "copro", "everyday", "@priya honestly the best co-production I've been part of had a budget the group controlled. even £500 changes who holds the power in the room"),
    (0, "copro", "everyday", "Replying to Sian: agree, and the lived experience seat shouldn't be filled by the same one person for ten years either. Rotate it, train people, pay them, mentor the next lot."),
    (0, "copro carers", "ordinary", "Our health board asked carers to help design the new respite service from the first meeting, not the last. Twelve of us, a facilitator who shut up and listened, and a draft we actually recognise."),
    (0, "copro", "ordinary", "Three years on the trust's quality committee as a service user governor. Biggest lesson: turn up to the boring meetings. That's where the decisions hide."),
    (0, "copro", "hard_negative", "Proud to have co-written our trust's suicide prevention strategy with families who have been bereaved and people who have survived attempts. Nothing in it was signed off without them."),
    (0, "copro events", "long_blog",
     "Write-up: our co-production workshop on the community mental health transformation\n\n"
     "Thank you to the 34 people who came to the workshop in {place} last week: 15 people who use services, 8 carers, 9 staff and two "
     "people from the voluntary sector. Everyone who isn't paid to be there was paid at the involvement rate, and travel was covered "
     "on the day.\n\n"
     "We started with one question: what should happen in the first four weeks after someone is referred? Small tables, mixed "
     "groups, a rule that staff speak last on each table.\n\n"
     "What people told us, in their words: 'Ring me, don't write to me.' 'Tell me who my worker is, even if they're not free yet.' "
     "'Give me something to do while I wait, and not a leaflet.' 'Ask my family what they've noticed.'\n\n"
     "What we've agreed to do: a named contact within five working days of a referral being accepted; a welcome call rather than a "
     "letter; a peer support offer while people wait; and a carers' conversation in the first month if the person agrees.\n\n"
     "What we couldn't agree: whether assessments should happen at home by default. Some people wanted that, others were clear they "
     "didn't want staff in their house. We'll bring it back to the next session rather than pretend we've settled it.\n\n"
     "Next steps: the draft goes to the co-production group on the 14th, and nothing goes to the board until that group has signed it "
     "off. If you want to join the group, email the involvement team. New faces very welcome."),
    (0, "copro", "long_blog",
     "Why I stepped back from the involvement group (and why I might go back)\n\n"
     "I've been a service user rep for five years. Last month I resigned from one of the groups, and a few people have asked why, so "
     "here it is, calmly.\n\n"
     "The group was set up to 'co-produce' the new day service. In eighteen months we were asked our opinion on the colour of the "
     "walls, the name, and the logo. We were not asked about the opening hours, which were cut, or the staffing, which was halved. "
     "When I asked why, I was told those were 'operational decisions'.\n\n"
     "I don't think anyone involved was acting in bad faith. The managers were under pressure, the budget was fixed, and co-production "
     "was written into the project plan as a box to tick. But that's exactly how tokenism works: nobody means it, and it happens "
     "anyway.\n\n"
     "What would bring me back? Three things. Tell us at the start what is and isn't up for discussion, honestly. Bring us in before "
     "the money is decided. And when we disagree, write our disagreement down in the papers that go to the board.\n\n"
     "The other groups I'm in do this well, so I know it's possible. I'm still involved, just choosier. If you're new to involvement, "
     "it's fine to ask what power the group actually has before you say yes."),
    (0, "copro work", "long_blog",
     "A year on the board with lived experience\n\n"
     "Twelve months ago I became the first non-executive director of our trust appointed specifically for lived experience of using "
     "its services. Here's what I expected, and what actually happened.\n\n"
     "I expected to be the person who 'tells stories'. For the first two meetings I was. Then I started reading the papers the way I'd "
     "read a care plan about me: what's missing, whose voice isn't here, what does this number mean on a Tuesday afternoon on a ward.\n\n"
     "The questions that landed were the simple ones. Why does the waiting time report start at assessment, not referral? Why are "
     "complaints about restraint reported separately from the restraint figures? Nobody had a bad answer. Nobody had been asked.\n\n"
     "The hard part has been workload. Board papers run to 400 pages. I negotiated a paid reading day before each meeting and a "
     "buddy on the board who explains finance acronyms without sighing. Both should be standard for anyone in this role.\n\n"
     "What I'd say to trusts thinking of doing this: don't appoint one person and call it done. Build a lived-experience leadership "
     "team underneath, pay them properly, and let them disagree with you in public. It makes the board better, not weaker."),
    (0, "copro", "long_blog",
     "Paying people properly for involvement: what we changed\n\n"
     "Our involvement team spent last year fixing the thing people complained about most: getting paid.\n\n"
     "Before: paper claim forms, signed by a manager, sent to finance, paid in six to ten weeks. People on benefits were nervous about "
     "declaring it and some stopped coming. People without bank accounts couldn't be paid at all.\n\n"
     "After: a single rate for everyone (£18 an hour, reviewed each April), paid within ten working days of the meeting. A choice of "
     "bank transfer, vouchers or cash on the day. A benefits adviser who will talk anyone through what the payments mean for their "
     "Universal Credit or ESA before they sign up, and a letter people can show the job centre. Travel and childcare paid up front, not "
     "claimed back.\n\n"
     "It cost more admin time than expected. It also doubled the number of people who come to more than one meeting, and the group is "
     "younger and more diverse than it has ever been.\n\n"
     "The policy was co-written with our reps and is on our website for any organisation that wants to borrow it. Please do."),
    # ---- treatment -----------------------------------------------------------------------------
    (0, "treat", "ordinary", "Meds review went fine. We're dropping the quetiapine a little because of the weight gain and trying that for six weeks. Sensible plan, no drama."),
    (0, "treat", "ordinary", "Clozapine bloods have gone to monthly after a year of fortnightly. Small milestone, big difference to how many early mornings I spend in that clinic."),
    (0, "treat", "ordinary", "Depot day. Two minutes with a nurse I've known for six years, a chat about her allotment, plaster on, home. It's boring, and boring is good."),
    (0, "treat access", "ordinary", "Week 19 on the waiting list for trauma-focused therapy. The letter says 'up to 40 weeks'. I'm fine, just keeping a tally on the calendar like a prisoner in a cartoon."),
    (0, "treat recovery", "ordinary", "Last session of my DBT skills group tonight. Six months of Tuesdays and a folder of worksheets I'll actually keep. Distress tolerance is the module I use most."),
    (0, "treat", "ordinary", "CBT homework this week is 'notice when you predict the worst'. Caught myself doing it four times before lunch. Apparently noticing is the whole point, so, gold star?"),
    (0, "treat", "ordinary", "Lithium level back in range. The thirst is still a thing, I just carry a massive water bottle everywhere now like a fitness influencer."),
    (0, "treat", "ordinary", "Pharmacist here. If your antipsychotic leaves you restless and unable to sit still, that has a name, akathisia, and it's worth raising at your review. There are options. Don't just put up with it."),
    (0, "treat", "everyday", "@dan I had the same with sertraline, the nausea settled after about a fortnight. taking it with breakfast instead of on an empty stomach helped loads"),
    (0, "treat", "ordinary", "Psychiatrist laid out three options with the pros and cons of each and then asked which I preferred. Shared decision making exists, I've seen it with my own eyes."),
    (0, "treat", "ordinary", "Our new physical health clinic for people on antipsychotics opens in {place} next month: bloods, ECG, weight and blood pressure, and a proper chat about diet, all in one appointment instead of four."),
    (0, "treat peer", "ordinary", "Twelve-week CBT for voices group starting in January, run jointly by a psychologist and a peer worker with lived experience of voices. Referral through your care co-ordinator or the EIP team."),
    (0, "treat", "everyday", "does anyone else's depot clinic have radio 2 on really loud or is it just ours. i know all the words to everything now"),
    (0, "treat", "ordinary", "Switching from tablets to the monthly injection was my choice and I'd do it again. No more counting pills, one less thing to think about every morning."),
    (0, "treat", "everyday", "meds review 2moro, gonna ask about the weight gain thing finally. written it on my hand so i dont forget lol"),
    (0, "treat", "ordinary", "Reading the updated guidance on stopping antidepressants. It finally says tapering can take months, not a fortnight. A lot of people knew that the hard way."),
    (0, "treat", "everyday", "Replying to Mo: the clozapine clinic at ours does finger-prick tests now instead of the full blood draw. Worth asking if yours has the machine."),
    (0, "treat", "long_blog",
     "Ten years on clozapine\n\n"
     "This month marks ten years since I started clozapine. I was the third antipsychotic in, on a ward, and I didn't have much say. "
     "I want to write something balanced, because the internet is either 'miracle drug' or 'poison' and it's neither.\n\n"
     "What it gave me: the voices went from constant to occasional and quiet. I've been out of hospital for nine of those ten years. "
     "I have a flat, a part-time job at a garden centre, and a girlfriend who thinks my blood test schedule is hilarious.\n\n"
     "What it costs: the weight, which I've partly managed with a dietitian and a lot of walking. The drooling at night, so I sleep on "
     "a towel. Constipation, which nobody warned me is the side effect that actually matters and can be serious, so please take it "
     "seriously if you're on it. And the blood tests, which were weekly, then fortnightly, now monthly.\n\n"
     "What helped: a clinic nurse who treated me like an adult, a consultant who listened when I asked to try a lower dose, and a peer "
     "group where people compare notes on side effects without anyone judging.\n\n"
     "If you're being offered it, ask for the full list of side effects and what the monitoring looks like. Ask to talk to someone "
     "who's on it. That's the conversation I wish I'd had."),
    (0, "treat access", "long_blog",
     "While you wait: a psychologist on therapy waiting lists\n\n"
     "I'm a clinical psychologist in a community team, and the question I'm asked most isn't about therapy. It's 'how long?'\n\n"
     "The honest answer in our area is nine months to a year for longer-term psychological therapy. I hate that number. I also want "
     "people to know that the wait doesn't have to be empty.\n\n"
     "We now offer everyone on our list a 'while you wait' conversation in the first month. It isn't therapy and we don't pretend it is. "
     "It's a chance to check the referral is right, to agree what to do if things change, and to point towards things that can help in "
     "the meantime: the recovery college, peer groups, a Talking Therapies course if it fits, and the crisis numbers.\n\n"
     "We also ring every three months. People tell us the call matters more than what's said on it. Being remembered counts.\n\n"
     "If you're waiting, and things change, tell your care co-ordinator or GP. It can change your priority. And if your letter says "
     "'in due course', ring and ask for an actual estimate. You're entitled to one."),
    (0, "treat recovery", "long_blog",
     "What six months of DBT taught me\n\n"
     "I finished a dialectical behaviour therapy programme last month: weekly individual sessions, a two-and-a-half hour skills group "
     "every Tuesday evening, and phone coaching I used far less than I expected.\n\n"
     "I went in sceptical. The worksheets looked like something from a school PSHE lesson. The acronyms were relentless. But the group "
     "was the surprise: eight people who had all been told at some point that they were 'too much', learning together how to be a bit "
     "less at the mercy of their own reactions.\n\n"
     "Skills I still use: checking the facts before I react to a text. 'Opposite action' when I want to hide under the duvet. The "
     "cold water trick for when my body is racing ahead of my head. A diary card, which I moaned about every week and still fill in.\n\n"
     "What I'd change: the waiting list was fourteen months. The group room had no windows. And the ending was abrupt, one week you "
     "have a team and the next you don't. Our group has kept a WhatsApp going, which helps.\n\n"
     "Therapy isn't magic and DBT isn't for everyone. For me it was the first treatment that gave me something to do rather than something to take."),
    # ---- stigma and rights ---------------------------------------------------------------------
    (0, "rights", "ordinary", "PIP assessment tip: the assessor notes everything, including how you arrived. If someone drove you, say so. If you need a break, take it and say why. Bring someone whose only job is to write notes."),
    (0, "rights", "ordinary", "UC work capability assessment done this morning. The assessor was fine, actually, patient and polite. Now the wait for the decision letter, which is always the longest bit."),
    (0, "rights", "ordinary", "The Mental Health Act reform has a date at last. The bits I'll be watching: autism and learning disability no longer enough on their own for a section 3, and a nominated person you choose instead of a nearest relative you didn't."),
    (0, "rights", "ordinary", "Front page today: 'Schizophrenic knifeman'. Please, editors. The person isn't the diagnosis, and people with psychosis are far more likely to be harmed than to harm anyone."),
    (0, "rights work", "ordinary", "Tribunal win for a nurse dismissed after disclosing bipolar disorder to her manager. Reasonable adjustments aren't a favour an employer grants when they're in a good mood. They're the law."),
    (0, "rights work", "ordinary", "My manager once asked if I was 'safe to be around customers' after I mentioned my diagnosis. HR apologised, and this week the whole team did mental health awareness training. Progress, of a sort."),
    (0, "rights", "ordinary", "Figures from our welfare rights service this year: of the PIP decisions we helped people challenge, 71% were changed at reconsideration or appeal. Don't accept the first letter as the last word."),
    (0, "rights", "everyday", "@wes yes, you can ask for the assessment to be audio recorded. request it in advance in writing, they should provide the equipment or tell you how to bring your own"),
    (0, "rights", "ordinary", "Stigma isn't only strangers. It's the receptionist who drops her voice when she says 'mental health' at the front desk. Tiny thing. Adds up over the years."),
    (0, "rights", "ordinary", "Reminder for anyone detained under the Mental Health Act: you have the right to an independent mental health advocate. The ward has to tell you how to reach one, and it's free."),
    (0, "rights", "ordinary", "Anti-stigma posters on the buses in {place} this month. Real local people, their own words, no stock photos of someone clutching their head. Nice to see faces that look like our group."),
    (0, "rights", "ordinary", "A soap did a whole bipolar storyline without one violent scene. Just a woman, her meds, her job and her annoying sister. More of this, telly."),
    (0, "rights", "everyday", "anyone know if the PIP form can be done online yet or is it still the massive paper one? my dad needs to start his claim"),
    (0, "rights", "ordinary", "Got a blue badge for a hidden disability that includes my mental health. One phone call and a supporting letter from my care co-ordinator. Worth a try if getting out is the barrier."),
    (0, "rights", "ordinary", "Black people are still detained under the Mental Health Act at more than three times the rate of white people. Our trust publishes its first report under the race equity framework next month. We'll be reading it closely."),
    (0, "rights", "everyday", "Replying to Ade: ESA and UC are different beasts, ring the welfare rights line before you do anything. They sorted my migration letter in one call."),
    (0, "rights carers", "long_blog",
     "The new Mental Health Act: what it means for carers\n\n"
     "Our carers' group asked me to write up the session we had with a mental health solicitor last week, so here are my notes. I'm not "
     "a lawyer, so check anything important with one.\n\n"
     "The biggest change for families is the end of the 'nearest relative'. At the moment the law picks that person from a list, "
     "whether the patient gets on with them or not. The reform replaces it with a 'nominated person' whom the patient chooses. If you "
     "are a carer, it's worth having that conversation with the person you support while they're well.\n\n"
     "Second, the grounds for detention are tighter. There has to be a real risk of serious harm and a realistic chance of "
     "treatment helping. Third, care and treatment plans become a legal requirement for detained patients, and there's more emphasis "
     "on advance choices, which is where carers often know the most.\n\n"
     "What doesn't change much, according to our solicitor: the pressure on beds, and the need for families to push to be included.\n\n"
     "The full timetable is long and much depends on funding. Our group will keep a page of updates. Thank you to the solicitor who gave "
     "her evening for free, and to everyone who brought questions and cake."),
    (0, "rights", "long_blog",
     "How I won my PIP appeal\n\n"
     "Two years ago I was scored zero points for PIP after an assessment that lasted 35 minutes. I'd been unwell for most of that year "
     "and couldn't face challenging it. A friend from my peer group made me ring the welfare rights service, and I'm glad she did.\n\n"
     "The mandatory reconsideration failed, which the adviser said was normal. We went to tribunal. The steps that made the difference:\n\n"
     "We went through the assessment report line by line and marked every place it was wrong. It said I 'maintained good eye contact'. "
     "I'd been looking at the floor the whole time.\n\n"
     "We got a letter from my care co-ordinator describing a normal week, not my worst week. Specific things: that I need prompting to "
     "eat, that I can't use the bus alone when I'm unwell, that I miss appointments without reminders.\n\n"
     "I kept a two-week diary before the hearing. It was boring to write and it was the most useful thing in the bundle.\n\n"
     "The tribunal itself was three people at a table, kinder than I expected, and over in forty minutes. I was awarded the standard "
     "rate of both parts, backdated.\n\n"
     "If you're where I was, you don't have to do it alone. Welfare rights services, Citizens Advice and some Mind branches will help."),
    # ---- peer support, carers, access, recovery, work, digital, events ----------------------------
    (0, "peer work", "ordinary", "Peer worker supervision today was the good kind: an hour on boundaries and what we bring of ourselves, not caseload numbers. Left feeling like a professional, not a mascot."),
    (0, "peer", "everyday", "@ade the hearing voices group in town is Thursdays 2pm at the library, peer-led, no staff in the room. you can just turn up, nobody makes you talk"),
    (0, "peer", "ordinary", "Our men's peer group swapped the circle of chairs for a walk along the canal. Turns out lads talk a lot more side by side than face to face."),
    (0, "peer", "ordinary", "Peer support isn't advice. It's 'this is what happened to me, this is what helped, what's it like for you?' and then actually listening to the answer."),
    (0, "carers", "ordinary", "Carers' assessment came through: a small personal budget for a break. Booked three nights in the Lakes in May. First time away on my own in four years. Already packed, in my head."),
    (0, "carers", "ordinary", "{Rel_cap}'s community nurse now rings me after each visit, with {his} agreement. A two-minute call and I don't spend the fortnight wondering."),
    (0, "carers", "everyday", "young carers trip to the bowling was class. i won. my brother says i cheated. i did not cheat"),
    (0, "carers", "everyday", "Replying to Pat: our carers' centre does a 'what if I'm ill' emergency card. Name, who you care for, who to call. Mine's in my purse next to the bus pass."),
    (0, "access", "ordinary", "Referral accepted by the eating disorder service and assessment booked for three weeks' time. For round here that's lightning. Credit where it's due."),
    (0, "access peer", "ordinary", "The crisis café in {place} is now open on Sundays as well, 6pm to midnight. Staffed by peer workers, no referral, no appointment. Just knock."),
    (0, "access", "ordinary", "The day centre we fought to keep open in 2019 is now a block of flats. We still meet every Wednesday, in the library back room instead. Same people, worse chairs."),
    (0, "access", "ordinary", "Our GP surgery has a mental health practitioner now. Saw her within a week instead of joining the queue for a CMHT referral. Good model, please don't cut it."),
    (0, "access carers", "ordinary", "Used 111 option 2 for my mum last month, the first time we'd tried it. Answered in four minutes by someone calm, and the crisis team rang back within the hour. Posting because we usually only hear the bad stories."),
    (0, "recovery", "ordinary", "Wellness plan refresh for the new season: more daylight, less doomscrolling, choir back on Wednesdays, and soup on Sundays so Monday-me has lunch."),
    (0, "recovery events", "ordinary", "Signed up for the recovery college course on sleep. Free, four Friday mornings, and you get a certificate at the end, which my nan has already said she's framing."),
    (0, "work recovery", "ordinary", "Ward team did a fifteen-minute 'wellbeing walk' round the hospital grounds on our break. Daft how much better the late shift felt. Should be on the rota, not a treat."),
    (0, "work rights", "ordinary", "Access to Work paid for a job coach for my first three months in the new role. I had no idea it covered mental health. It does. Tell everyone."),
    (0, "work carers", "ordinary", "Volunteer drivers wanted for our carers' respite scheme in {place}: take a carer to the lunch club once a month and bring them home. Mileage paid, DBS check needed, good company guaranteed."),
    (0, "digital plan", "ordinary", "The trust's patient portal now shows my care plan and clinic letters. Took three goes to log in, but being able to read what they wrote about me before the review is a game changer."),
    (0, "digital", "ordinary", "Muted three hashtags and unfollowed every account that posts 'engagement bait'. My feed is now mostly otters, allotments and the odd council planning row. Recommend."),
    (0, "digital events", "ordinary", "Digital drop-in at the library {when}: bring your phone and we'll help set up the NHS App, repeat prescriptions and video appointments. Volunteers, tea, no question too basic."),
    (0, "events recovery", "ordinary", "Recovery college open day, Saturday 10 till 2, at the {place} campus. Taster sessions, cake stall, and the recovery choir at 1pm sharp (they will start without you)."),
    (0, "events rights", "ordinary", "Mad Pride picnic in the park {when}. Bring a blanket, something to share and whatever you want on your placard. Dogs and kids welcome."),
    (0, "events plan", "everyday", "The recording of last week's webinar on writing a crisis plan is up now: https://example.org/webinars/crisis-plans. Slides are linked underneath. Thanks to everyone who asked questions."),
    (0, "peer events", "long_blog",
     "Starting a peer support group from nothing\n\n"
     "Eighteen months ago there was no mental health group of any kind in our village. The nearest was two buses away, and the "
     "second bus stops at six.\n\n"
     "So three of us who'd met at the recovery college in town decided to try. We asked the parish council for the village hall on a "
     "Monday evening, and they gave it to us free if we stacked the chairs. We made a poster for the shop, the GP surgery and the "
     "pub. The first night, five people came, and two of them were us.\n\n"
     "What we've learned: keep it simple. Tea, a round of 'how's your week', and then whatever people want to talk about. Ground rules "
     "written by the group in the first month, stuck on the wall: what's said here stays here, no advice unless asked, phones on "
     "silent, and everyone can pass.\n\n"
     "We did the local Mind's peer facilitation training, which gave us confidence and a list of who to call if someone needs more than "
     "a group can give. We keep the helpline numbers on the back of the poster.\n\n"
     "These days it's twelve to fifteen people most weeks. We've had a summer barbecue, a Christmas quiz and a walk that ended at the "
     "pub. If you're thinking of starting something where you live, message us. Happy to share the posters, the ground rules and the "
     "mistakes."),
    (0, "carers", "long_blog",
     "Caring from a distance\n\n"
     "My dad lives 200 miles away. For years I thought being a 'real' carer meant living next door, so I didn't call myself one. "
     "The carers' centre near him put me right within about five minutes.\n\n"
     "Things that have made long-distance caring workable: Dad signed a consent form so his care co-ordinator can talk to me. We have "
     "a shared calendar for his appointments. A neighbour has a key and my number. His local carers' centre registered me even though "
     "I live in a different county, and I get their newsletter.\n\n"
     "I still drive up every third weekend. The M6 and I are on first-name terms. But the guilt has eased, because I know there's a "
     "plan and people who'll ring me, rather than me ringing round trying to find out what's going on.\n\n"
     "If you're caring from far away, ask for a carer's assessment from the council where the person lives. You're entitled to one "
     "wherever you are. And join a carers' forum online: half of ours are distance carers, and the tips on getting through to GP "
     "receptionists alone are worth it."),
    (0, "access", "long_blog",
     "Six months of mental health practitioners in GP surgeries: what we've seen\n\n"
     "Since the spring, five practices in our primary care network have had a mental health practitioner on site two days a week. "
     "We promised to share what happened, good and bad.\n\n"
     "The good: average time from a GP deciding someone needs mental health input to being seen has fallen from about nine weeks to "
     "eight days. Fewer referrals bounce between the GP and the community team. Patients say they like being seen in a building they "
     "already know, by someone who has time.\n\n"
     "The mixed: some people still need the community team, and the practitioner can refer them in directly, but the community "
     "team's own waiting list hasn't shrunk. We've moved the front door, not widened the corridor behind it.\n\n"
     "The bad: two of the five posts were vacant for part of the year, and when they were, the old delays came straight back.\n\n"
     "We'll keep publishing these figures. If you've been seen by one of the practitioners and want to tell us what it was like, there's "
     "a short form on the practice websites, and we read every one."),
    (0, "work recovery", "long_blog",
     "Back at work after sick leave: three months in\n\n"
     "In January I was signed off for eight weeks with depression. I'm writing this because when I was off, I searched for accounts "
     "of going back and mostly found horror stories. Mine has been ok, and ok deserves to be written down too.\n\n"
     "What helped: a phased return over six weeks, agreed with occupational health before my first day. A written wellness action "
     "plan I shared with my manager, saying what my early signs look like at work (I go quiet in meetings and start working late) and "
     "what I'd like her to do if she notices. A fortnightly catch-up, which we've kept even though I'm back on full hours.\n\n"
     "What was awkward: the first team meeting, where nobody knew whether to mention it. I sent a short email beforehand saying I was "
     "glad to be back and happy for people to ask, or not. That broke the ice.\n\n"
     "What I'm still working on: saying no to extra projects. Old habits.\n\n"
     "I'm well now. I'm still on my medication and I still see a therapist once a month. If you're off sick and dreading going back, "
     "ask for the wellness action plan. It made the conversation so much easier than trying to explain on the spot."),
    (0, "digital peer", "long_blog",
     "Our peer community is moving to Mastodon\n\n"
     "After a long discussion at the members' meeting, we're setting up our own small Mastodon server for the peer network, and "
     "moving the public account over from the old platform by the end of next month.\n\n"
     "Why: we wanted somewhere without adverts or algorithms, where we decide the rules. Our moderators (four volunteers with peer "
     "support training) will be able to hide posts that need a human to look at them, and the helpline numbers will be pinned on "
     "every profile page.\n\n"
     "What stays the same: the website, the newsletter and the WhatsApp group for the Tuesday walkers.\n\n"
     "How to join: there's a step-by-step guide with screenshots on the website, and we're running two help sessions at the "
     "community hub for anyone who'd rather be shown in person. Bring your phone and your password (or the memory of it).\n\n"
     "Thanks to the members who tested it for us, especially the ones who broke it in interesting ways. Please be patient while we "
     "find our feet."),
    (0, "events recovery", "long_blog",
     "The spring term at the recovery college\n\n"
     "Our new prospectus is out, and this term has more courses than ever, all free to anyone over 18 who lives or works in {place}, "
     "whether you use services, care for someone, or work in mental health.\n\n"
     "New this term: 'Understanding your care plan', co-delivered by a care co-ordinator and a peer trainer, for anyone who has ever "
     "stared at a CPA document and wondered what half of it means. 'Money and mental health', with a welfare rights adviser. And "
     "'Cooking on a budget', which has a waiting list already, so sign up quickly for the second run.\n\n"
     "Returning favourites: Understanding anxiety, Writing your recovery story, Hearing voices: an introduction, and the recovery choir, "
     "which meets on Wednesday evenings and has, by popular demand, agreed to learn something from this century.\n\n"
     "Courses run in the main building, the library in the town centre and online. Enrolment is a short chat with one of our learning "
     "advisers, by phone or in person, not a form. Prospectus and booking at https://example.org/recovery-college."),
    # ---- no topic: small talk, weather, pets, thanks -------------------------------------------
    (0, "", "everyday", "First frost on the allotment shed this morning. The robin was waiting for me like I owed him money."),
    (0, "", "everyday", "Thank you all for the birthday messages. Lovely day, far too much cake, and the dog got a sausage of his own."),
    (0, "", "everyday", "the cat has worked out how to open the treat cupboard. we are no longer in charge of this house"),
    (0, "", "everyday", "A happy new year to all on here. The garden is under an inch of water but the tea is hot. Regards, Gerald."),
    (0, "", "everyday", "Sunshine ☀️ dog walk 🐕 chips on the prom 🍟 = perfect Saturday 🙌🙌🙌"),
    (0, "", "everyday", "Replying to Nia: that lemon drizzle looks incredible. Recipe please, I'll swap you my nan's flapjack."),
    (0, "", "everyday", "Bin men came early and I missed them again. Three weeks running. The bin is winning."),
    (0, "", "everyday", "Bore da pawb. Raining again in {place}, but the kettle's on and the washing can wait till tomorrow."),
    (0, "", "everyday", "Found a tenner in last winter's coat. Best thing that's happened all week, I'm not even ashamed."),
    (0, "", "everyday", "My tomatoes have finally gone red. In October. Typical."),
    (0, "", "everyday", "@lou cheers for the lift yesterday, owe you a brew and a bacon roll"),
    (0, "", "everyday", "Learning to crochet. Made my first coaster. It's shaped a bit like Wales, which I'm choosing to see as patriotic."),
    (0, "", "everyday", "Anyone watching the snooker tonight? I need someone to shout at the telly with."),
    (0, "", "everyday", "@zoe ha, no, that was next door's kid practising the trumpet. every evening at 8. we're on day 40"),
    (0, "", "everyday", "Hot water bottle season has officially started in this house. The dog claimed the first one within a minute."),
    (0, "", "everyday", "Replying to Chris: thanks for sorting the minibus on Saturday, everyone said what a difference it made. Drinks on me next time."),
    # ---- past illness and calm health updates --------------------------------------------------
    (0, "recovery", "ordinary", "Six months since the home treatment team discharged me. Still seeing the CMHT monthly, same dose, and back to making terrible puns at work. Normal service resumed."),
    (0, "treat recovery", "ordinary", "Health update for those who asked: the new antidepressant is doing its job, sleep is back to seven hours a night, and I've rejoined the choir. Thanks for checking in over the winter."),
    (0, "recovery", "ordinary", "This time last year I was a patient on the ward. This year I'm on the committee organising the patients' Christmas party there. Funny how things turn out."),
    (0, "recovery plan", "ordinary", "Had a wobble in the spring, used my relapse plan, saw the GP early and it passed within a few weeks. Writing it here so future me remembers the plan works."),
    (0, "recovery treat", "ordinary", "Quick update: the panic attacks that kept me off work in January have settled. Last therapy session was Tuesday. Feeling like myself again."),
    (0, "recovery", "ordinary", "In 2021 I barely left the flat. Today I did the big shop, took the bus both ways and had a chat with the woman on the till about her cat."),
    (0, "", "everyday", "Post-op check (not mental health for once!) went fine. Knee's healing and the physio says I can go back to swimming next month."),
    (0, "work", "ordinary", "First week back at the warehouse after my sick leave. Forklift ticket still valid, the lads had kept my mug, nobody made it weird. Going ok."),
    (0, "treat", "ordinary", "Annual physical health check at the GP today, the one you get on antipsychotics. Blood pressure fine, cholesterol better than last year. Small wins."),
    (0, "recovery", "everyday", "@cat thanks for asking! yes, loads better than when we last spoke. new psychiatrist, new plan, and i'm actually sleeping. ta for the card, it's on the mantelpiece"),
    (0, "recovery work", "everyday", "Replying to Yas: it was a rough patch last year, honestly, but I'm well now and back volunteering at the food bank on Thursdays. Come by if you're passing."),
    # ---- a few more thread replies -------------------------------------------------------------
    (0, "copro", "everyday", "Replying to Ffion: yes, carers can sit on the expert-by-experience panel too. Same rate, same training. Drop the involvement team an email and mention I sent you."),
    (0, "plan carers", "everyday", "@ali you can ask to be sent the care plan as the carer if {rel} agrees. they'll want it in writing, there's a consent form at reception, takes two minutes"),
]
