"""The saved Bluesky session file: written privately, read back only for the configured handle."""

import stat

from atproto import Session

from collectors.bluesky_session import load_session, save_session


def session_string(handle="amara.test", did="did:plc:o44uggjnciyfvaxysiff6amz"):
    return Session(handle, did, "access.jwt.x", "refresh.jwt.y", "http://localhost:1234").encode()


def test_saved_session_is_private_and_read_back(tmp_path):
    path = tmp_path / "data" / "bluesky-session.txt"
    save_session(path, session_string())
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_session(path, "amara.test") == session_string()
    assert load_session(path, "@Amara.Test") == session_string()
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind


def test_session_of_another_account_or_garbage_is_ignored(tmp_path):
    path = tmp_path / "s.txt"
    save_session(path, session_string(handle="someone-else.test"))
    assert load_session(path, "amara.test") is None
    path.write_text("not a session")
    assert load_session(path, "amara.test") is None
    assert load_session(tmp_path / "missing.txt", "amara.test") is None
