# Compiles the Python sources the plugin sends on stdin into unchecked-hash .pyc files (PEP 552)
# and sends their bytes back on stdout. It only compiles: the plugin decides which files there are,
# where their .pyc files go and what ends up in the zip.
#
# Integers are 4-byte big-endian.
#   out first: one line "uv-lambda-pyc 1 <X.Y.Z> <cache_tag> <implementation>"
#   in:  repeated <length><path, UTF-8><length><source bytes>; a path length of 0 ends the input
#   out: for each source, in order: <status byte: 0 compiled, 1 not><length><.pyc bytes | reason>
# The path is recorded in the code objects (tracebacks show it): it is where Lambda will see the
# file, /opt/python/... for a layer, /var/task/... for code.zip.
import sys

# With -c, the working directory is first on sys.path: keep it from shadowing the stdlib.
sys.path[:] = [p for p in sys.path if p not in ("", ".")]

import importlib.util  # noqa: E402
import marshal  # noqa: E402
import struct  # noqa: E402

# What compileall skips, it skips for these reasons; anything else is a real failure.
NOT_COMPILABLE = (SyntaxError, ValueError, UnicodeDecodeError, OverflowError, RecursionError, MemoryError)


def read_exact(stream, n):
    data = stream.read(n)
    if len(data) != n:
        raise EOFError("the input ended in the middle of a record")
    return data


def read_record(stream):
    (n,) = struct.unpack(">I", read_exact(stream, 4))
    if n == 0:
        return None
    path = read_exact(stream, n).decode("utf-8")
    (n,) = struct.unpack(">I", read_exact(stream, 4))
    return path, read_exact(stream, n)


def unchecked_hash_pyc(path, source):
    # What py_compile writes for PycInvalidationMode.UNCHECKED_HASH: the magic number, the flags
    # 0b01 (hash-based, source not checked at import), the source's SipHash, the marshalled code.
    code = compile(source, path, "exec", dont_inherit=True)
    flags = struct.pack("<I", 0b01)
    return importlib.util.MAGIC_NUMBER + flags + importlib.util.source_hash(source) + marshal.dumps(code)


def main():
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    header = "uv-lambda-pyc 1 %d.%d.%d %s %s\n" % (
        sys.version_info[:3] + (sys.implementation.cache_tag, sys.implementation.name))
    stdout.write(header.encode("ascii"))
    stdout.flush()
    while True:
        record = read_record(stdin)
        if record is None:
            break
        path, source = record
        try:
            status, payload = 0, unchecked_hash_pyc(path, source)
        except NOT_COMPILABLE as e:
            status, payload = 1, ("%s: %s" % (type(e).__name__, e)).encode("utf-8", "replace")
        stdout.write(struct.pack(">BI", status, len(payload)))
        stdout.write(payload)
    stdout.flush()


main()
