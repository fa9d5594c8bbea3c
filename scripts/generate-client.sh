#!/usr/bin/env bash
# Regenerate the typed API client: backend OpenAPI schema -> frontend/openapi.json -> frontend/src/client.
# Idempotent: running it twice in a row changes nothing.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
schema="$repo_root/frontend/openapi.json"
tmp_schema="$(mktemp)"
trap 'rm -f "$tmp_schema"' EXIT

# Write the schema only if it is valid JSON, so a failing backend import never leaves a truncated file behind.
(cd "$repo_root/backend" && uv run --quiet python -m app.openapi) >"$tmp_schema"
python3 -m json.tool --indent 2 "$tmp_schema" >"$schema"

cd "$repo_root/frontend"
if [ ! -d node_modules ]; then
  npm ci --no-audit --no-fund
fi
npx --no-install openapi-ts
# src/client is excluded from the project's lint rules; biome.generated.json formats it in the house style.
npx --no-install biome format --config-path=biome.generated.json --write src/client >/dev/null
echo "Client regenerated in frontend/src/client from frontend/openapi.json"
