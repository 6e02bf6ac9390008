"""Speed and memory, side by side: bare spaCy against factcheck on the same texts.

    .venv/bin/python benchmarks/speed.py [FOLDER] [--limit N] [--processes N]

Prints seconds and articles per second for: loading, bare ``en_core_web_sm``
``nlp.pipe`` over the texts, the full factcheck pipeline (parse, entities, claims,
graph, rules) over the same texts, and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

import spacy

from factcheck.config import Settings
from factcheck.engine import gazetteer_for, rules_for
from factcheck.nlp.pipeline import MODEL_PACKAGES
from factcheck.pipeline import Checker
from factcheck.reading.inputs import InputOptions, collect

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "bbc-dev"


def _load_bare() -> spacy.language.Language:
    for package in MODEL_PACKAGES:
        try:
            return spacy.load(package)
        except OSError:
            continue
    raise SystemExit("no English spaCy pipeline installed")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--processes", type=int, default=1)
    args = parser.parse_args()
    paths = sorted(args.folder.glob("*.txt"))[: args.limit]
    if not paths:
        print(f"no .txt files in {args.folder}", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8") for p in paths]
    characters = sum(len(t) for t in texts)
    print(f"{len(texts)} articles, {characters:,} characters, {args.processes} process(es)")

    started = time.perf_counter()
    bare = _load_bare()
    bare_load = time.perf_counter() - started
    started = time.perf_counter()
    for _ in bare.pipe(texts, batch_size=16, n_process=args.processes):
        pass
    bare_run = time.perf_counter() - started

    started = time.perf_counter()
    settings = Settings()
    checker = Checker(rules_for(settings), gazetteer_for(settings))
    checker.pipeline  # noqa: B018 - load now, to time loading apart from checking
    ours_load = time.perf_counter() - started
    started = time.perf_counter()
    findings = 0
    for result in checker.check(collect([str(p) for p in paths], InputOptions()), processes=args.processes):
        findings += len(result.findings)
    ours_run = time.perf_counter() - started

    print(f"{'':24}{'load s':>10}{'check s':>10}{'articles/s':>12}")
    print(f"{'bare spaCy nlp.pipe':24}{bare_load:10.1f}{bare_run:10.1f}{len(texts) / bare_run:12.1f}")
    print(f"{'factcheck':24}{ours_load:10.1f}{ours_run:10.1f}{len(texts) / ours_run:12.1f}")
    print(f"factcheck / bare spaCy:  {ours_run / bare_run:.2f}x the time; {findings} findings")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory:    {peak:.0f} MiB (this process)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
