"""Serve one of the channels' small web apps (the feed generator, the email sign-up pages) with uvicorn,
in the foreground (`serve`) or on a background thread (`BackgroundServer`, for the demo and tests)."""

from __future__ import annotations

import socket
import threading
import time


def serve(app, host: str, port: int) -> None:
    """Serve `app` until interrupted."""
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


class BackgroundServer:
    """`app` served on `host:port` (a free port when 0) in a daemon thread; a context manager.

    `url` is where it listens; `stop()` shuts it down and waits for the thread.
    """

    def __init__(self, app, host: str = "127.0.0.1", port: int = 0) -> None:
        import uvicorn

        self.host, self.port = host, port or free_port(host)
        config = uvicorn.Config(app, host=self.host, port=self.port, log_level="warning", server_header=False,
                                lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, name=f"web-{self.port}", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout_s: float = 10.0) -> BackgroundServer:
        self.thread.start()
        deadline = time.monotonic() + timeout_s
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the web server on {self.url} did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
