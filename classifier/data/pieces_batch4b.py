"""Batch 4b of hand-written pieces (issue 13): hard negatives, concern and worrying-looking everyday posts.

Same shape as `pieces_batch3.BATCH3`: (level, topic keys, kind, text). The weight is on level-0
posts that use crisis words without any current distress (gaming, sport, idiom, quotes and
invented lyrics, fundraising, research and news, awareness days and remembrance, crisis work as a
job, training role plays, helpline footers, recovery told in the past, crime drama, medication
jokes, NHS IT humour, "tonight"/"last post" used innocently); then level-1 concern (struggling now,
no harm) in many voices, five of them long blog posts; then level-0 everyday posts that look
worrying at a glance and are not.

Written for this project by one of the corpus writers; no real person's post, nothing copied from
anywhere. Handles and names are invented; places are generic or the {place} slot. Quoted "lyrics"
are invented, attributed to invented bands. Labels follow ../shared/taxonomy.md.
"""

from __future__ import annotations

BATCH4B: list[tuple[int, str, str, str]] = [
    # ---- level 0: gaming ---------------------------------------------------------------------
    (0, "", "hard_negative", "I died 40 times on that boss and I regret nothing. Third phase is pure evil. Going again after tea 🎮"),
    (0, "", "hard_negative", "@wes no spoilers but the bit where your companion sacrifices herself to save the village had me in pieces. best writing in a game for years"),
    (0, "", "hard_negative", "Speedrunners are a different species. This lad finished the whole game in 19 minutes and died on purpose twice to skip the cutscenes."),
    (0, "", "hard_negative", "Our D&D group had a total party kill last night. Whole party wiped out by a mimic disguised as a toilet. The DM has no mercy."),
    (0, "recovery", "hard_negative", "Roguelikes are weirdly good for my anxiety. You die, you shrug, you start a new run. No shame in it, just another go."),
    (0, "", "hard_negative", "Retro gaming night at the community centre: the lads from the Tuesday group got massacred at kart racing by a 74-year-old volunteer called Brenda."),
    (0, "digital", "hard_negative", "Streamed for six hours last night and got killed by the same sniper eleven times. Chat was merciless. 10/10 content."),
    # ---- level 0: sport ----------------------------------------------------------------------
    (0, "", "hard_negative", "Killed it at parkrun this morning! PB by 40 seconds and I didn't even feel sick at the finish this time."),
    (0, "", "hard_negative", "We were slaughtered 6-1 by the league leaders. Our keeper says he wants to be buried under the centre circle. Drinks are on him."),
    (0, "", "hard_negative", "Rugby sevens: got murdered in the first half, clawed it back to lose by two. Body is wrecked, ice bath and a takeaway."),
    (0, "", "hard_negative", "Walking netball is going to be the death of me. Who knew 'walking' could be this competitive. Sue elbowed me twice and then bought me a cuppa."),
    (0, "", "hard_negative", "Darts league final: lost on double 16 for the third year running. I'm cursed. Someone put me out of my misery."),
    (0, "", "hard_negative", "Boxing class coach kept shouting 'you're not dead yet!' and I seriously considered lying down on the mat to prove him wrong."),
    (0, "events", "hard_negative", "Last match of the season tonight under the floodlights at the cricket club. Bring a blanket, it gets freezing on the boundary."),
    # ---- level 0: idioms ---------------------------------------------------------------------
    (0, "work", "hard_negative", "I could murder a bacon butty. Three hours of CPA paperwork and the lunch break got swallowed by a ward round."),
    (0, "", "hard_negative", "Dying to know who won the bake-off at the carers' coffee morning. Did Jan's lemon drizzle finally get the recognition it deserves?"),
    (0, "", "hard_negative", "that meeting was the death of me. two hours on which font to use for the leaflet. TWO HOURS"),
    (0, "", "hard_negative", "kill me now, the printer's jammed AGAIN and the agenda goes out in ten minutes 🙃"),
    (0, "", "hard_negative", "The new roundabout by the retail park is a death trap for cyclists. Wrote to the council with photos, we'll see."),
    (0, "work", "hard_negative", "We've been flogging a dead horse with this funding bid. Time to rethink the whole thing and go again in the spring round."),
    (0, "copro", "hard_negative", "You could have knocked me dead with a feather: the board agreed to pay experts by experience the same rate as the clinicians on the panel."),
    (0, "", "hard_negative", "My tomatoes have given up the ghost. Blight again. Next year, polytunnel, and no mercy for the slugs."),
    (0, "", "hard_negative", "The suspense is killing me: the allotment committee announces best marrow on Sunday and Alan has been smug all week."),
    (0, "", "hard_negative", "I'm going to strangle whoever keeps putting teabags in the paper recycling at the hub. There are labels. In capitals."),
    (0, "", "hard_negative", "Took mum to see the Christmas lights and she said 'I could die happy now'. She's 87, cheeky as ever, and wanted chips after."),
    # ---- level 0: quotes, poems, invented lyrics --------------------------------------------
    (0, "", "hard_negative", "'Do not go gentle into that good night.' Our poetry group read it aloud today and Derek delivered it like a chapel preacher. Goosebumps."),
    (0, "", "hard_negative", "That line from the new Hollow Pines single, 'we bury the winter and dance on its grave', has been living in my head rent free all week."),
    (0, "peer", "hard_negative", "Karaoke at the peer network Christmas do. Someone did 'Another One Bites the Dust' with full choreography and a mop. I'll never recover."),
    (0, "", "hard_negative", "Got my semicolon tattoo touched up today. The artist asked what it meant and we talked for an hour about the people we've both lost."),
    (0, "", "hard_negative", "Hamlet at the Playhouse last night. 'To be, or not to be' whispered by a woman in a hoodie sitting on a bin. Chills, honestly."),
    (0, "", "hard_negative", "Our choir is learning a folk song about a drowned fisherman for the spring concert. Cheeriest thing in our repertoire, obviously."),
    (0, "", "hard_negative", "Doing Plath for A level. Our teacher handled the suicide part really well: a warning beforehand, a chat after, and the Samaritans number on the board."),
    (0, "", "hard_negative", "Made a playlist called 'songs to cry to in the bath' and it's become my gym playlist somehow. Lyrics about death, tempo of a spin class."),
    # ---- level 0: fundraising ---------------------------------------------------------------
    (0, "events", "hard_negative", "Sponsored walk for the suicide prevention charity: 26 miles along the canal, {when}. Sponsor forms at the front desk or online at https://example.org/walk"),
    (0, "access", "hard_negative", "CRISIS CAFÉ APPEAL: our out-of-hours café in {place} needs £8,000 to stay open on Sundays. Every pound keeps the lights on till 2am. https://example.org/cafe"),
    (0, "", "hard_negative", "Year 10 did a non-uniform day for the young people's self-harm charity and raised £912. Very proud head of year here."),
    (0, "", "hard_negative", "Shaving off the beard for the men's suicide prevention charity this month. Twelve years of growth. My wife is thrilled, my chin is terrified."),
    (0, "events", "hard_negative", "The bike ride from {place} to the coast for the bereaved by suicide group is fully booked, thank you! Still need two marshals at the lunch stop."),
    (0, "events", "hard_negative", "Raffle prizes wanted for the suicide prevention gala on the 20th. So far: a hamper, a signed football shirt and a voucher for a haircut."),
    (0, "", "hard_negative", "Tin-shaking outside the supermarket for the crisis line today. Four hours, numb fingers, £316, and some lovely chats with strangers."),
    (0, "work", "hard_negative", "Charity shop shift: someone donated a wedding dress, it sold in an hour and every penny goes to the local Samaritans branch. Best Saturday volunteering yet."),
    # ---- level 0: research, statistics, news ------------------------------------------------
    (0, "", "hard_negative", "ONS release today: registered suicides in England and Wales up slightly on last year. Much of the change is inquest delays, so read the caveats before the hot takes."),
    (0, "access", "hard_negative", "New study: one in five people who attend A&E after self-harm leave before a psychosocial assessment. Shorter waits and a private room made the biggest difference."),
    (0, "access", "hard_negative", "Inquest concluded today into the death of a man who waited 14 months for psychological therapy. The coroner has issued a prevention of future deaths report to the trust."),
    (0, "copro", "hard_negative", "Our paper on suicide after discharge from crisis teams is out, open access: https://example.org/paper. Thanks to the lived experience advisory group, who rewrote half our questions."),
    (0, "rights access", "hard_negative", "Thread 🧵 on the new suicide prevention strategy. 1/ The good: debt and gambling finally named as risk factors. 2/ The less good: no new money for community teams."),
    (0, "", "hard_negative", "Good radio piece on paracetamol pack sizes and overdose deaths. The evidence that smaller packs saved lives is solid, and it was explained calmly."),
    (0, "plan carers", "hard_negative", "The serious incident review found the family were never told about the discharge. Its main recommendation: a named carer contact on every discharge plan."),
    (0, "rights", "hard_negative", "Student nurse, dissertation on the phrase 'attention seeking' in self-harm case notes. Grim reading, though it has fallen a lot since 2015."),
    (0, "", "hard_negative", "Fascinating podcast with a retired coroner on suicide inquests. She said the word families hate most in a verdict is 'unforeseeable'."),
    (0, "rights", "hard_negative", "The local paper called the cliffs a 'suicide spot' in a headline. We've written to the editor with the media guidelines. Full letter: https://example.org/letter"),
    (0, "peer", "hard_negative", "Men aged 45 to 54 still have the highest suicide rate. Our men's shed in {place} is one small answer: come and build a bird box, nobody makes you talk."),
    # ---- level 0: awareness days and remembrance -------------------------------------------
    (0, "events", "hard_negative", "World Suicide Prevention Day tomorrow. We'll have a stall in the market square in {place}: free tea, leaflets and people to talk to. Come and say hi."),
    (0, "", "hard_negative", "The memorial bench for Dan went in at the park today. Eleven years since we lost him. The lads sat on it with a can each and told the old stories."),
    (0, "events", "hard_negative", "Lighting a candle tonight for Survivors of Suicide Loss Day, for everyone who has lost someone. Our group meets Saturday if you'd like company."),
    (0, "rights", "hard_negative", "Reminder that 'Blue Monday' was invented by a travel company. Please stop calling it the most depressing day of the year. Thank you for coming to my TED talk."),
    (0, "", "hard_negative", "Every 10 September I tie a yellow ribbon on the railings by the church for my uncle. Twenty-two years now. Mum still comes with me."),
    (0, "", "hard_negative", "Men's Health Week: our Sunday league club is printing the Samaritans number on the back of every match programme. Small thing, big reach."),
    # ---- level 0: crisis work as a job ------------------------------------------------------
    (0, "work", "hard_negative", "HTT night shift done. Four home visits and one very long cup of tea with a man who wanted to talk about his pigeons. This job is a privilege."),
    (0, "work", "hard_negative", "As a crisis line call handler I get asked how I cope. Supervision, a good team, and a rule that I don't read the news after a late shift."),
    (0, "work", "hard_negative", "Consultant psychiatrist here. The most useful thing I teach juniors: ask about suicidal thoughts plainly, then listen to the answer before you reach for the risk form."),
    (0, "work rights", "hard_negative", "AMHP week. Three Mental Health Act assessments, two people didn't need admission. Please stop calling it 'getting sectioned' as if that's the outcome we're after."),
    (0, "access work", "hard_negative", "Street triage shift with the police last night: three people taken to the crisis house instead of a cell. That's the job working the way it should."),
    (0, "rights work", "hard_negative", "A&E liaison nurse. Yes, we see a lot of self-harm. No, nobody is a 'frequent flyer'. The words we use at handover follow people around."),
    (0, "work access", "hard_negative", "Safe haven volunteer induction today: where the alarm is, how to make a decent brew, and how to ask someone whether they're safe tonight."),
    # ---- level 0: training role plays and safety-planning workshops ------------------------
    (0, "work", "hard_negative", "Role play on the suicide alertness course: I played a farmer who'd been 'tying up loose ends' and the trainee had to pick up the hint. Hardest acting I've done."),
    (0, "events plan", "hard_negative", "Safety planning workshop at the recovery college, {when}. We write our own plans: warning signs, what helps, who to call. Bring a pen, leave with a plan."),
    (0, "work", "hard_negative", "In the call-handler training scenario the 'caller' said 'this is my last call'. We practised slowing right down and asking what she meant. Hard, but I feel ready."),
    (0, "carers plan", "hard_negative", "Our carers' group practised a crisis-line role play: what to say to 111 option 2 when your son isn't himself. The scripts are pinned on the group page."),
    (0, "", "hard_negative", "Drama students played patients in the medical school exams today. One lad's overdose scenario was so convincing a consultant asked if he was all right afterwards."),
    # ---- level 0: helpline footers on ordinary posts ----------------------------------------
    (0, "", "hard_negative", "Lentil soup recipe from Thursday's group is on the website, ask Mags if you get stuck. (Usual footer: we're not a crisis service. Samaritans 116 123, SHOUT 85258.)"),
    (0, "copro", "hard_negative", "Minutes from the March involvement meeting are attached; next meeting 12 April. If anything we discussed stirred things up, Samaritans are on 116 123."),
    (0, "", "hard_negative", "Book review: a gentle novel about a lighthouse keeper and his cat. Four stars. Footer as ever: the {place} crisis café is open Fri-Sun, 6pm till midnight."),
    # ---- level 0: recovery told in the past -------------------------------------------------
    (0, "recovery", "hard_negative", "Four years ago I spent my birthday on a section 3 after an overdose. This year I spent it on a canal boat with my girlfriend, arguing about locks."),
    (0, "recovery", "hard_negative", "Reader, I passed my driving test. In 2019 I spent the summer in PICU and honestly believed nobody would ever trust me with anything again."),
    (0, "recovery treat", "hard_negative", "For a long time I planned my death in detail. I don't any more. What changed was slow: DBT, a daft dog, and a GP who saw me every fortnight for a year."),
    (0, "recovery", "hard_negative", "My scars are old now, silvery. Wore a short-sleeved dress to my cousin's wedding and didn't think about them once until I saw the photos."),
    (0, "work recovery", "hard_negative", "The crisis team kept me alive in 2017, and I mean that literally. Today I started as a support worker on the same team. Same office, same terrible kettle."),
    (0, "recovery", "hard_negative", "Three years free of self-harm today. Marking it with a tattoo over the old place: a fern, because they grow back."),
    (0, "recovery", "hard_negative", "There was a time I thought the bridge on my walk home was where I'd end up. Walked over it tonight with my daughter to get chips. Places change too."),
    # ---- level 0: crime drama, books, medication jokes, NHS IT, innocent "tonight"/"last post" --
    (0, "", "hard_negative", "New crime drama: body found in the first five minutes, then three hours of the detective brooding on a moor. I love it. Don't tell me who did it."),
    (0, "", "hard_negative", "Book group verdict on the murder mystery: Brenda guessed the poisoner on page 40 and waited smugly for 300 pages to be proved right."),
    (0, "treat", "hard_negative", "My pill organiser has more compartments than my kitchen. Monday-morning me is basically a pharmacist."),
    (0, "treat", "hard_negative", "Lithium level back in range 🎉 and the phlebotomist said I have 'lovely veins'. Best compliment I've had all year."),
    (0, "treat", "hard_negative", "Clozapine drool has claimed another pillowcase. Rest in peace, Egyptian cotton, you deserved better."),
    (0, "treat", "hard_negative", "Pharmacist asked if I was 'the one with the mirtazapine munchies'. Yes. Yes I am. Toast at 2am is my religion now."),
    (0, "digital work", "hard_negative", "The new electronic records system has crashed three times today. I've aged a decade. Please bury me with a working login."),
    (0, "digital work", "hard_negative", "Logged out mid-note AGAIN. If I die at this desk my last words will be 'your session has expired'."),
    (0, "digital", "hard_negative", "One form on the trust system still only opens in Internet Explorer. It's 2026. Send help, send a fax machine, send a priest."),
    (0, "", "hard_negative", "Last post from me before the wedding! Phone off for a week, see you on the other side as Mrs Okafor 💍"),
    (0, "events peer", "hard_negative", "Tonight's the night: our peer-led open mic at the Crown. Doors 7pm. Poetry, guitars and one brave man with a kazoo."),
    (0, "", "hard_negative", "The dissertation is DONE. Submitted. I'm done with footnotes, done with referencing, done with the library café. Going to sleep for a week."),
    (0, "work", "hard_negative", "Signing off now, my crisis café shift starts at 10 and I need a nap first. Volunteers, Sunday's rota is in the group chat."),
    (0, "digital", "hard_negative", "This is goodbye from our little blog: everything moves to the new website tomorrow. Thank you for reading since 2014."),
    (0, "", "hard_negative", "Goodbye forever, overdraft. Final payment went through today and I did a small dance in the bank."),
    # ---- level 1: concern, struggling now, no harm ------------------------------------------
    (1, "rights", "ordinary", "PIP tribunal on Thursday and I can't eat. I keep rehearsing what I'll say about my worst days and then my mind goes blank. At least the advocate is coming with me."),
    (1, "", "ordinary", "Does anyone else find Sunday evenings the loneliest bit of the week? The flat is so quiet I've had the radio on all day just to hear voices."),
    (1, "carers", "everyday", "@mags thanks for asking. Honestly I'm knackered. {Rel_cap} has had a rough week and I've been on call round the clock. Not complaining, just running on empty."),
    (1, "work peer", "ordinary", "Peer worker confession: I've been holding everyone else's stories all month and there's nothing left over for my own. Booked an extra supervision. Feeling very thin."),
    (1, "plan", "ordinary", "Discharged from the {svc} today with a letter and a leaflet. Four years of support and it ended in a twenty-minute appointment. I feel dropped."),
    (1, "recovery", "ordinary", "3am again. Wide awake, heart racing about nothing in particular. Tried the breathing app, tried toast. Tomorrow is going to be a long one."),
    (1, "rights", "ordinary", "UC have stopped my payment 'pending a review' and nobody can tell me how long it takes. Rent is due Friday. My stomach is in knots."),
    (1, "access", "ordinary", "Month eleven on the waiting list for the eating disorder service. Still hanging in there and still eating, mostly, but the waiting is wearing me down."),
    (1, "access", "ordinary", "Rang the GP at 8am on the dot. 43rd in the queue, every appointment gone by the time I got through. I only wanted to talk about my mood. Try again tomorrow, I suppose."),
    (1, "", "ordinary", "ok so i'm not doing great. nothing dramatic. just tired of being anxious about everything, even the post. going to text my sister tonight and have an early one"),
    (1, "", "ordinary", "Bit tearful today. It's mum's anniversary and I thought I'd be all right this year. Going to sit in the garden with her mug."),
    (1, "plan", "everyday", "Replying to Tom: same here, the new care coordinator still hasn't rung and I'm anxious I've fallen through the cracks. Chasing on Monday."),
    (1, "carers", "ordinary", "my lad got his diagnosis today and i dont know what im doing reading everything online at midnight feel useless to be honest"),
    (1, "carers", "ordinary", "Diolch for the messages, everyone. Mam's dementia is worse this month and I'm doing the nights as well as the days. Tired to the bone, but we'll manage somehow."),
    (1, "access", "ordinary", "Exams in two weeks and I've done nothing because every time I open the laptop my chest goes tight. Uni wellbeing has a three-week wait. Classic."),
    (1, "carers", "ordinary", "Since my wife went into the care home the house has been very quiet. I am managing, but the evenings are long. Thank you to those who replied last week. Regards, Geoffrey"),
    (1, "rights", "ordinary", "cnt sleep agen, mind racin abt the PIP form. 2 many qs abt my worst day n i h8 thinkin bout it. sum1 tell me it gets done eventually"),
    (1, "recovery", "ordinary", "Not my best week 😔😔 anxiety through the roof 📈 cancelled coffee with a mate 😞 but I showered and ate a proper tea 🍝 so there's that 💪"),
    (1, "plan", "ordinary", "Felt let down at ward round today. I'd written out what I wanted to say and the consultant talked over me for ten minutes. Came out shaking."),
    (1, "work", "ordinary", "New job starts Monday and I'm terrified. What if I can't cope with the hours, what if they find out about my history. Feeling sick just thinking about it."),
    (1, "rights", "ordinary", "Home from the CTO review. Nothing has changed, another six months on it. I'm frustrated and I feel like nobody in that room heard a word I said."),
    (1, "plan", "ordinary", "My care coordinator left and nobody told me. Found out when I rang to ask for her. Third one in two years. I'm so tired of starting over."),
    (1, "work access", "ordinary", "Off work a month with stress now. GP signed me off for another two weeks and told me to self-refer to Talking Therapies. I feel stuck and a bit useless."),
    (1, "carers", "ordinary", "Dad asked me the same question nineteen times today and I snapped at him, then sat in the shed for half an hour because I couldn't face going back in. Not proud."),
    (1, "treat", "ordinary", "Is it normal to feel worse when therapy starts? Week three of CBT and everything feels raw, and I keep cancelling plans."),
    (1, "access", "ordinary", "The crisis café shut last month and Friday nights were when I used to go. Feeling at a loose end and low tonight. Putting a film on and getting the blanket out."),
    (1, "", "ordinary", "Moved to a new city for work. Nobody to eat lunch with, nobody at weekends. Everyone says 'join a club' but I can't make myself walk through the door."),
    (1, "rights", "ordinary", "Brown envelope from the DWP on the mat. Haven't opened it. Waiting until my support worker comes on Thursday. I feel sick every time I walk past it."),
    (1, "work", "ordinary", "Student paramedic. Placement has been heavy: two big jobs this week and I keep replaying them when I try to sleep. My mentor has booked a debrief. Still wobbly."),
    (1, "rights", "ordinary", "Mandatory reconsideration came back: refused. I know most people win at tribunal, but right now I'm just gutted and exhausted."),
    (1, "", "everyday", "Replying to the Christmas thread: first one since the divorce and I'm dreading it. Kids are at their dad's. I'll probably help at the community lunch, but I feel a bit hollow."),
    (1, "carers access", "ordinary", "My son's been on the CAMHS waiting list for 18 months. He's ok-ish, but I'm at the end of my rope with phone calls and forms. Any tips for chasing?"),
    (1, "", "ordinary", "Three weeks of panic attacks before the school run. It's the crowd at the gate. I'm going to ask the GP about the anxiety course."),
    (1, "treat", "ordinary", "Tapering off the antidepressant with the GP and the mood dips are rougher than I expected. Told her, and we're slowing it down. Grim week though."),
    (1, "plan access", "ordinary", "The HTT discharged me after eight days and I didn't feel ready. I'm safe, I want to say that, but I feel cut adrift and anxious about the weekend."),
    (1, "digital peer", "ordinary", "Since the group moved online I've lost touch with everyone. I sit on the call with my camera off feeling lonelier than before I joined."),
    (1, "", "everyday", "Replying to Ffion: same boat with the council. Eleven weeks without a working boiler, and the damp is getting into my chest and my head. Nobody answers emails."),
    (1, "recovery", "ordinary", "Voices are louder this week. Nothing scary, just chatty and relentless. Keeping busy and I've told my care coordinator. Wish I could turn the volume down."),
    (1, "carers rights", "ordinary", "My brother was sectioned yesterday and it turns out I'm his nearest relative. I've never felt so out of my depth. The AMHP was kind, but I've no idea what happens next."),
    (1, "work", "ordinary", "Fit note says 'low mood' like it's a head cold. I'm just about functioning, doing the bare minimum at work and going to bed at eight. Rant over."),
    # ---- level 1: long blog posts ---------------------------------------------------------------
    (1, "access", "long_blog",
     "Week sixty-one\n\nThat is how long I have been on the waiting list for psychological therapy. I know because I put a tally on "
     "the calendar in the kitchen, which my friend says is not helping, and she is probably right.\n\nI want to be careful how I "
     "write this. I am not in danger. I am going to work, I am feeding the cat, I am taking my tablets. But the waiting has a weight of "
     "its own. Every time the phone rings with a withheld number my heart jumps, and every time it is a parcel company I feel a bit "
     "more flattened.\n\nThe letter I got in the spring said 'we will contact you when a space becomes available'. I rang in "
     "September and was told I'd moved up the list. Nobody could tell me from where to where.\n\nWhat I'm doing meanwhile: the "
     "recovery college course on managing low mood (good, and free), walking the long way to work, and telling my GP at every review "
     "that I am still waiting so it is written down somewhere.\n\nMostly I'm writing this so that someone else on week forty or "
     "week ninety knows they are not the only one staring at a calendar."),
    (1, "carers", "long_blog",
     "Notes from the kitchen table\n\nIt's half eleven and {rel} has finally settled. This is the first bit of the day that is mine, "
     "so I'm spending it typing, which tells you something.\n\nI'm not writing because anything is wrong with {him}. {He_cap} is "
     "stable, the meds are working, the team are decent. I'm writing because I am worn down in a way I don't have words for. "
     "Appointments, prescriptions, chasing the benefits people, remembering who likes what for tea. My own GP appointment has been "
     "cancelled twice because something came up. Something always comes up.\n\nI had my carer's assessment in the summer and the "
     "outcome was a leaflet and a number for a sitting service with a waiting list. I know everyone is stretched. I know.\n\nThe "
     "carers' group on the first Monday is the one place I laugh. I'm going to make myself go next week even if it means leaving a "
     "list on the fridge.\n\nIf you're a carer reading this at half eleven too: hello. Put the kettle on."),
    (1, "work peer", "long_blog",
     "On running out of road\n\nI've been a peer support worker for three years and I love the job. That feels important to say "
     "before the rest.\n\nSince the team lost two posts in the autumn my caseload has doubled. I'm doing the groups, the one-to-ones, "
     "the ward visits and now the induction for new starters. My supervision has been cancelled three months running because my "
     "supervisor is covering a vacancy too.\n\nThe thing about peer work is that you bring yourself to it. That's the whole point. "
     "But when you're tired, you bring your tired self, and I've noticed the old signs: I'm not sleeping, I'm short with my partner, "
     "and I cried in the car park on Tuesday after a perfectly ordinary group.\n\nI'm not in a bad place in the way I used to be. "
     "I'm in the place just before it, and I know that place well enough to say so out loud.\n\nSo I've emailed my manager asking "
     "for a meeting about workload and protected supervision, and I've booked a week of leave. Writing it here keeps me honest."),
    (1, "rights", "long_blog",
     "Ten days until the tribunal\n\nMy ESA appeal is heard on the 14th. I've never been to court for anything, and even though "
     "everyone tells me it's not really a court, it feels like one.\n\nI have a folder. It has my GP letters, the letter from the "
     "CMHT, a diary of two bad weeks that my support worker helped me write, and a list of what I'm going to say if my mind goes "
     "blank. My mind is already going blank, and the hearing is ten days away.\n\nThe worst bit is having to describe my worst days "
     "to strangers, in detail, to prove they are bad enough. I spend all year trying not to dwell on them. Now I have to rehearse "
     "them.\n\nI'm sleeping badly and eating toast for most meals. I'm not in crisis. I'm frightened and I'm tired, and I'm annoyed "
     "that a system is making me feel like this.\n\nThe welfare rights adviser says the tribunal panel are usually fair and that "
     "most people in my position win. I'm holding onto that. I'll post afterwards whatever happens."),
    (1, "plan recovery", "long_blog",
     "Home, and not quite landed\n\nI came home from the ward nine days ago. Everyone keeps saying how well I'm doing, and on paper "
     "I am: the follow-up call came within three days, my meds are sorted, my care coordinator has been round twice.\n\nWhat nobody "
     "warned me about is the quiet. On the ward there was always someone. Here it's me, the fridge humming and the neighbour's "
     "television through the wall. I'm sleeping at odd hours, awake at four and dozing at lunchtime, and the days don't have edges.\n\n"
     "I'm low, but not in the old way. It's more like being jet-lagged in my own life.\n\nSo here's my plan, written down so I stick "
     "to it: the walking group on Saturday, the peer drop-in on Tuesday, alarm at eight every day even if I don't get up straight away. "
     "I've told my care coordinator about the sleep and she's going to raise it at the review.\n\nIf you've been through this "
     "first-few-weeks bit, I'd love to hear what helped."),
    # ---- level 0: everyday posts that look worrying at a glance ---------------------------------
    (0, "", "everyday", "Rough night with the baby, up five times. Coffee needed in industrial quantities ☕☕☕"),
    (0, "", "everyday", "Exhausted after the half marathon, legs gone. Stairs are my enemy now. Would do it again tomorrow."),
    (0, "", "everyday", "Bridge closed again, took the long way to the clinic. Twenty minutes late and the receptionist just laughed and said so was everyone."),
    (0, "", "everyday", "Lost my voice shouting at the match. Can barely whisper. The family are delighted."),
    (0, "", "everyday", "can't breathe 😂😂 the video of the goat on the trampoline has finished me off"),
    (0, "", "everyday", "I give up on the self-checkout. Unexpected item in the bagging area four times. Off to the till like a civilised person."),
    (0, "", "everyday", "No signal at mum's in the valleys, so if I go quiet this weekend that's why. Back Monday with Welsh cakes."),
    (0, "", "everyday", "Sat in A&E with my lad since 8pm, he's broken his wrist falling off his skateboard. Vending machine is out of Twix. Send snacks."),
    (0, "", "everyday", "Gave away half my wardrobe today. The charity shop was thrilled and I can finally shut the wardrobe door."),
    (0, "", "everyday", "Sorted our wills with the solicitor this morning because of the new house. Very grown up. Celebratory pasty after."),
    (0, "", "everyday", "Everything packed, keys handed back, said goodbye to the flat I lived in for nine years. New place has a garden!"),
    (0, "", "everyday", "Can't get out of bed. The cat is asleep on my legs and moving her would be a crime."),
    (0, "", "everyday", "Stood at the edge of the pool for ten minutes before I jumped in. First swim since the knee op. Freezing and brilliant."),
    (0, "treat", "everyday", "Tablets sorted into the dosette box for the week, prescription collected, feet up. Sunday admin done."),
    (0, "", "everyday", "Sorry I've gone quiet on the group chat, my phone fell down the back of the radiator and I've only just fished it out with a coat hanger."),
    (0, "", "everyday", "Sleepless night: the storm blew the fence down and the neighbours' trampoline ended up in our garden. Nobody hurt, trampoline returned."),
]
