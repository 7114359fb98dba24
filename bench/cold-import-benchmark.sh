#!/usr/bin/env bash
# Cold-import benchmark: the sample's my-api-handler layer and the benchmark layer, each built with
# and without compileBytecode for python3.11/x86_64 from the local PyPI mirror, unzipped into
# folders nobody can write to (as Lambda mounts /opt), then imported in fresh python3.11 processes,
# alternately, RUNS times each. Prints the medians and the ratio. Needs root (a read-only bind
# mount, or chattr +i) and python3.11; it is not part of the test suite.
#
#   bench/cold-import-benchmark.sh [runs]      (default 15)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"

python=$(python3.11 -c 'import sys; print(sys.executable)')   # the real binary, not a shim
source bench/common.sh
find_mirror
build_test_classpath
work=$(mktemp -d -t uv-lambda-coldimport.XXXXXX)
mounted=()
immutable=()
cleanup() {
  for m in "${mounted[@]:-}"; do [[ -n "$m" ]] && umount "$m" 2>/dev/null || true; done
  for d in "${immutable[@]:-}"; do [[ -n "$d" ]] && chattr -R -i "$d" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

python3 bench/make_bench_project.py "$work/bench-lambdas" >/dev/null
echo "== layers (python3.11/x86_64, mirror $index)"
java -cp "target/classes:target/test-classes:$cp" io.github.uvlambda.bench.ColdImportLayers \
  "$PWD/lambdas-sample/lambdas" "$work/bench-lambdas" "$index" "$work/zips" "$python"

# Unzip each layer, then make it read-only: a read-only bind mount, else the immutable attribute.
readonly_copy() {
  local zip="$1" dir="$2"
  mkdir -p "$dir.src" "$dir"
  (cd "$dir.src" && unzip -q "$zip")
  if mount --bind "$dir.src" "$dir" 2>/dev/null && mount -o remount,bind,ro "$dir" 2>/dev/null; then
    mounted+=("$dir")
  elif rmdir "$dir" && mv "$dir.src" "$dir" && chattr -R +i "$dir" 2>/dev/null; then
    immutable+=("$dir")
  else
    echo "Cannot make $dir read-only (needs root: mount --bind -o ro, or chattr +i)."; exit 1
  fi
  if touch "$dir/python/.probe" 2>/dev/null; then echo "$dir is still writable"; exit 1; fi
}
for layer in sample bench; do
  for variant in plain bytecode; do
    readonly_copy "$work/zips/$layer-$variant.zip" "$work/opt/$layer-$variant"
  done
done

python3 bench/cold_import.py "$python" "$runs" \
  my-api-handler boto3,pydantic,pydantic_settings "$work/opt/sample-plain/python" "$work/opt/sample-bytecode/python" \
  bench boto3,pydantic_settings,httpx,numpy,orjson "$work/opt/bench-plain/python" "$work/opt/bench-bytecode/python"
