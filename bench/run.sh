#!/usr/bin/env bash
# Benchmarks, one command: builds in Release and runs the help-turn benchmark against two bare echo bots.
# Extra arguments go to the benchmark, e.g. ./bench/run.sh --seconds 20 --concurrency 1,8,32
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet build bench/KindnessBot.Bench/KindnessBot.Bench.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet bench/KindnessBot.Bench/bin/Release/net10.0/KindnessBot.Bench.dll "$@"
