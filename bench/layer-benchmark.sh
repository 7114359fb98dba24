#!/usr/bin/env bash
# Layer build benchmark: the plugin (cold and warm) against pip install --target + zip -X -r of the
# same pinned wheels from the same local PyPI mirror, plus the plugin's peak heap for a 200 MB
# layer. Prints the figures; it is not part of the test suite.
#
#   bench/layer-benchmark.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"

index=""
for url in $(python3 -m pip config list 2>/dev/null | sed -n "s/.*index-url='\(.*\)'/\1/p"); do
  if [[ "$url" == file://* && -d "${url#file://}/pydantic-core" && -d "${url#file://}/numpy" ]]; then index="$url"; break; fi
done
[[ -n "$index" ]] || { echo "No local PyPI mirror with the benchmark's wheels (pip config list)."; exit 1; }

./mvnw -q -B test-compile -Dspotless.check.skip=true
cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
work=$(mktemp -d -t uv-lambda-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 bench/make_bench_project.py "$work/lambdas" >/dev/null
echo "mirror: $index"
java -Xmx256m -cp "target/classes:target/test-classes:$cp" io.github.uvlambda.bench.LayerBenchmark \
  "$work/lambdas" "$index" "$work/scratch" "$rounds"
