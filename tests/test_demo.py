"""`peerfeed demo` end to end on SQLite: samples played on 127.0.0.1, real collectors, real model."""

from sqlalchemy import func, select

from peerfeed.demo import prepare_demo
from peerfeed.settings import Settings
from store.db import make_engine, transaction
from store.models import Post, User
from store.queries import digest, queue_counts, review_queue


def test_demo_shows_all_three_platforms_a_queue_and_a_digest(tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'demo.db'}", site_dir=tmp_path / "site", _env_file=None)
    lines: list[str] = []
    summary = prepare_demo(settings, echo=lines.append)
    assert summary.failed_sources == [] and summary.collected >= 50
    assert summary.held > 0 and len(summary.sign_in_lines) == 4  # moderator, lead, staff, admin

    engine = make_engine(settings.database_url)
    with transaction(engine) as s:
        platforms = dict(s.execute(select(Post.platform, func.count()).group_by(Post.platform)).all())
        assert set(platforms) == {"rss", "mastodon", "bluesky"}
        queue = review_queue(s, limit=100)
        assert queue[0].item.level == 3  # the worst reaches a moderator first
        assert queue_counts(s).get("3", 0) >= 3
        published = digest(s, limit=100)
        assert published and all(p.post.review.state == "approved" for p in published)
        assert {e.post.id for e in queue}.isdisjoint({p.id for p in published})
        assert {u.role for u in s.scalars(select(User))} == {"moderator", "lead", "staff", "admin"}
    assert (tmp_path / "site" / "digest" / "daily.atom").is_file()

    again = prepare_demo(settings, echo=lines.append)
    assert again.collected == 0  # a second demo stores nothing twice
    engine.dispose()
