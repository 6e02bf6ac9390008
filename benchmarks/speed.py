"""Speed and memory, side by side: bare spaCy against factcheck on the same texts.

    .venv/bin/python benchmarks/speed.py [FOLDER] [--limit N] [--processes 1,2] [--repeat 2]

For each number of processes, runs bare ``nlp.pipe(texts, n_process=N)`` of the
English pipeline and the whole factcheck check (parse, entities, events, claims,
graph, rules: ``Checker.check(..., processes=N)``) over the same texts, each in a
fresh Python process, alternately (bare, factcheck, bare, factcheck, ...) so that
the load of a shared machine falls on both alike; the best of ``--repeat`` runs
counts. Prints seconds (model loading apart; with N > 1 factcheck's workers load
their models inside the timed run), articles per second, the ratio, and the peak
resident memory of each run's whole process tree (the run and its workers),
sampled four times a second.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "bbc-dev"
SAMPLE_SECONDS = 0.25
KINDS = ("bare", "factcheck")


@dataclass(frozen=True, slots=True)
class Run:
    kind: str
    processes: int
    load: float
    seconds: float
    findings: int
    peak_mib: float


def _measure(kind: str, paths: list[Path], processes: int) -> dict[str, float]:
    """One timed run in this process; what the parent reads from its stdout."""
    texts = [p.read_text(encoding="utf-8") for p in paths]
    findings = 0
    if kind == "bare":
        import spacy

        from factcheck.nlp.models import MODEL_PACKAGES

        started = time.perf_counter()
        nlp = None
        for package in MODEL_PACKAGES:
            try:
                nlp = spacy.load(package)
                break
            except OSError:
                continue
        if nlp is None:
            raise SystemExit("no English spaCy pipeline installed")
        load = time.perf_counter() - started
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16, n_process=processes):
            pass
    else:
        from factcheck.config import Settings
        from factcheck.pipeline import Checker, gazetteer_for, rules_for
        from factcheck.reading.inputs import InputOptions, collect

        started = time.perf_counter()
        settings = Settings()
        checker = Checker(rules_for(settings), gazetteer_for(settings))
        from factcheck.workers import start_method

        if processes == 1 or start_method() == "fork":
            # Forked workers inherit the loaded pipeline; started afresh, each loads its own.
            checker.pipeline  # noqa: B018 - load now, to time loading apart from checking
        load = time.perf_counter() - started
        started = time.perf_counter()
        for result in checker.check(collect([str(p) for p in paths], InputOptions()), processes=processes):
            findings += len(result.findings)
    return {"load": load, "seconds": time.perf_counter() - started, "findings": findings}


def _tree_rss_kib(root: int) -> int:
    """Resident memory of a process and all its descendants, from /proc (0 where there is none)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else ():
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        parents[pid] = int(fields[1])
        rss[pid] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
    tree = {root}
    grew = True
    while grew:
        grew = False
        for pid, parent in parents.items():
            if parent in tree and pid not in tree:
                tree.add(pid)
                grew = True
    return sum(rss.get(pid, 0) for pid in tree)


def _run(kind: str, folder: Path, limit: int, processes: int) -> Run:
    command = [sys.executable, __file__, str(folder), "--limit", str(limit)]
    command += ["--processes", str(processes), "--measure", kind]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    peak = 0
    while child.poll() is None:
        peak = max(peak, _tree_rss_kib(child.pid))
        time.sleep(SAMPLE_SECONDS)
    out, _ = child.communicate()
    if child.returncode != 0:
        raise SystemExit(f"{kind} run with {processes} process(es) failed ({child.returncode})")
    data = json.loads(out.strip().splitlines()[-1])
    return Run(kind, processes, data["load"], data["seconds"], int(data["findings"]), peak / 1024)


def _paths(folder: Path, limit: int) -> list[Path]:
    return sorted(folder.glob("*.txt"))[:limit]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--processes", default="1,2", help="comma-separated, e.g. 1,2")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the best counts")
    parser.add_argument("--measure", choices=KINDS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    paths = _paths(args.folder, args.limit)
    if not paths:
        print(f"no .txt files in {args.folder}", file=sys.stderr)
        return 2
    if args.measure is not None:
        print(json.dumps(_measure(args.measure, paths, int(args.processes))))
        return 0

    counts = [int(p) for p in args.processes.split(",")]
    characters = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(f"{len(paths)} articles, {characters:,} characters; best of {args.repeat}, alternating")
    print(
        f"{'':12}{'processes':>10}{'load s':>8}{'check s':>9}{'articles/s':>12}{'peak MiB':>10}{'ratio':>8}"
    )
    for processes in counts:
        runs: dict[str, list[Run]] = {kind: [] for kind in KINDS}
        for _ in range(args.repeat):
            for kind in KINDS:
                runs[kind].append(_run(kind, args.folder, args.limit, processes))
        best = {kind: min(found, key=lambda r: r.seconds) for kind, found in runs.items()}
        for kind in KINDS:
            run = best[kind]
            ratio = run.seconds / best["bare"].seconds
            print(
                f"{kind:12}{processes:>10}{run.load:8.1f}{run.seconds:9.1f}"
                f"{len(paths) / run.seconds:12.2f}{max(r.peak_mib for r in runs[kind]):10.0f}{ratio:7.2f}x"
            )
        every = ", ".join(f"{kind} " + " ".join(f"{r.seconds:.1f}" for r in runs[kind]) for kind in KINDS)
        print(f"{'':12}every run (s): {every}; {best['factcheck'].findings} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
