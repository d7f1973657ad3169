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
    import yaml

    from peerfeed.sources import SourceConfigError, sources_from_opml

    path = sources_file or _settings(ctx).sources_file
    try:
        found = sources_from_opml(file.read_bytes())
    except SourceConfigError as exc:
        typer.echo(f"error: {file}: {exc}", err=True)
        raise typer.Exit(2)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    data = data or {"sources": []}
    names = {e.get("name") for e in data["sources"]}
    urls = {e.get("url") for e in data["sources"]}
    added = 0
    for s in found:
        if s.name in names or s.url in urls:
            continue
        entry = {"name": s.name, "platform": "rss", "url": s.url}
        if s.options:
            entry["options"] = s.options
        data["sources"].append(entry)
        added += 1
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    typer.echo(f"added {added} of {len(found)} feeds to {path}")


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
    for r in reports:
        line = f"{r.source}: {r.status}, {r.new} new, {r.updated} updated"
        if r.error:
            line += f" [{r.error_kind}] {r.error.splitlines()[0]}"
        typer.echo(line)
    failed = sum(r.error is not None for r in reports)
    typer.echo(f"{len(reports)} sources, {sum(r.new for r in reports)} new posts, {failed} failed")


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


def _mount_optional() -> None:
    """Sub-commands owned by other stages (model, users)."""
    try:
        from classifier.cli import model_app

        app.add_typer(model_app, name="model", help="Train and evaluate the classifier.")
    except ImportError:
        pass
    try:
        from dashboard.cli import users_app

        app.add_typer(users_app, name="users", help="Local dashboard accounts.")
    except ImportError:
        pass


_mount_optional()


if __name__ == "__main__":
    app()
