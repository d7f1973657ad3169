"""A source that lives only in the database (the demo's) is switched on and off there. SQLite and PostgreSQL."""

from sqlalchemy import select

from peerfeed.records import Platform
from peerfeed.sources import SourceConfig
from store.db import transaction
from store.models import Source
from store.sources import set_source_enabled, sync_sources


def test_set_source_enabled_changes_only_that_source_and_a_file_sync_keeps_it(engine):
    demo = SourceConfig(name="Demo blog", platform=Platform.RSS, url="http://127.0.0.1:9/feed.xml")
    filed = SourceConfig(name="Filed blog", platform=Platform.RSS, url="https://blog.example/feed.xml")
    with transaction(engine) as s:
        sync_sources(s, [demo, filed])
        assert set_source_enabled(s, "Demo blog", False) is True
        assert set_source_enabled(s, "No such source", False) is False
    with transaction(engine) as s:
        sync_sources(s, [filed])  # a sync of a sources file that does not name it leaves it alone
        enabled = dict(s.execute(select(Source.name, Source.enabled)).all())
    assert enabled == {"Demo blog": False, "Filed blog": True}
