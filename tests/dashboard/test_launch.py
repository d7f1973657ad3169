"""`run_dashboard` starts a headless server with the settings in its environment, and takes it down."""

import os
import signal
import subprocess
import sys
import time

import httpx

from dashboard.launch import dashboard_command, dashboard_env, wait_until_ready
from peerfeed.settings import Settings
from tests.dashboard.test_browser import free_port


def test_child_gets_settings_but_no_secrets():
    settings = Settings(database_url="sqlite:////tmp/x.db", digest_requires_sign_in=True,
                        mastodon_access_token="tok-123")
    env = dashboard_env(settings, {"PEERFEED_MASTODON_ACCESS_TOKEN": "tok-123", "PATH": "/bin"})
    assert env["PEERFEED_DATABASE_URL"] == "sqlite:////tmp/x.db"
    assert env["PEERFEED_DIGEST_REQUIRES_SIGN_IN"] == "true"
    assert "PEERFEED_MASTODON_ACCESS_TOKEN" not in env and env["PATH"] == "/bin"
    cmd = dashboard_command(8123)
    assert cmd[1:4] == ["-m", "streamlit", "run"] and "--server.headless" in cmd
    assert cmd[cmd.index("--server.address") + 1] == "127.0.0.1"


def test_sigterm_to_run_dashboard_stops_the_server(tmp_path):
    port = free_port()
    code = ("from dashboard.launch import run_dashboard; from peerfeed.settings import Settings; "
            f"raise SystemExit(run_dashboard(Settings(database_url='sqlite:///{tmp_path}/p.db'), port={port}))")
    parent = subprocess.Popen([sys.executable, "-c", code], cwd=tmp_path, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/_stcore/health"
    try:
        wait_until_ready(parent, port, timeout_s=90)  # generous: CI shares two cores with other servers
        parent.send_signal(signal.SIGTERM)
        parent.wait(timeout=20)
        time.sleep(0.5)
        try:
            httpx.get(url, timeout=1)
            raise AssertionError("the server outlived run_dashboard")
        except httpx.HTTPError:
            pass
    finally:
        if parent.poll() is None:
            os.kill(parent.pid, signal.SIGKILL)
