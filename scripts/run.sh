#!/usr/bin/env bash
# Runs Red Panda on this machine: installs what is missing, starts a project-local PostgreSQL unless
# DATABASE_URL is set, migrates, builds the frontend if it is stale and serves app + API on one port.
#
#   ./scripts/run.sh                 # http://127.0.0.1:8000
#   PORT=9000 ./scripts/run.sh
#   DATABASE_URL=postgresql+psycopg://user:pass@host/db ./scripts/run.sh
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${PORT:-8000}"
host="${HOST:-127.0.0.1}"

"$repo/scripts/install.sh"
export PATH="$HOME/.local/bin:$PATH"

if [ -z "${DATABASE_URL:-}" ]; then
  echo "==> Starting the project-local PostgreSQL"
  "$repo/scripts/local-postgres.sh" start >/dev/null
  DATABASE_URL="$("$repo/scripts/local-postgres.sh" url)"
  export DATABASE_URL
fi

"$repo/scripts/build-frontend.sh"

# Links in e-mails (password reset) point at this server unless told otherwise.
export FRONTEND_HOST="${FRONTEND_HOST:-http://$host:$port}"

cd "$repo/backend"
echo "==> Migrating the database"
uv run --frozen python -m app.prestart

# The first admin's login comes from the environment or .env (the app reads the same values).
env_value() {
  local name=$1
  if [ -n "${!name:-}" ]; then echo "${!name}"; return; fi
  sed -n "s/^$name=//p" "$repo/.env" | tail -n 1 | sed -e 's/^"//' -e 's/"$//'
}

# Idle connections are kept 65 s, not uvicorn's 5: a question sent on a connection the server is closing
# just then fails in the browser, and people ask their next question more than 5 s after the last.
uv run --frozen uvicorn app.main:app --host "$host" --port "$port" --no-access-log --log-level warning \
  --timeout-keep-alive 65 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 100); do
  curl -fsS "http://$host:$port/api/v1/health" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { echo "The server stopped during start-up (see above)." >&2; exit 1; }
  sleep 0.2
done

cat <<MSG

  Red Panda is running at http://$host:$port
  Admin login: $(env_value FIRST_SUPERUSER) / $(env_value FIRST_SUPERUSER_PASSWORD)
  Press Ctrl+C to stop.

MSG
wait "$server"
