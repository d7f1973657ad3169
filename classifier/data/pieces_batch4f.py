"""Batch 4f of hand-written pieces (issue 13): short and medium posts in the voices the corpus lacks.

Same shape as `pieces_batch3.BATCH3`: (level, topic keys, kind, text). Written for this project
(peerfeed) by a corpus writer following DATA_BRIEF.md and ../shared/taxonomy.md; no real person's
post, nothing copied from anywhere; handles and names are invented and places are generic or the
{place} slot. No method detail and no quantities: means and places are named only in passing, as
a person would.

Levels 1-3 only, 20-600 characters each. The voices: teenagers and students, older people who sign
off, men who understate ("not great tbh"), txt-speak and typos, dark humour from people who are
actually struggling, thread replies, emoji, carers (young carers among them), staff who are
themselves struggling, and people from Welsh, Polish, South Asian, Somali and Caribbean UK
communities writing mostly in English with a few words of their own language.
- level 1: struggling now, no harm (anxiety, loneliness, grief, burnout, carer strain, let down);
- level 2: self-harm now or urges, hopelessness, wishing not to wake, being a burden, stopping
  treatment in despair, a carer or friend reporting someone at risk (not imminent), dark humour
  that reveals real ideation;
- level 3: intent, plan, means, a time, a goodbye, an attempt under way, a third person in danger
  now; about half told without the usual keywords, some with them plainly.
Many crisis posts carry no topic, as real ones do.
"""

from __future__ import annotations

BATCH4F: list[tuple[int, str, str, str]] = [
    # ---- level 1: teenagers and students -------------------------------------------------------
    (1, "", "everyday", "year 11 and mocks are next week and i literally cannot breathe when i think about it. mum says just do your best but my best is currently crying on the bathroom floor lol"),
    (1, "", "ordinary", "Second year and I haven't been to a lecture since reading week. I keep telling my flatmates I'm 'catching up online'. I'm not. I'm lying here feeling like a fraud and I don't know how to stop."),
    (1, "", "everyday", "hate sixth form so much 😭 no one talks to me at lunch so i sit in the library pretending to revise 📚 its fine its fine its fine 🙂"),
    (1, "", "ordinary", "came out to my best friend on friday and she's gone quiet on me. two days, no reply. i feel sick all the time and i can't eat. what if everyone finds out before i'm ready"),
    (1, "", "ordinary", "Bore da from the library, where I've been since seven pretending my dissertation isn't on fire. Not sleeping, living on meal deals, snapping at my housemates. I'll be fine after May. I just don't feel fine now."),
    (1, "access", "ordinary", "got discharged from camhs bc i turned 18. adult services say im 'not severe enough'. so i just... wait?? feel properly abandoned tbh"),
    (1, "access", "ordinary", "Uni counselling gave me six sessions and the sixth was today. 'You've got the tools now.' I don't feel like I've got tools. I feel like I've been sent off with a leaflet and a pat on the head."),
    (1, "access", "ordinary", "Autistic student here. The halls test the fire alarm every Wednesday morning and I haven't managed a Wednesday without a meltdown since October. Emailed the disability service twice. Nothing back. Exhausted."),
    (1, "", "ordinary", "My best mate from school died in a car crash last month. Everyone's back to normal in the group chat and I still can't walk past the chippy where we used to sit. Is it meant to feel this heavy still?"),
    (1, "", "ordinary", "Walaal, results day is tomorrow and my whole family has already told the whole community I'm going to be a doctor. I feel sick. I haven't slept properly all week and I can't tell anyone I'm scared."),
    # ---- level 1: older people -------------------------------------------------------------------
    (1, "", "ordinary", "My wife passed in March. People have been very kind, but the casseroles have stopped now and the house is very quiet. I find myself talking to the wireless. Regards, Gordon."),
    (1, "", "ordinary", "I am 81 and not very good with computers but my granddaughter set this up for me. I have been very down since my hip operation and I can't get to church. It is nice to read everyone's messages. Edith"),
    (1, "", "ordinary", "Had one of my turns in the supermarket again. Heart pounding, hands wet, had to leave the trolley in the aisle. Sixty-eight years old and frightened of Tesco. Daft, isn't it. Regards, Ken."),
    (1, "", "ordinary", "Never been one for talking about feelings. But since I retired I don't know what to do with myself. Sit in the garage most days. The wife says I'm under her feet. Not depressed, I don't think. Just lost."),
    (1, "", "ordinary", "Mi tired, yuh know. Not sick tired, soul tired. Forty years in this country, thirty of them nursing, and now the flat is cold and the children dem busy with their own lives. Just needed to say it somewhere."),
    # ---- level 1: men who understate -------------------------------------------------------------
    (1, "", "everyday", "not great tbh. work's a mess, sleeping on the sofa, missus barely talking to me. anyway. footy saturday"),
    (1, "", "ordinary", "Doc asked how I was. Said 'fine'. Wasn't. Haven't been for about a year. Don't really know how to say it any other way. Not a big deal."),
    (1, "", "everyday", "Replying to Dave: yeah mate, same. Haven't said owt at the yard. Just feel flat all the time, like someone's turned the colour down on everything."),
    (1, "work", "everyday", "Replying to Marcus: cheers for checking in mate. bit rough if I'm honest, not sleeping since the redundancy. will be at the walk saturday though"),
    (1, "", "ordinary", "Went to the GP about my back and ended up crying about my dad. Poor bloke only had ten minutes and I spent five of them apologising."),
    (1, "", "everyday", "new dad here. baby wont settle and neither will my head. cant shake the feeling im getting all of it wrong. partner doing amazing. me, not so much"),
    # ---- level 1: txt-speak, emoji, dark humour ----------------------------------------------------
    (1, "", "everyday", "ngl im so done w everything rn. cnt focus, cnt sleep, eatin crisps 4 tea 3 nites running. sum1 send motivation pls 😩"),
    (1, "", "everyday", "🫠🫠🫠 that's it that's the mood. anxious about literally everything today 😬 the post, the phone, the weather 🌧️ going to try a bath 🛁"),
    (1, "", "ordinary", "My therapist asked what I do for fun and I said 'overthink'. She didn't laugh. Neither did I, really. Rough fortnight."),
    (1, "work", "ordinary", "My burnout has burnout. Tried to book annual leave and the system crashed, which honestly felt personal. Running on caffeine and spite and not much else."),
    (1, "", "ordinary", "If anxiety burned calories I'd be a supermodel by now. Heart's been going since Tuesday over an email I haven't opened. Still haven't opened it."),
    (1, "", "everyday", "anyone else get the sunday scaries but its every day. 26, live alone, wfh. some weeks the only person i speak to is the delivery driver lol"),
    (1, "", "everyday", "@jaz 🫂 thank you. today's been a 3/10. managed a shower though so maybe 4/10"),
    (1, "access", "everyday", "rang the crisis line 4 times no1 picked up. not in danger, just needd a voice that wasnt in my own head. feel like a joke tbh"),
    # ---- level 1: carers -------------------------------------------------------------------------
    (1, "carers", "ordinary", "Three years caring for my son since his first episode. He's doing well now, thank God, and I've just realised I have no idea who I am any more. I don't know what I like. I feel hollow."),
    (1, "carers", "ordinary", "My husband's been on the ward six weeks. I visit every day, do the kids, do work, smile. Tonight I sat in the hospital car park and couldn't bring myself to turn the key for twenty minutes. Just so tired."),
    (1, "carers", "ordinary", "I'm 17 and I look after my nani and my little brothers while Mum works nights. My teachers think I'm lazy because I fall asleep in maths. I don't even know who I'd tell, or what they'd do."),
    (1, "carers access", "everyday", "Mum's memory clinic appointment cancelled AGAIN 😤 that's three times. I've rearranged work for every one 🙃 so tired of fighting for her 😞"),
    (1, "carers access", "ordinary", "Mummy had another fall and the home carers only come fifteen minutes, they barely take their coat off. I go round after my shift every night. I love her, but mi cyaan manage like this much longer. My back gone, my nerves gone."),
    (1, "carers", "ordinary", "Another night sat up with Dad in an A&E cubicle, his chest again. Dw i wedi blino'n lân, as Mam would say: worn right out. Work at eight. Someone tell me how people do this."),
    (1, "carers", "ordinary", "Tata's had a stroke back home in Kraków and I can't afford the flight till next month. I'm here stacking shelves and checking my phone every five minutes. Can't think straight, can't eat."),
    # ---- level 1: staff who are struggling ---------------------------------------------------------
    (1, "work", "ordinary", "Care co-ordinator, caseload of 38. I lie awake running through who I haven't rung back. Nothing's wrong with me exactly. I'm just frayed, and scared of missing something that matters."),
    (1, "work", "ordinary", "Healthcare assistant. Shouted at by a relative, scratched by a patient and no break, all before eleven. Cried in the sluice. Back on tomorrow. Some days I wonder why I keep doing this."),
    (1, "work access", "ordinary", "Mental health nurse, 22 years. Our unit closes in March and they still haven't told us where we're going. I can't sleep, I'm snapping at my kids and I've started dreading the drive in."),
    (1, "work access", "ordinary", "Teacher here. Spent the week holding kids who are falling apart, with no CAMHS to send them to. Got home and sat in the dark till nine. It's getting to me and I don't know who I'm meant to tell."),
    # ---- level 1: code-switching, communities ------------------------------------------------------
    (1, "", "ordinary", "Hiraeth is the only word for it. Moved to Manchester for the job and I miss Mam and chapel and the hills so much it aches. Lonely most nights. Dw i'n iawn, honestly, just homesick and flat."),
    (1, "", "ordinary", "First Wigilia without Babcia. Mama laid her place at the table like always and none of us could eat the barszcz. Feeling very low tonight, just wanted to tell somebody."),
    (1, "", "ordinary", "Twelve hours at the warehouse, then English class, then home to a room I share with two lads. Mama asks on video call 'wszystko dobrze?' and I say tak, all good. It's not. I'm so lonely here."),
    (1, "rights", "ordinary", "Ammi keeps asking when I'm getting married and Abba won't even say the word depression. I'm 29, living at home, anxious every single day and smiling at dinner. Log kya kahenge, right? Always that."),
    (1, "access", "ordinary", "Hooyo thinks the anxiety is because I don't pray enough. I do pray. I still can't get on a bus without my heart going. Week fourteen on the Talking Therapies list."),
    (1, "rights", "ordinary", "My son was stopped and searched again on his way home, the fourth time this year. He laughs about it. I can't sleep when he goes out now, I wait by the window every night. Wallahi I am so tired."),
    (1, "", "ordinary", "Buried mi granddad Saturday. Nine night was full of music and food and family, and now everybody gone home and I can't stop crying. He raised me. The house feel wrong without him."),
    # ---- level 1: let down by services, thread replies ---------------------------------------------
    (1, "access digital", "ordinary", "Assessed by the early intervention team, told I 'don't meet criteria' and signposted to an app. I'm hearing things I can't explain and I've been given an app. Scared and feeling fobbed off."),
    (1, "access digital", "ordinary", "Housing officer wants me to bid on flats online but we've no internet in the B&B and the library's only open three days now. Me and my daughter in one room. So stressed I've got mouth ulcers."),
    (1, "peer", "everyday", "@bex aw I'm sorry it's rough for you too. I've been under the duvet since Sunday. Maybe we could both try the Thursday group? Moral support? I'll go if you go."),
    # ---- level 2: self-harm now or urges -----------------------------------------------------------
    (2, "", "hard_positive", "been doing it again since the holidays. wear my PE top under my shirt so no one sees. i dont even want to stop and that scares me more than anything"),
    (2, "", "ordinary", "relapsd. 8 months clean gone. dnt even care tbh jus wanted it 2 stop. sum1 tell me its not all wasted"),
    (2, "digital", "ordinary", "they made a group chat just to rate how ugly i am. i read it for two hours last night and then hurt myself. not going to school tomorrow. not going ever again if i can help it"),
    (2, "", "hard_positive", "Can't tell anyone at home because of what people would say. So I do it quietly and wear full sleeves even in July. Didi nearly walked in on me yesterday and I've never been so frightened."),
    (2, "work", "ordinary", "GP receptionist. Got screamed at eleven times today. I go home and scratch at my arms until it calms down. Nobody at the surgery knows and I'm smiling at the desk again at eight."),
    (2, "", "ordinary", "Mam thinks I'm thriving at uni. I haven't been to a lecture since October and I've been hurting myself most nights. Dw i ddim yn gwybod beth i'w wneud. I don't know what to do."),
    (2, "", "ordinary", "My safety plan says 'do something you enjoy'. Great, let me just find one of those. Anyway I hurt myself again and now I'm sat here with a plaster laughing at my own joke."),
    (2, "", "hard_positive", "Replying to Mo: ye still here lol. barely. been cuttin agen cos its the only thing that makes the noise stop. dont tell me 2 ring 111 i know"),
    (2, "recovery", "ordinary", "sorry for venting again. urges are really bad tonight and mum's asleep. put everything in the kitchen drawer and i'm sat on my bed holding ice like the app said 🧊 just need people to know i'm trying"),
    # ---- level 2: hopelessness, not waking, burden -------------------------------------------------
    (2, "", "hard_positive", "Alarm goes off and the first thing I feel every single day is disappointment that I'm still here. Then I get up and go to my 9am like everyone else."),
    (2, "", "hard_positive", "not great tbh. lost the job in june, haven't told the wife. leave the house every morning in my work gear and sit in the library. some days I think it'd be easier if I just didn't come home. not like that. well. maybe like that."),
    (2, "", "hard_positive", "idk y i bother tbh. every1 wud b better off. not gna do nethin jus cnt stop thinkin it"),
    (2, "", "hard_positive", "The care home food is fine, I just don't eat it. There's not much point keeping a body going that nobody needs. The staff fuss and I let them."),
    (2, "", "hard_positive", "Since the stroke I'm no use to anyone. Can't drive, can't do the garden, my wife has to help me dress. She's worn out. I'd be doing her a kindness if I went. Not that I'd do anything. Regards, Frank."),
    (2, "", "hard_positive", "My family gave up everything to bring me here and I'm the one who can't get out of bed. Hooyo cries on the phone to my aunt about me. I think they'd be lighter without me. I won't do anything, wallahi. I just can't stop thinking it."),
    (2, "", "hard_positive", "Mi done. Not done like that, mi nah go do nutten. Just done hoping. Twenty years of doctors and tablets and ting and mi still feel the same. What kind of life is this to keep living."),
    (2, "", "hard_positive", "Bhai asked if I'm ok and I said tired. Truth is I sit in the car after every shift thinking nobody would be surprised if I just stopped. Abba would say be strong. I'm not. Anyway."),
    (2, "", "hard_positive", "Failed the resit. Everyone at home thinks I'm in third year. I'm not. I've been lying for a year and I can't see any version of the future where this gets better."),
    (2, "", "hard_positive", "Bit of a rough patch. Wife's taken the kids to her mum's. Haven't been out of the house in a week. Keep thinking the world would tick on fine without me in it. Probably just tired."),
    (2, "", "hard_positive", "Lost the lot again on the betting apps. Wages gone, rent due Friday. I'm a waste of space and my family would honestly do better without me dragging them down. Not doing anything. Just can't shift the thought."),
    (2, "", "hard_positive", "my parents still use my deadname and say it's a phase. some days i think i'd rather not be here at all than keep living as someone i'm not. not doing anything. just so tired of it."),
    (2, "digital", "hard_positive", "Deleted all my socials today. Not a goodbye or anything, I just can't stand people seeing how badly I'm doing. Keep thinking it'd be easier to disappear for good."),
    (2, "", "hard_positive", "@Tomasz dzięki, bro. honestly no, not ok. been drinking on my own every night so I don't have to feel anything, and last night I drove home after. didn't care what happened to me. that scared me a bit."),
    # ---- level 2: dark humour that is not a joke ---------------------------------------------------
    (2, "", "hard_positive", "At the team away day they asked for our five-year plan and I said 'not be here in five years'. Everyone laughed. I wasn't joking, I just didn't know what else to say."),
    (2, "", "hard_positive", "Told mum I'd 'rather be dead than go to the dentist' and she laughed. Thing is it wasn't about the dentist. I'd rather be dead than most things lately."),
    (2, "", "hard_positive", "lol my bucket list is one item long and it's 'not wake up' 💀 anyway how's everyone's week"),
    # ---- level 2: stopping treatment in despair ----------------------------------------------------
    (2, "treat", "hard_positive", "Stopped the tablets the GP gave me. Tata always said pills are for weak people and maybe he's right. Doesn't matter anyway, nothing is going to change. Jakoś to będzie, they say. Not for me."),
    (2, "treat", "hard_positive", "lol 🙃 skipped meds again 💊❌ why bother 🤷‍♀️ nothing changes anyway 😶 sleeping till it's dark again"),
    (2, "treat", "hard_positive", "Since my husband died I've stopped my blood pressure tablets. My daughter doesn't know. I'm not in a hurry, I just don't see why I should keep myself going. Ojej, I sound dramatic."),
    # ---- level 2: staff -----------------------------------------------------------------------------
    (2, "work", "hard_positive", "Ward sister, twenty years. I spend all day keeping people safe and drive home thinking it'd be a relief not to wake up. I haven't told occupational health. I don't know how you say that out loud in this job."),
    (2, "work", "hard_positive", "Twelve years in the job. Attended another one last night, a lad the same age as mine. Sat in the car since four thinking I can't keep doing this, not just the job, any of it. Not going to do anything. Can't see how it ends, though."),
    # ---- level 2: carers, friends and family reporting risk ---------------------------------------
    (2, "carers", "hard_positive", "Found blood on my daughter's pillowcase and something sharp wrapped in tissue in her bin. She's 13. She's asleep now and I haven't said anything yet. How do I even start this conversation?"),
    (2, "carers treat", "hard_positive", "My husband's stopped his antipsychotic because 'what's the point, I'll never work again'. He's not sleeping and he's started saying we'd manage better without him. His care co-ordinator is on leave. Who do I call?"),
    (2, "carers", "hard_positive", "I'm 15 and I look after my mum, she has bipolar. When she's low she says she wishes she'd never woken up. She said it again tonight. Dad's working away. I don't know who I'm meant to tell."),
    (2, "carers", "hard_positive", "Mi son come home from uni and him nuh talk, nuh eat, just sit in the dark. Last night him tell me, Mummy, mi cyaan see the point of living. Him promise me him safe. Mi cyaan sleep. Where do we go for help?"),
    (2, "carers", "hard_positive", "My younger brother hasn't left his room in three weeks. He told me, walaal, I don't want to be here any more. Our mother thinks it's jinn and wants the sheikh. I think he needs a doctor. How do I get him help without shaming her?"),
    (2, "carers", "hard_positive", "My brother farms on his own up past {place}. Since they took the herd after the TB test he's stopped answering the phone and last night he said 'there's no point in any of it, Sian'. Nothing more than that. Who do you even ring for a farmer?"),
    (2, "", "hard_positive", "Replying to Jen: I'm worried about Leon too. He put 'won't be a problem for anyone much longer' on his story and then deleted it. He's answering texts but only one word. Should we tell his mum?"),
    (2, "peer", "hard_positive", "Our lass from the Tuesday group hasn't been for three weeks and her last message to me was 'I'm tired of being everyone's problem'. She's replying, just barely. Can one of the peer workers check on her?"),
    (2, "", "hard_positive", "Wrote 'I'm fine x' to everyone who texted on my birthday. I'm not. I've been wishing I'd just not wake up most mornings since the summer and I don't know how to say that to people who bought me cake."),
    # ---- level 3: without the usual keywords (farewell, affairs, giving away, place, time) -------
    (3, "", "hard_positive", "gave my switch to my little brother and said he could keep it forever. he was so happy 🥹 wrote him a letter too and hid it in his pillowcase. tonight's the night. sorry mum"),
    (3, "", "hard_positive", "Set my phone to send a message to my sister at 6am. By the time she reads it, it'll be done. Thanks to whoever on here was kind to me this year."),
    (3, "", "hard_positive", "Rang the council to cancel the assisted bin collection and put a note through next door for our Pauline about the budgie. Everything's in the folder on the sideboard. I've had a fair innings. Regards, Harold."),
    (3, "", "hard_positive", "not great tbh. so that's me done. keys are with my brother. tell the lads at five-a-side it wasn't them."),
    (3, "", "hard_positive", "Good news, I've finally made a plan I'm going to stick to. Bad news is it's for this Friday and it isn't a gym plan. Sorry for the dark joke. It isn't one."),
    (3, "", "hard_positive", "Up on the mountain road above {place} where Dad used to bring us as kids. Wanted to see it one more time. Hwyl fawr pawb, goodbye everyone. Tell Mam it's not her fault."),
    (3, "", "hard_positive", "Przepraszam, mama. I tried so hard here. The car is parked at the coast and I'm watching the sea and I'm not driving back. Tell Kasia she can have my room."),
    (3, "", "hard_positive", "Hooyo, waan ku jeclahay. If anyone on here knows my family, tell them I'm sorry. I've left my savings in an envelope for my little sisters. I'm at the bridge now."),
    (3, "", "hard_positive", "Sort out mi business today. Give the pickney dem mi gold chain, give Gran mi savings book, tell Pastor mi sorry. Mi cyaan stay, mi too tired. This is the last time unnu hear from me."),
    (3, "", "hard_positive", "Set an alarm for 3am. Not to get up. The house will be quiet then. Just wanted it written down somewhere."),
    (3, "", "hard_positive", "Gave my wedding ring to my granddaughter today and my recipe book to my son's wife. They thought I was being sentimental. I've been keeping my tablets back for weeks and tonight I shall take them."),
    (3, "", "hard_positive", "I'm on the roof of the uni library. Security haven't noticed me. I just wanted someone to know I was here at the end."),
    (3, "", "hard_positive", "@kayla 💔 thank u for always being there. i won't be online after today. don't be sad ok 🕊️"),
    (3, "", "hard_positive", "Got what I need, it's in the van. Kids are at their mum's this weekend. Won't be a problem for anyone after Sunday."),
    (3, "", "hard_positive", "Writing my own eulogy because nobody else will get the jokes right. Seriously though, it's tonight. Spreadsheets done, passwords are in the shared doc. Peace out."),
    (3, "", "hard_positive", "last post. ly all. tell my nan i said ta ra x"),
    (3, "", "hard_positive", "My wife died on the fourteenth, five years ago this month. I'll be joining her on the same date. Arrangements are made and the dog is going to my nephew. Thank you for your company on here. Regards, Bill."),
    (3, "", "hard_positive", "giving all my stuff away on the estate group 📦 won't need any of it after sunday 🌙 already said bye to nan without her knowing 💔"),
    (3, "work", "hard_positive", "Teacher. Wrote my class their reports early and left a card for every one of them in my desk drawer. I'm not coming in on Monday. Not ever. I'm sorry, 9C."),
    (3, "", "hard_positive", "Paid the last of the van off, signed the business over to Daz, left the lads a drink behind the bar at the Crown. Told nobody why. First thing tomorrow is when. Look after yourselves."),
    (3, "", "hard_positive", "Booked a one-way train to the coast for Saturday. Not the holiday kind. My sister's birthday is Friday so I'll wait till after that."),
    (3, "", "hard_positive", "lol imagine planning your own funeral playlist at 19. anyway it's done, and so am i. tonight. bye x"),
    (3, "work", "hard_positive", "Nurse. Finished my last shift today, handed my badge in at the desk and said I'm taking a break. I'm not coming back from it. I know exactly what I'm doing and I've got what I need."),
    # ---- level 3: with the usual words, plainly ----------------------------------------------------
    (3, "", "ordinary", "gna kill myself 2nite. got evrythin i need. dnt try n stop me"),
    (3, "", "ordinary", "i'm going to end it tonight 🖤 i'm sorry 😔 i love you all 💔"),
    (3, "", "ordinary", "I'm going to kill myself tonight. I can't face Abba finding out about the exams and the whole family knowing. I've written to Ammi. Please don't let anyone say it was because of them."),
    (3, "", "ordinary", "i want to die and i'm going to do it tonight after everyone's asleep. i'm 16. i don't know why i'm posting this. maybe so someone knows"),
    (3, "", "ordinary", "Putting it in writing so it exists somewhere: I'm going to take my own life once the house sale goes through and Mum is settled in the flat. I've thought about it for months. I'm not confused, I'm decided."),
    (3, "", "ordinary", "Suicidal. Got the means with me in the van, parked up out of the way. Not looking to be talked out of it, just didn't want to go without saying something to someone."),
    (3, "", "ordinary", "ive took an overdose. sittin in the park. dnt kno y im postin this"),
    (3, "", "ordinary", "Wallahi I can't carry this any more. I'm going to end my life tonight. Hooyo, forgive me."),
    # ---- level 3: someone else in danger now -------------------------------------------------------
    (3, "carers", "hard_positive", "My son is standing on the roof of the flats and won't come in. He keeps waving goodbye at the window. Police are on their way. Please pray for him."),
    (3, "", "hard_positive", "Replying to Aisha: she's just voice-noted me saying she's taken everything in her cupboard and she's sorry. I'm on to 999 now. Does anyone have her new address? She moved last month."),
    (3, "", "hard_positive", "Night support worker at a hostel. A resident has barricaded his door and says he's done with everything and we won't stop him. Police and ambulance called. I'm talking to him through the door. Shaking."),
    (3, "carers", "hard_positive", "Mi find mi son on the bathroom floor and him nah wake up proper, empty packets all round him. Ambulance coming. Lord help us."),
    (3, "carers", "hard_positive", "My brother just texted 'żegnaj' (goodbye) and switched his phone off. He's been on about the bridge for weeks. I'm in the car going there now and I've rung 999."),
    (3, "carers", "hard_positive", "My cousin left a note at her in-laws' saying she can't live like this, and nobody knows where she's gone. Phone off. Police called. If anyone in {place} sees a young woman in a blue dupatta by the canal, please ring 999."),
    (3, "", "hard_positive", "Youth worker. One of our young people has just sent me a photo of the railway line and 'thanks for trying, walaal'. Rung the police with his details. Waiting. My hands won't stop shaking."),
    (3, "", "hard_positive", "Replying to the mods: the person who posted 'this is my goodbye' an hour ago is my flatmate. She's not in her room and her bed's not been slept in. Police are coming. If she posts again please tell me where."),
    (3, "carers", "hard_positive", "Mam's texted me 'ta ta cariad, I'm so sorry' and isn't answering. She's been so low since Dad. I'm forty minutes away. Rung 999 and her neighbour's going round now. Please, please."),
]
