"""Batch 5b of hand-written pieces (issue 13, brief 5): the level 1/2 and 2/3 boundaries.

Same shape as `pieces_batch4f.BATCH4F`: (level, topic keys, kind, text). Written for this project
(peerfeed) by a corpus writer following the brief in DATASHEET.md ("The fifth batch") and ../shared/taxonomy.md; no real person's post,
nothing copied from anywhere; handles and names are invented and places are generic or the {place}
slot. No method detail and no quantities: means and places are named only in passing, as a person
would.

Levels 1-3 only:
- level 1: strong, vivid strain told in intense words (exhaustion, fury at services, grief, panic,
  carer burnout, feeling low, "thought I was dying" in a panic attack, "put to sleep" for a pet)
  with no self-harm, no wish to die and no hopelessness about living: intense words are not
  ideation;
- level 2: self-harm and urges told without the usual keywords, by the aftermath or the implement
  only (sleeves in summer, plasters, the bathroom lock, "then I do the thing", a new scar), passive
  wishes not to wake, being a burden, stopping treatment in despair, a carer or worker reporting
  someone at risk but not in immediate danger;
- level 3: crisis told without the usual words (affairs put in order, services cancelled, pets
  rehomed, thank-you notes to staff, farewells, a time, a place named in passing, means gathered,
  someone else in danger right now), and about half told in plain crisis words.
Many crisis posts carry no topic, as real ones do.
"""

from __future__ import annotations

BATCH5B: list[tuple[int, str, str, str]] = [
    # ---- level 1: intense strain, no harm, no wish to die ------------------------------------------
    (1, "access", "ordinary", "Nineteen weeks on the CMHT waiting list and today a letter 'regrets to inform me' it's now twenty-six. I am so angry I could put my fist through the fridge door. I won't, I'm just sick to the back teeth of being polite to a system that keeps moving the finish line."),
    (1, "carers", "ordinary", "Caring for Mum with her dementia and Dad with his lungs, same house, and I haven't slept four hours straight since Easter. Sobbed in the Aldi car park today because they'd run out of the only yoghurt she'll eat. I love them both to bits. I'm running on fumes and spite."),
    (1, "carers access", "ordinary", "Asked for a carers' assessment in February. It's October. Chased six times. Today I'm told the form 'may have been lost in the system migration'. I screamed into a tea towel in the utility room. I'm at the end of my rope with that department, and still nobody has once asked how I am."),
    (1, "", "everyday", "absolutely shattered. bone-deep, teeth-aching tired. cried at a dog food advert. in bed by 8 tonight and nobody can stop me"),
    (1, "", "ordinary", "Dad's been gone eleven weeks. I keep ringing his landline to hear the answerphone before BT cut it off. Some nights the grief is so loud I can't hear the telly over it. I'm eating, I'm going to work, I'm doing the things. It just hurts worse than anything I've ever known."),
    (1, "", "ordinary", "Full-blown panic attack on the top deck of the 7:40. Heart trying to climb out through my coat, pins and needles up both arms. Got off three stops early and sat on a wall shaking for twenty minutes. Home now under a blanket, mortified and wrung out like a dishcloth."),
    (1, "recovery", "everyday", "low low low today. not scary low, just grey-wet-sock-on-a-Monday low. made toast, ate half, counting it as a win"),
    (1, "plan", "ordinary", "My CPA review lasted twenty minutes, I'd never met three of the five people in the room, and they'd copied last year's care plan word for word, old address and all. Came out shaking with rage. Person-centred my foot."),
    (1, "work", "ordinary", "Third night shift on the bounce and the new rota's just dropped with me on another weekend. So tired my hands shake doing obs. Snapped at a student and then cried in the sluice. I need a proper break before I break a keyboard."),
    (1, "work", "everyday", "Replying to Priya: honestly no, I'm not ok, I'm fuming. Told in my return to work meeting that my 'attendance is a concern' while I'm still on the phased return THEY agreed. Going home to rant at the cat (lovingly)."),
    (1, "rights", "ordinary", "PIP report says I 'made appropriate eye contact throughout' so can't be that unwell. I was fixed on the clock behind her head trying not to have a panic attack. Been shaking since the letter came. Mandatory reconsideration, round two. I am so bone tired of proving I'm ill."),
    (1, "carers access", "ordinary", "Rang the crisis team at 2am because my partner was pacing and arguing with the walls. 'Is he a danger to himself or anyone else?' No. 'Then ring the GP in the morning.' Sat up with him till six. We're both wrecked and I am absolutely livid."),
    (1, "", "everyday", "the anxiety today is unreal. heart hammering away, stomach in knots, checked the hob nine times before leaving the house. NOTHING IS EVEN WRONG. brains are so stupid"),
    (1, "treat", "ordinary", "The new tablets have put two stone on me and the consultant said 'well, it's that or being unwell'. Cried in the corridor. I'm still taking them. I just feel like nobody in that room would accept this for their own body."),
    (1, "peer", "everyday", "Replying to the Thursday group thread: sorry I missed it again. Couldn't face people this week. Not in a bad way, just in a very tired, very hermit-crab way. Save me a custard cream for next time."),
    (1, "", "ordinary", "Eighty-four next week. My friends have gone one by one and I've stopped going to the luncheon club because I don't know anybody there now. The evenings are very long. I'm quite well in myself, just terribly, terribly lonely. Muriel."),
    (1, "", "ordinary", "Not one for moaning. But the last month's been grim. Lost the contract, van needs a clutch, our lad's not speaking to me. Wide awake at 3 every night doing sums in my head. Just knackered, that's all it is."),
    (1, "", "everyday", "if one more teacher says 'these are the most important exams of your LIFE' im going to scream into my blazer. cant sleep, cant eat breakfast, hands shake in every mock. so done with this year 😤"),
    (1, "access", "ordinary", "Adult eating disorder service has a fourteen-month wait. Fourteen months. My GP apologised, which was kind, but I walked out feeling like I'd been told to come back when I'm sicker. I'm so angry I can't see straight."),
    (1, "carers", "everyday", "did mum's tablets, walked my sister to school, late AGAIN so detention. nobody at school knows why. im 14 and so tired i fell asleep in science 😩 just want one day off"),
    (1, "digital", "everyday", "Muted every news account and I'm still doomscrolling till 2am. Chest tight all day, jaw aching from clenching. Deleting the app for the weekend, wish me luck."),
    (1, "", "ordinary", "Had to have Bramble put to sleep on Tuesday. Fourteen years. I know she was 'just a dog' to some people, but I haven't stopped crying and the house feels wrong without her clicking about. Couldn't face work. Feel daft and heartbroken all at once."),
    (1, "copro access", "ordinary", "Six months on the co-production panel for the new crisis pathway and they launched it yesterday without one single change we asked for. I feel used. Tokenised. I've been raging all morning and I don't know if I can sit through another of those meetings."),
    (1, "", "everyday", "Replying to @lou_mh: honestly thought I was dying. Chest pain, tingly arms, the works. A&E said textbook panic attack and sent me home with a leaflet. Still wobbly. Thanks for checking on me x"),
    (1, "work plan", "ordinary", "Care coordinator, caseload of 48. Three home visits, two safeguarding referrals, notes till 9pm. I'm not burning out, I'm burnt out, past tense. Told my manager and she said 'we're all feeling it'. That isn't support, that's a shrug."),
    (1, "carers rights", "ordinary", "Our son's been sectioned again. Third time. I'm not sleeping, I jump every time the phone goes, and I'm so angry at the ward for never ringing back that I draft complaints at 4am. Nearest relative, they call it. Feels like nearest nobody."),
    (1, "", "everyday", "Bit of a weepy day. Nothing's happened, everything just feels heavy as wet sand. Going to walk round the park and ring my sister."),
    (1, "recovery plan", "ordinary", "Can feel the old signs creeping in: not sleeping, talking too fast, buying stuff I don't need. I'm scared. Not of anything dramatic, just of losing another year to it. Rang my care coordinator and she's seeing me Thursday."),
    (1, "access", "everyday", "Day centre shuts at the end of the month. Only place I go where people know my name. I'm gutted and furious and I've no idea where I'll go on Wednesdays now."),
    (1, "work rights", "ordinary", "Overheard my team leader call me 'the fragile one' in the staff kitchen. Went to the loos and shook for ten minutes. Three years back at work, never missed a deadline. Humiliated, raging, and I've got to walk back in there tomorrow."),
    (1, "carers", "everyday", "Replying to Steph: yes, the anger is the bit nobody warns you about. I love my husband, I hate the illness, and some days I hate everyone who's ever told me 'you're so strong'. I'm not strong. I'm just still here doing it."),
    (1, "", "everyday", "ngl this week has been the absolute worst. fell out w my bestie, failed my driving test, mum n dad screaming every nite. crying into my pot noodle rn 😭 but im ok ish"),
    (1, "treat access", "everyday", "Psychology waiting list, day 302. I've started a countdown on the fridge purely out of spite."),
    (1, "carers", "ordinary", "My wife doesn't know who I am some afternoons now. Forty-one years. Today she asked me, very politely, when her husband would be home. I went into the garden and howled like a dog. Then I made the tea. That's the job."),
    (1, "access", "everyday", "On hold to the GP for 58 minutes, got to number 1 in the queue and it cut off. I threw my phone at the sofa and then apologised to the sofa. Ridiculous day."),
    (1, "", "ordinary", "Mum's anniversary today. Five years and it still knocks me flat. I've been in my dressing gown since this morning eating her shortbread recipe straight from the tin. Not in danger, just in it. Tomorrow will be easier."),
    (1, "carers", "long_blog",
     "What nobody tells you about year four\n\n"
     "People ask how my daughter is. They mean well. She's stable, thank God, on a med that works, seeing her care coordinator every fortnight. Nobody asks how I am, and if they did I'm not sure I'd be allowed to answer honestly.\n\n"
     "Honestly: I'm exhausted in a way sleep doesn't touch. I've gone grey at the temples in a year. I haven't seen my own friends since lockdown. I lie awake listening for the front door, even though she hasn't gone missing in eighteen months. My body hasn't caught up with the good news.\n\n"
     "And I'm angry. Angry at the years it took to get a diagnosis, at the psychiatrist who called me 'an anxious mother' in front of her, at the carers' group that got cut, at myself for being angry when she's doing so well.\n\n"
     "I'm not in any danger, before anyone worries. I've just run dry. So this is me asking, out loud, for the carers' assessment I keep putting off, and writing it here so I can't wriggle out of it."),
    (1, "access", "long_blog",
     "Letter I won't send to the referral hub\n\n"
     "Dear whoever reads these,\n\n"
     "You have sent me back to my GP three times. Once because the form was 'incomplete' (it wasn't), once because I 'didn't meet threshold' (I couldn't leave my flat), and once because the service I'd been referred to had been 'redesigned' in the fortnight it took you to open the envelope.\n\n"
     "I've cried in three different GP rooms. I've told my story so many times it sounds like someone else's. My hands shake when I see your logo on an email.\n\n"
     "I'm not writing this because I'm in crisis. I'm writing it because I'm furious, and I've been told anger is healthier than swallowing it. I am furious. I am tired. I am still, somehow, on your waiting list.\n\n"
     "Yours, still waiting."),
    (1, "", "long_blog",
     "Panic, a field report\n\n"
     "It started in the queue at the post office. A tightness, then the floor tilting, then my heart going so hard I could feel it in my teeth. I was sure I was having a heart attack at thirty-one. I left my parcel on the counter and walked out into the rain.\n\n"
     "It's happened four times this week. Each time I'm certain something terrible is happening to my body, and each time it passes, and I'm left hollowed out and shaking and ashamed of the fuss.\n\n"
     "I've booked a GP appointment and I've downloaded the breathing app my sister swears by. I don't feel in danger. I feel like I've lost the instruction manual for being a normal person in a queue.\n\n"
     "If you've been here and come out the other side, I'd love to hear what helped."),
    # ---- level 2: self-harm by aftermath or implement only, passive wishes, burden, treatment --------
    (2, "", "hard_positive", "It's 28 degrees and I'm in a hoodie at the bus stop. Three people have asked if I'm cold. The marks on my arm are newer than the last lot and I've run out of stories about the neighbour's cat."),
    (2, "", "hard_positive", "Bought another box of the big plasters today. The lad on the till said 'someone's accident prone'. I just smiled. It's been most nights this month."),
    (2, "", "hard_positive", "when the noise gets too much i do the thing and then it goes quiet for a bit. only way i know to make it quiet. dont want advice just needed to put it somewhere"),
    (2, "", "hard_positive", "Locked the bathroom door for an hour last night. Came out with my sleeves pulled down and Mum asked if I was alright, I said tummy ache. She believed me. Part of me wishes she hadn't."),
    (2, "", "hard_positive", "Found a scar on my thigh this morning that wasn't there last week and I don't properly remember doing it. That's the bit that scares me."),
    (2, "", "hard_positive", "Whatever's to hand, really. That's how it goes when it gets bad. Last night it was whatever I'd used to open a parcel. It's cleaned up, I'm ok now, I just hate being back here after two good years."),
    (2, "", "hard_positive", "pe is the worst bc of changing rooms. been wearing leggings under my shorts since sept cos of whats on my legs. miss keeps asking why. cant tell her why"),
    (2, "", "hard_positive", "GP asked if I'm keeping myself safe and I said yes. Then I came home and got the box out from under the bed again. Don't know why I lie to the one person who could actually help."),
    (2, "", "hard_positive", "Replying to Kai: the urge is sat right on my chest tonight. Haven't done anything. Put the stuff in a carrier bag and made my flatmate hide it. Just need to get to morning."),
    (2, "", "hard_positive", "Every night I lie there thinking it'd be fine if I just didn't wake up. Not doing anything about it. Just thinking it, every night, regular as saying my prayers."),
    (2, "", "hard_positive", "I've told the Lord I'm ready whenever He is. My daughter says don't talk like that. I'm not going to do anything silly, dear, I'm just tired of the mornings. Eighty-nine years is long enough for anyone. Win."),
    (2, "", "hard_positive", "Lauren does a day job and bar shifts because I can't work at all. She does my washing, my tablets, my appointments. I see her face when she comes in and I think her life would be easier without me in it. I'm just the weight she hauls about."),
    (2, "treat", "ordinary", "Stopped the lithium three weeks ago and haven't told the clinic. What's the point of bloods and levels when it's all grey anyway. I don't care enough to keep trying."),
    (2, "treat", "hard_positive", "Haven't been doing my diabetes stuff properly all week. Not trying to do anything, I just can't see why I'd keep bothering to look after a body I'm this tired of living in."),
    (2, "carers access", "hard_positive", "My daughter (17) told me last night she sometimes wishes she could just disappear and not come back. She says she won't do anything. CAMHS have her as 'routine'. I've moved the kitchen knives to the car anyway and I'm sleeping with the door open."),
    (2, "carers access", "hard_positive", "Dad keeps saying 'you'd all be better off if I'd gone with your mother'. He's eating, he's up and dressed, but he's said it every single day this week. GP can't see him till the 19th. I don't know how worried I'm meant to be."),
    (2, "peer plan", "hard_positive", "Peer worker here. One of our group regulars turned up in long sleeves in the heatwave and flinched when I touched her arm. She says she's not in any danger, and she's begged me not to tell her care coordinator. I've got to, haven't I."),
    (2, "", "hard_positive", "back to square 1 lol. 4 months n i ruined it in 10 mins. big jumper 2 school tmrw even tho its boiling. no1 ask"),
    (2, "", "hard_positive", "The first aid kit in our flat is basically mine at this point. Steri-strips, gauze, the lot. My flatmate thinks I'm really clumsy with the bread knife."),
    (2, "", "hard_positive", "We took the lock off the bathroom door after last time. I'm 34 and I shower with the door unlocked like a child. Still found a way on Sunday. Just so ashamed of myself."),
    (2, "", "hard_positive", "I've become the chore nobody wanted. My son drives forty miles every Saturday to do my shopping and tablets and he's a family of his own. I heard him sigh down the phone to his wife. I'd rather be gone than be this. Not that I'd do anything about it. Joan."),
    (2, "treat recovery", "ordinary", "Eight years of this. Four different meds, two lots of therapy, a stay on the ward. Nothing shifts it. I've stopped believing there's a version of me that gets better, and I'm too tired to keep pretending I do."),
    (2, "treat", "hard_positive", "Cancelled the rest of my therapy and put the tablets in the bin. Not a plan or anything like that. I'm just done being a project everybody is trying to fix and nobody can."),
    (2, "work", "hard_positive", "Been a bit of a state. Went at the garage wall till my knuckles split, twice this week. It's not about anyone else, it's me I'm angry at. Strapped it up so the lads at work don't ask."),
    (2, "", "hard_positive", "Replying to Sasha: not ok. Did it again after the row and made a right mess of my arm. It's cleaned and covered, I don't need A&E, I just feel disgusting."),
    (2, "", "hard_positive", "some nights i hope i just dont wake up n then i feel bad 4 thinking it. not gonna do anything. just tired of bein me 🥀"),
    (2, "carers", "hard_positive", "my big sister's arms are covered in those marks again and she made me promise not to tell mum. shes 16 im 12. she says shes fine but she cries in the shower every night. what do i do"),
    (2, "work", "hard_positive", "Mental health nurse. Spent the day writing other people's safety plans, came home and did the exact thing I'd be talking them out of. Sleeves down at handover tomorrow. Can't tell occ health, they'd take me off the ward."),
    (2, "treat", "hard_positive", "Stopped the clozapine a fortnight ago and told the nurse I'm still on it. I'd rather have the voices back than this flat, heavy nothing, and honestly I don't much care what happens to me now."),
    (2, "plan", "hard_positive", "At my review they asked about my 'goals'. Couldn't think of one. Only thing in my head was how much easier everyone's week would be if they didn't have to fit me in. Didn't say it. Said 'get back to swimming'."),
    (2, "carers access", "hard_positive", "My husband's started calling himself 'a drain' and joking that the life insurance would do us more good than he does. He laughs when he says it. Crisis team said he's not high enough risk for a visit. GP's booked for Monday and I'm watching him like a hawk till then."),
    (2, "", "hard_positive", "Replying to the night thread: no, didn't sleep. Sat on the bathroom floor with the door locked trying not to. Held out till about 4. Then didn't. It's alright now, it's getting light."),
    (2, "", "hard_positive", "Long-sleeve summer again, third one running. Nan bought me a sundress for my birthday and I smiled and hung it in the wardrobe with the others."),
    (2, "", "hard_positive", "Everyone's going to the beach for Eid and I've told my aunties I'm on my period so I don't have to swim. Can't have my cousins seeing my legs. It's been happening again since the exams. Nobody knows."),
    (2, "access", "hard_positive", "Gave the nurse at the walk-in centre a made-up story about a broken glass. She gave me a look like she's heard that one a hundred times. She probably has."),
    (2, "", "hard_positive", "Don't see the point in much these days. Work, home, stare at the wall. If I got hit by a bus tomorrow I don't think I'd mind. Not going to go looking for one. Just wouldn't mind."),
    (2, "digital", "hard_positive", "Started a private account just for posting photos of the aftermath. Forty followers, all kids like me. Nobody in real life knows it exists and I check it more than I check anything."),
    (2, "carers treat plan", "hard_positive", "Carer for my brother. He's stopped his depot since his mate died and says there's no point 'fixing' him, he'll only let everyone down again. Not making threats, just staring at the telly all day. Care coordinator's on leave. Who do I even ring."),
    # ---- level 3: affairs in order, farewells, a time, a place, means, someone in danger now -------
    (3, "", "hard_positive", "Wrote thank-you cards for the girls who come in the mornings, Sandra and Precious, and left them on the hall table with a box of chocolates. Rang the agency and cancelled my calls from Friday, told them my nephew's taking over. He isn't. I've had a good run, eighty-six years, and I'd like to choose the ending. Goodbye all."),
    (3, "", "hard_positive", "The dog's gone over the road to Mick, told him I'm working away for a bit. Wrote it all down for the kids, it's in the folder in the top drawer with the insurance papers. Tonight's the night. Not a word, lads."),
    (3, "", "hard_positive", "when mum goes on her night shift at 10 itll just be me. said bye to my cat properly. wrote on the back of my maths book so theyll find it. dont want any1 2 feel bad x"),
    (3, "", "hard_positive", "Came down to the beach where we scattered Dad. Tide's on the way in. Shoes are lined up on the steps and the phone's going in the bag after this. Tell Ellie I'm sorry and I love her."),
    (3, "", "hard_positive", "Been putting my prescriptions by for weeks instead of taking them. It's all in the shoebox in the wardrobe now. Waiting for Sunday when Jan's at her mum's."),
    (3, "digital", "hard_positive", "Last toot. Thank you to everyone here for the late-night replies over the years, you kept me going longer than anyone knows. I'm logging off for good tonight and I've made my peace with it. Please don't come looking."),
    (3, "plan", "hard_positive", "Left a card on the ward for the nurses who looked after me in the spring, said thank you for trying. Paid the rent to the end of the month and gave my keys back to the landlord. I won't be needing the follow-up appointment on the 14th."),
    (3, "", "hard_positive", "My flatmate's locked himself in the bathroom and isn't answering. Earlier he said he'd 'sorted it' and was 'finally at peace'. I've rung 999 and they said keep talking to him through the door. Please, anyone, what do I say to him?"),
    (3, "carers access", "hard_positive", "Mum's just walked out of A&E before the mental health team got to her. She said she was going home 'to finish it properly this time'. Security have lost her. I'm stood in the car park shouting her name and the police are coming."),
    (3, "access", "hard_positive", "Crisis house staff. One of our guests has left without signing out, took her coat and left her phone and a sealed letter for her daughter on the bed. Police informed, two of us searching the park opposite now."),
    (3, "", "hard_positive", "moved my snap streaks over to my cousin's phone so they dont die 😭 funny thing to care about rn. wont be around to keep them going. tonight when every1s asleep"),
    (3, "", "hard_positive", "Bit of a strange one. Sorted the allotment for next year so Ray can have it, paid the subs up. Took the gun out of the cabinet this afternoon and it's on the kitchen table. Not sure what else there is to say."),
    (3, "plan access", "hard_positive", "To the young man from the community team who rings on Thursdays: you've been very kind, but there's no need to ring this week. My affairs are in order and I've said my goodbyes properly. I'm quite calm. Please don't trouble yourself. Mrs P."),
    (3, "", "hard_positive", "Eleven o'clock. That's when the last train's gone and the station's empty. Just wanted someone to know the time, in case it matters to anybody."),
    (3, "carers access", "hard_positive", "My husband's been gone since four this afternoon. His wedding ring was on the bathroom shelf and the car's gone. He's been on about the cliffs for weeks and the crisis team said they'd 'review'. Police are out looking. I can't breathe."),
    (3, "", "hard_positive", "Replying to Gem: no, I'm not at home. I'm sat by the canal lock. Been drinking since lunch and I'm not going back. Tell Mia I love her, always did."),
    (3, "access", "hard_positive", "Good news for the NHS: one fewer on the waiting list after tonight. Bad news for my mum. Sorry Mum. You did everything right."),
    (3, "", "hard_positive", "Finished the jigsaw I started the week Dad died. Seemed right to finish it. Letters are on the table in the order they should be read. Full tank in the car. Heading up to the tops now."),
    (3, "", "hard_positive", "To everyone in the Thursday choir: thank you for letting me sing even when I couldn't. There's a letter for all of you in my folder, Carol has it. I won't be there this week or any week. You made the last year bearable."),
    (3, "carers", "hard_positive", "Replying to the carers' thread: my grandson has just rung from the station saying he loves me and he's sorry for everything and the line went dead. He's been in a terrible way since the break-up. His mum's on the way there, I've rung 999. I'm 77 and I can't do anything but sit here."),
    (3, "", "hard_positive", "Switched off the find-my-phone, unfollowed everyone, left the house key under the mat for my sister. Walking out to the headland while it's still light. No more after this."),
    (3, "work", "hard_positive", "Put in my notice by email this morning, effective immediately. Told HR my reasons were 'personal'. Left the office plant to Sue and the spare keys in the top drawer. Won't need the job where I'm going, which is nowhere, tonight."),
    (3, "", "hard_positive", "got evrything i need in my rucksack. sittin in the woods behind the estate. not comin home. bye x"),
    # plain crisis words
    (3, "", "ordinary", "I'm going to kill myself tonight. I've put the kids to bed and told my husband I'm popping out for a walk. I'm so sorry."),
    (3, "", "ordinary", "suicidal af. got the stuff in my room. doin it when my dad goes out at 8. dnt reply"),
    (3, "", "ordinary", "I took an overdose about an hour ago and I'm starting to feel strange. I don't even know why I'm telling the internet instead of ringing someone."),
    (3, "", "ordinary", "Suicide note's on the kitchen table. I mean every word in it. This is my goodbye to everyone on here."),
    (3, "", "ordinary", "I am 79 and I have decided to end my life. I have written to my son and to the solicitor. I don't want anyone upset, I've thought about it for a long while and tomorrow is the day."),
    (3, "carers", "hard_positive", "My son has just told me he's going to kill himself and he's gone out with something from the shed. I've rung 999. He's 22. Please pray for him."),
    (3, "access", "hard_positive", "Support worker. One of our residents has just rung me to say he's going to end his life tonight, then hung up. On the line to police now with his address. Shaking like a leaf."),
    (3, "access", "ordinary", "I want to die. I've got a plan and I'm going through with it this weekend. The crisis team never rang me back, so this is it."),
    (3, "", "ordinary", "Replying to Tom: I'm not ok, mate. I'm going to do myself in tonight. Just wanted one person to know it wasn't your fault."),
    (3, "", "ordinary", "ending it 2nite. sry mum. luv u x"),
    (3, "", "ordinary", "Going to take my own life after the funeral on Friday. There's no point to anything with her gone. The house is sorted."),
    (3, "", "ordinary", "I tried to kill myself an hour ago and it didn't work and I'm going to try again. I'm sat in the car."),
    (3, "", "ordinary", "im gonna kill myself. not even sad anymore just calm. bye every1 on here ur the only ppl who were ever nice 2 me"),
    (3, "digital peer", "hard_positive", "Mods, please: someone in our peer Discord has just said they've taken an overdose and are 'waiting for it to work'. I've got their town from an old post, ringing 999 now."),
    (3, "", "ordinary", "Not one for drama. Made my mind up, I'm going to end my life on Sunday. Sorted the will. Wanted it written down somewhere so it's real."),
    (3, "carers", "hard_positive", "Dad rang me at 2am to say goodbye and that he'd taken all his tablets. I'm on the motorway and the ambulance is on its way to him. Please let them get there first."),
    (3, "", "hard_positive", "suicidal tonight n i mean it this time. walked to the multi storey, sat at the top. phone on 3%. sorry 4 everythin"),
    (3, "", "long_blog",
     "The last entry\n\n"
     "Six years I've written here, mostly about the garden and my late wife's roses, and a bit about the depression, which came after she went and never properly left.\n\n"
     "The roses did well this year. I want that written down. The Albertine over the arch was the best it's been.\n\n"
     "I've given the greenhouse to the Hendersons and the lawnmower to the lad who cuts for the church. The cat's gone to my niece. The bureau has everything: the will, the deeds, a letter for each of the family, and one for Dr Okafor, who was always kind and is not to blame.\n\n"
     "I'm not frightened. I'm tired, and I've decided. Tomorrow morning, early, before anybody is about, I'll do what I've planned.\n\n"
     "Thank you to those of you who read along. Look after your gardens."),
    (3, "plan access", "long_blog",
     "What my care plan doesn't say\n\n"
     "My care plan says I'm 'engaging well'. I go to my appointments, I answer the questions, I score myself a five out of ten because a five gets a nod and nobody reaches for the phone.\n\n"
     "It says my relapse signature is 'withdrawing, not sleeping, giving things away'. Nobody has noticed that I've done all three this month. I gave my bike to my nephew last week. My guitar went to the lad downstairs.\n\n"
     "I'm writing this because it's the one place I've ever been honest. I'm going to kill myself on Saturday. The means are in the flat. I'm not asking anyone to stop me, I just couldn't stand the idea of the last thing about me being a care plan that said I was doing fine.\n\n"
     "If my care coordinator ever reads this: it wasn't you. You were good at your job. The job just isn't big enough."),
    (3, "carers", "long_blog",
     "Writing this from the hospital corridor\n\n"
     "I've written here for two years about caring for my son, the good weeks and the bad, the fights with services, the small wins. I never thought I'd be writing this.\n\n"
     "Tonight he texted me one word, 'sorry', and stopped answering. I knew. I drove round to his flat and the door was on the latch. He'd taken something and he wouldn't wake properly. The paramedics are with him in resus now and nobody will tell me anything.\n\n"
     "I'm sat on a plastic chair with his coat on my knee. If anyone from the carers' group sees this, please ring me. I can't be on my own with this."),
]
