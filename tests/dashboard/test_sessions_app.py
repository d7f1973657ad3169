"""Sessions seen from the pages (AppTest): sign-in starts one, sign-out ends it, expiry and a role
change end it, and an alert's link reaching someone signed out asks them to sign in to that post."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from store.db import transaction
from store.models import DashboardSession
from store.users import set_role
from tests.dashboard.conftest import APP, PASSWORD


def signed_in(user: str = "mod.alex", post: int | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if post is not None:
        at.query_params["post"] = str(post)
    at.run()
    at.switch_page("app_pages/sign_in.py").run()  # (the browser opens it at /review?post=N itself)
    at.text_input(key="sign_in_user").input(user)
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def sessions_of(engine, user="mod.alex"):
    with transaction(engine) as s:
        return [(r.id, r.ended_why) for r in s.scalars(select(DashboardSession).where(DashboardSession.username == user))]


def test_signing_in_starts_a_server_side_session_and_hands_the_cookie_over(dash):
    engine, _ = dash
    at = signed_in()
    assert [t.value for t in at.title] == ["Review queue"]
    [(sid, why)] = sessions_of(engine)
    assert why is None and at.session_state["session_id"] == sid
    # the browser was sent to collect its cookie (the hand-off is used once)
    assert "cookie_handoff" not in at.session_state


def test_an_alert_link_signed_out_asks_to_sign_in_then_opens_that_post(dash):
    engine, ids = dash
    at = AppTest.from_file(APP, default_timeout=30)
    at.query_params["post"] = str(ids["burden"])
    at.run()
    at.switch_page("app_pages/sign_in.py").run()  # served at /review while signed out (browser test)
    assert [t.value for t in at.title] == ["Sign in"]
    assert f"(post {ids['burden']})" in at.info[0].value
    at = signed_in(post=ids["burden"])
    assert [t.value for t in at.title] == ["Review queue"]
    assert "alert pointed to" in at.info[0].value


def test_sign_out_ends_the_session_and_sign_out_everywhere_ends_them_all(dash):
    engine, _ = dash
    first, second = signed_in(), signed_in()
    first.switch_page("app_pages/account.py").run()
    first.button[0].click().run()  # Sign out
    ended = dict(sessions_of(engine))
    assert sorted(ended.values(), key=str) == [None, "signed out"]
    second.switch_page("app_pages/account.py").run()
    second.button[1].click().run()  # Sign out everywhere
    assert {why for _, why in sessions_of(engine)} == {"signed out", "signed out everywhere"}


def test_another_tab_is_signed_out_when_its_session_ends(dash, monkeypatch):
    engine, _ = dash
    at = signed_in()
    with transaction(engine) as s:
        set_role(s, "mod.alex", "reader")
        set_role(s, "mod.alex", "moderator")  # a moderator again, but that sign-in was for the old role
    at.run()
    assert [t.value for t in at.title] != ["Review queue"] and "local_user" not in at.session_state


def test_an_idle_session_signs_the_tab_out(dash):
    engine, _ = dash
    at = signed_in()
    with transaction(engine) as s:
        row = s.scalars(select(DashboardSession)).one()
        row.last_seen_at -= timedelta(minutes=31)
    at.run()
    assert [t.value for t in at.title] != ["Review queue"] and "local_user" not in at.session_state
    assert sessions_of(engine)[0][1] == "idle"


def test_team_log_shows_who_did_what_and_leads_see_activity(dash):
    from dashboard.accounts import add_user
    from tests.dashboard.seed import item_of

    engine, ids = dash
    add_user(engine, "lead.fay", "lead", PASSWORD)
    item = item_of(engine, ids["burden"])
    mod = AppTest.from_file(APP, default_timeout=30)
    mod.session_state["local_user"] = "mod.alex"
    mod.run()
    mod.button(key=f"focus-{item.id}").click().run()
    mod.text_input(key=f"reason-{item.id}").input("feels a burden")
    mod.button(key=f"escalate-{item.id}").click().run()
    mod.switch_page("app_pages/team_log.py").run()
    assert not mod.exception, mod.exception
    log = "\n".join(m.value for m in mod.markdown).replace("\\", "")
    assert "mod.alex** escalate" in log and "reason: feels a burden" in log
    assert "model** published" in log  # the model's decisions are in the log too
    assert "Moderator activity" not in [h.value for h in mod.subheader]
    lead = AppTest.from_file(APP, default_timeout=30)
    lead.session_state["local_user"] = "lead.fay"
    lead.run()
    lead.segmented_control(key="desk_view").set_value("Escalated").run()
    assert [b.key for b in lead.button if b.key and b.key.startswith("focus-")] == [f"focus-{item.id}"]
    lead.switch_page("app_pages/team_log.py").run()
    assert "Moderator activity" in [h.value for h in lead.subheader]


def test_an_escalated_crisis_card_says_waiting_once(dash):
    from tests.dashboard.seed import item_of

    engine, ids = dash
    item = item_of(engine, ids["crisis"])
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["local_user"] = "mod.alex"
    at.run()
    at.button(key=f"escalate-{item.id}").click().run()
    banners = [e.value for e in at.error] + [i.value for i in at.info] + [c.value for c in at.caption]
    assert sum("waiting" in b.lower() for b in banners) == 1, banners
    assert any(b.startswith("**Escalated** by mod\\.alex") for b in banners)
