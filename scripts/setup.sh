#!/usr/bin/env bash
# Create .venv and install peerfeed into it (idempotent; reruns are quick).
# Usage: bash scripts/setup.sh [extra]   e.g. "dev" for the test tools
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "peerfeed needs Python 3.11 or newer (found $("$PY" --version))" >&2
  exit 1
fi
[ -x .venv/bin/python ] || "$PY" -m venv .venv
stamp=".venv/.installed-${1:-base}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  target="."
  [ -n "${1:-}" ] && target=".[$1]"
  .venv/bin/python -m pip install -q --disable-pip-version-check -e "$target"
  touch "$stamp"
fi
