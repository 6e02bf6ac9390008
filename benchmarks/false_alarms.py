"""False-alarm rate on a folder of clean articles (default: the BBC development set).

Every warning- or error-level finding on a clean, published article is presumed a
false alarm until a person agrees. Prints the rate of articles with at least one
such finding, the count per rule, and every finding with both sides quoted, so
each alarm can be read.

    .venv/bin/python benchmarks/false_alarms.py [FOLDER] [--select ID ...]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from factcheck.config import Settings
from factcheck.pipeline import Checker, gazetteer_for, rules_for
from factcheck.reading.inputs import InputOptions, collect

DEFAULT_FOLDER = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "bbc-dev"
GATE_SEVERITIES = {"error", "warning"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--select", nargs="*", default=[], help="rule ids or prefixes to run")
    parser.add_argument("--quiet", action="store_true", help="only the figures, not each finding")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"no such folder: {args.folder}", file=sys.stderr)
        return 2
    settings = Settings(select=tuple(args.select))
    checker = Checker(rules_for(settings), gazetteer_for(settings))
    paths = sorted(p for p in args.folder.glob("*.txt") if p.name.lower() != "readme.txt")
    started = time.perf_counter()
    flagged: list[str] = []
    per_rule: Counter[str] = Counter()
    info = 0
    read_errors = 0
    for result in checker.check(collect([str(p) for p in paths], InputOptions())):
        if result.error:
            read_errors += 1
            print(f"{result.path}: input error: {result.error}")
            continue
        gate = [f for f in result.findings if f.severity in GATE_SEVERITIES]
        info += len(result.findings) - len(gate)
        if gate:
            flagged.append(result.path)
        for finding in gate:
            per_rule[f"{finding.rule_id} {finding.rule_name}"] += 1
            if not args.quiet:
                print(f"{Path(result.path).name}: {finding.severity} {finding.rule_id} {finding.message}")
                for evidence in finding.evidence:
                    print(f"    {evidence.line}:{evidence.column} {evidence.text!r}")
    elapsed = time.perf_counter() - started
    checked = len(paths) - read_errors
    rate = len(flagged) / checked if checked else 0.0
    print()
    print(f"articles checked:            {checked}")
    print(f"with a warning or error:     {len(flagged)} ({rate:.1%}; target at most 1.0%)")
    print(f"info findings:               {info}")
    print(f"seconds (after model load):  {elapsed:.1f}")
    for rule, count in sorted(per_rule.items()):
        print(f"  {count:4d}  {rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
