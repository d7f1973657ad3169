"""Adding, disabling and importing sources from the dashboard.

The sources file (settings.sources_file, YAML) stays the one place sources are configured, as for
the CLI: each change is written there (atomically) and then synced into the database with
store.sources.sync_sources, so the next collect run and `peerfeed sources list` agree with the page.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import yaml
from sqlalchemy.engine import Engine

from peerfeed.settings import Settings
from peerfeed.sources import SourceConfig, SourceConfigError, load_sources, parse_source, sources_from_opml
from store.db import transaction
from store.sources import sync_sources


def _read(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else None
    data = data or {}
    data.setdefault("sources", [])
    return data


def _write_and_sync(path: Path, data: dict, engine: Engine) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sources-", suffix=".yaml")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        yaml.safe_dump(data, f, sort_keys=False, allow_unicode=True)
    load_sources(Path(tmp))  # never replace a good file with one that does not load
    os.replace(tmp, path)
    with transaction(engine) as s:
        sync_sources(s, load_sources(path))


def _entry(cfg: SourceConfig) -> dict:
    entry = {"name": cfg.name, "platform": cfg.platform.value, "url": cfg.url}
    if cfg.kind != "feed":
        entry["kind"] = cfg.kind
    if cfg.options:
        entry["options"] = dict(cfg.options)
    if not cfg.enabled:
        entry["enabled"] = False
    return entry


def add_source(settings: Settings, engine: Engine, name: str, platform: str, url: str, kind: str | None = None,
               options: dict | None = None) -> SourceConfig:
    """Add one source (validated like the file); raise SourceConfigError for a bad or duplicate one."""
    cfg = parse_source({"name": name.strip(), "platform": platform, "url": url.strip(), "kind": kind,
                        "options": options or {}}, "new source")
    path = Path(settings.sources_file)
    data = _read(path)
    if any(e.get("name") == cfg.name for e in data["sources"]):
        raise SourceConfigError(f"a source called {cfg.name!r} already exists")
    if any(e.get("url") == cfg.url and e.get("options", {}) == cfg.options for e in data["sources"]):
        raise SourceConfigError(f"{cfg.url} is already a source")
    data["sources"].append(_entry(cfg))
    _write_and_sync(path, data, engine)
    return cfg


def set_enabled(settings: Settings, engine: Engine, name: str, enabled: bool) -> None:
    """Enable or disable a source by name (kept in the file, so a later sync does not undo it)."""
    path = Path(settings.sources_file)
    data = _read(path)
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
    found = sources_from_opml(opml)
    path = Path(settings.sources_file)
    data = _read(path)
    names = {e.get("name") for e in data["sources"]}
    urls = {e.get("url") for e in data["sources"]}
    added = 0
    for cfg in found:
        if cfg.name in names or cfg.url in urls:
            continue
        data["sources"].append(_entry(cfg))
        names.add(cfg.name)
        urls.add(cfg.url)
        added += 1
    if added:
        _write_and_sync(path, data, engine)
    return added, len(found)
