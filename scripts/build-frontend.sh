#!/usr/bin/env bash
# Builds the SPA into frontend/dist when any of its sources is newer than the last build.
#   scripts/build-frontend.sh [--force]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo/frontend"
stamp=dist/.build-stamp

if [ "${1:-}" != "--force" ] && [ -f "$stamp" ] && [ -z "$(find src public index.html package-lock.json \
  vite.config.ts tsconfig.json -newer "$stamp" -print -quit 2>/dev/null)" ]; then
  exit 0
fi
echo "==> Building the frontend"
npx vite build --logLevel warn
touch "$stamp"
