"""Logging: context written into the message, secrets masked, JSON lines on request."""

from __future__ import annotations

import json
import logging

import pytest

from peerfeed.logs import ContextFilter, JSONLineFormatter, configure_logging, context_text
from peerfeed.settings import Settings


def _record(msg="fetch failed", **extra) -> logging.LogRecord:
    record = logging.LogRecord("collectors.rss", logging.WARNING, __file__, 1, msg, None, None)
    record.__dict__.update(extra)
    return record


def test_the_fixed_keys_go_into_the_message_in_a_fixed_order():
    record = _record(url="https://blog.example/feed", source="Carers Voice", error_kind="http_5xx", other="x")
    shown = ContextFilter().apply(record)
    assert shown.getMessage() == ('fetch failed source="Carers Voice" url=https://blog.example/feed '
                                  "error_kind=http_5xx")
    assert ContextFilter().apply(shown).getMessage().count("source=") == 1  # applied once
    assert record.getMessage() == "fetch failed"  # other handlers see the record as logged


def test_secrets_are_masked_in_the_message_and_the_traceback():
    settings = Settings(_env_file=None, alert_webhook_url="https://hooks.example/services/T1/B2/k3y-s3cret",
                        mastodon_access_token="tok-1234567890")
    try:
        raise RuntimeError("POST https://hooks.example/services/T1/B2/k3y-s3cret failed with tok-1234567890")
    except RuntimeError:
        import sys

        record = _record("alert failed", error="see tok-1234567890")
        record.exc_info = sys.exc_info()
    shown = ContextFilter(settings.secrets()).apply(record)
    everything = shown.getMessage() + shown.exc_text
    assert "k3y-s3cret" not in everything and "tok-1234567890" not in everything and "***" in everything


def test_json_lines_carry_the_context_as_fields():
    record = _record(source="Carers Voice", post_id=42)
    line = json.loads(JSONLineFormatter().format(record))
    assert line["source"] == "Carers Voice" and line["post_id"] == "42" and line["logger"] == "collectors.rss"


def test_configured_once_a_warning_from_any_stage_reaches_stderr_with_context(capsys):
    configure_logging(Settings(_env_file=None))
    configure_logging(Settings(_env_file=None))  # again: still one line per record
    logging.getLogger("pipelines.collecting").warning("collector crashed", extra={"source": "Blog"})
    logging.getLogger("pipelines.collecting").info("not shown at the default level")
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].endswith("pipelines.collecting: collector crashed source=Blog")


def test_context_text_matches_the_filters_format():
    assert context_text(source="Carers Voice", error_kind=None, count=3) == 'source="Carers Voice" count=3'


def test_an_unknown_log_level_is_a_clear_setting_error(monkeypatch):
    from typer.testing import CliRunner

    from peerfeed.cli import app

    with pytest.raises(ValueError, match="use DEBUG, INFO, WARNING or ERROR"):
        Settings(_env_file=None, log_level="LOUD")
    assert Settings(_env_file=None, log_level="info").log_level == "INFO"
    monkeypatch.setenv("PEERFEED_LOG_LEVEL", "LOUD")
    result = CliRunner().invoke(app, ["status"])
    assert result.exit_code == 2
    assert result.stderr.strip() == "error: invalid setting PEERFEED_LOG_LEVEL: use DEBUG, INFO, WARNING or ERROR"
