#!/usr/bin/env bash
# Export benchmark: starts the simulator in its own JVM with N queue items and no rate limit, then exports them to
# JSON-lines files from a JVM held to -Xmx256m, first with the uipath: component, then with the plain camel-http
# route; prints records/s and peak heap for both and the simulator's own serving capacity.
#
#   benchmarks/export/run.sh [records] [plain-route time cap in seconds]     (defaults: 1000000 and 600)
#
# Builds with the reactor (package, never install) and runs from the repository root.
set -euo pipefail

records="${1:-1000000}"
plain_cap="${2:-600}"
cd "$(dirname "$0")/../.."
root="$(pwd)"
work="$root/benchmarks/export/target"
mkdir -p "$work"

./mvnw -B -ntp -q -pl orchestrator-simulator,core package -DskipTests -Dspotless.check.skip=true
./mvnw -B -ntp -q -pl orchestrator-simulator,core dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/runtime-classpath.txt
./mvnw -B -ntp -q -f benchmarks/export/pom.xml dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$work/plain-classpath.txt"

sim_cp="$root/orchestrator-simulator/target/classes:$(cat orchestrator-simulator/target/runtime-classpath.txt)"
bench_cp="$root/core/target/classes:$(cat core/target/runtime-classpath.txt):$(cat "$work/plain-classpath.txt")"

mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$bench_cp" benchmarks/export/src/main/java/io/github/uipathbridge/benchmarks/export/*.java

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
secret="bench-$(date +%s%N)"
java -Xmx1g -cp "$sim_cp" io.github.uipathbridge.simulator.SimulatorMain --port "$port" \
  --queue-items "$records" --rate-limit 0 --client-secret "$secret" > "$work/simulator.log" 2>&1 &
sim_pid=$!
trap 'kill "$sim_pid" 2>/dev/null || true' EXIT

BENCH_CLIENT_ID=sandbox-client BENCH_CLIENT_SECRET="$secret" \
  java -Xmx256m -XX:+UseG1GC -cp "$root/benchmarks/export/src/main/resources:$work/classes:$bench_cp" \
  io.github.uipathbridge.benchmarks.export.ExportBenchmark "http://127.0.0.1:$port" "$records" "$plain_cap" "$work"
