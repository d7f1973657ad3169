"""The sources file: clear errors that name the entry, and OPML that refuses entity tricks."""

import pytest

from peerfeed.records import Platform
from peerfeed.sources import SourceConfigError, load_sources, sources_from_opml, sources_to_opml


def write(tmp_path, text):
    p = tmp_path / "sources.yaml"
    p.write_text(text)
    return p


def test_example_file_is_valid():
    from pathlib import Path

    sources = load_sources(Path(__file__).resolve().parent.parent / "sources.example.yaml")
    assert {s.platform for s in sources} == set(Platform)


@pytest.mark.parametrize("text, message", [
    ("sources: []\n", None),
    ("nope: 1\n", "expected a top-level 'sources:' list"),
    ("sources:\n  - name: A\n    platform: rss\n", "entry 1: source is missing url"),
    ("sources:\n  - {name: A, platform: mastodon, url: https://m.example, kind: feed}\n", "kind 'feed' is not valid for mastodon"),
    ("sources:\n  - {name: A, platform: rss, url: u}\n  - {name: A, platform: rss, url: v}\n", "duplicate source names: A"),
    ("sources: [\n", "not valid YAML"),
])
def test_errors_name_the_entry(tmp_path, text, message):
    if message is None:
        assert load_sources(write(tmp_path, text)) == []
    else:
        with pytest.raises(SourceConfigError, match=message.replace("(", r"\(").replace(")", r"\)")):
            load_sources(write(tmp_path, text))


def test_opml_names_are_unique_and_round_trip():
    data = b"""<opml version="2.0"><body>
      <outline text="Blog" xmlUrl="https://a.example/feed"/>
      <outline text="Blog" xmlUrl="https://b.example/feed"/>
      <outline text="Folder"/></body></opml>"""
    found = sources_from_opml(data)
    assert [s.name for s in found] == ["Blog", "Blog (2)"]
    again = sources_from_opml(sources_to_opml(found).encode())
    assert [(s.name, s.url) for s in again] == [(s.name, s.url) for s in found]


def test_opml_with_entities_is_refused():
    with pytest.raises(SourceConfigError, match="DOCTYPE"):
        sources_from_opml(b'<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "aaaa">]><opml><body/></opml>')
