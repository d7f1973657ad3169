"""One typed settings object: environment variables with a PEERFEED_ prefix, or a .env file.

No module reads `os.environ` on its own; build a `Settings` once at the edge (CLI, flow, page)
and pass it in.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///data/peerfeed.db"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PEERFEED_", env_file=".env", extra="ignore")

    database_url: str = DEFAULT_DATABASE_URL
    sources_file: Path = Path("sources.yaml")
    model_path: Path | None = Field(
        default=None, description="A skops model file; None uses the model shipped in classifier/"
    )

    # Collectors
    user_agent: str = "peerfeed/0.1 (+https://github.com/peerfeed/peerfeed)"
    fetch_timeout_s: float = 20.0
    max_feed_bytes: int = 10 * 1024 * 1024
    mastodon_access_token: SecretStr | None = None
    bluesky_handle: str | None = None
    bluesky_app_password: SecretStr | None = None
    bluesky_session_file: Path = Path("data/bluesky-session.txt")
    collect_concurrency: int = 4
    # `peerfeed stream` (pipelines/streaming.py, docs/collectors-streams.md): the Bluesky relay (or a
    # PDS) whose com.atproto.sync.subscribeRepos firehose it follows; how often it polls the sources
    # it cannot stream (blogs with conditional GET, custom feeds); how often a stream hands on.
    bluesky_firehose_url: str = "wss://bsky.network"
    stream_poll_interval_s: float = Field(default=60.0, ge=5.0)
    stream_flush_s: float = Field(default=0.5, gt=0.0, le=10.0)
    # Host names whose sources may connect to internal addresses (an intranet blog, a private
    # instance), e.g. '["blog.intranet.example", ".corp.example"]' (a leading dot: the domain and its
    # subdomains). Literal internal addresses and localhost names need no entry. A public source
    # may never reach these, nor any internal address (collectors/address_guard.py, docs/security.md).
    allow_internal_hosts: list[str] = []

    # Pipelines: the CLI runs the plain pipeline functions (no Prefect, no start-up cost) unless this
    # is on; then `peerfeed collect` runs the collect flow in-process, recorded on the Prefect server
    # named by PREFECT_API_URL, or on a temporary local one (~10 s to start). See docs/pipelines.md.
    prefect_local_runs: bool = False

    # Alerts: no post text ever leaves in an alert, only a link and the level.
    alert_webhook_url: str | None = None
    smtp_host: str | None = None
    smtp_port: int = 25
    smtp_from: str = "peerfeed@localhost"
    alert_email_to: list[str] = []
    smtp_username: str | None = None
    smtp_password: SecretStr | None = None
    smtp_starttls: bool = False  # upgrade the connection with STARTTLS before logging in
    public_base_url: str = "http://127.0.0.1:8501"

    # Dashboard
    digest_requires_sign_in: bool = False
    site_dir: Path = Path("site")

    # Sign-in throttling for local accounts (store/sign_in_attempts.py, docs/security.md): this many
    # failures for one user name (or from one client address) within the window lock it for
    # `sign_in_lockout_s`, doubling with each further failure, at most `sign_in_max_lockout_s`.
    sign_in_max_failures: int = Field(default=5, ge=1)
    sign_in_max_failures_per_client: int = Field(default=20, ge=1)
    sign_in_window_s: int = Field(default=24 * 3600, ge=60)
    sign_in_lockout_s: int = Field(default=60, ge=1)
    sign_in_max_lockout_s: int = Field(default=30 * 60, ge=1)
