"""Local accounts: hashed passwords, sign-in (throttled), demo accounts."""

import logging
from datetime import datetime, timedelta, timezone

import pytest

from dashboard.accounts import (ARGON2_MEMORY_KIB, ARGON2_PARALLELISM, ARGON2_TIME_COST, _dummy_hash, add_user,
                                authenticate, check_password, client_key, ensure_demo_users, hash_password,
                                needs_rehash, refusal_message, sign_in, throttle_from_settings)
from peerfeed.settings import Settings
from store.db import transaction
from store.sign_in_attempts import Throttle, failure_count
from store.users import UserExists, get_user


ARGON2_PARAMS = f"m={ARGON2_MEMORY_KIB},t={ARGON2_TIME_COST},p={ARGON2_PARALLELISM}"


def legacy_scrypt_hash(password: str) -> str:
    """A hash as peerfeed made them before argon2id (scrypt, N=2^14)."""
    import hashlib

    salt = b"0123456789abcdef"
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${salt.hex()}${digest.hex()}"


def test_hash_is_salted_argon2id_at_owasp_cost_and_verifies():
    a, b = hash_password("correct horse battery"), hash_password("correct horse battery")
    assert a != b and a.startswith(f"$argon2id$v=19${ARGON2_PARAMS}$") and "correct" not in a
    assert ARGON2_MEMORY_KIB >= 19 * 1024 and ARGON2_TIME_COST >= 2  # OWASP's minimum for argon2id
    assert check_password("correct horse battery", a)
    assert not check_password("correct horse batterY", a)
    assert not check_password("anything", None)
    assert not check_password("anything", "md5$abc")


def test_sign_in_with_local_account(sqlite_engine):
    add_user(sqlite_engine, "mod.alex", "moderator", "a long passphrase")
    with pytest.raises(UserExists):
        add_user(sqlite_engine, "mod.alex", "reader", "another passphrase")
    with pytest.raises(ValueError, match="at least"):
        add_user(sqlite_engine, "short", "reader", "abc")
    assert authenticate(sqlite_engine, "mod.alex", "a long passphrase").role == "moderator"
    assert authenticate(sqlite_engine, "mod.alex", "wrong passphrase") is None
    assert authenticate(sqlite_engine, "nobody", "a long passphrase") is None


def test_demo_accounts_are_made_once_and_get_a_fresh_password_each_run(sqlite_engine):
    first = ensure_demo_users(sqlite_engine)
    assert [(u, r) for u, r, _ in first] == [("demo.moderator", "moderator"), ("demo.lead", "lead"),
                                              ("demo.staff", "staff"), ("demo.admin", "admin")]
    second = ensure_demo_users(sqlite_engine)
    for (user, _, old), (_, _, new) in zip(first, second):
        assert old != new
        assert authenticate(sqlite_engine, user, new) is not None
        assert authenticate(sqlite_engine, user, old) is None
    with transaction(sqlite_engine) as s:
        assert get_user(s, "demo.moderator").password_hash.startswith("$argon2id$")


def test_an_old_scrypt_hash_still_signs_in_and_is_replaced_by_argon2id(sqlite_engine):
    from store.users import create_user

    with transaction(sqlite_engine) as s:
        create_user(s, "mod.old", "moderator", legacy_scrypt_hash("an old long passphrase"))
    assert needs_rehash(legacy_scrypt_hash("x")) and not needs_rehash(hash_password("x"))
    assert authenticate(sqlite_engine, "mod.old", "wrong passphrase!") is None
    with transaction(sqlite_engine) as s:
        assert get_user(s, "mod.old").password_hash.startswith("scrypt$")  # a failure changes nothing
    assert authenticate(sqlite_engine, "mod.old", "an old long passphrase").username == "mod.old"
    with transaction(sqlite_engine) as s:
        stored = get_user(s, "mod.old").password_hash
    assert stored.startswith(f"$argon2id$v=19${ARGON2_PARAMS}$")
    assert authenticate(sqlite_engine, "mod.old", "an old long passphrase") is not None


@pytest.mark.parametrize("name, password, problem", [
    ("admin1", " " * 10, "at least 10 characters"),
    ("admin2", "aaaaaaaaaa", "different characters"),
    ("admin3", "ababababababab", "different characters"),
    ("admin4", "abcdeabcdeabcde", "short pattern repeated"),
    ("admin5", "1234567890", "run of keys"),
    ("admin6", "qwertyuiopas", "run of keys"),
    ("admin7", "Password123!", "guessing tool"),
    ("admin8", "P@55w0rd2024!!", "guessing tool"),
    ("admin9", "MyPassword2024", "guessing tool"),
    ("admin12345", "admin12345", "user name"),
    ("chris.wood", "chriswood-2024!", "user name"),
])
def test_weak_and_name_derived_passwords_are_refused(sqlite_engine, name, password, problem):
    with pytest.raises(ValueError, match=problem):
        add_user(sqlite_engine, name, "admin", password)


def test_a_password_made_from_the_email_name_is_refused(sqlite_engine):
    with pytest.raises(ValueError, match="e-mail name"):
        add_user(sqlite_engine, "dee", "admin", "jsmith-the-admin", email="jsmith@trust.example")


@pytest.mark.parametrize("password", ["correct horse battery staple", "a long test passphrase", "Tq8#vLz2!mWp",
                                      "my cat sleeps on the radiator"])
def test_long_or_random_passwords_are_accepted(sqlite_engine, password):
    add_user(sqlite_engine, "mod.ok", "moderator", password)


@pytest.mark.parametrize("name", ["mo\u200b", "m o", "mö", "-mo", "m", "mo\u202e", "x" * 65, "mo@x", ""])
def test_user_names_that_could_print_alike_are_refused(sqlite_engine, name):
    with pytest.raises(ValueError, match="user name"):
        add_user(sqlite_engine, name, "admin", "a long test passphrase")


def test_user_names_are_one_spelling_so_lookalikes_are_the_same_account(sqlite_engine):
    user = add_user(sqlite_engine, " Mo.Alex ", "moderator", "a long test passphrase")
    assert user.username == "mo.alex"
    for same in ("mo.alex", "MO.ALEX", "\uff4d\uff4f.alex"):  # full-width letters fold to ASCII
        with pytest.raises(UserExists):
            add_user(sqlite_engine, same, "admin", "another long passphrase")
        assert authenticate(sqlite_engine, same, "a long test passphrase").username == "mo.alex"


def test_the_weak_passwords_reproduction_passes():
    """../shared/repro/weak_passwords_and_lookalike_names.sh as its author runs it."""
    import subprocess

    from tests.conftest import REPO, SHARED

    script = SHARED / "repro" / "weak_passwords_and_lookalike_names.sh"
    if not script.is_file():
        pytest.skip("../shared/repro is not beside this checkout")
    done = subprocess.run(["bash", str(script)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "added" not in done.stdout, done.stdout + done.stderr


# Throttled sign-in (dashboard.accounts.sign_in over store.sign_in_attempts), on SQLite and PostgreSQL.

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)
THROTTLE = Throttle(max_failures=3, max_client_failures=6, window=timedelta(hours=1),
                    lockout=timedelta(minutes=1), max_lockout=timedelta(minutes=30))


def guesses(engine, name, count, start=T0, client=None):
    """`count` wrong passwords for `name`, a second apart; the results."""
    return [sign_in(engine, name, f"wrong guess {i}", client, THROTTLE, start + timedelta(seconds=i))
            for i in range(count)]


def test_a_locked_name_is_refused_even_with_the_right_password_until_the_lock_ends(engine):
    add_user(engine, "mod.alex", "moderator", "a long passphrase")
    first = guesses(engine, "mod.alex", 3)
    assert [r.retry_at for r in first[:2]] == [None, None]
    assert first[2].user is None and first[2].retry_at == T0 + timedelta(seconds=2, minutes=1)

    refused = sign_in(engine, "mod.alex", "a long passphrase", None, THROTTLE, T0 + timedelta(seconds=30))
    assert refused.user is None and refused.retry_at == first[2].retry_at

    ok = sign_in(engine, "mod.alex", "a long passphrase", None, THROTTLE, first[2].retry_at)
    assert ok.user.username == "mod.alex" and ok.retry_at is None
    with transaction(engine) as s:
        assert failure_count(s, "mod.alex") == 0  # success forgets the failures


def test_an_unknown_name_gets_exactly_the_answers_a_real_one_gets(engine):
    add_user(engine, "mod.alex", "moderator", "a long passphrase")
    real = guesses(engine, "mod.alex", 5)
    unknown = guesses(engine, "no.such.person", 5)
    assert [(r.user, r.retry_at) for r in real] == [(None, r.retry_at) for r in unknown]
    assert refusal_message(real[-1].retry_at, T0) == refusal_message(unknown[-1].retry_at, T0)
    # Both spend a full argon2id check when not locked: the dummy hash has the real cost parameters.
    assert _dummy_hash().startswith(f"$argon2id$v=19${ARGON2_PARAMS}$")


def test_one_client_guessing_many_names_is_locked_but_the_others_are_not(engine):
    add_user(engine, "mod.alex", "moderator", "a long passphrase")
    for i in range(6):
        sign_in(engine, f"name{i}", "wrong", "203.0.113.9", THROTTLE, T0 + timedelta(seconds=i))
    at = T0 + timedelta(seconds=10)
    assert sign_in(engine, "mod.alex", "a long passphrase", "203.0.113.9", THROTTLE, at).retry_at is not None
    assert sign_in(engine, "mod.alex", "a long passphrase", "198.51.100.1", THROTTLE, at).user is not None
    # Signing in to one's own account does not wipe the client's record of guessing other names.
    assert sign_in(engine, "name0", "wrong", "203.0.113.9", THROTTLE, at).retry_at is not None


def test_every_lockout_is_logged_with_fixed_keys_and_never_the_password(engine, caplog):
    caplog.set_level(logging.INFO, logger="dashboard.accounts")
    for i in range(4):
        sign_in(engine, "mod.alex", f"secret-guess-{i}", "203.0.113.9", THROTTLE, T0 + timedelta(minutes=2 * i))
    locked = [r for r in caplog.records if r.getMessage() == "sign-in locked"]
    assert len(locked) == 2  # the 3rd failure locks, and so does the 4th after the first lock ended
    assert [(r.username, r.client, r.scope, r.failures) for r in locked] == [
        ("mod.alex", "203.0.113.9", "user", 3), ("mod.alex", "203.0.113.9", "user", 4)]
    assert locked[1].locked_until == (T0 + timedelta(minutes=6 + 2)).isoformat()
    everything = " ".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert "secret-guess" not in everything


def test_the_refusal_names_the_time_to_try_again_rounded_up():
    msg = refusal_message(datetime(2026, 3, 2, 9, 4, 10, tzinfo=timezone.utc), T0)
    assert msg == "Too many failed sign-in attempts. Try again after 09:05 UTC (in 5 minutes)."
    assert "(in 1 minute)" in refusal_message(T0 + timedelta(seconds=20), T0)


def test_throttle_settings_come_from_peerfeed_environment(monkeypatch):
    monkeypatch.setenv("PEERFEED_SIGN_IN_MAX_FAILURES", "7")
    monkeypatch.setenv("PEERFEED_SIGN_IN_MAX_LOCKOUT_S", "600")
    throttle = throttle_from_settings(Settings(_env_file=None))
    assert throttle.max_failures == 7 and throttle.max_lockout == timedelta(minutes=10)
    assert throttle.max_client_failures == 20 and throttle.window == timedelta(hours=24)
    assert throttle.lockout == timedelta(minutes=1)


@pytest.mark.parametrize("address,key", [
    ("203.0.113.9", "203.0.113.9"),
    (" 203.0.113.9 ", "203.0.113.9"),
    ("::ffff:203.0.113.9", "203.0.113.9"),
    ("2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"),
    ("2001:0db8:0001:0002:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),  # same /64, same key
    ("fe80::1%eth0", "fe80::/64"),
    (None, None), ("", None), ("not an address", None), (object(), None),
])
def test_client_addresses_are_counted_per_ipv4_address_or_ipv6_64(address, key):
    assert client_key(address) == key
