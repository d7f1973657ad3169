"""The digest's Atom files, as the dashboard serves and links them.

The digest flow (pipelines/digest.py) writes `<site_dir>/digest/<period>.atom` through the
publication gate, and records each file so a post that stops being cleared is taken out of it at
once. The dashboard serves those very files at `/digest/<period>.atom` (dashboard/server.py): the
address the feeds name as their own (`rel="self"`, under `public_base_url`). Nothing here reads
posts; it only finds files.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

# The periods the digest flow writes (pipelines/digest.PERIODS), the one a reader is offered first.
FEED_PERIODS = ("weekly", "daily")
ATOM_TYPE = "application/atom+xml; charset=utf-8"


@dataclass(frozen=True)
class DigestFeed:
    period: str
    path: Path
    href: str  # where the dashboard serves it
    title: str
    updated: str  # when the file was last written, for display


def feed_file(site_dir: Path, period: str) -> Path | None:
    """The Atom file of one period if the flow has written it; None for any other name (so a
    request can never reach another file of the site folder)."""
    if period not in FEED_PERIODS:
        return None
    path = Path(site_dir) / "digest" / f"{period}.atom"
    return path if path.is_file() else None


def digest_feed(settings) -> DigestFeed | None:
    """The feed to offer readers: the weekly one, else the daily one, else None (not built yet)."""
    for period in FEED_PERIODS:
        path = feed_file(settings.site_dir, period)
        if path is not None:
            when = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
            return DigestFeed(period, path, f"/digest/{period}.atom", f"{period.capitalize()} digest",
                              "updated " + when.strftime("%d %b %Y, %H:%M UTC"))
    return None
