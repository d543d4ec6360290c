#!/usr/bin/env bash
# Mixed fan-out through the delivery path: builds in Release and fans out to 10,000 conversations (prompts as a wave,
# celebrations, reminders and summaries; about five to eight minutes with the baseline and setup).
# Extra arguments go to the benchmark, e.g. ./bench/KindnessBot.FanOutBench/run.sh --conversations 2000 --baseline-conversations 200
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
dotnet build bench/KindnessBot.FanOutBench/KindnessBot.FanOutBench.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet bench/KindnessBot.FanOutBench/bin/Release/net10.0/KindnessBot.FanOutBench.dll "$@"
