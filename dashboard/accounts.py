"""Local accounts: password hashing (argon2id), throttled sign-in, and the demo's accounts.

Hashes are argon2id in the PHC string format (`$argon2id$v=19$m=...,t=...,p=...$salt$hash`) at
OWASP's minimum cost (19 MiB, 2 passes, 1 lane), so the cost travels with each hash. Hashes made
before (`scrypt$n$r$p$salt_hex$hash_hex`, N=2^14, below today's minimum) still verify, and any hash
weaker than the current parameters is replaced on the next successful sign-in. New passwords must
pass `dashboard.password_policy`. Used when no single-sign-on (OIDC) provider is configured.
`sign_in` is what the sign-in page calls: it refuses guessing (store.sign_in_attempts) before any
password is checked.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import logging
import math
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine

from peerfeed.settings import Settings
from store.db import transaction
from store.models import Role, User, utcnow
from store.sessions import end_all
from store.sign_in_attempts import Throttle, attempt_name, begin_attempt, clear_failures, current_lock
from store.users import create_user, get_user, normalise_username, set_password_hash

log = logging.getLogger(__name__)

ARGON2_TIME_COST, ARGON2_MEMORY_KIB, ARGON2_PARALLELISM = 2, 19 * 1024, 1  # OWASP's minimum for argon2id
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1  # hashes made before argon2id: verified, then replaced
# One account per role that does something beyond reading; their passwords are reset every demo run.
DEMO_USERS = (("demo.moderator", Role.MODERATOR.value), ("demo.lead", Role.LEAD.value),
              ("demo.staff", Role.STAFF.value), ("demo.admin", Role.ADMIN.value))


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher(time_cost=ARGON2_TIME_COST, memory_cost=ARGON2_MEMORY_KIB, parallelism=ARGON2_PARALLELISM)


def hash_password(password: str) -> str:
    """A salted argon2id hash of `password`, safe to store."""
    return _hasher().hash(password)


def needs_rehash(stored: str | None) -> bool:
    """True when a stored hash is weaker than (or not made like) what `hash_password` makes now."""
    if not stored or not stored.startswith("$argon2"):
        return True
    try:
        return _hasher().check_needs_rehash(stored)
    except Exception:  # noqa: BLE001 - an unreadable hash is replaced too
        return True


def check_password(password: str, stored: str | None) -> bool:
    """True when `password` matches the stored hash (argon2id, or an older scrypt one); False for none."""
    if not stored:
        return False
    if stored.startswith("$argon2"):
        from argon2.exceptions import InvalidHashError, VerificationError

        try:
            return _hasher().verify(stored, password)
        except (VerificationError, InvalidHashError):
            return False
    try:
        scheme, n, r, p, salt_hex, hash_hex = stored.split("$")
        if scheme != "scrypt":
            return False
        digest = hashlib.scrypt(password.encode("utf-8"), salt=bytes.fromhex(salt_hex), n=int(n), r=int(r),
                                p=int(p), dklen=len(hash_hex) // 2)
    except ValueError:
        return False
    return hmac.compare_digest(digest.hex(), hash_hex)


def check_new_password(password: str, username: str = "", email: str | None = None) -> None:
    """Raise ValueError when a new password is too weak to accept (dashboard.password_policy)."""
    from dashboard.password_policy import password_problem

    problem = password_problem(password, username, email)
    if problem:
        raise ValueError(problem)


def add_user(engine: Engine, username: str, role: str, password: str, email: str | None = None) -> User:
    """Create a local account with a hashed password (raises store.users.UserExists if taken,
    ValueError for a name or password that is not allowed)."""
    username = normalise_username(username)
    check_new_password(password, username, email)
    with transaction(engine) as s:
        return create_user(s, username, role, hash_password(password), email)


def authenticate(engine: Engine, username: str, password: str) -> User | None:
    """The user when name and password match, else None (the same answer for an unknown name).

    Not throttled: a sign-in form must call `sign_in`, which counts failures and refuses guessing.
    """
    with transaction(engine) as s:
        user = get_user(s, username or "")
    if user is None:
        check_password(password, _dummy_hash())  # spend the same time, so names cannot be probed
        return None
    if not check_password(password, user.password_hash):
        return None
    if needs_rehash(user.password_hash):  # the one moment we hold the password: upgrade its hash
        with transaction(engine) as s:
            user = set_password_hash(s, user.username, hash_password(password))
    return user


@dataclass(frozen=True)
class SignInResult:
    """The signed-in user, or None; `retry_at` is set when attempts are refused until then."""

    user: User | None
    retry_at: datetime | None = None


def client_key(address: object) -> str | None:
    """The key a client address is counted under: an IPv4 address, or an IPv6 address's /64.

    One IPv6 host usually holds a whole /64, so counting single addresses would not slow it down.
    Anything that is not an IP address string (none known, a test double) gives None: no client limit.
    """
    if not isinstance(address, str):
        return None
    try:
        ip = ipaddress.ip_address(address.strip().split("%")[0])
    except ValueError:
        return None
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def throttle_from_settings(settings: Settings) -> Throttle:
    return Throttle(max_failures=settings.sign_in_max_failures,
                    max_client_failures=settings.sign_in_max_failures_per_client,
                    window=timedelta(seconds=settings.sign_in_window_s),
                    lockout=timedelta(seconds=settings.sign_in_lockout_s),
                    max_lockout=timedelta(seconds=settings.sign_in_max_lockout_s))


def sign_in(engine: Engine, username: str, password: str, client: str | None = None,
            throttle: Throttle | None = None, now: datetime | None = None) -> SignInResult:
    """Check a local sign-in unless this name or client is locked out by earlier failures.

    A locked name or client is refused without checking the password (the right one too), with
    the time it may try again. A success clears the name's failures; a failure that locks the name
    or the client is logged with fixed keys (never the password). Unknown names are counted and
    answered exactly like real ones.
    """
    throttle = throttle or Throttle()
    now = now or utcnow()
    with transaction(engine) as s:
        lock = begin_attempt(s, throttle, username, client, now)
    if lock is not None:
        return SignInResult(None, lock.until)
    user = authenticate(engine, username, password)
    if user is not None:
        with transaction(engine) as s:
            clear_failures(s, user.username)
        return SignInResult(user)
    with transaction(engine) as s:
        lock = current_lock(s, throttle, username, client, now)
    if lock is None:
        return SignInResult(None)
    log.warning("sign-in locked", extra={"username": attempt_name(username), "client": client,
                                         "scope": lock.scope, "failures": lock.failures,
                                         "locked_until": lock.until.isoformat()})
    return SignInResult(None, lock.until)


def refusal_message(retry_at: datetime, now: datetime | None = None) -> str:
    """What a refused person is told: the same for every name and client, with when to try again."""
    minutes = max(1, math.ceil((retry_at - (now or utcnow())).total_seconds() / 60))
    shown = retry_at.replace(second=0, microsecond=0)
    if shown < retry_at:  # round up: "after 14:05" must not be a minute too early
        shown += timedelta(minutes=1)
    return (f"Too many failed sign-in attempts. Try again after {shown:%H:%M} UTC "
            f"(in {minutes} minute{'s' if minutes != 1 else ''}).")


def ensure_demo_users(engine: Engine) -> list[tuple[str, str, str]]:
    """Make sure the demo accounts exist and give each a fresh random password.

    Returns (username, role, password) for the demo to print. The accounts are created once; the
    password is reset on every demo run, so no plain-text password is ever kept on disk and an old
    printed password stops working. Only the `demo.*` accounts are touched.
    """
    out = []
    with transaction(engine) as s:
        for username, role in DEMO_USERS:
            password = secrets.token_urlsafe(12)
            if get_user(s, username) is None:
                create_user(s, username, role, hash_password(password))
            else:
                set_password_hash(s, username, hash_password(password))
                end_all(s, username, why="demo password reset")  # the old printed password's sign-ins end too
            out.append((username, role, password))
    return out


_DUMMY: list[str] = []


def _dummy_hash() -> str:
    """A hash with the real cost parameters, checked for unknown names (made once per process)."""
    if not _DUMMY:
        _DUMMY.append(hash_password(secrets.token_urlsafe(16)))
    return _DUMMY[0]
