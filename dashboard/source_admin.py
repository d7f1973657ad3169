"""Adding, disabling and importing sources from the dashboard.

The sources file (settings.sources_file, YAML) stays the one place sources are configured, as for
the CLI: each change is written there (atomically) and then synced into the database with
store.sources.sync_sources, so the next collect run and `peerfeed sources list` agree with the page.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from peerfeed.settings import Settings
from peerfeed.sources import (SourceConfig, SourceConfigError, add_opml_to_file, load_sources, parse_source,
                              read_sources_data, source_entry, write_sources_data)
from store.db import transaction
from store.sources import sync_sources


def _write_and_sync(path: Path, data: dict, engine: Engine) -> None:
    write_sources_data(path, data)
    with transaction(engine) as s:
        sync_sources(s, load_sources(path))


def add_source(settings: Settings, engine: Engine, name: str, platform: str, url: str, kind: str | None = None,
               options: dict | None = None) -> SourceConfig:
    """Add one source (validated like the file); raise SourceConfigError for a bad or duplicate one."""
    cfg = parse_source({"name": name.strip(), "platform": platform, "url": url.strip(), "kind": kind,
                        "options": options or {}}, "new source")
    path = Path(settings.sources_file)
    data = read_sources_data(path)
    if any(e.get("name") == cfg.name for e in data["sources"]):
        raise SourceConfigError(f"a source called {cfg.name!r} already exists")
    if any(e.get("url") == cfg.url and e.get("options", {}) == cfg.options for e in data["sources"]):
        raise SourceConfigError(f"{cfg.url} is already a source")
    data["sources"].append(source_entry(cfg))
    _write_and_sync(path, data, engine)
    return cfg


def set_enabled(settings: Settings, engine: Engine, name: str, enabled: bool) -> None:
    """Enable or disable a source by name (kept in the file, so a later sync does not undo it)."""
    path = Path(settings.sources_file)
    data = read_sources_data(path)
    for entry in data["sources"]:
        if entry.get("name") == name:
            if enabled:
                entry.pop("enabled", None)
            else:
                entry["enabled"] = False
            _write_and_sync(path, data, engine)
            return
    raise SourceConfigError(f"{name!r} is not in {path}; edit that file to change it")


def import_opml(settings: Settings, engine: Engine, opml: bytes) -> tuple[int, int]:
    """Add the blogs of an OPML blogroll; returns (added, found). Known names and URLs are skipped."""
    path = Path(settings.sources_file)
    added, found = add_opml_to_file(path, opml)
    if added:
        with transaction(engine) as s:
            sync_sources(s, load_sources(path))
    return added, found
