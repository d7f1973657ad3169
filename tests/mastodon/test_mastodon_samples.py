"""The bundled samples play through the real Mastodon.py client, as `peerfeed demo` will use them."""

from __future__ import annotations

from mastodon_fakes import mastodon_source

from collectors.base import SourceState
from collectors.mastodon import fetch_mastodon
from peerfeed.sample_server import SampleServer


def test_samples_collect_then_a_second_collect_finds_nothing_new(settings):
    with SampleServer() as server:
        sources = [mastodon_source(server.url, tag=tag, name=f"#{tag}") for tag in ("peersupport", "careplanning")]
        first = [fetch_mastodon(s, SourceState(), settings) for s in sources]
        second = [fetch_mastodon(s, r.state, settings) for s, r in zip(sources, first)]

    for result in first:
        assert result.ok, result.error
        assert len(result.posts) == 9
        assert result.state.cursor
    assert any(p.content_warning for r in first for p in r.posts)
    assert any(p.language == "cy" for r in first for p in r.posts)
    for result, before in zip(second, first):
        assert result.ok and result.posts == []
        assert result.state.cursor == before.state.cursor


def test_unknown_hashtag_on_the_sample_server_is_a_404(settings):
    with SampleServer() as server:
        result = fetch_mastodon(mastodon_source(server.url, tag="nosuchtag"), SourceState(), settings)
    assert result.error_kind.value == "http_4xx" and result.http_status == 404
