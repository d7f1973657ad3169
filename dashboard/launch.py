"""Start the dashboard: `python -m streamlit run dashboard/server.py` (an st.App around app.py), headless, as a child process."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from peerfeed.settings import Settings

APP = Path(__file__).resolve().parent / "server.py"  # st.App around app.py: feeds, session cookie, headers


def dashboard_command(port: int, host: str = "127.0.0.1") -> list[str]:
    """The streamlit command line: headless, no usage statistics, bound to `host`."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless", "true",
        "--server.port", str(port),
        "--server.address", host,
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
        "--client.toolbarMode", "minimal",
        "--client.showErrorDetails", "none",
    ]


def dashboard_env(settings: Settings, base: dict | None = None) -> dict[str, str]:
    """The child's environment: ours plus every setting as PEERFEED_* (the database URL included).

    Secrets (platform tokens and passwords) are left out: the dashboard never needs them.
    """
    env = dict(os.environ if base is None else base)
    for name, value in settings.model_dump().items():
        if value is None or hasattr(value, "get_secret_value"):
            env.pop(f"PEERFEED_{name.upper()}", None)
            continue
        if isinstance(value, (list, dict)):
            value = json.dumps(value)
        elif isinstance(value, bool):
            value = "true" if value else "false"
        env[f"PEERFEED_{name.upper()}"] = str(value)
    return env


def start_dashboard(settings: Settings, port: int, host: str = "127.0.0.1", **popen_kw) -> subprocess.Popen:
    """Start the dashboard and return the process (tests and the demo stop it themselves)."""
    return subprocess.Popen(dashboard_command(port, host), env=dashboard_env(settings), **popen_kw)


def wait_until_ready(proc: subprocess.Popen, port: int, host: str = "127.0.0.1", timeout_s: float = 90) -> None:
    """Block until the dashboard answers its health check; raise RuntimeError if it exits or times out.

    `proc` is whatever process stands for the server (the Streamlit process, or a parent running
    `run_dashboard`); its stderr, when piped, ends the error message.
    """
    import httpx

    url = f"http://{host}:{port}/_stcore/health"
    deadline = time.monotonic() + timeout_s
    while True:
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            tail = proc.stderr.read().decode(errors="replace")[-2000:] if proc.stderr and proc.poll() is not None else ""
            raise RuntimeError(f"dashboard did not start on {url} (exit code {proc.poll()}) {tail}".rstrip())
        time.sleep(0.2)


def stop(proc: subprocess.Popen, timeout: float = 10) -> int:
    """Ask the server to stop, then insist; returns its exit code."""
    proc.terminate()
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait()


def run_dashboard(settings: Settings, port: int, host: str = "127.0.0.1") -> int:
    """Run the dashboard until it exits; returns its exit code.

    Ctrl-C or a SIGTERM to this process stops the server too, so it is never left running alone.
    """
    proc = start_dashboard(settings, port, host)
    previous = None
    if threading.current_thread() is threading.main_thread():
        def _forward(signum, _frame):
            raise KeyboardInterrupt

        previous = signal.signal(signal.SIGTERM, _forward)
    try:
        return proc.wait()
    except KeyboardInterrupt:
        return stop(proc)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
