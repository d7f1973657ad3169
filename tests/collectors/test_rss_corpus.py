"""Every feed in feedparser's own test corpus, and real WordPress feeds, served over HTTP on 127.0.0.1.

Each file must end as posts the store can take, or as a clear error on its source; never an
exception. The corpus lives in /work/shared/fixtures (see its README for origin and licence).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import httpx
import pytest

from collectors.base import ErrorKind, SourceState
from collectors.rss import fetch_feed
from collectors.sanitize import clean_html
from peerfeed.records import Platform, Post
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig
from store.db import transaction
from store.posts import judged_text, upsert_posts

# CI lays shared/ beside the clone; a developer's checkout has it at /work/shared.
FIXTURES = next((p for p in (Path(__file__).resolve().parents[3] / "shared" / "fixtures",
                             Path("/work/shared/fixtures")) if p.is_dir()), Path("/work/shared/fixtures"))
CORPUS = FIXTURES / "feedparser"
WORDPRESS = FIXTURES / "wordpress"
_HEADER = re.compile(r"^\s*Header:\s*([A-Za-z-]+):\s*(.*?)\s*$", re.M)
_DANGER = re.compile(
    r"<(script|iframe|img|object|embed|style|svg|math|form|input)\b"
    r"|<[^>]*\s(href|src|action)\s*=\s*[\"']?\s*(javascript|vbscript|data):"
    r"|<[^>]*\son\w+\s*=",
    re.I,
)

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="shared fixtures not mounted")


def declared_headers(data: bytes) -> dict[str, str]:
    """The `Header:` lines in a fixture's leading comment, as feedparser's own test server sends them."""
    head = data[:2048].decode("latin-1")
    end = head.find("-->")
    return {k: v for k, v in _HEADER.findall(head[: end if end >= 0 else None])}


def serve_file(server, path: str, file: Path) -> str:
    data = file.read_bytes()
    headers = declared_headers(data)
    if not any(k.lower() == "content-type" for k in headers):
        headers["Content-Type"] = "application/json" if file.suffix == ".json" else "application/xml"
    return server.reply(path, data, headers=headers, content_type="")


def check_storable(post: Post, source_name: str) -> list[str]:
    """What would stop the store from taking this post, or let it show something unsafe."""
    problems = []
    if post.platform is not Platform.RSS or not post.platform_id or len(post.platform_id) > 1000:
        problems.append(f"bad key {post.platform_id!r}")
    if post.source != source_name:
        problems.append("wrong source")
    if post.published_at.utcoffset().total_seconds() != 0:
        problems.append(f"date not UTC: {post.published_at}")
    if post.updated_at is not None and post.updated_at.utcoffset().total_seconds() != 0:
        problems.append("updated date not UTC")
    if not isinstance(post.url, str) or not isinstance(post.content_text, str):
        problems.append("url or text not a string")
    if _DANGER.search(post.content_html):
        problems.append(f"unsafe HTML survived: {_DANGER.search(post.content_html).group(0)!r}")
    if clean_html(post.content_html) != post.content_html:
        problems.append("content_html is not already clean")
    if post.language and len(post.language) > 20:
        problems.append("language too long")
    texts = [post.platform_id, post.url, post.author, post.content_html, post.content_text, post.title or "",
             post.author_url or "", post.thread_url or "", *post.tags, *post.links]
    if any("\x00" in t for t in texts):
        problems.append("NUL in a text field")
    return problems


def run_corpus(server, settings, files: list[tuple[str, Path]]) -> tuple[Counter, dict[str, str], list[Post]]:
    outcomes: Counter = Counter()
    failures: dict[str, str] = {}
    stored: list[Post] = []
    with httpx.Client() as client:
        for rel, file in files:
            name = f"corpus {rel}"
            url = serve_file(server, "/" + rel, file)
            try:
                result = fetch_feed(SourceConfig(name, Platform.RSS, url), SourceState(), settings, client=client)
            except Exception as exc:  # noqa: BLE001 - the point is to name every file that raises
                failures[rel] = f"raised {type(exc).__name__}: {exc}"
                continue
            if result.error_kind is not None:
                if not (result.error and name in result.error and result.posts == []):
                    failures[rel] = f"unclear error: {result.error!r}"
                outcomes[result.error_kind.value] += 1
                continue
            problems = [f"{p.platform_id}: {msg}" for p in result.posts for msg in check_storable(p, name)]
            if problems:
                failures[rel] = "; ".join(problems[:3])
            outcomes["posts" if result.posts else "empty"] += 1
            stored += result.posts
    return outcomes, failures, stored


@pytest.fixture(scope="module")
def corpus(_fixture_httpd):
    """The whole corpus fetched once, shared by the tests below."""
    _fixture_httpd.routes.clear()
    settings = Settings(_env_file=None, fetch_timeout_s=5.0, max_feed_bytes=1024 * 1024)
    files = sorted((str(f.relative_to(CORPUS)), f) for f in CORPUS.rglob("*") if f.is_file())
    assert len(files) >= 2100
    yield run_corpus(_fixture_httpd, settings, files)
    _fixture_httpd.routes.clear()


def test_feedparser_corpus_ends_as_posts_or_clear_errors(corpus):
    outcomes, failures, _ = corpus
    assert failures == {}, f"{len(failures)} corpus files failed: {dict(list(failures.items())[:20])}"
    # Guard against everything quietly becoming an error: most of the corpus is well-formed feeds.
    assert outcomes["posts"] >= 1150, outcomes
    assert set(outcomes) <= {"posts", "empty", ErrorKind.PARSE.value}, outcomes


def test_corpus_posts_go_into_the_real_store(corpus, engine):
    # The store's upsert on SQLite and PostgreSQL (which refuses NUL bytes and over-long keys).
    _, _, posts = corpus
    with transaction(engine) as session:
        counts = upsert_posts(session, posts)
    keys = {(p.platform, p.platform_id) for p in posts}
    # Entries of one feed that share an id but not their text are all kept (store.posts.distinct_keys).
    texts = {(p.platform, p.platform_id, judged_text(p.content_warning, p.title, p.content_text)) for p in posts}
    assert counts.new == len(texts) > len(keys) > 1000
    per_key = Counter(key for _, key, _ in texts)
    assert set(counts.collisions) == {key for key, n in per_key.items() if n > 1}


def test_sanitizer_corpus_leaves_nothing_active(server, settings):
    files = sorted((str(f.relative_to(CORPUS)), f) for f in (CORPUS / "wellformed" / "sanitize").glob("*.xml"))
    assert len(files) > 100
    outcomes, failures, _ = run_corpus(server, settings, files)
    assert failures == {}
    with_entries = [f for _, f in files if re.search(rb"<(item|entry)[\s>]", f.read_bytes())]
    assert outcomes["posts"] == len(with_entries) > 500


def test_declared_headers_reach_the_parser(server, settings):
    # This fixture's charset lives only in its Content-Type header: without it the text is garbled.
    file = CORPUS / "encoding" / "http_text_xml_charset_2.xml"
    if not file.exists():
        pytest.skip("fixture renamed upstream")
    assert "windows-1252" in declared_headers(file.read_bytes()).get("Content-type", "")
    url = serve_file(server, "/charset", file)
    result = fetch_feed(SourceConfig("cp1252", Platform.RSS, url), SourceState(), settings)
    assert result.ok and result.posts
    assert result.posts[0].content_text == "This is a \xa3\u201ctest.\u201d"


@pytest.mark.parametrize("file", sorted(WORDPRESS.glob("*")), ids=lambda f: f.name)
def test_real_wordpress_feeds_become_posts(server, settings, file):
    url = serve_file(server, "/wp/" + file.name, file)
    result = fetch_feed(SourceConfig(file.stem, Platform.RSS, url), SourceState(), settings)
    assert result.ok, result.error
    assert len(result.posts) >= 8
    for post in result.posts:
        assert check_storable(post, file.stem) == []
        assert post.author and post.content_text
        assert post.url.startswith("http") and post.canonical_url.startswith("https://")
        assert "date_estimated" not in post.extra
    assert any(p.tags for p in result.posts)
    # Microblog posts (manton.org) have no titles; articles do.
    assert any(p.title for p in result.posts)
    # Comment feeds where the blog gives them (dcrainmaker's wfw:commentRss elements are empty).
    has_threads = re.search(rb"<wfw:commentRss>\s*http", file.read_bytes()) is not None
    assert any(p.extra.get("comments_feed") for p in result.posts) == has_threads
