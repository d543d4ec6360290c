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
trap 'rm -f "$log" "$log.bench"' EXIT
set +e
# A test that hangs is stopped after six minutes (the longest, a browser test with its retry, needs about four),
# with a dump of the test host in artifacts/test-results, instead of running on until CI's limit.
dotnet test KindnessBot.sln -c Release --nologo --blame-hang-timeout 6m --blame-hang-dump-type mini \
  --results-directory artifacts/test-results "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# A short smoke of every benchmark, so none can silently break again: a second or two each, figures printed but
# not judged (each must still run to the end and reach everything it sends to). Skipped when tests were filtered.
if [ "$status" = 0 ] && [ $# = 0 ]; then
  for bench in "./bench/run.sh --smoke" "./bench/run.sh reads --smoke" "./bench/run.sh blockers --smoke" "./bench/run.sh learning --smoke" "./bench/KindnessBot.FanOutBench/run.sh --smoke"; do
    echo; echo "Benchmark smoke: $bench"
    if ! timeout 300 $bench > "$log.bench" 2>&1; then
      cat "$log.bench"; echo "Benchmark smoke failed: $bench" >&2; status=1
    else
      tail -n 1 "$log.bench"
    fi
  done
fi
set -e

# One closing line for the whole solution, summed over the test projects.
awk '/(Passed|Failed)!  - Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "\nTotal: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
