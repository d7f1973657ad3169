"""The installed package works on its own: samples and migrations inside the wheel, no license
warning, and the demo served from the installed files (not from a checkout)."""

from __future__ import annotations

import subprocess
import sys
import zipfile

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                           "-w", str(out), str(REPO)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "License classifiers are deprecated" not in done.stderr and "license" not in done.stderr.lower()
    (path,) = out.glob("peerfeed-*.whl")
    return path


def test_the_wheel_carries_the_samples_the_migrations_and_the_model(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "peerfeed/samples/sources.yaml" in names
    assert "peerfeed/samples/rss/bridges-peer-support.xml" in names
    assert "peerfeed/samples/mastodon/api/v1/timelines/tag/peersupport.json" in names
    assert "peerfeed/samples/bluesky/xrpc/app.bsky.feed.searchPosts.json" in names
    assert "store/migrations/versions/0003_sign_in_attempts.py" in names and "store/migrations/script.py.mako" in names
    assert any(n.endswith("default_model.skops") for n in names)
    metadata = next(n for n in names if n.endswith(".dist-info/METADATA"))
    text = zipfile.ZipFile(wheel).read(metadata).decode()
    assert "License-Expression: MIT" in text


def test_the_sample_server_reads_the_packaged_samples():
    from peerfeed.sample_server import SAMPLES_DIR

    assert SAMPLES_DIR.parent.name == "peerfeed" and (SAMPLES_DIR / "sources.yaml").is_file()
