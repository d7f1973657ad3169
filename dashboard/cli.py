"""`peerfeed users ...`: local dashboard accounts (mounted by peerfeed.cli)."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from store.models import Role

users_app = typer.Typer(help="Local dashboard accounts.", no_args_is_help=True)


def _engine(ctx: typer.Context):
    from peerfeed.settings import Settings
    from store.db import ensure_schema, make_engine

    # peerfeed.cli's callback leaves the Settings (with any --db) on the root context.
    settings = (ctx.find_root().obj or {}).get("settings") or Settings()
    engine = make_engine(settings.database_url)
    ensure_schema(engine)  # only `peerfeed db upgrade` migrates
    return engine


@users_app.command("add")
def users_add(
    ctx: typer.Context,
    name: str = typer.Argument(..., help="User name people sign in with."),
    role: Role = typer.Option(Role.READER, "--role", "-r", help="reader, moderator, lead, staff or admin."),
    email: str = typer.Option(None, "--email", help="Email, to match a single sign-on identity."),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input."),
):
    """Create an account; the password is asked for (twice) or read from standard input."""
    from dashboard.accounts import add_user
    from store.users import UserExists

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        user = add_user(_engine(ctx), name, role.value, password, email)
    except (UserExists, ValueError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(f"added {user.username} ({role.value})")


@users_app.command("list")
def users_list(ctx: typer.Context):
    """Every account with its role (never a password or hash)."""
    from store.db import transaction
    from store.users import list_users

    with transaction(_engine(ctx)) as s:
        for user in list_users(s):
            typer.echo(f"{user.username}\t{user.role}\t{user.email or ''}\t{user.created_at:%Y-%m-%d}")


@users_app.command("unlock")
def users_unlock(
    ctx: typer.Context,
    name: Optional[str] = typer.Argument(None, help="User name whose failed sign-ins to forget."),
    client: Optional[str] = typer.Option(None, "--client", help="Also forget failures from this IP address."),
):
    """Lift a sign-in lockout at once by forgetting the failed attempts (the name need not exist)."""
    from store.db import transaction
    from store.sign_in_attempts import clear_client_failures, clear_failures

    if not name and not client:
        typer.echo("error: give a user name, --client ADDRESS, or both", err=True)
        raise typer.Exit(2)
    with transaction(_engine(ctx)) as s:
        if name:
            typer.echo(f"unlocked {name.strip()} ({clear_failures(s, name)} failed attempts forgotten)")
        if client:
            typer.echo(f"unlocked client {client} ({clear_client_failures(s, client)} failed attempts forgotten)")
