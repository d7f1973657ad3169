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
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
def mastodon_server():
    seen_auth: list[str] = []
    body = _statuses()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            seen_auth.append(self.headers.get("Authorization", ""))
            path = self.path.split("?")[0]
            status, reply = {
                "/api/v1/timelines/tag/ok": (200, body),
                "/api/v1/timelines/tag/broken": (500, b'{"error":"boom"}'),
                "/api/v1/timelines/tag/refused": (401, b'{"error":"The access token is invalid"}'),
            }.get(path, (404, b'{"error":"Record not found"}'))
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", seen_auth
    httpd.shutdown()
    httpd.server_close()


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
