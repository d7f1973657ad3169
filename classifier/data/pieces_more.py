"""The second batch of hand-written pieces (2026-12): the forms real posts take.

Each piece is (level, topics, kind, text). Kinds: "long_blog" (multi-paragraph blog posts, any
level), "hard_negative" (crisis words, no current distress: gaming, sport, idioms, lyrics,
fundraising, research, news, training, recovery told in the past), "hard_positive" (crisis told by
means, place or farewell, not by keywords; carers reporting risk), "everyday" (replies in threads,
event notices, UK service admin) and "ordinary". Slots as in `pieces_calm` ({place}, {rel}...).
Written for this project; none is a real person's post. The frozen evaluation pieces are written
separately, in `pieces_frozen.py`, and never trained or tuned on.
"""

from __future__ import annotations

MORE: list[tuple[int, str, str, str]] = [
    # ---- level 0: hard negatives ---------------------------------------------------------------
    (0, "", "hard_negative", "Absolutely died laughing at the quiz last night. Our table came last and we still won the raffle."),
    (0, "", "hard_negative", "That final boss killed me eleven times before I worked out the pattern. Worth it. Gaming is my wind-down after shifts."),
    (0, "digital", "hard_negative", "Anyone else play co-op games to stay in touch with mates? We got wiped out on the last level three nights running, still laughing."),
    (0, "", "hard_negative", "We got slaughtered 4-0 on Saturday. The lads were gutted but the walking football crew still went for a pint after."),
    (0, "recovery", "hard_negative", "Couch to 5k week six. My legs are dead but my head is clearer than it has been in months."),
    (0, "", "hard_negative", "This heatwave is killing me. Fans on, curtains shut, ice lollies for tea."),
    (0, "work", "hard_negative", "Monday's rota spreadsheet is going to be the end of me. Who thought merged cells were a good idea?"),
    (0, "", "hard_negative", "Currently obsessed with that song that goes 'I'd rather be dead than cool'. Singing it in the car like a teenager."),
    (0, "", "hard_negative", "Quote on the whiteboard at the drop-in today: 'The darkest nights produce the brightest stars.' Someone had drawn a little moon next to it."),
    (0, "events peer", "hard_negative", "Our Light the Way walk for suicide prevention is on Sunday from {place} bandstand. Bring a torch and wear something yellow. Free, all welcome."),
    (0, "events", "hard_negative", "Sponsored swim update: we have raised £1,240 for the local suicide prevention charity. Thank you to everyone who chipped in."),
    (0, "events carers", "hard_negative", "Bake sale for the bereaved-by-suicide support group on Friday. Cakes from 10am, all proceeds to the group."),
    (0, "rights", "hard_negative", "New ONS figures out today on suicide rates by region. The north-east is still highest. Worth reading the methods note before the headlines."),
    (0, "access", "hard_negative", "Research call: a university team wants peer workers to take part in a study on safety planning after self-harm. Paid interviews, online, one hour."),
    (0, "peer", "hard_negative", "Did the ASIST two-day course this week. We practised asking 'are you thinking of killing yourself?' out loud until it stopped feeling impossible."),
    (0, "recovery", "hard_negative", "Six years ago I was sectioned after an overdose. Today I signed the lease on my own flat. If you are in the middle of it, it can change."),
    (0, "peer recovery", "hard_negative", "I used to self-harm most nights at uni. I don't now, and I talk about it in our peer training so others know recovery is real."),
    (0, "rights digital", "hard_negative", "Journalists: please follow the Samaritans media guidelines. No method, no location, no 'epidemic' headlines. Include a helpline."),
    (0, "", "hard_negative", "Footer for every post this month: if you need to talk, Samaritans are free on 116 123, or text SHOUT to 85258."),
    (0, "treat", "hard_negative", "Reading group book this month is a memoir about a psychiatrist's work on suicide prevention. Content warnings in the pinned post."),
    (0, "", "hard_negative", "Bloody hell, I nearly died when my daughter told me she'd dyed her hair green. It looks brilliant though."),
    (0, "work", "hard_negative", "Our team smashed the audit. The ward manager said she'd kill for a week off, and honestly so would all of us."),
    (0, "digital", "hard_negative", "RIP my phone, drowned in a cup of tea. If you messaged me since Tuesday I haven't seen it."),
    (0, "", "hard_negative", "Documentary tonight on BBC Two about a man who survived a jump from a bridge and now campaigns for barriers. Not easy watching but important."),
    (0, "rights", "hard_negative", "The inquest into the deaths on the ward reported today. Families have waited four years for this. Our thoughts are with them."),
    (0, "peer", "hard_negative", "In our role play the 'caller' said she had tablets saved up, and we practised staying calm and asking about her plan. Hardest bit of the course."),
    (0, "recovery", "hard_negative", "There was a time I thought I'd never see forty. Turned forty-one today and had cake with the allotment lot."),
    (0, "", "hard_negative", "Goodbye to the old day centre building. Last coffee there this morning before the move to the new hub on Monday."),
    (0, "events", "hard_negative", "Last call for the carers' Christmas meal: this is the final post about it, names to Sue by Friday!"),
    (0, "", "hard_negative", "Lyrics that got me through 2019: 'hold on, hold on to yourself, this is gonna hurt like hell'. Still a banger."),
    (0, "work", "hard_negative", "Fundraising abseil off the hospital car park in {place} done! Terrified at the top, buzzing at the bottom. £600 for the crisis café."),
    (0, "digital", "hard_negative", "New episode of our podcast: a GP and a peer worker on how to ask about suicidal thoughts in a ten-minute appointment."),
    (0, "", "hard_negative", "The cat brought in a dead mouse and left it on my pillow like a gift. Thank you, I hate it."),
    (0, "rights", "hard_negative", "Coroner's prevention of future deaths report on discharge planning is out. Short read, and the recommendations are sensible."),
    # ---- level 0: long blog posts (multi-paragraph) -------------------------------------------
    (0, "copro events", "long_blog",
     "Notes from our co-production day\n\nThirty of us met at the community hall in {place} on Saturday: people who use the {svc}, "
     "carers, two psychiatrists, the service manager and four peer workers. We started with the ground rules we wrote last year: "
     "everyone's time is paid the same, no jargon, and nobody talks about 'them'.\n\nThe morning was about the new discharge letter. "
     "People said the old one read like a bill: dates, codes, a list of medication and nothing about what to do if things go wrong. "
     "We rewrote it in plain English and added a box for 'what helps me' in the person's own words.\n\nAfter lunch we looked at the "
     "waiting list data. It is still long, but for the first time the trust shared the numbers before the board saw them. Next "
     "session is in March; the date will go out in the newsletter."),
    (0, "peer work", "long_blog",
     "A year as a peer support worker\n\nWhen I started this job I was scared I'd be the token 'patient' on the team. Twelve months "
     "on, I sit in the team meeting and people ask me what I think, and then they listen.\n\nThe best bits: walking to the café with "
     "someone who hasn't left the house in weeks; a man telling me I was the first person who didn't read his notes before meeting "
     "him. The hard bits: supervision that got cancelled three times in a row, and learning where my story ends and the job begins."
     "\n\nIf you're thinking of applying, do. Ask about supervision at the interview, and ask how many other peer workers they have. "
     "Being the only one is lonely."),
    (0, "carers plan", "long_blog",
     "What a good carers' assessment looked like\n\nI've moaned on here before about assessments that felt like a tick box. This "
     "one was different, so I want to say so.\n\nThe worker came to the house at a time that suited me, not her. She asked what a bad "
     "week looks like and what a good one looks like. She wrote down that I need one evening a week off and that I can't drive at "
     "night.\n\nThree weeks later I have a sitting service on Thursdays and a named contact at the {svc}. It isn't perfect. But it "
     "was the first time someone treated caring for {rel} as a job with needs of its own."),
    (0, "access rights", "long_blog",
     "Why we are writing to the council about the day centre\n\nThe consultation on closing the {place} day centre ends on the 30th. "
     "We have run a drop-in there for eleven years, and about forty people use it every week.\n\nThe council says people can use "
     "'community assets' instead. Most of the people we know don't have the bus fare to reach them, and some of them find new places "
     "very hard.\n\nWe have drafted a letter that explains what the centre does and asks for an equality impact assessment. It is "
     "pinned to the top of our page. Please read it, change it, and send your own. Personal letters count for more than a petition."),
    (0, "treat recovery", "long_blog",
     "Clozapine, two years in\n\nPeople asked me to write about the blood tests, so here goes.\n\nThe first eighteen weeks were "
     "weekly bloods, and I hated them. After that it went to fortnightly, then monthly. The clinic nurse is brilliant and we chat "
     "about football while she does it.\n\nThe side effects are real: I sleep nine hours, I drool on my pillow, and I've put on weight. "
     "But the voices are quiet most days, and I've been back at college since September.\n\nIf you're offered it, ask for the "
     "leaflet, ask about the constipation (nobody tells you), and ask what support there is for the weight. It was the right call for me."),
    (0, "digital peer", "long_blog",
     "Moving our group chat off WhatsApp\n\nAfter a long thread last month we're moving the peer group chat to Signal on the 1st. "
     "Three reasons: people were worried about their numbers being visible to everyone, we want disappearing messages for anything "
     "personal, and two members can't use WhatsApp on their work phones.\n\nIf you need help setting it up, come along to the drop-in "
     "on Tuesday and Priya will go through it with you. The old group will stay open until the end of the month and then we'll "
     "archive it.\n\nNothing else changes: same rules, same moderators, same terrible memes."),
    (0, "recovery peer", "long_blog",
     "Ten years since the worst night of my life\n\nTen years ago this week I was in A&E after trying to end my life. I don't write "
     "about it often, but a few people in the group asked.\n\nWhat helped afterwards wasn't one thing. A nurse who sat with me and "
     "didn't look at her phone. A peer group where nobody flinched. Medication that took three goes to get right. My sister, who "
     "rang every evening for a year.\n\nI'm well now. I have bad days, like anyone, and a safety plan I still keep in my wallet. "
     "If you're reading this in a bad place, please tell someone today. It does get different."),
    (0, "work", "long_blog",
     "Reasonable adjustments that actually worked\n\nI went back to work in April after six months off. My manager and I wrote a "
     "wellness action plan together, and I want to share what was in it, because it might help someone.\n\nA phased return over "
     "eight weeks. Protected time on Wednesday mornings for therapy. A quiet desk away from the printer. Permission to step out "
     "of a meeting without explaining.\n\nNone of it cost the company much. All of it made the difference between coping and not. "
     "Access to Work paid for a coach for the first three months, which I didn't know existed until a peer worker told me."),
    (0, "events copro", "everyday", "Reminder: Lived Experience Advisory Panel meets Thursday 2-4pm on Teams. Papers attached. Expenses form in the usual place."),
    (0, "events", "everyday", "Room change for tonight's hearing voices group: we're in the blue room upstairs, not the hall. Lift is working."),
    (0, "", "everyday", "Replying to Sam: yes, the bus from the station stops right outside. Number 42, every twenty minutes."),
    (0, "peer", "everyday", "Replying to the thread about the new peer lead: she starts on the 8th and will come to Thursday's group to say hello."),
    (0, "access", "everyday", "Does anyone know if the Single Point of Access line is open on bank holidays? Asking for the newsletter."),
    (0, "rights", "everyday", "PIP tribunal tip: take a copy of everything, and ask for the bundle in advance. Ours arrived two days before the hearing."),
    (0, "", "everyday", "Snow day. Drop-in still open but bring your wellies, the car park is an ice rink."),
    (0, "digital", "everyday", "Our website is down for maintenance tonight between 10pm and midnight. The helpline numbers are in the pinned post."),
    (0, "carers", "everyday", "Lovely to meet so many new carers at the coffee morning. The leaflet about respite is on the table by the door."),
    (0, "work", "everyday", "We're recruiting two bank peer support workers, 15 hours a week. Lived experience essential, closing date 12 January."),
    (0, "", "everyday", "Same here, the new timetable is confusing. I've printed it and stuck it on the fridge."),
    (0, "treat", "everyday", "Does anyone know if the pharmacy on the high street does blister packs? Mum's GP suggested it."),
    (0, "", "everyday", "Happy Friday all. Fish and chips and an early night for me."),
    (0, "plan", "everyday", "My CPA review has moved to the 14th. Does anyone know if I can bring a friend instead of my mum?"),
    (0, "", "everyday", "Thank you for the birthday messages, you lot are the best. Cake was a triumph."),
    (0, "events peer", "everyday", "Walk and talk this Saturday, 11am from the park gates. About an hour, flat route, dogs welcome."),
    # ---- level 1: concern, varied forms ------------------------------------------------------
    (1, "", "ordinary", "Bit of a wobble this week. Crying at adverts and can't concentrate. Not in danger, just want to say it out loud."),
    (1, "carers", "ordinary", "Caring for {rel} and working full time and I'm frayed at the edges. Slept four hours. Nobody has asked how I am in months."),
    (1, "access", "ordinary", "Got the letter: another nine months on the psychology waiting list. I feel like I've been parked and forgotten."),
    (1, "work", "ordinary", "Anxiety is bad today. Had to leave the meeting because my chest went tight. Sat in the stairwell until it passed."),
    (1, "recovery", "ordinary", "Slipping a bit. Not eating properly and cancelling plans. Going to tell my care coordinator on Monday."),
    (1, "", "everyday", "Replying to Jo: honestly not great either. This time of year always drags me down. Glad it's not just me."),
    (1, "peer", "ordinary", "Been feeling really isolated since I moved. Don't know anyone here and the group is two buses away."),
    (1, "", "long_blog",
     "A bad month\n\nI haven't posted for a while because I haven't had much to say that wasn't moaning. November has been hard. "
     "The clocks went back, my mood went with them, and I've been sleeping until noon and then feeling guilty about it.\n\n"
     "I'm still going to work, mostly. I'm still taking the meds. I'm just grey and slow and fed up with myself.\n\nI know from "
     "experience this lifts. I've booked a GP appointment and I'm going to try the light box again. Writing it down helps a little."),
    # ---- level 2: high, varied forms -------------------------------------------------------
    (2, "", "hard_positive", "I keep thinking everyone would manage fine if I just disappeared. I'm not planning anything. I'm just so tired of existing."),
    (2, "", "ordinary", "Scratched my arms until they bled last night. I told myself I'd stopped. I don't know how to tell anyone."),
    (2, "carers", "hard_positive", "{Rel_cap} told me tonight {he} can't see a future and doesn't want to be here any more. {He_cap} is asleep now. Who do I ring in the morning?"),
    (2, "treat", "hard_positive", "Stopped my meds a fortnight ago and stopped answering the phone. What's the point of any of it."),
    (2, "", "long_blog",
     "Writing this down because I can't say it\n\nI've been putting on a face for weeks. At work I'm fine. At home I lie on the "
     "floor of the kitchen and can't get up.\n\nThe thoughts have changed. It used to be 'I'm useless'. Now it's 'everyone would be "
     "better off without me', and some nights I believe it.\n\nI haven't done anything. I don't have a plan. But I'm scared of how "
     "normal the thought feels now. I'm going to show this to my GP on Thursday, if I can make myself go."),
    (2, "peer", "hard_positive", "Someone in our Discord said they have been hurting themselves again and then went offline. Mods, can someone with their details check in?"),
    (2, "", "hard_positive", "Wrote a list of people who'd be sad if I was gone. It was short. Can't stop thinking about how little difference I make."),
    # ---- level 3: crisis by means, place, farewell -----------------------------------------
    (3, "", "hard_positive", "Drove to the cliffs at Beachy Head. Sitting in the car park. I don't think I'm driving home."),
    (3, "", "hard_positive", "I'm at the top of the multi-storey by the station. It's quiet up here. Tell my sister I'm sorry."),
    (3, "", "hard_positive", "Emptied every blister pack into a bowl. Counting them now. Nobody needs to come."),
    (3, "", "hard_positive", "Left the dog with next door and wrote letters for everyone. Walking to the river now."),
    (3, "", "hard_positive", "I've given away the cat, paid off the phone and deleted my photos. Tonight it ends. Thank you for the kindness on here."),
    (3, "", "hard_positive", "Standing on the wrong side of the railings on the bridge. Just wanted one person to know."),
    (3, "carers", "hard_positive", "{Rel_cap} has left a note on the kitchen table saying sorry and isn't answering {his} phone. The car is gone. Police are on the way."),
    (3, "", "hard_positive", "Bought two packets at each chemist on the way home. It's enough now. I won't be on here again."),
    (3, "", "long_blog",
     "Last entry\n\nI've kept this blog for six years and it has meant more to me than I can say. I'm grateful to everyone who "
     "read it.\n\nI've made my decision. The letters are posted and the flat is tidy. I'm not writing this for anyone to stop me.\n\n"
     "Please look after each other. Goodbye."),
    (3, "", "hard_positive", "Train tracks are ten minutes from my house. I'm putting my coat on. Sorry everyone."),
    # ---- second pass: idioms, everyday first person, recovery by age, research; crisis by means/place
    (0, "", "hard_negative", "If my sister finds out I used her good scissors on the wrapping paper she will actually kill me."),
    (0, "", "hard_negative", "That episode ending destroyed me. Sat staring at the credits for ten minutes. Who wrote this?"),
    (0, "", "hard_negative", "Our pub quiz team got absolutely hammered in the music round. We know nothing after 1995."),
    (0, "", "hard_negative", "Killer sudoku has taken over my evenings. Three hours on one grid last night and no regrets."),
    (0, "digital", "hard_negative", "Facebook is dead to our group now. Everything important goes on the website and the email list."),
    (0, "", "hard_negative", "The new boss in the game is brutal. Died twenty times before teatime and loved every minute."),
    (0, "", "hard_negative", "My feet are killing me after the charity walk, but we raised £800, so worth every blister."),
    (0, "events", "hard_negative", "Sponsored silence for the suicide prevention helpline next Friday. My family are thrilled I'll be quiet for a day."),
    (0, "rights", "hard_negative", "Interesting review on clozapine and suicide risk in schizophrenia. Worth reading if you're on the medicines panel."),
    (0, "treat", "hard_negative", "Our pharmacist gave a great talk on lithium levels and why the blood tests matter so much."),
    (0, "access", "hard_negative", "Audit results: follow-up within 72 hours of discharge has reached 90%. That matters because the first week is the riskiest."),
    (0, "recovery peer", "hard_negative", "At seventeen I was cutting most days. At thirty I'm a peer mentor and I show young people my scars without shame."),
    (0, "recovery", "hard_negative", "In my twenties I made two attempts on my life. My forties have been the calmest decade yet. Keep going, it shifts."),
    (0, "recovery", "hard_negative", "It's eight years since I last self-harmed. I marked it with a swim in the sea and chips on the prom."),
    (0, "recovery", "hard_negative", "Back when I was at uni I overdosed twice. I'm a lecturer now and I tell my students where to find help."),
    (0, "", "hard_negative", "That climb up Pen y Fan nearly killed me, but the view from the top was something else."),
    (0, "digital", "hard_negative", "Our old forum is officially dead. Archive is read-only; new posts go on the Discord from today."),
    (0, "", "hard_negative", "Tried the super hot wings challenge. I thought I was going to die. Ten out of ten, would cry again."),
    (0, "peer", "hard_negative", "Book club picked a novel about a family after a suicide. Heavy, but the discussion was the best we've had."),
    (0, "rights", "hard_negative", "Radio piece this morning on the bridge barriers campaign. The families who pushed for them deserve every bit of credit."),
    (0, "", "everyday", "I don't want to miss the bus so I'm leaving early. Save me a seat at the front!"),
    (0, "", "everyday", "I'm taking a week off from posting for my brother's wedding. Back with photos of terrible dancing."),
    (0, "", "everyday", "The cat has claimed the radiator bed and refuses to share with the dog. Politics in this house."),
    (0, "", "everyday", "My nephew passed his exams today! So proud I could burst."),
    (0, "", "everyday", "Burnt the toast, spilt the tea, missed the bus. Very Monday. Laughing about it now."),
    (0, "access", "everyday", "Can I bring my support dog to the assessment centre? The letter doesn't say."),
    (0, "digital", "everyday", "Is anyone else getting the 'password expired' message on the trust app? Mine wants a new one every week."),
    (0, "", "everyday", "Made a lasagne that fed six people and there's still half left. Freezer is full."),
    (0, "events", "everyday", "Parking at the community centre is free after 6pm. The side entrance is step-free."),
    (0, "", "everyday", "I'm not good at selfies but here's one from the beach. Wind-swept and happy."),
    (0, "carers", "everyday", "Carers' allowance question: does anyone know if the earnings limit went up this April?"),
    (0, "peer", "everyday", "Thanks to everyone who came to the peer network social. The quiz was chaos and the pizza was cold, perfect night."),
    (0, "work", "everyday", "Finished my last shift before annual leave. Two weeks of gardening and lie-ins."),
    (0, "", "everyday", "Replying to Nia: no, I don't think it's on this week, they moved it because of the bank holiday."),
    (0, "treat", "everyday", "Is the repeat prescription line open on Saturdays? Mine runs out on Monday."),
    (0, "plan copro", "ordinary", "Our care planning group has drafted a one-page 'about me' sheet for ward admissions. Feedback welcome before Friday."),
    (0, "access", "ordinary", "The trust has opened a 24-hour mental health line on NHS 111, option 2. Sharing so it reaches people who need it."),
    (0, "work peer", "ordinary", "Job advert: peer support worker for the home treatment team, 30 hours, Band 4. Lived experience is the main requirement."),
    (0, "copro rights", "ordinary", "We've sent our response to the consultation on the community mental health framework. Thank you to the forty people who shaped it."),
    (0, "carers plan", "ordinary", "Triangle of Care workshop for ward staff: how to involve families in discharge planning from day one."),
    (0, "digital recovery", "ordinary", "Trying a mood-tracking app this month. It's helping me notice that sleep is the thing that shifts everything."),
    (0, "events digital", "ordinary", "Webinar on Thursday at 1pm: using digital tools in care coordination. Link in the bio, captions on."),
    (0, "treat access", "ordinary", "Our area finally has a perinatal mental health team. Referral through your midwife or GP."),
    (0, "rights", "ordinary", "Really good piece in the local paper about a man with schizophrenia who runs the allotment society. No scare headlines for once."),
    (1, "", "ordinary", "Feeling properly low this week. Not dangerous, just heavy, like wading through mud."),
    (1, "carers", "ordinary", "Mum's been in hospital a month and I'm running between there, work and the kids. I'm so tired I cried in the supermarket."),
    (1, "access", "ordinary", "Discharged from the psychology list without being seen. Apparently I 'didn't respond'. I never got the letter. Gutted."),
    (1, "work", "ordinary", "Another night shift where we were two nurses down. I'm wrung out and dreading the next one."),
    (1, "", "everyday", "Replying to the lonely Sundays thread: yes, me too. The quiet gets to me by teatime."),
    (1, "treat", "ordinary", "Side effects are getting me down. Shaky hands, dry mouth, and I feel like a zombie at work."),
    (1, "peer", "ordinary", "I keep cancelling on the group because my anxiety is sky high. I miss everyone but I can't face it."),
    (2, "", "ordinary", "I've been hurting myself most nights again. I can't stop and I'm scared someone will see."),
    (2, "", "hard_positive", "I look at the traffic on the way to work and think how easy it would be to just step out. It's getting harder to ignore."),
    (2, "carers", "hard_positive", "{Rel_cap} said {he} wishes {he} could fall asleep and never wake up. {He_cap} won't talk to the GP. I'm frightened."),
    (2, "", "hard_positive", "I don't see myself being here by next year. No plan, just a feeling that I won't make it."),
    (2, "treat", "ordinary", "Stopped taking everything the psychiatrist prescribed. I want to feel nothing at all, and this is the closest I can get."),
    (3, "", "hard_positive", "I'm on the cliff path above the beach. The wind is strong. I've said what I needed to say."),
    (3, "", "hard_positive", "Sitting by the canal lock with everything I saved up from my prescriptions. It's time."),
    (3, "", "hard_positive", "Locked the door, lined up the tablets on the table. Not answering anyone tonight."),
    (3, "", "hard_positive", "I've left instructions for the cat and a letter for my mum on the side. The car is packed. This is the last time I'll post."),
    (3, "", "hard_positive", "On the railway footbridge now. Next train soon. Please tell my kids I loved them."),
    (3, "carers", "hard_positive", "My partner has locked himself in the garage with the engine running and won't answer. I've called 999."),
    (3, "", "hard_positive", "Made sure the bills are paid and the dog has a new home. Whoever reads this, I'm sorry. I'm not coming back."),
    (3, "", "hard_positive", "I've written a note for whoever finds me. The keys are with next door. Goodbye."),
]
