"""No platform token and no post text in logs or stored errors, across a whole collect run.

A Mastodon token is set and sent (the server checks it arrives), sources succeed, fail with a 500,
are refused with a 401 and send a malformed status; every log record at every level, from every
logger (ours, Mastodon.py, requests, urllib3), and every stored error is searched for the token and
for words that appear only inside posts.
"""

from __future__ import annotations

import copy
import json
import logging

import pytest
from sqlalchemy import select

from peerfeed.records import Platform
from peerfeed.sample_server import SAMPLES_DIR
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig
from pipelines.collecting import collect_all
from store.db import transaction
from store.models import FetchRun, Source

TOKEN = "tok-PEERFEED-9f8e7d6c5b4a"
PRIVATE = "marigold-private-words-4417"  # appears only inside post bodies


def _statuses() -> bytes:
    statuses = json.loads((SAMPLES_DIR / "mastodon/api/v1/timelines/tag/peersupport.json").read_text())
    out = []
    for n, s in enumerate(x for x in statuses if not x.get("reblog")):
        s = copy.deepcopy(s)
        s["content"] = f"<p>{PRIVATE} number {n}: I had a hard night.</p>"
        s["spoiler_text"] = f"{PRIVATE} warning"
        out.append(s)
    broken = copy.deepcopy(out[0])
    broken["id"], broken["uri"] = "999", None  # a malformed status: logged and skipped
    return json.dumps(out + [broken]).encode()


@pytest.fixture
def mastodon_server(fixture_server):
    """A Mastodon instance on the session's HTTP server: one hashtag ok, one 500, one 401."""
    seen_auth: list[str] = []
    body = _statuses()

    def answer(status: int, reply: bytes):
        def handler(h):
            seen_auth.append(h.headers.get("Authorization", ""))
            h.send_response(status)
            h.send_header("Content-Type", "application/json")
            h.send_header("Content-Length", str(len(reply)))
            h.end_headers()
            h.wfile.write(reply)
        return handler

    fixture_server.route("/api/v1/timelines/tag/ok", answer(200, body))
    fixture_server.route("/api/v1/timelines/tag/broken", answer(500, b'{"error":"boom"}'))
    fixture_server.route("/api/v1/timelines/tag/refused", answer(401, b'{"error":"The access token is invalid"}'))
    yield fixture_server.url(""), seen_auth


def _everything_in(record: logging.LogRecord) -> str:
    parts = [record.getMessage(), repr(record.args)]
    parts += [repr(v) for k, v in vars(record).items() if k not in ("msg", "args")]
    if record.exc_info:
        parts.append(logging.Formatter().formatException(record.exc_info))
    return "\n".join(parts)


def test_no_token_or_post_text_in_logs_or_stored_errors(sqlite_engine, mastodon_server, caplog):
    url, seen_auth = mastodon_server
    settings = Settings(_env_file=None, mastodon_access_token=TOKEN)
    configs = [SourceConfig(name=f"#{tag}", platform=Platform.MASTODON, url=url, kind="hashtag",
                            options={"tag": tag, "auth": True}) for tag in ("ok", "broken", "refused")]
    caplog.set_level(logging.DEBUG)
    reports = {r.source: r for r in collect_all(sqlite_engine, settings, configs)}
    assert reports["#ok"].new >= 2 and reports["#broken"].error_kind == "http_5xx"
    assert reports["#refused"].error_kind == "http_4xx"
    assert f"Bearer {TOKEN}" in seen_auth  # control: the token was really in play
    assert any("skipped" in r.getMessage() for r in caplog.records)  # control: the bad status was logged
    assert len(caplog.records) > 5
    logged = "\n".join(_everything_in(r) for r in caplog.records)
    assert TOKEN not in logged
    assert PRIVATE not in logged
    with transaction(sqlite_engine) as s:
        stored = [src.last_error or "" for src in s.scalars(select(Source))]
        stored += [run.error or "" for run in s.scalars(select(FetchRun))]
    assert any(stored)
    assert all(TOKEN not in e and PRIVATE not in e for e in stored)


# --- The alert webhook's URL is a credential (Slack-style hooks carry their key in the path) --------

HOOK_KEY = "T0PEER/B0FEED/hookkey-5e4d3c2b1a"


@pytest.fixture
def failing_webhook(fixture_server):
    """A webhook endpoint whose path holds a key; it answers 404 (a revoked hook)."""
    return fixture_server.reply(f"/services/{HOOK_KEY}", b"no_hook!!", status=404, content_type="text/plain")


def _crisis_post(engine) -> None:
    from store.classification import record_classifications
    from store.posts import upsert_posts
    from store.models import utcnow
    from tests.store.helpers import blog_post

    with transaction(engine) as s:  # published now: alerted on its own, not in a summary of old posts
        upsert_posts(s, [blog_post(1, text=f"{PRIVATE}: tonight I will end it", published_at=utcnow())])
        record_classifications(s, [(1, {"topics": [], "topic_scores": {}, "distress": 3, "distress_score": 0.99,
                                        "needs_review": True, "reasons": ["crisis"], "model_version": "t"})])


def test_no_webhook_key_in_logs_stored_errors_reports_or_the_cli(engine, failing_webhook, caplog, monkeypatch):
    from typer.testing import CliRunner

    from peerfeed.cli import app
    from peerfeed.logs import configure_logging
    from pipelines.alerts import send_alerts
    from store.models import AlertSent

    _crisis_post(engine)
    settings = Settings(_env_file=None, alert_webhook_url=failing_webhook, database_url=str(engine.url.render_as_string(False)))
    configure_logging(settings)  # what the CLI and the flows do first
    caplog.set_level(logging.DEBUG)
    report = send_alerts(engine, settings)
    assert report.failed == 1 and "404" in report.errors[0]  # control: the send really failed
    assert "127.0.0.1" in report.errors[0]  # the endpoint is named, by its host
    assert any("HTTP Request" in r.getMessage() for r in caplog.records)  # control: httpx logged the call
    logged = "\n".join(_everything_in(r) for r in caplog.records)
    with transaction(engine) as s:
        stored = [a.error or "" for a in s.scalars(select(AlertSent))]
    assert stored and "404" in stored[0]
    for text in [logged, *stored, *report.errors, repr(settings), str(settings)]:
        assert HOOK_KEY not in text and "hookkey" not in text and PRIVATE not in text

    monkeypatch.setenv("PEERFEED_ALERT_WEBHOOK_URL", failing_webhook)
    with transaction(engine) as s:
        s.execute(AlertSent.__table__.delete())
    result = CliRunner().invoke(app, ["--db", settings.database_url, "alerts"])
    assert result.exit_code == 1 and "failed 1" in result.output  # control
    assert HOOK_KEY not in result.output and "hookkey" not in result.output


def test_a_database_error_never_quotes_the_post_text(engine):
    from sqlalchemy import insert
    from sqlalchemy.exc import IntegrityError

    from store.models import Post, utcnow

    row = {"platform": "rss", "platform_id": "dup", "url": "https://b.example/1", "author": "A",
           "content_html": "", "content_text": f"{PRIVATE} in a refused row", "published_at": utcnow()}
    with transaction(engine) as s:
        s.execute(insert(Post), [row])
    with pytest.raises(IntegrityError) as caught:
        with transaction(engine) as s:
            s.execute(insert(Post), [row])
    assert PRIVATE not in str(caught.value) and "hidden due to hide_parameters" in str(caught.value)
