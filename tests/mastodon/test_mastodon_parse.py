"""Parsing statuses into Posts: real recorded shapes and the bundled samples, no network."""

from __future__ import annotations

import copy

from mastodon_fakes import make_status, recorded_body, sample_statuses

from collectors.mastodon_parse import parse_statuses, status_key, status_to_post
from peerfeed.dedupe import fingerprint


def test_content_warning_and_sensitive_from_a_real_status():
    status = recorded_body("test_status_post[Content warning-public].yaml", "POST", "/api/v1/statuses")
    post = status_to_post(status, "cw")
    assert status["spoiler_text"]  # the recording really has one
    assert post.content_warning == status["spoiler_text"]
    assert post.sensitive is True


def test_a_real_boost_becomes_its_original():
    boost = recorded_body("test_status_reblog_unreblog.yaml", "POST", "/reblog")
    page = parse_statuses([boost], "boosts")
    [post] = page.posts
    assert post.platform_id == boost["reblog"]["uri"] != boost["uri"]
    assert post.url == boost["reblog"]["url"]
    assert post.extra["boosted_by"] == [f"{boost['account']['acct']}@localhost:3000"]
    assert page.newest_id == str(boost["id"])  # the cursor follows the timeline entry, not the original


def test_a_real_reply_keeps_its_parent():
    parent = recorded_body("test_status_reply.yaml", "POST", "/api/v1/statuses", 0)
    reply = recorded_body("test_status_reply.yaml", "POST", "/api/v1/statuses", 1)
    post = status_to_post(reply, "replies")
    assert post.reply_to == str(parent["id"]) == str(reply["in_reply_to_id"])
    assert post.thread_url == reply["url"]
    assert post.extra["in_reply_to_account_id"] == str(reply["in_reply_to_account_id"])


def test_samples_cover_the_shapes_the_collector_must_handle():
    statuses = sample_statuses("peersupport") + sample_statuses("careplanning")
    assert any(s["spoiler_text"] and s["sensitive"] for s in statuses)
    assert any(s["reblog"] for s in statuses)
    assert any(s["in_reply_to_id"] for s in statuses)
    assert any(s["language"] == "cy" for s in statuses)
    assert 8 <= len(sample_statuses("peersupport")) <= 10


def test_sample_page_parses_with_warnings_links_mentions_and_tags():
    page = parse_statuses(sample_statuses("peersupport"), "#peersupport")
    assert page.bad == []
    assert len(page.posts) == 9
    by_author = {p.author: p for p in page.posts}

    warned = by_author["Beth 🌱"]
    assert warned.content_warning == "self-harm" and warned.sensitive

    reply = by_author["Sam Reeve (he/him)"]
    assert reply.reply_to is not None
    assert reply.mentions == ("tomh@mastodon.example",)  # a local acct gets its host

    boosted = next(p for p in page.posts if p.extra.get("boosted_by"))
    assert boosted.author == "Lived Experience Network North"
    # the link the post shares, not the hashtag links; the card's cleaned URL too
    assert boosted.links == (
        "https://lxnorth.example.org/blog/2026/11/good-peer-worker-roles?utm_source=mastodon",
        "https://lxnorth.example.org/blog/2026/11/good-peer-worker-roles",
    )
    assert set(boosted.tags) == {"peersupport", "careplanning", "livedexperience"}
    assert all(p.published_at.tzinfo is not None for p in page.posts)


def test_same_boosted_post_in_two_timelines_has_one_key():
    ours = {p.platform_id for p in parse_statuses(sample_statuses("peersupport"), "a").posts}
    theirs = {p.platform_id for p in parse_statuses(sample_statuses("careplanning"), "b").posts}
    assert len(ours & theirs) == 1  # the Lived Experience Network blog post, boosted in both


def test_script_and_tracking_pixel_in_content_are_made_inert():
    status = make_status("https://peers.example", 1, text="hi")
    status["content"] = (
        '<p>hello <script>alert(1)</script><img src="https://t.example/px.gif" onerror="x()">'
        '<a href="javascript:alert(2)">click</a></p>'
    )
    post = status_to_post(status, "s")
    assert "script" not in post.content_html and "<img" not in post.content_html
    assert "javascript:" not in post.content_html
    assert "alert(1)" not in post.content_text
    assert post.links == ()


def test_followers_only_and_direct_statuses_are_never_kept():
    statuses = [
        make_status("https://peers.example", 3, visibility="private"),
        make_status("https://peers.example", 2, visibility="direct"),
        make_status("https://peers.example", 1, visibility="unlisted"),
    ]
    page = parse_statuses(statuses, "s")
    assert [p.extra["status_id"] for p in page.posts] == ["1"]
    assert page.not_public == 2
    assert page.newest_id == "3"  # still counted for the cursor: we have seen past them


def test_a_malformed_status_is_skipped_and_reported_not_raised():
    good = make_status("https://peers.example", 2)
    bad = copy.deepcopy(good)
    bad.update(id="1", uri=None)
    no_date = make_status("https://peers.example", 3)
    del no_date["created_at"]
    page = parse_statuses([no_date, good, bad], "s")
    assert [p.extra["status_id"] for p in page.posts] == ["2"]
    assert len(page.bad) == 2 and "status 3" in page.bad[0]


def test_entries_at_or_before_the_cursor_are_skipped():
    statuses = [make_status("https://peers.example", i) for i in (12, 11, 10, 9)]
    page = parse_statuses(statuses, "s", after_id="10")
    assert [p.extra["status_id"] for p in page.posts] == ["12", "11"]


def test_status_ids_sort_as_numbers_not_text():
    assert status_key("99") < status_key("100")
    assert max(["99", "100", "117020581413876942"], key=status_key) == "117020581413876942"


def test_fingerprint_matches_a_crosspost_of_the_same_words():
    status = make_status(
        "https://peers.example", 5,
        text="CPA review today and my care coordinator asked what I wanted in my crisis plan first.",
    )
    post = status_to_post(status, "s")
    assert fingerprint(post.content_text) == fingerprint(
        "CPA review today, and my care coordinator asked what I wanted in my crisis plan first! #CarePlanning"
    )


def test_quotes_alt_text_and_link_cards_are_kept():
    from mastodon_fakes import make_status

    quoted = make_status("https://peers.example", 900, text="The original post")
    status = make_status("https://peers.example", 901, text="Quoting this, it helped me",
                         quote={"state": "accepted", "quoted_status": quoted},
                         media_attachments=[{"type": "image", "description": "A handwritten care plan"}],
                         card={"url": "https://hub.example/plan", "title": "Care plans", "description": "How to"})
    [post] = parse_statuses([status], "quotes").posts
    assert post.extra["quote"] == {"uri": quoted["uri"], "url": quoted["url"]}
    assert quoted["url"] in post.links and "https://hub.example/plan" in post.links
    assert post.extra["media"] == [{"type": "image", "description": "A handwritten care plan"}]
    assert post.extra["card"]["title"] == "Care plans"
