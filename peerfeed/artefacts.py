"""Published files (the static digest's HTML and Atom): written whole, or with posts taken out.

Each post in a published file sits between two comments naming it (`wrap`), so a post that stops
being cleared can be taken out of every file it is in (`scrub`) without rendering the file again:
the store does that right after the commit that withdrew it (store/publication.py), and the next
scheduled build writes the file afresh. Both writers hold the file's lock, so a build and a
withdrawal never interleave, and both replace the file in one rename, so a reader never sees half.
"""

from __future__ import annotations

import fcntl
import os
import re
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterable, Iterator

_START = "<!-- peerfeed:post {} -->"
_END = "<!-- /peerfeed:post {} -->"


def wrap(post_id: int, content: str) -> str:
    """`content` marked as post `post_id`'s part of a file (valid in HTML and in XML)."""
    return f"{_START.format(int(post_id))}\n{content}\n{_END.format(int(post_id))}"


def posts_in(text: str) -> set[int]:
    """The ids of the posts a published file holds."""
    return {int(m) for m in re.findall(r"<!-- peerfeed:post (\d+) -->", text)}


@contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold `path`'s lock (a `.lock` file beside it) for a read-modify-write of the file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(f".{path.name}.lock"), "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _replace(path: Path, content: str, check: Callable[[Path], None] | None = None) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(content, encoding="utf-8")
    try:
        if check is not None:
            check(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def publish_file(path: Path, content: str, check: Callable[[Path], None] | None = None) -> None:
    """Write `content` to `path`, after `check(tmp_path)` passes on the finished file."""
    with locked(path):
        _replace(path, content, check)


def scrub(path: Path, post_ids: Iterable[int]) -> set[int]:
    """Take posts out of a published file; returns the ids that were in it. A missing file holds none."""
    ids = {int(i) for i in post_ids}
    if not ids:
        return set()
    with locked(path):
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return set()
        found = ids & posts_in(text)
        if not found:
            return set()
        alternatives = "|".join(str(i) for i in sorted(found))
        block = re.compile(rf"[ \t]*<!-- peerfeed:post ({alternatives}) -->.*?<!-- /peerfeed:post \1 -->\n?", re.S)
        _replace(path, block.sub("", text))
    return found
