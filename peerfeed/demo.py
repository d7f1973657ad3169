"""`peerfeed demo`: the bundled samples, played by a local server, collected, classified, shown.

Everything runs on 127.0.0.1 from files in the repository, so the demo works with no network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from peerfeed.sample_server import SAMPLES_DIR, SampleServer
from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig, parse_source

DEMO_SOURCES = SAMPLES_DIR / "sources.yaml"
PLACEHOLDER = "{samples}"


@dataclass
class DemoSummary:
    collected: int = 0
    failed_sources: list[str] = field(default_factory=list)
    classified: int = 0
    held: int = 0
    sign_in_lines: list[str] = field(default_factory=list)


def demo_sources(base_url: str, path: Path = DEMO_SOURCES) -> list[SourceConfig]:
    """The sample sources, pointed at the sample server's address."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for i, entry in enumerate(data["sources"]):
        entry = dict(entry, url=str(entry["url"]).replace(PLACEHOLDER, base_url))
        out.append(parse_source(entry, f"{path} entry {i + 1}"))
    return out


def prepare_demo(settings: Settings, echo: Callable[[str], None] = print) -> DemoSummary:
    """Migrate, collect the samples through the real collectors, classify, and make demo accounts."""
    from pipelines.local import run_classify, run_collect
    from store.db import current_revision, make_engine, safe_url, upgrade

    engine = make_engine(settings.database_url)
    upgrade(engine)  # the demo's own database: migrated explicitly, as `peerfeed db upgrade` does
    echo(f"Database {safe_url(settings.database_url)} at schema revision {current_revision(engine)}")
    summary = DemoSummary()
    with SampleServer() as server:
        echo(f"Serving the bundled samples at {server.url}")
        # The sample server moves port each run: no backoff or validators carry over between demos.
        reports = run_collect(settings, configs=demo_sources(server.url))
    for r in reports:
        echo(f"  {r.source}: {r.status}, {r.new} new" + (f" [{r.error_kind}] {r.error}" if r.error else ""))
        summary.collected += r.new
        if r.error:
            summary.failed_sources.append(r.source)
    report = run_classify(settings)
    summary.classified, summary.held = report.classified, report.held + report.failed
    echo(f"Classified {report.classified} posts; {summary.held} held for review")
    from pipelines.digest import publish_digest

    for period in ("daily", "weekly"):
        paths = publish_digest(engine, settings, period=period)
    echo(f"Published the digest feed: {paths.atom}")
    from dashboard.accounts import ensure_demo_users
    from peerfeed.demo_channels import write_previews

    for line in write_previews(engine, settings):  # the channels' outputs (docs/channels.md)
        echo(line)
    for username, role, password in ensure_demo_users(engine):
        summary.sign_in_lines.append(f"  sign in as {username} / {password}  ({role})")
    engine.dispose()
    return summary
