"""`peerfeed users add/list` through the real CLI app."""

from typer.testing import CliRunner

from dashboard.accounts import authenticate
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
