"""How a listing is paged between runs: stop at what was seen, keep a cursor to go back further."""

from atproto_client.models.dot_dict import DotDict

from collectors.bluesky import ListingState, read_listing


def item(n: int, minute: int | None = None) -> DotDict:
    minute = n if minute is None else minute
    return DotDict({"post": {"uri": f"at://did:plc:x/app.bsky.feed.post/{n}",
                             "indexedAt": f"2026-11-20T08:{minute:02d}:00.000Z"}})


class Listing:
    """A listing newest first, `size` a page, with integer cursors; counts the requests."""

    def __init__(self, items, size):
        self.items, self.size, self.requests = items, size, 0

    def __call__(self, cursor):
        self.requests += 1
        start = int(cursor or 0)
        page = self.items[start:start + self.size]
        nxt = start + self.size
        return page, (str(nxt) if nxt < len(self.items) else None)


def uris(items):
    return [i.post.uri.rsplit("/", 1)[1] for i in items]


def test_first_run_keeps_a_cursor_and_later_runs_backfill():
    listing = Listing([item(n) for n in range(9, -1, -1)], size=3)  # 9..0, newest first
    got, state = read_listing(listing, ListingState(), max_pages=2, ordered=True)
    assert uris(got) == ["9", "8", "7", "6", "5", "4"]
    assert state.older == "6"
    got, state = read_listing(listing, ListingState.load(state.dump()), max_pages=2, ordered=True)
    assert uris(got) == ["3", "2", "1"]  # one request finds nothing new at the top, one goes back
    assert state.older == "9"
    got, state = read_listing(listing, state, max_pages=2, ordered=True)
    assert uris(got) == ["0"]
    assert state.older is None
    listing.requests = 0
    got, _ = read_listing(listing, state, max_pages=2, ordered=True)
    assert got == [] and listing.requests == 1


def test_new_posts_at_the_same_minute_as_the_newest_seen_are_not_lost():
    listing = Listing([item(2, 30), item(1, 30)], size=10)
    _, state = read_listing(listing, ListingState(), max_pages=1, ordered=True)
    listing.items.insert(0, item(3, 30))  # same indexedAt as the newest seen
    got, state = read_listing(listing, state, max_pages=1, ordered=True)
    assert uris(got) == ["3"]
    assert sorted(state.top) == sorted(i.post.uri for i in listing.items)


def test_a_gap_bigger_than_the_budget_is_caught_up_next_time():
    listing = Listing([item(n) for n in range(3, -1, -1)], size=2)
    _, state = read_listing(listing, ListingState(), max_pages=5, ordered=True)
    listing.items[:0] = [item(n) for n in range(9, 3, -1)]  # six new posts, three pages of two
    got, state = read_listing(listing, state, max_pages=1, ordered=True)
    assert uris(got) == ["9", "8"]
    got, state = read_listing(listing, state, max_pages=5, ordered=True)
    assert {"7", "6", "5", "4"} <= set(uris(got))


def test_unordered_feed_keeps_only_newer_posts_without_stopping():
    listing = Listing([item(1), item(5), item(3)], size=2)
    got, state = read_listing(listing, ListingState(), max_pages=5, ordered=False)
    assert uris(got) == ["1", "5", "3"]
    listing.items.append(item(7))
    got, _ = read_listing(listing, state, max_pages=5, ordered=False)
    assert uris(got) == ["7"]


def test_unreadable_stored_cursor_starts_afresh():
    assert ListingState.load("not json") == ListingState()
    assert ListingState.load('{"newest": "yesterday"}') == ListingState()
