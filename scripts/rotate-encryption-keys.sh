#!/usr/bin/env bash
# Re-encrypt every stored API key with the primary (first) key of ENCRYPTION_KEYS.
#
#   1. put a new Fernet key first in ENCRYPTION_KEYS, keep the old ones after it, restart the app
#   2. ./scripts/rotate-encryption-keys.sh
#   3. drop the old keys from ENCRYPTION_KEYS, restart the app
#
# Uses DATABASE_URL, or the project-local PostgreSQL when it is unset (as scripts/run.sh does).
# Details: backend/app/api_keys/rotate.py.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.local/bin:$PATH"

if [ -z "${DATABASE_URL:-}" ]; then
  "$repo/scripts/local-postgres.sh" start >/dev/null
  DATABASE_URL="$("$repo/scripts/local-postgres.sh" url)"
  export DATABASE_URL
fi

cd "$repo/backend"
uv run --frozen python -m app.api_keys.rotate
