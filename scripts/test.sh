#!/usr/bin/env bash
# Set up, then run the whole test suite on SQLite and on the PostgreSQL at 127.0.0.1:5432.
# Extra arguments go to pytest, e.g.: bash scripts/test.sh tests/store -x
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
if [ -f tests/bluesky/package-lock.json ]; then
  bash tests/bluesky/install.sh
fi
.venv/bin/ruff check --quiet . || { echo "ruff found the problems above: fix them (many with: .venv/bin/ruff check --fix .)" >&2; exit 1; }
.venv/bin/mypy || { echo "mypy found the type errors above: fix them ([tool.mypy] in pyproject.toml)" >&2; exit 1; }
exec .venv/bin/python -m pytest "$@"
