"""`peerfeed demo`'s channels, as a new user meets them: the feed skeleton, the outbox of toots and the
email, on 127.0.0.1, from the bundled samples, with nothing configured."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
from sqlalchemy import select

from peerfeed.demo import prepare_demo
from peerfeed.demo_channels import start_channels
from peerfeed.settings import Settings
from store.db import make_engine, transaction
from store.feed import feed_page
from store.models import Post, ReviewItem
from store.review import approve


def test_the_demo_shows_each_channels_output_and_says_where(tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'demo.db'}", site_dir=tmp_path / "site", _env_file=None)
    lines: list[str] = []
    prepare_demo(settings, echo=lines.append)
    told = "\n".join(lines)
    outbox = (tmp_path / "site" / "channels" / "fediverse-outbox.txt").read_text()
    assert f"-> {tmp_path / 'site' / 'channels' / 'fediverse-outbox.txt'}" in told
    assert "TOOT (public)" in outbox and "BOOST https://" in outbox
    assert "Published automatically, not yet reviewed by a person." in outbox
    assert (tmp_path / "site" / "email" / "weekly.html").is_file()

    engine = make_engine(settings.database_url)
    shown: list[str] = []
    demo = start_channels(engine, settings, echo=shown.append)
    try:
        skeleton_url = next(line.strip() for line in shown if "getFeedSkeleton" in line)
        body = httpx.get(skeleton_url).json()
        with transaction(engine) as s:
            cleared, _ = feed_page(s, 10)
        assert [e["post"] for e in body["feed"]] == [i.uri for i in cleared] and cleared
        assert parse_qs(urlsplit(skeleton_url).query)["feed"][0].startswith("at://did:web:localhost%3A")

        preview = next(line.split(": ", 1)[1].split()[0] for line in shown if "/preview" in line)
        assert "no post has been reviewed by a moderator" in httpx.get(preview).text
        with transaction(engine) as s:  # a person (here, the test) approves a held post as demo.moderator
            item = s.scalars(select(ReviewItem).where(ReviewItem.state == "pending", ReviewItem.level == 1)).first()
            title = s.get(Post, item.post_id).title
            approve(s, item.id, item.version, "demo.moderator")
        page = httpx.get(preview).text
        assert "no post has been reviewed" not in page and "Reviewed by a moderator" in page
        assert title is None or title.split()[0] in page
    finally:
        demo.stop()
        engine.dispose()
