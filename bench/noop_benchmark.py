#!/usr/bin/env python3
"""No-op build cost and shared-layer disk use of uv-layer + uv-package, measured with Maven itself.

For a project of N functions over G dependency groups (real wheels of the local PyPI mirror), after
one build that makes every zip, it times `mvn -o validate` (Maven's own start-up and model building)
against `mvn -o package` with nothing changed (validate + the plugin finding everything up to date),
alternating the two, and prints the medians, the difference and the ratio (of wall time, and of the
CPU time Maven used, which a loaded machine disturbs less); then how many deps.zip files target/
holds, how many distinct files on disk they are (hard links), and the bytes on disk.

    bench/noop-benchmark.sh [rounds]      (calls this with the mirror and the installed plugin)
"""
import itertools
import os
import resource
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import make_bench_project as bench  # noqa: E402

PACKAGES = ["boto3", "pydantic-settings", "httpx", "numpy==2.2.6", "orjson"]


def write_project(directory, functions, groups, index, version):
    """pyproject.toml + uv.lock with `groups` groups (distinct package pairs) and a POM with
    `functions` functions spread over them."""
    lambdas = os.path.join(directory, "lambdas")
    os.makedirs(lambdas, exist_ok=True)
    pairs = list(itertools.combinations(PACKAGES, 2))[:groups] if groups > 1 else [tuple(PACKAGES)]
    group_lines = "\n".join(
        f'g{i} = [{", ".join(chr(34) + p + chr(34) for p in pair)}]' for i, pair in enumerate(pairs))
    pyproject = bench.PYPROJECT.split("[dependency-groups]")[0] + "[dependency-groups]\n" + group_lines + "\n"
    with open(os.path.join(lambdas, "pyproject.toml"), "w") as f:
        f.write(pyproject)
    bench.g.write_lock(os.path.join(lambdas, "pyproject.toml"), os.path.join(lambdas, "uv.lock"),
                       bench.RESOLUTION, {})
    fns = []
    for i in range(functions):
        name = f"fn{i:02d}"
        os.makedirs(os.path.join(lambdas, name), exist_ok=True)
        with open(os.path.join(lambdas, name, "handler.py"), "w") as f:
            f.write("def handler(event, context):\n    return %d\n" % i)
        fns.append(f"<function><functionName>{name}</functionName>"
                   f"<dependencyGroup>g{i % len(pairs)}</dependencyGroup></function>")
    with open(os.path.join(directory, "pom.xml"), "w") as f:
        f.write(f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>noop-{functions}</artifactId><version>1</version>
  <packaging>pom</packaging>
  <properties><project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp></properties>
  <build><plugins><plugin>
    <groupId>io.github.uvlambda</groupId><artifactId>uv-lambda-maven-plugin</artifactId><version>{version}</version>
    <executions><execution><goals><goal>uv-layer</goal><goal>uv-package</goal></goals></execution></executions>
    <configuration>
      <lambdasDir>lambdas</lambdasDir><indexUrl>{index}</indexUrl>
      <cacheDirectory>${{project.basedir}}/../cache</cacheDirectory>
      <architecture>x86_64</architecture><pythonVersion>3.11</pythonVersion>
      <functions>{"".join(fns)}</functions>
    </configuration>
  </plugin></plugins></build>
</project>
""")


def mvn(directory, goal):
    """Wall time and CPU time (user + system, all of Maven's threads) of one Maven run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    subprocess.run(["./mvnw", "-q", "-B", "-o", "-f", os.path.join(directory, "pom.xml"), goal],
                   check=True, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def disk(directory):
    zips = []
    for root, _, files in os.walk(os.path.join(directory, "target", "uv-lambda")):
        zips += [os.path.join(root, f) for f in files if f == "deps.zip"]
    inodes = {}
    for z in zips:
        st = os.stat(z)
        inodes[(st.st_dev, st.st_ino)] = st.st_size
    return len(zips), len(inodes), sum(os.stat(z).st_size for z in zips), sum(inodes.values())


def main():
    index, version, work, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    for functions, groups in ((1, 1), (50, 10)):
        d = os.path.join(work, f"p{functions}")
        write_project(d, functions, groups, index, version)
        mvn(d, "package")  # builds every zip once
        validate, package = [], []
        for _ in range(rounds):
            validate.append(mvn(d, "validate"))
            package.append(mvn(d, "package"))
        v, p = (statistics.median(w for w, _ in runs) for runs in (validate, package))
        # Each round's package - validate: the two ran back to back, under about the same load.
        paired = statistics.median(pw - vw for (vw, _), (pw, _) in zip(validate, package))
        print(f"{functions} function(s), {groups} group(s): mvn validate {v:.2f} s, mvn package with"
              f" nothing changed {p:.2f} s: +{p - v:.2f} s (x{p / v:.2f}), medians of {rounds};"
              f" median of the rounds' differences +{paired:.2f} s")
        # CPU time moves less than wall time when other builds share the machine.
        v, p = (statistics.median(c for _, c in runs) for runs in (validate, package))
        paired = statistics.median(pc - vc for (_, vc), (_, pc) in zip(validate, package))
        print(f"  CPU time (user + system): validate {v:.2f} s, package {p:.2f} s: +{p - v:.2f} s"
              f" (x{p / v:.2f}); median of the rounds' differences +{paired:.2f} s")
        n, distinct, apparent, on_disk = disk(d)
        print(f"  target/: {n} deps.zip, {distinct} distinct file(s) on disk,"
              f" {apparent / 1048576:.1f} MB as listed, {on_disk / 1048576:.1f} MB on disk")


if __name__ == "__main__":
    main()
