"""OPML blogroll import and export (peerfeed/sources.py), as a person moving their blogroll would."""

from __future__ import annotations

import pytest

from peerfeed.records import Platform
from peerfeed.sources import SourceConfig, SourceConfigError, sources_from_opml, sources_to_opml

BLOGROLL = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Peer support blogroll</title></head>
  <body>
    <outline text="Peer support">
      <outline type="rss" text="Bridges Peer Support Network" title="Bridges Peer Support Network"
               xmlUrl="https://bridgespeer.example/feed/" htmlUrl="https://bridgespeer.example/"/>
      <outline type="rss" text="The Co-production Notebook" xmlUrl="https://coproductionnotebook.example/feed/"/>
    </outline>
    <outline text="Carers">
      <outline type="rss" text="Bridges Peer Support Network" xmlUrl="https://bridgespeer.example/carers/feed/"/>
      <outline text="A folder with a website but no feed" htmlUrl="https://nofeed.example/"/>
    </outline>
  </body>
</opml>"""


def test_import_finds_every_feed_in_nested_folders():
    sources = sources_from_opml(BLOGROLL)
    assert [(s.name, s.url) for s in sources] == [
        ("Bridges Peer Support Network", "https://bridgespeer.example/feed/"),
        ("The Co-production Notebook", "https://coproductionnotebook.example/feed/"),
        ("Bridges Peer Support Network (2)", "https://bridgespeer.example/carers/feed/"),  # names stay unique
    ]
    assert all(s.platform is Platform.RSS and s.kind == "feed" for s in sources)
    assert sources[0].options == {"html_url": "https://bridgespeer.example/"}


def test_export_then_import_gives_the_same_rss_sources_and_leaves_out_the_rest():
    sources = sources_from_opml(BLOGROLL) + [
        SourceConfig("#peersupport", Platform.MASTODON, "https://mastodon.example", kind="hashtag", options={"tag": "peersupport"})
    ]
    opml = sources_to_opml(sources, title="Our blogroll")
    assert "<title>Our blogroll</title>" in opml and "mastodon" not in opml
    again = sources_from_opml(opml.encode())
    assert [(s.name, s.url, s.options) for s in again] == [(s.name, s.url, s.options) for s in sources[:3]]


@pytest.mark.parametrize(
    "data",
    [
        b"<opml><body><outline xmlUrl='https://a.example/feed'",  # cut short
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x "boom">]><opml><body>'
        b'<outline text="&x;" xmlUrl="https://a.example/feed"/></body></opml>',  # entities refused
    ],
)
def test_bad_or_dangerous_opml_is_refused_with_a_clear_error(data):
    with pytest.raises(SourceConfigError):
        sources_from_opml(data)
