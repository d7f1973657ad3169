#!/usr/bin/env bash
# Set up, then run the demo on the embedded default: SQLite in data/, bundled samples, no network.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/peerfeed demo "$@"
