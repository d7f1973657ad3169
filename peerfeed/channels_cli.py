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
    from store.db import ensure_schema, make_engine

    engine = make_engine(_settings(ctx).database_url)
    ensure_schema(engine)  # only `peerfeed db upgrade` migrates an existing database
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
        raise typer.Exit(2) from None
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


@fediverse_app.command("preview")
def fediverse_preview(ctx: typer.Context):
    """What the next run would boost, toot or take down, with each toot's text; nothing is sent or recorded."""
    from pipelines.fediverse import preview_outbox

    actions = preview_outbox(_engine(ctx), _settings(ctx))
    for block in actions:
        typer.echo(block + "\n")
    typer.echo(f"{len(actions)} actions would be carried out by `peerfeed fediverse publish`.")


email_app = typer.Typer(help="The weekly email: sign-up pages, sending, a preview.", no_args_is_help=True)


@email_app.command("serve")
def email_serve(ctx: typer.Context, host: str = typer.Option("127.0.0.1", "--host"),
                port: int = typer.Option(8504, "--port")):
    """Serve the sign-up, confirm and one-click unsubscribe pages (at PEERFEED_EMAIL_BASE_URL)."""
    from pipelines.email_pages import email_pages_app
    from pipelines.web import serve

    typer.echo(f"Weekly email pages on http://{host}:{port}/ (emails link to {_settings(ctx).email_base_url})")
    serve(email_pages_app(_engine(ctx), _settings(ctx)), host, port)


@email_app.command("send")
def email_send(ctx: typer.Context):
    """Send last week's email to every confirmed subscriber not yet sent it (moderator-reviewed posts only)."""
    from pipelines.newsletter import send_weekly_email

    settings = _settings(ctx)
    if not settings.smtp_host:
        typer.echo("error: set PEERFEED_SMTP_HOST (and PEERFEED_EMAIL_FROM) to send the weekly email", err=True)
        raise typer.Exit(2)
    report = send_weekly_email(_engine(ctx), settings)
    typer.echo(f"{report.key}: {report.posts} posts; sent {report.sent}, failed {report.failed}"
               + (f", {report.interrupted} interrupted earlier (not sent again)" if report.interrupted else ""))
    for error in report.errors[:10]:
        typer.echo(f"error: {error}", err=True)
    if report.failed:
        raise typer.Exit(1)


@email_app.command("preview")
def email_preview(ctx: typer.Context, out: Optional[str] = typer.Option(None, "--out",
                  help="Folder for weekly.html and weekly.txt (default: <site folder>/email).")):
    """Render the email due next Monday (this week's reviewed posts so far) to files; nothing is sent."""
    from pathlib import Path

    from pipelines.newsletter import preview_weekly

    settings = _settings(ctx)
    folder = Path(out) if out else Path(settings.site_dir) / "email"
    paths, count = preview_weekly(_engine(ctx), settings, folder)
    typer.echo(f"{count} moderator-reviewed posts -> {paths[0]} and {paths[1]}")


@email_app.command("subscribers")
def email_subscribers(ctx: typer.Context):
    """How many readers have confirmed, and how many sign-ups wait for confirmation (no addresses shown)."""
    from store.db import transaction
    from store.subscribers import subscriber_counts

    with transaction(_engine(ctx)) as s:
        counts = subscriber_counts(s)
    typer.echo(f"{counts['confirmed']} confirmed, {counts['waiting']} waiting for confirmation")
