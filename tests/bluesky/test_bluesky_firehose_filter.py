"""The firehose filter, frame by frame (no network): what is dropped before any heavy work, what
is kept, and for which source. Frames are encoded as the relay sends them (benchmarks/stream.py)."""

from __future__ import annotations

import libipld
import pytest

import collectors.bluesky_stream as bluesky_stream
from benchmarks.stream import car, cid_of, frame
from collectors.bluesky_stream import FirehoseFilter, KnownPosts, read_commit, search_terms
from peerfeed.records import Platform
from peerfeed.sources import SourceConfig

ALICE = "did:plc:aaaaaaaaaaaaaaaaaaaaaaaa"
BOB = "did:plc:bbbbbbbbbbbbbbbbbbbbbbbb"
WHEN = "2026-11-20T09:00:00.000Z"


def commit(did: str, collection: str, record: dict | None, action: str = "create", rkey: str = "3kabc") -> bytes:
    data = libipld.encode_dag_cbor(record) if record is not None else b""
    ops = [{"action": action, "path": f"{collection}/{rkey}", "cid": cid_of(data) if record is not None else None}]
    blocks = [libipld.encode_dag_cbor({"did": did, "rev": rkey})] + ([data] if record is not None else [])
    return frame({"op": 1, "t": "#commit"}, {"seq": 42, "repo": did, "time": WHEN, "ops": ops, "blocks": car(blocks)})


def post(text: str, **extra) -> dict:
    return {"$type": "app.bsky.feed.post", "text": text, "createdAt": WHEN, **extra}


def source(name: str, kind: str, **options) -> SourceConfig:
    return SourceConfig(name=name, platform=Platform.BLUESKY, url="https://appview.example", kind=kind,
                        options=options)


RULES = FirehoseFilter.for_sources([
    source("tag", "hashtag", tag="#PeerSupport"),
    source("search", "search", q='"care plan" review'),
    source("alice", "author", actor="alice.example"),
], dids={"alice.example": ALICE})


@pytest.fixture
def car_decodes(monkeypatch):
    calls = []
    real = libipld.decode_car
    monkeypatch.setattr(bluesky_stream.libipld, "decode_car", lambda b: calls.append(1) or real(b))
    return calls


def test_likes_follows_and_unmatched_posts_are_dropped_before_their_records_are_decoded(car_decodes):
    like = {"$type": "app.bsky.feed.like", "subject": {"uri": "at://x/app.bsky.feed.post/1", "cid": "b"},
            "createdAt": WHEN}
    for data in (commit(BOB, "app.bsky.feed.like", like), commit(BOB, "app.bsky.graph.follow", like),
                 commit(BOB, "app.bsky.feed.post", post("Lovely weather for the match"))):
        assert read_commit(data, RULES, KnownPosts()).posts == []
    assert car_decodes == []  # not even the post: no term of any source is in its bytes


def test_a_post_is_kept_for_the_first_source_it_belongs_to():
    tagged = read_commit(commit(BOB, "app.bsky.feed.post", post("Group tonight #peersupport")), RULES, KnownPosts())
    [(name, kept)] = tagged.posts
    assert name == "tag" and kept.platform_id == f"at://{BOB}/app.bsky.feed.post/3kabc"
    assert kept.extra["cid"] == libipld.encode_cid(cid_of(libipld.encode_dag_cbor(post("Group tonight #peersupport"))))
    searched = read_commit(commit(BOB, "app.bsky.feed.post", post("My Care Plan review is Tuesday")), RULES,
                           KnownPosts())
    assert [n for n, _ in searched.posts] == ["search"]
    half = read_commit(commit(BOB, "app.bsky.feed.post", post("My care plan is fine")), RULES, KnownPosts())
    assert half.posts == []  # "review" missing
    by_alice = read_commit(commit(ALICE, "app.bsky.feed.post", post("Anything at all")), RULES, KnownPosts())
    assert [n for n, _ in by_alice.posts] == ["alice"]


def test_edits_and_deletions_of_stored_posts_are_kept_whatever_they_say():
    uri = f"at://{BOB}/app.bsky.feed.post/3kabc"
    known = KnownPosts({uri: "tag"})
    edited = read_commit(commit(BOB, "app.bsky.feed.post", post("DM me instead"), action="update"), RULES, known)
    assert [(n, p.content_text) for n, p in edited.posts] == [("tag", "DM me instead")]
    gone = read_commit(commit(BOB, "app.bsky.feed.post", None, action="delete"), RULES, known)
    assert [(n, d.platform_id) for n, d in gone.deletions] == [("tag", uri)]
    other = read_commit(commit(BOB, "app.bsky.feed.post", None, action="delete", rkey="3kzzz"), RULES, known)
    assert other.deletions == []


def test_an_account_deleted_whole_erases_its_stored_posts():
    known = KnownPosts({f"at://{BOB}/app.bsky.feed.post/1": "tag", f"at://{ALICE}/app.bsky.feed.post/2": "alice"})
    data = frame({"op": 1, "t": "#account"}, {"seq": 7, "did": BOB, "time": WHEN, "active": False, "status": "deleted"})
    assert [d.platform_id for _s, d in read_commit(data, RULES, known).deletions] == [f"at://{BOB}/app.bsky.feed.post/1"]


def test_hostile_text_is_cleaned_and_an_unreadable_record_costs_only_itself():
    dirty = read_commit(commit(ALICE, "app.bsky.feed.post", post("hello\u0000world")), RULES, KnownPosts())
    assert dirty.posts[0][1].content_text == "helloworld"
    broken = read_commit(commit(ALICE, "app.bsky.feed.post", {"$type": "app.bsky.feed.post", "text": 42}), RULES,
                         KnownPosts())
    assert broken.posts == [] and broken.skipped[0][0] == "alice"


def test_an_error_frame_is_reported():
    data = frame({"op": -1}, {"error": "FutureCursor", "message": "Cursor in the future."})
    assert read_commit(data, RULES, KnownPosts()).error == "FutureCursor: Cursor in the future."


def test_search_words_and_phrases():
    assert search_terms('"care plan" Review from:someone') == ["care plan", "review"]
