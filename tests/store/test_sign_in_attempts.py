"""Failed sign-ins counted in the database (SQLite and PostgreSQL): lockouts, backoff, pruning, unlock."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone

from alembic import command
from sqlalchemy import func, inspect, select

from store.db import alembic_config, current_revision, make_engine, transaction, upgrade
from store.models import SignInAttempt
from store.sign_in_attempts import (Throttle, begin_attempt, clear_client_failures, clear_failures,
                                    current_lock, failure_count)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
THROTTLE = Throttle(max_failures=3, max_client_failures=5, window=timedelta(hours=1),
                    lockout=timedelta(minutes=1), max_lockout=timedelta(minutes=4))


def attempt(engine, name, at, client=None, throttle=THROTTLE):
    """One failed attempt as the sign-in makes it: the Lock when refused, else None (recorded)."""
    with transaction(engine) as s:
        return begin_attempt(s, throttle, name, client, at)


def rows(engine) -> int:
    with transaction(engine) as s:
        return s.scalar(select(func.count()).select_from(SignInAttempt))


def test_a_name_is_locked_after_the_threshold_with_a_doubling_capped_lockout(engine):
    for i in range(3):
        assert attempt(engine, "mod.alex", T0 + timedelta(seconds=i)) is None
    lock = attempt(engine, "mod.alex", T0 + timedelta(seconds=10))
    assert lock.scope == "user" and lock.failures == 3
    assert lock.until == T0 + timedelta(seconds=2, minutes=1)  # the 3rd failure + 1 minute
    assert rows(engine) == 3  # a refused attempt is not recorded

    # Each failure after a lock expires doubles the next one: 2, then 4 minutes, then the 4-minute cap.
    at = lock.until
    for expected in (2, 4, 4, 4):
        assert attempt(engine, "mod.alex", at) is None
        lock = attempt(engine, "mod.alex", at + timedelta(seconds=1))
        assert lock.until == at + timedelta(minutes=expected)
        assert attempt(engine, "mod.alex", lock.until - timedelta(microseconds=1)) is not None
        at = lock.until
    # Another name is untouched.
    assert attempt(engine, "mod.bea", at - timedelta(seconds=30)) is None


def test_unknown_names_and_whitespace_are_counted_like_real_ones(engine):
    for i, typed in enumerate(["nobody.here", " nobody.here", "nobody.here  "]):
        assert attempt(engine, typed, T0 + timedelta(seconds=i)) is None
    assert attempt(engine, "nobody.here", T0 + timedelta(seconds=5)).scope == "user"
    with transaction(engine) as s:
        assert failure_count(s, "nobody.here") == 3


def test_failures_outside_the_window_are_forgotten_and_pruned(engine):
    for i in range(2):
        attempt(engine, "mod.alex", T0 + timedelta(seconds=i), client="198.51.100.7")
    later = T0 + timedelta(hours=1, seconds=2)  # both are now older than the one-hour window
    assert attempt(engine, "mod.alex", later) is None
    assert attempt(engine, "mod.alex", later + timedelta(seconds=1)) is None
    assert rows(engine) == 2  # the two old rows were deleted when a new one was recorded
    with transaction(engine) as s:
        assert current_lock(s, THROTTLE, "mod.alex", None, later + timedelta(seconds=2)) is None


def test_one_client_is_locked_across_names_and_only_when_its_address_is_known(engine):
    for i in range(5):
        assert attempt(engine, f"guess{i}", T0 + timedelta(seconds=i), client="203.0.113.9") is None
    lock = attempt(engine, "mod.alex", T0 + timedelta(seconds=6), client="203.0.113.9")
    assert lock.scope == "client" and lock.until == T0 + timedelta(seconds=4, minutes=1)
    # The same name from another address, or with no address, is still checked.
    assert attempt(engine, "mod.alex", T0 + timedelta(seconds=7), client="198.51.100.1") is None
    assert attempt(engine, "mod.alex", T0 + timedelta(seconds=8)) is None


def test_clearing_unlocks_a_name_or_a_client(engine):
    for i in range(3):
        attempt(engine, "mod.alex", T0 + timedelta(seconds=i))
    for i in range(5):
        attempt(engine, f"guess{i}", T0 + timedelta(seconds=i), client="203.0.113.9")
    at = T0 + timedelta(seconds=10)
    assert attempt(engine, "mod.alex", at).scope == "user"
    assert attempt(engine, "mod.bea", at, client="203.0.113.9").scope == "client"
    with transaction(engine) as s:
        assert clear_failures(s, " mod.alex ") == 3
        assert clear_client_failures(s, "203.0.113.9") == 5
    assert attempt(engine, "mod.alex", at) is None
    assert attempt(engine, "mod.bea", at, client="203.0.113.9") is None


def test_attempts_at_the_same_moment_are_each_counted_and_none_slips_past_the_threshold(database_url):
    """Twelve attempts at once on one name: every one is counted, and exactly three get through."""
    engines = [make_engine(database_url) for _ in range(12)]  # separate connections, as processes have
    results, barrier = [], threading.Barrier(len(engines))

    def one(engine):
        barrier.wait()
        results.append(attempt(engine, "mod.alex", T0))

    threads = [threading.Thread(target=one, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(results) == 12
    assert sum(r is None for r in results) == THROTTLE.max_failures
    assert rows(engines[0]) == THROTTLE.max_failures
    for e in engines:
        e.dispose()


def test_migration_0003_is_applied_with_the_lookup_indexes(engine):
    # That the model and the migration agree column by column is tests/store/test_schema.py's job.
    # Later migrations (0004, 0005 ...) build on 0003, so the head is 0003 or one after it.
    assert current_revision(engine) >= "0003"
    indexes = {ix["name"] for ix in inspect(engine).get_indexes("sign_in_attempts")}
    assert {"ix_sign_in_attempts_username", "ix_sign_in_attempts_client", "ix_sign_in_attempts_at"} <= indexes


def test_migration_0003_downgrades_and_upgrades(sqlite_engine):
    command.downgrade(alembic_config(sqlite_engine), "0002")
    assert "sign_in_attempts" not in inspect(sqlite_engine).get_table_names()
    upgrade(sqlite_engine)
    assert "sign_in_attempts" in inspect(sqlite_engine).get_table_names()
