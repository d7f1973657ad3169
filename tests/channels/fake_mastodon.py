"""An in-memory Mastodon account for the fediverse publisher's unit tests (the real proof is against
Takahe: tests/channels/test_fediverse_takahe.py). It behaves as Mastodon does where it matters:
boosting twice is one boost, deleting a deleted toot is a 404 the client treats as done, and it
counts requests against a rate limit when one is set."""

from __future__ import annotations

import html
import itertools
from datetime import datetime

from pipelines.mastodon_account import NOT_FOUND, RATE_LIMITED, RemoteError, RemoteStatus


class FakeAccount:
    def __init__(self, known: dict[str, str] | None = None) -> None:
        self.known = dict(known or {})  # status URI -> id on our instance (what search would resolve)
        self.ids = itertools.count(9000)
        self.boosted: set[str] = set()
        self.toots: dict[str, dict] = {}  # id -> {"text", "spoiler", "edits"}
        self.calls: list[tuple] = []
        self.remaining: int | None = None  # requests left before the rate limit, when set
        self.reset_at: datetime | None = None
        self.fail_next: list[RemoteError] = []

    def know(self, uri: str) -> str:
        return self.known.setdefault(uri, str(next(self.ids)))

    def _call(self, *what) -> None:
        self.calls.append(what)
        if self.fail_next:
            raise self.fail_next.pop(0)
        if self.remaining is not None:
            if self.remaining <= 0:
                raise RemoteError(RATE_LIMITED, "HTTP 429", self.reset_at)
            self.remaining -= 1

    def resolve(self, uri, url=None):
        self._call("resolve", uri)
        return self.known.get(uri)

    def boost(self, status_id):
        self._call("boost", status_id)
        self.boosted.add(status_id)
        return RemoteStatus(status_id, f"https://community.example/@x/{status_id}")

    def has_boosted(self, status_id):
        self._call("has_boosted", status_id)
        return status_id in self.boosted

    def unboost(self, status_id):
        self._call("unboost", status_id)
        self.boosted.discard(status_id)

    def post_toot(self, text, spoiler, visibility, idempotency_key):
        self._call("toot", idempotency_key)
        toot_id = str(next(self.ids))
        self.toots[toot_id] = {"text": text, "spoiler": spoiler, "visibility": visibility, "edits": 0}
        return RemoteStatus(toot_id, f"https://community.example/@peerfeed/{toot_id}")

    def edit_toot(self, status_id, text, spoiler):
        self._call("edit", status_id)
        if status_id not in self.toots:
            raise RemoteError(NOT_FOUND, "HTTP 404")
        self.toots[status_id].update(text=text, spoiler=spoiler, edits=self.toots[status_id]["edits"] + 1)

    def delete_toot(self, status_id):
        self._call("delete", status_id)
        self.toots.pop(status_id, None)

    def find_toot(self, link, exclude):
        self._call("find", link)
        for toot_id in sorted(self.toots, reverse=True):
            if toot_id not in exclude and link in self.toots[toot_id]["text"]:
                return RemoteStatus(toot_id, None)
        return None

    def rate_limit_low(self, reserve):
        return self.reset_at if self.remaining is not None and self.remaining <= reserve else None

    def links(self) -> list[str]:
        """The link in each toot, in order."""
        return [t["text"].split("\n")[2] for _, t in sorted(self.toots.items())]

    def sent(self, kind: str) -> int:
        return sum(1 for c in self.calls if c[0] == kind)


def unescaped(text: str) -> str:
    return html.unescape(text)
