"""Which network addresses a collector may reach, enforced where the socket is opened (SSRF).

The rule: a feed, instance or service on a public host may not make peerfeed reach an internal
address (loopback, private, link-local such as the 169.254.169.254 cloud metadata service,
unspecified, multicast, reserved; an IPv4 address carried inside IPv6 counts as that IPv4 address).
Sources an admin configured on an internal host keep working. An internal host is a literal
internal address (127.0.0.1, 10.1.2.3, [::1]), a `localhost` name, or a name listed in
`settings.allow_internal_hosts` (an intranet blog, say). Two checks hold the rule:

- At every URL, redirects included (`redirect_allowed`): a source on a public host may not be sent
  to an internal host. This catches literal addresses and listed names before any connection.
- At connect time (`AddressGuard`): the host name is resolved once, every address it resolves to is
  judged, and the socket is opened to a judged address, never re-resolved. A public name that
  resolves inside (directly, after a redirect, or by DNS rebinding between two lookups) is refused;
  only an internal host may connect to internal addresses. TLS still checks the certificate against
  the host name. `GuardedTransport` does this for httpx (an httpcore network backend) and
  `GuardedAdapter` for requests (urllib3 connection classes).

Environment proxies (HTTP_PROXY and friends) are not used by guarded clients: a proxy resolves names
itself, out of the guard's sight.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

import httpcore
import httpx
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection as _URLLIB3_CONNECTION  # the installed class, before any test recorder patches the module
from urllib3.connectionpool import HTTPConnectionPool
from urllib3.exceptions import ConnectTimeoutError, NameResolutionError, NewConnectionError
from urllib3.util import connection as urllib3_connection

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[..., list]  # socket.getaddrinfo's signature and result
Classifier = Callable[[IPAddress], "str | None"]

# The installed httpx's own method, as imported (a test recorder such as vcrpy may patch the class
# later; the guard judges the library, not the recorder).
_HTTPX_HANDLE_REQUEST = httpx.HTTPTransport.handle_request
_METADATA = {ipaddress.ip_address("169.254.169.254"), ipaddress.ip_address("fd00:ec2::254")}
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated ::a.b.c.d
HTTPX_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=20)  # httpx's defaults


def address_class(ip: IPAddress) -> str | None:
    """What kind of internal address `ip` is ("loopback", "private", ...), or None for a public one.

    An IPv4 address inside IPv6 (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64
    64:ff9b::a.b.c.d, 6to4 2002:aabb:ccdd::) is judged by the IPv4 address, where packets end up.
    """
    if ip.version == 6:
        inner = _embedded_ipv4(ip)
        if inner is not None:
            kind = address_class(inner)
            return f"{kind} (IPv4 inside IPv6)" if kind else None
    if ip in _METADATA:
        return "cloud metadata"
    if ip.is_unspecified:
        return "unspecified"
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if ip.is_multicast:  # some multicast ranges count as "global"; TCP to them is never a feed
        return "multicast"
    if ip.is_private:
        return "private"
    return None if ip.is_global else "non-public"  # shared 100.64/10, reserved ...


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 1):  # not :: or ::1
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _name(host: str) -> str:
    return host.strip("[]").lower().rstrip(".")


def _literal(name: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(name)
    except ValueError:
        return None


def is_internal_host(host: str | None, allowed: Iterable[str] = ()) -> bool:
    """A host that may reach internal addresses: a literal internal address, a `localhost` name, or
    a name in `allowed` (an entry ".corp.example" also covers its subdomains). No DNS lookup.
    """
    if not host:
        return False
    name = _name(host)
    if name == "localhost" or name.endswith(".localhost"):
        return True
    ip = _literal(name)
    if ip is not None:
        return address_class(ip) is not None
    for entry in allowed:
        entry = _name(entry)
        if name == entry.lstrip(".") or (entry.startswith(".") and name.endswith(entry)):
            return True
    return False


def redirect_allowed(origin: str, target: str, allowed: Iterable[str] = ()) -> bool:
    """May a source at `origin` be sent to `target`? Not from a public host to an internal one.

    A source an admin configured on an internal host (an intranet blog, the tests' and demo's
    127.0.0.1 servers) may go anywhere the connect-time check lets it.
    """
    allowed = tuple(allowed)
    return is_internal_host(urlsplit(origin).hostname, allowed) or not is_internal_host(
        urlsplit(target).hostname, allowed)


class AddressRefused(Exception):
    """A connection or URL the rule forbids. The message names the host, the address and its kind."""

    def __init__(self, message: str, *, host: str, kind: str) -> None:
        super().__init__(message)
        self.host = host
        self.kind = kind

    @classmethod
    def for_url(cls, origin: str, target: str) -> AddressRefused:
        """The refusal of a URL on an internal host asked for by a source on a public one."""
        host = urlsplit(target).hostname or ""
        ip = _literal(_name(host))
        if ip is not None:
            kind = address_class(ip) or "public"
        elif _name(host) == "localhost" or _name(host).endswith(".localhost"):
            kind = "localhost"
        else:
            kind = "listed in PEERFEED_ALLOW_INTERNAL_HOSTS"
        return cls(f"refused: the source's host {urlsplit(origin).hostname} is public and {target} is "
                   f"internal ({kind})", host=host, kind=kind)


def refusal_in(exc: BaseException | None) -> AddressRefused | None:
    """The AddressRefused behind an exception (libraries wrap it in their own errors), if any."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, AddressRefused):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


class AddressGuard:
    """Resolves a host once and says which of its addresses we may connect to.

    `resolver` (socket.getaddrinfo's shape) and `classify` (`address_class`'s) are plain parameters
    so tests can map names to 127.0.0.x without touching DNS or /etc/hosts.
    """

    def __init__(self, allowed_hosts: Iterable[str] = (), *, resolver: Resolver = socket.getaddrinfo,
                 classify: Classifier = address_class) -> None:
        self.allowed_hosts = tuple(allowed_hosts)
        self.resolver = resolver
        self.classify = classify

    def addresses(self, host: str, port: int) -> list[str]:
        """The addresses to connect to for host:port, in the resolver's order.

        Raises AddressRefused when the host is not an internal host and any of its addresses is
        internal (one bad address is enough: a name that points inside is not a public feed), and
        socket.gaierror when it does not resolve.
        """
        found: list[str] = []
        for _family, _type, _proto, _canon, sockaddr in self.resolver(host, port, type=socket.SOCK_STREAM):
            if sockaddr[0] not in found:
                found.append(sockaddr[0])
        if not found:
            raise socket.gaierror(socket.EAI_NONAME, f"{host} has no addresses")
        if is_internal_host(host, self.allowed_hosts):
            return found
        for address in found:
            kind = self.classify(ipaddress.ip_address(address))
            if kind is not None:
                raise AddressRefused(
                    f"refused to connect to {host}: it resolves to {address}, a {kind} address; only "
                    "internal hosts (literal internal addresses, localhost, PEERFEED_ALLOW_INTERNAL_HOSTS) "
                    "may reach internal addresses", host=host, kind=kind)
        return found


# --- httpx: an httpcore network backend ---------------------------------------------------------

class GuardedBackend(httpcore.NetworkBackend):
    """Connects only to addresses the guard allows, by address (the name is resolved once, here)."""

    def __init__(self, guard: AddressGuard, backend: httpcore.NetworkBackend | None = None) -> None:
        self.guard = guard
        self._backend = backend or httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            addresses = self.guard.addresses(host, port)
        except AddressRefused as refusal:
            # A ConnectError, so httpx and the SDKs above it report a failed connection, with our
            # message; `refusal_in` finds the refusal underneath.
            raise httpcore.ConnectError(str(refusal)) from refusal
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from exc
        error = None  # the last failure; unannotated: mypy does not check this untyped method
        for address in addresses:  # like socket.create_connection: the next address if one fails
            try:
                return self._backend.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                 socket_options=socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None  # AddressGuard.addresses raises rather than return no address
        raise error

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise httpcore.ConnectError("collectors connect over TCP only")

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class GuardUnavailable(RuntimeError):
    """A library no longer has the hook the guard relies on: refuse to run rather than fail open."""


def uses_attribute(function, name: str) -> bool:
    """Whether `function`'s own code reads the attribute or global `name` (a private hook's use)."""
    code = getattr(function, "__code__", None)
    return code is not None and name in code.co_names


def check_httpx_hook() -> None:
    """Fail closed: GuardedTransport replaces `HTTPTransport._pool`, which only guards anything
    while httpx sends every request through `self._pool` (httpx pinned below 0.29 in
    pyproject.toml; tests/security/test_ssrf.py and tests/collectors/test_contract.py catch a change)."""
    if not uses_attribute(_HTTPX_HANDLE_REQUEST, "_pool"):
        raise GuardUnavailable("httpx.HTTPTransport.handle_request no longer sends through self._pool: "
                               "the address guard cannot hold; refusing to make an unguarded client")


def check_urllib3_hook() -> None:
    """Fail closed: the requests guard overrides urllib3's `HTTPConnection._new_conn`, which guards
    only while `connect()` opens its socket there (urllib3 pinned below 3 in pyproject.toml)."""
    if not uses_attribute(_URLLIB3_CONNECTION.connect, "_new_conn"):
        raise GuardUnavailable("urllib3's HTTPConnection.connect no longer opens sockets in _new_conn: "
                               "the address guard cannot hold; refusing to make an unguarded session")


class GuardedTransport(httpx.HTTPTransport):
    """httpx's own transport, with a connection pool whose sockets go through `GuardedBackend`.

    httpx 0.28 takes no network backend (encode/httpx#3749 proposes one), so the pool it builds is
    replaced with one of the same settings; httpcore's `network_backend` is public API. It fails
    closed: if httpx no longer builds an httpcore pool in `_pool` or no longer sends through it,
    making a GuardedTransport raises `GuardUnavailable` instead of returning an unguarded client.
    """

    def __init__(self, guard: AddressGuard, ssl_context: ssl.SSLContext, limits: httpx.Limits = HTTPX_LIMITS) -> None:
        super().__init__(verify=ssl_context, limits=limits)
        check_httpx_hook()
        if type(getattr(self, "_pool", None)) is not httpcore.ConnectionPool:
            raise GuardUnavailable("httpx.HTTPTransport no longer keeps an httpcore.ConnectionPool in _pool: "
                                   "the address guard cannot replace it; refusing to make an unguarded client")
        self._pool = httpcore.ConnectionPool(
            ssl_context=ssl_context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(guard),
        )


def url_hook(origin: str, allowed: Iterable[str] = ()) -> Callable[[httpx.Request], None]:
    """An httpx request event hook (it runs for every redirect hop) applying `redirect_allowed`."""
    allowed = tuple(allowed)

    def check(request: httpx.Request) -> None:
        if not redirect_allowed(origin, str(request.url), allowed):
            refusal = AddressRefused.for_url(origin, str(request.url))
            raise httpx.ConnectError(str(refusal), request=request) from refusal

    return check


# --- requests: urllib3 connections that connect to a vetted address -----------------------------

class _VettedConnect:
    guard: AddressGuard  # set on the per-guard subclasses made by _guarded_pool

    def _new_conn(self):  # urllib3's hook for opening the socket; TLS (on self.host) comes after
        try:
            addresses = self.guard.addresses(self.host, self.port)
        except socket.gaierror as exc:
            raise NameResolutionError(self.host, self, exc) from exc
        error = None  # the last failure; unannotated: mypy does not check this untyped method
        for address in addresses:
            try:
                return urllib3_connection.create_connection(
                    (address, self.port), self.timeout, source_address=self.source_address,
                    socket_options=self.socket_options)
            except socket.timeout:
                error = ConnectTimeoutError(self, f"Connection to {self.host} timed out. "
                                                  f"(connect timeout={self.timeout})")
            except OSError as exc:
                error = NewConnectionError(self, f"Failed to establish a new connection: {exc}")
        assert error is not None  # AddressGuard.addresses raises rather than return no address
        raise error


class GuardedAdapter(HTTPAdapter):
    """A requests adapter whose connections go only to addresses the guard allows.

    AddressRefused propagates as it is (urllib3 does not retry it). Proxies are refused: they would
    resolve names out of the guard's sight (ResponseLog turns off requests' environment proxies).
    """

    def __init__(self, guard: AddressGuard, **kwargs) -> None:
        check_urllib3_hook()
        self.guard = guard
        super().__init__(**kwargs)  # builds the pool manager (init_poolmanager, below)

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        manager = self.poolmanager
        if not isinstance(getattr(manager, "pool_classes_by_scheme", None), dict):
            raise GuardUnavailable("urllib3's PoolManager has no pool_classes_by_scheme: the address guard "
                                   "cannot hold; refusing to make an unguarded session")
        manager.pool_classes_by_scheme = {
            scheme: _guarded_pool(pool, self.guard) for scheme, pool in manager.pool_classes_by_scheme.items()
        }

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        raise AddressRefused(f"refused to use proxy {urlsplit(proxy).hostname}: collectors connect directly",
                             host=urlsplit(proxy).hostname or "", kind="proxy")


def _guarded_pool(pool: type[HTTPConnectionPool], guard: AddressGuard) -> type[HTTPConnectionPool]:
    # Built from the pool's connection class as it is now, so whatever urllib3 (or a test recorder
    # such as vcrpy) put there keeps working, with our socket opening in front.
    connection = type(f"Guarded{pool.ConnectionCls.__name__}", (_VettedConnect, pool.ConnectionCls),
                      {"guard": guard})
    return type(f"Guarded{pool.__name__}", (pool,), {"ConnectionCls": connection})
