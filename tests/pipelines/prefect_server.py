"""One real `prefect server start` on 127.0.0.1 for the whole test session, with a throwaway home.

The flow tests and the scale-out test share it, so the ~15-20 s server start is paid once. The test
process talks to it through `temporary_settings(PREFECT_API_URL=...)`, the way Prefect's own
`prefect_test_harness` does; the server keeps its SQLite database inside the throwaway PREFECT_HOME.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

STARTUP_TIMEOUT_S = 60


@dataclass
class PrefectServer:
    api_url: str
    home: Path
    env: dict[str, str]  # for subprocesses (prefect CLI, workers) that should use this server

    def cli(self, *args: str, timeout: float = 60, cwd: Path | None = None,
            extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        """Run the `prefect` command against this server; raise with its output when it fails."""
        prefect = Path(sys.executable).with_name("prefect")
        proc = subprocess.run([str(prefect), *args], env={**self.env, **(extra_env or {})}, cwd=cwd,
                              capture_output=True, text=True, timeout=timeout)
        if proc.returncode != 0:
            raise AssertionError(f"prefect {' '.join(args)} failed:\n{proc.stdout}\n{proc.stderr}")
        return proc


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def prefect_server(tmp_path_factory):
    """Start the server, point this process at it, and stop it (and only it) at the end."""
    from prefect.settings import PREFECT_API_URL, PREFECT_HOME, temporary_settings

    home = tmp_path_factory.mktemp("prefect-home")
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {
        **os.environ,
        "PREFECT_HOME": str(home),
        "PREFECT_API_URL": api_url,
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "PREFECT_SERVER_UI_ENABLED": "false",
        "PREFECT_LOGGING_LEVEL": "WARNING",
        # Deployments keep their schedules, but no scheduled run is made behind a test's back.
        "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",
        # A worker polls at once and often, so a test's run starts without delay.
        "PREFECT_WORKER_QUERY_SECONDS": "1",
        "PREFECT_WORKER_PREFETCH_SECONDS": "0",
    }
    log = open(home / "server.log", "w")
    prefect = Path(sys.executable).with_name("prefect")
    proc = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port),
                             "--no-ui"], env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"prefect server exited early:\n{(home / 'server.log').read_text()}")
            try:
                if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"prefect server not up after {STARTUP_TIMEOUT_S}s:\n"
                                   f"{(home / 'server.log').read_text()}")
            time.sleep(0.3)
        with temporary_settings(updates={PREFECT_API_URL: api_url, PREFECT_HOME: str(home)}):
            yield PrefectServer(api_url=api_url, home=home, env=env)
    finally:
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=5)  # send buffered run logs while the server is still there
        # The server runs in its own session: signal that group, which holds only what we started.
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()
