"""Local accounts: password hashing (scrypt, salted) and the demo's sign-in accounts.

Hashes look like `scrypt$n$r$p$salt_hex$hash_hex`, so the cost can be raised later and old hashes
still verify. Used when no single-sign-on (OIDC) provider is configured.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlalchemy.engine import Engine

from store.db import transaction
from store.models import Role, User
from store.users import create_user, get_user, set_password_hash

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MIN_PASSWORD_LENGTH = 10
# One account per role that does something beyond reading; their passwords are reset every demo run.
DEMO_USERS = (("demo.moderator", Role.MODERATOR.value), ("demo.staff", Role.STAFF.value),
              ("demo.admin", Role.ADMIN.value))


def hash_password(password: str) -> str:
    """A salted scrypt hash of `password`, safe to store."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str | None) -> bool:
    """True when `password` matches the stored hash (constant-time compare); False for no hash."""
    if not stored:
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


def check_new_password(password: str) -> None:
    """Raise ValueError when a new password is too weak to accept."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")


def add_user(engine: Engine, username: str, role: str, password: str, email: str | None = None) -> User:
    """Create a local account with a hashed password (raises store.users.UserExists if taken)."""
    check_new_password(password)
    with transaction(engine) as s:
        return create_user(s, username, role, hash_password(password), email)


def authenticate(engine: Engine, username: str, password: str) -> User | None:
    """The user when name and password match, else None (the same answer for an unknown name)."""
    with transaction(engine) as s:
        user = get_user(s, username or "")
    if user is None:
        check_password(password, _DUMMY_HASH)  # spend the same time, so names cannot be probed
        return None
    return user if check_password(password, user.password_hash) else None


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
            out.append((username, role, password))
    return out


_DUMMY_HASH = "scrypt$16384$8$1$" + "00" * 16 + "$" + "00" * 32
