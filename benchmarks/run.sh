#!/usr/bin/env bash
# Builds core and the benchmarks, then prints the token-request counts and the JMH figures of the token hot path.
# Extra arguments go to JMH (defaults: -f 1 -wi 5 -i 5 -w 2s -r 1s, modest enough for a small machine; the longer
# warm-up is there because on a busy 2-core machine the JIT needs more than 3 s to settle).
set -euo pipefail

cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl core -am install -DskipTests
./mvnw -B -ntp -q -f benchmarks/pom.xml package

echo "== Token requests (counting stub identity server on loopback)"
java -cp benchmarks/target/benchmarks.jar io.github.uipathbridge.benchmarks.TokenRequestCount

echo
echo "== Token hot path (JMH, ns/op)"
jmh_args=("$@")
if [ ${#jmh_args[@]} -eq 0 ]; then
  jmh_args=(-f 1 -wi 5 -i 5 -w 2s -r 1s)
fi
java -jar benchmarks/target/benchmarks.jar TokenHotPathBenchmark "${jmh_args[@]}"
