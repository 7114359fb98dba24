#!/usr/bin/env bash
# No-op build cost (mvn package with nothing changed, against mvn validate of the same project) for
# 1 function and for 50 functions over 10 groups, and the disk used by shared layers. Installs the
# plugin into the local repository first. Prints the figures; it is not part of the test suite.
#
#   bench/noop-benchmark.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-7}"

source bench/common.sh
find_mirror
./mvnw -q -B install -DskipTests -Dinvoker.skip -Dspotless.check.skip=true
version=$(./mvnw -q -B help:evaluate -Dexpression=project.version -DforceStdout)
work=$(mktemp -d -t uv-lambda-noop.XXXXXX)
trap 'rm -rf "$work"' EXIT
echo "mirror: $index; plugin $version; Maven $(./mvnw -q -B --version | head -1)"
python3 bench/noop_benchmark.py "$index" "$version" "$work" "$rounds"
