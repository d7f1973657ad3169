"""Collector tests script the session's one HTTP server (tests/http_fixture.py) route by route."""

from __future__ import annotations

import pytest

from peerfeed.settings import Settings
from tests.http_fixture import FixtureServer, SeenRequest  # noqa: F401 - re-exported for the tests here


@pytest.fixture
def server(fixture_server: FixtureServer) -> FixtureServer:
    """The shared 127.0.0.1 server, with no routes and an empty request log."""
    return fixture_server


@pytest.fixture
def settings() -> Settings:
    """Settings for tests: short timeout, a 1 MB cap, a recognisable User-Agent, no .env file."""
    return Settings(_env_file=None, user_agent="peerfeed-test/1 (+https://example.org/bot)",
                    fetch_timeout_s=5.0, max_feed_bytes=1024 * 1024)

