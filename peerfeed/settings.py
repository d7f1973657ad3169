"""One typed settings object: environment variables with a PEERFEED_ prefix, or a .env file.

No module reads `os.environ` on its own; build a `Settings` once at the edge (CLI, flow, page)
and pass it in.

Secrets (tokens, passwords, the alert webhook's URL, which is a credential for Slack-style hooks)
are `SecretStr`: masked in every repr, log line and error message; `redact` masks them in any text
that may have picked one up (an exception's message). The database URL may hold a password too: it
is a `DatabaseURL`, a string whose repr hides the password.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_DATABASE_URL = "sqlite:///data/peerfeed.db"
BACKENDS = ("sqlite", "postgresql")


def _log_level(value: str | None) -> str | None:
    if value is None:
        return None
    if value.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ValueError("use DEBUG, INFO, WARNING or ERROR")
    return value.upper()


class DatabaseURL(str):
    """A database URL; its repr (tracebacks, settings dumps) shows the password as ***."""

    def masked(self) -> str:
        from sqlalchemy.engine import make_url

        return make_url(str(self)).render_as_string(hide_password=True)

    def __repr__(self) -> str:
        return repr(self.masked())


def _database_url(value: str) -> DatabaseURL:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        backend = make_url(value).get_backend_name()
    except (ArgumentError, ValueError):
        raise ValueError("not a database URL; give sqlite:///PATH or postgresql://USER@HOST/NAME") from None
    if backend not in BACKENDS:
        raise ValueError(f"peerfeed stores into SQLite or PostgreSQL, not {backend}; "
                         "give sqlite:///PATH or postgresql://USER@HOST/NAME")
    return DatabaseURL(value)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PEERFEED_", env_file=".env", extra="ignore")

    database_url: Annotated[str, AfterValidator(_database_url)] = DatabaseURL(DEFAULT_DATABASE_URL)
    sources_file: Path = Path("sources.yaml")
    # The one model-path rule: classify reads this skops file, and `model train` and the retrain
    # flow write here. Unset, the model shipped in classifier/ is read and never overwritten.
    model_path: Path | None = Field(
        default=None, description="A skops model file; None reads the model shipped in classifier/"
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

    # Alerts: no post text ever leaves in an alert, only a link and the level. The webhook URL is
    # a credential (Slack-style hooks carry their token in the path): it is never shown or stored.
    alert_webhook_url: SecretStr | None = None
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
    # Dashboard sessions (store/sessions.py): signed out after this long unused, and this long after
    # signing in however busy (a shift); the cookie is marked Secure when `session_cookie_secure`.
    session_idle_minutes: int = Field(default=30, ge=1)
    session_max_hours: float = Field(default=12, gt=0)
    session_cookie_secure: bool = False

    # Sign-in throttling for local accounts (store/sign_in_attempts.py, docs/security.md): this many
    # failures for one user name (or from one client address) within the window lock it for
    # `sign_in_lockout_s`, doubling with each further failure, at most `sign_in_max_lockout_s`.
    sign_in_max_failures: int = Field(default=5, ge=1)
    sign_in_max_failures_per_client: int = Field(default=20, ge=1)
    sign_in_window_s: int = Field(default=24 * 3600, ge=60)
    sign_in_lockout_s: int = Field(default=60, ge=1)
    sign_in_max_lockout_s: int = Field(default=30 * 60, ge=1)

    # Logging (peerfeed/logs.py): the level of peerfeed's own loggers (default: WARNING for the
    # CLI, INFO in flows), and "text" or "json" lines on standard error.
    log_level: Annotated[str | None, AfterValidator(_log_level)] = None
    log_format: Literal["text", "json"] = "text"

    def secrets(self) -> list[str]:
        """Every secret value set, for `redact` (the webhook URL also by its path, which holds the key)."""
        from urllib.parse import urlsplit

        values = []
        for _name, value in self:
            if isinstance(value, SecretStr) and value.get_secret_value():
                values.append(value.get_secret_value())
        if self.alert_webhook_url:
            parts = urlsplit(self.alert_webhook_url.get_secret_value())
            values += [p for p in (parts.path, parts.query) if len(p) > 1]
        password = _url_password(self.database_url)
        if password:
            values.append(password)
        return sorted(set(values), key=len, reverse=True)

    def masked_webhook_url(self) -> str | None:
        """The alert webhook's URL as it may be shown: scheme and host, the rest (its key) masked."""
        if not self.alert_webhook_url:
            return None
        from urllib.parse import urlsplit

        parts = urlsplit(self.alert_webhook_url.get_secret_value())
        return f"{parts.scheme}://{parts.hostname or '?'}/***"

    def redact(self, text: str) -> str:
        """`text` with every secret setting replaced by *** (the webhook URL by its masked form)."""
        webhook_url = self.alert_webhook_url.get_secret_value() if self.alert_webhook_url else ""
        masked = self.masked_webhook_url()  # None only when there is no webhook URL
        if webhook_url and masked:
            text = text.replace(webhook_url, masked)
        for secret in self.secrets():
            if len(secret) >= 4:  # shorter values would mangle every message; they are weak anyway
                text = text.replace(secret, "***")
        return text

    def model_to_train(self, out: Path | None = None) -> Path:
        """Where a trained model is written: `out`, else PEERFEED_MODEL_PATH; never the shipped file.

        Raises ValueError when neither is given (the installed package is not ours to write into).
        """
        target = out or self.model_path
        if target is None:
            raise ValueError("say where to save the trained model: set PEERFEED_MODEL_PATH "
                             "(classify reads it from there too) or pass --out FILE")
        return Path(target)


def _url_password(url: str) -> str | None:
    from sqlalchemy.engine import make_url

    try:
        return make_url(str(url)).password
    except Exception:  # noqa: BLE001 - validated on the way in; nothing to hide otherwise
        return None
