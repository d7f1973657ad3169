#!/usr/bin/env bash
# Install Bluesky's test stack (@atproto/dev-env, pinned by package-lock.json) into tests/bluesky/node_modules.
# npm 11 runs dependency install scripts only when package.json's allowScripts lists them: only
# better-sqlite3's is needed (it compiles against the machine's Node headers, nodedir in .npmrc).
# Skips the install when node_modules already matches the lockfile.
set -euo pipefail
cd "$(dirname "$0")"
stamp=node_modules/.package-lock.json
if [ -f "$stamp" ] && [ -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ] \
   && [ "$stamp" -nt package-lock.json ]; then
  echo "tests/bluesky: node_modules is up to date"
  exit 0
fi
echo "tests/bluesky: npm ci (about a minute)"
start=$(date +%s)
npm ci --no-audit --no-fund --loglevel=error
# A missing native build shows up only when the network starts; fail here with the reason instead.
node -e "new (require('better-sqlite3'))(':memory:').prepare('select 1').get()" \
  || { echo "better-sqlite3 did not build: is allowScripts honoured and are Node's headers in /usr/include/node?" >&2; exit 1; }
echo "tests/bluesky: installed in $(( $(date +%s) - start )) s"
