"""The results cache: a first run over an archive against a rerun over the same, unchanged archive.

Runs ``factcheck check FOLDER --format json`` twice as a user would (a new process
each time, model loading included) with a fresh cache folder, checks that both runs
print the same bytes, and prints both wall times and the speed-up. The articles are
read in place; nothing is copied.

    .venv/bin/python benchmarks/cache.py [FOLDER]   # default: ../shared/benchmarks/bbc-dev
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "bbc-dev"


def timed_run(folder: Path, cache: Path) -> tuple[float, bytes, int]:
    command = [sys.executable, "-m", "factcheck", "check", str(folder), "--format", "json"]
    started = time.perf_counter()
    done = subprocess.run([*command, "--cache-dir", str(cache)], capture_output=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr.decode("utf-8", "replace"))
        raise SystemExit(f"factcheck exited {done.returncode}")
    return elapsed, done.stdout, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"no such folder: {args.folder}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="factcheck-cache-") as folder:
        cache = Path(folder)
        first, first_output, first_code = timed_run(args.folder, cache)
        second, second_output, second_code = timed_run(args.folder, cache)
        entries = sum(1 for _ in cache.rglob("*.json"))
    same = first_output == second_output and first_code == second_code
    documents = first_output.count(b'"path": ')
    print(f"folder:     {args.folder} ({documents} documents)")
    print(f"first run:  {first:7.1f} s  ({documents / first:6.1f} documents/s, empty cache)")
    print(f"rerun:      {second:7.1f} s  ({documents / second:6.1f} documents/s, {entries} cached results)")
    print(f"speed-up:   {first / second:7.1f}x")
    print(f"same bytes: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
