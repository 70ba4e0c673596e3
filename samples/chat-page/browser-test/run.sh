#!/usr/bin/env bash
# Starts samples/chat-page (the jar `./mvnw verify` built) offline on a free port, runs the browser
# test against it in headless Chromium, and stops it. Fails, never skips, when anything is missing.
set -euo pipefail
cd "$(dirname "$0")"
JAR=$(ls ../target/groq-sample-chat-page-*.jar 2>/dev/null | grep -v original | head -1 || true)
[[ -n "$JAR" ]] || { echo "samples/chat-page is not built: run ./mvnw -B verify (or package) first" >&2; exit 1; }
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
[[ -x "$CHROMIUM" ]] || { echo "Chromium is required at $CHROMIUM (apt-get install -y chromium)" >&2; exit 1; }
PORT=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})")
LOG=$(mktemp)
java -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --groq.emulator.enabled=true > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; rm -f "$LOG"' EXIT
npm ci --no-audit --no-fund
if ! CHAT_PAGE_URL="http://127.0.0.1:$PORT" CHROMIUM="$CHROMIUM" npm test; then
  echo "--- samples/chat-page log ---" >&2; cat "$LOG" >&2; exit 1
fi
