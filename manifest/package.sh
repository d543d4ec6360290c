#!/usr/bin/env bash
# The one command that builds artifacts/appPackage.zip, the Teams app package. See manifest/README.md.
#   KINDNESSBOT_APP_ID=… KINDNESSBOT_BOT_ID=… KINDNESSBOT_DOMAIN=… manifest/package.sh
#   manifest/package.sh --outputs deployment-outputs.json
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# package.js needs these; an install from before one was added lacks it, so check each.
for module in @microsoft/app-manifest fs-extra pngjs fflate; do
  if [[ ! -d "$root/node_modules/$module" ]]; then
    echo "Installing the repo's node tools first (npm ci)..." >&2
    (cd "$root" && npm ci --no-audit --no-fund >&2)
    break
  fi
done
exec node "$root/manifest/package.js" "$@"
