"""One collectors contract, one registry, no import cycles, and guards that fail closed.

Issue 16 found two fetch-error classes for one idea, two Retry-After parsers with different caps,
two TLS contexts, platform dispatch written twice with lazy imports hiding an import cycle, and an
SSRF guard that would fail open if httpx changed. These tests keep each of those from coming back.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import httpx
import pytest

import collectors.base as contract
from collectors import registry
from collectors.address_guard import AddressGuard, GuardedAdapter, GuardedTransport, GuardUnavailable
from collectors.base import ErrorKind, FetchError, RecheckResult, SourceState
from collectors.http import tls_context
from peerfeed.records import Platform
from peerfeed.sources import SourceConfig

REPO = Path(__file__).resolve().parents[2]
PACKAGES = ["collectors", "store", "classifier", "pipelines", "dashboard", "peerfeed"]
# Cycles outside the collectors that predate this test; each is someone's to remove, then delete here.
KNOWN_CYCLES: list[set[str]] = []


def module_graph() -> dict[str, set[str]]:
    """First-party module -> the first-party modules it imports, function-level imports included."""
    modules = {}
    for package in PACKAGES:
        for path in (REPO / package).rglob("*.py"):
            if "node_modules" in path.parts:
                continue
            name = ".".join(path.relative_to(REPO).with_suffix("").parts).removesuffix(".__init__")
            modules[name] = path
    graph: dict[str, set[str]] = {m: set() for m in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name:
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[set[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10_000))

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = set()
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.add(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(component)

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles():
    new = [c for c in cycles(module_graph()) if c not in KNOWN_CYCLES]
    assert new == [], f"import cycles: {new}"


def test_the_cycle_finder_finds_a_cycle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [{"a", "b", "c"}]


def _collector_sources() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in (REPO / "collectors").glob("*.py")}


def test_one_fetch_error_one_retry_after_parser_one_tls_context():
    sources = _collector_sources()
    errors = {name for name, text in sources.items()
              for node in ast.walk(ast.parse(text)) if isinstance(node, ast.ClassDef) and "Fetch" in node.name}
    assert errors == {"base.py"}, "FetchError is defined once, in the contract"
    import collectors.http
    import collectors.mastodon_client

    assert collectors.http.FetchError is FetchError
    assert not hasattr(collectors.mastodon_client, "FetchFailure")
    assert [n for n, t in sources.items() if "parsedate_to_datetime" in t] == ["base.py"]
    assert [n for n, t in sources.items() if "create_default_context" in t] == ["http.py"]
    assert tls_context() is tls_context()


def test_the_one_retry_after_parser_caps_at_a_day():
    assert contract.parse_retry_after("99999999") == contract.MAX_RETRY_AFTER_S == 24 * 3600


def test_every_platform_is_one_registry_entry():
    assert set(registry.REGISTRY) == set(Platform)
    assert registry.collector_for(Platform.RSS).recheck is None  # feeds have no deletions
    assert all(registry.collector_for(p).recheck for p in (Platform.MASTODON, Platform.BLUESKY))
    callers = ["pipelines/collecting.py", "pipelines/deletions.py", "pipelines/streaming.py"]
    for caller in callers:
        path = REPO / caller
        if path.exists():
            text = path.read_text(encoding="utf-8")
            assert "Platform.RSS" not in text and "platform is Platform" not in text, f"{caller} dispatches itself"


def test_fetch_source_dispatches_through_the_registry(monkeypatch, settings):
    calls = []
    fake = registry.PlatformCollector(Platform.RSS, lambda s, st, se, client=None: calls.append(s.name) or
                                      contract.FetchResult(source=s.name), None, lambda s: False)
    monkeypatch.setitem(registry.REGISTRY, Platform.RSS, fake)
    source = SourceConfig(name="blog", platform=Platform.RSS, url="https://blog.example/feed")
    assert registry.fetch_source(source, SourceState(), settings).ok and calls == ["blog"]
    assert registry.recheck_source(source, [], settings) is None


def test_fetch_error_applies_to_any_result():
    result = RecheckResult(source="s")
    FetchError(ErrorKind.RATE_LIMITED, "slow down", status=429, retry_after_s=30).apply(result)
    assert (result.error_kind, result.error, result.http_status, result.retry_after_s) == (
        ErrorKind.RATE_LIMITED, "slow down", 429, 30)


# --- The address guard fails closed ------------------------------------------------------------

def test_guarded_transport_refuses_to_start_if_httpx_stops_using_its_pool(monkeypatch):
    def handle_request(self, request):  # an httpx that sends some other way
        return self._other.handle_request(request)

    import collectors.address_guard

    monkeypatch.setattr(collectors.address_guard, "_HTTPX_HANDLE_REQUEST", handle_request)
    with pytest.raises(GuardUnavailable, match="_pool"):
        GuardedTransport(AddressGuard(), tls_context())


def test_guarded_transport_refuses_to_start_if_httpx_builds_another_pool(monkeypatch):
    original = httpx.HTTPTransport.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self._pool = object()

    monkeypatch.setattr(httpx.HTTPTransport, "__init__", init)
    with pytest.raises(GuardUnavailable):
        GuardedTransport(AddressGuard(), tls_context())


def test_guarded_adapter_refuses_to_start_if_urllib3_stops_using_new_conn(monkeypatch):
    from urllib3.connection import HTTPConnection

    monkeypatch.setattr(HTTPConnection, "connect", lambda self: self._open_somehow())
    with pytest.raises(GuardUnavailable, match="_new_conn"):
        GuardedAdapter(AddressGuard())


def test_bluesky_requests_refuse_to_start_if_atproto_changes(monkeypatch, settings):
    from atproto_client.request import Request

    from collectors.bluesky_session import make_client

    monkeypatch.setattr(Request, "_send_request", lambda self, method, url, **kw: self._transport.send(url))
    with pytest.raises(GuardUnavailable):
        make_client("https://bsky.example", settings)


def test_a_shared_client_request_can_be_cloned(settings):
    from collectors.bluesky_session import make_client
    from collectors.http import make_client as make_http

    with make_http(5.0) as http:
        request = make_client("https://bsky.example", settings, http).request
        clone = request.clone()
        assert type(clone) is type(request) and clone._client is http
        assert clone.get_headers()["X-Peerfeed-Agent"] == settings.user_agent
