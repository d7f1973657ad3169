"""A small store where some posts may reach readers and others must never: one of each way a post is
kept from readers, each carrying a unique secret word in its title, text and author name."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from peerfeed.records import Deletion, Platform, Post
from store import review
from store.db import transaction
from store.models import Post as PostRow, Source
from store.posts import apply_deletions, upsert_posts
from tests.security.conftest import hold_all

NOW = datetime.now(timezone.utc).replace(microsecond=0)
TOPICS = ("peer_support", "carers", "treatment")
# How each secret post is kept from readers.
SECRETS = ("pending1", "pending2", "pending3", "hidden", "escalated", "deletedupstream", "approvedthenhidden",
           "escalatedthencorrected")


@dataclass(frozen=True)
class World:
    visible: dict[int, str]  # post id -> its marker word
    secret: dict[int, str]  # post id -> its secret word

    @property
    def secret_words(self) -> list[str]:
        return list(self.secret.values())


def _post(n: int, word: str, platform: Platform, hours: float) -> Post:
    text = f"Peer group notes {word}: care plan, carers, waiting list and treatment tonight."
    return Post(platform=platform, platform_id=f"https://{platform.value}.example/w/{word}",
                source="world", url=f"https://{platform.value}.example/w/{word}", author=f"Author {word}",
                content_html=f"<p>{text}</p>", content_text=text, title=f"Title {word}",
                published_at=NOW - timedelta(hours=hours), tags=(TOPICS[n % len(TOPICS)],))


def build_world(engine, visible: int = 30) -> World:
    """`visible` approved posts and one secret post per entry of SECRETS, interleaved in time and
    spread over every platform and topic, so any filter or page that finds one could find the other."""
    platforms = list(Platform)
    with transaction(engine) as s:
        srcs = {}
        for p in platforms:
            src = Source(name=f"world {p.value}", platform=p.value, kind="feed", url=f"https://{p.value}.example/",
                         enabled=True, options={}, consecutive_failures=0)
            s.add(src)
            s.flush()
            srcs[p] = src.id
        words = [f"visible{n:02d}" for n in range(visible)] + [f"secret{w}" for w in SECRETS]
        for n, word in enumerate(words):
            post = _post(n, word, platforms[n % len(platforms)], hours=1 + (n * 7 % len(words)))
            upsert_posts(s, [post], srcs[post.platform])
        ids = {w.removeprefix("Title "): pid for pid, w in s.execute(select(PostRow.id, PostRow.title))}
    topics = {pid: TOPICS[n % len(TOPICS)] for n, pid in enumerate(ids[w] for w in words)}
    items = {}
    for word, pid in ids.items():
        level = 3 if word.endswith("3") else 2 if word.endswith("2") else 1
        items.update(hold_all(engine, [pid], level=level, topics=(topics[pid],)))
    with transaction(engine) as s:
        for word, pid in ids.items():
            item = items[pid]
            if word.startswith("visible") or word in ("secretdeletedupstream", "secretapprovedthenhidden"):
                item = review.approve(s, item.id, item.version, "mod.alex")
            if word == "secrethidden" or word == "secretapprovedthenhidden":
                review.hide(s, item.id, item.version, "mod.alex")
            if word.startswith("secretescalated"):
                item = review.escalate(s, item.id, item.version, "mod.alex")
            if word == "secretescalatedthencorrected":
                review.correct(s, item.id, item.version, "mod.bea", level=0, topics=[topics[pid]])
        apply_deletions(s, [Deletion(Platform(s.get(PostRow, ids["secretdeletedupstream"]).platform),
                                     s.get(PostRow, ids["secretdeletedupstream"]).platform_id, "world")])
    return World(visible={pid: w for w, pid in ids.items() if w.startswith("visible")},
                 secret={pid: w for w, pid in ids.items() if w.startswith("secret")})
