"""benchmarks/collect.py still runs end to end (tiny sizes; the figures themselves are not tested)."""

from __future__ import annotations

from benchmarks.collect import main, synthetic_feed
from collectors.rss import parse_feed


def test_synthetic_feeds_have_distinct_posts():
    posts = parse_feed(synthetic_feed(3, 25), "bench", "http://127.0.0.1/feed/3.xml")
    assert len(posts) == 25
    assert len({p.platform_id for p in posts}) == 25
    assert len({p.url for p in posts}) == 25


def test_rss_benchmark_runs_and_prints_its_figures_and_command(capsys):
    assert main(["--platform", "rss", "--feeds", "2", "--items", "3", "--repeat", "1"]) == 0
    out = capsys.readouterr().out
    assert "end to end, first fetch, every post new: posts stored" in out
    assert "6.0 posts" in out  # 2 feeds x 3 posts, all stored
    assert "command: python" in out and "-m benchmarks.collect --platform rss --feeds 2" in out
