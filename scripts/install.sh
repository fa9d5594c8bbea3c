#!/usr/bin/env bash
# Installs whatever is missing for Red Panda on a Debian/Ubuntu machine; cheap to re-run.
#
#   scripts/install.sh            # what the app needs to run
#   scripts/install.sh --tests    # plus what the tests need (Chromium for the browser tests)
#
# Debian packages: postgresql (unless a database server is given), libseccomp2 (the sandbox's system-call
# filter, loaded by pyseccomp), chromium (tests).
# Python packages come from backend/uv.lock, npm packages from frontend/package-lock.json.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
with_tests=false
[ "${1:-}" = "--tests" ] && with_tests=true

say() { echo "==> $*"; }

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return
  say "Installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

debian_packages=(libseccomp2 ca-certificates curl)
# The server binaries are needed unless a database server is given (DATABASE_URL to run, TEST_DATABASE_URL to test).
db_given="${DATABASE_URL:-}"
$with_tests && db_given="${TEST_DATABASE_URL:-}"
if [ -z "$db_given" ] && ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  debian_packages+=(postgresql)
fi
# The browser tests drive Debian's Chromium unless CHROMIUM_PATH names another Chromium-based browser.
if $with_tests && [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  debian_packages+=(chromium)
fi
command -v node >/dev/null || debian_packages+=(nodejs npm)
command -v python3 >/dev/null || debian_packages+=(python3 python3-pip python3-venv)
apt_install "${debian_packages[@]}"

# Vite 8 needs Node 20.19 or newer; say so plainly rather than failing deep inside npm.
node_version=$(node -p 'process.versions.node')
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "Node.js $node_version is too old: Red Panda's frontend needs Node 20.19 or newer." >&2
  exit 1
fi

if ! command -v uv >/dev/null; then
  say "Installing uv"
  python3 -m pip install --quiet --user uv 2>/dev/null || python3 -m pip install --quiet --break-system-packages uv
  export PATH="$HOME/.local/bin:$PATH"
fi

say "Python packages (uv sync)"
(cd "$repo/backend" && uv sync --frozen --quiet)

# npm ci only when the lockfile changed since the last install: it wipes node_modules every time.
stamp="$repo/frontend/node_modules/.package-lock.json"
if [ ! -f "$stamp" ] || [ "$repo/frontend/package-lock.json" -nt "$stamp" ]; then
  say "npm packages (npm ci)"
  (cd "$repo/frontend" && npm ci --no-audit --no-fund --loglevel=error)
fi
