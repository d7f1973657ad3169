"""The channels' commands (`peerfeed feedgen`, `peerfeed fediverse`, `peerfeed email`): a thin layer
over pipelines/feedgen*.py, pipelines/fediverse.py and pipelines/newsletter.py. See docs/channels.md."""

from __future__ import annotations

from typing import Optional

import typer

feedgen_app = typer.Typer(help="The Bluesky custom feed: serve the feed generator, publish its records.")


def _settings(ctx: typer.Context):
    # The root callback put the settings on the root context.
    return ctx.find_root().obj["settings"]


def _engine(ctx: typer.Context):
    from store.db import make_engine, upgrade

    engine = make_engine(_settings(ctx).database_url)
    upgrade(engine)
    return engine


@feedgen_app.callback(invoke_without_command=True)
def feedgen(ctx: typer.Context, host: str = typer.Option("127.0.0.1", "--host"),
            port: int = typer.Option(8503, "--port")):
    """Serve the feed generator (did:web document, describeFeedGenerator, getFeedSkeleton)."""
    if ctx.invoked_subcommand is not None:
        return
    from pipelines.feedgen import MAIN_FEED, describe, serve_feedgen, service_did

    engine, settings = _engine(ctx), _settings(ctx)
    feeds = describe(engine, settings)["feeds"]
    typer.echo(f"Feed generator {service_did(settings)} on http://{host}:{port}")
    typer.echo(f"  skeleton: http://{host}:{port}/xrpc/app.bsky.feed.getFeedSkeleton?feed={feeds[0]['uri']}")
    if feeds[0]["uri"].startswith(f"at://{service_did(settings)}/"):
        typer.echo(f"  (not yet published: run `peerfeed feedgen publish` to put the '{MAIN_FEED}' feed on Bluesky)")
    serve_feedgen(engine, settings, host=host, port=port)


@feedgen_app.command("publish")
def feedgen_publish(ctx: typer.Context):
    """Write the feeds' app.bsky.feed.generator records to the community account (app password)."""
    from pipelines.feedgen_publish import FeedgenConfigError, publish_feed_records

    try:
        published = publish_feed_records(_engine(ctx), _settings(ctx))
    except FeedgenConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"published {len(published.uris)} feeds served by {published.service_did}:")
    for uri in published.uris:
        typer.echo(f"  {uri}")
    for uri in published.removed:
        typer.echo(f"  removed {uri}")


@feedgen_app.command("topics")
def feedgen_topics(ctx: typer.Context, topics: Optional[list[str]] = typer.Argument(None),
                   actor: str = typer.Option("cli", "--as", help="Who is changing it (kept on the channel).")):
    """Show, or set, the topics that get a feed of their own (then run `feedgen publish` again)."""
    from pipelines.feedgen import TOPIC_FEEDS
    from store.channels import channel_options, configure_channel
    from store.db import transaction

    engine = _engine(ctx)
    with transaction(engine) as s:
        options = channel_options(s, "bluesky_feed")
        if topics:
            unknown = [t for t in topics if t not in TOPIC_FEEDS]
            if unknown:
                typer.echo(f"error: unknown topics {unknown}; choose from {', '.join(TOPIC_FEEDS)}", err=True)
                raise typer.Exit(2)
            options["topics"] = list(dict.fromkeys(topics))
            configure_channel(s, "bluesky_feed", actor, options=options)
    typer.echo("topic feeds: " + (", ".join(options.get("topics") or []) or "none"))


fediverse_app = typer.Typer(help="The community's fediverse account: boosts, link toots, take-downs.",
                            no_args_is_help=True)


@fediverse_app.command("publish")
def fediverse_publish(ctx: typer.Context):
    """One publisher run: reconcile, plan from the gate, boost/toot/undo (exactly once, rate limits honoured)."""
    from pipelines.fediverse import run_fediverse

    report = run_fediverse(_engine(ctx), _settings(ctx))
    if report.busy:
        typer.echo("another publisher is running on this channel; nothing done")
        return
    done = ", ".join(f"{n} {a}" for a, n in sorted(report.done.items())) or "nothing sent"
    typer.echo(f"{done}; reconciled {report.reconciled}, cancelled {report.cancelled}, "
               f"retrying {report.retried}, failed {report.failed}")
    if report.paused_until:
        typer.echo(f"paused by the instance's rate limit until {report.paused_until:%Y-%m-%d %H:%M:%S} UTC")
    for error in report.errors:
        typer.echo(f"error: {error}", err=True)
