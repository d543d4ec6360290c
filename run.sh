#!/usr/bin/env bash
# Runs KindnessBot locally so a person can chat with it: Azurite (Table Storage, data kept in .local/azurite),
# the bot on http://127.0.0.1:3978 and the Microsoft 365 Agents Playground, a Teams-like client in the browser.
# Ctrl+C stops all three. Needs only the .NET SDK, node and npm.
set -euo pipefail
cd "$(dirname "$0")"

PLAYGROUND_PORT="${PLAYGROUND_PORT:-56150}"
BOT_PORT=3978
DATA_DIR=.local/azurite
LOG_DIR=.local/logs
mkdir -p "$DATA_DIR" "$LOG_DIR"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing the node tools (Azurite, Playground) from package-lock.json..."
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "Building KindnessBot..."
dotnet build src/KindnessBot.Bot/KindnessBot.Bot.csproj -c Release --nologo -v quiet -clp:ErrorsOnly

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
for port in 10000 10001 10002 "$BOT_PORT" "$PLAYGROUND_PORT"; do
  if port_in_use "$port"; then
    echo "Port $port on 127.0.0.1 is already in use (is KindnessBot already running?). Stop what uses it and try again." >&2
    [ "$port" = "$PLAYGROUND_PORT" ] && echo "For the Playground you can choose another port: PLAYGROUND_PORT=56151 ./run.sh" >&2
    exit 1
  fi
done

pids=()
cleanup() {
  trap - INT TERM EXIT
  echo; echo "Stopping KindnessBot, the Playground and Azurite..."
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap 'cleanup; exit 0' INT TERM
trap cleanup EXIT

wait_for() { # name url seconds
  for _ in $(seq 1 $(( $3 * 4 ))); do
    if node -e "fetch(process.argv[1]).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))" "$2"; then return 0; fi
    sleep 0.25
  done
  echo "$1 did not start; see $LOG_DIR." >&2
  exit 1
}

node node_modules/azurite/dist/src/azurite.js --silent --location "$DATA_DIR" \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 --skipApiVersionCheck --disableProductStyleUrl --disableTelemetry \
  > "$LOG_DIR/azurite.log" 2>&1 &
pids+=($!)

# The key that keeps anonymous reflection answers anonymous: made once per machine, never committed.
if [ ! -s .local/answer-secret ]; then
  node -e "process.stdout.write(require('crypto').randomBytes(32).toString('base64'))" > .local/answer-secret
  chmod 600 .local/answer-secret
fi

# The Playground opens no Teams dialogs: forms (a reflection answer) are sent to the person's own chat as cards instead.
Dialogs__Enabled=false Reflection__AnswerSecret="$(cat .local/answer-secret)" ASPNETCORE_ENVIRONMENT=Development dotnet src/KindnessBot.Bot/bin/Release/net10.0/KindnessBot.Bot.dll \
  --urls "http://127.0.0.1:$BOT_PORT" --contentRoot "$PWD/src/KindnessBot.Bot/bin/Release/net10.0" > "$LOG_DIR/bot.log" 2>&1 &
pids+=($!)
wait_for "KindnessBot" "http://127.0.0.1:$BOT_PORT/readyz" 60

( cd .local && TEAMSAPPTESTER_BROWSER=none APPLICATION_INSIGHTS_NO_STATSBEAT=true \
  node ../node_modules/@microsoft/m365agentsplayground/cli.js -e "http://127.0.0.1:$BOT_PORT/api/messages" -c msteams \
  -p "$PLAYGROUND_PORT" --disable-telemetry --service-url "http://127.0.0.1:$PLAYGROUND_PORT/_connector" ) > "$LOG_DIR/playground.log" 2>&1 &
pids+=($!)
wait_for "The Playground" "http://127.0.0.1:$PLAYGROUND_PORT/_internal/v1/config" 30

cat <<MSG

  KindnessBot is running.
  Open http://127.0.0.1:$PLAYGROUND_PORT in your browser to chat with it (personal chat, a group chat and a team channel).
  In a channel or group chat, mention the bot first: @Test Bot help
  Logs: $LOG_DIR/  Data: $DATA_DIR/ (kept between runs)
  Press Ctrl+C to stop.

MSG
while true; do
  for pid in "${pids[@]}"; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "One of the three stopped unexpectedly; see $LOG_DIR/." >&2; exit 1; fi
  done
  sleep 1
done
