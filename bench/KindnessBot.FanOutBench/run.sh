#!/usr/bin/env bash
# Reflection fan-out benchmark: builds in Release and fans prompts out to 10,000 teams (about five minutes).
# Extra arguments go to the benchmark, e.g. ./bench/KindnessBot.FanOutBench/run.sh --teams 2000 --baseline-teams 200
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet build bench/KindnessBot.FanOutBench/KindnessBot.FanOutBench.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet bench/KindnessBot.FanOutBench/bin/Release/net10.0/KindnessBot.FanOutBench.dll "$@"
