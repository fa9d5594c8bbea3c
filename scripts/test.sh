#!/usr/bin/env bash
# Runs every check: lint and type checks, the backend tests against a real PostgreSQL and the browser tests
# in Chromium. Extra arguments go to pytest (e.g. ./scripts/test.sh -k signup -x).
#
# PostgreSQL: the project-local cluster (started here), unless TEST_DATABASE_URL names a server to use.
# Each run creates fresh databases on it and drops them afterwards.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

"$repo/scripts/install.sh" --tests
export PATH="$HOME/.local/bin:$PATH"

"$repo/scripts/lint.sh"

if [ -z "${TEST_DATABASE_URL:-}" ]; then
  echo "==> Starting the project-local PostgreSQL"
  TEST_DATABASE_URL="$("$repo/scripts/local-postgres.sh" start)"
  export TEST_DATABASE_URL
fi

# The browser tests serve the built SPA.
"$repo/scripts/build-frontend.sh"

echo "==> pytest (backend and browser tests)"
cd "$repo/backend"
exec uv run --frozen pytest "$@"
