"""Fixtures for the Bluesky collector tests: the real Bluesky stack, the samples, a misbehaving server.

`bsky_network` starts tests/bluesky/network.mjs (Bluesky's own PLC, PDS and AppView from
@atproto/dev-env) once per session. Install it with `bash tests/bluesky/install.sh` (npm ci, pinned by package-lock.json).
Without node_modules the network tests are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from peerfeed.records import Platform
from peerfeed.sample_server import SampleServer
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig

HERE = Path(__file__).resolve().parent
NETWORK_SCRIPT = HERE / "network.mjs"
STARTUP_TIMEOUT_S = 120


class BlueskyNetwork:
    """A running network.mjs: its service URLs and seeded accounts, and a way to post or delete."""

    def __init__(self, proc: subprocess.Popen, info: dict) -> None:
        self.proc = proc
        self.info = info
        self.appview: str = info["appview"]
        self.pds: str = info["pds"]
        self._lock = threading.Lock()

    def command(self, **cmd) -> dict:
        with self._lock:
            self.proc.stdin.write(json.dumps(cmd) + "\n")
            self.proc.stdin.flush()
            line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("network.mjs exited")
        reply = json.loads(line)
        if "error" in reply:
            raise RuntimeError(f"network.mjs: {reply['error']}")
        return reply

    def post(self, by: str, text: str) -> str:
        """Post as one of the seeded people (amara, dev, jo, bulk); returns the new at:// URI."""
        return self.command(op="post", by=by, text=text)["uri"]

    def delete(self, by: str, uri: str) -> None:
        self.command(op="delete", by=by, uri=uri)

    def create(self, by: str, record: dict, collection: str = "app.bsky.feed.post", rkey: str | None = None) -> dict:
        """Write any record (lexicon JSON) as one of the seeded people; returns {"uri", "cid"}."""
        return self.command(op="create", by=by, collection=collection, record=record,
                            **({"rkey": rkey} if rkey else {}))

    def put(self, by: str, uri: str, record: dict) -> dict:
        """putRecord over an existing record, as an app's "edit post" does; returns {"uri", "cid"}."""
        collection, rkey = uri.split("/")[-2:]
        return self.command(op="put", by=by, collection=collection, rkey=rkey, record=record)

    def blob(self, by: str, data: bytes, mime: str = "image/png") -> dict:
        """Upload a blob; returns its lexicon JSON reference, to put in an image embed."""
        import base64

        return self.command(op="blob", by=by, base64=base64.b64encode(data).decode(), mime=mime)["blob"]


def _node_ready() -> str | None:
    """Why the network cannot start here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed"
    if not (HERE / "node_modules" / "@atproto" / "dev-env").is_dir():
        return "tests/bluesky/node_modules is missing: run `bash tests/bluesky/install.sh`"
    return None


def _stop(proc: subprocess.Popen) -> None:
    # Closing stdin asks network.mjs to shut down and drop its PostgreSQL schemas.
    try:
        proc.stdin.close()
    except OSError:
        pass
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="session")
def bsky_network():
    """Bluesky's own PLC, PDS and AppView on 127.0.0.1, seeded by network.mjs."""
    reason = _node_ready()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"Bluesky test network cannot start in CI: {reason}")
        pytest.skip(f"Bluesky test network not available: {reason}")
    env = dict(os.environ)
    env.setdefault("DB_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
    env.setdefault("REDIS_HOST", "127.0.0.1:6379")
    proc = subprocess.Popen(
        ["node", str(NETWORK_SCRIPT)], cwd=HERE, env=env, text=True, encoding="utf-8",
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    first: list[str] = []
    reader = threading.Thread(target=lambda: first.append(proc.stdout.readline()), daemon=True)
    reader.start()
    reader.join(STARTUP_TIMEOUT_S)
    if not first or not first[0].strip():
        _stop(proc)
        err = proc.stderr.read()[-3000:] if proc.stderr else ""
        pytest.fail(f"network.mjs did not start within {STARTUP_TIMEOUT_S}s:\n{err}")
    # Drain stderr so a chatty dev-env never blocks on a full pipe.
    threading.Thread(target=lambda: proc.stderr.read(), daemon=True).start()
    network = BlueskyNetwork(proc, json.loads(first[0]))
    try:
        yield network
    finally:
        _stop(proc)


@pytest.fixture()
def settings(tmp_path) -> Settings:
    """Settings with no login and a session file in this test's own folder."""
    return Settings(_env_file=None, bluesky_session_file=tmp_path / "bluesky-session.txt",
                    fetch_timeout_s=10.0)


def bluesky_source(url: str, kind: str, name: str | None = None, **options) -> SourceConfig:
    return SourceConfig(name=name or f"bluesky {kind}", platform=Platform.BLUESKY, url=url,
                        kind=kind, options=options)


@pytest.fixture(scope="session")
def sample_server():
    with SampleServer() as server:
        yield server


class _CannedHandler(BaseHTTPRequestHandler):
    """Answers /xrpc/<anything> with the status, headers and body set for the path's last part."""

    routes: dict[str, tuple[int, dict, bytes]] = {}

    def do_GET(self):  # noqa: N802 - http.server's naming
        nsid = self.path.split("?")[0].rsplit("/", 1)[-1]
        status, headers, body = self.routes.get(nsid, (404, {}, b'{"error":"NotFound"}'))
        self.send_response(status)
        for k, v in {"Content-Type": "application/json", **headers}.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture()
def canned_server():
    """A real HTTP server on 127.0.0.1 whose answers a test sets: `server.routes[nsid] = (status, headers, body)`."""
    handler = type("Handler", (_CannedHandler,), {"routes": {}})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    httpd.routes = handler.routes
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    try:
        yield httpd
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture()
def make_source():
    """`make_source(url, kind, **options)` builds a Bluesky SourceConfig."""
    return bluesky_source
