"""Dashboard sessions (store/sessions.py) on SQLite and PostgreSQL: a reload keeps them, time ends them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from store.db import transaction, upgrade
from store.models import DashboardSession, User, utcnow
from store import sessions
from store.sessions import SessionPolicy
from store.users import create_user, set_role

POLICY = SessionPolicy(idle=timedelta(minutes=30), absolute=timedelta(hours=12))


def _signed_in(engine, name="mod.alex", role="moderator", now=None):
    """A session for `name` whose hand-off has been collected: (session id, cookie token)."""
    upgrade(engine)
    with transaction(engine) as s:
        if s.scalar(select(User).where(User.username == name)) is None:
            create_user(s, name, role)
        started = sessions.start(s, name, POLICY, now=now)
    with transaction(engine) as s:
        token = sessions.collect_handoff(s, started.handoff, POLICY, now=now)
    assert token
    return started.id, token


def test_the_cookie_token_finds_the_session_and_only_its_hash_is_stored(engine):
    sid, token = _signed_in(engine)
    with transaction(engine) as s:
        row = sessions.check(s, POLICY, token=token)
        assert row is not None and row.id == sid and row.username == "mod.alex"
        assert token not in {row.token_hash, row.handoff_hash}
        assert sessions.check(s, POLICY, token=token + "x") is None
        assert sessions.check(s, POLICY, token="") is None


def test_a_handoff_code_works_once_and_only_for_a_minute(engine):
    upgrade(engine)
    t0 = utcnow()
    with transaction(engine) as s:
        create_user(s, "mod.alex", "moderator")
        first = sessions.start(s, "mod.alex", POLICY, now=t0)
        late = sessions.start(s, "mod.alex", POLICY, now=t0)
    with transaction(engine) as s:
        assert sessions.collect_handoff(s, first.handoff, POLICY, now=t0 + timedelta(seconds=5))
        assert sessions.collect_handoff(s, first.handoff, POLICY, now=t0 + timedelta(seconds=6)) is None
        assert sessions.collect_handoff(s, late.handoff, POLICY, now=t0 + timedelta(seconds=61)) is None
        assert sessions.collect_handoff(s, "", POLICY) is None


def test_idle_and_absolute_limits_end_a_session(engine):
    t0 = utcnow()
    sid, token = _signed_in(engine, now=t0)
    with transaction(engine) as s:
        # used every 25 minutes: alive until the absolute limit, however busy
        at = t0
        while at + timedelta(minutes=25) < t0 + POLICY.absolute:
            at += timedelta(minutes=25)
            assert sessions.check(s, POLICY, token=token, now=at) is not None, at - t0
        assert sessions.check(s, POLICY, token=token, now=t0 + POLICY.absolute) is None
        assert s.get(DashboardSession, sid).ended_why == "absolute limit"
    sid, token = _signed_in(engine, name="mod.bea", now=t0)
    with transaction(engine) as s:
        assert sessions.check(s, POLICY, session_id=sid, now=t0 + timedelta(minutes=31)) is None
        assert s.get(DashboardSession, sid).ended_why == "idle"
        # ended is ended: coming back inside the window again does not revive it
        assert sessions.check(s, POLICY, session_id=sid, now=t0 + timedelta(minutes=1)) is None


def test_sign_out_everywhere_ends_every_browser_of_that_person_only(engine):
    a1, t1 = _signed_in(engine)
    a2, t2 = _signed_in(engine)
    b, tb = _signed_in(engine, name="mod.bea")
    with transaction(engine) as s:
        assert sessions.end_all(s, "mod.alex") == 2
    with transaction(engine) as s:
        assert sessions.check(s, POLICY, token=t1) is None and sessions.check(s, POLICY, token=t2) is None
        assert sessions.check(s, POLICY, token=tb) is not None


def test_sign_out_of_one_browser_leaves_the_other(engine):
    a1, t1 = _signed_in(engine)
    a2, t2 = _signed_in(engine)
    with transaction(engine) as s:
        sessions.end(s, a1)
    with transaction(engine) as s:
        assert sessions.check(s, POLICY, token=t1) is None and sessions.check(s, POLICY, token=t2) is not None


def test_a_role_change_or_a_removed_account_ends_its_sessions_at_once(engine):
    _, token = _signed_in(engine)
    _, bea = _signed_in(engine, name="mod.bea")
    with transaction(engine) as s:
        set_role(s, "mod.alex", "reader")
        s.delete(s.scalar(select(User).where(User.username == "mod.bea")))
    with transaction(engine) as s:
        assert sessions.check(s, POLICY, token=token) is None
        assert sessions.check(s, POLICY, token=bea) is None
        whys = {r.username: r.ended_why for r in s.scalars(select(DashboardSession))}
        assert whys == {"mod.alex": "role changed", "mod.bea": "account removed"}


def test_setting_the_same_role_again_keeps_the_session(engine):
    _, token = _signed_in(engine)
    with transaction(engine) as s:
        set_role(s, "mod.alex", "moderator")
    with transaction(engine) as s:
        assert sessions.check(s, POLICY, token=token) is not None
