"""The `peerfeed` command: a thin layer over the stages' Python functions.

Every failure ends as one `error: ...` line (peerfeed/cli_errors.py): exit 2 for a usage problem,
1 for a failure; `--debug` shows the traceback of an unexpected one. Only `peerfeed db upgrade`
migrates a database; the other commands create a new, empty one and refuse an old one.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Literal, Optional, overload

import typer

from peerfeed import __version__
from peerfeed.cli_errors import CommandError, OneLineErrors, UsageProblem
from peerfeed.settings import Settings

app = typer.Typer(cls=OneLineErrors, help="peerfeed: a curated, moderated feed of a peer-support community's conversation.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)
db_app = typer.Typer(help="Database schema.", no_args_is_help=True)
sources_app = typer.Typer(help="Configured sources (blogs, Mastodon, Bluesky).", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(sources_app, name="sources")


def _settings(ctx: typer.Context) -> Settings:
    return ctx.obj["settings"]


def _engine(ctx: typer.Context):
    """The database engine, its schema current (a new database is created; an old one refused)."""
    from store.db import ensure_schema, make_engine

    engine = make_engine(_settings(ctx).database_url)
    ensure_schema(engine)
    return engine


def _input_file(path: Path, what: str) -> Path:
    """`path` when it is a file we can open; else a usage error naming it."""
    if not path.exists():
        raise UsageProblem(f"{what} {path} does not exist")
    if not path.is_file():
        raise UsageProblem(f"{what} {path} is not a file")
    return path


@overload
def _sources_path(ctx: typer.Context, given: Optional[Path], required: Literal[True]) -> Path: ...
@overload
def _sources_path(ctx: typer.Context, given: Optional[Path], required: Literal[False]) -> Path | None: ...
def _sources_path(ctx: typer.Context, given: Optional[Path], required: bool) -> Path | None:
    """The sources file: `--sources` (must exist), else PEERFEED_SOURCES_FILE (None when absent
    and not `required`)."""
    if given is not None:
        return _input_file(given, "sources file")
    default = Path(_settings(ctx).sources_file)
    if default.is_file():
        return default
    if required:
        raise UsageProblem(f"no sources file at {default}: copy sources.example.yaml there, "
                           "or pass --sources FILE (or set PEERFEED_SOURCES_FILE)")
    return None


def _load_model(path: Optional[Path]):
    """The classifier at `path` (None: the shipped one), or one line saying why it cannot be used."""
    from classifier import load_model
    from classifier.model import ModelFileError

    try:
        return load_model(path)
    except Exception as exc:  # noqa: BLE001 - any failure here is the model file's, said in one line
        where = path or "the shipped model file"
        if isinstance(exc, FileNotFoundError):
            reason = "no such file"
        elif isinstance(exc, ModelFileError):  # our own check's words: they name the part, never data
            reason = str(exc)
        else:
            reason = f"not a usable skops model file ({type(exc).__name__})"
        raise CommandError(f"cannot load the classifier model from {where}: {reason}; "
                           "fix PEERFEED_MODEL_PATH, or unset it to use the shipped model") from None


def _version(value: bool) -> None:
    if value:
        typer.echo(f"peerfeed {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    db: Optional[str] = typer.Option(None, "--db", help="Database URL (default: $PEERFEED_DATABASE_URL or sqlite:///data/peerfeed.db)."),
    debug: bool = typer.Option(False, "--debug", help="Log at DEBUG and show the traceback of an unexpected error."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
):
    """Global options."""
    from peerfeed.logs import configure_logging

    ctx.obj = {"debug": debug}
    settings = Settings(database_url=db) if db else Settings()
    ctx.obj["settings"] = settings
    configure_logging(settings, level="DEBUG" if debug else None)


@db_app.command("upgrade")
def db_upgrade(ctx: typer.Context, revision: str = typer.Argument("head", help="A revision id, or head.")):
    """Create or migrate the schema (back up the database first); the only command that migrates."""
    from alembic.util import CommandError as AlembicError

    from store.db import current_revision, known_revisions, make_engine, upgrade

    engine = make_engine(_settings(ctx).database_url)
    try:
        upgrade(engine, revision)
    except AlembicError:
        raise UsageProblem(f"unknown revision {revision!r}; use head or one of {', '.join(known_revisions())}") from None
    typer.echo(f"database at revision {current_revision(engine)}")


@sources_app.command("list")
def sources_list(ctx: typer.Context, sources_file: Optional[Path] = typer.Option(None, "--sources")):
    """Sources with their health: status, last fetch, next attempt (reads only; writes nothing).

    Sources in the sources file that no collect has stored yet are listed as "not collected yet".
    """
    from peerfeed.sources import load_sources
    from store.db import transaction
    from store.queries import sources_health

    engine = _engine(ctx)
    path = _sources_path(ctx, sources_file, required=False)
    configs = load_sources(path) if path else []
    with transaction(engine) as s:
        rows = sources_health(s)
        stored = {src.name for src, _ in rows}
        for src, n in rows:
            typer.echo("\t".join([src.name, f"{src.platform}/{src.kind}", "enabled" if src.enabled else "disabled",
                                  f"{n} posts", _health(src)]))
    for cfg in configs:
        if cfg.name not in stored:
            typer.echo("\t".join([cfg.name, f"{cfg.platform.value}/{cfg.kind}", "enabled" if cfg.enabled else "disabled",
                                  "0 posts", "not collected yet"]))


def _health(src) -> str:
    """A source's health in one cell: status, when last fetched, when it is tried next."""
    from store.models import utcnow

    if not src.last_status:
        return "never fetched"
    health = f"{src.last_status}, last fetch {src.last_fetched_at:%Y-%m-%d %H:%M} UTC" if src.last_fetched_at else src.last_status
    if src.next_attempt_at and src.next_attempt_at > utcnow():
        health += f", next attempt {src.next_attempt_at:%Y-%m-%d %H:%M} UTC"
    if src.last_error:
        health += f" ({src.last_error_kind}, {src.consecutive_failures} in a row: {src.last_error.splitlines()[0][:120]})"
    return health


@sources_app.command("import-opml")
def sources_import_opml(ctx: typer.Context, file: Path, sources_file: Optional[Path] = typer.Option(None, "--sources")):
    """Add the blogs of an OPML blogroll to the sources file (existing names are kept)."""
    from peerfeed.sources import SourceConfigError, add_opml_to_file

    path = sources_file or _settings(ctx).sources_file
    data = _input_file(file, "OPML file").read_bytes()
    try:
        added, found = add_opml_to_file(path, data)
    except SourceConfigError as exc:
        raise UsageProblem(f"{file}: {exc}") from None
    typer.echo(f"added {added} of {found} feeds to {path}")


@sources_app.command("export-opml")
def sources_export_opml(ctx: typer.Context, sources_file: Optional[Path] = typer.Option(None, "--sources")):
    """Print the blog sources as an OPML blogroll."""
    from peerfeed.sources import load_sources, sources_to_opml

    typer.echo(sources_to_opml(load_sources(_sources_path(ctx, sources_file, required=True))), nl=False)


@app.command()
def collect(
    ctx: typer.Context,
    sources_file: Optional[Path] = typer.Option(None, "--sources", help="Sources YAML (default sources.yaml)."),
    only: Optional[str] = typer.Option(None, "--only", help="Collect just the source with this name."),
):
    """Collect new posts from every due source, locally (no server needed)."""
    from peerfeed.sources import load_sources
    from pipelines.local import run_collect

    path = _sources_path(ctx, sources_file, required=False)
    configs = load_sources(path) if path else None
    _engine(ctx)
    try:
        reports = run_collect(_settings(ctx), configs=configs, only=only)
    except LookupError as exc:
        raise UsageProblem(f"{exc.args[0] if exc.args else exc}; see `peerfeed sources list`") from None
    from pipelines.collecting import summary

    for r in reports:
        line = f"{r.source}: {r.status}, {r.new} new, {r.updated} updated"
        if r.skipped:
            line += f", {r.skipped} skipped"
        if r.error:
            line += f" [{r.error_kind}] {r.error.splitlines()[0]}"
        typer.echo(line)
    line = summary(reports)
    waiting = _waiting_sources(ctx, {r.source for r in reports}) if not only else []
    for wait in waiting:
        typer.echo(wait)
    if waiting:
        line += f"; {len(waiting)} more in error or backoff, not tried this time"
    typer.echo(line)
    if any(r.failed for r in reports):
        raise typer.Exit(1)


def _waiting_sources(ctx: typer.Context, fetched: set[str]) -> list[str]:
    """One line per source skipped this run because it failed before and waits (backoff)."""
    from store.db import transaction
    from store.models import utcnow
    from store.queries import sources_in_error_or_backoff

    now = utcnow()
    with transaction(_engine(ctx)) as s:
        return [f"{src.name}: waiting until {src.next_attempt_at:%Y-%m-%d %H:%M} UTC"
                + (f" [{src.last_error_kind}] {src.last_error.splitlines()[0][:200]}" if src.last_error else "")
                for src in sources_in_error_or_backoff(s, now)
                if src.name not in fetched and src.next_attempt_at and src.next_attempt_at > now]


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

    import signal
    import threading

    from peerfeed.sources import load_sources
    from pipelines.streaming import run_stream

    settings = _settings(ctx)
    path = sources_file or settings.sources_file
    configs = load_sources(path) if Path(path).exists() else None  # a bad file: one line (cli_errors)
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
    settings = _settings(ctx)
    if not stored and file != "-":
        _input_file(Path(file), "input file")
    model = _load_model(settings.model_path)
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
        raise UsageProblem(f"unknown format {format!r}; use jsonl")
    from store.db import transaction
    from store.queries import export_rows

    engine = _engine(ctx)
    with transaction(engine) as s:
        for row in export_rows(s):
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")


@app.command("digest")
def digest_cmd(ctx: typer.Context, period: str = typer.Option("daily", "--period", help="daily or weekly.")):
    """Publish cleared posts as an Atom feed and a static HTML page under the site folder."""
    from pipelines.digest import publish_digest

    if period not in ("daily", "weekly"):
        raise UsageProblem(f"unknown period {period!r}; use daily or weekly")
    paths = publish_digest(_engine(ctx), _settings(ctx), period=period)
    typer.echo(f"{paths.entries} posts -> {paths.atom} and {paths.html}")


FIRST_THEMES_DAY = date(2000, 1, 1)  # long before any platform peerfeed reads; bounds the date arithmetic


@app.command("themes")
def themes_cmd(
    ctx: typer.Context,
    day: Optional[str] = typer.Option(None, "--day", help="YYYY-MM-DD (UTC); default yesterday."),
    period: str = typer.Option("day", "--period", help="day or week."),
):
    """Store the theme snapshot (topic volumes, emerging terms, distress rates; counts under 5 suppressed)."""
    from datetime import datetime, timedelta, timezone

    from pipelines.themes import snapshot_themes

    today = datetime.now(timezone.utc).date()
    try:
        when = date.fromisoformat(day) if day else (today - timedelta(days=1))
    except ValueError:
        raise UsageProblem(f"--day must be a date YYYY-MM-DD, got {day!r}") from None
    if not FIRST_THEMES_DAY <= when <= today:
        raise UsageProblem(f"--day {when} is outside {FIRST_THEMES_DAY} to today ({today}); give a past UTC day")
    if period not in ("day", "week"):
        raise UsageProblem(f"unknown period {period!r}; use day or week")
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


@app.command("status")
def status_cmd(
    ctx: typer.Context,
    check: bool = typer.Option(False, "--check", help="Exit 1 when something needs attention (for monitoring)."),
):
    """Queue sizes, unclassified posts, failed alerts, sources in error or backoff, stuck runs."""
    from store.db import transaction
    from store.models import utcnow
    from store.queries import store_status

    now = utcnow()
    with transaction(_engine(ctx)) as s:
        st = store_status(s, now)
        waiting = [(src.name, src.last_status, src.last_error_kind, src.consecutive_failures, src.next_attempt_at)
                   for src in st.sources_waiting]
    names = {"3": "crisis", "2": "high", "1": "concern", "0": "none", "failed": "unreadable"}
    queue = ", ".join(f"{names.get(k, k)} {n}" for k, n in sorted(st.queue.items(), key=lambda kv: kv[0] == "failed"))
    typer.echo(f"review queue: {sum(st.queue.values())} waiting" + (f" ({queue})" if queue else ""))
    typer.echo(f"unclassified posts: {st.unclassified}")
    typer.echo(f"failed alerts (retried by the next alert run): {st.failed_alerts}")
    typer.echo(f"sources in error or backoff: {len(waiting)}")
    for name, status, kind, failures, next_at in waiting:
        when = f", next attempt {next_at:%Y-%m-%d %H:%M} UTC" if next_at and next_at > now else ""
        typer.echo(f"  {name}: {status or 'waiting'}" + (f" ({kind}, {failures} in a row)" if kind else "") + when)
    typer.echo(f"fetch runs left running by a dead process: {len(st.stuck_fetch_runs)}")
    for name, started in st.stuck_fetch_runs:
        typer.echo(f"  {name}: since {started:%Y-%m-%d %H:%M} UTC (marked interrupted by the next collect)")
    stuck_flows = _stuck_flow_runs()
    if stuck_flows is None:
        typer.echo("flow runs stuck in Running: not checked (PREFECT_API_URL is not set)")
    else:
        typer.echo(f"flow runs stuck in Running: {len(stuck_flows)}")
        for run in stuck_flows:
            typer.echo(f"  {run.flow} run {run.run_name}: since {run.started:%Y-%m-%d %H:%M} UTC "
                       "(the next flow run marks it Crashed)")
    trouble = st.failed_alerts or waiting or st.stuck_fetch_runs or stuck_flows
    if check and trouble:
        raise typer.Exit(1)


def _stuck_flow_runs():
    """Stuck runs on the Prefect server PREFECT_API_URL names; None when none is configured (asking
    Prefect without one would start a temporary server, which knows no runs)."""
    from prefect.settings import PREFECT_API_URL

    if not PREFECT_API_URL.value():
        return None
    from pipelines.stuck_runs import reconcile_stuck_runs

    try:
        return reconcile_stuck_runs(dry_run=True)
    except Exception as exc:  # noqa: BLE001 - the server being down is itself the answer
        raise CommandError(f"cannot ask the Prefect server at {PREFECT_API_URL.value()} for stuck runs: "
                           f"{type(exc).__name__}") from None


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
def dashboard(ctx: typer.Context, port: int = typer.Option(8501, "--port", min=1, max=65535),
              host: str = typer.Option("127.0.0.1", "--host")):
    """Open the Streamlit dashboard."""
    from dashboard.launch import run_dashboard

    _engine(ctx)
    raise typer.Exit(run_dashboard(_settings(ctx), port=port, host=host))


@app.command()
def demo(
    ctx: typer.Context,
    port: int = typer.Option(8501, "--port", min=1, max=65535),
    no_dashboard: bool = typer.Option(False, "--no-dashboard", help="Collect and classify the samples, then stop."),
):
    """Serve the bundled samples on 127.0.0.1, collect, classify and open the dashboard (no network needed)."""
    from peerfeed.demo import prepare_demo

    settings = _settings(ctx)
    summary = prepare_demo(settings, echo=typer.echo)
    if no_dashboard:
        return
    from dashboard.launch import run_dashboard
    from peerfeed.demo_channels import start_channels
    from store.db import make_engine

    typer.echo("")
    start_channels(make_engine(settings.database_url), settings, echo=typer.echo)  # served while the dashboard runs
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
    out: Optional[Path] = typer.Option(None, help="Where to write the model (default: PEERFEED_MODEL_PATH)."),
    no_public: bool = typer.Option(False, "--no-public", help="Train on the community corpus only."),
    force: bool = typer.Option(False, help="Write even if level>=2 recall dropped."),
    min_labels: int = typer.Option(20, "--min-labels", help="With --with-reviews: fewest labels worth a retrain."),
):
    """Train a model; it replaces the current one only if its level>=2 recall does not drop.

    The model is written to --out or PEERFEED_MODEL_PATH (which classify reads), never into the
    installed package.
    """
    settings = _settings(ctx)
    try:
        target = settings.model_to_train(out)
    except ValueError as exc:
        raise UsageProblem(str(exc)) from None
    if extra is not None:
        _input_file(extra, "labels file")
    if not with_reviews:
        from classifier.cli import train

        train(extra=extra, out=target, no_public=no_public, force=force)
        return
    from pipelines.retraining import retrain_from_labels

    settings = settings.model_copy(update={"model_path": target})
    report = retrain_from_labels(_engine(ctx), settings, min_labels=min_labels)
    typer.echo(f"{report.labels} moderator labels ({report.skipped_labels} skipped): {report.reason}")
    if report.promoted:
        typer.echo(f"promoted {report.candidate_version} over {report.current_version}; saved to {report.saved_to}")
    elif report.trained:
        typer.echo(f"not promoted: {report.current_version} stays", err=True)
        raise typer.Exit(2)


@model_app.command("evaluate")
def model_evaluate(
    ctx: typer.Context,
    model_path: Optional[Path] = typer.Option(None, "--model", help="A skops model file (default: PEERFEED_MODEL_PATH, else the shipped one)."),
    public: bool = typer.Option(True, help="Also evaluate on the public test splits when present."),
    recipe: bool = typer.Option(True, help="Also train and test the recipe on each public set (slower)."),
):
    """Per-class precision/recall/F1, confusion matrices and level>=2 recall."""
    from classifier.cli import evaluate

    path = model_path or _settings(ctx).model_path
    _load_model(path)  # one clear line when the file is missing or broken
    evaluate(model_path=path, public=public, recipe=recipe)


from peerfeed.channels_cli import email_app, feedgen_app, fediverse_app  # noqa: E402 - docs/channels.md

app.add_typer(feedgen_app, name="feedgen")
app.add_typer(fediverse_app, name="fediverse")
app.add_typer(email_app, name="email")


def _mount_users() -> None:
    """`peerfeed users ...` lives with the accounts it manages (dashboard/cli.py)."""
    from dashboard.cli import users_app

    app.add_typer(users_app, name="users", help="Local dashboard accounts.")


_mount_users()


if __name__ == "__main__":
    app()
