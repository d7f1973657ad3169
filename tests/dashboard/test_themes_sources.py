"""Themes from stored snapshots, and source changes written to the sources file."""

from datetime import timedelta

import pytest
import yaml
from sqlalchemy import select

from dashboard import source_admin
from dashboard.themes import from_snapshots
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfigError
from store.db import transaction
from store.models import Source, ThemeSnapshot
from tests.dashboard.seed import NOW
from tests.dashboard.test_app import open_app


def snapshot(day_offset: int, **kw) -> ThemeSnapshot:
    start = (NOW - timedelta(days=day_offset)).replace(hour=0, minute=0, second=0)
    values = dict(period="day", period_start=start, period_end=start + timedelta(days=1), post_count=40,
                  topic_volumes={"carers": 12, "events": 3}, emerging_terms=["respite", {"term": "day centre", "ratio": 3.5}],
                  distress_rates={"0": 0.8, "1": 0.15, "level_2": 0.05, "3": None})
    values.update(kw)
    return ThemeSnapshot(**values)


def test_snapshots_are_suppressed_again_and_read_in_any_shape():
    out = from_snapshots([snapshot(2), snapshot(1, post_count=3)])
    assert out["source"] == "snapshots"
    assert {(r["topic"], r["posts"]) for r in out["topics"]} == {("carers", 12), ("events", None)}
    first, small_day = out["distress"]
    assert first["level_0_share"] == 0.8 and first["level_2_share"] == 0.05 and first["level_3_share"] is None
    assert small_day["posts"] is None and small_day["level_0_share"] is None  # under k: nothing shown
    assert [t["term"] for t in out["terms"]] == ["respite", "day centre"]


def test_themes_page_uses_snapshots_when_the_flow_has_stored_them(dash):
    engine, _ = dash
    with transaction(engine) as s:
        s.add_all([snapshot(d) for d in range(30, 0, -1)])  # the whole default period, 30 days
    at = open_app("staff.chris", "themes")
    at.button_group(key="themes_period").set_value("day").run()
    assert any("daily theme snapshots" in c.value for c in at.caption)
    assert len(at.get("vega_lite_chart")) >= 2
    at.button_group(key="themes_period").set_value("week").run()
    assert any("Computed live" in c.value for c in at.caption)
    # A year asked for, 30 days of snapshots: computed live rather than charted from a month.
    at.button_group(key="themes_period").set_value("day")
    at.button_group(key="themes_days").set_value(365).run()
    assert any("Computed live" in c.value for c in at.caption)


OPML = b"""<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Recovery Letters" xmlUrl="https://recovery.example/feed.xml"/>
<outline text="Carers Voice" xmlUrl="https://carersvoice.example/feed/"/>
</body></opml>"""


def test_opml_import_adds_new_blogs_once(sqlite_engine, tmp_path):
    settings = Settings(sources_file=tmp_path / "sources.yaml")
    assert source_admin.import_opml(settings, sqlite_engine, OPML) == (2, 2)
    assert source_admin.import_opml(settings, sqlite_engine, OPML) == (0, 2)
    names = [e["name"] for e in yaml.safe_load((tmp_path / "sources.yaml").read_text())["sources"]]
    assert names == ["Recovery Letters", "Carers Voice"]
    with transaction(sqlite_engine) as s:
        assert sorted(s.scalars(select(Source.name))) == ["Carers Voice", "Recovery Letters"]
    with pytest.raises(SourceConfigError, match="already exists"):
        source_admin.add_source(settings, sqlite_engine, "Carers Voice", "rss", "https://other.example/feed")
    with pytest.raises(SourceConfigError, match="kind"):
        source_admin.add_source(settings, sqlite_engine, "Bad", "mastodon", "https://m.example", kind="feed")
    with pytest.raises(SourceConfigError, match="DOCTYPE"):
        source_admin.import_opml(settings, sqlite_engine, b'<!DOCTYPE x [<!ENTITY a "b">]><opml/>')
