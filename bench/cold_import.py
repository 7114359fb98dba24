#!/usr/bin/env python3
"""Times cold imports from read-only layer folders, in fresh interpreters, two variants interleaved.

    cold_import.py PYTHON RUNS NAME MODULES PLAIN_DIR BYTECODE_DIR [NAME MODULES PLAIN BYTECODE ...]

MODULES is a comma-separated list. Each run starts a new `PYTHON -B -S -I` with only the layer's
python/ folder on sys.path and measures the imports inside it (time.perf_counter), so interpreter
start-up is left out; the whole process time is printed too. The variants alternate run by run, so
that load from other processes on the machine falls on both alike. Prints medians and the ratio.
"""
import statistics
import subprocess
import sys
import time

PROBE = """
import sys, time
sys.path.insert(0, sys.argv[1])
t = time.perf_counter()
for m in sys.argv[2].split(","):
    __import__(m)
print(time.perf_counter() - t)
"""


def once(python, folder, modules):
    start = time.perf_counter()
    out = subprocess.run([python, "-B", "-S", "-I", "-c", PROBE, folder, modules],
                         check=True, capture_output=True, text=True).stdout
    return float(out), time.perf_counter() - start


def main():
    python, runs = sys.argv[1], int(sys.argv[2])
    cases = sys.argv[3:]
    print("== cold imports from a read-only folder, %s, median of %d fresh processes each" % (python, runs))
    for i in range(0, len(cases), 4):
        name, modules, plain, compiled = cases[i:i + 4]
        once(python, plain, modules)  # warm the page cache for both variants alike
        once(python, compiled, modules)
        times = {"plain": [], "bytecode": []}
        for _ in range(runs):
            for variant, folder in (("plain", plain), ("bytecode", compiled)):
                times[variant].append(once(python, folder, modules))
        p_imp = statistics.median(t[0] for t in times["plain"])
        c_imp = statistics.median(t[0] for t in times["bytecode"])
        p_all = statistics.median(t[1] for t in times["plain"])
        c_all = statistics.median(t[1] for t in times["bytecode"])
        print("  %s: import %s" % (name, modules))
        print("    without compileBytecode: imports %6.3f s, whole process %6.3f s" % (p_imp, p_all))
        print("    with compileBytecode   : imports %6.3f s, whole process %6.3f s" % (c_imp, c_all))
        print("    ratio with/without     : imports %.2f (%+.0f %%), whole process %.2f"
              % (c_imp / p_imp, 100 * (c_imp / p_imp - 1), c_all / p_all))


if __name__ == "__main__":
    main()
