"""Logging, configured once per process by its edge: the CLI (`peerfeed ...`) and the Prefect flows.

peerfeed's modules log with fixed keys in `extra=` (`source`, `url`, `post_id`, ...; design card
habit 14), which a plain formatter drops: "fetch failed" alone says nothing. `ContextFilter` puts
those keys into the message itself (`fetch failed source=Carers Voice url=https://... error_kind=
http_5xx`), so they survive any handler: the console, a file, Prefect's run logs. It also replaces
every secret setting's value with *** (a webhook URL inside an httpx error, a token in a URL).
Post text is never logged by peerfeed's code; nothing here can tell, so keep it that way.

`configure_logging(settings)` sends peerfeed's loggers to standard error (text or JSON lines);
`send_to_prefect_run_logs()` (flows) adds Prefect's API handler to them, as
PREFECT_LOGGING_EXTRA_LOGGERS would, so every line shows in the flow run's logs with its context.
"""

from __future__ import annotations

import copy
import json
import logging
import sys
from typing import TextIO

from peerfeed.settings import Settings

# Top-level packages whose loggers are ours (modules log under `logging.getLogger(__name__)`).
PACKAGES = ("peerfeed", "collectors", "store", "classifier", "pipelines", "dashboard")
# The fixed keys a record's `extra=` may carry, in the order they are written into the message.
CONTEXT_KEYS = ("source", "url", "post_id", "channel", "error_kind", "status", "username", "client", "scope",
                "failures", "locked_until", "count", "error")
TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Libraries that log the URLs they call (httpx: "HTTP Request: POST https://hooks.../KEY"): their
# records are redacted where they are made, whatever handler (ours, Prefect's, a test's) sees them.
URL_LOGGING_LIBRARIES = ("httpx", "httpcore", "urllib3", "requests", "mastodon", "atproto", "atproto_client")


class ContextFilter:
    """Writes a record's fixed keys into its message and masks secrets, on a copy: the record other
    handlers (pytest's, a caller's) see is left as it was logged."""

    def __init__(self, secrets: list[str] | None = None) -> None:
        self.secrets = [s for s in (secrets or []) if len(s) >= 4]

    def apply(self, record: logging.LogRecord) -> logging.LogRecord:
        if getattr(record, "peerfeed_context", None) is not None:
            return record
        context = {k: getattr(record, k) for k in CONTEXT_KEYS if getattr(record, k, None) not in (None, "")}
        message = record.getMessage()
        if context:
            message += " " + " ".join(f"{k}={_value(v)}" for k, v in context.items())
        out = copy.copy(record)
        out.msg, out.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            out.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            out.exc_text = self.redact(record.exc_text)
        out.peerfeed_context = {k: self.redact(str(v)) for k, v in context.items()}
        return out

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


class RedactSecrets(logging.Filter):
    """For libraries' loggers: masks secrets in the record itself, so no handler ever sees them."""

    def __init__(self, secrets: list[str] | None = None) -> None:
        super().__init__()
        self.context = ContextFilter(secrets)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self.context.redact(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


class ContextFormatter(logging.Formatter):
    """The text format, with the record's context in its message (see ContextFilter)."""

    def __init__(self, context: ContextFilter, fmt: str = TEXT_FORMAT) -> None:
        super().__init__(fmt)
        self.context = context

    def format(self, record: logging.LogRecord) -> str:
        return super().format(self.context.apply(record))


def context_text(**context: object) -> str:
    """`key=value ...` as ContextFilter writes it, for lines logged through a logger we do not
    filter (Prefect's run logger): `log.warning("source failed %s", context_text(source=name))`."""
    return " ".join(f"{k}={_value(v)}" for k, v in context.items() if v not in (None, ""))


def _value(v: object) -> str:
    text = str(v).splitlines()[0] if str(v) else ""
    return f'"{text}"' if (" " in text or not text) else text


class JSONLineFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, and the context keys as fields."""

    def __init__(self, context: ContextFilter | None = None) -> None:
        super().__init__()
        self.context = context or ContextFilter()

    def format(self, record: logging.LogRecord) -> str:
        record = self.context.apply(record)
        out = {"time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"), "level": record.levelname,
               "logger": record.name, "message": record.getMessage()}
        out.update(getattr(record, "peerfeed_context", None) or {})
        if record.exc_text:
            out["traceback"] = record.exc_text
        return json.dumps(out, ensure_ascii=False, default=str)


class _StandardError(logging.StreamHandler):
    """Writes to whatever `sys.stderr` is at the time (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__()

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _value: object) -> None:
        pass


_console: list[logging.Handler] = []


def redact_library_logs(settings: Settings) -> None:
    """Mask secrets in the records of libraries that log URLs (`URL_LOGGING_LIBRARIES`)."""
    for name in URL_LOGGING_LIBRARIES:
        logger = logging.getLogger(name)
        logger.filters = [f for f in logger.filters if not isinstance(f, RedactSecrets)]
        logger.addFilter(RedactSecrets(settings.secrets()))


def configure_logging(settings: Settings, level: str | None = None) -> logging.Handler:
    """Send peerfeed's loggers to standard error at `level` (default PEERFEED_LOG_LEVEL, else WARNING).

    Safe to call again (the CLI under a test runner): the one handler is reconfigured, never added
    twice. Records still propagate, so a root handler (pytest's, Prefect's) sees them too; a
    logger's level is only lowered when INFO or DEBUG is asked for.
    """
    redact_library_logs(settings)
    if not _console:
        _console.append(_StandardError())
    handler = _console[0]
    context = ContextFilter(settings.secrets())
    handler.setFormatter(JSONLineFormatter(context) if settings.log_format == "json" else ContextFormatter(context))
    chosen = logging.getLevelName((level or settings.log_level or "WARNING").upper())
    if not isinstance(chosen, int):
        raise ValueError(f"unknown log level {level or settings.log_level!r}; use DEBUG, INFO, WARNING or ERROR")
    handler.setLevel(chosen)
    for name in PACKAGES:
        logger = logging.getLogger(name)
        if chosen < logging.WARNING and (logger.level == logging.NOTSET or logger.level > chosen):
            logger.setLevel(chosen)
        if handler not in logger.handlers:
            logger.addHandler(handler)
    return handler


def send_to_prefect_run_logs(settings: Settings) -> None:
    """Also send peerfeed's loggers to the running flow's logs (Prefect's API handler), with context.

    Does what PREFECT_LOGGING_EXTRA_LOGGERS=peerfeed,collectors,... would, without depending on the
    worker's environment; a handler Prefect already attached that way is replaced, never doubled.
    Safe to call at the start of every flow run: the handler is replaced, not added again.
    """
    from prefect.logging.handlers import APILogHandler

    context = ContextFilter(settings.secrets())

    class RunLogHandler(APILogHandler):
        """Prefect's API handler: the record's context in its message, secrets masked, and silent
        outside a flow or task run (no warning per stray record)."""

        def emit(self, record: logging.LogRecord) -> None:
            from prefect.context import FlowRunContext, TaskRunContext

            if getattr(record, "flow_run_id", None) or FlowRunContext.get() or TaskRunContext.get():
                super().emit(context.apply(record))

    redact_library_logs(settings)
    for name in PACKAGES:
        logger = logging.getLogger(name)
        if logger.level == logging.NOTSET or logger.level > logging.INFO:
            logger.setLevel(logging.INFO)  # a run's log says what peerfeed did, not only what went wrong
        for h in [h for h in logger.handlers if isinstance(h, APILogHandler)]:
            logger.removeHandler(h)  # Prefect's own (PREFECT_LOGGING_EXTRA_LOGGERS), or ours from a last run
        logger.addHandler(RunLogHandler())
