#!/usr/bin/env bash
# Installs what the tests need and runs every test: `dotnet test KindnessBot.sln`.
# Needs the .NET SDK, node and npm. Installs the node tools from package-lock.json, and Chromium (for the
# browser tests) with apt-get when it is missing and this user may install packages; otherwise the browser
# tests are skipped and say why (on CI, CI=true, they run and fail instead).
# Extra arguments go to dotnet test, e.g. ./test.sh --filter "FullyQualifiedName~Help"
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the node tools (Azurite, Playground, Adaptive Cards SDK, Teams manifest schemas, playwright-core)..."
  npm ci --no-audit --no-fund --loglevel=error
fi

chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium_path" ]; then
  packages="chromium fonts-noto-color-emoji fonts-liberation"
  if [ "$(id -u)" = 0 ]; then
    echo "Installing Chromium for the browser tests..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    echo "Installing Chromium for the browser tests..."
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
  else
    echo "Chromium is not installed and this user cannot install packages: the browser tests will be skipped."
  fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test KindnessBot.sln -c Release --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole solution, summed over the test projects.
awk '/(Passed|Failed)!  - Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "\nTotal: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
