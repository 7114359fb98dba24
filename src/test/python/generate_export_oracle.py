#!/usr/bin/env python3
"""Turns real `uv export` files into per-target expectations, with pypa/packaging as the oracle.

A universal `uv export` prints every package with the marker under which it is needed. For one
Lambda target (Linux, CPython, arm64 or x86_64, Python 3.X.0) the packages uv would install are the
lines whose marker is true there. This script evaluates each line's marker for every target and
writes the surviving lines, without marker and hashes, to
src/test/resources/real/<project>/expected/<export>-<arch>-<python>.txt. Run it from the repository
root after adding or updating a fixture:

    python3 src/test/python/generate_export_oracle.py
"""
import glob
import os
import tomllib

from packaging.markers import Marker
from packaging.specifiers import SpecifierSet

ROOT = os.path.join("src", "test", "resources", "real")
TARGETS = [(arch, py) for arch in ("aarch64", "x86_64") for py in ("3.11", "3.12", "3.13", "3.14")]


def environment(machine, py):
    return {
        "implementation_name": "cpython", "implementation_version": py + ".0", "os_name": "posix",
        "platform_machine": machine, "platform_python_implementation": "CPython",
        "platform_release": "", "platform_system": "Linux", "platform_version": "",
        "python_full_version": py + ".0", "python_version": py, "sys_platform": "linux", "extra": "",
    }


def logical_lines(path):
    text = open(path, encoding="utf-8").read().replace("\\\n", " ")
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        # Drop hashes; keep requirement and marker.
        line = " ".join(part for part in line.split() if not part.startswith("--hash="))
        yield line


def main():
    for exports in glob.glob(os.path.join(ROOT, "*", "exports")):
        project = os.path.dirname(exports)
        out_dir = os.path.join(project, "expected")
        os.makedirs(out_dir, exist_ok=True)
        with open(os.path.join(project, "uv.lock"), "rb") as f:
            requires_python = SpecifierSet(tomllib.load(f).get("requires-python", ""))
        # A target outside requires-python is an error for the plugin, not an export.
        targets = [(a, py) for a, py in TARGETS if requires_python.contains(py + ".0")]
        for export in sorted(glob.glob(os.path.join(exports, "*.txt"))):
            name = os.path.splitext(os.path.basename(export))[0]
            lines = list(logical_lines(export))
            for arch, py in targets:
                env = environment(arch, py)
                kept = []
                for line in lines:
                    requirement, _, marker = line.partition(" ; ")
                    if not marker or Marker(marker).evaluate(env):
                        kept.append(requirement.strip())
                path = os.path.join(out_dir, f"{name}-{arch}-{py}.txt")
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write("".join(k + "\n" for k in kept))
                print(f"{path}: {len(kept)} of {len(lines)} lines")


if __name__ == "__main__":
    main()
