#!/usr/bin/env bash
# The README's main command. It builds the plugin, then the sample monorepo in lambdas-sample/ (a
# dependency layer and a code zip per function), and deploys both functions to a local moto server
# that it starts on a free 127.0.0.1 port and stops at the end. It prints every zip and every
# function's outputs, then deploys once more to show that an unchanged project changes nothing.
#
# PyPI: without access to it, the layers come from the local PyPI mirror pip is configured with
# (`pip config list`), for the one Lambda target such a mirror usually has every wheel for
# (python3.11 on x86_64). UV_LAMBDA_INDEX_URL chooses the index yourself.
# moto: without moto_server on PATH, the script stops after building the zips.
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

print_zips() {
  echo
  echo "Zips built for the sample (unzip -l <file> to look inside):"
  for zip in lambdas-sample/target/uv-lambda/*/*.zip; do
    printf '  %-55s %10s bytes\n' "$zip" "$(wc -c <"$zip" | tr -d ' ')"
  done
}

if ! command -v moto_server >/dev/null 2>&1; then
  ./mvnw -B -f lambdas-sample/pom.xml package "${args[@]}"
  print_zips
  echo "moto_server is not on PATH: not deploying. Install moto[server] to try the deploy locally."
  exit 0
fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
log=$(mktemp -t moto.XXXXXX)
env -u AWS_PROFILE MOTO_IAM_LOAD_MANAGED_POLICIES=true AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
  moto_server -H 127.0.0.1 -p "$port" >"$log" 2>&1 &
moto_pid=$!
trap 'kill $moto_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -s -o /dev/null "http://127.0.0.1:$port/moto-api/" && break
  sleep 0.2
done
echo "moto_server is listening on 127.0.0.1:$port (log: $log)"

# moto's fake account: dummy credentials, no Powertools layer (moto only knows layers published in it).
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
unset AWS_PROFILE
deploy_args=("${args[@]}" "-Duv-lambda.endpointUrl=http://127.0.0.1:$port" -Duv-lambda.region=us-east-1 -Duv-lambda.powertoolsLayerArn=)

./mvnw -B -f lambdas-sample/pom.xml deploy "${deploy_args[@]}"
print_zips
echo
for out in lambdas-sample/target/uv-lambda/*/outputs.json; do
  echo "Outputs of $(basename "$(dirname "$out")") ($out):"
  sed 's/^/  /' "$out"
done

echo
echo "Deploying again, unchanged:"
./mvnw -B -f lambdas-sample/pom.xml deploy "${deploy_args[@]}" | grep -E '\] [a-z0-9-]+: up to date$|Plan for|  [-+~] |BUILD'
