"""The Sources page: demo (database-only) sources can be switched, the add form keeps what was typed
when it refuses it, and each source's last warning and each stream's lag are shown."""

from __future__ import annotations

from datetime import timedelta

import yaml
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from dashboard.source_health import duration_label, stream_rows
from store.db import transaction
from store.models import Source, Stream, utcnow
from tests.dashboard.conftest import APP


def open_sources() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["local_user"] = "admin.dee"
    at.run()
    at.switch_page("app_pages/sources.py").run()
    assert not at.exception, at.exception
    return at


def test_durations_read_at_a_glance():
    assert [duration_label(s) for s in (None, 0.42, 12, 190, 7500, 3 * 86400)] == \
        ["", "0.4 s", "12 s", "3 min", "2 h 5 min", "3 d"]


def test_stream_rows_say_lag_and_silence():
    row = stream_rows([{"name": "bluesky firehose", "platform": "bluesky", "status": "connected", "lag_s": 1.25,
                        "silent_s": None, "events_seen": 10, "events_kept": 2, "last_error": None}])[0]
    assert row["Lag behind upstream"] == "1.2 s" and row["Last event handled"] == "never"


def test_a_source_only_in_the_database_can_be_disabled_and_enabled(dash, tmp_path):
    engine, _ = dash  # the seeded sources are not in sources.yaml, like the demo's
    at = open_sources()
    at.selectbox(key="toggle_name").set_value("#peersupport")
    at.radio(key="toggle_state").set_value("Disabled")
    at.button(key="FormSubmitter:toggle_source-Save").click().run()
    assert not at.exception and not at.error, at.error
    assert "#peersupport is now disabled" in at.success[0].value and "saved in the database" in at.success[0].value
    with transaction(engine) as s:
        assert s.scalar(select(Source.enabled).where(Source.name == "#peersupport")) is False
    assert not (tmp_path / "sources.yaml").exists()  # nothing written to a file that never named it
    at.radio(key="toggle_state").set_value("Enabled")
    at.button(key="FormSubmitter:toggle_source-Save").click().run()
    with transaction(engine) as s:
        assert s.scalar(select(Source.enabled).where(Source.name == "#peersupport")) is True


def test_the_add_form_keeps_what_was_typed_when_it_refuses_it(dash, tmp_path):
    at = open_sources()
    at.text_input(key="add_name").input("Recovery Letters")
    at.text_input(key="add_url").input("ftp://recovery.example/feed.xml")
    at.button(key="FormSubmitter:add_source-Add source").click().run()
    assert at.error, "a bad URL is refused"
    assert at.text_input(key="add_name").value == "Recovery Letters"
    assert at.text_input(key="add_url").value == "ftp://recovery.example/feed.xml"
    at.text_input(key="add_url").input("https://recovery.example/feed.xml")
    at.button(key="FormSubmitter:add_source-Add source").click().run()
    assert at.success[0].value.startswith("Added Recovery Letters")
    assert at.text_input(key="add_name").value == "" and at.text_input(key="add_url").value == ""
    assert yaml.safe_load((tmp_path / "sources.yaml").read_text())["sources"][0]["name"] == "Recovery Letters"


def test_last_warning_and_stream_lag_are_shown(dash):
    engine, _ = dash
    now = utcnow()
    with transaction(engine) as s:
        s.scalar(select(Source).where(Source.name == "UK peer blogs")).last_warning = "2 items skipped: parse"
        s.add(Stream(name="bluesky firehose", platform="bluesky", url="wss://bsky.network", status="connected",
                     last_event_at=now - timedelta(seconds=14), last_received_at=now - timedelta(seconds=2),
                     events_seen=5000, events_kept=12))
    at = open_sources()
    sources, streams = at.dataframe[0].value, at.dataframe[1].value
    assert sources.loc[sources["Source"] == "UK peer blogs", "Last warning"].iloc[0] == "2 items skipped: parse"
    assert streams.loc[0, "Lag behind upstream"] == "12 s" and streams.loc[0, "Events seen"] == 5000
