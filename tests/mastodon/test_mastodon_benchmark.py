"""The benchmark still runs end to end (its figures are printed by the script, not asserted here)."""

from __future__ import annotations

from benchmarks.collect_mastodon import build_pages, mastodon_posts_per_s


def test_benchmark_pages_chain_by_min_id():
    pages = build_pages(100, "http://127.0.0.1")
    assert len(pages) == 4  # 40 + 40 + 20, then the empty page past the newest


def test_benchmark_collects_every_post():
    figures = mastodon_posts_per_s(n_posts=80, repeat=1)
    assert figures["posts"] == 80 and figures["posts_per_s"] > 0
