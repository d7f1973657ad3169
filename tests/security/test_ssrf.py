"""Server-side request forgery: a public source never makes a collector reach an internal address.

Real servers on real sockets. The machine has no public address, so 127.0.0.2 plays one: the guard
in these tests is given a resolver that maps made-up names (feed.example, inside.example, ...) to
127.0.0.x and a classifier under which 127.0.0.2 counts as public. Everything else is the real rule.
Where a test needs the real resolver with no help, it uses this machine's own host name, which
/etc/hosts points at loopback (skipped where it does not).
"""

from __future__ import annotations

import ipaddress
import json
import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from mastodon.errors import MastodonError

from collectors.address_guard import (
    AddressGuard,
    GuardedTransport,
    address_class,
    is_internal_host,
    redirect_allowed,
    refusal_in,
    url_hook,
)
from collectors.base import ErrorKind, SourceState
from collectors.bluesky import fetch_bluesky
from collectors.http import FetchError, fetch_url, make_client, tls_context
from collectors.mastodon import fetch_mastodon
from collectors.mastodon_client import ResponseLog, classify
from collectors.mastodon_client import make_client as mastodon_client
from collectors.mastodon_recheck import check_deleted
from collectors.rss import fetch_feed
from peerfeed.records import Platform
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig
from pipelines.collecting import collect_all

SECRET = "inside-only-secret-7731"
FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        b"<item><title>%s</title><guid>g1</guid><link>https://blog.example/1</link>"
        b"<description>words</description></item></channel></rss>")


@dataclass
class Site:
    """A real HTTP server on one loopback address: `pages[path] = (status, headers, body)`."""

    httpd: ThreadingHTTPServer
    pages: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    hits: list[str] = field(default_factory=list)  # "Host path" of every request

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.httpd.server_address[0]}:{self.port}{path}"


def _serve(address: str):
    site_ref: list[Site] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            site = site_ref[0]
            path = self.path.split("?")[0]
            site.hits.append(f"{self.headers.get('Host')} {path}")
            status, headers, body = site.pages.get(path, (404, {}, b"{}"))
            self.send_response(status)
            for k, v in {"Content-Length": str(len(body)), **headers}.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    site = Site(ThreadingHTTPServer((address, 0), Handler))
    site_ref.append(site)
    threading.Thread(target=site.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    return site


@pytest.fixture
def inside():
    """An internal service on 127.0.0.1 with something worth stealing."""
    site = _serve("127.0.0.1")
    site.pages["/secret"] = (200, {"Content-Type": "application/rss+xml"}, FEED % SECRET.encode())
    yield site
    site.httpd.shutdown()
    site.httpd.server_close()


@pytest.fixture
def outside():
    """A 'public' site on 127.0.0.2 (see the module docstring)."""
    site = _serve("127.0.0.2")
    yield site
    site.httpd.shutdown()
    site.httpd.server_close()


@pytest.fixture
def settings() -> Settings:
    return Settings(_env_file=None, fetch_timeout_s=5.0)


@pytest.fixture(scope="module")
def loopback_name() -> str:
    """This machine's host name, resolved by the real resolver to 127.0.0.1: a name that is neither
    `localhost` nor a literal address but points inside."""
    name = socket.gethostname()
    try:
        found = {info[4][0] for info in socket.getaddrinfo(name, 80, type=socket.SOCK_STREAM)}
    except OSError:
        pytest.skip(f"host name {name!r} does not resolve")
    if is_internal_host(name) or found != {"127.0.0.1"}:
        pytest.skip(f"host name {name!r} resolves to {found}, not to 127.0.0.1 alone")
    return name


def world(names: dict[str, str | list[str]]):
    """A resolver with socket.getaddrinfo's shape: `names` maps host names to addresses (a list is
    answered one item per lookup, the last one repeating); other names resolve as usual."""
    calls: list[str] = []

    def resolve(host, port, *args, **kwargs):
        calls.append(host)
        address = names.get(host, host)
        if isinstance(address, list):
            address = address.pop(0) if len(address) > 1 else address[0]
        return socket.getaddrinfo(address, port, *args, **kwargs)

    resolve.calls = calls
    return resolve


def public_stand_in(ip):
    """127.0.0.2 plays a public internet address; every other address is judged by the real rule."""
    return None if str(ip) == "127.0.0.2" else address_class(ip)


def guard(names: dict, allowed=()) -> AddressGuard:
    return AddressGuard(allowed, resolver=world(names), classify=public_stand_in)


def rss(url: str, name: str = "blog") -> SourceConfig:
    return SourceConfig(name=name, platform=Platform.RSS, url=url)


# --- the rule itself ------------------------------------------------------------------------------

@pytest.mark.parametrize("address, kind", [
    ("93.184.216.34", None),
    ("2606:4700::1111", None),
    ("127.0.0.1", "loopback"),
    ("10.0.0.7", "private"),
    ("192.168.1.1", "private"),
    ("169.254.169.254", "cloud metadata"),
    ("fd00:ec2::254", "cloud metadata"),
    ("169.254.1.1", "link-local"),
    ("100.64.0.1", "non-public"),
    ("0.0.0.0", "unspecified"),
    ("::", "unspecified"),
    ("::1", "loopback"),
    ("fe80::1", "link-local"),
    ("fc00::5", "private"),
    ("224.0.0.1", "multicast"),
    ("::ffff:127.0.0.1", "loopback (IPv4 inside IPv6)"),
    ("::ffff:169.254.169.254", "cloud metadata (IPv4 inside IPv6)"),
    ("::ffff:93.184.216.34", None),
    ("::7f00:1", "loopback (IPv4 inside IPv6)"),          # IPv4-compatible, which Python calls global
    ("64:ff9b::a00:1", "private (IPv4 inside IPv6)"),     # NAT64
    ("2002:a9fe:a9fe::1", "cloud metadata (IPv4 inside IPv6)"),  # 6to4
])
def test_address_classes(address, kind):
    assert address_class(ipaddress.ip_address(address)) == kind


@pytest.mark.parametrize("origin, target, allowed", [
    ("https://blog.example/feed", "http://[::ffff:127.0.0.1]:6379/", False),
    ("https://blog.example/feed", "http://[::7f00:1]/", False),
    ("https://blog.example/feed", "http://intranet.example/feed", False),  # a listed intranet name
    ("https://intranet.example/feed", "http://10.0.0.3/feed", True),
    ("https://wiki.corp.example/feed", "http://10.0.0.3/feed", True),     # ".corp.example" covers it
    ("https://corp.example.evil/feed", "http://10.0.0.3/feed", False),
])
def test_redirect_rule_knows_mapped_addresses_and_listed_intranet_names(origin, target, allowed):
    assert redirect_allowed(origin, target, ["intranet.example", ".corp.example"]) is allowed


# --- RSS / Atom and comment feeds (httpx) --------------------------------------------------------

def test_a_public_name_that_resolves_inside_is_refused_where_the_socket_opens(inside, settings):
    url = inside.url("/secret", host="inside.example")
    with make_client(5.0, guard=guard({"inside.example": "127.0.0.1"})) as client:
        result = fetch_feed(rss(url), SourceState(), settings, client=client)
    assert result.error_kind is ErrorKind.CONFIG
    assert url in result.error and "127.0.0.1, a loopback address" in result.error
    assert inside.hits == []


@pytest.mark.parametrize("name, address, kind", [
    ("mapped.example", "::ffff:127.0.0.1", "loopback (IPv4 inside IPv6)"),
    ("metadata.example", "169.254.169.254", "cloud metadata"),
    ("v6.example", "::1", "loopback"),
])
def test_every_kind_of_internal_answer_is_refused(inside, settings, name, address, kind):
    url = inside.url("/secret", host=name)
    with make_client(5.0, guard=guard({name: address})) as client, pytest.raises(FetchError) as err:
        fetch_url(url, settings, client=client)
    assert err.value.kind is ErrorKind.CONFIG and f"a {kind} address" in str(err.value)
    assert inside.hits == []


def test_the_mapped_address_really_reaches_the_internal_service(inside):
    # Control for the test above: ::ffff:127.0.0.1 is not merely unreachable here, it is loopback.
    with socket.create_connection(("::ffff:127.0.0.1", inside.port), timeout=5):
        pass


def test_sources_configured_on_internal_addresses_still_connect(inside, settings):
    with make_client(5.0, guard=guard({})) as client:
        for host in ("127.0.0.1", "localhost"):
            result = fetch_feed(rss(inside.url("/secret", host=host)), SourceState(), settings, client=client)
            assert result.ok, result.error
            assert result.posts[0].title == SECRET


def test_a_public_feed_is_fetched_from_the_address_the_guard_checked(outside, settings):
    # The system resolver has never heard of feed.example: the fetch works only because the socket
    # is opened to the address the guard resolved and judged, not to the name.
    outside.pages["/feed"] = (200, {"Content-Type": "application/rss+xml"}, FEED % b"public post")
    resolver = world({"feed.example": ["127.0.0.2", "127.0.0.1"]})  # a second lookup would go inside
    with make_client(5.0, guard=AddressGuard(resolver=resolver, classify=public_stand_in)) as client:
        result = fetch_feed(rss(outside.url("/feed", host="feed.example")), SourceState(), settings, client=client)
    assert result.ok, result.error
    assert outside.hits == [f"feed.example:{outside.port} /feed"]  # the Host header keeps the name
    assert resolver.calls == ["feed.example"]  # one lookup for the connection: nothing to race


def test_dns_rebinding_between_connections_is_refused(inside, outside, settings):
    outside.pages["/feed"] = (200, {"Content-Type": "application/rss+xml", "Connection": "close"},
                              FEED % b"public post")
    inside.pages["/feed"] = inside.pages["/secret"]
    names = {"rebind.example": ["127.0.0.2", "127.0.0.1"]}
    with make_client(5.0, guard=guard(names)) as client:
        first = fetch_feed(rss(outside.url("/feed", host="rebind.example")), SourceState(), settings, client=client)
        second = fetch_feed(rss(inside.url("/feed", host="rebind.example")), SourceState(), settings, client=client)
    assert first.ok and first.posts[0].title == "public post"
    assert second.error_kind is ErrorKind.CONFIG and "loopback" in second.error
    assert inside.hits == []


@pytest.mark.parametrize("target", ["name", "literal", "mapped literal", "listed intranet name"])
def test_a_public_feed_may_not_redirect_inside(inside, outside, settings, target):
    location = {
        "name": inside.url("/secret", host="inside.example"),
        "literal": inside.url("/secret"),
        "mapped literal": inside.url("/secret", host="[::ffff:127.0.0.1]"),
        "listed intranet name": inside.url("/secret", host="intranet.example"),
    }[target]
    outside.pages["/feed"] = (302, {"Location": location}, b"")
    names = {"feed.example": "127.0.0.2", "inside.example": "127.0.0.1", "intranet.example": "127.0.0.1"}
    settings.allow_internal_hosts = ["intranet.example"]
    with make_client(5.0, guard=guard(names, allowed=settings.allow_internal_hosts)) as client:
        result = fetch_feed(rss(outside.url("/feed", host="feed.example")), SourceState(), settings, client=client)
    assert result.error_kind is ErrorKind.CONFIG
    assert "feed.example" in result.error and ("loopback" in result.error or "PEERFEED_ALLOW" in result.error)
    assert len(outside.hits) == 1 and inside.hits == []


def test_an_intranet_name_works_only_when_listed(inside, settings):
    url = inside.url("/secret", host="intranet.example")
    with make_client(5.0, guard=guard({"intranet.example": "127.0.0.1"})) as client:
        assert fetch_feed(rss(url), SourceState(), settings, client=client).error_kind is ErrorKind.CONFIG
    with make_client(5.0, guard=guard({"intranet.example": "127.0.0.1"}, allowed=[".example"])) as client:
        assert fetch_feed(rss(url), SourceState(), settings, client=client).posts[0].title == SECRET


def test_real_resolver_a_host_name_that_points_at_loopback(inside, loopback_name):
    # No injected resolver: fetch_url builds its own client from the settings, as in production.
    url = inside.url("/secret", host=loopback_name)
    refused = fetch_feed(rss(url), SourceState(), Settings(_env_file=None, fetch_timeout_s=5.0))
    assert refused.error_kind is ErrorKind.CONFIG and "loopback" in refused.error
    assert inside.hits == []
    listed = Settings(_env_file=None, fetch_timeout_s=5.0, allow_internal_hosts=[loopback_name])
    assert fetch_feed(rss(url), SourceState(), listed).posts[0].title == SECRET


def test_one_refused_source_does_not_stop_the_others(sqlite_engine, inside, loopback_name, settings):
    configs = [rss(inside.url("/secret", host=loopback_name), name="Looks public"),
               rss(inside.url("/secret"), name="Intranet blog")]
    reports = {r.source: r for r in collect_all(sqlite_engine, settings, configs)}
    assert reports["Looks public"].error_kind == "config"
    assert loopback_name in reports["Looks public"].error and "loopback" in reports["Looks public"].error
    assert reports["Intranet blog"].error_kind is None and reports["Intranet blog"].new == 1


def test_the_redirect_hook_for_sdk_clients_checks_every_hop(inside, outside):
    # What the Bluesky client gets (the SDK follows redirects itself).
    outside.pages["/xrpc/x"] = (302, {"Location": inside.url("/secret")}, b"")
    origin = outside.url("/", host="feed.example")
    client = httpx.Client(transport=GuardedTransport(guard({"feed.example": "127.0.0.2"}), tls_context()),
                          event_hooks={"request": [url_hook(origin)]}, follow_redirects=True)
    with client, pytest.raises(httpx.ConnectError) as err:
        client.get(outside.url("/xrpc/x", host="feed.example"))
    assert refusal_in(err.value).kind == "loopback"
    assert len(outside.hits) == 1 and inside.hits == []


# --- Mastodon (requests) --------------------------------------------------------------------------

def mastodon(url: str) -> SourceConfig:
    return SourceConfig(name="toots", platform=Platform.MASTODON, url=url, kind="hashtag",
                        options={"tag": "peersupport"})


def test_mastodon_instance_whose_name_points_inside_is_refused(inside, loopback_name, settings):
    inside.pages["/api/v1/timelines/tag/peersupport"] = (200, {"Content-Type": "application/json"}, b"[]")
    result = fetch_mastodon(mastodon(f"http://{loopback_name}:{inside.port}"), SourceState(), settings)
    assert result.error_kind is ErrorKind.CONFIG
    assert loopback_name in result.error and "127.0.0.1, a loopback address" in result.error
    assert inside.hits == []
    control = fetch_mastodon(mastodon(f"http://127.0.0.1:{inside.port}"), SourceState(), settings)
    assert control.ok, control.error


@pytest.mark.parametrize("target", ["name", "literal"])
def test_mastodon_instance_may_not_redirect_inside(inside, outside, settings, target):
    inside.pages["/api/v1/timelines/tag/peersupport"] = (200, {"Content-Type": "application/json"}, b"[]")
    host = "inside.example" if target == "name" else None
    outside.pages["/api/v1/timelines/tag/peersupport"] = (
        302, {"Location": inside.url("/api/v1/timelines/tag/peersupport", host=host)}, b"")
    source = mastodon(outside.url("", host="mastodon.example"))
    session = ResponseLog(settings.max_feed_bytes, source.url,
                          guard({"mastodon.example": "127.0.0.2", "inside.example": "127.0.0.1"}))
    api = mastodon_client(source, settings, session, use_token=False)
    with session, pytest.raises(MastodonError) as err:
        api.timeline_hashtag("peersupport")
    failure = classify(err.value, api, "toots", session)
    assert failure.kind is ErrorKind.CONFIG and "loopback" in failure.message
    assert outside.hits[-1].endswith("/api/v1/timelines/tag/peersupport") and inside.hits == []


def test_mastodon_deletion_check_skips_servers_whose_names_point_inside(inside, loopback_name, settings):
    uri = f"http://{loopback_name}:{inside.port}/users/a/statuses/1"
    outcome = check_deleted(mastodon("https://mastodon.example"), [uri], settings)
    assert outcome.unchecked == [uri] and outcome.checked == 0 and outcome.ok
    assert inside.hits == []


# --- Bluesky (atproto's httpx client) -------------------------------------------------------------

def test_bluesky_service_whose_name_points_inside_is_refused(inside, loopback_name, settings):
    inside.pages["/xrpc/app.bsky.feed.searchPosts"] = (
        200, {"Content-Type": "application/json"}, json.dumps({"posts": []}).encode())
    source = SourceConfig(name="sky", platform=Platform.BLUESKY, url=f"http://{loopback_name}:{inside.port}",
                          kind="search", options={"q": "x"})
    result = fetch_bluesky(source, SourceState(), settings)
    # A setting to fix (like RSS and Mastodon), so it is not retried as a network blip.
    assert result.error_kind is ErrorKind.CONFIG
    assert "refused to connect" in result.error and "loopback" in result.error
    assert inside.hits == []
    control = SourceConfig(name="sky", platform=Platform.BLUESKY, url=inside.url(""), kind="search",
                           options={"q": "x"})
    assert fetch_bluesky(control, SourceState(), settings).ok
