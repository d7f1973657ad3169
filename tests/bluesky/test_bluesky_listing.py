"""How a listing is paged between runs: read down past what was seen (an overlap window), keep a
cursor to go back further."""

from datetime import timedelta

from atproto_client.models.dot_dict import DotDict

from collectors.bluesky import ListingState, read_listing


def item(n: int, minute: int | None = None, *, created: int | None = None, cid: str | None = None) -> DotDict:
    minute = n if minute is None else minute
    post = {"uri": f"at://did:plc:x/app.bsky.feed.post/{n}", "indexedAt": f"2026-11-20T08:{minute:02d}:00.000Z"}
    if created is not None:
        post["record"] = {"createdAt": f"2026-11-20T08:{created:02d}:00.000Z", "text": "t"}
    if cid is not None:
        post["cid"] = cid
    return DotDict({"post": post})


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
    assert sorted(state.recent) == sorted(i.post.uri for i in listing.items)


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


def test_a_late_post_that_sorts_below_the_last_run_is_found_in_the_overlap_window():
    """A phone a minute behind: indexed after the run at 08:30, but its createdAt sorts it at 08:29."""
    listing = Listing([item(n, 20 + n, created=20 + n, cid=f"c{n}") for n in range(10, 0, -1)], size=4)
    _, state = read_listing(listing, ListingState(), max_pages=5, ordered=True, overlap=timedelta(minutes=15))
    late = item(99, 31, created=29, cid="late")  # indexed at 08:31, created "08:29"
    listing.items.insert(1, late)  # the AppView sorts by sortAt = min(createdAt, indexedAt)
    got, state = read_listing(listing, state, max_pages=5, ordered=True, overlap=timedelta(minutes=15))
    assert uris(got) == ["99"]
    # Without the window the run stops at the first post it saw and the late one is lost for good.
    _, old = read_listing(Listing(listing.items[:1] + listing.items[2:], 4), ListingState(), 5, True)
    got, _ = read_listing(listing, old, max_pages=5, ordered=True)
    assert uris(got) == []


def test_an_edit_inside_the_window_comes_back_with_its_new_cid():
    listing = Listing([item(n, 20 + n, cid=f"v1-{n}") for n in range(5, 0, -1)], size=10)
    _, state = read_listing(listing, ListingState(), max_pages=2, ordered=True, overlap=timedelta(minutes=15))
    listing.items[2] = item(3, 23, cid="v2-3")  # putRecord: same place, new CID
    got, state = read_listing(listing, state, max_pages=2, ordered=True, overlap=timedelta(minutes=15))
    assert uris(got) == ["3"]
    got, _ = read_listing(listing, state, max_pages=2, ordered=True, overlap=timedelta(minutes=15))
    assert got == []


def test_the_window_is_read_but_not_taken_for_a_gap():
    listing = Listing([item(n, 20 + n, cid=f"c{n}") for n in range(9, 0, -1)], size=2)
    _, state = read_listing(listing, ListingState(), max_pages=10, ordered=True, overlap=timedelta(minutes=15))
    listing.items.insert(0, item(10, 30, cid="c10"))
    got, state = read_listing(listing, state, max_pages=2, ordered=True, overlap=timedelta(minutes=15))
    assert uris(got) == ["10"] and state.older is None  # the rest of the window, not a gap


def test_a_cursor_from_before_the_window_still_loads():
    state = ListingState.load('{"newest":"2026-11-20T08:30:00+00:00","top":["at://a"],"older":null}')
    assert state.recent == {"at://a": [None, "2026-11-20T08:30:00+00:00"]}
