"""Theme snapshots count topics, emerging terms and distress, and never show a group under 5 people."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select

from pipelines.themes import distress_rates, emerging_terms, last_complete_period, snapshot_themes, topic_volumes
from store.db import transaction
from store.models import ThemeSnapshot
from store.themes import ThemePost
from tests.pipelines.helpers import store_and_classify, toot

DAY = date(2026, 11, 20)
NOON = datetime(2026, 11, 20, 12, tzinfo=timezone.utc)


def tp(author: str, text: str = "", topics=(), distress: int | None = 0) -> ThemePost:
    return ThemePost(author=author, text=text, topics=tuple(topics), distress=distress)


def test_topic_counts_of_fewer_than_five_people_are_suppressed():
    posts = [tp(f"p{i}", topics=["carers"]) for i in range(6)]
    posts += [tp("p1", topics=["events"]) for _ in range(7)]  # seven posts, but one person
    posts += [tp(f"q{i}", topics=["employment"]) for i in range(3)]
    assert topic_volumes(posts) == {"events": None, "carers": 6, "employment": None}


def test_a_lone_crisis_cannot_be_worked_out_from_the_total():
    posts = [tp(f"p{i}", distress=0) for i in range(40)] + [tp("x", distress=3), tp("y", distress=3)]
    rates = distress_rates(posts)
    assert rates["counts"]["3"] is None and rates["3"] is None
    # Subtracting what is shown from the total must not give the crisis count.
    assert rates["counts"]["0"] is None and rates["0"] is None
    assert rates["counts"]["1"] == 0 and rates["counts"]["2"] == 0
    assert rates["classified"] == 42


def test_levels_with_five_people_or_more_show_counts_and_rates():
    posts = [tp(f"p{i}", distress=0) for i in range(15)] + [tp(f"c{i}", distress=1) for i in range(5)]
    rates = distress_rates(posts)
    assert (rates["0"], rates["1"], rates["2"], rates["3"]) == (0.75, 0.25, 0.0, 0.0)
    assert rates["counts"] == {"0": 15, "1": 5, "2": 0, "3": 0}


def test_a_day_with_fewer_than_five_people_shows_no_levels():
    rates = distress_rates([tp("a", distress=0), tp("b", distress=2)])
    assert rates["classified"] is None
    assert [rates[str(lvl)] for lvl in range(4)] == [None] * 4
    assert list(rates["counts"].values()) == [None] * 4


def test_emerging_terms_need_five_people_and_a_rise_over_the_baseline():
    baseline = [tp(f"b{i}", "Our peer support group met again to talk about care plans") for i in range(30)]
    period = [tp(f"p{i}", "The day centre closure was announced, peer support group upset") for i in range(6)]
    period += [tp("solo", "zebrafish zebrafish zebrafish") for _ in range(6)]  # one person's word
    found = {t["term"]: t for t in emerging_terms(period, baseline)}
    assert "day centre" in found and "closure" in found
    assert found["closure"]["posts"] == 6 and found["closure"]["baseline_rate"] == 0.0
    assert "zebrafish" not in found  # six posts, but from one person
    assert "peer support" not in found  # as common as in the baseline


def test_snapshot_themes_stores_one_row_per_day_and_rerun_replaces_it(engine):
    posts = [toot(i, "Carer here: the peer workshop on care plan reviews was good", author=f"Carer {i}",
                  published_at=NOON + timedelta(minutes=i)) for i in range(6)]
    posts += [toot(10, "I can't go on, my carer is away", author="Someone", published_at=NOON)]
    posts += [toot(11, "Peer support meets Tuesday", author="Other day", published_at=NOON - timedelta(days=2))]
    store_and_classify(engine, posts)

    summary = snapshot_themes(engine, DAY)

    # The level-2 post is held for review: until a moderator clears it, it counts nowhere.
    assert summary.post_count == 6
    assert summary.topic_volumes["carers"] == 6
    assert summary.topic_volumes["events"] == 6
    assert summary.distress_rates["counts"]["2"] == 0
    with transaction(engine) as s:
        rows = s.scalars(select(ThemeSnapshot)).all()
        assert [(r.period, r.period_start, r.post_count) for r in rows] == [
            ("day", datetime(2026, 11, 20, tzinfo=timezone.utc), 6)]
        assert rows[0].topic_volumes == summary.topic_volumes
    snapshot_themes(engine, DAY)
    with transaction(engine) as s:
        assert len(s.scalars(select(ThemeSnapshot)).all()) == 1


def approve_held(engine) -> None:
    from store.models import ReviewItem
    from store.review import approve

    with transaction(engine) as s:
        for item in s.scalars(select(ReviewItem).where(ReviewItem.state == "pending")).all():
            approve(s, item.id, item.version, "mod")


def test_held_hidden_and_deleted_posts_never_count(engine):
    from store.models import Post as PostRow
    from store.models import ReviewItem
    from store.review import hide

    posts = [toot(i, "Carer here: the peer workshop on care plan reviews was good", author=f"Carer {i}",
                  published_at=NOON) for i in range(8)]
    posts += [toot(20 + i, "I can't go on, my carer is away", author=f"Held {i}", published_at=NOON) for i in range(6)]
    ids = store_and_classify(engine, posts)
    with transaction(engine) as s:
        for n in (0, 1):  # spam, hidden by a moderator
            item = s.scalar(select(ReviewItem).where(ReviewItem.post_id == ids[posts[n].platform_id]))
            hide(s, item.id, item.version, "mod")
        s.get(PostRow, ids[posts[2].platform_id]).deleted_at = NOON
    summary = snapshot_themes(engine, DAY)
    assert summary.post_count == 5 and summary.distress_rates["counts"] == {"0": 5, "1": 0, "2": 0, "3": 0}


def test_the_last_complete_day_and_week():
    wednesday = date(2026, 11, 25)
    assert last_complete_period("day", wednesday) == date(2026, 11, 24)
    assert last_complete_period("week", wednesday) == date(2026, 11, 16)  # Monday to Sunday 22nd
    assert last_complete_period("week", date(2026, 11, 23)) == date(2026, 11, 16)  # on a Monday


def test_the_dashboard_reads_the_snapshot_as_stored(engine):
    from dashboard.themes import from_snapshots

    posts = [toot(i, "Carer here, the peer group helps", author=f"Carer {i}", published_at=NOON) for i in range(8)]
    posts += [toot(20 + i, "struggling with the carer role", author=f"Other {i}", published_at=NOON) for i in range(5)]
    store_and_classify(engine, posts)
    approve_held(engine)  # level 1 is held; a moderator clears the five, so they count
    snapshot_themes(engine, DAY)
    with transaction(engine) as s:
        rows = from_snapshots(s.scalars(select(ThemeSnapshot)).all())
    assert rows["distress"] == [{"day": "2026-11-20", "posts": 13, "level_0_share": 0.615,
                                 "level_1_share": 0.385, "level_2_share": 0.0, "level_3_share": 0.0}]
    assert {"day": "2026-11-20", "topic": "carers", "posts": 13} in rows["topics"]
