"""Every page and role through Streamlit's AppTest, against a real seeded SQLite database."""

from __future__ import annotations

import re
from datetime import timedelta
from html import unescape

import pytest
import yaml
from sqlalchemy import select
from streamlit.testing.v1 import AppTest

from store.db import transaction
from store.models import AuditEntry, Label, ReviewItem, Source
from tests.dashboard.conftest import APP, PASSWORD
from tests.dashboard.seed import POSTS, item_of

TEXT = {key: text for key, _, _, _, text, *_ in POSTS}
HELD = ("waiting", "lonely", "burden", "crisis")


def open_app(user: str | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    if user:
        at.session_state["local_user"] = user
    at.run()
    if page:
        at.switch_page(f"app_pages/{page}.py").run()
    assert not at.exception, at.exception
    return at


def focus(at: AppTest, item_id: int) -> AppTest:
    """Bring a post into focus on the review desk (only the post in focus has its action buttons)."""
    at.button(key=f"focus-{item_id}").click().run()
    assert not at.exception, at.exception
    return at


def page_text(at: AppTest) -> str:
    """Everything the page shows as text (Markdown is unescaped back to plain text)."""
    parts = [m.value for m in at.markdown] + [e.value for e in at.error] + [w.value for w in at.warning]
    parts += [c.value for c in at.caption] + [e.label for e in at.expander]
    parts += [unescape(re.sub(r"<[^>]+>", "", h.value)) for h in at.html]  # the digest's cards
    return "\n".join(parts).replace("\\", "")


def test_reader_never_sees_held_posts(dash):
    at = open_app()
    assert [t.value for t in at.title] == ["Digest"]
    shown = page_text(at)
    assert TEXT["cafe"] in shown and TEXT["rights"] in shown
    for key in HELD:
        assert TEXT[key] not in shown
    at.text_input(key="digest_search").input("waiting list therapy").run()
    assert TEXT["waiting"] not in page_text(at)
    assert "No posts match" in page_text(at) or any("No posts match" in i.value for i in at.info)


@pytest.mark.parametrize("user,allowed,refused", [
    (None, {"digest", "sign_in"}, {"review_queue", "themes", "sources", "account"}),
    ("reader.eli", {"digest", "account"}, {"review_queue", "themes", "sources", "model"}),
    ("mod.alex", {"review_queue", "digest", "account"}, {"themes", "sources", "model"}),
    ("staff.chris", {"digest", "themes", "sources", "model", "account"}, {"review_queue"}),
    ("admin.dee", {"review_queue", "digest", "themes", "sources", "model", "account"}, set()),
])
def test_pages_follow_the_role(dash, user, allowed, refused):
    for page in allowed:
        at = open_app(user, page)
        assert not at.exception and not [e for e in at.error if "access" in e.value], page
    at = open_app(user)
    for page in refused:
        # Not in this viewer's st.navigation: the page cannot be opened at all.
        with pytest.raises(ValueError, match="not a valid page|registered|not found"):
            at.switch_page(f"app_pages/{page}.py")


def test_sign_in_with_a_local_account(dash):
    at = open_app(page="sign_in")
    at.text_input(key="sign_in_user").input("mod.alex")
    at.text_input(key="sign_in_password").input("not the password")
    at.button[0].click().run()
    assert "do not match" in at.error[0].value
    at.text_input(key="sign_in_password").input(PASSWORD)
    at.button[0].click().run()
    assert [t.value for t in at.title] == ["Review queue"]  # a moderator lands on the queue


def try_sign_in(at: AppTest, user: str, password: str) -> AppTest:
    at.text_input(key="sign_in_user").input(user)
    at.text_input(key="sign_in_password").input(password)
    return at.button[0].click().run()


def test_sign_in_is_refused_after_repeated_failures_in_every_session(dash, monkeypatch):
    monkeypatch.setenv("PEERFEED_SIGN_IN_MAX_FAILURES", "3")
    at = open_app(page="sign_in")
    for _ in range(2):
        assert "do not match" in try_sign_in(at, "mod.alex", "not the password").error[0].value
    refusal = try_sign_in(at, "mod.alex", "not the password").error[0].value
    assert refusal.startswith("Too many failed sign-in attempts. Try again after ") and "UTC (in 1 minute)" in refusal
    # The right password is refused too, here and in a new session (another tab, or after a restart).
    assert try_sign_in(at, "mod.alex", PASSWORD).error[0].value == refusal
    other = open_app(page="sign_in")
    assert try_sign_in(other, "mod.alex", PASSWORD).error[0].value == refusal
    assert [t.value for t in other.title] == ["Sign in"] and "local_user" not in other.session_state
    # A name with no account is answered the same way, and another name is not locked.
    for _ in range(3):
        unknown = try_sign_in(other, "mod.nobody", "not the password").error[0].value
    assert unknown.startswith("Too many failed sign-in attempts.")
    try_sign_in(other, "mod.bea", PASSWORD)
    assert [t.value for t in other.title] == ["Review queue"]


def test_digest_can_require_sign_in(dash, monkeypatch):
    monkeypatch.setenv("PEERFEED_DIGEST_REQUIRES_SIGN_IN", "true")
    at = open_app()
    assert [t.value for t in at.title] == ["Sign in"]
    assert TEXT["cafe"] not in page_text(at)
    at = open_app("reader.eli")
    assert [t.value for t in at.title] == ["Digest"] and TEXT["cafe"] in page_text(at)
    from dashboard.accounts import add_user  # every signed-in role reads it, a lead moderator too

    add_user(dash[0], "lead.fay", "lead", PASSWORD)
    at = open_app("lead.fay", page="digest")
    assert [t.value for t in at.title] == ["Digest"] and TEXT["cafe"] in page_text(at)


def test_queue_puts_crisis_first_with_its_waiting_time_and_help_beside_it(dash):
    engine, ids = dash
    at = open_app("mod.alex")
    assert [t.value for t in at.title] == ["Review queue"]
    assert at.error[0].value.startswith("**CRISIS** · waiting ")
    assert len([e for e in at.error if "waiting" in e.value]) == 1  # one waiting time per card
    order = [b.key for b in at.button if b.key and b.key.startswith("focus-")]
    items = [item_of(engine, ids[k]).id for k in ("crisis", "burden")]
    assert order[:2] == [f"focus-{i}" for i in items]
    assert f"approve-{items[0]}" in {b.key for b in at.button}  # the crisis post is in focus
    sidebar = "\n".join(m.value for m in at.sidebar.markdown).replace("\\", "")
    for must in ("116 123", "85258", "option 2", "999"):
        assert must in sidebar
    assert TEXT["crisis"] in page_text(at)  # moderators read held posts; readers never do


def test_moderator_approves_and_the_post_reaches_the_digest(dash):
    engine, ids = dash
    item = item_of(engine, ids["waiting"])
    at = focus(open_app("mod.alex"), item.id)
    at.button(key=f"approve-{item.id}").click().run()
    assert at.success[0].value.startswith("Approved")
    assert f"approve-{item.id}" not in {b.key for b in at.button}
    at.switch_page("app_pages/digest.py").run()
    assert TEXT["waiting"] in page_text(at)
    anon = open_app()
    assert TEXT["waiting"] in page_text(anon)
    with transaction(engine) as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.review_item_id == item.id)).all()
        assert [(a.actor, a.action) for a in audit] == [("mod.alex", "approve")]


def test_second_moderator_is_told_when_someone_acted_first(dash):
    engine, ids = dash
    item = item_of(engine, ids["burden"])
    alex, bea = focus(open_app("mod.alex"), item.id), focus(open_app("mod.bea"), item.id)
    alex.text_input(key=f"reason-{item.id}").input("says they are a burden; needs a call")
    alex.button(key=f"escalate-{item.id}").click().run()
    assert alex.success[0].value.startswith("Escalated")
    bea.button(key=f"approve-{item.id}").click().run()  # Bea still sees the old version
    assert any("Not saved: mod.alex escalated this post at " in e.value and "(it is now escalated)" in e.value
               for e in bea.error)
    with transaction(engine) as s:
        audit = s.scalar(select(AuditEntry).where(AuditEntry.review_item_id == item.id))
        assert audit.detail == {"reason": "says they are a burden; needs a call"}
    after = item_of(engine, ids["burden"])
    assert after.state == "escalated" and after.decided_by == "mod.alex"
    assert TEXT["burden"] not in page_text(open_app(page="digest"))


def test_hide_assign_note_and_correct_are_recorded(dash):
    engine, ids = dash
    lonely, waiting = item_of(engine, ids["lonely"]), item_of(engine, ids["waiting"])
    at = focus(open_app("mod.alex"), lonely.id)
    at.button(key=f"assign-{lonely.id}").click().run()
    at.text_area(key=f"note-{lonely.id}").input("Replied with the peer group details")
    at.button(key=f"FormSubmitter:note-form-{lonely.id}-Save note").click().run()
    assert at.success[0].value == "Note saved."
    at.text_area(key=f"note-{lonely.id}").input("They thanked us")
    at.button(key=f"FormSubmitter:note-form-{lonely.id}-Save note").click().run()
    notes = [m.value for m in at.markdown if m.value.startswith("- ") and ("Replied" in m.value or "thanked" in m.value)]
    assert len(notes) == 2  # the second note is added, not written over the first
    at.button(key=f"hide-{lonely.id}").click().run()
    assert at.success[0].value.startswith("Hidden")
    focus(at, waiting.id)
    at.selectbox(key=f"level-{waiting.id}").set_value(2)
    at.multiselect(key=f"topics-{waiting.id}").set_value(["services_access"])
    at.button(key=f"FormSubmitter:correct-form-{waiting.id}-Save correction").click().run()
    assert at.success[0].value.startswith("Correction saved")
    with transaction(engine) as s:
        actions = [(a.actor, a.action) for a in s.scalars(select(AuditEntry).order_by(AuditEntry.id))]
        assert actions == [("mod.alex", "assign"), ("mod.alex", "note"), ("mod.alex", "note"), ("mod.alex", "hide"),
                           ("mod.alex", "correct")]
        label = s.scalar(select(Label).where(Label.post_id == ids["waiting"]))
        assert (label.distress, label.topics) == (2, ["services_access"])
        assert s.get(ReviewItem, lonely.id).note == "They thanked us"
    assert TEXT["lonely"] not in page_text(open_app(page="digest"))


def test_bulk_approve_asks_first_takes_level_one_only_and_can_be_undone(dash):
    engine, ids = dash
    a, b, high = (item_of(engine, ids[k]) for k in ("waiting", "lonely", "burden"))
    at = open_app("mod.alex")
    at.checkbox(key=f"sel-{high.id}").check().run()
    assert at.button(key="bulk_start").disabled  # a high-risk post is never approved in bulk
    at.checkbox(key=f"sel-{high.id}").uncheck()
    at.checkbox(key=f"sel-{a.id}").check()
    at.checkbox(key=f"sel-{b.id}").check().run()
    at.button(key="bulk_start").click().run()
    assert "Approve 2 posts?" in at.warning[0].value
    assert item_of(engine, ids["waiting"]).state == "pending"  # nothing happens before the confirmation
    at.button(key="bulk_confirm").click().run()
    assert at.success[0].value == "Approved 2 posts."
    digest = page_text(open_app(page="digest"))
    assert TEXT["waiting"] in digest
    # Folded behind its content warning until clicked, but there.
    assert "Content warning: low mood" in digest and TEXT["lonely"] in digest
    at.button(key="desk_undo_button").click().run()
    assert at.success[0].value.startswith("Undone: 2 posts are back in the queue")
    assert TEXT["waiting"] not in page_text(open_app(page="digest"))
    assert {item_of(engine, ids[k]).state for k in ("waiting", "lonely")} == {"pending"}


def test_a_decision_is_reversed_from_resolved(dash):
    engine, ids = dash
    item = item_of(engine, ids["cafe"])  # published by the model
    at = open_app("mod.alex")
    at.segmented_control(key="desk_view").set_value("Resolved").run()
    assert not at.exception, at.exception
    at.text_input(key=f"reopen-note-{item.id}").input("needs a second look")
    at.button(key=f"reopen-{item.id}").click().run()
    assert at.success[0].value.startswith("Reversed")
    assert TEXT["cafe"] not in page_text(open_app(page="digest"))
    after = item_of(engine, ids["cafe"])
    assert after.state == "pending"
    with transaction(engine) as s:
        audit = s.scalar(select(AuditEntry).where(AuditEntry.review_item_id == item.id))
        assert (audit.actor, audit.action, audit.detail["note"]) == ("mod.alex", "reopen", "needs a second look")


def test_post_text_is_shown_inert(dash):
    engine, ids = dash
    from store.models import Post
    with transaction(engine) as s:
        s.get(Post, ids["cafe"]).content_text = 'Hi <script>alert(1)</script> ![x](http://t.example/p.png) [y](javascript:alert(1))'
    at = open_app()
    assert all(not m.proto.allow_html for m in at.markdown)
    card = [h.value for h in at.html if "alert" in h.value]  # the digest's own HTML around escaped text
    assert card and "&lt;script&gt;alert(1)&lt;/script&gt;" in card[0] and "<script" not in card[0]
    assert "<img" not in card[0] and "javascript:" not in card[0].split("href=")[-1].split(">")[0]
    assert 'href="http://t.example/p.png)"' not in card[0]


def test_themes_for_staff_suppress_small_counts_and_chart_enough(dash):
    engine, ids = dash
    at = open_app("staff.chris", "themes")
    assert [t.value for t in at.title] == ["Themes"]
    at.button_group(key="themes_period").set_value("day").run()
    assert any("Not enough posts per topic and day" in i.value for i in at.info)
    for key in TEXT:
        assert TEXT[key] not in page_text(at)  # staff never read individual posts here
    # Twelve more carers' posts today, by six people: now the topic clears k=5 and is charted.
    from peerfeed.records import Platform, Post
    from store.classification import record_classifications
    from store.models import Post as PostRow
    from store.posts import upsert_posts
    from tests.dashboard.seed import NOW, Result
    with transaction(engine) as s:
        upsert_posts(s, [Post(platform=Platform.RSS, platform_id=f"https://rss.example/more-{n}", source="seed",
                              url=f"https://rss.example/more-{n}", author=f"Carer {n % 6}", content_html="<p>x</p>",
                              content_text=f"Carers meeting note {n}", published_at=NOW - timedelta(minutes=n),
                              tags=("carers",)) for n in range(12)])
        new = s.scalars(select(PostRow.id).where(PostRow.platform_id.like("%/more-%"))).all()
        record_classifications(s, [(pid, Result(0, ["carers"], ["x"])) for pid in new])
    from dashboard import data
    data.themes.clear()
    at = open_app("staff.chris", "themes")
    assert not any("Not enough posts per topic" in i.value for i in at.info)
    charts = at.get("vega_lite_chart")
    assert len(charts) >= 2
    assert any("topic volumes" in d.label for d in at.get("download_button"))


def test_sources_page_shows_health_and_adds_a_source(dash, tmp_path):
    engine, _ = dash
    with transaction(engine) as s:
        src = s.scalar(select(Source).where(Source.name == "#peersupport"))
        src.last_status, src.last_error_kind, src.last_error = "error", "http_5xx", "HTTP 503 from mastodon.example"
    at = open_app("admin.dee", "sources")
    table = at.dataframe[0].value
    assert set(table["Source"]) == {"UK peer blogs", "#peersupport", "coproduction on Bluesky"}
    assert "http_5xx: HTTP 503" in table.loc[table["Source"] == "#peersupport", "Error"].iloc[0]
    at.text_input(key="add_name").input("Recovery Letters")
    at.text_input(key="add_url").input("https://recovery.example/feed.xml")
    at.button(key="FormSubmitter:add_source-Add source").click().run()
    assert not at.exception, at.exception
    assert at.success[0].value.startswith("Added Recovery Letters")
    saved = yaml.safe_load((tmp_path / "sources.yaml").read_text())
    assert saved["sources"] == [{"name": "Recovery Letters", "platform": "rss", "url": "https://recovery.example/feed.xml"}]
    with transaction(engine) as s:
        assert s.scalar(select(Source.enabled).where(Source.name == "Recovery Letters")) is True
    at.selectbox(key="toggle_name").set_value("Recovery Letters")
    at.radio(key="toggle_state").set_value("Disabled")
    at.button(key="FormSubmitter:toggle_source-Save").click().run()
    assert at.success[0].value.startswith("Recovery Letters is now disabled (saved in ")
    with transaction(engine) as s:
        assert s.scalar(select(Source.enabled).where(Source.name == "Recovery Letters")) is False


def test_account_page_signs_out(dash):
    at = open_app("reader.eli", "account")
    assert "reader" in page_text(at)
    at.button[0].click().run()
    assert [t.value for t in at.title] == ["Digest"]
    at.switch_page("app_pages/sign_in.py").run()  # signed out: the sign-in page is back
    assert [t.value for t in at.title] == ["Sign in"]


def test_history_of_an_item_is_shown_to_moderators(dash):
    engine, ids = dash
    item = item_of(engine, ids["burden"])
    at = focus(open_app("mod.alex"), item.id)
    at.button(key=f"assign-{item.id}").click().run()
    history = [e for e in at.expander if e.label.startswith("History")]
    assert [e.label for e in history] == ["History (1)"]
    assert "mod.alex** assign" in "\n".join(m.value for m in history[0].markdown).replace("\\", "")


def test_single_sign_on_replaces_the_password_form_when_configured(dash):
    at = AppTest.from_file(APP, default_timeout=30)
    at.secrets["auth"] = {"redirect_uri": "http://127.0.0.1:8501/oauth2callback", "cookie_secret": "x" * 32,
                          "client_id": "peerfeed", "client_secret": "s",
                          "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration"}
    at.run()
    at.switch_page("app_pages/sign_in.py").run()
    assert not at.exception
    assert not at.text_input  # no local password form
    assert [b.label for b in at.button] == ["Sign in"]


def test_digest_pages_filters_and_feed(dash, tmp_path):
    engine, ids = dash
    from tests.dashboard.seed import seed_bulk
    seed_bulk(engine, n=45)
    (tmp_path / "site" / "digest").mkdir(parents=True)
    (tmp_path / "site" / "digest" / "weekly.atom").write_text("<feed xmlns='http://www.w3.org/2005/Atom'/>")
    at = open_app()

    def cards() -> set[str]:
        return {h.value for h in at.html if "<p>" in h.value}  # post bodies (meta lines have a class)

    first = cards()
    assert at.button(key="digest_prev").disabled and not at.button(key="digest_next").disabled
    at.button(key="digest_next").click().run()
    second = cards()
    assert len(first) >= 20 and len(second) >= 20 and not (first & second)  # the next 20 posts
    assert "Page 2" in page_text(at)
    assert any("](/digest/weekly.atom)" in m.value for m in at.markdown)  # served by dashboard/server.py
    at.selectbox(key="digest_topic").set_value("events").run()
    assert "Page 1" in page_text(at)  # a new filter starts again at page 1
    shown = [h.value for h in at.html if "(#" in h.value or "Bridge Centre" in h.value]
    assert shown and all("Webinar" in v or "cafe" in v for v in shown)
    at.selectbox(key="digest_topic").set_value(None)
    at.selectbox(key="digest_platform").set_value("bluesky").run()
    assert TEXT["cafe"] not in page_text(at)  # an RSS post


def test_an_alert_link_opens_the_queue_at_its_post(dash):
    engine, ids = dash
    item = item_of(engine, ids["burden"])
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["local_user"] = "mod.alex"
    at.query_params["post"] = str(ids["burden"])
    at.run()
    assert not at.exception, at.exception
    assert [b.key for b in at.button if b.key and b.key.startswith("approve-")] == [f"approve-{item.id}"]
    assert "alert pointed to" in at.info[0].value
    # Once someone has dealt with it, the link says so instead of showing an empty page.
    at.button(key=f"hide-{item.id}").click().run()
    assert "no longer waiting" in at.warning[0].value
    with transaction(engine) as s:
        assert s.get(ReviewItem, item.id).state == "hidden"


def test_a_moderator_demoted_while_the_page_is_open_cannot_approve(dash):
    # ../shared/repro/demoted_moderator_still_approves.py: the Approve button was drawn while
    # mod.bea was a moderator; an admin makes her a reader; the click must change nothing.
    engine, ids = dash
    item = item_of(engine, ids["crisis"])
    at = open_app("mod.bea")
    from store.users import set_role

    with transaction(engine) as s:
        set_role(s, "mod.bea", "reader")
    at.button(key=f"approve-{item.id}").click().run()
    after = item_of(engine, ids["crisis"])
    assert (after.state, after.decided_by) == (item.state, item.decided_by)
    assert TEXT["crisis"] not in page_text(open_app(page="digest"))
    with transaction(engine) as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.review_item_id == item.id)).all() == []


def test_alerts_that_could_not_be_sent_are_shown_on_the_desk(dash):
    # A crisis alert that keeps failing is retried, and the moderators see that it did not reach them.
    from dashboard import data
    from store.models import AlertSent, utcnow

    engine, ids = dash
    at = open_app("mod.alex")
    assert not [e for e in at.error if "could not be sent" in e.value]
    with transaction(engine) as s:
        s.add(AlertSent(post_id=ids["crisis"], level=3, channel="webhook", status="failed", error="HTTP 500",
                        sent_at=utcnow(), attempts=3))
    data.failing_alerts.clear()  # (read again within 15 s on the page itself)
    at = open_app("mod.alex")
    shown = [e.value for e in at.error if "could not be sent" in e.value]
    assert len(shown) == 1 and f"(/review?post={ids['crisis']})" in shown[0] and "3 failed tries" in shown[0]
    assert "HTTP 500" not in shown[0]  # what the server said stays in `peerfeed status`, not on every screen
