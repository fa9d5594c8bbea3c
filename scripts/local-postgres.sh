#!/usr/bin/env bash
# A project-local PostgreSQL cluster for development and tests, built from Debian's server binaries.
#
#   scripts/local-postgres.sh start   # create the cluster on first use, start it, print its admin URL
#   scripts/local-postgres.sh stop
#   scripts/local-postgres.sh url     # print the URL of the `redpanda` database
#
# PostgreSQL refuses to run as root, so as root the server runs as the `postgres` user (or `nobody`).
# It listens on 127.0.0.1 only, on its own port (PG_PORT, default 54329, or the next free one when another
# clone's cluster holds it; the choice is remembered beside the data), with trust authentication:
# a development database, never a production one.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${PG_DATA_DIR:-$repo/.local/postgres}"
log="$data.log"
port_file="$data.port"
port="${PG_PORT:-$(cat "$port_file" 2>/dev/null || echo 54329)}"

pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  if [ -z "$dir" ]; then
    echo "PostgreSQL server binaries are missing: run scripts/install.sh (apt-get install postgresql)." >&2
    exit 1
  fi
  echo "$dir"
}

# Runs a command as the cluster's owner: ourselves, or an unprivileged account when we are root.
as_owner() {
  if [ "$(id -u)" -ne 0 ]; then
    "$@"
    return
  fi
  local user=postgres
  id -u postgres >/dev/null 2>&1 || user=nobody
  setpriv --reuid="$(id -u "$user")" --regid="$(id -g "$user")" --clear-groups -- "$@"
}

owner_can_reach() {
  as_owner test -w "$1" 2>/dev/null
}

ensure_cluster() {
  local bin=$1
  [ -f "$data/PG_VERSION" ] && return
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then
    local user=postgres
    id -u postgres >/dev/null 2>&1 || user=nobody
    chown "$user" "$data"
    if ! owner_can_reach "$data"; then
      echo "The $user account cannot reach $data (a parent folder is private)." >&2
      echo "Set PG_DATA_DIR to a folder it can reach, e.g. /var/tmp/redpanda-postgres." >&2
      exit 1
    fi
  fi
  as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
}

port_taken() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

is_running() {
  local bin=$1
  as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

start() {
  local bin
  bin=$(pg_bin)
  ensure_cluster "$bin"
  if ! is_running "$bin"; then
    while port_taken "$port"; do port=$((port + 1)); done
    echo "$port" >"$port_file"
    touch "$log"
    [ "$(id -u)" -eq 0 ] && chown "$(stat -c %u "$data")" "$log"
    # The socket lives in the data folder so no system folder (/var/run/postgresql) is needed.
    as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data ${PG_EXTRA_OPTIONS:-}" start >/dev/null
  fi
  if ! "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = 'redpanda'" | grep -q 1; then
    "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres redpanda
  fi
  echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
}

stop() {
  local bin
  bin=$(pg_bin)
  [ -f "$data/PG_VERSION" ] && is_running "$bin" && as_owner "$bin/pg_ctl" -D "$data" -m fast stop >/dev/null
  return 0
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  url) echo "postgresql+psycopg://postgres@127.0.0.1:$port/redpanda" ;;
  *) echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
