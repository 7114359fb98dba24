#!/usr/bin/env python3
"""Writes the benchmark's lambdas folder: a pyproject.toml and a uv.lock (made like the sample's, from
the real wheels of the machine's local PyPI mirror) with a realistic function group — boto3,
pydantic-settings, httpx, numpy, orjson and their dependencies — and a group holding only
cryptography 50, whose mirror wheel is manylinux_2_34-only (Amazon Linux 2023, not 2).

    python3 bench/make_bench_project.py DIR
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src", "test", "python"))
import generate_sample_lock as g  # noqa: E402

RESOLUTION = {
    "annotated-types": "0.8.0", "anyio": "4.15.1", "boto3": "1.43.107", "botocore": "1.43.107",
    "certifi": "2026.7.22", "cffi": "2.1.1", "cryptography": "50.0.2", "h11": "0.16.0",
    "httpcore": "1.0.9", "httpx": "0.28.1", "idna": "3.20", "jmespath": "1.1.0",
    # numpy 2.2.6: the last one with manylinux2014 wheels, which Amazon Linux 2 (python3.11) can load.
    "numpy": "2.2.6", "orjson": "3.12.0", "pycparser": "3.0", "pydantic": "2.13.5",
    "pydantic-core": "2.46.5", "pydantic-settings": "2.15.0", "python-dateutil": "2.9.0.post0",
    "python-dotenv": "1.2.4", "s3transfer": "0.19.2", "six": "1.17.0", "typing-extensions": "4.16.0",
    "typing-inspection": "0.4.4", "urllib3": "2.8.0",
}

PYPROJECT = """[project]
name = "bench-lambdas"
version = "0.1.0"
requires-python = ">=3.11"
dependencies = []

[dependency-groups]
bench = ["boto3", "pydantic-settings", "httpx", "numpy==2.2.6", "orjson"]
crypto = ["cryptography"]
"""


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "pyproject.toml"), "w") as f:
        f.write(PYPROJECT)
    g.write_lock(os.path.join(out, "pyproject.toml"), os.path.join(out, "uv.lock"), RESOLUTION, {})


if __name__ == "__main__":
    main()
