#!/usr/bin/env bash
# The fleet rate-limit benchmark (issue 19): 1, 4 and 16 instances against the limit-enforcing
# emulator at 1.5x its TPM limit, pacing off / in each JVM / on Redis / a hand-written shared
# bucket, rejected requests counted against the request limit and not. Needs redis-server
# (apt-get install -y redis-server). About 8 minutes on 2 cores; --quick (one measured minute): about 6.
# Writes benchmarks/results/rate-limits.md. Usage: benchmarks/rate-limits.sh [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
JAVA=${JAVA:-java}
command -v redis-server >/dev/null || { echo "redis-server is needed: apt-get install -y redis-server" >&2; exit 1; }
./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
CP="$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"
"$JAVA" -Xms512m -Xmx512m -cp "$CP" io.github.groqspring.benchmarks.ratelimit.FleetRateLimitBenchmark \
  "$ROOT/benchmarks/results/rate-limits.md" "$@"
