#!/usr/bin/env bash
# Lint and type checks for both halves: ruff and mypy for the backend, Biome and tsc for the frontend.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

echo "==> ruff, mypy"
cd "$repo/backend"
uv run --frozen ruff check . ../bench
uv run --frozen ruff format --check . ../bench
uv run --frozen mypy

echo "==> biome, tsc"
cd "$repo/frontend"
npx biome ci src
npx tsc -p tsconfig.json --noEmit
