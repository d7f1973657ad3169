"""Themes charts and CSV: weeks labelled as weeks, every distress level named, topics by name, blanks explained."""

from __future__ import annotations

import csv
import io

from dashboard import theme_charts
from dashboard.views import csv_bytes
from tests.dashboard.test_app import open_app

WEEKS = ["2026-11-16", "2026-11-23", "2026-11-30"]


def test_weekly_axis_has_one_labelled_category_per_week_not_day_ticks():
    frame = theme_charts.topic_frame([{"day": d, "topic": "carers", "posts": 7} for d in WEEKS], "week")
    spec = theme_charts.topic_chart(frame, "week", 30).to_dict()
    x = spec["encoding"]["x"]
    assert x["type"] == "ordinal" and x["title"] == "Week commencing (Monday)"
    assert list(frame["when"]) == ["w/c 16 Nov 2026", "w/c 23 Nov 2026", "w/c 30 Nov 2026"]
    assert set(frame["topic"]) == {"Carers"}  # the name, not the key


def test_daily_axis_is_utc_dates_without_hours():
    x = theme_charts.x_axis("day", 365).to_dict()
    assert x["scale"]["type"] == "utc" and x["axis"]["format"] == "%d %b"
    assert x["axis"]["tickCount"] == {"interval": "month", "step": 1}
    assert theme_charts.x_axis("day", 30).to_dict()["axis"]["tickCount"] == {"interval": "day", "step": 3}


def test_distress_chart_names_all_four_levels_and_counts_blanks():
    rows = [{"day": WEEKS[0], "posts": 40, "level_0": 30, "level_0_share": 0.75, "level_1": 10, "level_1_share": 0.25,
             "level_2": None, "level_2_share": None, "level_3": None, "level_3_share": None},
            {"day": WEEKS[1], "posts": None, **{f"level_{i}{s}": None for i in range(4) for s in ("", "_share")}}]
    frame = theme_charts.distress_frame(rows, "week")
    assert list(frame["level"]) == ["0 · none", "1 · concern"]
    colour = theme_charts.distress_chart(frame, "week", 30).to_dict()["encoding"]["color"]
    assert colour["scale"]["domain"] == ["0 · none", "1 · concern", "2 · high", "3 · crisis"]
    assert theme_charts.suppressed_levels(rows) == (2, 4)  # the empty week is not shown at all


def test_csv_has_topic_names_and_explains_blank_cells():
    rows = [{"day": WEEKS[0], "topic": "services_access", "posts": 9},
            {"day": WEEKS[0], "topic": "carers", "posts": None}]
    parsed = list(csv.DictReader(io.StringIO(csv_bytes(theme_charts.csv_rows(rows, 5, "week")).decode())))
    assert [r["topic"] for r in parsed] == ["Access to services", "Carers"]
    assert parsed[0]["week_commencing"] == WEEKS[0] and parsed[0]["note"] == ""
    assert parsed[1]["posts"] == "" and parsed[1]["note"].startswith("blank = suppressed: fewer than 5 people")


def test_clicking_the_selected_period_keeps_it(dash):
    at = open_app("staff.chris", "themes")
    at.button_group(key="themes_days").set_value(90).run()
    at.button_group(key="themes_days").set_value(None).run()  # what a click on the selected one sends
    assert at.button_group(key="themes_days").value == 90 and not at.exception
