"""The `peerfeed` command: a thin layer over the stages' Python functions."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from peerfeed.settings import Settings

app = typer.Typer(help="peerfeed: a curated, moderated feed of a peer-support community's conversation.",
                  no_args_is_help=True, add_completion=False)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
sources_app = typer.Typer(help="Configured sources (blogs, Mastodon, Bluesky).", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(sources_app, name="sources")


def _settings(ctx: typer.Context) -> Settings:
    return ctx.obj["settings"]


def _engine(ctx: typer.Context, upgrade_schema: bool = True):
    from store.db import make_engine, upgrade

    engine = make_engine(_settings(ctx).database_url)
    if upgrade_schema:
        upgrade(engine)
    return engine


@app.callback()
def main(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, "--db", help="Database URL (default: $PEERFEED_DATABASE_URL or sqlite:///data/peerfeed.db)."),
):
    """Global options."""
    overrides = {"database_url": db} if db else {}
    ctx.obj = {"settings": Settings(**overrides)}


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context, revision: str = typer.Argument("head")):
    """Create or migrate the schema to the latest revision."""
    from store.db import current_revision, make_engine, upgrade

    engine = make_engine(_settings(ctx).database_url)
    upgrade(engine, revision)
    typer.echo(f"database at revision {current_revision(engine)}")


@sources_app.command("list")
def sources_list(ctx: typer.Context, sources_file: Optional[Path] = typer.Option(None, "--sources")):
    """Sources with their health (after syncing the sources file, when there is one)."""
    from peerfeed.sources import load_sources
    from store.db import transaction
    from store.queries import sources_health
    from store.sources import sync_sources

    engine = _engine(ctx)
    path = sources_file or _settings(ctx).sources_file
    with transaction(engine) as s:
        if Path(path).exists():
            sync_sources(s, load_sources(path))
        rows = sources_health(s)
        for src, n in rows:
            health = src.last_status or "never fetched"
            if src.last_error:
                health += f" ({src.last_error_kind}: {src.last_error.splitlines()[0][:120]})"
            typer.echo(f"{src.name}\t{src.platform}/{src.kind}\t{'enabled' if src.enabled else 'disabled'}\t{n} posts\t{health}")


@sources_app.command("import-opml")
def sources_import_opml(ctx: typer.Context, file: Path, sources_file: Optional[Path] = typer.Option(None, "--sources")):
    """Add the blogs of an OPML blogroll to the sources file (existing names are kept)."""
    from peerfeed.sources import SourceConfigError, add_opml_to_file

    path = sources_file or _settings(ctx).sources_file
    try:
        added, found = add_opml_to_file(path, file.read_bytes())
    except SourceConfigError as exc:
        typer.echo(f"error: {file}: {exc}", err=True)
        raise typer.Exit(2)
    typer.echo(f"added {added} of {found} feeds to {path}")


@sources_app.command("export-opml")
def sources_export_opml(ctx: typer.Context, sources_file: Optional[Path] = typer.Option(None, "--sources")):
    """Print the blog sources as an OPML blogroll."""
    from peerfeed.sources import load_sources, sources_to_opml

    typer.echo(sources_to_opml(load_sources(sources_file or _settings(ctx).sources_file)), nl=False)


@app.command()
def collect(
    ctx: typer.Context,
    sources_file: Optional[Path] = typer.Option(None, "--sources", help="Sources YAML (default sources.yaml)."),
    only: Optional[str] = typer.Option(None, "--only", help="Collect just the source with this name."),
):
    """Collect new posts from every due source, locally (no server needed)."""
    from peerfeed.sources import SourceConfigError
    from pipelines.local import run_collect

    _engine(ctx)
    try:
        reports = run_collect(_settings(ctx), sources_file=sources_file, only=only)
    except (SourceConfigError, LookupError) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    from pipelines.collecting import summary

    for r in reports:
        line = f"{r.source}: {r.status}, {r.new} new, {r.updated} updated"
        if r.skipped:
            line += f", {r.skipped} skipped"
        if r.error:
            line += f" [{r.error_kind}] {r.error.splitlines()[0]}"
        typer.echo(line)
    typer.echo(summary(reports))
    if any(r.failed for r in reports):
        raise typer.Exit(1)


@app.command()
def stream(
    ctx: typer.Context,
    sources_file: Optional[Path] = typer.Option(None, "--sources", help="Sources YAML (default sources.yaml)."),
    duration: Optional[float] = typer.Option(None, "--for", help="Stop after this many seconds (default: run until stopped)."),
    status: bool = typer.Option(False, "--status", help="Print each stream's status and lag, then exit."),
    model_factory: Optional[str] = typer.Option(None, "--model-factory", hidden=True),
):
    """Follow every source live (Bluesky firehose, Mastodon streams; blogs polled every minute) and
    store, classify and alert as posts arrive. Stops cleanly on Ctrl-C or SIGTERM; resumes where it stopped."""
    from store.db import transaction
    from store.sources import stream_health

    engine = _engine(ctx)
    if status:
        with transaction(engine) as s:
            rows = stream_health(s)
        for h in rows:
            lag = f"{h.lag_s:.1f}s" if h.lag_s is not None else "-"
            silent = f"{h.silent_s:.0f}s ago" if h.silent_s is not None else "never"
            line = f"{h.name}\t{h.status}\tlag {lag}\tlast event {silent}\t{h.events_kept}/{h.events_seen} kept"
            typer.echo(line + (f"\t{h.last_error.splitlines()[0][:160]}" if h.last_error else ""))
        if not rows:
            typer.echo("no stream has run yet: start one with `peerfeed stream`")
        return

    import logging
    import signal
    import threading

    from peerfeed.sources import SourceConfigError, load_sources
    from pipelines.streaming import run_stream

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = _settings(ctx)
    path = sources_file or settings.sources_file
    try:
        configs = load_sources(path) if Path(path).exists() else None
    except SourceConfigError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2)
    model = None
    if model_factory:
        from pipelines.runtime import model_for

        model = model_for(model_factory)
    stop = threading.Event()
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, lambda *_: stop.set())
    report = run_stream(engine, settings, configs, model=model, stop=stop, duration_s=duration)
    typer.echo(f"{len(report.streams)} streams, {len(report.polled)} polled sources: {report.new} new, "
               f"{report.updated} updated, {report.deleted} deleted, {report.classified} classified, "
               f"{report.alerts_sent} alerts sent, {report.store_failures} deliveries not stored")
    if report.store_failures:
        raise typer.Exit(1)


@app.command()
def classify(
    ctx: typer.Context,
    file: str = typer.Argument("-", help="JSON lines {\"id\", \"text\"}; '-' for standard input."),
    stored: bool = typer.Option(False, "--stored", help="Instead, classify the database's unclassified posts."),
):
    """Classify texts: one JSON line out per JSON line in; bad lines are named and exit non-zero."""
    from classifier import load_model

    settings = _settings(ctx)
    model = load_model(settings.model_path)
    if stored:
        from pipelines.local import run_classify

        _engine(ctx)
        report = run_classify(settings, model)
        typer.echo(f"classified {report.classified}, held for review {report.held + report.failed}, failed {report.failed}")
        return
    from classifier.jsonl import classify_jsonl

    stream = sys.stdin if file == "-" else open(file, encoding="utf-8")
    try:
        errors = classify_jsonl(stream, sys.stdout, model)
    finally:
        if stream is not sys.stdin:
            stream.close()
    for e in errors:
        typer.echo(f"error: {e}", err=True)
    if errors:
        raise typer.Exit(1)


@app.command()
def export(ctx: typer.Context, format: str = typer.Option("jsonl", "--format", help="Only jsonl for now.")):
    """Every post with its classification and review state."""
    if format != "jsonl":
        typer.echo(f"error: unknown format {format!r}; use jsonl", err=True)
        raise typer.Exit(2)
    from store.db import transaction
    from store.queries import export_rows

    engine = _engine(ctx)
    with transaction(engine) as s:
        for row in export_rows(s):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command("digest")
def digest_cmd(ctx: typer.Context, period: str = typer.Option("daily", "--period", help="daily or weekly.")):
    """Publish approved posts as an Atom feed and a static HTML page under the site folder."""
    from pipelines.digest import publish_digest

    if period not in ("daily", "weekly"):
        typer.echo(f"error: unknown period {period!r}; use daily or weekly", err=True)
        raise typer.Exit(2)
    paths = publish_digest(_engine(ctx), _settings(ctx), period=period)
    typer.echo(f"{paths.entries} posts -> {paths.atom} and {paths.html}")


@app.command("themes")
def themes_cmd(
    ctx: typer.Context,
    day: Optional[str] = typer.Option(None, "--day", help="YYYY-MM-DD (UTC); default yesterday."),
    period: str = typer.Option("day", "--period", help="day or week."),
):
    """Store the theme snapshot (topic volumes, emerging terms, distress rates; counts under 5 suppressed)."""
    from datetime import date, datetime, timedelta, timezone

    from pipelines.themes import snapshot_themes

    try:
        when = date.fromisoformat(day) if day else (datetime.now(timezone.utc).date() - timedelta(days=1))
    except ValueError:
        typer.echo(f"error: --day must be YYYY-MM-DD, got {day!r}", err=True)
        raise typer.Exit(2)
    if period not in ("day", "week"):
        typer.echo(f"error: unknown period {period!r}; use day or week", err=True)
        raise typer.Exit(2)
    summary = snapshot_themes(_engine(ctx), when, period=period)
    typer.echo(f"{period} of {when}: {summary.post_count} posts; topics {summary.topic_volumes}")


@app.command("alerts")
def alerts_cmd(ctx: typer.Context):
    """Send any alerts owed: high or crisis posts, a rise in level, posts the model could not read (no post text)."""
    from pipelines.alerts import channels, send_alerts

    settings = _settings(ctx)
    if not channels(settings):
        typer.echo("alerts are off: set PEERFEED_ALERT_WEBHOOK_URL and/or PEERFEED_SMTP_HOST + PEERFEED_ALERT_EMAIL_TO")
        return
    report = send_alerts(_engine(ctx), settings)
    typer.echo(f"sent {report.sent}, failed {report.failed}")
    for e in report.errors:
        typer.echo(f"error: {e}", err=True)
    if report.failed:
        raise typer.Exit(1)


@app.command("check-deletions")
def check_deletions_cmd(ctx: typer.Context, per_source: int = typer.Option(40, "--per-source")):
    """Re-check recent Mastodon and Bluesky posts: erase the ones deleted upstream, store edits."""
    from pipelines.deletions import check_deletions, summary

    reports = check_deletions(_engine(ctx), _settings(ctx), per_source=per_source)
    for r in reports:
        line = f"{r.source}: checked {r.checked}, erased {r.erased}, updated {r.updated}"
        if r.unchecked:
            line += f", {len(r.unchecked)} not checkable"
        typer.echo(line + (f" [{r.error_kind}] {r.error}" if r.error else ""))
        for item in r.unchecked:
            typer.echo(f"  not checked: {item}")
    typer.echo(summary(reports))
    if any(r.failed for r in reports):
        raise typer.Exit(1)


@app.command()
def dashboard(ctx: typer.Context, port: int = typer.Option(8501, "--port"), host: str = typer.Option("127.0.0.1", "--host")):
    """Open the Streamlit dashboard."""
    from dashboard.launch import run_dashboard

    _engine(ctx)
    raise typer.Exit(run_dashboard(_settings(ctx), port=port, host=host))


@app.command()
def demo(
    ctx: typer.Context,
    port: int = typer.Option(8501, "--port"),
    no_dashboard: bool = typer.Option(False, "--no-dashboard", help="Collect and classify the samples, then stop."),
):
    """Serve the bundled samples on 127.0.0.1, collect, classify and open the dashboard (no network needed)."""
    from peerfeed.demo import prepare_demo

    settings = _settings(ctx)
    summary = prepare_demo(settings, echo=typer.echo)
    if no_dashboard:
        return
    from dashboard.launch import run_dashboard

    typer.echo(f"\nOpening the dashboard at http://127.0.0.1:{port}  (Ctrl-C to stop)")
    for line in summary.sign_in_lines:
        typer.echo(line)
    raise typer.Exit(run_dashboard(settings, port=port))


model_app = typer.Typer(help="Train and evaluate the classifier.", no_args_is_help=True)
app.add_typer(model_app, name="model")


@model_app.command("train")
def model_train(
    ctx: typer.Context,
    with_reviews: bool = typer.Option(False, "--with-reviews", help="Add the moderators' labels from the database."),
    extra: Optional[Path] = typer.Option(None, help="JSON lines of labels {text, distress, topics}."),
    out: Optional[Path] = typer.Option(None, help="Where to write the model (default: the shipped model file)."),
    no_public: bool = typer.Option(False, "--no-public", help="Train on the community corpus only."),
    force: bool = typer.Option(False, help="Write even if level>=2 recall dropped."),
    min_labels: int = typer.Option(20, "--min-labels", help="With --with-reviews: fewest labels worth a retrain."),
):
    """Train a model; it replaces the current one only if its level>=2 recall does not drop."""
    if not with_reviews:
        from classifier.cli import train

        train(extra=extra, out=out, no_public=no_public, force=force)
        return
    from pipelines.retraining import retrain_from_labels

    settings = _settings(ctx)
    if out is not None:
        settings = settings.model_copy(update={"model_path": out})
    report = retrain_from_labels(_engine(ctx), settings, min_labels=min_labels)
    typer.echo(f"{report.labels} moderator labels ({report.skipped_labels} skipped): {report.reason}")
    if report.promoted:
        typer.echo(f"promoted {report.candidate_version} over {report.current_version}; saved to {report.saved_to}")
    elif report.trained:
        typer.echo(f"not promoted: {report.current_version} stays", err=True)
        raise typer.Exit(2)


@model_app.command("evaluate")
def model_evaluate(
    model_path: Optional[Path] = typer.Option(None, "--model", help="A skops model file (default: shipped)."),
    public: bool = typer.Option(True, help="Also evaluate on the public test splits when present."),
    recipe: bool = typer.Option(True, help="Also train and test the recipe on each public set (slower)."),
):
    """Per-class precision/recall/F1, confusion matrices and level>=2 recall."""
    from classifier.cli import evaluate

    evaluate(model_path=model_path, public=public, recipe=recipe)


def _mount_optional() -> None:
    """Sub-commands owned by other stages (users)."""
    try:
        from dashboard.cli import users_app

        app.add_typer(users_app, name="users", help="Local dashboard accounts.")
    except ImportError:
        pass


_mount_optional()


if __name__ == "__main__":
    app()
