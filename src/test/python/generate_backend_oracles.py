#!/usr/bin/env python3
"""Builds the oracle wheels that BackendOracleTest compares the plugin's Java wheel builder with.

Each case below is a small local package tree. The script writes every tree into a temporary
directory, builds it with its REAL build backend (hatchling, setuptools, flit-core, poetry-core from
the machine's local PyPI mirror, installed into a throwaway venv) through
`pip wheel --no-deps --no-build-isolation`, and commits:

* src/test/resources/backend-oracle/corpus.json: the trees (file path -> text), so that the Java
  test materialises exactly the same trees (a .gitignore or __pycache__ in a tree would otherwise be
  mangled by this repository's own git);
* src/test/resources/backend-oracle/wheels/<case>/<wheel>: the wheel the backend built.

uv_build and pdm-backend have no wheel on the mirror: their rules are tested from their documentation
in the Java tests. Run from the repository root (takes about a minute):

    python3.11 src/test/python/generate_backend_oracles.py
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

OUT = "src/test/resources/backend-oracle"
BACKENDS = {
    "hatchling": ("hatchling==1.32.4", "hatchling.build"),
    "setuptools": ("setuptools==84.0.0", "setuptools.build_meta"),
    "flit": ("flit-core==4.1.0", "flit_core.buildapi"),
    "poetry": ("poetry-core==2.5.0", "poetry.core.masonry.api"),
}
REQUIRES = {"hatchling": "hatchling", "setuptools": "setuptools>=77", "flit": "flit_core>=3.12,<5",
            "poetry": "poetry-core>=2"}

README = "# {name}\n\nA test package of the uv-lambda-maven-plugin backend corpus.\n"
LICENSE = "MIT License\n\nCopyright (c) 2026 Example\n"


def pyproject(backend, project, tool=""):
    req, api = BACKENDS[backend]
    return (f'[build-system]\nrequires = ["{REQUIRES[backend]}"]\nbuild-backend = "{api}"\n\n'
            f"[project]\n{project.strip()}\n\n{tool.strip()}\n").rstrip() + "\n"


CASES = {}


def case(name, backend, project, tool, files, description):
    files = dict(files)
    files["pyproject.toml"] = pyproject(backend, project, tool)
    files.setdefault("README.md", README.format(name=name))
    files.setdefault("LICENSE", LICENSE)
    CASES[name] = {"backend": backend, "description": description, "files": files}


PY = 'def hello():\n    return "hello"\n'

case("hatchling-src-layout", "hatchling", '''
name = "acme-models"
version = "1.2.0"
description = "Shared models"
readme = "README.md"
license = "MIT"
license-files = ["LICENSE"]
requires-python = ">=3.10"
authors = [{ name = "Ada Example", email = "ada@example.com" }]
keywords = ["models", "lambda"]
classifiers = ["Programming Language :: Python :: 3", "Typing :: Typed"]
dependencies = ["pydantic>=2.5", "requests[socks]>=2.31; python_version < '3.13'"]

[project.optional-dependencies]
cli = ["click>=8"]

[project.scripts]
acme-models = "acme_models.core:main"

[project.entry-points."acme.plugins"]
default = "acme_models.core:Plugin"

[project.urls]
Homepage = "https://example.com/acme"
''', "", {
    "src/acme_models/__init__.py": 'from .core import hello\n__all__ = ["hello"]\n',
    "src/acme_models/core.py": PY + "\ndef main():\n    print(hello())\n\nclass Plugin:\n    pass\n",
    "src/acme_models/py.typed": "",
    "src/acme_models/data/schema.json": '{"type": "object"}\n',
    "src/acme_models/__pycache__/core.cpython-311.pyc": "not really bytecode\n",
    "src/acme_models/stale.pyc": "not really bytecode\n",
    "tests/test_core.py": "def test():\n    pass\n",
}, "hatchling default file selection: src/<name>/__init__.py; *.py[cdo] and __pycache__ never shipped")

case("hatchling-flat-exclude-gitignore", "hatchling", '''
name = "billing_utils"
version = "0.4"
description = "Billing helpers"
dependencies = []
''', '''
[tool.hatch.build.targets.wheel]
exclude = ["billing_utils/tests", "*.md"]
''', {
    "billing_utils/__init__.py": "",
    "billing_utils/tax.py": PY,
    "billing_utils/notes.md": "internal notes\n",
    "billing_utils/tests/__init__.py": "",
    "billing_utils/tests/test_tax.py": "def test():\n    pass\n",
    "billing_utils/debug.log": "noise\n",
    "billing_utils/rates.csv": "a,b\n1,2\n",
    ".gitignore": "*.log\n/build/\n",
}, "hatchling: <name>/__init__.py at the root; exclude patterns and the root .gitignore are gitignore-style")

case("hatchling-packages-renamed", "hatchling", '''
name = "acme-tools"
version = "2.0.0"
description = "Import name differs from the distribution name"
dependencies = ["boto3>=1.34"]
''', '''
[tool.hatch.build.targets.wheel]
packages = ["src/toolbox"]
''', {
    "src/toolbox/__init__.py": "VERSION = '2'\n",
    "src/toolbox/s3.py": PY,
    "src/toolbox/templates/page.html": "<p>hi</p>\n",
    "src/other/__init__.py": "",
}, "hatchling packages: the package's parent directory is stripped (src/toolbox -> toolbox)")

case("hatchling-single-module", "hatchling", '''
name = "settings-loader"
version = "0.1.0"
description = "One module"
dependencies = ["pydantic-settings>=2"]
''', "", {
    "settings_loader.py": PY,
    "scripts/tool.py": PY,
}, "hatchling default file selection: <name>.py at the root")

case("hatchling-namespace-package", "hatchling", '''
name = "acme-events"
version = "3.1.4"
description = "A namespace package"
dependencies = []
''', '''
[tool.hatch.build.targets.wheel]
packages = ["src/acme"]
''', {
    "src/acme/events/__init__.py": "",
    "src/acme/events/bus.py": PY,
    "src/acme/events/py.typed": "",
}, "hatchling packages: a PEP 420 namespace directory without __init__.py")

case("setuptools-src-autodiscovery", "setuptools", '''
name = "inventory-core"
version = "1.0.0"
description = "src-layout auto-discovery"
readme = "README.md"
license = "Apache-2.0"
requires-python = ">=3.9"
dependencies = ["sqlalchemy>=2.0", "attrs"]

[project.optional-dependencies]
fast = ["orjson>=3; platform_machine == 'x86_64'"]

[project.scripts]
inventory = "inventory_core.cli:run"
''', '''
[tool.setuptools.package-data]
inventory_core = ["templates/*.txt"]
''', {
    "src/inventory_core/__init__.py": "",
    "src/inventory_core/cli.py": "def run():\n    pass\n",
    "src/inventory_core/py.typed": "",
    "src/inventory_core/templates/email.txt": "Hello {name}\n",
    "src/inventory_core/templates/skip.md": "not package data\n",
    "src/inventory_core/sub/__init__.py": "",
    "src/inventory_core/sub/deep.py": PY,
    "tests/test_x.py": "",
}, "setuptools automatic discovery, src-layout; [tool.setuptools.package-data]; py.typed")

case("setuptools-flat-autodiscovery", "setuptools", '''
name = "flat-lib"
version = "0.9.1"
description = "flat-layout auto-discovery"
dependencies = ["httpx>=0.27"]
''', "", {
    "flat_lib/__init__.py": "",
    "flat_lib/api.py": PY,
    "flat_lib/data.json": "{}\n",
    "tests/test_api.py": "",
    "docs/conf.py": "",
    "tools/helper.py": "",
}, "setuptools automatic discovery, flat-layout: reserved names (tests, docs, tools) are skipped")

case("setuptools-explicit-package-dir", "setuptools", '''
name = "geo-kit"
version = "2.3.0"
description = "packages, package-dir and py-modules"
dependencies = []
''', '''
[tool.setuptools]
packages = ["geo", "geo.shapes"]
package-dir = { "" = "lib" }
py-modules = ["geo_cli"]
''', {
    "lib/geo/__init__.py": "",
    "lib/geo/core.py": PY,
    "lib/geo/shapes/__init__.py": "",
    "lib/geo/shapes/circle.py": PY,
    "lib/geo/unlisted/__init__.py": "",
    "lib/geo_cli.py": PY,
    "lib/other.py": PY,
}, "setuptools [tool.setuptools] packages, package-dir and py-modules")

case("setuptools-find-namespaces", "setuptools", '''
name = "corp-payments"
version = "0.2.0"
description = "packages.find with include, exclude and namespaces"
dependencies = []
''', '''
[tool.setuptools.packages.find]
where = ["src"]
include = ["corp*"]
exclude = ["corp.internal*"]
''', {
    "src/corp/payments/__init__.py": "",
    "src/corp/payments/card.py": PY,
    "src/corp/internal/__init__.py": "",
    "src/corp/internal/secret.py": PY,
    "src/unrelated/__init__.py": "",
}, "setuptools [tool.setuptools.packages.find] where/include/exclude, namespaces = true by default")

case("setuptools-single-module", "setuptools", '''
name = "timeparse"
version = "1.1"
description = "single-module flat layout"
dependencies = []
''', "", {
    "timeparse.py": PY,
}, "setuptools automatic discovery: a single module at the root")

case("setuptools-no-include-package-data", "setuptools", '''
name = "rules-engine"
version = "4.0.0"
description = "package-data globs with include-package-data off, exclude-package-data"
dependencies = []
''', '''
[tool.setuptools]
include-package-data = false

[tool.setuptools.package-data]
"*" = ["*.json", "*.yaml"]

[tool.setuptools.exclude-package-data]
rules_engine = ["private.json"]
''', {
    "src/rules_engine/__init__.py": "",
    "src/rules_engine/rules.json": "[]\n",
    "src/rules_engine/private.json": "{}\n",
    "src/rules_engine/config.yaml": "a: 1\n",
    "src/rules_engine/readme.txt": "no\n",
}, "setuptools package-data '*' globs and exclude-package-data")

case("flit-module-renamed", "flit", '''
name = "acme-flit"
version = "0.5.0"
description = "flit with a module name that differs"
requires-python = ">=3.9"
dependencies = ["attrs>=23"]

[project.scripts]
acme-flit = "acme_fl.cli:main"
''', '''
[tool.flit.module]
name = "acme_fl"
''', {
    "acme_fl/__init__.py": '"""Acme flit."""\n',
    "acme_fl/cli.py": "def main():\n    pass\n",
    "acme_fl/assets/logo.svg": "<svg/>\n",
    "acme_fl/__pycache__/cli.cpython-311.pyc": "x\n",
}, "flit [tool.flit.module] name; the whole package directory minus __pycache__")

case("flit-src-dynamic", "flit", '''
name = "quickhash"
dynamic = ["version", "description"]
dependencies = []
''', "", {
    "src/quickhash.py": '"""Hash things quickly."""\n\n__version__ = "0.3.1"\n\n' + PY,
}, "flit src/<module>.py; dynamic version and description from __version__ and the docstring")

case("poetry-src-packages", "poetry", '''
name = "acme-reports"
version = "1.4.2"
description = "poetry-core with packages from src"
requires-python = ">=3.10"
dependencies = ["jinja2>=3.1"]

[project.scripts]
acme-reports = "reports.main:run"
''', '''
[tool.poetry]
packages = [{ include = "reports", from = "src" }]
exclude = ["src/reports/fixtures"]
''', {
    "src/reports/__init__.py": "",
    "src/reports/main.py": "def run():\n    pass\n",
    "src/reports/templates/base.html": "<html/>\n",
    "src/reports/fixtures/big.json": "[]\n",
    "src/reports/__pycache__/main.cpython-311.pyc": "x\n",
}, "poetry-core packages include/from; exclude")

case("poetry-autodetect-gitignore", "poetry", '''
name = "poetry-flat"
version = "0.1.0"
description = "poetry-core default package detection"
dependencies = []
''', "", {
    "poetry_flat/__init__.py": "",
    "poetry_flat/py.typed": "",
    "poetry_flat/io.py": PY,
    "poetry_flat/cache.tmp": "x\n",
    ".gitignore": "*.tmp\n",
}, "poetry-core default: the package named after the project; .gitignore respected")


def pip_sources():
    out = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True).stdout
    args = []
    for line in out.splitlines():
        key, _, value = line.partition("=")
        for item in value.strip().strip("'\"").split():
            if item.startswith("file://") and "index-url" in key:
                args += ["--extra-index-url", item]
    return ["--index-url", "file:///nonexistent"] + args if args else []


def main():
    work = tempfile.mkdtemp(prefix="backend-oracles-")
    try:
        venv = os.path.join(work, "venv")
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
        py = os.path.join(venv, "bin", "python")
        subprocess.run([py, "-m", "pip", "install", "-q", *pip_sources(),
                        *[b[0] for b in BACKENDS.values()]], check=True)
        shutil.rmtree(os.path.join(OUT, "wheels"), ignore_errors=True)
        for name, spec in sorted(CASES.items()):
            tree = os.path.join(work, "trees", name)
            for rel, text in spec["files"].items():
                path = os.path.join(tree, rel)
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", encoding="utf-8", newline="\n") as f:
                    f.write(text)
            dest = os.path.join(OUT, "wheels", name)
            os.makedirs(dest)
            env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
            subprocess.run([py, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "--no-index",
                            "-w", os.path.abspath(dest), tree], check=True, env=env)
            print(name, os.listdir(dest))
        corpus = {name: {k: v for k, v in spec.items()} for name, spec in sorted(CASES.items())}
        with open(os.path.join(OUT, "corpus.json"), "w", encoding="utf-8", newline="\n") as f:
            json.dump({"backends": {k: v[0] for k, v in BACKENDS.items()}, "cases": corpus}, f, indent=1,
                      sort_keys=True)
            f.write("\n")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
