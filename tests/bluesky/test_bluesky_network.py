"""The Bluesky collector against Bluesky's own PLC, PDS and AppView (tests/bluesky/network.mjs)."""

import stat

import pytest
from pydantic import SecretStr

from collectors.base import ErrorKind, SourceState
from collectors.bluesky import check_deleted, fetch_bluesky
from collectors.bluesky_session import login, make_client

pytestmark = pytest.mark.bluesky


def collect(source, settings, state=SourceState()):
    result = fetch_bluesky(source, state, settings)
    assert result.ok, result.error
    return result


def test_search_finds_posts_with_their_facets(bsky_network, settings, make_source):
    net = bsky_network.info
    result = collect(make_source(bsky_network.appview, "search", q="co-produc"), settings)
    uris = {p.platform_id for p in result.posts}
    assert {net["posts"]["plan"], net["posts"]["thanks"]} <= uris
    thanks = next(p for p in result.posts if p.platform_id == net["posts"]["thanks"])
    # "🌱 Café" before the mention: byte offsets, not characters, place the links.
    assert f'<a href="https://bsky.app/profile/{net["did"]["dev"]}" rel="noopener noreferrer nofollow ugc">@devraj.test</a>' in thanks.content_html
    assert '<a href="https://bsky.app/hashtag/peersupport" rel="noopener noreferrer nofollow ugc">#peersupport</a>' in thanks.content_html
    assert thanks.content_html.startswith("<p>🌱 Café chat with <a")
    assert thanks.mentions == (net["did"]["dev"],)
    assert thanks.url == f"https://bsky.app/profile/amara.test/post/{net['posts']['thanks'].rsplit('/', 1)[1]}"
    plan = next(p for p in result.posts if p.platform_id == net["posts"]["plan"])
    assert plan.links == ("https://hub.example/care-plans?utm_source=bsky",)
    assert plan.tags == ("coproduction", "CarePlanning")


def test_hashtag_source_searches_for_the_tag(bsky_network, settings, make_source):
    net = bsky_network.info
    result = collect(make_source(bsky_network.appview, "hashtag", tag="#peersupport"), settings)
    uris = {p.platform_id for p in result.posts}
    assert {net["posts"]["thanks"], net["posts"]["low"]} <= uris
    assert net["posts"]["plan"] not in uris


def test_author_feed_pages_back_with_stored_cursors(bsky_network, settings, make_source):
    net = bsky_network.info
    source = make_source(bsky_network.appview, "author", actor="joanne.test", limit=10, max_pages=1)
    seen, state, counts = [], SourceState(), []
    for _ in range(5):
        result = collect(source, settings, state)
        counts.append(len(result.posts))
        seen += [p.platform_id for p in result.posts]
        state = result.state
    # 20 diary posts, the low post, the reply and the repost of amara's plan; the deleted one is gone.
    expected = {net["posts"][f"diary{i}"] for i in range(1, 21)} | {
        net["posts"]["low"], net["posts"]["reply"], net["posts"]["plan"]}
    assert counts == [10, 10, 3, 0, 0]
    assert len(seen) == len(set(seen)) == 23
    assert set(seen) == expected
    assert net["deleted"] not in seen


def test_second_run_stores_nothing_new_until_someone_posts(bsky_network, settings, make_source):
    source = make_source(bsky_network.appview, "author", actor="devraj.test")
    first = collect(source, settings)
    again = collect(source, settings, first.state)
    assert again.posts == []
    uri = bsky_network.post("dev", "Carers' involvement group meets on Thursday, all welcome.")
    third = collect(source, settings, again.state)
    assert [p.platform_id for p in third.posts] == [uri]
    assert collect(source, settings, third.state).posts == []


def test_repost_in_author_feed_is_the_original_post(bsky_network, settings, make_source):
    net = bsky_network.info
    result = collect(make_source(bsky_network.appview, "author", actor="joanne.test"), settings)
    plan = [p for p in result.posts if p.platform_id == net["posts"]["plan"]]
    assert len(plan) == 1
    assert plan[0].extra["did"] == net["did"]["amara"]
    assert plan[0].author == "Amara (peer worker)"
    assert plan[0].extra["reposted_by"] == ["joanne.test"]


def test_reply_keeps_its_parent(bsky_network, settings, make_source):
    net = bsky_network.info
    result = collect(make_source(bsky_network.appview, "author", actor="joanne.test"), settings)
    reply = next(p for p in result.posts if p.platform_id == net["posts"]["reply"])
    assert reply.reply_to == net["posts"]["plan"]
    assert reply.mentions == (net["did"]["amara"],)


def test_custom_feed_pages_and_dedupes_a_repost(bsky_network, settings, make_source):
    net = bsky_network.info
    # The generator lists thanks, plan (as joanne's repost) and plan again, one per page.
    source = make_source(bsky_network.appview, "feed", feed=net["feed"], limit=1, max_pages=5)
    result = collect(source, settings)
    assert [p.platform_id for p in result.posts] == [net["posts"]["thanks"], net["posts"]["plan"]]
    assert result.posts[1].extra["reposted_by"] == ["joanne.test"]
    assert collect(source, settings, result.state).posts == []


def test_deleted_posts_become_deletions(bsky_network, settings, make_source):
    net = bsky_network.info
    source = make_source(bsky_network.appview, "author", actor="joanne.test")
    uri = bsky_network.post("jo", "Posting this by mistake, deleting soon.")
    assert check_deleted(source, [uri], settings).deletions == []
    bsky_network.delete("jo", uri)
    result = check_deleted(source, [net["deleted"], net["posts"]["plan"], uri], settings)
    assert result.ok, result.error
    assert sorted(d.platform_id for d in result.deletions) == sorted([net["deleted"], uri])


def test_deletion_check_batches_more_than_getposts_takes(bsky_network, settings, make_source):
    net = bsky_network.info
    alive = [net["posts"][f"diary{i}"] for i in range(1, 21)] + [net["posts"]["plan"], net["posts"]["low"]]
    missing = [u[:-3] + "zzz" for u in alive[:6]]
    result = check_deleted(make_source(bsky_network.appview, "author", actor="x"), alive + missing, settings)
    assert result.ok, result.error
    assert sorted(d.platform_id for d in result.deletions) == sorted(missing)


def test_login_saves_the_session_and_later_runs_reuse_it(bsky_network, settings, make_source):
    net = bsky_network.info
    logged_in = settings.model_copy(update={"bluesky_handle": "amara.test",
                                            "bluesky_app_password": SecretStr(net["app_password"])})
    # Log in at the PDS; the PDS then forwards app.bsky requests to its AppView.
    source = make_source(bsky_network.appview, "search", q="co-produc", login_url=bsky_network.pds)
    result = collect(source, logged_in)
    assert net["posts"]["plan"] in {p.platform_id for p in result.posts}
    saved = logged_in.bluesky_session_file.read_text()
    assert saved.startswith(f"amara.test:::{net['did']['amara']}:::")
    assert stat.S_IMODE(logged_in.bluesky_session_file.stat().st_mode) == 0o600

    # With the password now wrong, only the saved session can log in: it is used, createSession is not.
    wrong = logged_in.model_copy(update={"bluesky_app_password": SecretStr("wrong-password")})
    client = make_client(bsky_network.pds, wrong)
    assert login(client, wrong) == "session"
    assert collect(source, wrong).posts


def test_bad_password_without_a_session_is_a_4xx_that_hides_the_password(bsky_network, settings, make_source):
    bad = settings.model_copy(update={"bluesky_handle": "amara.test",
                                      "bluesky_app_password": SecretStr("hunter2-not-it")})
    result = fetch_bluesky(make_source(bsky_network.pds, "search", name="logged in search", q="x"),
                           SourceState(), bad)
    assert result.error_kind is ErrorKind.HTTP_4XX
    assert result.http_status == 401
    assert "logged in search" in result.error and "login as amara.test" in result.error
    assert "hunter2" not in result.error
    assert not bad.bluesky_session_file.exists()


def test_unknown_actor_and_wrong_service_path_are_4xx(bsky_network, settings, make_source):
    unknown = fetch_bluesky(make_source(bsky_network.appview, "author", actor="nobody.test"), SourceState(), settings)
    assert unknown.error_kind is ErrorKind.HTTP_4XX
    wrong_path = fetch_bluesky(make_source(bsky_network.appview + "/not-xrpc", "search", q="x"), SourceState(), settings)
    assert wrong_path.error_kind is ErrorKind.HTTP_4XX
    assert wrong_path.http_status == 404


def test_parallel_logins_create_one_session(bsky_network, settings):
    from concurrent.futures import ThreadPoolExecutor

    logged_in = settings.model_copy(update={"bluesky_handle": "amara.test",
                                            "bluesky_app_password": SecretStr(bsky_network.info["app_password"])})

    def one(_):
        client = make_client(bsky_network.pds, logged_in)
        try:
            return login(client, logged_in)
        finally:
            client.request.close()

    with ThreadPoolExecutor(4) as pool:
        how = list(pool.map(one, range(4)))
    assert sorted(how) == ["password", "session", "session", "session"]


def test_revoked_session_falls_back_to_the_password(bsky_network, settings):
    logged_in = settings.model_copy(update={"bluesky_handle": "amara.test",
                                            "bluesky_app_password": SecretStr(bsky_network.info["app_password"])})
    first = make_client(bsky_network.pds, logged_in)
    assert login(first, logged_in) == "password"
    saved = logged_in.bluesky_session_file.read_text().split(":::")  # handle, did, access, refresh, pds
    first.com.atproto.server.delete_session(headers={"Authorization": f"Bearer {saved[3]}"})
    # The access token may still verify until it expires; spoil it so the server must refuse it.
    saved[2] = saved[2][:-4] + "AAAA"
    logged_in.bluesky_session_file.write_text(":::".join(saved))
    again = make_client(bsky_network.pds, logged_in)
    assert login(again, logged_in) == "password"
    assert again.com.atproto.server.get_session().handle == "amara.test"
