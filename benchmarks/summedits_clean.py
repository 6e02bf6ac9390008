"""Findings on the distinct source articles of the SummEdits news evaluation split.

The sources are real, published news articles, so every warning- or error-level
finding on them is presumed a false alarm. The articles are read from the JSON
Lines file in memory (never written anywhere), deduplicated, and checked with the
rules that are on by default; every finding is printed with its sides quoted.

    .venv/bin/python benchmarks/summedits_clean.py [EVAL_JSONL] [--select ID ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from factcheck.config import Settings
from factcheck.pipeline import Checker, gazetteer_for, rules_for
from factcheck.reading.inputs import document_from_text

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "summedits-news" / "eval.jsonl"
GATE_SEVERITIES = {"error", "warning"}


def distinct_sources(path: Path) -> list[tuple[str, str]]:
    """(first record id, source text) for each distinct source, in file order."""
    seen: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                record = json.loads(line)
                seen.setdefault(record["source"], record["id"])
    return [(record_id, source) for source, record_id in seen.items()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--select", nargs="*", default=[], help="rule ids or prefixes to run")
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"no such file: {args.file}", file=sys.stderr)
        return 2
    settings = Settings(select=tuple(args.select))
    checker = Checker(rules_for(settings), gazetteer_for(settings))
    sources = distinct_sources(args.file)
    documents = [document_from_text(text, f"summedits:{record_id}") for record_id, text in sources]
    gate_total = 0
    for result in checker.check(documents):
        gate = [f for f in result.findings if f.severity in GATE_SEVERITIES]
        gate_total += len(gate)
        print(f"{result.path}: {len(result.findings)} findings, {len(gate)} warning or error")
        for finding in result.findings:
            print(f"  {finding.severity} {finding.rule_id} {finding.message}")
            for evidence in finding.evidence:
                print(f"      {evidence.line}:{evidence.column} {evidence.text!r}")
    print()
    print(f"distinct source articles:    {len(sources)}")
    print(f"warning or error findings:   {gate_total} (target 0)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
