"""`peerfeed users add/list/unlock` through the real CLI app."""

from typer.testing import CliRunner

from dashboard.accounts import authenticate, sign_in
from peerfeed.cli import app
from store.db import make_engine


def test_add_and_list_users(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.db'}"
    runner = CliRunner()
    res = runner.invoke(app, ["--db", url, "users", "add", "mod.alex", "--role", "moderator", "--password-stdin"],
                        input="a long passphrase\n")
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["--db", url, "users", "add", "mod.alex", "--password-stdin"], input="another one!!\n")
    assert res.exit_code == 2 and "already exists" in res.output
    res = runner.invoke(app, ["--db", url, "users", "add", "eli", "--password-stdin"], input="short\n")
    assert res.exit_code == 2 and "at least" in res.output
    res = runner.invoke(app, ["--db", url, "users", "add", "dee", "--role", "admin"],
                        input="prompted passphrase\nprompted passphrase\n")
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["--db", url, "users", "list"])
    assert [line.split("\t")[:2] for line in res.output.splitlines()] == [["dee", "admin"], ["mod.alex", "moderator"]]
    assert "scrypt" not in res.output
    engine = make_engine(url)
    assert authenticate(engine, "mod.alex", "a long passphrase").role == "moderator"
    assert authenticate(engine, "dee", "prompted passphrase").role == "admin"


def test_unlock_lifts_a_lockout_at_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'p.db'}"
    runner = CliRunner()
    runner.invoke(app, ["--db", url, "users", "add", "mod.alex", "--role", "moderator", "--password-stdin"],
                  input="a long passphrase\n")
    engine = make_engine(url)
    for i in range(5):
        sign_in(engine, "mod.alex", f"guess {i}", "203.0.113.9")
    assert sign_in(engine, "mod.alex", "a long passphrase").retry_at is not None  # locked, right password or not

    res = runner.invoke(app, ["--db", url, "users", "unlock", "mod.alex"])
    assert res.exit_code == 0 and res.output == "unlocked mod.alex (5 failed attempts forgotten)\n"
    assert sign_in(engine, "mod.alex", "a long passphrase").user.username == "mod.alex"

    for i in range(20):
        sign_in(engine, f"name{i}", "wrong", "203.0.113.9")
    assert sign_in(engine, "mod.alex", "a long passphrase", "203.0.113.9").retry_at is not None
    res = runner.invoke(app, ["--db", url, "users", "unlock", "--client", "203.0.113.9"])
    assert res.exit_code == 0 and "unlocked client 203.0.113.9 (20 failed attempts forgotten)" in res.output
    assert sign_in(engine, "mod.alex", "a long passphrase", "203.0.113.9").user is not None

    res = runner.invoke(app, ["--db", url, "users", "unlock"])
    assert res.exit_code == 2 and "give a user name" in res.output
