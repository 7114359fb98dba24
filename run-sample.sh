#!/usr/bin/env bash
# The README's main command: builds the plugin, then builds the sample monorepo in lambdas-sample/
# (a dependency layer and a code zip per function) and prints where each zip is.
#
# Without network access to PyPI, the layers are built from the local PyPI mirror pip is configured
# with (`pip config list`), for the one Lambda target such a mirror usually has every wheel for
# (python3.11 on x86_64). Set UV_LAMBDA_INDEX_URL to choose the index yourself.
set -euo pipefail
cd "$(dirname "$0")"

./mvnw -B -q install -DskipTests -Dinvoker.skip

args=()
index="${UV_LAMBDA_INDEX_URL:-}"
if [[ -z "$index" ]] && command -v python3 >/dev/null 2>&1; then
  for url in $(python3 -m pip config list 2>/dev/null | sed -n "s/.*index-url='\(.*\)'/\1/p"); do
    if [[ "$url" == file://* && -d "${url#file://}/pydantic-core" ]]; then index="$url"; break; fi
  done
  if [[ -n "$index" ]]; then
    echo "PyPI is not used: building the layers from the local mirror $index for python3.11/x86_64."
    args+=(-Duv-lambda.architecture=x86_64 -Duv-lambda.pythonVersion=3.11)
  fi
fi
[[ -n "$index" ]] && args+=("-Duv-lambda.indexUrl=$index")

./mvnw -B -f lambdas-sample/pom.xml package "${args[@]}"

echo
echo "Zips built for the sample (unzip -l <file> to look inside):"
for zip in lambdas-sample/target/uv-lambda/*/*.zip; do
  sha=$(openssl dgst -sha256 -binary "$zip" 2>/dev/null | base64 || true)
  printf '  %-55s %10s bytes  CodeSha256 %s\n' "$zip" "$(wc -c <"$zip" | tr -d ' ')" "$sha"
done
