"""Score factcheck on a folder of planted contradictions: recall per category, every miss, every false alarm.

The folder holds ``cases/*.txt`` and ``expected.json`` (the layout of
``shared/benchmarks/contradictions-dev``): for each contradicted article, the
sides of its contradiction as lists of alternative exact substrings; for each
clean twin, ``"contradiction": false``.

A finding is a **hit** when its evidence overlaps at least one alternative of
every side, whatever its severity (the set's README: an info finding still shows
the editor both sides); how many articles are detected at warning or error, the
level a gate fails on, is printed beside. An article with a contradiction is
detected when one finding is a hit; its other warning/error findings are false
alarms. Every warning or error
on a clean twin is a false alarm. factcheck is run once, as a user would run it
(``factcheck check FOLDER/cases --format json``), so the score is the tool's, not
a library shortcut's.

    .venv/bin/python benchmarks/contradictions.py ../shared/benchmarks/contradictions-dev
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

GATE = frozenset({"error", "warning"})


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    text: str
    contradiction: bool
    category: str
    kind: str
    #: Each side: the (start, end) spans of every occurrence of every alternative.
    sides: tuple[tuple[tuple[int, int], ...], ...]


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    found, start = [], text.find(needle)
    while start != -1:
        found.append((start, start + len(needle)))
        start = text.find(needle, start + 1)
    return found


def load_cases(folder: Path) -> list[Case]:
    expected: dict[str, Any] = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    cases = []
    for name, entry in sorted(expected.items()):
        text = (folder / "cases" / name).read_text(encoding="utf-8")
        sides = tuple(
            tuple(span for alternative in side for span in occurrences(text, alternative))
            for side in entry.get("quotes", [])
        )
        for side, quotes in zip(sides, entry.get("quotes", []), strict=True):
            if not side:
                raise SystemExit(f"{name}: no alternative of side {quotes!r} occurs in the article")
        cases.append(
            Case(name, text, entry["contradiction"], entry["category"], entry.get("kind", ""), sides)
        )
    return cases


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def is_hit(finding: dict[str, Any], case: Case) -> bool:
    spans = [(e["start"], e["end"]) for e in finding["evidence"]]
    return bool(case.sides) and all(any(overlaps(s, q) for s in spans for q in side) for side in case.sides)


def run_factcheck(folder: Path, extra: list[str]) -> dict[str, list[dict[str, Any]]]:
    command = shutil.which("factcheck", path=str(Path(sys.executable).parent)) or "factcheck"
    completed = subprocess.run(
        [command, "check", str(folder / "cases"), "--format", "json", "--fail-on", "never", *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode not in (0, 1):
        raise SystemExit(f"factcheck failed ({completed.returncode}): {completed.stderr.strip()}")
    report = json.loads(completed.stdout)
    return {Path(d["path"]).name: d["findings"] for d in report["documents"]}


def describe(finding: dict[str, Any]) -> str:
    quoted = " / ".join(f"{e['line']}:{e['column']} {e['text']!r}" for e in finding["evidence"])
    return f"{finding['severity']} {finding['rule_id']}: {quoted}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="a folder with cases/ and expected.json")
    parser.add_argument("--quiet", action="store_true", help="figures only, not each miss and alarm")
    parser.add_argument("factcheck_args", nargs="*", help="extra arguments for factcheck check (after --)")
    args = parser.parse_args()
    cases = load_cases(args.folder)
    findings = run_factcheck(args.folder, args.factcheck_args)
    found: Counter[str] = Counter()
    gated = 0
    total: Counter[str] = Counter()
    misses: list[str] = []
    alarms: list[str] = []
    for case in cases:
        shown = [f for f in findings.get(case.name, []) if not f["suppressed"]]
        gate = [f for f in shown if f["severity"] in GATE]
        if not case.contradiction:
            alarms.extend(f"{case.name} (clean twin, {case.category}): {describe(f)}" for f in gate)
            continue
        total[case.category] += 1
        hits = [f for f in shown if is_hit(f, case)]
        if hits:
            found[case.category] += 1
            gated += any(f["severity"] in GATE for f in hits)
        else:
            misses.append(f"{case.name} {case.category}: {case.kind}")
        alarms.extend(
            f"{case.name} (contradicted, {case.category}): {describe(f)}" for f in gate if f not in hits
        )
    contradicted = sum(total.values())
    twins = sum(1 for c in cases if not c.contradiction)
    twin_alarms = sum(1 for a in alarms if "(clean twin" in a)
    if not args.quiet:
        for title, lines in (("misses", misses), ("false alarms", alarms)):
            print(f"{title} ({len(lines)}):")
            for line in lines:
                print(f"  {line}")
        print()
    print(f"{'category':<10} found")
    for category in sorted(total):
        print(f"{category:<10} {found[category]}/{total[category]}")
    detected = sum(found.values())
    print(f"detected: {detected}/{contradicted} contradicted articles ({gated} at warning or error)")
    print(f"false alarms on {twins} clean twins: {twin_alarms}")
    print(f"other false alarms on contradicted articles: {len(alarms) - twin_alarms}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
