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
