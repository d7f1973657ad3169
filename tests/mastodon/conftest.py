"""Fixtures for the Mastodon collector tests (helpers live in mastodon_fakes.py)."""

from __future__ import annotations

import pytest
from mastodon_fakes import TOKEN, FakeInstance

from peerfeed.settings import Settings


@pytest.fixture
def settings() -> Settings:
    """Settings with a token (to prove it never leaks) and a short timeout."""
    return Settings(mastodon_access_token=TOKEN, fetch_timeout_s=2.0, _env_file=None)


@pytest.fixture
def fake_instance():
    """A Mastodon-shaped server on 127.0.0.1 for the faults the recordings lack."""
    instance = FakeInstance()
    instance.thread.start()
    yield instance
    instance.httpd.shutdown()
    instance.httpd.server_close()
