"""Bad input to `peerfeed` gets one `error: ...` line and exit 2 (usage) or 1 (failure), never a
traceback: every case of ../shared/repro/cli_bad_input_tracebacks.sh, and a few more."""

from __future__ import annotations

import subprocess

import pytest
from typer.testing import CliRunner

from peerfeed.cli import app
from tests.conftest import REPO, SHARED

runner = CliRunner()


@pytest.fixture
def paths(tmp_path):
    (tmp_path / "bad.yaml").write_bytes(b"\xff\xfe not utf8")
    return {"T": tmp_path, "DB": f"sqlite:///{tmp_path / 't.db'}"}


CASES = [  # id, arguments ({T} a folder, {DB} a new SQLite file), expected exit code, words in the line
    ("unparseable --db", ["--db", "notaurl", "export"], 2, "not a database URL"),
    ("PostgreSQL not listening", ["--db", "postgresql://postgres@127.0.0.1:1/x", "export"], 1,
     "cannot use the database at postgresql://postgres@127.0.0.1:1/x"),
    ("unknown database driver", ["--db", "mysql://x@127.0.0.1/x", "export"], 2, "SQLite or PostgreSQL, not mysql"),
    ("classify missing file", ["--db", "{DB}", "classify", "{T}/missing.jsonl"], 2, "does not exist"),
    ("classify a directory", ["--db", "{DB}", "classify", "{T}"], 2, "is not a file"),
    ("import-opml missing file", ["--db", "{DB}", "sources", "import-opml", "{T}/missing.opml", "--sources",
                                  "{T}/s.yaml"], 2, "OPML file"),
    ("export-opml missing sources", ["--db", "{DB}", "sources", "export-opml", "--sources", "{T}/missing.yaml"], 2,
     "sources file"),
    ("collect, sources not UTF-8", ["--db", "{DB}", "collect", "--sources", "{T}/bad.yaml"], 2, "not UTF-8"),
    ("collect, sources file missing", ["--db", "{DB}", "collect", "--sources", "{T}/missing.yaml"], 2, "does not exist"),
    ("themes --day 9999-12-31", ["--db", "{DB}", "themes", "--day", "9999-12-31"], 2, "give a past UTC day"),
    ("themes --day not a date", ["--db", "{DB}", "themes", "--day", "yesterday"], 2, "YYYY-MM-DD"),
    ("model file missing", ["--db", "{DB}", "classify", "--stored"], 1, "no such file"),
    ("model file not a zip", ["--db", "{DB}", "classify", "--stored"], 1, "not a usable skops model file"),
    ("db upgrade unknown revision", ["--db", "{DB}", "db", "upgrade", "nosuchrev"], 2, "unknown revision 'nosuchrev'"),
    ("dashboard --port 99999", ["--db", "{DB}", "dashboard", "--port", "99999"], 2, "--port"),
    ("unknown command", ["--db", "{DB}", "nosuch"], 2, "No such command"),
    ("model train with nowhere to write", ["--db", "{DB}", "model", "train"], 2, "set PEERFEED_MODEL_PATH"),
]


@pytest.mark.parametrize("case, args, code, words", CASES, ids=[c[0] for c in CASES])
def test_bad_input_gets_one_line_and_the_right_exit_code(paths, monkeypatch, case, args, code, words):
    if case == "model file missing":
        monkeypatch.setenv("PEERFEED_MODEL_PATH", str(paths["T"] / "none.skops"))
    if case == "model file not a zip":
        monkeypatch.setenv("PEERFEED_MODEL_PATH", str(paths["T"] / "bad.yaml"))
    result = runner.invoke(app, [a.format(**paths) for a in args])
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and words in lines[0], result.stderr


def test_an_old_schema_is_refused_with_what_to_run(tmp_path):
    db = f"sqlite:///{tmp_path / 'old.db'}"
    assert runner.invoke(app, ["--db", db, "db", "upgrade", "0001"]).exit_code == 0
    result = runner.invoke(app, ["--db", db, "export"])
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("back up the database, then run `peerfeed db upgrade`")
    assert "revision" in runner.invoke(app, ["--db", db, "db", "upgrade"]).output
    assert runner.invoke(app, ["--db", db, "export"]).exit_code == 0


def test_a_bug_is_one_line_and_debug_shows_the_traceback(tmp_path, monkeypatch):
    import store.queries

    def broken(*_a, **_k):
        raise RuntimeError("post text that must not be shown")

    monkeypatch.setattr(store.queries, "export_rows", broken)
    db = f"sqlite:///{tmp_path / 'p.db'}"
    result = runner.invoke(app, ["--db", db, "export"])
    assert result.exit_code == 1
    assert result.stderr.strip() == ("error: unexpected RuntimeError; this is a bug in peerfeed: "
                                     "run again with --debug to see the traceback")
    debug = runner.invoke(app, ["--debug", "--db", db, "export"])
    assert isinstance(debug.exception, RuntimeError)  # raised whole, traceback and all


def test_a_database_error_never_shows_the_statement_or_its_parameters():
    from sqlalchemy.exc import IntegrityError

    from peerfeed.cli_errors import explain

    exc = IntegrityError("INSERT INTO posts (content_text) VALUES (%s)", ("I want to end it all",),
                         Exception('duplicate key: Key (content_text)=(I want to end it all)'))
    message = explain(exc, "postgresql://u:pw@db.internal/peerfeed").format_message()
    assert "end it all" not in message and "INSERT" not in message and "pw" not in message
    assert "postgresql://u:***@db.internal/peerfeed" in message


def test_version_prints_the_version():
    from peerfeed import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"peerfeed {__version__}"


def test_help_still_works_without_arguments():
    result = runner.invoke(app, [])
    assert "Usage" in result.output and "collect" in result.output


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_cli_reproduction_passes():
    """../shared/repro/cli_bad_input_tracebacks.sh as its author runs it (14 real processes, ~40 s);
    the cases above are the same, in-process."""
    script = SHARED / "repro" / "cli_bad_input_tracebacks.sh"
    if not script.is_file():
        pytest.skip("../shared/repro is not beside this checkout")
    done = subprocess.run(["bash", str(script)], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
