"""The `peerfeed` command as a user types it (typer's runner, real database files)."""

import json

from typer.testing import CliRunner

from peerfeed.cli import app

runner = CliRunner()

OPML = b"""<?xml version="1.0"?>
<opml version="2.0"><head><title>Blogroll</title></head><body>
  <outline text="Peer support" title="Peer support">
    <outline type="rss" text="Carers Voice" xmlUrl="https://carersvoice.example/feed/" htmlUrl="https://carersvoice.example/"/>
    <outline type="rss" text="Recovery Notes" xmlUrl="https://recoverynotes.example/feed/"/>
  </outline>
</body></opml>"""


def test_db_upgrade_creates_schema(tmp_path):
    db = f"sqlite:///{tmp_path / 'p.db'}"
    result = runner.invoke(app, ["--db", db, "db", "upgrade"])
    assert result.exit_code == 0, result.output
    assert "revision 0" in result.output


def test_opml_round_trip_through_sources_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "roll.opml").write_bytes(OPML)
    db = f"sqlite:///{tmp_path / 'p.db'}"
    result = runner.invoke(app, ["--db", db, "sources", "import-opml", "roll.opml"])
    assert result.exit_code == 0, result.output
    assert "added 2 of 2" in result.output
    again = runner.invoke(app, ["--db", db, "sources", "import-opml", "roll.opml"])
    assert "added 0 of 2" in again.output  # importing twice adds nothing
    listed = runner.invoke(app, ["--db", db, "sources", "list"])
    assert "Carers Voice\trss/feed\tenabled\t0 posts\tnot collected yet" in listed.output
    exported = runner.invoke(app, ["--db", db, "sources", "export-opml"])
    assert 'xmlUrl="https://recoverynotes.example/feed/"' in exported.output
    assert 'htmlUrl="https://carersvoice.example/"' in exported.output


def test_bad_opml_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "evil.opml").write_bytes(b'<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><opml>&e;</opml>')
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'p.db'}", "sources", "import-opml", "evil.opml"])
    assert result.exit_code == 2
    assert "DOCTYPE" in result.output


def test_export_empty_database_prints_nothing(tmp_path):
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'p.db'}", "export"])
    assert result.exit_code == 0 and result.output == ""


def test_unknown_export_format_is_refused(tmp_path):
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'p.db'}", "export", "--format", "csv"])
    assert result.exit_code == 2 and "unknown format" in result.output


def test_collect_names_a_bad_sources_file(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  - name: Blog\n    platform: myspace\n    url: https://x.example\n")
    result = runner.invoke(app, ["--db", f"sqlite:///{tmp_path / 'p.db'}", "collect", "--sources", str(bad)])
    assert result.exit_code == 2
    assert "entry 1 (Blog): unknown platform 'myspace'" in result.output


def test_export_includes_review_state(tmp_path):
    from store.classification import record_classifications
    from store.db import make_engine, transaction, upgrade
    from store.posts import upsert_posts
    from tests.store.helpers import Result, blog_post

    db = f"sqlite:///{tmp_path / 'p.db'}"
    eng = make_engine(db)
    upgrade(eng)
    with transaction(eng) as s:
        upsert_posts(s, [blog_post(1)])
        record_classifications(s, [(1, Result(2, topics=("carers",)))])
    result = runner.invoke(app, ["--db", db, "export"])
    (row,) = [json.loads(line) for line in result.output.splitlines()]
    assert row["review"]["state"] == "pending" and row["classification"]["distress"] == 2
    assert row["classification"]["model_version"] == "test-1"
