#!/usr/bin/env bash
# Builds the benchmarks and runs them all, then writes benchmarks/results/latest.md.
# About 22 minutes on 2 cores. Usage: benchmarks/run.sh [--quick]
#   JAVA25=/path/to/jdk-21+ for the virtual-thread rows (default: Temurin 25 if present; skipped otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RAW="$ROOT/benchmarks/results/raw"
JAVA=${JAVA:-java}
JAVA25=${JAVA25:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}

# Short JMH iterations so that the whole run fits in ~15 minutes on 2 cores.
LAT="-wi 3 -w 2s -i 3 -r 2s -f 1"
TPUT="-wi 1 -w 2s -i 2 -r 2s -f 1"
COLD_RUNS=7
WARM="-wi 10 -i 20 -f 1"
if [[ "${1:-}" == "--quick" ]]; then
  LAT="-wi 1 -w 1s -i 1 -r 1s -f 1"; TPUT="$LAT"; COLD_RUNS=2; WARM="-wi 2 -i 3 -f 1"
fi
JVM="-Xms1g -Xmx1g"

./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
CP="$ROOT/benchmarks/target/classes:$(cat "$ROOT/benchmarks/target/classpath.txt")"
mkdir -p "$RAW"
rm -f "$RAW"/*.json "$RAW"/*.tsv

{
  echo "cpu:     $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
  echo "cores:   $(nproc)"
  echo "memory:  $(awk '/MemTotal/ {printf "%.1f GB", $2/1024/1024}' /proc/meminfo)"
  echo "os:      $(uname -sr)"
  echo "java:    $("$JAVA" -version 2>&1 | head -2 | tail -1)"
  if [[ -x "$JAVA25" ]]; then echo "java 25: $("$JAVA25" -version 2>&1 | head -2 | tail -1) (virtual-thread rows)"; fi
  echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "commit:  $(git rev-parse --short HEAD)"
} > "$RAW/machine.txt"
{
  echo "latency:    JMH SampleTime, 1 thread, $LAT, -prof gc, $JVM"
  echo "streaming:  JMH AverageTime, 1 thread, 200-chunk stream, $LAT, -prof gc, $JVM"
  echo "throughput: JMH Throughput, -t 1/16/64, $TPUT, $JVM"
  echo "start-up:   cold: ColdStartup, $COLD_RUNS fresh JVMs per application, interleaved, medians; warm: JMH SingleShotTime $WARM"
  echo "server:     CannedGroqServer, JDK HttpServer, 8 handler threads, own JVM, warmed with 6000 requests"
} > "$RAW/settings.txt"

# One warm canned server for the whole run, in its own JVM (started here, stopped on exit).
PORTFILE=$(mktemp)
"$JAVA" -Xms256m -Xmx256m -XX:+UseParallelGC -Dsun.net.httpserver.nodelay=true -cp "$CP" \
  io.github.groqspring.benchmarks.server.CannedGroqServer 8 6000 --until-killed > "$PORTFILE" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true; rm -f "$PORTFILE"' EXIT
until grep -q PORT "$PORTFILE"; do sleep 0.2; done
export BENCH_SERVER_PORT=$(awk '/PORT/ {print $2}' "$PORTFILE")
echo "canned server on port $BENCH_SERVER_PORT"

jmh() { "$1" -cp "$CP" org.openjdk.jmh.Main "${@:2}"; }

jmh "$JAVA" ChatLatencyBenchmark $LAT -prof gc -jvmArgs "$JVM" -rf json -rff "$RAW/latency.json"
jmh "$JAVA" ChatStreamBenchmark $LAT -prof gc -jvmArgs "$JVM" -rf json -rff "$RAW/stream.json"
for t in 1 16 64; do
  jmh "$JAVA" ChatThroughputBenchmark -p payload=SMALL -t $t $TPUT -jvmArgs "$JVM" \
    -rf json -rff "$RAW/throughput-platform-$t.json"
done
if [[ -x "$JAVA25" ]]; then
  for t in 1 16 64; do
    jmh "$JAVA25" ChatThroughputBenchmark -p payload=SMALL -t $t $TPUT -jvmArgs "$JVM -Djmh.executor=VIRTUAL" \
      -rf json -rff "$RAW/throughput-virtual-$t.json"
  done
fi
for i in $(seq 1 $COLD_RUNS); do
  for app in BARE GROQ REST_CLIENT GROQ_REST_CLIENT; do
    "$JAVA" -Xms1g -Xmx1g -cp "$CP" io.github.groqspring.benchmarks.startup.ColdStartup $app | grep '^COLD' >> "$RAW/startup-cold.tsv"
  done
done
jmh "$JAVA" StartupBenchmark $WARM -rf json -rff "$RAW/startup-warm.json"
for c in RAW_JDK RESTCLIENT_HC5 GROQ_TEMPLATE GROQ_TEMPLATE_BUILDER OPENAI_JAVA GROQ_CHAT_MODEL SPRING_AI LANGCHAIN4J; do
  "$JAVA" -Xms512m -Xmx512m -cp "$CP" io.github.groqspring.benchmarks.startup.HeapFootprint $c | grep '^HEAP' >> "$RAW/heap.tsv"
done

"$JAVA" -cp "$CP" io.github.groqspring.benchmarks.report.ReportWriter "$RAW" "$ROOT/benchmarks/results/latest.md"
echo "wrote benchmarks/results/latest.md"
