"""The frozen evaluation split: pieces no training, threshold or setting ever reads.

Written after, and separately from, every training piece, with different scenarios and wording, in
the forms the hidden community set has: long blog posts, thread replies, event notices, hard
negatives (suicide as a subject, idioms, gaming, sport, fundraising, research, recovery in the past),
crisis described by means, place or farewell, and posts in other languages of UK communities.
Each piece is one corpus row (no variants), split "frozen". (level, topics, kind, text); no slots.
Written for this project; none is a real person's post.
"""

from __future__ import annotations

FROZEN: list[tuple[int, str, str, str]] = [
    # level 0: ordinary and everyday
    (0, "peer events", "ordinary", "Men's peer group is back after the summer: Wednesdays 6.30pm at the rugby club in Wakefield. Tea, toast and no pressure to talk."),
    (0, "plan", "ordinary", "My care coordinator and I rewrote my crisis plan today. It now says what actually helps me instead of a list of phone numbers."),
    (0, "copro", "ordinary", "Proud that the new inpatient charter was written with people who have been on the ward, not just about them."),
    (0, "carers", "ordinary", "Carers' week starts Monday. Our stall will be in the hospital foyer with free tea and advice on carers' allowance."),
    (0, "access", "ordinary", "Good news: the crisis café in Derby is now open seven nights a week, 6pm to midnight. Walk in, no referral needed."),
    (0, "treat", "ordinary", "Finally had my medication review. Dropping the evening dose and the doctor actually listened about the weight gain."),
    (0, "work", "ordinary", "Started volunteering two mornings a week at the community garden. Good for the routine and I've learnt loads about compost."),
    (0, "digital", "ordinary", "We've made a short accessible guide to using video calls for appointments. Large print version available on request."),
    (0, "rights", "ordinary", "The reform of the Mental Health Act is back in Parliament. Here's our one-page summary of what changes for detained patients."),
    (0, "recovery", "ordinary", "Three months of yoga on Thursday mornings. My sleep is better and I can touch my toes, which nobody predicted."),
    (0, "", "everyday", "Replying to Kez: the form is on page two of the newsletter, just scroll past the photos."),
    (0, "events", "everyday", "Reminder that the carers' forum has moved to the second Tuesday of the month. Same room, same biscuits."),
    (0, "", "everyday", "Anyone know a good place for a quiet coffee near the Royal Infirmary? Got an hour to kill before an appointment."),
    (0, "", "everyday", "Brilliant turnout at the litter pick this morning. Twelve bags and one very confused hedgehog."),
    (0, "digital", "everyday", "Is the forum login broken for anyone else? It keeps sending me back to the home page."),
    (0, "peer", "everyday", "Welcome to our three new volunteers! Say hello if you see them at the Monday drop-in."),
    (0, "", "everyday", "Cheers for the recommendations, ordered the book and it arrives Friday."),
    (0, "access", "everyday", "Has anyone used the new online self-referral for talking therapies? How long before they rang you?"),
    # level 0: long blog posts
    (0, "peer recovery", "long_blog",
     "What the allotment taught me\n\nWe took on plot 14 in March as a group project. None of us knew what we were doing. The "
     "committee gave us the worst plot, full of bindweed and broken glass.\n\nBy June we had potatoes, a wonky bean frame and a "
     "shed with a kettle. More importantly, we had a reason to get out of the house on a Sunday, and people to talk to while we dug."
     "\n\nWe're applying for a small grant to build raised beds for members who can't kneel. If you have spare tools, we'll "
     "gladly take them off your hands."),
    (0, "plan access", "long_blog",
     "Discharge planning: what we asked the trust to change\n\nOur group has collected stories from forty people discharged from "
     "the ward in the last two years. The same things came up again and again.\n\nPeople left without knowing who their care "
     "coordinator was. Follow-up calls came after a week, not within 72 hours. Medication ran out before the first GP appointment."
     "\n\nWe met the director of nursing last week. She agreed to a named contact on the discharge letter and a 72-hour call for "
     "everyone. We'll check in six months whether it happened, and we'll publish what we find."),
    (0, "work", "long_blog",
     "On being a nurse with a diagnosis\n\nI've worked in mental health for fifteen years and lived with bipolar for longer. For "
     "most of that time I kept the two apart.\n\nThis year I told my team. Nobody treated me differently, except that my manager "
     "now asks how I'm doing and means it. Occupational health helped us write a plan for the early signs.\n\nI'm writing this "
     "because I know other staff are hiding what I hid. You don't have to tell anyone. But if you do, it might go better than you fear."),
    # level 0: hard negatives
    (0, "", "hard_negative", "Lost every round of Mario Kart to my nine-year-old. I am dead inside and also very proud."),
    (0, "", "hard_negative", "Our five-a-side team got murdered 8-1 tonight. Back next week for more punishment."),
    (0, "", "hard_negative", "I could murder a bacon sandwich right now. Night shift does things to a person."),
    (0, "work", "hard_negative", "These new IT passwords will be the death of me. Twelve characters, a symbol and the blood of a goat."),
    (0, "events", "hard_negative", "Charity bike ride from Cardiff to Swansea raised £3,000 for suicide prevention work with young men. Thank you for every pound."),
    (0, "rights", "hard_negative", "New paper in the BMJ looks at suicide risk in the year after leaving the armed forces. Useful reading for our veterans' group."),
    (0, "peer", "hard_negative", "Trained as a Mental Health First Aider this week. We practised asking directly about suicide, which felt wrong at first and right by the end."),
    (0, "recovery", "hard_negative", "Fifteen years ago I was on a bridge and a stranger stopped. I think of her every winter. I'm a grandad now."),
    (0, "recovery", "hard_negative", "When I was twenty I took an overdose and woke up in intensive care. I'm 46 now and I run the Saturday peer group."),
    (0, "", "hard_negative", "If you're struggling tonight, Samaritans are free on 116 123, and you can text SHOUT to 85258. Sharing for anyone who needs it."),
    (0, "rights digital", "hard_negative", "That news article named the method in the headline. We've complained to IPSO. Please don't share it."),
    (0, "", "hard_negative", "Singing 'Mad World' at karaoke was a choice. The room went very quiet, then cheered."),
    (0, "", "hard_negative", "Finished the crime novel everyone was talking about. The twist killed me. No spoilers."),
    (0, "carers", "hard_negative", "Our support group for families bereaved by suicide meets on the first Thursday. Come as you are; you don't have to speak."),
    (0, "access", "hard_negative", "Report: A&E waits for people in mental health crisis are now the longest on record. We're sharing it with our MP."),
    (0, "", "hard_negative", "This is my last post about the raffle, promise! Tickets close at noon."),
    (0, "digital", "hard_negative", "Goodbye Facebook page, hello Bluesky. We're moving the group updates over from next week."),
    (0, "peer", "hard_negative", "Scenario for Thursday's training: a caller says she has pills saved up. Trainees practise asking about her safety plan."),
    # level 1
    (1, "", "ordinary", "Feeling flat and tearful today for no reason I can name. Just getting through it."),
    (1, "carers", "ordinary", "My dad's dementia is getting worse and I'm the only one who visits. I'm tired to the bone and short with everyone."),
    (1, "access", "ordinary", "Another letter, another six-month wait for an assessment. I'm so fed up of chasing my own care."),
    (1, "work", "ordinary", "Can't switch off after shifts. Lying awake replaying every conversation. Starting to dread going in."),
    (1, "", "everyday", "Replying to Ali: same, really struggling with the dark evenings. Just want to hibernate."),
    (1, "treat", "ordinary", "The new tablets make me so foggy. Forgot my own postcode today and nearly cried at the bank."),
    (1, "peer", "ordinary", "Missed group again. Couldn't face people. I hate that I'm back to this."),
    (1, "", "long_blog",
     "January\n\nI always forget how hard January is until I'm in it. The money's gone, the light's gone, and everyone else seems "
     "to be running marathons.\n\nI'm not in a bad place exactly. I'm just low, and slow, and lonely in the evenings. I've started "
     "going to bed at eight to make the days shorter.\n\nI'm writing this mostly so I'll tell someone at group on Tuesday instead of "
     "saying 'fine'. Accountability, or something."),
    (1, "carers", "ordinary", "Feel like I'm disappearing as a person. It's all appointments and meds and worry about my son."),
    # level 2
    (2, "", "ordinary", "I don't want to be alive any more. I'm not going to do anything, but I can't see the point of carrying on."),
    (2, "", "ordinary", "Hurt myself again last night. Hid it under long sleeves at work. I feel disgusting."),
    (2, "treat", "ordinary", "Thrown my tablets in the bin. Nothing helps and I'm sick of pretending I'll get better."),
    (2, "carers", "hard_positive", "My daughter said tonight she wishes she hadn't woken up this morning. She's in her room now. What should I do?"),
    (2, "", "hard_positive", "Everyone's life would be easier if I wasn't in it. I keep running the numbers and coming up with the same answer."),
    (2, "", "long_blog",
     "I'm not okay\n\nFor a while I told myself this was just a bad patch. It isn't. Most mornings I wake up disappointed that I "
     "woke up at all.\n\nI've stopped answering messages. I've stopped going to the group. I sit in the car after work because I "
     "can't face going in.\n\nI don't have a plan and I'm not going to do anything tonight. But I needed to say it somewhere, and "
     "this blog is the only place I'm honest."),
    (2, "peer", "hard_positive", "A member of our WhatsApp group posted that she's been cutting every night this week and then left the group. Can someone reach her?"),
    (2, "", "hard_positive", "I've started writing down who would get my things. Not planning anything. Just feels like tidying up."),
    # level 3: crisis by means, place, farewell
    (3, "", "hard_positive", "Parked up at the reservoir. Engine off. Phone's nearly dead and I don't want to charge it."),
    (3, "", "hard_positive", "Sat on the edge of the platform at the far end. Next fast train is in eight minutes."),
    (3, "", "hard_positive", "I've got a month of my tablets and half a bottle of vodka on the table in front of me. I'm done."),
    (3, "", "hard_positive", "Finished my letters. Cancelled the milk. The keys are under the mat for whoever finds this."),
    (3, "", "hard_positive", "Thank you all for the years of kindness on this forum. I won't be posting again. Please don't try to find me."),
    (3, "carers", "hard_positive", "My brother sent a voice note saying goodbye and telling me where his will is. He's not picking up. I've rung 999."),
    (3, "", "hard_positive", "Up on the roof of my building. It's cold and I feel calm for the first time in ages."),
    (3, "", "hard_positive", "Tonight's the night I stop being a problem for everyone. I've got everything I need."),
    (3, "", "long_blog",
     "For anyone who reads this\n\nI've tried to explain to people how tired I am, and I don't think I ever managed it.\n\nThe "
     "cat is with my neighbour. My bank details are in the blue folder. I've left letters for Mum and for Jess.\n\nI'm sorry for "
     "the mess I'm leaving. I love you all. Goodbye."),
    # other languages of UK communities (held by the language rule; crisis phrases set the level)
    (3, "", "other_language", "Nie dam rady dłużej. Dziś wieczorem zabiję się."),
    (0, "events", "other_language", "Spotkanie grupy wsparcia dla rodziców w sobotę o 11:00 w bibliotece. Zapraszamy serdecznie."),
    (2, "", "other_language", "Dw i eisiau marw. Does dim pwynt i ddim byd."),
    (3, "", "other_language", "میں آج رات خود کو مار دوں گی، مجھے معاف کر دینا"),
    (2, "", "other_language", "আমি আর বাঁচতে চাই না, সব কিছু অর্থহীন লাগছে।"),
    (3, "", "other_language", "Waan is dili doonaa caawa. Nabad gelyo."),
]
