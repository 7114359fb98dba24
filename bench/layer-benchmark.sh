#!/usr/bin/env bash
# Layer build benchmark: the plugin (cold and warm) against pip install --target + zip -X -r of the
# same pinned wheels from the same local PyPI mirror, plus the plugin's peak heap for a 200 MB
# layer. Prints the figures; it is not part of the test suite.
#
#   bench/layer-benchmark.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-3}"

source bench/common.sh
find_mirror
build_test_classpath
work=$(mktemp -d -t uv-lambda-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 bench/make_bench_project.py "$work/lambdas" >/dev/null
echo "mirror: $index"
java -Xmx256m -cp "target/classes:target/test-classes:$cp" io.github.uvlambda.bench.LayerBenchmark \
  "$work/lambdas" "$index" "$work/scratch" "$rounds"
