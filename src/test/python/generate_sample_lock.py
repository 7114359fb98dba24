#!/usr/bin/env python3
"""Writes lambdas-sample/lambdas/uv.lock in uv's format, without uv and without PyPI.

uv cannot run here, so this script plays its part for the sample only: the resolution (one version
per package) is fixed below, and every artifact is real:

* wheels of the machine's local PyPI mirrors (found through `pip config list`): the sha256 and size
  are computed from the file, and the URL is the one PyPI serves it under, which PyPI derives from
  the file's BLAKE2b-256 digest (packages/<2 hex>/<2 hex>/<60 hex>/<filename>);
* the artifacts in src/test/python/sample_lock_sources.json, copied from the public sources named
  there (Homebrew formulae, git tags).

Workspace members (`[tool.uv.workspace] members` globs) are written as uv writes them: listed in
`[manifest] members` together with the root project, locked with `source = { editable = "<dir>" }`,
their declared requirements in `[package.metadata]`, and referenced from the root's groups with
`editable = "<dir>"` in `[package.metadata.requires-dev]`.

Dependency edges come from each wheel's METADATA (or, for sdist-only packages, from the
requirements recorded in the JSON), with markers simplified against requires-python as uv does.
Run from the repository root:

    python3 src/test/python/generate_sample_lock.py
"""
import email.parser
import glob
import hashlib
import json
import os
import re
import subprocess
import sys
import tomllib
import zipfile

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename

PYPROJECT = "lambdas-sample/lambdas/pyproject.toml"
OUT = "lambdas-sample/lambdas/uv.lock"
SOURCES = "src/test/python/sample_lock_sources.json"
REQUIRES_PYTHON = ">=3.11"

RESOLUTION = {
    "annotated-types": "0.8.0", "anyio": "4.15.1", "aws-lambda-powertools": "3.2.0",
    "boto3": "1.43.107", "botocore": "1.43.107", "certifi": "2026.7.22", "cffi": "2.1.1",
    "charset-normalizer": "3.5.2", "colorama": "0.4.6", "cryptography": "50.0.2", "h11": "0.16.0",
    "httpcore": "1.0.9", "httpx": "0.28.1", "idna": "3.20", "iniconfig": "2.3.0", "jinja2": "3.1.6",
    "jmespath": "1.1.0", "markupsafe": "3.0.3", "moto": "5.1.15", "packaging": "26.3",
    "pluggy": "1.6.0", "py-partiql-parser": "0.6.1", "pycparser": "3.0", "pydantic": "2.13.5",
    "pydantic-core": "2.46.5", "pydantic-settings": "2.15.0", "pygments": "2.21.0",
    "pytest": "9.1.1", "python-dateutil": "2.9.0.post0", "python-dotenv": "1.2.4",
    "pyyaml": "6.0.3", "requests": "2.34.2", "responses": "0.26.3", "ruff": "0.16.9",
    "s3transfer": "0.19.2", "six": "1.17.0", "typing-extensions": "4.16.0",
    "typing-inspection": "0.4.4", "urllib3": "2.8.0", "werkzeug": "3.1.9", "xmltodict": "1.0.2",
}
PYPI = "https://pypi.org/simple"


def mirror_dirs():
    """The file:// indexes and find-links directories pip is configured with."""
    out = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True).stdout
    dirs = []
    for line in out.splitlines():
        _, _, value = line.partition("=")
        for item in value.strip("'\"").split():
            if item.startswith("file://"):
                item = item[len("file://"):]
                item = os.path.dirname(item.rstrip("/")) if item.rstrip("/").endswith("simple") else item
            if os.path.isdir(item):
                dirs.append(item)
    return sorted(set(dirs))


def mirror_wheels():
    found = {}
    for d in mirror_dirs():
        for path in glob.glob(os.path.join(d, "**", "*.whl"), recursive=True):
            name, version, _, _ = parse_wheel_filename(os.path.basename(path))
            found.setdefault((name, str(version)), []).append(path)
    return found


def pypi_url(path):
    data = open(path, "rb").read()
    b = hashlib.blake2b(data, digest_size=32).hexdigest()
    return (f"https://files.pythonhosted.org/packages/{b[:2]}/{b[2:4]}/{b[4:]}/{os.path.basename(path)}",
            hashlib.sha256(data).hexdigest(), len(data))


def metadata(path):
    with zipfile.ZipFile(path) as z:
        name = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        return email.parser.Parser().parsestr(z.read(name).decode("utf-8"))


RP = SpecifierSet(REQUIRES_PYTHON)
PYTHONS = [f"3.{m}.{p}" for m in range(11, 30) for p in (0, 1, 5, 10)]


def simplify(marker):
    """uv's stored form for the few marker shapes of this sample: clauses implied by requires-python
    go away, python_version becomes python_full_version, quotes become single."""
    if marker is None:
        return ""
    m = Marker(str(marker))
    envs = [{"python_version": v.rsplit(".", 1)[0], "python_full_version": v, "extra": ""} for v in PYTHONS]
    clauses = [c.strip() for c in str(marker).split(" and ")]
    kept = []
    for c in clauses:
        cm = Marker(c)
        if "python_version" in c or "python_full_version" in c:
            results = {cm.evaluate(e) for e in envs}
            if results == {True}:
                continue  # implied by requires-python
            if results == {False}:
                return None  # never applies
            op, ver = re.match(r'python_(?:full_)?version\s*(<=|>=|<|>|==|!=)\s*"([^"]+)"', c).groups()
            kept.append(f"python_full_version {op} '{ver}'")
        else:
            kept.append(c.replace('"', "'"))
    return " and ".join(kept)


def edges(requirements, extra=None, resolution=None):
    resolution = resolution or RESOLUTION
    out = []
    for text in requirements:
        r = Requirement(text)
        marker = r.marker
        in_extra = marker is not None and "extra ==" in str(marker)
        if extra is None and in_extra:
            continue
        if extra is not None:
            if not in_extra or not marker.evaluate({"extra": extra}):
                continue
            rest = [c for c in str(marker).split(" and ") if "extra ==" not in c]
            marker = Marker(" and ".join(rest)) if rest else None
        simplified = simplify(marker)
        if simplified is None:
            continue
        name = canonicalize_name(r.name)
        if name not in resolution:
            sys.exit(f"the resolution has no version for {name} (needed via {text})")
        if not r.specifier.contains(resolution[name], prereleases=True):
            sys.exit(f"{name} {resolution[name]} does not satisfy {text}")
        out.append((name, sorted(canonicalize_name(e) for e in r.extras), simplified))
    return sorted(out)


def dep_inline(name, extras, marker):
    s = f'{{ name = "{name}"'
    if extras:
        s += ", extra = [" + ", ".join(f'"{e}"' for e in extras) + "]"
    if marker:
        s += f', marker = "{marker}"'
    return s + " }"


def artifact(url, sha, size=None):
    s = f'{{ url = "{url}", hash = "sha256:{sha}"'
    if size is not None:
        s += f", size = {size}"
    return s + " }"


def workspace_members(pyproject_path, pyproject):
    """name -> (directory relative to the workspace root, its pyproject) for each member glob match."""
    root = os.path.dirname(pyproject_path)
    workspace = pyproject.get("tool", {}).get("uv", {}).get("workspace", {})
    excluded = set()
    for pattern in workspace.get("exclude", []):
        excluded.update(glob.glob(os.path.join(root, pattern)))
    members = {}
    for pattern in workspace.get("members", []):
        for path in sorted(glob.glob(os.path.join(root, pattern))):
            if path in excluded or not os.path.isfile(os.path.join(path, "pyproject.toml")):
                continue
            member = tomllib.load(open(os.path.join(path, "pyproject.toml"), "rb"))
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            members[canonicalize_name(member["project"]["name"])] = (rel, member)
    return members


def requirement_inline(text, sources_cfg, members):
    r = Requirement(text)
    n = canonicalize_name(r.name)
    s = f'{{ name = "{n}"'
    if r.extras:
        s += ", extras = [" + ", ".join(f'"{e}"' for e in sorted(r.extras)) + "]"
    if n in members:
        s += f', editable = "{members[n][0]}"'
    elif n in sources_cfg and "git" in sources_cfg[n]:
        src = sources_cfg[n]
        s += f', git = "{src["git"]}?tag={src["tag"]}"'
    elif str(r.specifier):
        s += f', specifier = "{r.specifier}"'
    return n, s + " }"


def member_block(name, rel, member, resolution):
    project = member["project"]
    lines = ["[[package]]", f'name = "{name}"', f'version = "{project["version"]}"',
             f'source = {{ editable = "{rel}" }}']
    deps = edges(project.get("dependencies", []), resolution=resolution)
    if deps:
        lines.append("dependencies = [")
        lines += [f"    {dep_inline(*d)}," for d in deps]
        lines.append("]")
    requires = sorted(requirement_inline(t, {}, {})[1] for t in project.get("dependencies", []))
    lines += ["", "[package.metadata]"]
    if len(requires) == 1:
        lines.append(f"requires-dist = [{requires[0]}]")
    else:
        lines.append("requires-dist = [")
        lines += [f"    {r}," for r in requires]
        lines.append("]")
    return "\n".join(lines)


def main():
    write_lock(PYPROJECT, OUT, RESOLUTION, json.load(open(SOURCES)))


def write_lock(pyproject_path, out, resolution, sources):
    """Writes uv.lock for pyproject_path with one version per package (resolution) from the mirror
    and the given extra sources."""
    wheels = mirror_wheels()
    pyproject = tomllib.load(open(pyproject_path, "rb"))
    activated_extras = {}
    for group in pyproject["dependency-groups"].values():
        for text in group:
            r = Requirement(text)
            activated_extras.setdefault(canonicalize_name(r.name), set()).update(canonicalize_name(e) for e in r.extras)

    blocks = []
    for name in sorted(resolution):
        version = resolution[name]
        ext = sources.get(name, {})
        files = wheels.get((name, version), [])
        requires = ext.get("requires_dist")
        if requires is None:
            if not files:
                sys.exit(f"no wheel of {name} {version} in the mirror and no requires_dist in {SOURCES}")
            requires = metadata(files[0]).get_all("Requires-Dist") or []
        lines = ["[[package]]", f'name = "{name}"', f'version = "{version}"']
        if "git" in ext:
            g = ext["git"]
            lines.append(f'source = {{ git = "{g["url"]}?tag={g["tag"]}#{g["commit"]}" }}')
        else:
            lines.append(f'source = {{ registry = "{PYPI}" }}')
        deps = edges(requires, resolution=resolution)
        if deps:
            lines.append("dependencies = [")
            lines += [f"    {dep_inline(*d)}," for d in deps]
            lines.append("]")
        if "sdist" in ext:
            s = ext["sdist"]
            lines.append("sdist = " + artifact(s["url"], s["sha256"]))
        wheel_entries = [(os.path.basename(p),) + pypi_url(p) for p in files]
        for w in ext.get("wheels", []):
            wheel_entries.append((w["url"].rsplit("/", 1)[1], w["url"], w["sha256"], None))
        if wheel_entries:
            lines.append("wheels = [")
            for _, url, sha, size in sorted(wheel_entries):
                lines.append(f"    {artifact(url, sha, size)},")
            lines.append("]")
        extras = sorted(activated_extras.get(name, ()))
        optional = [(e, edges(requires, e, resolution)) for e in extras]
        optional = [(e, d) for e, d in optional if d]
        if optional:
            lines.append("")
            lines.append("[package.optional-dependencies]")
            for e, d in optional:
                lines.append(f"{e} = [")
                lines += [f"    {dep_inline(*x)}," for x in d]
                lines.append("]")
        blocks.append("\n".join(lines))

    members = workspace_members(pyproject_path, pyproject)
    for name, (rel, member) in members.items():
        blocks.append(member_block(name, rel, member, resolution))

    # The project itself: a virtual root (no [build-system]).
    project = pyproject["project"]
    sources_cfg = pyproject.get("tool", {}).get("uv", {}).get("sources", {})
    root = ["[[package]]", f'name = "{canonicalize_name(project["name"])}"', f'version = "{project["version"]}"',
            'source = { virtual = "." }', "", "[package.dev-dependencies]"]
    for group in sorted(pyproject["dependency-groups"], key=canonicalize_name):
        root.append(f"{canonicalize_name(group)} = [")
        reqs = sorted((canonicalize_name(Requirement(t).name), sorted(canonicalize_name(e) for e in Requirement(t).extras), "")
                      for t in pyproject["dependency-groups"][group])
        root += [f"    {dep_inline(*r)}," for r in reqs]
        root.append("]")
    root += ["", "[package.metadata]", "requires-dist = []", "", "[package.metadata.requires-dev]"]
    for group in sorted(pyproject["dependency-groups"], key=canonicalize_name):
        root.append(f"{canonicalize_name(group)} = [")
        entries = [requirement_inline(t, sources_cfg, members) for t in pyproject["dependency-groups"][group]]
        root += [f"    {e}," for _, e in sorted(entries)]
        root.append("]")
    blocks.append("\n".join(root))
    blocks.sort(key=lambda b: re.search(r'name = "([^"]+)"', b).group(1))

    header = f'version = 1\nrevision = 3\nrequires-python = "{REQUIRES_PYTHON}"\n'
    if members:
        names = sorted(set(members) | {canonicalize_name(project["name"])})
        header += "\n[manifest]\nmembers = [\n" + "".join(f'    "{n}",\n' for n in names) + "]\n"
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n" + "\n\n".join(blocks) + "\n")
    print(f"wrote {out}: {len(blocks)} packages")


if __name__ == "__main__":
    main()
