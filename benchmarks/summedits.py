"""SummEdits (news): is a one-sentence summary consistent with its article? Balanced accuracy.

Runs ``factcheck compare --pairs`` on the evaluation split (read in place, never
copied) and counts a pair as inconsistent when it gets any warning or error.
Prints balanced accuracy (the mean of the recall on both labels) beside the
published figures, recall per edit type, the time taken, and every error made:

    .venv/bin/python benchmarks/summedits.py [EVAL_JSONL] [--limit N] [--quiet]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "summedits-news" / "eval.jsonl"
GATE_SEVERITIES = {"error", "warning"}
#: Balanced accuracy on the news domain, from the SummEdits repository's README.
PUBLISHED = {
    "DAE": 60.9,
    "SummaC-Conv": 61.9,
    "QAFactEval": 74.4,
    "GPT-3.5 (ChatGPT)": 74.4,
    "Claude 2.1": 77.2,
    "Gemini Pro": 77.6,
    "GPT-4": 83.3,
    "human annotators": 90.0,
}


def records(path: Path, limit: int | None) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        found = [json.loads(line) for line in lines if line.strip()]
    return found[:limit] if limit else found


def run_compare(path: Path, limit: int | None) -> tuple[dict[int, dict[str, Any]], float]:
    """The JSON report's documents by line number, and the seconds the command took."""
    source = path
    if limit:
        # Only for a quick look: the first N lines, through a pipe rather than a copy on disk.
        source = Path("-")
    command = [sys.executable, "-m", "factcheck", "compare", "--pairs", str(source), "--format", "json"]
    command += ["--fail-on", "never"]
    started = time.perf_counter()
    text_input = None
    if limit:
        with path.open(encoding="utf-8") as lines:
            text_input = "".join(line for _, line in zip(range(limit), lines, strict=False))
    done = subprocess.run(
        command, input=text_input, capture_output=True, text=True, check=False, env=os.environ
    )
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        sys.exit(f"factcheck compare failed ({done.returncode}): {done.stderr.strip()}")
    report = json.loads(done.stdout)
    documents = {}
    for document in report["documents"]:
        line = int(document["path"].rsplit(":", 1)[1])
        documents[line] = document
    return documents, elapsed


def flagged(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [f for f in document["findings"] if f["severity"] in GATE_SEVERITIES and not f["suppressed"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--limit", type=int, default=None, help="only the first N pairs")
    parser.add_argument("--quiet", action="store_true", help="figures only, not every error")
    args = parser.parse_args()
    if not args.file.is_file():
        print(f"no such file: {args.file}", file=sys.stderr)
        return 2
    pairs = records(args.file, args.limit)
    documents, elapsed = run_compare(args.file, args.limit)
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    misses, alarms = [], []
    for line, record in enumerate(pairs, start=1):
        document = documents[line]
        findings = flagged(document)
        predicted = "inconsistent" if findings else "consistent"
        label = record["label"]
        totals[label] += 1
        hits[label] += predicted == label
        for edit in record.get("edit_types") or (["(none given)"] if label == "inconsistent" else []):
            totals[edit] += 1
            hits[edit] += bool(findings)
        if findings and label == "consistent":
            alarms.append((line, record, findings))
        if not findings and label == "inconsistent":
            misses.append((line, record))
        for finding in findings:
            by_rule[finding["rule_id"]] += label == "consistent"
    recall = {
        label: hits[label] / totals[label] if totals[label] else 0.0
        for label in ("consistent", "inconsistent")
    }
    balanced = (recall["consistent"] + recall["inconsistent"]) / 2
    if not args.quiet:
        print("== missed (inconsistent, nothing found)")
        for line, record in misses:
            print(f"  line {line} {record['id']} {record.get('edit_types')}")
            print(f"      {record['derived']}")
        print("== false alarms (consistent, flagged)")
        for line, record, findings in alarms:
            print(f"  line {line} {record['id']}")
            print(f"      {record['derived']}")
            for finding in findings:
                sides = " | ".join(f"{e['document']}: {e['text'][:80]!r}" for e in finding["evidence"])
                print(f"      {finding['rule_id']} {finding['message']}  [{sides}]")
        print()
    print(f"pairs: {len(pairs)} ({totals['inconsistent']} inconsistent, {totals['consistent']} consistent)")
    print(f"time: {elapsed:.1f} s for the command, model load included ({len(pairs) / elapsed:.1f} pairs/s)")
    print(f"recall on consistent:   {recall['consistent']:.3f}")
    print(f"recall on inconsistent: {recall['inconsistent']:.3f}")
    print("recall per edit type:")
    for edit in sorted(k for k in totals if k not in ("consistent", "inconsistent")):
        print(f"  {edit:28} {hits[edit]:3d}/{totals[edit]:3d}  {hits[edit] / totals[edit]:.3f}")
    if by_rule:
        print(
            "false alarms by rule: " + ", ".join(f"{rule} {count}" for rule, count in sorted(by_rule.items()))
        )
    print()
    print(f"balanced accuracy: {100 * balanced:.1f}   (factcheck compare, warnings and errors)")
    for name, figure in PUBLISHED.items():
        print(f"                   {figure:.1f}   {name} (published)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
