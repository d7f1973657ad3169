"""Local accounts: hashed passwords, sign-in, demo accounts."""

import pytest

from dashboard.accounts import (add_user, authenticate, check_password, ensure_demo_users, hash_password)
from store.db import transaction
from store.users import UserExists, get_user


def test_hash_is_salted_and_verifies():
    a, b = hash_password("correct horse battery"), hash_password("correct horse battery")
    assert a != b and a.startswith("scrypt$") and "correct" not in a
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
    assert [(u, r) for u, r, _ in first] == [("demo.moderator", "moderator"), ("demo.staff", "staff"),
                                              ("demo.admin", "admin")]
    second = ensure_demo_users(sqlite_engine)
    for (user, _, old), (_, _, new) in zip(first, second):
        assert old != new
        assert authenticate(sqlite_engine, user, new) is not None
        assert authenticate(sqlite_engine, user, old) is None
    with transaction(sqlite_engine) as s:
        assert get_user(s, "demo.moderator").password_hash.startswith("scrypt$")
