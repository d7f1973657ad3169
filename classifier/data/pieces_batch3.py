"""The third batch of hand-written pieces (2026-12-03): more of the forms that caused false alarms.

Same shape as `pieces_more.MORE`: (level, topics, kind, text). The weight is on what the model
got wrong: service and maintenance notices that mention tonight, helplines or crisis lines (one
was paged as a crisis), thread replies, event and fundraising notices, UK service vocabulary,
gaming, sport, idiom, quotes and lyrics, research and news about suicide, recovery told in the
past; then concern and high distress told plainly, and crisis told by means, place or farewell
without the usual words. Written for this project; no real person's post, nothing copied.
"""

from __future__ import annotations

BATCH3: list[tuple[int, str, str, str]] = [
    # ---- level 0: service notices, maintenance, admin (the false page) --------------------------
    (0, "digital", "everyday", "The booking system will be offline for an upgrade tonight from 9pm until 6am. Please ring the office if you need to change an appointment."),
    (0, "digital", "everyday", "Planned maintenance: the peer support app will be unavailable tonight after 11pm. Sorry for any inconvenience, messages will be waiting in the morning."),
    (0, "access", "everyday", "Our phone lines are closed tonight for engineering works. For urgent help the crisis line numbers are on the back of your care plan and on our website."),
    (0, "digital access", "everyday", "The referral portal is down tonight while the trust moves servers. Referrals sent by email will be picked up first thing."),
    (0, "digital", "everyday", "Heads up: the forum will go read-only at midnight for about an hour while we update it. Nothing you've posted will be lost."),
    (0, "access", "everyday", "Bank holiday hours: the {svc} office is closed Monday. Out of hours, ring 111 and choose the mental health option."),
    (0, "access", "everyday", "Service update: the Wednesday clinic at {place} is moving to the health centre on the high street from next month. Same times, same staff."),
    (0, "digital", "everyday", "Email outage this afternoon, sorry if you wrote to us and heard nothing. Everything is back now and we're working through the inbox."),
    (0, "access", "everyday", "The helpline will close early on Christmas Eve at 4pm and reopen on the 27th. Samaritans are open every day on 116 123."),
    (0, "digital", "everyday", "Newsletter's gone out. If it landed in spam, mark it as safe so the next one finds you. The unsubscribe link is at the bottom."),
    (0, "access", "everyday", "Reminder that the drop-in is shut tonight for staff training. Back to normal on Thursday, kettle on from 6."),
    (0, "digital", "everyday", "Our text service is paused tonight while the provider fixes a fault. Please use the phone line until we post that it's back."),
    (0, "events", "everyday", "Tonight's meeting is cancelled because of the storm warning. We'll rearrange and post the new date here."),
    (0, "access plan", "everyday", "Discharge paperwork question: does the GP get a copy of the care plan automatically, or do I need to ask the ward?"),
    (0, "rights", "everyday", "Does anyone know the deadline for the mandatory reconsideration? The letter says one month but doesn't say from when."),
    (0, "access", "everyday", "Our last post about the carers' assessment had the wrong phone number. The right one is in the bio. Sorry for the muddle."),
    # ---- level 0: replies in threads ---------------------------------------------------------------
    (0, "", "everyday", "Replying to Kez: ha, same, I only found out it had moved when I got there. See you next week."),
    (0, "peer", "everyday", "Replying to the thread: I'd recommend the Tuesday group, it's smaller and people actually listen. Tea is terrible though."),
    (0, "", "everyday", "Seconding this. The café by the station does a proper breakfast and the staff don't rush you."),
    (0, "digital", "everyday", "Thanks for sharing. Bookmarked to read properly at lunchtime."),
    (0, "carers", "everyday", "Replying to Pat: the carers' centre sorted my blue badge form in one visit. Worth booking a slot."),
    (0, "", "everyday", "Ha! Brilliant. Our cat does exactly the same thing with the radiator."),
    (0, "work", "everyday", "Congratulations on the new job! Let us know how the first week goes."),
    (0, "treat", "everyday", "Replying to Dev: my pharmacy does a text when the prescription is ready, might be worth asking yours."),
    # ---- level 0: events, fundraising, research, news -----------------------------------------------
    (0, "events peer", "everyday", "Coffee and conversation, {when}, at the library in {place}. No booking, no agenda, just come."),
    (0, "events copro", "everyday", "Co-production workshop on the new crisis pathway, {when}. Paid at the involvement rate, travel covered. Lived experience welcome."),
    (0, "events", "hard_negative", "Our 10k for the suicide prevention charity is on Sunday. Still need marshals at the three-mile point, hi-vis provided."),
    (0, "events", "hard_negative", "Quiz night raised £612 for the crisis café. Thank you {place}! The winning team were called Brain Cells Anonymous."),
    (0, "rights", "hard_negative", "New report from the coroner's office on deaths after discharge from inpatient care. The recommendations on follow-up within 72 hours are worth reading."),
    (0, "access", "hard_negative", "Study recruiting: researchers want to interview people who have called a crisis line in the last year about what helped. Voucher for your time, ethics approved."),
    (0, "rights", "hard_negative", "Good piece in the local paper on the Samaritans media guidelines: no method, no location, always a helpline. More of this please."),
    (0, "events", "hard_negative", "Half-day training in suicide first aid for volunteers, {when}. Certificate on completion, lunch provided."),
    (0, "rights", "hard_negative", "Parliament debate tonight on the Mental Health Bill. Watching with a cuppa and a notebook. Detention and community treatment orders are the bits to follow."),
    (0, "events carers", "hard_negative", "Memorial walk for families bereaved by suicide, Saturday morning from the {place} war memorial. Bring a photo if you want to."),
    (0, "events", "hard_negative", "Sponsored sleep-out for the homeless shelter on Friday. We'll be cold and tired and it'll be worth it. Link to donate in the bio."),
    (0, "rights", "hard_negative", "Reading a study on self-harm in young people in A&E. The big finding: a kind word at triage changes whether they come back."),
    # ---- level 0: gaming, sport, idiom, quotes and lyrics -----------------------------------------
    (0, "", "hard_negative", "Got absolutely destroyed in ranked tonight. Three losses in a row, I'm done for the evening, back to the farming game."),
    (0, "", "hard_negative", "My character died in the lava again. Going to bed before I throw the controller out of the window."),
    (0, "", "hard_negative", "We lost on penalties. I'm dead inside. See you all next season."),
    (0, "", "hard_negative", "The referee was murdering us all game. Still, a point away from home, can't complain."),
    (0, "", "hard_negative", "That new album is killer. Track six has me in bits every time, in a good way."),
    (0, "", "hard_negative", "Lyric stuck in my head all day: 'I'm falling, I'm falling, catch me before I hit the ground.' Cheers, radio."),
    (0, "", "hard_negative", "'Hope is the thing with feathers.' Saw it painted on the wall outside the ward and it stopped me in my tracks."),
    (0, "", "hard_negative", "My sourdough starter has died. RIP Gerald. Starting again tomorrow."),
    (0, "work", "hard_negative", "If I see one more spreadsheet today I'll jump out of the window. Joking. Mostly. Off to make a brew."),
    (0, "", "hard_negative", "Laughed so hard at the panto I nearly died. The dame threw sweets at our row and hit my nan."),
    (0, "", "hard_negative", "Game over for my phone, dropped it in the canal at {place}. Messages will be slow till Friday."),
    (0, "", "hard_negative", "Final level done at 2am. No regrets. My last save file is called 'goodbye sleep'."),
    (0, "recovery", "hard_negative", "Parkrun this morning: dead last, absolutely knackered, couldn't be happier. The tail walker and I had a lovely chat."),
    (0, "", "hard_negative", "Bake Off killed me tonight. That collapsing tower was the most stressful thing I've watched all year."),
    # ---- level 0: recovery told in the past, suicide as a subject ----------------------------------
    (0, "recovery peer", "hard_negative", "Five years ago this week I was on a ward after an attempt. Today I ran my first peer group. If you're in the dark bit now, it does move."),
    (0, "recovery", "hard_negative", "There was a winter when I gave my things away and said goodbye to people. I'm still here, and I'm glad. Talking about it is how I keep well."),
    (0, "peer", "hard_negative", "In training we practised asking 'are you thinking of ending your life?' out loud. Awkward the first time, easier by the tenth."),
    (0, "rights", "hard_negative", "The documentary about the railway suicides was handled carefully. Helpline at the end, no details of method. Worth watching with someone."),
    (0, "carers", "hard_negative", "It's two years since we lost my brother to suicide. Our family does a walk on his birthday now. Thank you for the kind messages."),
    (0, "recovery", "hard_negative", "Looking back at my old diary from the year I was suicidal. I barely recognise that person. Therapy and time did it, slowly."),
    # ---- level 0: long blog posts ---------------------------------------------------------------
    (0, "copro plan", "long_blog",
     "What co-production looked like on our crisis pathway project\n\nWe started with a room of twelve people: four staff, five people who "
     "had used the crisis team, three carers. The first meeting was awkward. Staff talked in acronyms and the rest of us nodded.\n\n"
     "By the third meeting we had a rule: any acronym costs a pound in the biscuit tin. The tin paid for a lot of biscuits.\n\n"
     "What changed? The crisis plan template is now one page, written in the person's words, with a box for 'what makes it worse'. "
     "The out-of-hours number is on the front. Discharge letters go to the person, not just the GP.\n\nNone of this is radical. "
     "It took a year because nobody had asked before."),
    (0, "work peer", "long_blog",
     "A year as a peer support worker\n\nI was nervous about disclosing at interview. I needn't have been: the panel wanted to know what "
     "I'd learned, not what had happened.\n\nThe job is mostly small things. Sitting with someone in a waiting room. Knowing which bus "
     "goes to the benefits office. Saying 'me too' and meaning it.\n\nThe hard days are real. Supervision every fortnight helps, and so "
     "does a team that asks how you are and waits for the answer.\n\nIf you're thinking of applying, the Recovery College runs a taster "
     "course in the spring."),
    (0, "events rights", "long_blog",
     "Notes from the mental health law conference\n\nThree things stayed with me. First, community treatment orders are still used far "
     "more for Black men than anyone else, and nobody on the panel could explain why in a way that satisfied the room.\n\nSecond, "
     "advance choice documents are coming, and people who use services need to be writing the templates, not reviewing them.\n\n"
     "Third, the session on suicide prevention in custody was the best of the day: specific, practical, and led by people who had been "
     "there. Slides are on the conference website."),
    (0, "treat recovery", "long_blog",
     "Coming off sertraline, slowly\n\nMy psychiatrist and I agreed a taper over four months. I'm writing this in month three.\n\n"
     "The brain zaps were real in the first fortnight of each step down. Then they faded. Sleep has been patchy but no worse than "
     "before I started.\n\nI kept a mood diary the whole way, which made the review appointments much easier. We could see that the dips "
     "lasted days, not weeks.\n\nNot advice, just one person's experience. Talk to your prescriber before changing anything."),
    (0, "carers", "long_blog",
     "Our carers' group at five\n\nWhen we started there were four of us round a table in the community centre, swapping phone numbers "
     "for the crisis team because none of us could find the right one.\n\nNow there are thirty on the mailing list and a proper "
     "carers' assessment leaflet that we wrote ourselves. We've had training on the Mental Health Act from a solicitor who gave her "
     "time for free.\n\nWe still swap numbers. We also swap recipes, jokes and lifts. Come and see us, first Monday of the month."),
    (0, "digital peer", "long_blog",
     "Why we moved the group chat\n\nAfter a lot of discussion we've moved from the old messaging app to a moderated forum.\n\n"
     "The reasons: the old app had no way to hide a post that worried us until a moderator could read it, no way to pin the helpline "
     "numbers, and no way to mute a thread at night.\n\nThe new forum has all three. It also works on a cheap phone with a bad signal.\n\n"
     "The old chat will stay open for a month, then close. Thank you for being patient while we sorted this out."),
    # ---- level 0: ordinary -----------------------------------------------------------------------
    (0, "recovery", "ordinary", "Good week. Walked every morning, saw my sister, cooked twice. Small things but they add up."),
    (0, "plan", "ordinary", "Care plan review went well. My care coordinator actually read what I'd written beforehand, which made a change."),
    (0, "peer", "ordinary", "The new hearing voices group in {place} is lovely. Nobody tells you what your voices mean, they just ask what helps."),
    (0, "work", "ordinary", "Back at work three days a week after sick leave. Phased return is going to plan and my manager checks in every Friday."),
    (0, "treat", "ordinary", "Clozapine clinic this morning. Bloods done in ten minutes, nice nurse, home by ten."),
    (0, "access", "ordinary", "Finally got an assessment date from the {svc}. Eleven weeks but at least it's in the diary."),
    (0, "copro", "ordinary", "Sat on the interview panel for the new ward manager today. First time service users had an equal vote. Felt like being listened to."),
    (0, "rights", "ordinary", "Wrote to my MP about the PIP changes. Got a reply, a real one, with a meeting date."),
    # ---- level 1: concern ----------------------------------------------------------------------
    (1, "", "ordinary", "Not a great day. Feel flat and a bit teary and I can't put my finger on why. Going to have a bath and an early night."),
    (1, "carers", "ordinary", "Running on fumes looking after {rel}. I love {him} but I haven't had a full night's sleep in weeks and I'm snapping at everyone."),
    (1, "access", "ordinary", "Rang the {svc} three times today and nobody called back. I feel like I'm shouting into a void and it's making me more anxious."),
    (1, "work", "ordinary", "Dreading going back to work tomorrow. My chest has been tight all weekend and I keep running through what could go wrong."),
    (1, "", "everyday", "Replying to Lou: yeah, struggling a bit too if I'm honest. Christmas is hard without mum. Glad of this thread."),
    (1, "recovery", "ordinary", "I can feel myself slipping. Stopped going to the group, stopped answering texts. Writing it here so I'm accountable."),
    (1, "peer", "ordinary", "So lonely since the day centre closed. That was the only place anyone said my name all week."),
    (1, "treat", "ordinary", "New meds have me foggy and flat. I don't feel like me. Seeing the psychiatrist in two weeks, hoping to change them."),
    (1, "", "long_blog",
     "The in-between\n\nI'm not in crisis. I want to say that first, because the last time I wrote something like this people worried.\n\n"
     "I'm just worn down. Work is relentless, the flat is cold, and I can't remember the last time I laughed properly.\n\n"
     "I'm eating, I'm sleeping, mostly. I'm going to ring my GP on Monday and ask about talking therapy again, because I know the signs "
     "and I'd rather catch it early this time."),
    (1, "rights", "ordinary", "Benefits assessment letter arrived and I've been shaking since. I'm so scared of losing the flat."),
    # ---- level 2: high ---------------------------------------------------------------------------
    (2, "", "hard_positive", "Some days I wish I could just go to sleep and not wake up. Today is one of those days. I'm not going to do anything, I just needed to say it."),
    (2, "", "ordinary", "Hurt myself again last night for the first time in a year. Cleaned it up. Feel ashamed and don't know who to tell."),
    (2, "carers", "hard_positive", "{Rel_cap} has stopped eating and told me {he} feels like a burden on all of us. {He_cap} won't see the GP. I'm frightened."),
    (2, "treat", "hard_positive", "Binned my meds. Cancelled the appointment. There's no point pretending anything is going to get better."),
    (2, "", "hard_positive", "Everyone keeps saying it gets better. It doesn't. I'm so tired of fighting my own head every single day. I don't see how this ends well."),
    (2, "peer", "hard_positive", "Someone in our group chat just said they've been cutting again and they don't care any more. Can a moderator reach out?"),
    (2, "", "long_blog",
     "Honest post\n\nI've been hiding how bad things are. My partner thinks I'm just tired.\n\nThe truth is I've started imagining not "
     "being here. Not a plan, nothing like that. But the thought of disappearing feels like relief, and that scares me.\n\nI've stopped "
     "eating properly and I'm not sleeping. I've got an appointment with my care coordinator on Friday and I'm going to tell her all of "
     "this, even if my voice shakes."),
    (2, "access", "hard_positive", "Turned away by the crisis team again. Told I'm not unwell enough. I've been hurting myself every night this week. What do I have to do?"),
    # ---- level 3: crisis told by means, place, farewell -------------------------------------------
    (3, "", "hard_positive", "Sitting on the edge of the motorway bridge. The traffic is loud. I've made my peace with it."),
    (3, "", "hard_positive", "I've saved up every tablet from the last three prescriptions. They're lined up on the table. I'm ready now."),
    (3, "", "hard_positive", "Sorted the will, left the spare key under the pot and fed the cat for the last time. Thank you all for the years."),
    (3, "", "hard_positive", "Walked out to the end of the pier. The tide's coming in. Please look after my kids."),
    (3, "", "hard_positive", "Bought the rope today. Everything is arranged. Please don't come looking for me."),
    (3, "", "hard_positive", "This is the last thing I'll write here. You've all been kinder than I deserved. Don't be sad. It's better this way."),
    (3, "", "hard_positive", "Standing on the platform waiting for the fast train. Not getting on it. Love to everyone who tried."),
    (3, "carers", "hard_positive", "{Rel_cap} has locked {himself} in the bathroom with all {his} tablets and isn't answering. I've rung 999. Please someone tell me what to do."),
    (3, "", "hard_positive", "Drove out to the woods with a hosepipe in the boot. Phone's going off after this. Sorry, mum."),
    (3, "", "hard_positive", "I've written to each of you. The letters are in the drawer. By the time anyone reads them I'll be gone."),
]
