"""Fixtures for the channels' tests (the Bluesky feed, the fediverse account, the weekly email)."""

import pytest


@pytest.fixture
def community(engine, moderators):
    """The test's engine, with moderators mod.alex and mod.bea."""
    return engine
