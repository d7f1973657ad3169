"""People who sign in to the dashboard: create, find, list, change role or password hash.

The store keeps only a password *hash*; hashing and checking live in `dashboard.accounts`, so the
store never sees a password.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from store.models import Role, User

ROLES = tuple(r.value for r in Role)


class UserExists(ValueError):
    """A user with that name is already there."""


def _check_role(role: str) -> str:
    role = Role(role).value if role in ROLES else None
    if role is None:
        raise ValueError(f"unknown role; use one of {', '.join(ROLES)}")
    return role


def create_user(session: Session, username: str, role: str, password_hash: str | None = None,
                email: str | None = None) -> User:
    """Add a user; raise UserExists when the name is taken (names are case-sensitive, trimmed)."""
    username = username.strip()
    if not username:
        raise ValueError("a user name cannot be empty")
    if get_user(session, username) is not None:
        raise UserExists(f"user {username!r} already exists")
    user = User(username=username, role=_check_role(role), password_hash=password_hash, email=email)
    session.add(user)
    session.flush()
    return user


def get_user(session: Session, username: str) -> User | None:
    return session.scalar(select(User).where(User.username == username.strip()))


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
    user.role = _check_role(role)
    session.flush()
    return user
