"""Feeds with DTD tricks: external entities (XXE) and exponential entity expansion ("billion laughs")
through the real RSS collector. No local file reaches a post, nothing is fetched, no blow-up.

OPML imports refuse any DOCTYPE outright (tests/test_sources.py, tests/collectors/test_opml.py).
"""

from __future__ import annotations

import time

from collectors.rss import parse_feed

SECRET = "peerfeed-xxe-canary-7f3a"


def _feed(doctype: str, title: str, body: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
{doctype}
<rss version="2.0"><channel><title>Entity blog</title><link>https://entity.example/</link>
<item><title>{title}</title><link>https://entity.example/1/</link><guid>https://entity.example/?p=1</guid>
<pubDate>Tue, 24 Nov 2026 18:00:00 +0000</pubDate><description>{body}</description></item>
</channel></rss>""".encode()


def test_external_entities_never_read_a_local_file(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    doctype = (f'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">'
               f'<!ENTITY % pe SYSTEM "file://{secret}"> %pe;]>')
    posts = parse_feed(_feed(doctype, "Hello &xxe;", "Peer group &xxe; tonight"), "Entity blog",
                       "https://entity.example/feed/")
    # The post is kept, with the entity left as it was written: never replaced by the file.
    assert [p.content_text for p in posts] == ["Peer group &xxe; tonight"]
    for p in posts:
        assert SECRET not in " ".join(str(v) for v in (p.title, p.content_text, p.content_html, p.author))


def test_external_entity_over_http_is_not_fetched(fixture_server):
    url = fixture_server.reply("/dtd/entity", SECRET.encode(), content_type="text/plain").rsplit("/", 1)[0]
    fixture_server.reply("/dtd/system", SECRET.encode(), content_type="text/plain")
    doctype = f'<!DOCTYPE rss SYSTEM "{url}/system" [<!ENTITY xxe SYSTEM "{url}/entity">]>'
    posts = parse_feed(_feed(doctype, "Hello &xxe;", "Body"), "Entity blog", "https://entity.example/feed/")
    time.sleep(0.2)
    assert fixture_server.requests == []
    assert all(SECRET not in (p.title or "") + p.content_text for p in posts)


def test_billion_laughs_does_not_expand():
    lol = ['<!ENTITY lol0 "lollollollollollollollollollol">']
    lol += [f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10}">' for i in range(1, 10)]
    doctype = "<!DOCTYPE rss [" + "".join(lol) + "]>"
    started = time.monotonic()
    posts = parse_feed(_feed(doctype, "Laughs &lol9;", "Body &lol9;"), "Entity blog", "https://entity.example/feed/")
    assert time.monotonic() - started < 5
    # 10^9 'lol's would be 3 GB; anything expanded stays small.
    assert [(p.title, p.content_text) for p in posts] == [("Laughs &lol9;", "Body &lol9;")]
