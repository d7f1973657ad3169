"""Source configuration: the YAML file people edit, and OPML for blogrolls.

```yaml
sources:
  - name: Mental Elf
    platform: rss
    url: https://www.nationalelfservice.net/feed/
  - name: "#peersupport on mastodon.social"
    platform: mastodon
    kind: hashtag            # hashtag | account | list
    url: https://mastodon.social
    options: {tag: peersupport}
  - name: coproduction on Bluesky
    platform: bluesky
    kind: search             # search | hashtag | author | feed
    url: https://public.api.bsky.app
    options: {q: coproduction}
```
"""

from __future__ import annotations

import os
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from peerfeed.records import Platform

KINDS = {
    Platform.RSS: {"feed"},
    Platform.MASTODON: {"hashtag", "account", "list"},
    Platform.BLUESKY: {"search", "hashtag", "author", "feed"},
}


class SourceConfigError(ValueError):
    """The sources file is not valid; the message names the entry and the problem."""


@dataclass(frozen=True)
class SourceConfig:
    name: str
    platform: Platform
    url: str
    kind: str = "feed"
    enabled: bool = True
    options: dict = field(default_factory=dict)


def parse_source(entry: dict, where: str = "") -> SourceConfig:
    if not isinstance(entry, dict):
        raise SourceConfigError(f"{where}: each source must be a mapping, got {entry!r}")
    missing = [k for k in ("name", "platform", "url") if not entry.get(k)]
    if missing:
        raise SourceConfigError(f"{where}: source is missing {', '.join(missing)}")
    try:
        platform = Platform(entry["platform"])
    except ValueError:
        raise SourceConfigError(
            f"{where} ({entry['name']}): unknown platform {entry['platform']!r}; "
            f"use one of {', '.join(p.value for p in Platform)}"
        ) from None
    kind = entry.get("kind") or ("feed" if platform is Platform.RSS else None)
    if kind not in KINDS[platform]:
        raise SourceConfigError(
            f"{where} ({entry['name']}): kind {kind!r} is not valid for {platform.value}; "
            f"use one of {', '.join(sorted(KINDS[platform]))}"
        )
    options = entry.get("options") or {}
    if not isinstance(options, dict):
        raise SourceConfigError(f"{where} ({entry['name']}): options must be a mapping")
    return SourceConfig(
        name=str(entry["name"]),
        platform=platform,
        url=str(entry["url"]),
        kind=kind,
        enabled=bool(entry.get("enabled", True)),
        options=dict(options),
    )


def load_sources(path: Path) -> list[SourceConfig]:
    """Read a sources YAML file; raise SourceConfigError naming the bad entry."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise SourceConfigError(f"{path}: not valid YAML: {exc}") from exc
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SourceConfigError(f"{path}: expected a top-level 'sources:' list")
    sources = [parse_source(e, f"{path} entry {i + 1}") for i, e in enumerate(entries)]
    names = [s.name for s in sources]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise SourceConfigError(f"{path}: duplicate source names: {', '.join(dupes)}")
    return sources


def sources_from_opml(data: bytes) -> list[SourceConfig]:
    """Blog feeds from an OPML blogroll (every outline with an xmlUrl)."""
    if b"<!DOCTYPE" in data[:2048].upper() or b"<!ENTITY" in data.upper():
        raise SourceConfigError("OPML with a DOCTYPE or entities is refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise SourceConfigError(f"not valid OPML: {exc}") from exc
    out: list[SourceConfig] = []
    seen: set[str] = set()
    for outline in root.iter("outline"):
        url = outline.get("xmlUrl")
        if not url:
            continue
        name = outline.get("title") or outline.get("text") or url
        base, n = name, 2
        while name in seen:
            name, n = f"{base} ({n})", n + 1
        seen.add(name)
        out.append(SourceConfig(name=name, platform=Platform.RSS, url=url, kind="feed",
                                options={"html_url": outline.get("htmlUrl")} if outline.get("htmlUrl") else {}))
    return out


def sources_to_opml(sources: list[SourceConfig], title: str = "peerfeed blogroll") -> str:
    """An OPML 2.0 blogroll of the RSS/Atom sources."""
    opml = ET.Element("opml", version="2.0")
    head = ET.SubElement(opml, "head")
    ET.SubElement(head, "title").text = title
    body = ET.SubElement(opml, "body")
    for s in sources:
        if s.platform is not Platform.RSS:
            continue
        attrs = {"type": "rss", "text": s.name, "title": s.name, "xmlUrl": s.url}
        if s.options.get("html_url"):
            attrs["htmlUrl"] = s.options["html_url"]
        ET.SubElement(body, "outline", attrs)
    ET.indent(opml)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(opml, encoding="unicode") + "\n"


def read_sources_data(path: Path) -> dict:
    """The sources file as plain data (`{"sources": [...]}`), empty when the file does not exist."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) if Path(path).exists() else None
    data = data or {}
    data.setdefault("sources", [])
    return data


def write_sources_data(path: Path, data: dict) -> None:
    """Replace the sources file atomically, and only with one that loads (a bad edit never lands)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sources-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            yaml.safe_dump(data, f, sort_keys=False, allow_unicode=True)
        load_sources(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def source_entry(cfg: SourceConfig) -> dict:
    """A source as it is written in the sources file (defaults left out)."""
    entry = {"name": cfg.name, "platform": cfg.platform.value, "url": cfg.url}
    if cfg.kind != "feed":
        entry["kind"] = cfg.kind
    if cfg.options:
        entry["options"] = dict(cfg.options)
    if not cfg.enabled:
        entry["enabled"] = False
    return entry


def add_opml_to_file(path: Path, opml: bytes) -> tuple[int, int]:
    """Add an OPML blogroll's feeds to the sources file; returns (added, found).

    Feeds whose name or URL the file already has are skipped, so importing twice adds nothing.
    """
    found = sources_from_opml(opml)
    data = read_sources_data(path)
    names = {e.get("name") for e in data["sources"]}
    urls = {e.get("url") for e in data["sources"]}
    added = 0
    for cfg in found:
        if cfg.name in names or cfg.url in urls:
            continue
        data["sources"].append(source_entry(cfg))
        names.add(cfg.name)
        urls.add(cfg.url)
        added += 1
    if added:
        write_sources_data(path, data)
    return added, len(found)
