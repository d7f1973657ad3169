"""People who sign in to the dashboard: create, find, list, change role or password hash.

The store keeps only a password *hash*; hashing and checking live in `dashboard.accounts`, so the
store never sees a password.

User names are shown wherever a moderator acted ("decided by", the audit trail), so two names must
never print alike: a name is NFKC-normalised, lower-cased and limited to `a-z 0-9 . _ -` (2 to 64
characters, starting with a letter or digit). "mo" followed by a zero-width space, "Mo", or "ｍｏ"
(full-width) are refused or become "mo" itself.
"""

from __future__ import annotations

import re
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Role, User
from store.sessions import end_all

ROLES = tuple(r.value for r in Role)


class UserExists(ValueError):
    """A user with that name is already there."""


_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,63}")


def normalise_username(name: str) -> str:
    """The one spelling of a user name (see the module docstring); ValueError when it is not allowed."""
    folded = unicodedata.normalize("NFKC", name or "").strip().lower()
    if not folded:
        raise ValueError("a user name cannot be empty")
    if not _NAME.fullmatch(folded):
        raise ValueError("a user name is 2 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit "
                         "(no spaces, accents or invisible characters)")
    return folded


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValueError(f"unknown role; use one of {', '.join(ROLES)}")
    return Role(role).value


def create_user(session: Session, username: str, role: str, password_hash: str | None = None,
                email: str | None = None) -> User:
    """Add a user; raise UserExists when the name is taken, ValueError when it is not allowed
    (`normalise_username`: the name is stored in its one spelling)."""
    username = normalise_username(username)
    if get_user(session, username) is not None:
        raise UserExists(f"user {username!r} already exists")
    user = User(username=username, role=_check_role(role), password_hash=password_hash, email=email)
    session.add(user)
    session.flush()
    return user


def get_user(session: Session, username: str) -> User | None:
    """The user of this name as typed (normalised as stored); a name stored before names were
    normalised is still found by its exact spelling."""
    try:
        name = normalise_username(username)
    except ValueError:
        name = None
    user = session.scalar(select(User).where(User.username == name)) if name else None
    if user is None and (username or "").strip() and (username or "").strip() != name:
        user = session.scalar(select(User).where(User.username == username.strip()))
    return user


def get_user_by_email(session: Session, email: str) -> User | None:
    """The user a single-sign-on identity maps to (email is how OIDC names people)."""
    return session.scalar(select(User).where(User.email == email).order_by(User.id).limit(1))


def list_users(session: Session) -> list[User]:
    return list(session.scalars(select(User).order_by(User.username)))


def set_password_hash(session: Session, username: str, password_hash: str) -> User:
    user = get_user(session, username)
    if user is None:
        raise LookupError(f"no user {username!r}")
    user.password_hash = password_hash
    session.flush()
    return user


def set_role(session: Session, username: str, role: str) -> User:
    user = get_user(session, username)
    if user is None:
        raise LookupError(f"no user {username!r}")
    role = _check_role(role)
    if role != user.role:
        # A sign-in was granted for the old role: make them sign in again as what they are now.
        end_all(session, user.username, why="role changed")
    user.role = role
    session.flush()
    return user
