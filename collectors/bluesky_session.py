"""An atproto `Client` for a source, logged in with a saved session when one is configured.

Bluesky rate-limits createSession (per account: 30 per 5 minutes, 300 per day), so a collector that
logged in with the app password on every run would lock itself out. The session string is saved to
`settings.bluesky_session_file` whenever the SDK creates or refreshes a session, and later runs
import it; the password is used only when there is no usable saved session.

A client made here connects only where collectors/address_guard.py allows: a service on a public
host cannot send the SDK to an internal address (by a redirect, a PDS endpoint in a DID document, or
a name that resolves inside). The SDK reports a refusal as a network error whose message says what
was refused (`refusal_in` finds it).
"""

from __future__ import annotations

import logging
import os
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import httpx
from atproto import Client, Session, SessionEvent
from atproto_client.exceptions import BadRequestError, LoginRequiredError, UnauthorizedError
from atproto_client.request import Request, RequestBase

from collectors.address_guard import AddressGuard, GuardedTransport, GuardUnavailable, url_hook, uses_attribute
from collectors.http import tls_context
from peerfeed.settings import Settings

log = logging.getLogger(__name__)

# Sources collected in parallel log in one at a time, so the first saves a session the rest reuse
# instead of each calling createSession.
_LOGIN_LOCK = threading.Lock()


def check_atproto_hooks() -> None:
    """Fail closed: these request classes rely on atproto's private `Request._client` (what it sends
    through) and `RequestBase._new_instance` (what `clone()` builds); atproto is pinned in
    pyproject.toml and tests/collectors/test_contract.py catches a change."""
    if not uses_attribute(Request._send_request, "_client") or not uses_attribute(RequestBase.clone, "_new_instance"):
        raise GuardUnavailable("atproto's Request no longer sends through _client or clones with _new_instance: "
                               "the address guard cannot hold; refusing to make an unguarded client")


class _GuardedRequest(Request):
    """The SDK's own request layer (it follows redirects) on a guarded httpx client whose every
    request, redirect hops included, must be allowed from `origin`."""

    def __init__(self, origin: str, settings: Settings) -> None:
        check_atproto_hooks()
        self._origin, self._settings = origin, settings
        allowed = settings.allow_internal_hosts
        super().__init__(
            timeout=settings.fetch_timeout_s,
            transport=GuardedTransport(AddressGuard(allowed), tls_context()),
            event_hooks={"request": [url_hook(origin, allowed)]},
        )

    def _new_instance(self) -> _GuardedRequest:  # clone(): a client of its own, guarded the same way
        return type(self)(self._origin, self._settings)


class _SharedHttpRequest(Request):
    """The SDK's own request layer, sending through an httpx.Client the caller owns."""

    def __init__(self, http: httpx.Client) -> None:
        check_atproto_hooks()
        # atproto's Request.__init__ would build a client of its own; these two attributes are what
        # its methods read (atproto pinned in pyproject.toml; tests/bluesky/test_bluesky_session.py
        # sends through this class, so a rename upstream fails there).
        RequestBase.__init__(self)
        self._client_kwargs: dict[str, object] = {}
        self._client = http

    def _new_instance(self) -> _SharedHttpRequest:  # clone(): the same caller-owned client
        return type(self)(self._client)

    def close(self) -> None:  # the caller closes its own client
        pass


def save_session(path: Path, session_string: str) -> None:
    """Write the session string atomically, readable by this user only (it holds bearer tokens)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".bluesky-session-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(session_string)
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_session(path: Path, handle: str) -> str | None:
    """The saved session string for `handle`, or None when there is none or it is for someone else."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        return None
    try:
        session = Session.decode(text)
    except ValueError:
        log.warning("ignoring unreadable Bluesky session file %s", path)
        return None
    if session.handle.lower() != handle.lower().lstrip("@") and session.did != handle:
        return None
    return text


def make_client(base_url: str, settings: Settings, http: httpx.Client | None = None) -> Client:
    """A client for `base_url` (an AppView, PDS or entryway), not yet logged in.

    Pass `http` to send through an httpx.Client the caller owns (and closes; make it with
    collectors.http.make_client to keep the address guard); otherwise the client has its own,
    guarded and closed with `client.request.close()`.
    """
    if http is not None:
        request = _SharedHttpRequest(http)
    else:
        request = _GuardedRequest(base_url, settings)
    client = Client(base_url=base_url, request=request)
    # The SDK's own User-Agent is mandatory; ours goes beside it so operators can tell us apart.
    request.add_additional_header("X-Peerfeed-Agent", settings.user_agent)
    return client


def wants_login(settings: Settings) -> bool:
    return bool(settings.bluesky_handle and settings.bluesky_app_password)


DEFAULT_LOGIN_URL = "https://bsky.social"


def login_url(service_url: str, options: dict) -> str:
    """Where to log in for a source: `options.login_url`, else the service itself unless it is
    Bluesky's public AppView (which serves no sessions), in which case Bluesky's entryway.

    Once logged in the SDK talks to the account's own PDS (from its DID document), which forwards
    app.bsky requests to its AppView.
    """
    if options.get("login_url"):
        return str(options["login_url"])
    host = urlsplit(service_url).hostname or ""
    if host == "bsky.app" or host.endswith(".bsky.app"):
        return DEFAULT_LOGIN_URL
    return service_url


def login(client: Client, settings: Settings) -> str:
    """Log in as `settings.bluesky_handle`, reusing the saved session if it still works.

    Returns "session" or "password" (how it logged in). Every new or refreshed session is saved.
    Raises the SDK's errors when the password login fails; the password never appears in them.
    """
    path = settings.bluesky_session_file
    handle = settings.bluesky_handle or ""

    def on_change(event: SessionEvent, session: Session) -> None:
        if event in (SessionEvent.CREATE, SessionEvent.REFRESH):
            save_session(path, session.export())

    client.on_session_change(on_change)
    with _LOGIN_LOCK:
        return _login_locked(client, settings, path, handle)


def _login_locked(client: Client, settings: Settings, path: Path, handle: str) -> str:
    saved = load_session(path, handle)
    if saved:
        try:
            client.login(session_string=saved, fetch_bsky_profile=False)
            # One cheap call proves the session (refreshing it first if the access token expired).
            client.com.atproto.server.get_session()
            return "session"
        except (UnauthorizedError, BadRequestError, LoginRequiredError, ValueError) as exc:
            # Expired or revoked: log in again. Network trouble or a rate limit is not a reason to
            # spend a createSession, so those propagate.
            log.info("saved Bluesky session for %s not usable (%s); logging in again", handle, type(exc).__name__)
    password = settings.bluesky_app_password.get_secret_value() if settings.bluesky_app_password else ""
    client.login(handle, password, fetch_bsky_profile=False)
    return "password"
