# Sourced by the bench scripts (run from the repository root).

# The local PyPI mirror pip is configured with that has the benchmark's wheels, in $index.
find_mirror() {
  index=""
  for url in $(python3 -m pip config list 2>/dev/null | sed -n "s/.*index-url='\(.*\)'/\1/p"); do
    if [[ "$url" == file://* && -d "${url#file://}/pydantic-core" && -d "${url#file://}/numpy" ]]; then index="$url"; break; fi
  done
  [[ -n "$index" ]] || { echo "No local PyPI mirror with the benchmark's wheels (pip config list)."; exit 1; }
}

# Compiles the plugin and its tests; the test classpath in $cp.
build_test_classpath() {
  ./mvnw -q -B test-compile -Dspotless.check.skip=true
  cp=$(./mvnw -q -B dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
}
