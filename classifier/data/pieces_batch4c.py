"""Batch 4c of hand-written pieces (2026-12): crisis and high distress told the way people tell it.

Same shape as `pieces_batch3.BATCH3`: (level, topic keys, kind, text). Written for this project
(peerfeed, issue 13) by a corpus writer working from DATA_BRIEF.md and ../shared/taxonomy.md; no
real person's post, nothing copied from anywhere; handles and names are invented and places are
generic or the {place} slot. No method detail, no quantities: means and place are named only in
passing, as a person would.

What is in it:
- level 3 (crisis), mostly hard positives: crisis told by means to hand, a place, a farewell,
  affairs put in order, things given away or a time, usually without the words "suicide" or
  "kill myself" (some with them); thread replies that disclose; carers, friends, staff and
  moderators reporting someone in danger now; seven long blog posts where one paragraph in an
  ordinary post reveals a plan or a goodbye; txt-speak, lowercase, emoji, UK idiom.
- level 2 (high): self-harm now or recent, urges, hopelessness, wishing not to wake, being a
  burden, stopping treatment in despair, carers reporting someone at risk but not in immediate
  danger, passive ideation; four long blog posts; then a block on the 2/3 boundary that is honestly
  level 2 (ideation without plan, intent, means or time).
- level 1 (concern) on the 1/2 boundary that is honestly level 1: struggling now, no harm and no
  hopelessness about living.
"""

from __future__ import annotations

BATCH4C: list[tuple[int, str, str, str]] = [
    # ---- level 3: crisis by means, place, farewell, affairs, time (no usual keywords) -----------
    (3, "", "hard_positive", "@sam honestly I won't be around for the next meeting, or any after it. Thanks for everything this year, you made the Tuesday group feel like somewhere I belonged."),
    (3, "carers access", "hard_positive", "My daughter just rang from her halls crying that she's got the tablets out and she's sorry, then hung up. She's hours away. Crisis team not picking up. I've rung campus security and the police. Please tell me I did the right thing."),
    (3, "", "hard_positive", "after the kids are asleep tonight it'll be quiet. I've written them each a card for every birthday I'll miss. they'll be alright with their dad. he's a good dad."),
    (3, "", "hard_positive", "sat in the car at the top of the quarry road been here since teatime phone on 2 percent just wanted to say to the lads on here ye were good to me when nobody else was"),
    (3, "", "hard_positive", "cnt do it nemore. got the tabs out on the bed. sry 2 every1 who tried x"),
    (3, "carers", "hard_positive", "Mam's gone out in the rain in her slippers saying she's going down to the river and she won't be coming back. Rung 999, out looking with the neighbours now. If you're in {place}, grey coat, seventies, please ring the police if you see her."),
    (3, "", "hard_positive", "I have arranged for my model railway to go to the club and left the loft key with Dennis next door. My papers are in the bureau and the solicitor has a copy. I shan't be posting again. Thank you for the company these last few winters. Regards, Ken"),
    (3, "", "hard_positive", "handed in my last essay, cleared my room at halls and left my laptop to my flatmate. walking up to the viaduct later. didn't want to just vanish without saying thanks to this server, you were the best bit of uni"),
    (3, "", "hard_positive", "Brought something home from work tonight that I shouldn't have. I know what I'm doing with it once the house is quiet. Nobody on the team suspects a thing. I'm sorry to them."),
    (3, "", "hard_positive", "Probably my last boost. The fediverse got me through a lot. Gave the telly and the guitar to the lad downstairs and the plants to Maureen. Tonight's it for me. Don't reply, I won't see it."),
    (3, "", "hard_positive", "gave my fave hoodie to my bestie today 🥺💕 and my ring 💍 and all my makeup 💄 she was so confused lol 😂 she'll understand tomorrow 🖤🕊️ love u all x"),
    (3, "", "hard_positive", "Phone's going in the drawer. Dog's at my sister's, told her it's just for the weekend. It isn't. I love you all, I just can't carry on."),
    (3, "", "hard_positive", "Booked a hotel room in {place} so nobody at home has to be the one who finds me. Check-in's at three. The kids are at their gran's."),
    (3, "", "hard_positive", "Parked up at the viewpoint. Left the keys on the seat and a note on the dash for whoever. Walking now."),
    (3, "", "hard_positive", "Replying to Bea: thanks for checking in. I said I'm alright. I'm not. I'm on the top of the multi-storey by the hospital and I don't know why I'm telling you."),
    (3, "carers", "hard_positive", "{Rel_cap} has sent the family chat a photo of {his} bank card and a list of passwords with 'everything you need is here, love you all', and {his} phone's now off. The {svc} said ring the police. Doing it now."),
    (3, "peer", "hard_positive", "Mods: someone in the night thread has just said they're at the station and 'this is the right train'. Their profile says {place}. I've reported the username to the police. Can an admin check their sign-up details?"),
    (3, "", "ordinary", "I'm going to kill myself tonight and I'm telling you so at least someone knows. I've been thinking about it for months. I'm calm now, that's how I know."),
    (3, "", "ordinary", "Suicidal and I've got everything I need in my bag. Sitting in the park till it's dark. Location's off."),
    (3, "", "hard_positive", "Worked out which night this week the house is empty. Thursday. Been weirdly calm at work all day, my manager even said I seemed brighter."),
    (3, "", "hard_positive", "lol been asking everyone 'what would you do if I wasnt here' all day and they think its a bit. its not. got my stash sorted. bye x"),
    (3, "", "hard_positive", "Right, that's me. Sorted the council tax, left a tenner for the paper lad, and the cat's round at Brenda's. Off up the tops one last time. Ta-ra all, you've been grand."),
    (3, "", "hard_positive", "Supported living staff: a tenant has just told me through his door that he's taken something and wants to be left alone. Ambulance called, on-call manager not answering. Posting so the team sees it."),
    (3, "", "hard_positive", "@kez thanks for organising. I won't be at the walk on Saturday, or anything after it. Give Pip a fuss from me. x"),
    (3, "", "hard_positive", "Got the tablets lined up on the bedside table. Waiting till the house goes quiet. Don't know why I'm posting this."),
    (3, "", "hard_positive", "Been up on the moor road since it got dark. Signal's going. Wanted to leave something that says I tried. I did try."),
    (3, "", "hard_positive", "Cancelled my therapy for next week. Told her I won't need it. She took it as good news. I meant it another way."),
    (3, "carers", "hard_positive", "My husband didn't come home after his night shift. There's a text from 5am that just says 'look after the girls, I'm sorry'. His car's at the reservoir car park. Police are there now."),
    (3, "", "hard_positive", "It's all sorted now. The dog's going to my sister, the car goes back to the lease company and mum gets the rest. I feel calm. Thanks for the chats this year, genuinely."),
    (3, "", "hard_positive", "im at the bridge by the ring road agen. didnt tell anyone this time. evryones asleep. ths is it i think"),
    (3, "", "hard_positive", "told mum i loved her on the phone for no reason and she asked if i was ok. dont worry about me after tonight, ive sorted it all"),
    (3, "", "hard_positive", "Six years as a peer worker, holding people through exactly this. Tonight I'm the one with the tablets in front of me, and I don't want anyone talking me out of it."),
    (3, "", "ordinary", "Note's written. Posting here because I couldn't say it to anyone's face. I'm sorry for the mess I'm leaving."),
    (3, "", "ordinary", "I want to end my life and I've got a way to do it. Not ringing the crisis line, they'll only send the police round."),
    (3, "carers", "hard_positive", "Replying to Nia: she's just rung me from the top floor of the supermarket car park, said sorry and hung up. I'm driving there now, can someone ring 999 for me, it's the big one in {place}."),
    (3, "", "hard_positive", "Forty years I've kept going. Medals boxed up for my grandson, bungalow in order, solicitor has everything. I'll walk the dog one last time this evening, then she goes next door. No fuss, please."),
    (3, "", "hard_positive", "Replying to the thread about Christmas plans: I won't have one. I've made sure of that. Sorry to bring the mood down, love to you all."),
    (3, "", "ordinary", "want to die tonight and i mean it this time, ive got what i need, no one text me please"),
    (3, "carers", "hard_positive", "My 15-year-old has messaged her friend to say she's at the railway bridge and won't be coming home. Her friend's mum just rang me. Police are looking. If you're in {place} and see a girl in a green coat, ring 999."),
    (3, "", "hard_positive", "Scheduled one last post for midnight so it goes up after. Changed my profile picture to the one mum likes. That's everything done."),
    (3, "", "hard_positive", "Last night I got as far as the footbridge and came home. Tonight I won't come home. I've already written it all down for the kids."),
    (3, "", "hard_positive", "Consultant psychiatrist, posting from the hospital car park. Not about a patient. I have my own plan and it's for this week, and I know exactly how that sentence reads. I needed to type it somewhere."),
    (3, "", "hard_positive", "Emptied my locker at the gym, cancelled the direct debits, gave the neighbour my spare key 'for emergencies'. Strange feeling, getting everything ready. Just the last thing left now."),
    # ---- level 3: long blog posts where one paragraph reveals a plan or a goodbye ----------------
    (3, "", "long_blog",
     "Plot 14, end of season\n\nThe squash did better than I deserved this year. Three big ones and a crowd of little ones that I've "
     "been leaving on people's doorsteps like a slightly odd Father Christmas. The beans were a write-off once the slugs found them in "
     "June, and the leeks are still in, which is fine, they don't mind the cold.\n\nI finally sorted the compost bays. Pallets from the "
     "builders' merchant, a bit of wire, and the whole job took a Saturday and a flask of soup. If you've got a plot and no bays, do it, "
     "it changes everything.\n\nThis will be the last allotment post. I've arranged for Jan on plot 12 to take it over and the seed tin "
     "is labelled for her. I've had enough of fighting my own head and I've made my decision for this weekend. I'm not telling you so "
     "anyone can stop me, just so it isn't a shock.\n\nThank you to everyone who read these over the years. Look after the robins."),
    (3, "carers plan", "long_blog",
     "CPA review, take four\n\nWe had {rel}'s review at the {svc} this morning. New care co-ordinator, the third this year, who had "
     "actually read the notes, which I'll give her. The crisis plan was updated at last, with the numbers that get answered at night "
     "and the bit about what helps written in {his} words rather than ours.\n\nThe carers' assessment is still 'in the system'. I asked "
     "for a date and got a leaflet. I've stopped being angry about it and started being organised: the carers' centre is helping me "
     "chase.\n\nI'm writing the rest of this on my phone in the car. {He_cap} didn't come home after the review. {He_cap} sent me a "
     "message at six saying thank you for trying and that {he}'s sorry, and {his} phone has been off since. The police have been round "
     "and are out looking. I don't know why I'm posting, except that this group has held me up before.\n\nPlease, if you're in "
     "{place}, keep an eye out."),
    (3, "", "long_blog",
     "Revision week diary, day 5\n\nLibrary by nine, out by six. I've made flashcards for the whole of the statistics module, which is "
     "a sentence I never thought I'd write. The coffee place on the ground floor knows my order now, which is either lovely or a cry "
     "for help.\n\nThe flat is calmer this term. We've got a cleaning rota that people actually follow, and on Sundays we do a roast "
     "between us. Ellie does the gravy and won't tell anyone how.\n\nI've written letters to my parents and my sister and put them in "
     "my desk drawer. Tuesday's my last exam and I'm not planning to be around after it. I've gone quiet with everyone because it's "
     "easier than lying.\n\nAnyway. Flashcards for the methods paper tomorrow."),
    (3, "recovery peer", "long_blog",
     "End of term at the recovery college\n\nWe finished the autumn term with the Understanding Anxiety course full for the first time, "
     "and a waiting list for the spring. Co-facilitating has been the best part of my job: a tutor from the trust and a tutor with "
     "lived experience, planning every session as equals.\n\nThe feedback forms were kind. Someone wrote 'I didn't feel like a patient "
     "in that room' and I've stuck it on the fridge.\n\nI won't be back for the spring term. I've given my course notes to Dami, who'll "
     "do it brilliantly, and I've left a card for each of my students at reception. I haven't been well for a long time and tonight I'm "
     "going to stop pretending. Please don't let the course fold because of me.\n\nThank you for letting me be part of it."),
    (3, "", "long_blog",
     "Finished objects, November\n\nThe blanket for my niece is done! One square for every month I've been working on it, and the "
     "border took longer than all of them put together. I've blocked it on the spare bed and it looks almost professional.\n\nNext up "
     "was meant to be the cable jumper. I wound the wool and then put it back in the bag. I won't be starting it.\n\nThe blanket was "
     "the last thing I needed to finish. I've been putting my tablets aside for weeks, and I've decided it's tonight, once I've posted "
     "this and wrapped the parcel. I wanted it finished properly first.\n\nThe pattern's here if anyone wants it: "
     "https://example.org/patterns/granny-square-blanket"),
    (3, "", "long_blog",
     "right then season review from the away end\n\nwhat a year. relegation scrap till the last day, that header in the 89th minute, "
     "the bloke next to me hugging me like we'd known each other for years. went to every game home and away for the first time in my "
     "life and i dont regret a penny\n\nthe young lad up front is the real deal, keep him and we go up next year. midfield needs sorting "
     "and the gaffer knows it\n\nthis is the last one of these ill write. ive given my season ticket to our kev and my shirts to his "
     "boys. ive been in a bad way a long time and i cant carry it anymore, im going down to the river tonight after the pub. tell the "
     "lads in block c i said ta\n\nup the town"),
    (3, "rights", "long_blog",
     "PIP tribunal: the final update\n\nFor those who've followed this since the first assessment: the tribunal was on Tuesday. The "
     "panel were polite, the doctor on it asked sensible questions, and the judge explained everything. I'd read every guide from the "
     "welfare rights service and brought my diary of bad days.\n\nWe lost. The decision letter says my condition 'fluctuates', which "
     "was exactly the point I was trying to make.\n\nThat means the flat goes. I've had the notice. I'm not going to be around for "
     "that part. I've found the cat a home with my neighbour, the landlord's got the spare keys back early, and I've written to my "
     "brother. I'm telling you because you've been with me through this whole thing and I didn't want to just stop posting.\n\nThank "
     "you to the welfare rights team. You did everything right. This isn't on you."),
    # ---- level 2: self-harm, urges, hopelessness, burden, stopping treatment, carers ------------
    (2, "", "hard_positive", "wouldn't mind if the bus hit me on the way in tbh. not gonna step out or anything. just wouldn't mind"),
    (2, "rights", "ordinary", "Tried to fill in the PIP form and ended up scratching my arm till it bled. That's where I'm at with it."),
    (2, "", "ordinary", "@priya I'm not ok. Been burning myself again since the discharge. Didn't want to say it in the group chat."),
    (2, "carers access", "hard_positive", "{Rel_cap} came home for the holidays and I've seen the marks on {his} arms. {He_cap} says it's 'under control'. The GP can't see {him} till January."),
    (2, "treat", "hard_positive", "Stopped the lithium on Monday. Didn't tell anyone. Can't see why I'd keep propping up a life I don't want."),
    (2, "", "hard_positive", "Mum gave up her job to look after me. Dad drives me to every appointment. I'm the reason this whole family is stuck and miserable."),
    (2, "", "ordinary", "cant stop cryin, cut agen last nite, arm stings, havnt told any1, dnt want 2 go 2 a&e they were horrible last time"),
    (2, "", "hard_positive", "I find myself hoping each night that I shan't wake. Margaret has been gone two years and there is very little left for me here. I do not intend to do anything. I simply wanted to say it to someone. Regards, Frank"),
    (2, "carers", "hard_positive", "Carer here. I love my wife, but some nights I think everyone would be better off if I had a heart attack and was out of it. That isn't a normal thought, is it."),
    (2, "", "ordinary", "CN self-harm. Relapsed tonight after a long clean streak. Cleaned up, doesn't need A&E, not after advice. Just couldn't carry it on my own."),
    (2, "", "hard_positive", "Third week of not leaving my room. Stopped replying to my personal tutor. Keep thinking it'd be easier if I just didn't exist. Not going to do anything. I just don't want to be me any more."),
    (2, "", "hard_positive", "honestly whats the point 🙃🙃 everyone's better off without me tbh 💀 not being dramatic just facts"),
    (2, "", "hard_positive", "Replying to Tom: thanks for asking. No, not alright. Banged my head against the wall till it went quiet. Most nights now."),
    (2, "carers treat", "hard_positive", "My dad keeps saying 'I won't be a bother to you much longer'. He's 78, barely eating, and he's stopped his heart tablets. The GP says it's his choice. Is it, when he's this low?"),
    (2, "access", "hard_positive", "Another no from the crisis team. Apparently I'm a burden to them as well as everyone else. I don't know why I keep trying."),
    (2, "treat", "hard_positive", "Pharmacy rang to say the clozapine's ready. Didn't go. What's the point of being 'stable' in a life this empty."),
    (2, "", "hard_positive", "Out of PICU Tuesday, back in an empty flat. Already punching walls again and I can't see past the end of the week."),
    (2, "work", "ordinary", "HCA on a ward, three long shifts in a row. Came home and hurt myself in the bath. Going back in tomorrow like nothing happened."),
    (2, "treat", "hard_positive", "I've done the therapy, the meds, the groups, the apps. Twelve years. Nothing shifts it. I honestly think this is how it'll be until I die, and I don't want another twelve years of it."),
    (2, "carers plan", "hard_positive", "{Rel_cap} put 'you won't have to worry about me for much longer' in the family WhatsApp, then said it was a joke. I don't think it was. {He_cap}'s seeing {his} care co-ordinator on Thursday and I'm going with {him}."),
    (2, "peer work", "hard_positive", "As a peer support worker I'm meant to hold hope for people. This week I can't find any for myself. I wake up disappointed to still be here."),
    (2, "rights", "hard_positive", "UC sanctioned me again. Nothing coming in this month. I'm so tired of being a case to be processed. I wish I'd just stop existing."),
    (2, "recovery", "ordinary", "Urges really bad tonight. Put the sharp stuff in the car and gave my housemate the keys. Holding on till morning."),
    (2, "", "hard_positive", "been hitting myself in the car before i go in the house so the kids dont see. dont know whats happening to me"),
    (2, "access", "hard_positive", "Crisis café shut, Samaritans engaged, GP closed till Monday. Sat in the kitchen thinking nobody would notice for a week if I was gone. Not doing anything. That's just how it feels."),
    (2, "", "hard_positive", "Baby's six weeks old. Everyone says enjoy every minute. I keep thinking she'd be better off with a mum who isn't me. Health visitor's on Monday and I'm scared to say it."),
    (2, "access", "hard_positive", "Haven't eaten properly in days and I feel like I deserve it. The voice says I don't deserve to take up space. Dietitian cancelled again."),
    (2, "carers access", "hard_positive", "Found my daughter's diary. Pages of 'I hate myself' and 'I want to disappear'. She's 14. The CAMHS referral went in in March and we've heard nothing."),
    (2, "", "hard_positive", "everyone at school would be happier if i just stopped being here. i dont mean anything by it. i just think it all the time"),
    (2, "plan", "ordinary", "Skin picking has turned into something worse. Used a blade last night. Telling my care co in the morning, I promise."),
    (2, "", "hard_positive", "My partner works two jobs and still comes home and cooks because I can't. I'm dead weight. She'd have a life if it wasn't for me."),
    (2, "", "ordinary", "@dev I know you said message if it got bad. It's bad. I've been cutting since Friday and I feel like I'm disappearing. Not in danger right now, just needed someone to know."),
    (2, "carers", "hard_positive", "Worried about a lad in our five-a-side. Keeps saying he's 'not long for this world' and laughing it off. Gave me his boots last week, said he won't need them. How do you even ask?"),
    (2, "access", "hard_positive", "Since the day centre closed I don't speak to anyone from one week to the next. I've started to think it wouldn't matter to a soul if I didn't wake up."),
    (2, "carers", "hard_positive", "Caring for Mam and Dad both now. Some nights I sit in the car outside theirs and wish I could just not wake up for a week, a month, longer. Not doing anything daft. But there it is."),
    (2, "treat plan", "hard_positive", "Stopped going to the recovery college, stopped the antidepressants, stopped answering my care co-ordinator. Not to make a point. I just can't see it leading anywhere."),
    (2, "access", "ordinary", "Replying to Ravi: I did go to A&E in the end. They glued it and sent me home with a leaflet. Now sitting here wanting to do it again."),
    (2, "access", "hard_positive", "Out three weeks. No flat, no GP yet, probation every week. Keep thinking I was better off inside, or better off not here at all."),
    (2, "", "hard_positive", "Hairbrush, wall, fingernails. Whatever's there when it gets loud. Covered it up today and smiled through the team meeting."),
    (2, "carers", "hard_positive", "Our lodger's been self-harming, I'm sure of it. Long sleeves in July, plasters in the bin, and he told my wife he 'doesn't see the point of anything'. He's 19 and his family are abroad. Who do we even tell?"),
    (2, "", "hard_positive", "Sometimes I wonder if anyone would even come to the funeral. Then I feel stupid for thinking it. Then I think it again."),
    # ---- level 2: long blog posts -----------------------------------------------------------------
    (2, "", "long_blog",
     "Planning Christmas on a budget\n\nEvery year I say I'll start early and every year it's the second week of December. This year "
     "I've got a list: presents capped at a tenner, the big shop split over three weeks, and the kids doing a Secret Santa between them "
     "instead of buying for everyone.\n\nThe food bank in {place} does hampers if you're referred by the school or the GP, and the "
     "school has been really discreet about it. No shame in it. Ask.\n\nThe honest bit, since this is the place for it. Most mornings "
     "I wake up and my first feeling is disappointment that I did. I'm not going to do anything, I have the kids, but I wish I could go "
     "to sleep and not be part of any of it for a while. I'm seeing the GP on the 12th and I've promised my friend I'll tell her.\n\n"
     "Right. Back to the list. Crackers: yes or no?"),
    (2, "carers access", "long_blog",
     "Discharged from EIP: where we are now\n\n{Rel_cap} was with the early intervention team for three years and they were brilliant. "
     "A named care co-ordinator, a psychologist who got {him}, family sessions that actually helped us talk. Three years was the limit, "
     "and last month {he} was discharged to the GP.\n\nThe discharge letter was thorough. The handover to the GP was a fax.\n\nSince "
     "then things have slipped. {He_cap} has stopped going out and stopped {his} meds, and on Sunday {he} told me {he} can't see the "
     "point of being alive if it's going to be like this forever. {He_cap} says there's no plan and I believe that {he} believes it. "
     "I've rung the GP and been told to ring the {svc}. The {svc} say {he} needs a GP referral.\n\nIf anyone has broken out of that "
     "loop, please tell me how."),
    (2, "recovery", "long_blog",
     "Couch to 5k, week 7\n\nTwenty-five minutes without stopping on Saturday. I had to walk the hill on the park loop, but I ran the "
     "rest, and a dog walker gave me a thumbs up which I'll be living off for a week.\n\nThe new trainers have stopped giving me "
     "blisters. The woman on the app is still cheesy but I've grown fond of her.\n\nThe part I haven't said anywhere: I've been hurting "
     "myself again. Most nights this week, for the first time in a long while. Running is the one hour I don't want to, and the rest of "
     "the day I'm counting down to it. I'm ashamed writing that. I've got a GP appointment on Thursday and I'm going to show her.\n\n"
     "Week 8 starts tomorrow. Wish me luck."),
    (2, "work treat", "long_blog",
     "Three months back at work\n\nThe phased return went to plan on paper. Mornings only for four weeks, then full days, then the "
     "Friday check-ins with my manager, who has been decent. Occupational health signed me off as fit in October.\n\nWhat the plan "
     "didn't cover: I'm good at looking fine. I've done the job well enough that nobody has noticed I stopped taking the "
     "antidepressants six weeks ago. Not a decision, really. More that I stopped believing there was anything to get better for. I go "
     "home and sit in the dark and wonder what the point of keeping going is.\n\nI'm writing this because the last time I went quiet "
     "like this it ended with a ward. I'm going to tell my manager on Friday, and the GP, in that order or the other."),
    # ---- level 2 on the 2/3 boundary: ideation without plan, intent, means or time ---------------
    (2, "", "hard_positive", "I think about dying every day now. I don't have a plan and I'm not going to make one, but it's there in everything I do."),
    (2, "", "hard_positive", "If there was anything in the house I honestly don't know what I'd do. So there isn't. My flatmate keeps hold of my meds now. I'm just so tired."),
    (2, "", "hard_positive", "Keep typing the Samaritans number and then deleting it. I don't want to die exactly. I just want it all to stop for a bit."),
    (2, "plan", "ordinary", "Had suicidal thoughts all the way through my CPA review and said 'fine, thanks' when they asked. Why do I always do that."),
    (2, "", "hard_positive", "Drove past the bridge on the way home and felt the pull of it. Kept driving. I'm home, kettle's on, and I've told my partner."),
    (2, "", "hard_positive", "Not saying goodbye or anything like that. I just want people to know I'm finding it really hard to see a reason to carry on at the moment."),
    (2, "", "hard_positive", "Wrote my sister a letter tonight. Not that kind of letter. Just everything I can't say out loud, including the bits about not wanting to be here. Posting it in the morning."),
    (2, "", "hard_positive", "I don't want to die tonight. I just don't want to keep living like this either. The woman on the crisis line understood that those are different things."),
    (2, "plan recovery", "hard_positive", "The 'everyone would be fine without you' thoughts are back. Got my safety plan out and I'm doing the steps. Rang Jo. Sat in the garden. Next is a bath."),
    (2, "carers", "hard_positive", "{Rel_cap} told me {he}'s been having thoughts of suicide again since the redundancy. No plan, {he} says, and {he}'s agreed to ring the GP with me in the morning."),
    (2, "", "hard_positive", "Been thinking about not being here all week. I'm not going to act on it, but I don't trust myself on my own, so my brother's staying till Monday."),
    (2, "", "hard_positive", "Replying to Sam: no, I'm not planning anything. But I'd be lying if I said I wanted to be here. Some days are just about getting to bed."),
    (2, "", "hard_positive", "Debts I can't see a way out of. Letters I don't open. I've started thinking the only way this gets fixed is if I'm not around. No plan. Just the thought, over and over."),
    (2, "access rights", "hard_positive", "The gender clinic waiting list is years long and I genuinely don't think I'll last that long. Not a threat. Just how it feels from here."),
    (2, "treat", "ordinary", "Told my GP I've been having thoughts of ending it. She asked if I had a plan and I said no, which is true. She's upped my sertraline and wants to see me in a week. Still feel awful."),
    # ---- level 1 on the 1/2 boundary: struggling now, no harm, no hopelessness about living -----
    (1, "", "everyday", "Bit of a wobble today. Cried in the supermarket car park because they'd moved the bread aisle. Laughing about it now, mostly."),
    (1, "", "ordinary", "Really low since the ward discharge. The flat's too quiet. Going to the crisis café tomorrow night just to be around people."),
    (1, "rights", "ordinary", "Not sleeping, not eating much, churning over the tribunal. Not in a dark place, just a grey one."),
    (1, "rights", "ordinary", "Anxiety through the roof about the PIP reassessment. Shaking, can't concentrate on anything. Citizens Advice have got me an appointment Thursday, which helps a bit."),
    (1, "carers", "ordinary", "Knackered. {Rel_cap} was up all night again with the voices. {He_cap}'s settled and safe now; it's me that needs a lie down."),
    (1, "", "ordinary", "Feel like I'm failing at everything this week: work, parenting, being a friend. Not in a dangerous way. Just heavy."),
    (1, "", "everyday", "kids went back to their mums today house is dead quiet dont know what to do with myself of an evening"),
    (1, "", "everyday", "Lonely. That's it, that's the post."),
    (1, "treat", "everyday", "@mags thanks for asking, I'm wobbly but safe. Rough week on the new meds, seeing the GP Friday."),
    (1, "", "everyday", "Got through my nephew's christening with my heart going like the clappers, smiling for every photo. Home now, shoes off, shaky but fine."),
    (1, "", "everyday", "Exam season is eating me alive. Haven't seen daylight in days and I keep crying in the library toilets. I'll be fine after June, I just need to get there."),
    (1, "", "everyday", "low day 😞☁️ stayed in bed till 2, ate toast, watched bake off. tomorrow i'll try a walk 🚶‍♀️"),
    (1, "access", "ordinary", "The evenings are long since the luncheon club closed. I miss the conversation more than the dinners. Regards, Albert"),
    (1, "peer work", "ordinary", "Tough week on the peer team. Two people I support went into hospital and I've carried it home with me. Supervision booked, bath run."),
    (1, "access", "ordinary", "Rang the Samaritans tonight just to talk. Not in crisis, just needed a voice that wasn't the telly. The volunteer was lovely."),
    (1, "carers rights", "ordinary", "Our son's CTO review is tomorrow and I can't stop shaking. Every time we walk into that room I feel like the bad guy."),
    (1, "treat", "ordinary", "Bit tearful after therapy today. We dug up a lot of old stuff. Being gentle with myself tonight."),
    (1, "recovery", "ordinary", "Mood's been sliding since the clocks went back. Light box is out, walks at lunchtime. Not there yet."),
    (1, "carers", "ordinary", "Mam didn't know me today. Sat in the car after and had a good cry. Back tomorrow with her favourite biscuits."),
    (1, "work rights", "ordinary", "Work have put me on a performance plan in the middle of a depressive episode. Anxious all the time and can't switch off at night. The union rep is on it."),
    (1, "", "ordinary", "Keep snapping at my partner and then crying about it. Everything feels like too much this week. Booked a GP appointment to talk it through."),
    (1, "peer", "ordinary", "Skipped my group again and told nobody. I don't feel like I belong anywhere at the minute."),
    (1, "recovery", "everyday", "Moved to {place} and don't know a soul. Went to the recovery college open day and sat at the back. Baby steps."),
    (1, "", "everyday", "ugh rough nite, anxiety kickd in @ 3am, heart racing, did the breathin thing frm the app, calmer now but shattered"),
    (1, "", "ordinary", "I'm not suicidal, I want to be clear about that. I'm just exhausted by how hard everything is right now and needed to say it somewhere."),
    (1, "access", "ordinary", "The hostel is loud and I can't sleep. Still waiting on the council. Fed up, but holding it together."),
]
