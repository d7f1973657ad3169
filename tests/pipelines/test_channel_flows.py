"""The channels' Prefect flows run their plain functions (the functions are tested in tests/channels/)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from store.db import transaction
from store.models import utcnow
from store.subscribers import confirm, subscribe
from tests.channels.helpers import approve, decide, read, store
from tests.channels.mailbox import LocalSMTP
from tests.store.helpers import blog_post

pytestmark = [pytest.mark.usefixtures("prefect_server", "moderators"),
              pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)]


def test_the_weekly_email_flow_sends_and_a_rerun_sends_nothing(engine, monkeypatch):
    from pipelines.flows import weekly_email_flow

    last_week = utcnow() - timedelta(days=7)
    monkeypatch.setattr("store.review.utcnow", lambda: last_week)
    post = blog_post(1, "Notes from the carers' forum.", title="Carers' forum notes", published_at=last_week)
    pid = store(engine, post)[post.platform_id]
    read(engine, {pid: 1})
    decide(engine, pid, approve)
    with transaction(engine) as s:
        confirm(s, subscribe(s, "reader@example.org").confirm_token)
    url = engine.url.render_as_string(hide_password=False)
    with LocalSMTP() as smtp:
        monkeypatch.setenv("PEERFEED_SMTP_HOST", smtp.host)
        monkeypatch.setenv("PEERFEED_SMTP_PORT", str(smtp.port))
        first = weekly_email_flow(database_url=url)
        second = weekly_email_flow(database_url=url)
    assert (first["posts"], first["sent"], second["sent"]) == (1, 1, 0)
    assert len(smtp.messages) == 1


def test_the_fediverse_flow_reports_a_missing_account_and_sends_nothing(engine, monkeypatch):
    from pipelines.flows import fediverse_flow

    monkeypatch.delenv("PEERFEED_FEDIVERSE_INSTANCE_URL", raising=False)
    report = fediverse_flow(database_url=engine.url.render_as_string(hide_password=False))
    assert report["done"] == {} and "PEERFEED_FEDIVERSE_INSTANCE_URL" in report["errors"][0]
