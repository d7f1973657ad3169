"""Every test starts clean: no PEERFEED_* variable from the shell, no .env file from the checkout."""

import os

from peerfeed.settings import DEFAULT_DATABASE_URL, Settings


def test_no_peerfeed_variable_reaches_a_test():
    assert not [k for k in os.environ if k.startswith("PEERFEED_") and not k.startswith("PEERFEED_TEST_")]


def test_settings_read_no_env_file(tmp_path, monkeypatch):
    (tmp_path / ".env").write_text("PEERFEED_DATABASE_URL=postgresql://leaked@elsewhere/db\n")
    monkeypatch.chdir(tmp_path)
    assert Settings().database_url == DEFAULT_DATABASE_URL


def test_a_variable_set_by_one_test(monkeypatch):
    monkeypatch.setenv("PEERFEED_COLLECT_CONCURRENCY", "9")
    assert Settings().collect_concurrency == 9


def test_is_gone_in_the_next():
    assert Settings().collect_concurrency == 4
