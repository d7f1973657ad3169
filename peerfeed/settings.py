"""One typed settings object: environment variables with a PEERFEED_ prefix, or a .env file.

No module reads `os.environ` on its own; build a `Settings` once at the edge (CLI, flow, page)
and pass it in.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

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
    # A channel ("webhook" or "email") used only for a post whose alert on the other channel has
    # failed `alert_fallback_after` times in a row; None sends on every configured channel.
    alert_fallback_channel: Literal["webhook", "email"] | None = None
    alert_fallback_after: int = Field(default=2, ge=1)
    # Posts published longer ago than this when first found at high or crisis (an import, a new
    # source's back catalogue) are held without an alert each; moderators get one summary instead.
    alert_max_post_age_days: int = Field(default=7, ge=1)

    # Channels (docs/channels.md). The Bluesky feed generator's public host name (and port, if not
    # 443): its service DID is did:web:<host>, and Bluesky's AppView reaches it at https://<host>
    # (http for a localhost name). The feeds are records of the community account, published with
    # its handle and an app password (`peerfeed feedgen publish`), logging in at `feedgen_login_url`.
    feedgen_hostname: str = "localhost:8503"
    feedgen_handle: str | None = None
    feedgen_app_password: SecretStr | None = None
    feedgen_login_url: str = "https://bsky.social"
    # The community's fediverse account (pipelines/fediverse.py): its instance and an access token
    # with read and write scopes. Posts published more than `fediverse_max_age_days` ago are not put
    # up; at most `fediverse_actions_per_run` writes a run, `fediverse_pause_s` apart, stopping while
    # the instance's rate limit has `fediverse_ratelimit_reserve` requests or fewer left.
    fediverse_instance_url: str | None = None
    fediverse_access_token: SecretStr | None = None
    fediverse_visibility: Literal["public", "unlisted"] = "public"
    fediverse_max_age_days: int = Field(default=7, ge=1)
    fediverse_actions_per_run: int = Field(default=30, ge=1)
    fediverse_pause_s: float = Field(default=1.0, ge=0)
    fediverse_ratelimit_reserve: int = Field(default=5, ge=0)
    fediverse_lease_s: int = Field(default=300, ge=10)
    # The weekly email (pipelines/newsletter.py), sent through the SMTP server above from
    # `email_from` (default: smtp_from). Its sign-up, confirm and unsubscribe pages are served by
    # `peerfeed email serve` at `email_base_url`, which every email links to.
    email_from: str | None = None
    email_base_url: str = "http://127.0.0.1:8504"

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
