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

Both files come from people (or blogrolls) we do not control, so reading them is defensive: YAML
with a safe loader that refuses aliases (an alias bomb is a few lines that expand to gigabytes),
`enabled` only as a real true/false, OPML through defusedxml with any DTD refused (in any
encoding), and only http(s) URLs without credentials (a token belongs in a PEERFEED_* setting,
where it stays secret). Every check is linear in the file's size.
"""

from __future__ import annotations

import os
import re
import tempfile
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

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


MAX_NAME_LENGTH = 200  # the sources table's name column
_SPACE_OR_CONTROL = re.compile(r"[\x00-\x20\x7f]")


def check_source_url(url: object, where: str = "") -> str:
    """`url` when it is an http(s) URL with a host and no user name or password; else SourceConfigError.

    The message never repeats a password: credentials are cut from the URL it shows.
    """
    text = url if isinstance(url, str) else ""
    try:
        parts = urlsplit(text.strip())
        host = parts.hostname
    except ValueError:
        parts, host = None, None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not host:
        shown = _without_credentials(text)[:120] if isinstance(url, str) else type(url).__name__
        raise SourceConfigError(f"{where}: url must be an http:// or https:// address, got {shown!r}")
    if parts.username is not None or parts.password is not None:
        raise SourceConfigError(
            f"{where}: url {_without_credentials(text)!r} carries a user name or password; remove it "
            "(tokens go in PEERFEED_MASTODON_ACCESS_TOKEN or PEERFEED_BLUESKY_APP_PASSWORD)")
    if _SPACE_OR_CONTROL.search(text.strip()):
        raise SourceConfigError(f"{where}: url contains spaces or control characters")
    return text.strip()


def _without_credentials(url: str) -> str:
    try:
        parts = urlsplit(url)
        netloc = parts.netloc.rpartition("@")[2]
        return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))
    except ValueError:
        return "<unparseable>"


def parse_source(entry: dict, where: str = "") -> SourceConfig:
    if not isinstance(entry, dict):
        raise SourceConfigError(f"{where}: each source must be a mapping, got a {type(entry).__name__}")
    missing = [k for k in ("name", "platform", "url") if not entry.get(k)]
    if missing:
        raise SourceConfigError(f"{where}: source is missing {', '.join(missing)}")
    if not isinstance(entry["name"], (str, int)) or len(str(entry["name"]).strip()) > MAX_NAME_LENGTH:
        raise SourceConfigError(f"{where}: name must be text of at most {MAX_NAME_LENGTH} characters")
    where = f"{where} ({str(entry['name']).strip()})"
    enabled = entry.get("enabled", True)
    if not isinstance(enabled, bool):
        raise SourceConfigError(f"{where}: enabled must be true or false (unquoted), got {enabled!r}")
    try:
        platform = Platform(entry["platform"])
    except (ValueError, TypeError):
        raise SourceConfigError(
            f"{where}: unknown platform {entry['platform']!r}; use one of {', '.join(p.value for p in Platform)}"
        ) from None
    kind = entry.get("kind") or ("feed" if platform is Platform.RSS else None)
    if not isinstance(kind, str) or kind not in KINDS[platform]:
        raise SourceConfigError(
            f"{where}: kind {kind!r} is not valid for {platform.value}; use one of {', '.join(sorted(KINDS[platform]))}"
        )
    options = entry.get("options") or {}
    if not isinstance(options, dict):
        raise SourceConfigError(f"{where}: options must be a mapping")
    return SourceConfig(
        name=str(entry["name"]).strip(),
        platform=platform,
        url=check_source_url(entry["url"], where),
        kind=kind,
        enabled=enabled,
        options=dict(options),
    )


def _yaml_loader():
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def safe_yaml(text: str, where: str) -> object:
    """YAML with the safe loader, refusing aliases (`*name`): what a billion-laughs bomb is made of.

    The events are scanned first (libyaml, no objects built), so a bomb is refused before it grows.
    """
    loader = _yaml_loader()(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                mark = event.start_mark
                raise SourceConfigError(f"{where}: line {mark.line + 1}: YAML aliases (*{event.anchor}) are not "
                                        "allowed in a sources file; write each value out")
    except yaml.YAMLError as exc:
        raise SourceConfigError(f"{where}: not valid YAML: {_first_line(exc)}") from None
    finally:
        loader.dispose()
    try:
        return yaml.load(text, Loader=_yaml_loader())  # noqa: S506 - a safe loader (C or Python)
    except yaml.YAMLError as exc:
        raise SourceConfigError(f"{where}: not valid YAML: {_first_line(exc)}") from None


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]


def _read_text(path: Path) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise SourceConfigError(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8") from None
    except FileNotFoundError:
        raise SourceConfigError(f"{path}: no such file") from None
    except OSError as exc:
        raise SourceConfigError(f"{path}: cannot read it ({exc.strerror or type(exc).__name__})") from None


def load_sources(path: Path) -> list[SourceConfig]:
    """Read a sources YAML file; raise SourceConfigError naming the bad entry."""
    data = safe_yaml(_read_text(path), str(path)) or {}
    entries = data.get("sources") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise SourceConfigError(f"{path}: expected a top-level 'sources:' list")
    sources = [parse_source(e, f"{path} entry {i + 1}") for i, e in enumerate(entries)]
    dupes = sorted(n for n, count in Counter(s.name for s in sources).items() if count > 1)
    if dupes:
        raise SourceConfigError(f"{path}: duplicate source names: {', '.join(dupes[:10])}"
                                + (f" and {len(dupes) - 10} more" if len(dupes) > 10 else ""))
    return sources


def sources_from_opml(data: bytes) -> list[SourceConfig]:
    """Blog feeds from an OPML blogroll (every outline with an http(s) xmlUrl).

    defusedxml refuses a DTD (and so any entity) wherever and in whatever encoding it appears;
    outlines whose URL is not http(s), or carries credentials, are refused with the outline named.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise SourceConfigError("OPML with a DOCTYPE or entities is refused") from None
    except ET.ParseError as exc:
        raise SourceConfigError(f"not valid OPML: {exc}") from None
    out: list[SourceConfig] = []
    seen: set[str] = set()
    next_suffix: dict[str, int] = {}
    for number, outline in enumerate(root.iter("outline"), start=1):
        url = outline.get("xmlUrl")
        if url is None:  # a folder, or a link that is not a feed
            continue
        where = f"outline {number}"
        url = check_source_url(url, where)
        name = " ".join((outline.get("title") or outline.get("text") or url).split())[:MAX_NAME_LENGTH - 10] or url
        base = name
        while name in seen:  # amortized linear: each base remembers the next free suffix
            n = next_suffix.get(base, 2)
            next_suffix[base] = n + 1
            name = f"{base} ({n})"
        seen.add(name)
        html_url = outline.get("htmlUrl")
        options = {}
        if html_url and html_url.strip():
            options["html_url"] = check_source_url(html_url, f"{where} htmlUrl")
        out.append(SourceConfig(name=name, platform=Platform.RSS, url=url, kind="feed", options=options))
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
    data = safe_yaml(_read_text(path), str(path)) if Path(path).exists() else None
    data = data or {}
    if not isinstance(data, dict) or not isinstance(data.setdefault("sources", []), list):
        raise SourceConfigError(f"{path}: expected a top-level 'sources:' list")
    return data


def write_sources_data(path: Path, data: dict) -> None:
    """Replace the sources file atomically, and only with one that loads (a bad edit never lands)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".sources-", suffix=".yaml")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            yaml.dump(data, f, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), sort_keys=False,
                      allow_unicode=True)
        load_sources(Path(tmp))
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def source_entry(cfg: SourceConfig) -> dict:
    """A source as it is written in the sources file (defaults left out)."""
    entry: dict[str, object] = {"name": cfg.name, "platform": cfg.platform.value, "url": cfg.url}
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
