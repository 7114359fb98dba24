#!/usr/bin/env bash
# What verifying a reused zip (deps.zip, code.zip, a cached layer) costs a no-op build: before
# (fingerprint + the CodeSha256 hash the plugin always did), hash once (the chosen check), and
# size+mtime (trust the recorded digest while they are unchanged), for zips of 1 to 200 MB. Prints
# milliseconds per check (median) and ratios against "before". Not part of the test suite.
#
#   bench/reuse-check-benchmark.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-15}"
./mvnw -q -B test-compile -Dspotless.check.skip=true
cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
work=$(mktemp -d -t uv-lambda-reuse.XXXXXX)
trap 'rm -rf "$work"' EXIT
java -cp "target/classes:target/test-classes:$cp" io.github.uvlambda.bench.ReuseCheckBenchmark "$work" "$rounds"
