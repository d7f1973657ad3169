"""The publication gate: a post reaches readers only when a moderator, or the current model, cleared
its current text; a post that stops being cleared leaves every channel, files included, at once."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from peerfeed.records import Deletion, Platform
from peerfeed.settings import Settings
from pipelines.digest import publish_digest
from store import publication
from store.classification import (posts_to_classify, record_classification_failure, record_classifications,
                                  set_current_model)
from store.db import transaction
from store.digest import digest_entries
from store.models import AuditEntry, Post, ReviewItem, utcnow
from store.posts import apply_deletions, judged_text, text_hash, upsert_posts
from store.publication import CHANNELS, clearances, is_cleared
from store.queries import digest
from store.review import ReviewConflict, approve, correct, escalate, hide
from tests.store.helpers import Result, blog_post, skeet, toot

pytestmark = pytest.mark.usefixtures("moderators")

CALM = "Our carers' group met on Tuesday to talk about care plan reviews and what helps."
CRISIS = "Edited: I am going to kill myself tonight. I have saved up my pills. Goodbye everyone."


def stored(engine, *posts):
    with transaction(engine) as s:
        upsert_posts(s, list(posts))
        return dict(s.execute(select(Post.platform_id, Post.id)).all())


def read(engine, levels: dict[int, int], version: str = "test-1"):
    """Classify every post needing a reading, as the classify step does (hash of the text read)."""
    with transaction(engine) as s:
        todo = posts_to_classify(s, model_version=version)
    results = []
    for pid, _text in todo:
        r = Result(levels.get(pid, 0))
        r.model_version = version
        results.append((pid, r))
    with transaction(engine) as s:
        set_current_model(s, version)
        record_classifications(s, results, judged={pid: text_hash(t) for pid, t in todo})
    return [pid for pid, _ in todo]


def item(s, pid) -> ReviewItem:
    return s.scalar(select(ReviewItem).where(ReviewItem.post_id == pid))


def shown(engine) -> set[int]:
    with transaction(engine) as s:
        return {p.id for p in digest(s, limit=500)}


# --- edits ---------------------------------------------------------------------------------------------

def test_an_edit_upstream_voids_the_models_clearance_until_the_new_text_is_read(engine):
    post = blog_post(1, CALM)
    pid = stored(engine, post)[post.platform_id]
    read(engine, {})
    assert shown(engine) == {pid}

    stored(engine, replace(post, content_text=CRISIS, content_html=f"<p>{CRISIS}</p>"))
    assert shown(engine) == set()  # before any new reading: the old clearance no longer applies
    with transaction(engine) as s:
        assert [a.action for a in s.scalars(select(AuditEntry))] == ["edited_upstream"]

    assert read(engine, {pid: 3}) == [pid]  # only the edited post is read again
    with transaction(engine) as s:
        it = item(s, pid)
        assert (it.state, it.level, it.cleared_hash) == ("pending", 3, None)
    assert shown(engine) == set()


def test_a_moderators_approval_does_not_carry_over_to_edited_text(engine):
    post = blog_post(1, "Feeling low this week, the waiting list letter knocked me back.")
    pid = stored(engine, post)[post.platform_id]
    read(engine, {pid: 1})
    with transaction(engine) as s:
        it = item(s, pid)
        seen = (it.id, it.version)
        approve(s, *seen, "mod.alex")
    assert shown(engine) == {pid}

    stored(engine, replace(post, content_text=CALM))
    assert shown(engine) == set()
    # The moderator's page still holds the old version: approving it now would approve unseen text.
    with pytest.raises(ReviewConflict):
        with transaction(engine) as s:
            it = item(s, pid)
            approve(s, it.id, it.version - 1, "mod.alex")
    read(engine, {pid: 0})
    with transaction(engine) as s:
        assert [(p.id, p.cleared_by) for p in digest(s)] == [(pid, "model")]  # and it says so


def test_a_reading_of_text_since_edited_clears_nothing(engine):
    post = blog_post(1, CALM)
    pid = stored(engine, post)[post.platform_id]
    with transaction(engine) as s:
        ((_, old_text),) = posts_to_classify(s)
    stored(engine, replace(post, content_text=CRISIS))  # edited while the model was reading
    with transaction(engine) as s:
        record_classifications(s, [(pid, Result(0))], judged={pid: text_hash(old_text)})
    assert shown(engine) == set()
    with transaction(engine) as s:
        assert [p for p, _ in posts_to_classify(s)] == [pid]  # and it is read again


def test_an_edit_that_changes_nothing_a_reader_reads_keeps_the_clearance(engine):
    post = blog_post(1, CALM)
    pid = stored(engine, post)[post.platform_id]
    read(engine, {})
    stored(engine, replace(post, tags=("carers", "coproduction")))
    assert shown(engine) == {pid}


# --- what the model may clear ----------------------------------------------------------------------------

def test_only_the_current_models_readings_clear_posts(engine):
    post = blog_post(1, CALM)
    pid = stored(engine, post)[post.platform_id]
    read(engine, {}, version="model-A")
    assert shown(engine) == {pid}
    with transaction(engine) as s:
        assert set_current_model(s, "model-B") is True
    assert shown(engine) == set()
    assert read(engine, {}, version="model-B") == [pid]  # what model-A published is read again
    assert shown(engine) == {pid}


def test_a_confident_looking_level_0_that_asks_for_review_is_held(engine):
    post = blog_post(1, "Zdrowie psychiczne")
    pid = stored(engine, post)[post.platform_id]
    with transaction(engine) as s:
        record_classifications(s, [(pid, Result(0, needs_review=True))])
    assert shown(engine) == set()


@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_a_non_finite_score_is_a_failed_reading_held_for_review(engine, bad):
    post = blog_post(1, "I feel so hopeless and alone, nothing helps anymore")
    pid = stored(engine, post)[post.platform_id]
    r = Result(0)
    r.distress_score = bad
    with transaction(engine) as s:
        record_classifications(s, [(pid, r)])
    with transaction(engine) as s:
        it = item(s, pid)
        assert (it.state, it.level) == ("pending", None) and "finite" in it.reason
    assert shown(engine) == set()


def test_a_person_may_approve_what_the_model_could_not_read(engine):
    post = blog_post(1, "🔪🩸💀")
    pid = stored(engine, post)[post.platform_id]
    with transaction(engine) as s:
        record_classification_failure(s, pid, "cannot read: only emoji")
        it = item(s, pid)
        approve(s, it.id, it.version, "mod.alex")
    assert shown(engine) == {pid}
    with transaction(engine) as s:  # a later failed reading of the same text leaves the approval be
        record_classification_failure(s, pid, "cannot read: only emoji")
    assert shown(engine) == {pid}


def test_a_moderators_level_takes_down_what_only_the_model_published(engine):
    post = blog_post(1, CALM)
    pid = stored(engine, post)[post.platform_id]
    read(engine, {})
    with transaction(engine) as s:
        it = item(s, pid)
        correct(s, it.id, it.version, "mod.alex", level=2)
    with transaction(engine) as s:
        assert item(s, pid).state == "pending"
    assert shown(engine) == set()


def test_reviewed_only_leaves_out_what_the_model_published(engine):
    a, b = blog_post(1, CALM), blog_post(2, CALM + " Second.")
    ids = stored(engine, a, b)
    read(engine, {})
    with transaction(engine) as s:
        it = item(s, ids[b.platform_id])
        approve(s, it.id, it.version, "mod.bea")
    with transaction(engine) as s:
        assert clearances(s, ids.values()) == {ids[a.platform_id]: "model", ids[b.platform_id]: "moderator"}
        assert clearances(s, ids.values(), reviewed_only=True) == {ids[b.platform_id]: "moderator"}
        assert is_cleared(s, ids[a.platform_id])


# --- nothing dropped -------------------------------------------------------------------------------------

def test_entries_sharing_an_id_with_different_text_are_all_kept(engine):
    crisis = blog_post(1, "I have saved up my tablets and tonight is the night. Goodbye.", title="Comment")
    calm = replace(crisis, content_text="Lovely write-up, see you all on Tuesday.")
    with transaction(engine) as s:
        counts = upsert_posts(s, [crisis, calm, calm])
        assert (counts.new, counts.collisions) == (2, [crisis.platform_id])
    with transaction(engine) as s:  # the same feed again: the same two keys, nothing new
        assert upsert_posts(s, [crisis, calm]).new == 0
        texts = {p.platform_id: p.content_text for p in s.scalars(select(Post))}
    assert texts[crisis.platform_id] == crisis.content_text
    alias = f"{crisis.platform_id}#{text_hash(judged_text(None, 'Comment', calm.content_text))[:16]}"
    assert texts[alias] == calm.content_text


# --- withdrawal from published files ---------------------------------------------------------------------

@pytest.fixture
def site(tmp_path):
    return Settings(_env_file=None, site_dir=tmp_path / "site", public_base_url="https://peerfeed.example.org")


def in_files(paths) -> set[int]:
    found = set()
    for path in (paths.atom, paths.html):
        found |= {int(i) for i in re.findall(r"<!-- peerfeed:post (\d+) -->", Path(path).read_text())}
    return found


@pytest.mark.parametrize("removal", ["hide", "escalate", "deleted upstream", "edited upstream", "risen", "model changed"])
def test_a_post_leaves_the_published_files_at_the_commit_that_withdraws_it(engine, site, removal):
    posts = [blog_post(i, f"{CALM} Meeting {i}.", published_at=utcnow()) for i in range(3)]
    ids = stored(engine, *posts)
    read(engine, {})
    paths = publish_digest(engine, site, "weekly")
    gone, kept = ids[posts[0].platform_id], {ids[p.platform_id] for p in posts[1:]}
    assert in_files(paths) == kept | {gone}
    html_before = paths.html.read_text()
    assert "Published automatically, not yet reviewed by a person" in html_before

    with transaction(engine) as s:
        it = item(s, gone)
        if removal == "hide":
            hide(s, it.id, it.version, "mod.alex")
        elif removal == "escalate":
            escalate(s, it.id, it.version, "mod.alex")
        elif removal == "deleted upstream":
            apply_deletions(s, [Deletion(Platform.RSS, posts[0].platform_id, "blog")])
        elif removal == "edited upstream":
            upsert_posts(s, [replace(posts[0], content_text=CRISIS)])
        elif removal == "risen":
            record_classifications(s, [(gone, Result(2))])
        else:
            set_current_model(s, "a-newer-model")
    expected = kept if removal != "model changed" else set()
    assert in_files(paths) == expected
    with transaction(engine) as s:
        assert publication.live_copies(s, gone) == []
    import feedparser
    parsed = feedparser.parse(paths.atom.read_bytes())
    assert not parsed.bozo and len(parsed.entries) == len(expected)


def test_a_rebuild_closes_the_copies_it_no_longer_holds_and_a_crash_before_scrubbing_is_caught(engine, site):
    posts = [blog_post(i, f"{CALM} Meeting {i}.", published_at=utcnow()) for i in range(2)]
    ids = stored(engine, *posts)
    read(engine, {})
    paths = publish_digest(engine, site, "daily")
    a = ids[posts[0].platform_id]
    # A process dies after committing a hide but before rewriting the files: the next commit that
    # writes anything finds the copies still open and takes the post out.
    with Session(engine) as s, s.begin():  # a commit with no settling: as if the process died after it
        it = item(s, a)
        hide(s, it.id, it.version, "mod.alex")
    assert a in in_files(paths)
    with transaction(engine) as s:
        assert {post for _, _, post in publication.settle(s)} == {a}
    with transaction(engine) as s:
        upsert_posts(s, [blog_post(9, "Another calm post about the carers' café.")])
    assert a not in in_files(paths)


# --- every channel reads through the gate ---------------------------------------------------------------

BUILDERS = {Platform.RSS: blog_post, Platform.MASTODON: toot, Platform.BLUESKY: skeet}


def _world(engine):
    """Posts in every state the store knows, on every platform; returns (ids by "platform:name",
    ids the gate should clear). A channel's check is compared with the gate restricted to what the
    channel carries (its platforms, reviewed-only): `_expected`."""
    names = ["model_ok", "human_ok", "held", "hidden", "escalated", "deleted", "edited", "human_then_edited",
             "failed", "old_model", "needs_review"]
    posts = {f"{platform.value}:{n}": build(i, f"{CALM} ({platform.value} {n})", published_at=utcnow())
             for platform, build in BUILDERS.items() for i, n in enumerate(names)}
    by_key = stored(engine, *posts.values())
    ids = {key: by_key[p.platform_id] for key, p in posts.items()}
    of = lambda name: [ids[f"{p.value}:{name}"] for p in BUILDERS]  # noqa: E731
    levels = {pid: level for name, level in (("held", 2), ("human_ok", 1), ("escalated", 3)) for pid in of(name)}
    read(engine, levels, version="current")
    with transaction(engine) as s:
        for pid in of("failed"):
            record_classification_failure(s, pid, "boom", "current")
        record_classifications(s, [(pid, result(needs_review=True)) for pid in of("needs_review")]
                               + [(pid, result(model_version="old")) for pid in of("old_model")])
        for name, act in (("human_ok", approve), ("hidden", hide), ("escalated", escalate),
                          ("human_then_edited", approve)):
            for pid in of(name):
                it = item(s, pid)
                act(s, it.id, it.version, "mod.alex")
        for platform in BUILDERS:
            apply_deletions(s, [Deletion(platform, posts[f"{platform.value}:deleted"].platform_id, "src")])
            upsert_posts(s, [replace(posts[f"{platform.value}:edited"], content_text=CRISIS),
                             replace(posts[f"{platform.value}:human_then_edited"], content_text=CRISIS + " (2)")])
    return ids, set(of("model_ok")) | set(of("human_ok"))


def _expected(engine, channel: str, ids: dict[str, int]) -> set[int]:
    """What the gate says `channel` must show of the world."""
    spec = CHANNELS[channel]
    with transaction(engine) as s:
        gate = clearances(s, ids.values(), reviewed_only=spec.reviewed_only)
    return {pid for key, pid in ids.items()
            if pid in gate and (spec.platforms is None or key.split(":")[0] in spec.platforms)}


def result(**kw):
    r = Result(0)
    r.model_version = "current"
    for k, v in kw.items():
        setattr(r, k, v)
    return r


def _dashboard_digest(engine, site) -> set[int]:
    from dashboard import data

    data.digest_page.clear()
    rows = data.digest_page(str(engine.url.render_as_string(hide_password=False)), 1, 100)["rows"]
    return {r["post_id"] for r in rows}


def _static_digest(engine, site) -> set[int]:
    return in_files(publish_digest(engine, site, "weekly"))


def _bluesky_feed(engine, site) -> set[int]:
    """Page through the feed generator's skeleton over HTTP (two posts a page) and map URIs to posts."""
    import httpx

    from pipelines.feedgen import MAIN_FEED, feed_uri, feedgen_app, service_did
    from pipelines.web import BackgroundServer

    with transaction(engine) as s:
        by_uri = dict(s.execute(select(Post.platform_id, Post.id)).all())
    feed = feed_uri(service_did(site), MAIN_FEED)
    uris, cursor = [], None
    with BackgroundServer(feedgen_app(engine, site)) as server, httpx.Client(base_url=server.url) as client:
        while True:
            page = client.get("/xrpc/app.bsky.feed.getFeedSkeleton",
                              params={"feed": feed, "limit": 2, **({"cursor": cursor} if cursor else {})}).json()
            uris += [entry["post"] for entry in page["feed"]]
            cursor = page.get("cursor")
            if not cursor:
                break
    assert len(uris) == len(set(uris)), "a post listed twice across pages"
    return {by_uri[u] for u in uris}


def _fediverse(engine, site) -> set[int]:
    """Run the fediverse publisher against an in-memory account; read back what it boosted and tooted."""
    from pipelines.fediverse import run_fediverse
    from tests.channels.fake_mastodon import FakeAccount

    with transaction(engine) as s:
        posts = s.execute(select(Post.id, Post.platform, Post.platform_id, Post.url)).all()
    account = FakeAccount()
    for _, platform, uri, _ in posts:
        if platform == Platform.MASTODON.value:
            account.know(uri)  # every Mastodon post can be found from the community's instance
    report = run_fediverse(engine, site.model_copy(update={"fediverse_pause_s": 0}), account)
    assert not report.errors
    by_status = {account.known.get(uri): pid for pid, _, uri, _ in posts}
    by_link = {url: pid for pid, _, _, url in posts}
    return {by_status[i] for i in account.boosted} | {by_link[link] for link in account.links()}


def _weekly_email(engine, site) -> set[int]:
    """Send the weekly email to one subscriber through a real SMTP server; read the posts it links."""
    from pipelines.newsletter import send_weekly_email
    from store.subscribers import confirm, subscribe
    from tests.channels.mailbox import LocalSMTP, links

    with transaction(engine) as s:
        signup = subscribe(s, "reader@peerfeed.example")
        confirm(s, signup.confirm_token)
        by_url = dict(s.execute(select(Post.url, Post.id)).all())
    with LocalSMTP() as smtp:
        settings = site.model_copy(update={"smtp_host": smtp.host, "smtp_port": smtp.port})
        report = send_weekly_email(engine, settings, now=utcnow() + timedelta(days=7))  # the week just approved
        assert not report.errors
        (message,) = smtp.to("reader@peerfeed.example")
    return {by_url[u] for u in links(message) if u in by_url}


CHANNEL_CHECKS = {"dashboard_digest": _dashboard_digest, "static_digest": _static_digest,
                  "bluesky_feed": _bluesky_feed, "fediverse": _fediverse, "weekly_email": _weekly_email}


def test_every_registered_channel_has_a_check_here():
    assert set(CHANNEL_CHECKS) == set(CHANNELS), "a new channel in store.publication.CHANNELS needs a check here"


@pytest.mark.parametrize("channel", sorted(CHANNEL_CHECKS))
def test_each_channel_shows_exactly_the_cleared_posts(engine, site, channel):
    ids, cleared_posts = _world(engine)
    with transaction(engine) as s:
        assert set(clearances(s, ids.values())) == cleared_posts
        assert set(clearances(s, ids.values(), reviewed_only=True)) == {v for k, v in ids.items() if "human_ok" in k}
    expected = _expected(engine, channel, ids)
    assert expected, "the world has posts this channel should carry"
    assert CHANNEL_CHECKS[channel](engine, site) == expected


def test_no_module_decides_on_its_own_what_readers_see():
    """Only the gate (and the store modules that set review states) may test for 'approved'."""
    root = Path(__file__).resolve().parents[2]
    allowed = {"store/publication.py", "store/classification.py", "store/review.py", "store/models.py"}
    offenders = []
    for path in root.glob("*/**/*.py"):
        rel = path.relative_to(root).as_posix()
        if rel.split("/")[0] in {"tests", ".venv", "benchmarks", "build", "node_modules"} or rel in allowed or "migrations" in rel:
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"ReviewState\.APPROVED|== ?['\"]approved['\"]|visible_to_readers", text):
            offenders.append(rel)
    assert offenders == []


def test_digest_entries_carry_who_cleared_them(engine):
    a, b = blog_post(1, CALM, published_at=utcnow()), blog_post(2, CALM + " Two.", published_at=utcnow())
    ids = stored(engine, a, b)
    read(engine, {ids[b.platform_id]: 1})
    with transaction(engine) as s:
        it = item(s, ids[b.platform_id])
        approve(s, it.id, it.version, "mod.alex")
    with transaction(engine) as s:
        entries = digest_entries(s, utcnow() - timedelta(days=1), utcnow() + timedelta(minutes=1))
    assert {(e.post_id, e.cleared_by) for e in entries} == {(ids[a.platform_id], "model"),
                                                           (ids[b.platform_id], "moderator")}


# --- spot checks: the model's published posts, sampled for a person ----------------------------------

def test_one_in_n_model_published_posts_is_sampled_for_a_spot_check_and_weighs_n(engine):
    from store.classification import SPOT_CHECK_EVERY, spot_checked
    from store.queries import level_checks, spot_check_queue

    posts = [blog_post(i, f"{CALM} Spot check {i}.") for i in range(200)]
    ids = stored(engine, *posts)
    read(engine, {})
    with transaction(engine) as s:
        queue = spot_check_queue(s, limit=500)
        hashes = dict(s.execute(select(Post.id, Post.text_hash)).all())
    sampled = {e.post.id for e in queue}
    assert sampled == {pid for pid, h in hashes.items() if spot_checked(h)}
    assert 0 < len(sampled) < len(ids) / 5  # about 1 in 20 (10 expected of 200)
    assert shown(engine) == set(ids.values())  # sampled posts stay published meanwhile

    first, second = sorted(sampled)[:2]
    with transaction(engine) as s:
        it = item(s, first)
        approve(s, it.id, it.version, "mod.alex", level=0)  # "the model was right"
        it = item(s, second)
        correct(s, it.id, it.version, "mod.bea", level=2)  # "it was not": taken down
    with transaction(engine) as s:
        assert {e.post.id for e in spot_check_queue(s, limit=500)} == sampled - {first, second}
        assert sorted(level_checks(s)) == [(0, 0, float(SPOT_CHECK_EVERY)), (0, 2, float(SPOT_CHECK_EVERY))]
        assert [(p.id, p.cleared_by) for p in digest(s, limit=500) if p.id == first] == [(first, "moderator")]
    assert second not in shown(engine)


def test_a_crisis_written_only_in_an_images_description_is_read(engine):
    from tests.store.helpers import toot

    post = toot(1, "Sunset from the ward window.",
                extra={"media": [{"type": "image", "description": "Goodbye everyone, I have saved up my pills"}]})
    pid = stored(engine, post)[post.platform_id]
    with transaction(engine) as s:
        ((_, text),) = posts_to_classify(s)
    assert "Image description: Goodbye everyone, I have saved up my pills" in text
    read(engine, {})
    assert shown(engine) == {pid}
    calmer = replace(post, extra={"media": [{"type": "image", "description": "A sunset"}]})
    stored(engine, calmer)  # an edit of the alt text alone is an edit
    assert shown(engine) == set()
