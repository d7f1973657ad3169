"""How the `peerfeed` command fails: one line naming what is wrong and what to do, never a traceback.

Exit codes: 2 for a usage problem (a bad option, a missing input file, an invalid sources file or
setting), 1 for a failure (the database cannot be reached, the model cannot be loaded, a bug), 130
for Ctrl-C. `peerfeed --debug ...` lets an unexpected exception through with its traceback.

Messages are built from what we know (a file name, a masked database URL, an exception's type),
never from an exception's text that may quote data: a database error's text can hold the
statement's parameters, which can be post text.
"""

from __future__ import annotations

import errno
from typing import Any

import typer
from typer.core import TyperGroup, _main

try:  # typer 0.2x carries its own copy of click
    from typer._click import exceptions as click_errors
    from typer._click.utils import echo
except ImportError:  # pragma: no cover - older typer uses click itself
    from click import echo
    from click import exceptions as click_errors  # type: ignore[no-redef]  # the same module, other home

_PASS_THROUGH = (typer.Exit, typer.Abort, click_errors.ClickException)


class CommandError(click_errors.ClickException):
    """A failure the user can act on, shown as one `error: ...` line (exit 1)."""

    exit_code = 1

    def show(self, file: Any = None) -> None:
        echo(f"error: {self.format_message()}", err=True, file=file)


class UsageProblem(CommandError):
    """The command was given something it cannot use (exit 2)."""

    exit_code = 2


def _first_line(text: object, limit: int = 200) -> str:
    line = str(text).strip().splitlines()[0] if str(text).strip() else ""
    return line[:limit]


def _database_message(exc: Exception, database_url: str | None) -> CommandError:
    """A database failure, named by kind and masked URL; the driver's text only for connecting."""
    from sqlalchemy import exc as sa

    from store.db import safe_url

    where = f" at {safe_url(database_url)}" if database_url else ""
    if isinstance(exc, (sa.OperationalError, sa.InterfaceError)):
        # Connection refused, unknown host, authentication failed, database is locked, disk full:
        # the driver's first line says which; these messages carry no statement parameters.
        reason = _first_line(getattr(exc, "orig", None) or type(exc).__name__)
        return CommandError(f"cannot use the database{where}: {reason} "
                            "(is the server running and the URL right? see --db and PEERFEED_DATABASE_URL)")
    kind = type(getattr(exc, "orig", None) or exc).__name__
    return CommandError(f"the database{where} refused an operation ({kind}); "
                        "run again with --debug for the details (they may contain post text)")


def explain(exc: BaseException, database_url: str | None = None) -> click_errors.ClickException:
    """The one-line error a failure is shown as (`database_url` names the database, masked)."""
    from pydantic import ValidationError
    from sqlalchemy import exc as sa

    from peerfeed.sources import SourceConfigError
    from store.db import SchemaNotCurrent

    if isinstance(exc, click_errors.ClickException):
        return exc
    if isinstance(exc, SchemaNotCurrent):
        return CommandError(str(exc))
    if isinstance(exc, SourceConfigError):
        return UsageProblem(str(exc))
    if isinstance(exc, ValidationError):
        return UsageProblem(settings_message(exc))
    if isinstance(exc, (sa.ArgumentError, sa.NoSuchModuleError)):
        return UsageProblem("the database URL is not one peerfeed can use; give sqlite:///PATH or "
                            "postgresql://USER@HOST/NAME with --db or PEERFEED_DATABASE_URL")
    if isinstance(exc, sa.DBAPIError):
        return _database_message(exc, database_url)
    if isinstance(exc, UnicodeDecodeError):
        return UsageProblem(f"the input is not UTF-8 text (byte {exc.start}); convert it to UTF-8")
    if isinstance(exc, OSError):
        name = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        if exc.errno == errno.ENOSPC:
            return CommandError(f"no space left on the device{name}: free some space and run again")
        return CommandError(f"cannot use{name}: {exc.strerror or type(exc).__name__}")
    return CommandError(f"unexpected {type(exc).__name__}; this is a bug in peerfeed: "
                        "run again with --debug to see the traceback")


def settings_message(exc) -> str:
    """A settings ValidationError as one line: which setting and why, never the value (a secret)."""
    parts = []
    for err in exc.errors(include_url=False, include_input=False):
        where = ".".join(str(p) for p in err.get("loc", ())) or "settings"
        msg = str(err.get("msg", "invalid")).removeprefix("Value error, ")
        name = "--db / PEERFEED_DATABASE_URL" if where == "database_url" else f"PEERFEED_{where.upper()}"
        parts.append(f"{name}: {msg}")
    return "invalid setting " + "; ".join(parts)


class OneLineErrors(TyperGroup):
    """The root command group: every failure below it ends as one line (see the module docstring)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True,
             windows_expand_args=True, **extra):
        # Plain `show()` for errors (one line), while --help keeps Typer's rich formatting.
        return _main(self, args=args, prog_name=prog_name, complete_var=complete_var,
                     standalone_mode=standalone_mode, windows_expand_args=windows_expand_args,
                     rich_markup_mode=None, **extra)

    def make_context(self, info_name, args, parent=None, **extra):
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click_errors.UsageError as exc:
            raise _one_line_usage(exc) from None

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except click_errors.UsageError as exc:
            raise _one_line_usage(exc) from None
        except _PASS_THROUGH:
            raise
        except KeyboardInterrupt:
            raise typer.Exit(130) from None
        except Exception as exc:  # noqa: BLE001 - turned into one line; --debug shows it whole
            if (ctx.obj or {}).get("debug"):
                raise
            settings = (ctx.obj or {}).get("settings")
            raise explain(exc, getattr(settings, "database_url", None)) from None


def _one_line_usage(exc: click_errors.UsageError) -> click_errors.ClickException:
    if isinstance(exc, (click_errors.NoArgsIsHelpError, CommandError)):
        return exc
    path = exc.ctx.command_path if exc.ctx is not None else "peerfeed"
    return UsageProblem(f"{exc.format_message()} (see `{path} --help`)")
