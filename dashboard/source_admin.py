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
from store.sources import set_source_enabled, sync_sources


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


FILE, DATABASE = "file", "database"  # where set_enabled saved the change


def set_enabled(settings: Settings, engine: Engine, name: str, enabled: bool) -> str:
    """Enable or disable a source by name; returns where the change was saved.

    A source in the sources file is changed there (so a later sync does not undo it) and synced;
    one that exists only in the database (the demo's own sources) is changed in the database.
    """
    path = Path(settings.sources_file)
    data = read_sources_data(path)
    for entry in data["sources"]:
        if entry.get("name") == name:
            if enabled:
                entry.pop("enabled", None)
            else:
                entry["enabled"] = False
            _write_and_sync(path, data, engine)
            return FILE
    with transaction(engine) as s:
        if set_source_enabled(s, name, enabled):
            return DATABASE
    raise SourceConfigError(f"there is no source called {name!r}")


def enabled_message(name: str, enabled: bool, saved_in: str, sources_file: Path) -> str:
    """What the page says after a change, true to where it was saved."""
    state = "enabled" if enabled else "disabled"
    if saved_in == FILE:
        return f"{name} is now {state} (saved in {sources_file})."
    return (f"{name} is now {state}. It is not in {sources_file} (the demo adds its own sources), so the "
            "change is saved in the database; a new run of `peerfeed demo` sets it back to the demo's own setting.")


def import_opml(settings: Settings, engine: Engine, opml: bytes) -> tuple[int, int]:
    """Add the blogs of an OPML blogroll; returns (added, found). Known names and URLs are skipped."""
    path = Path(settings.sources_file)
    added, found = add_opml_to_file(path, opml)
    if added:
        with transaction(engine) as s:
            sync_sources(s, load_sources(path))
    return added, found
