"""Batch 5a of hand-written pieces (issue 13, batch 5): level-0 hard negatives and topical ordinary posts.

Same shape as `pieces_batch4f.BATCH4F`: (level, topic keys, kind, text). Written for this project
(peerfeed) by a corpus writer following the brief in DATASHEET.md ("The fifth batch") and ../shared/taxonomy.md; no real person's post,
nothing copied from anywhere; handles, names, book and film titles are invented and places are
generic or the {place} slot. No method detail and no quantities for self-harm or suicide.

All level 0. Two parts:
- hard negatives: posts that use crisis, suicide, self-harm or death words with no distress of the
  writer or anyone now: recovery told firmly in the past (years clear, how life is now, no urges),
  everyday idioms ("the death of me", "my feet are killing me", "dying for a brew"), gaming and
  sport ("sudden death", "dead rubber", "suicide squeeze"), and suicide or self-harm as a subject
  (ASIST and safeTALK training, research recruitment, strategy consultations, coroner reports and
  news read by staff, memorial walks and runs years on, book and film reviews, media guidelines,
  crisis line and crisis cafe notices);
- topical ordinary posts on care planning, care co-ordination and co-production above all (CPA
  reviews, discharge meetings, co-produced projects, peer groups, partner agencies, events), some
  in everyday words that look like cues elsewhere ("the bridge club", "last orders", "dead proud",
  "cut the ribbon", "final meeting of the year", "my last post as editor"); five long blog posts.
"""

from __future__ import annotations

BATCH5A: list[tuple[int, str, str, str]] = [
    # ---- level 0 hard negatives: recovery told firmly in the past -------------------------------
    (0, "recovery work", "hard_negative", "Ten years ago this month I stopped self-harming. I was sixteen and hiding it under school jumpers. Now I'm 26, I do the Saturday shift at the youth drop-in as a volunteer, and I honestly can't remember the last time I had an urge. It changes. It really does."),
    (0, "recovery", "hard_negative", "Got the old scars on my left forearm tattooed over last week: honeysuckle, all the way up. Not hiding anything, they're from a long time ago and I'm fine with them. I just wanted something on that arm I'd chosen. The artist had done loads of these and didn't bat an eyelid. Healing nicely 🌿"),
    (0, "recovery work", "hard_negative", "Spoke at the trust's suicide prevention training day yesterday about my attempt in 2014 and what actually helped afterwards. Nine years well, two kids, a job I love. Forty nurses listening properly. Knackered but buzzing."),
    (0, "recovery", "hard_negative", "People sometimes ask if I still think about it. Honestly? Rarely. The year I kept ending up in A&E after cutting feels like it happened to someone else. These days my biggest worry is whether the leeks on the allotment survive the frost."),
    (0, "peer work", "hard_negative", "As a peer worker I share my story when it's useful to someone: I was sectioned after an overdose in my twenties. That was eleven years ago. I'm not fragile about it and nobody needs to tiptoe round me. It's just part of why I'm decent at this job."),
    (0, "recovery", "hard_negative", "Five years free of self-harm today. No fuss, just a quiet cuppa and a tick in my diary. I still keep the distraction box my CPN helped me make back then, mostly out of sentiment now. Mainly it holds birthday cards."),
    (0, "recovery peer", "hard_negative", "Replying to @mags: I was where you're describing at nineteen: arms in dressings, the crisis team at the door every other week. I'm 41 now with a mortgage and a very demanding cat, and the scars went silver years ago. Not saying it's quick, but it can end."),
    (0, "recovery", "hard_negative", "Four years since my last admission. I used to write this blog from the ward at 3am, angry and frightened and sure I wouldn't see thirty. I'm thirty-three. This post is just a thank you to the two nurses who sat with me on the worst night, and a note to anyone reading the old posts: that wasn't where the story stopped."),
    (0, "peer recovery", "hard_negative", "Little reunion of the self-harm group that met at the day service back in 2016. Six of us, all doing alright. Sal's a midwife now, Tariq runs a bike shop. We laughed till we cried about the terrible collages from art therapy."),
    (0, "recovery", "hard_negative", "Did an assembly at my old secondary school about the time I tried to end my life in Year 12 (they asked me, honestly). Kept it safe, no details, all about what helped: the school nurse, my nan, finally getting a diagnosis. Two hundred teenagers were silent. Proud of myself."),
    (0, "recovery", "hard_negative", "Clearing old notes off my phone and found the 'reasons to stay' list I kept in 2015. Haven't needed it in about six years, but I screenshotted it anyway. Number 7 was 'see the new Star Wars', which is very 2015 of me 😂"),
    (0, "plan recovery", "hard_negative", "A crisis plan from 2017 turned up in a drawer, the one my care coordinator and I wrote when I was at my lowest. Reading it now, three years discharged from the CMHT, working part-time, sleeping well, I felt nothing but gratitude for past me who got through it."),
    (0, "copro work", "hard_negative", "Someone on the course asked whether it's 'triggering' for me to co-deliver the self-harm module. It isn't. It's eight years since I last hurt myself and I get good supervision. What I bring is the bit the textbook can't: what it was like to be treated kindly in A&E, and what it was like when I wasn't."),
    (0, "work recovery", "hard_negative", "Twelve years ago I was the teenager in cubicle 4 with bandaged wrists. Today I qualified as an emergency department nurse. Full circle. No urges, no regrets, just an enormous amount of cake."),
    (0, "recovery", "hard_negative", "It's my 'alive day' today: seven years since the night I was found in time. I don't mark it with anything heavy any more. Breakfast out with my husband, a walk on the beach, and a text to my old care coordinator, who always replies with a thumbs up."),
    (0, "recovery work", "hard_negative", "For the new volunteers: yes, I survived a suicide attempt, a long time ago now, and yes, you can ask me about it over lunch. What I'd rather you remember from today though is the listening exercise. That's the bit that'll help someone."),
    # ---- level 0 hard negatives: everyday idioms --------------------------------------------------
    (0, "rights", "hard_negative", "This PIP form will be the death of me. Forty pages asking how far I can walk in about nine different ways. Tea break, then round two."),
    (0, "work", "hard_negative", "My feet are absolutely killing me. Twelve-hour shift on the ward and I did over twenty thousand steps. Worth it though: two lovely people went home today."),
    (0, "peer", "hard_negative", "dying for a brew. peer group ran over by forty minutes because nobody wanted to leave, which is the best problem to have"),
    (0, "carers", "hard_negative", "I could murder a full English. Been up since five setting out tables for the carers' Christmas do and I've had one biscuit."),
    (0, "copro recovery", "hard_negative", "Dead on my feet but what a day: our first co-produced recovery college course finished with certificates, cake and a few happy tears from the tutors."),
    (0, "treat", "hard_negative", "The queue at the chemist nearly finished me off. Forty minutes for a repeat prescription, one pharmacist, and a man arguing about his meal deal. Got my meds in the end."),
    (0, "", "hard_negative", "I'll kill him if he's late again 😂 @dev has been late to every single committee meeting this year. Dev, love, we start at 10, not 'about 10'."),
    (0, "work", "hard_negative", "honestly the new rota is going to kill us all. who decided the late shift starts at 1.45?? 🙄"),
    (0, "", "hard_negative", "My nan used to say 'you'll be the death of me' every time I tracked mud through the kitchen. Caught myself saying it to my own kids today. It comes for us all."),
    (0, "carers", "hard_negative", "Laughed so hard at the carers' quiz I nearly died. Round 4 was 'name that hold music' and Bev got every single one, including the council switchboard."),
    (0, "treat", "hard_negative", "Killing time in the car park before my medication review. Twenty minutes early because of course I am. Does anyone else bring a book to every appointment?"),
    (0, "plan digital", "hard_negative", "That video call was murder. Frozen screens, echo, someone's dog barking the whole way through. We did get the new care plan template agreed in the end, so I'll take it."),
    (0, "recovery", "hard_negative", "Bloody hell, that hill nearly killed me. The walking group took the long route today and I've never been so glad to see a cafe. Scones were worth every step."),
    (0, "access", "hard_negative", "I'm dying to tell you all the news but I'm sworn to secrecy until Friday. Let's just say the day centre might not be closing after all 👀"),
    (0, "treat", "hard_negative", "The heat in this top-floor flat is killing me. Fan on, feet in a washing-up bowl, every window open. Reminder that some meds make you more sensitive to heat, so drink water, folks."),
    # ---- level 0 hard negatives: gaming and sport ------------------------------------------------
    (0, "", "hard_negative", "FINALLY killed the final boss after three evenings of trying. My partner had to leave the room because of the swearing. Credits rolling, cup of tea, bed."),
    (0, "", "hard_negative", "Sudden death penalties in the cup and our keeper saved two. The whole pub was on its feet. I've lost my voice and I don't care."),
    (0, "", "hard_negative", "Dead rubber at the tennis club today because we'd already won the league, so we let the juniors have a go. Best match of the season."),
    (0, "", "hard_negative", "Baseball nerd corner: the suicide squeeze is the most stressful play in the sport and I will die on this hill. Runner goes on the pitch, batter HAS to bunt, pure chaos."),
    (0, "", "hard_negative", "Walking rugby: we got slaughtered, 42-7. Our oldest player is 79 and he scored the only try. Absolute legend, pints on us."),
    (0, "recovery", "hard_negative", "Co-op games night at the recovery cafe: we wiped four times on the last level then beat it with one hit point left. The screaming 🎮"),
    (0, "", "hard_negative", "Chess club lesson of the week: giving up your queen isn't always suicide, sometimes it's a trap. Learnt this by losing three games to a ten-year-old."),
    (0, "", "hard_negative", "Cricket: our number eleven was run out going for a suicidal single in the final over. Lost by one run. He's buying the drinks until Easter."),
    # ---- level 0 hard negatives: suicide and self-harm as a subject ------------------------------
    (0, "work", "hard_negative", "Just finished two days of ASIST training alongside colleagues from the housing team. Intense, practical and really well run. I feel far more confident asking someone directly about suicide now, which is the whole point."),
    (0, "events work", "hard_negative", "safeTALK half-day for volunteers {when} at the {place} library. Learn to notice when someone might be thinking about suicide and connect them with help. Free, lunch included, book through the volunteer coordinator."),
    (0, "access", "hard_negative", "Research study recruiting: we'd like to talk to adults who were supported by a crisis team after a suicide attempt, at least a year ago, about what made follow-up care feel useful (or not). One interview, about an hour, £25 voucher, ethics approved. Details on the project website."),
    (0, "copro", "hard_negative", "The council's draft suicide prevention strategy is out for consultation until the end of the month. Please respond if you've used services or lost someone. It says 'co-produced' on the front cover, so let's hold them to it."),
    (0, "plan", "hard_negative", "Read the coroner's prevention of future deaths report for our area this morning. Three of the five points are about discharge communication between the wards and community teams. Taking it to the governance meeting on Thursday."),
    (0, "", "hard_negative", "Six years since we lost my cousin Aaron. This summer his mates and I are walking the coast path from {place} for the suicide prevention charity that supported his mum. We laugh more than we cry on these walks now. Sponsor link in bio."),
    (0, "", "hard_negative", "Ran the 10k in Dad's memory today, eleven years after his suicide. Raised £640 for the bereavement service that got Mum through the first year. Legs are jelly, heart is full."),
    (0, "recovery", "hard_negative", "Book review: 'Salt in the Tide' follows a dad's recovery after a suicide attempt, told by his teenage daughter. Careful, no detail of the attempt, and the hospital scenes ring true. Slow middle, great ending. Four stars."),
    (0, "", "hard_negative", "Watched 'Night Line', the new drama about helpline volunteers. Surprisingly good on what an overnight shift is like: long silences, bad tea, the odd call that stays with you. A bit glossy, but worth your evening."),
    (0, "rights work", "hard_negative", "Reminder for the newsletter team: when we write about suicide, no method, no location detail, no 'epidemic' headlines, and always a line about where to get support. The guidance is pinned in the shared drive."),
    (0, "access digital", "hard_negative", "Service update: the 24/7 mental health crisis line for {place} now has a text option as well as the phone number. Same team, same hours. Please share with anyone who'd rather not call."),
    (0, "access peer events", "hard_negative", "Our crisis cafe is opening a second evening from next month: Fridays 6-11pm as well as Tuesdays. Walk in, no referral needed, peer workers and a nurse on every shift."),
    (0, "work", "hard_negative", "Local paper ran a story this week about a death on the railway line. At handover we talked about looking after each other after news like that, and the places on next month's postvention training filled in a day."),
    (0, "peer events", "hard_negative", "Our group for people bereaved by suicide meets on the first Monday of every month at {place} library, 6.30pm. Most of us lost someone years ago; newcomers are always welcome and nobody has to talk."),
    (0, "access", "hard_negative", "New national suicide figures are out and men in their late forties and early fifties are still the highest group. Our men's shed partnership bid goes in next week. This is exactly who we're trying to reach."),
    (0, "work", "hard_negative", "Running the self-harm awareness session for school staff again tomorrow. The message every time: ask, listen, don't panic, and don't make it all about the scars. Teachers always bring brilliant questions."),
    (0, "work", "hard_negative", "Long-running debate in our team about 'zero suicide' as an ambition. I get the intention, but families I've worked with say it can feel like blame when someone dies anyway. Would love a proper discussion at the next practice forum."),
    (0, "copro peer", "hard_negative", "Our PhD student is looking for peer workers to join the advisory group for her study on self-harm in prisons. Paid at involvement rates, four online meetings over the year."),
    (0, "", "hard_negative", "World Suicide Prevention Day: we lit candles in the day centre garden for everyone we've lost over the years, then shared an enormous lasagne. Quiet, kind, and nobody had to give a speech."),
    (0, "work access", "hard_negative", "We're recruiting! Band 6 practitioners for the crisis resolution and home treatment team. Rotating shifts, proper supervision, and a team that actually takes lunch together. Closing date the 14th."),
    (0, "access", "hard_negative", "If anything in this newsletter has stirred up difficult feelings, our crisis line is open day and night, or you can text the number on the back page. You don't have to be suicidal to get in touch."),
    (0, "", "hard_negative", "Local history society talk last night on how the old county asylum recorded suicide and 'melancholia' in the 1880s. Fascinating and grim in equal measure. The case books are now in the county archive if you want to look."),
    (0, "rights copro", "hard_negative", "Our response to the Mental Health Act code consultation is drafted, including a section on people detained in A&E after self-harm. Members' comments by Friday please, then it goes in."),
    (0, "copro work", "hard_negative", "The trust's postvention guidance for staff after a patient dies by suicide has finally been rewritten with bereaved families at the table. Practical, humane and short. Proud of that working group."),
    (0, "plan", "hard_negative", "Interesting paper on whether safety plans written together with the patient work better than ones handed over on a form. Short version: yes, by a lot. Sharing it with our CPA leads this week."),
    (0, "plan", "hard_negative", "Audit results are in: 82% of people on CPA now have a crisis and contingency plan in their notes, up from 61% last year. Still not good enough, but it's heading the right way."),
    (0, "digital recovery", "hard_negative", "New episode of the podcast: three guests talk about surviving suicide attempts years ago and what their lives look like now (spoiler: pleasantly boring). Content note at the start, helpline details at the end."),
    (0, "work rights", "hard_negative", "Covered an inquest for the paper today. Stuck to the reporting guidelines: no method, no dramatic headline, and the family's tribute printed in full. It can be done well."),
    # ---- level 0 topical: care planning and care co-ordination -----------------------------------
    (0, "plan carers", "ordinary", "CPA review this morning went well: me, my care coordinator, my mum and the psychiatrist. We agreed to drop to three-monthly visits and add a section on what helps when I'm starting to get unwell. Felt like my plan for once."),
    (0, "plan", "everyday", "Care coordinator's trick that actually works: agree a signal with whoever comes to your review with you, so they'll say 'can we go back to that?' when you've been talked over. My brother used it twice today."),
    (0, "plan access", "ordinary", "A housing officer came to our care planning meeting for the first time today. Having her in the room sorted in ten minutes what three months of emails hadn't."),
    (0, "plan carers", "ordinary", "Discharge planning meeting on the ward: OT, social worker, care coordinator, me and my sister. I'm home Friday with the first week written down, right down to who's doing the big shop."),
    (0, "plan", "everyday", "Replying to @priya: yes, you can ask for a copy of your care plan, it's yours. If they say it's 'not ready yet', ask when it will be and write that date down."),
    (0, "plan copro work", "ordinary", "CPA training for new starters done. Best session by far was the service user trainer on what a review feels like from the other side of the table. Half the room were scribbling notes."),
    (0, "plan peer", "ordinary", "Our care co-ordination pilot pairs each care coordinator with a peer worker for the first three months after someone's discharged. Early feedback: fewer missed appointments and more people saying they know who to ring."),
    (0, "plan", "ordinary", "First appointment with my new care coordinator. She'd actually read my notes, and she asked what I wanted from the next six months before anything else. Good start."),
    (0, "plan digital", "ordinary", "Booked my own review slot through the trust's new online portal, then added my agenda for the meeting. Bit clunky, but better than waiting for a letter that arrives the day after."),
    (0, "treat plan", "ordinary", "Medication review with the pharmacist went really well. We're trying a lower dose of the antipsychotic to see if the tiredness eases, with a check-in in four weeks. It's written into the care plan so everyone's on the same page."),
    (0, "plan access copro events", "ordinary", "Community mental health update: the new neighbourhood teams will give a named care coordinator to everyone who needs one, no more 'CPA or not CPA' lottery. Listening events across {place} next month, all welcome."),
    (0, "plan recovery", "ordinary", "Care plan goals I actually chose this time: get back in the pool, sort out the gas bill, dance at my niece's wedding. Not one mention of 'compliance'."),
    (0, "plan access work", "ordinary", "The {svc} is piloting evening review appointments so people who work don't have to lose half a day's pay. About time."),
    (0, "carers plan", "ordinary", "Triangle of Care self-assessment for our ward is finished. Carers scored us lowest on 'told about discharge in good time'. Fair. It's top of the action plan now."),
    (0, "plan", "ordinary", "My care coordinator went on maternity leave and the handover was brilliant: a joint visit, a letter explaining who's who, and my plan didn't vanish. This is how it should be done."),
    (0, "plan work", "everyday", "Tea, biscuits and the crisis plan template spread across the table. Not a crisis, just the team's yearly 'tidy up the paperwork' afternoon 😄"),
    (0, "plan recovery", "everyday", "Off to the football with my care coordinator's blessing: 'that counts as social goal number two'. Up the Town!"),
    (0, "plan rights events", "ordinary", "Advance choice document workshop for members {when}: write down what you want to happen if you're ever unwell, with an advocate on hand to help. Tea and cake provided."),
    (0, "plan carers rights", "ordinary", "Section 117 aftercare came up at Dad's review today and for once everyone agreed who pays for what. The social worker's even put it in writing. Small miracle."),
    # ---- level 0 topical: co-production, peer support, carers, partners, events ------------------
    (0, "peer", "everyday", "The bridge club has adopted our peer support group! They lend us their back room on Tuesdays and some of their members have started joining our quiz. Cross-generational chaos, love it."),
    (0, "carers events", "everyday", "Last orders at the carers' social tonight were called at 10 and nobody moved till half past. So good to see new faces from the young carers' group too."),
    (0, "copro carers", "everyday", "I'm dead proud of her. My daughter co-chaired her first service user forum today and kept the consultant to time. Grew up fast, that one."),
    (0, "copro events", "everyday", "can't wait for Thursday!! first session of the co-produced art group and I designed the poster 🎨"),
    (0, "recovery events", "ordinary", "The mayor is coming to cut the ribbon on the new recovery college building {when}. Come for the speeches, stay for the tour and the very large cake."),
    (0, "copro peer carers", "ordinary", "Final meeting of the year for the involvement steering group. We finished with mince pies and a list of what we got done: proper pay for experts by experience, two new peer roles, and a carers' seat on the board."),
    (0, "peer", "ordinary", "Our peer support group's bring-a-dish night turned into a feast: jollof, shepherd's pie, three different dhals. Nobody talked about mental health for two hours and that was exactly the point."),
    (0, "copro", "ordinary", "We're looking for two parents with lived experience of psychosis to co-design the new perinatal pathway with us. Paid at £20 an hour, travel covered, meetings online or in {place}."),
    (0, "copro", "ordinary", "Co-production isn't a meeting where we get five minutes at the end for 'any service user comments'. It's us writing the agenda. We started doing that this year and the difference is huge."),
    (0, "rights access events", "ordinary", "Partner shout-out: the Citizens Advice adviser at the day centre helped six of our members with Universal Credit journal problems this month. Drop-in every Wednesday 10-12."),
    (0, "carers access", "ordinary", "Carers' assessment finally done. I've got a funded break, two long weekends a year, and a named contact at the council. It took persistence but the assessor was lovely."),
    (0, "peer work", "ordinary", "Peer support training cohort 4 graduated today! Eleven new peer supporters, and three already have jobs lined up in the trust."),
    (0, "copro digital", "ordinary", "Steering group minutes are up on the website. Main decision: the annual review of the involvement policy will be chaired by a member, not by staff."),
    (0, "peer recovery", "everyday", "Early intervention reunion picnic in the park: some of us were on the caseload ten years ago, some last year. Frisbee, samosas and one very confused spaniel."),
    (0, "carers", "everyday", "I'm killing it at the carers' Spanish class, if I say so myself. Next week: ordering coffee without pointing."),
    (0, "copro digital work", "ordinary", "We co-produced the staff induction video with four members of the user forum. They wrote the script, we held the camera. Premiere at Monday's team meeting 🍿"),
    (0, "carers events peer", "everyday", "Replying to @tom: our carers' group meets at the {place} Quaker meeting house, second Thursday of the month, 7pm. Just turn up, someone will have the kettle on."),
    (0, "peer access", "ordinary", "Met the commissioners about the peer support budget today. They're keeping it for another two years. We did a little dance in the lift on the way out."),
    (0, "work peer", "ordinary", "Long day of interviews for the lived experience lead post. Five brilliant candidates and one job. Phoning people tomorrow, wish me luck with the hard calls."),
    (0, "copro", "ordinary", "Our co-production charter is now signed by the trust, the council and three voluntary sector partners. Next step is proving we live by it, not just frame it for reception."),
    (0, "rights events", "ordinary", "The welfare rights surgery at the hub moves to Thursdays from next week, 1-3pm. Bring your PIP letters and any brown envelopes you've been avoiding."),
    (0, "peer recovery", "ordinary", "The hospital chaplaincy team came to our peer group to talk about faith and wellbeing. Thoughtful, funny, and not a whiff of preaching."),
    (0, "peer work events", "ordinary", "We're going to miss Rosa, our longest-serving peer worker, who retires this week after twenty years of tea, patience and terrible puns. Leaving do Friday from 6 at the Red Lion, all welcome."),
    (0, "copro digital", "everyday", "This is my last post as editor of the forum newsletter: Kemi takes over from January and she's going to be brilliant. It's been a joy. See you all at the spring meeting."),
    (0, "carers events", "ordinary", "Carers Week: we've booked {place} town hall for a celebration lunch {when}. Live music, a photo booth, and a free hand massage for every carer who comes."),
    (0, "carers rights copro", "ordinary", "Nearest relative rights explained in plain English: our new leaflet, written by carers for carers, is out now. Printed copies at the front desk, large print on request."),
    (0, "", "everyday", "dead chuffed, my daughter's made the county swimming squad 🏊‍♀️ up at 5am for training from now on, pray for me"),
    (0, "copro treat", "ordinary", "Sat on the medicines committee as the lay member for the first time today. They genuinely wanted to know how the new side-effect leaflets read to someone who takes the tablets. Asked for changes and got them."),
    (0, "work", "everyday", "Murdered the karaoke at the team Christmas do. Not in a good way. The OT did a duet with the consultant and nobody will ever let them forget it."),
    (0, "copro events", "ordinary", "Experts by experience away day {when} at the {place} community hub: planning next year's involvement priorities together. Lunch provided, travel and time paid, quiet room available."),
    # ---- level 0 topical: long blog posts ---------------------------------------------------------
    (0, "copro peer", "long_blog",
     "What co-producing a service actually looked like (from the member who kept the minutes)\n\n"
     "Eighteen months ago the trust asked whether a few of us would 'help shape' the new community wellbeing hub. We said yes on one condition: that we'd be in the room from the first meeting, not handed a finished plan to comment on. To their credit, they agreed.\n\n"
     "So I've sat through every one of the planning meetings. We chose the building (the old library, not the business park), wrote the job descriptions for the peer workers, and argued for opening hours that suit people who work. We lost some arguments: the car park is still tiny. We won others: there's no reception desk behind glass, just a table and a kettle.\n\n"
     "The bit I'm proudest of is boring. It's the terms of reference. They say members get paid for their time, get the papers a week before, and can veto anything that goes on the hub's website in our name. Those three lines did more for real co-production than any away day.\n\n"
     "The hub opens in spring. I'll be on the rota for the Thursday drop-in. Come and say hello, and tell us what we got wrong."),
    (0, "plan work", "long_blog",
     "A year as a care coordinator, written down before I forget it\n\n"
     "I started this job thinking care co-ordination meant paperwork. It does mean paperwork: CPA reviews, risk summaries, letters to GPs, the endless chasing of other people's actions. But the paperwork turns out to be the least of it.\n\n"
     "What matters is whether the person I'm working with recognises their own care plan when they read it. Early on I wrote plans that were accurate and lifeless. Now I write them in the room, on the laptop, with the person reading over my shoulder and correcting me. 'Don't put that I'm non-engaging, put that I don't answer withheld numbers.' Fair.\n\n"
     "The other thing nobody told me is how much of the job is being the one fixed point while everything else moves. Housing officers change, consultants rotate, the day service timetable gets rewritten. People want one name and one number that stays the same. I try to be that, and I try to hand over well when I can't.\n\n"
     "Caseload's heavy, supervision's good, and I'm staying. Here's to year two."),
    (0, "carers plan access", "long_blog",
     "Notes from a carer: the meeting where things finally joined up\n\n"
     "My son has used mental health services for nine years, and for most of that time I've felt like the person standing outside the room. Information went to him, to the GP, to the team, and I found things out by accident, usually when something had already gone wrong.\n\n"
     "This month was different. His new care coordinator asked him, properly and in private, whether he was happy for me to come to the review. He was. So I sat at the table for the first time with the psychiatrist, the housing support worker and the employment adviser from the job centre partnership, and we went through the plan line by line.\n\n"
     "Two things changed on the spot. The contingency section now says who rings me, and when. And my own carer's assessment, which I'd been told was 'in the queue' for a year, was booked before we left the building.\n\n"
     "I don't want to pretend the system is fixed. But I wanted to write down a good day, because there have been plenty of the other kind, and because other carers deserve to know it's worth asking."),
    (0, "copro work peer", "long_blog",
     "My first go on a panel, as the member with lived experience\n\n"
     "On Monday I was on an interview panel for the first time: three staff and me, the member with lived experience, recruiting two peer support workers for the community team. I'd done the involvement training in the autumn, but I still turned up forty minutes early and read my questions about twenty times.\n\n"
     "I needn't have worried. The chair introduced me as an equal member of the panel, my scores counted the same as everyone else's, and when one candidate only looked at the staff while answering my question, it was the chair who noted it, not me.\n\n"
     "My question was simple: tell us about a time someone helped you without taking over. The answers told us more than the whole rest of the interview. One candidate talked about her nan teaching her to drive. We hired her.\n\n"
     "I was paid for the day at the trust's involvement rate, with travel, and my benefits adviser had checked beforehand that it wouldn't cause problems. Small details, but they're why I'll say yes next time."),
    (0, "events copro plan", "long_blog",
     "Save the date: our care planning conference is back\n\n"
     "After two years online, the annual care planning and co-production conference returns in person {when} at the {place} conference centre. It's free for members, carers and partner agencies, and we've kept the price down for staff too.\n\n"
     "The morning is about CPA and what's replacing it locally: how named workers, personalised plans and reviews are meant to work in the new community teams, with a panel of people who've been through the changes and the managers who made them. Bring your hard questions, the panel have agreed to answer them on the day.\n\n"
     "The afternoon is workshops, chosen by the organising group (four members, two carers, two staff): writing a crisis and contingency plan you'd actually want to use, carers and confidentiality, and a session on advance choice documents run by our advocacy partners.\n\n"
     "There's a quiet room, a prayer room, step-free access and a hearing loop throughout. Lunch is on us. Book through the events page on the website, or ring the involvement office and we'll sign you up."),
]
