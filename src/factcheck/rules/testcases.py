"""Rule fixtures: example texts next to each rule, with the findings it must report.

A rule file ``rules/LOC001-event-in-two-places.yaml`` has its fixture beside it as
``rules/LOC001-event-in-two-places.test.yaml``::

    rule: LOC001
    cases:
      - name: one summit placed in two countries
        text: |
          During a summit in Austria, ... The meeting in Japan ...
        expect:
          - ["summit in Austria", "meeting in Japan"]
      - name: two meetings in two places (hard negative)
        text: ...
        expect: []
      - name: a case the extractors get wrong today
        text: ...
        expect: [...]
        xfail: "the event extractor misses 'talks' after a colon"

Each case runs ONLY its rule (even when the rule is off by default) on the text
(``format: text|markdown|html``, default text). ``expect`` lists the rule's findings
in report order, each as its quoted evidence texts in order; runs of whitespace
compare as one space, so a quote may wrap in the source. Suppressed findings are
not counted: a case can show that a suppression comment works. An ``xfail`` case
is reported with its reason but never fails the run.

Loading is strict like rule loading: every problem names the file, the line and
what was expected. The runner here is shared by ``factcheck rules test`` and the
test suite, so both agree on what passing means.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from factcheck.claims.graph import Analysis
from factcheck.datafiles import DataFileError, line_of, load_yaml, strip_lines, validate
from factcheck.reading.document import Document
from factcheck.reading.inputs import InputError, document_from_text
from factcheck.rules.evaluation import run_rules
from factcheck.rules.findings import Finding
from factcheck.rules.loading import FIXTURE_MARK, RULE_SUFFIXES, Rule, load_rule_file, rule_files

#: A finding as a fixture states it: its evidence texts in order.
QuotedFinding = tuple[str, ...]


class Analyser(Protocol):
    """What runs a case's text through the stages up to the claim graph (a ``Checker``)."""

    def analyse(self, document: Document) -> Analysis: ...


PASSED = "passed"
FAILED = "failed"
XFAILED = "xfailed"
XPASSED = "xpassed"


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    text: str
    expect: tuple[QuotedFinding, ...]
    format: str = "text"
    xfail: str | None = None
    #: Line of the case in its fixture file, for messages that point at it.
    line: int = 1


@dataclass(frozen=True, slots=True)
class Fixture:
    rule_id: str
    path: str
    cases: tuple[Case, ...]
    rule_line: int = 1


@dataclass(frozen=True, slots=True)
class CaseResult:
    fixture: Fixture
    case: Case
    found: tuple[QuotedFinding, ...]
    #: Set when the text could not even be read (e.g. it is empty once comments go).
    error: str | None = None

    @property
    def matches(self) -> bool:
        return self.error is None and self.found == self.case.expect

    @property
    def outcome(self) -> str:
        if self.case.xfail is not None:
            return XPASSED if self.matches else XFAILED
        return PASSED if self.matches else FAILED

    @property
    def fails_run(self) -> bool:
        return self.outcome == FAILED

    def diff(self) -> list[str]:
        """Expected against found, one finding a line, as a unified diff."""
        if self.error is not None:
            return [f"cannot read the case's text: {self.error}"]
        return list(
            difflib.unified_diff(
                [_show(f) for f in self.case.expect],
                [_show(f) for f in self.found],
                fromfile="expected",
                tofile="found",
                lineterm="",
                n=len(self.case.expect) + len(self.found),
            )
        )


def _show(finding: QuotedFinding) -> str:
    return json.dumps(list(finding), ensure_ascii=False)


def _squash(text: str) -> str:
    return " ".join(text.split())


def is_fixture_file(path: Path) -> bool:
    return path.suffix in RULE_SUFFIXES and path.stem.endswith(FIXTURE_MARK)


def rule_file_beside(fixture_path: Path) -> Path | None:
    """The rule file a fixture sits next to: ``X.test.yaml`` -> ``X.yaml``."""
    stem = fixture_path.stem[: -len(FIXTURE_MARK)]
    for suffix in RULE_SUFFIXES:
        candidate = fixture_path.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def fixture_files(paths: Iterable[Path]) -> list[Path]:
    """Fixture files under the given files and folders; a rule file brings its own fixture."""
    found: dict[Path, Path] = {}
    for path in paths:
        if path.is_dir():
            candidates: Iterable[Path] = (p for p in path.rglob("*") if p.is_file() and is_fixture_file(p))
        elif is_fixture_file(path):
            candidates = [path]
        else:
            candidates = [f for f in [_fixture_beside(path)] if f is not None]
        for candidate in candidates:
            found.setdefault(candidate.resolve(), candidate)
    return sorted(found.values())


def _fixture_beside(rule_path: Path) -> Path | None:
    for suffix in RULE_SUFFIXES:
        candidate = rule_path.with_name(rule_path.stem + FIXTURE_MARK + suffix)
        if candidate.is_file():
            return candidate
    return None


def parse_fixture(raw: Any, path: str) -> Fixture:
    """Validate one loaded fixture file and build the Fixture."""
    if raw is None:
        raise DataFileError(path, 1, "empty file; expected a mapping with 'rule' and 'cases'")
    if not isinstance(raw, dict):
        raise DataFileError(path, 1, f"expected a mapping with 'rule' and 'cases', found {_yaml_type(raw)}")
    validate(raw, "fixture.schema.json", path)
    data: dict[str, Any] = strip_lines(raw)
    cases: list[Case] = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data["cases"]):
        line = line_of(raw, ("cases", index)) or 1
        name = entry["name"]
        if name in seen:
            raise DataFileError(
                path,
                line,
                f"duplicate case name {name!r} (first at line {seen[name]}); expected unique names",
            )
        seen[name] = line
        cases.append(
            Case(
                name=name,
                text=entry["text"],
                expect=tuple(tuple(_squash(t) for t in finding) for finding in entry["expect"]),
                format=entry.get("format", "text"),
                xfail=entry.get("xfail"),
                line=line,
            )
        )
    return Fixture(data["rule"], path, tuple(cases), line_of(raw, ("rule",)) or 1)


def _yaml_type(value: object) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return "a string"
    return f"{type(value).__name__} {value!r}"


def load_fixture(path: Path) -> Fixture:
    return parse_fixture(load_yaml(path), str(path))


def rule_of(fixture: Fixture, rules: Mapping[str, Rule]) -> Rule:
    """The rule a fixture tests: named by id, and the one beside it when there is one."""
    fixture_path = Path(fixture.path)
    beside = rule_file_beside(fixture_path)
    rule = rules.get(fixture.rule_id)
    if beside is not None:
        beside_rule = next((r for r in rules.values() if Path(r.path).resolve() == beside.resolve()), None)
        if beside_rule is not None and beside_rule.id != fixture.rule_id:
            raise DataFileError(
                fixture.path,
                fixture.rule_line,
                f"fixture names rule {fixture.rule_id!r}, but the rule file beside it "
                f"({beside}) defines {beside_rule.id!r}; expected {beside_rule.id!r}",
            )
    if rule is None:
        raise DataFileError(
            fixture.path,
            fixture.rule_line,
            f"unknown rule {fixture.rule_id!r}; expected the id of a loaded rule "
            f"(rules come from the built-in folder, rule-dirs in the config and the paths given)",
        )
    return rule


def quoted(findings: Sequence[Finding]) -> tuple[QuotedFinding, ...]:
    """Findings as a fixture states them; suppressed ones are not reported, so not counted."""
    return tuple(tuple(_squash(e.text) for e in f.evidence) for f in findings if not f.suppressed)


def run_case(fixture: Fixture, case: Case, rule: Rule, checker: Analyser) -> CaseResult:
    """Run ``rule`` alone on the case's text; ``checker`` supplies the loaded model."""
    try:
        document = document_from_text(case.text, f"{fixture.path}:{case.line}", case.format)
    except InputError as error:
        return CaseResult(fixture, case, (), str(error))
    analysis = checker.analyse(document)
    return CaseResult(fixture, case, quoted(run_rules([rule], analysis.graph, analysis.document)))


def run_fixture(fixture: Fixture, rule: Rule, checker: Analyser) -> list[CaseResult]:
    return [run_case(fixture, case, rule, checker) for case in fixture.cases]


# -- checking rule folders without the model -------------------------------------


@dataclass(frozen=True, slots=True)
class FileCheck:
    """One file's verdict: what it holds, or the error (file:line: problem)."""

    path: str
    summary: str
    error: str | None = None


def expand(paths: Sequence[Path]) -> tuple[list[Path], list[Path], list[FileCheck]]:
    """Rule files, fixture files, and errors for paths that do not exist."""
    rules: dict[Path, Path] = {}
    fixtures: dict[Path, Path] = {}
    missing: list[FileCheck] = []
    for path in paths:
        if not path.exists():
            missing.append(FileCheck(str(path), "", f"{path}: no such file or folder"))
            continue
        for rule_path in rule_files([path]):
            rules.setdefault(rule_path.resolve(), rule_path)
        for fixture_path in fixture_files([path]):
            fixtures.setdefault(fixture_path.resolve(), fixture_path)
    return sorted(rules.values()), sorted(fixtures.values()), missing


def validate_paths(paths: Sequence[Path], reserved: Sequence[Rule] = ()) -> list[FileCheck]:
    """Check every rule and fixture file under ``paths``: schema, references, unique ids.

    ``reserved`` are built-in rules whose ids no other file may use; checking a
    built-in rule's own file is no clash.
    """
    rule_paths, fixture_paths, checks = expand(paths)
    checked = {path.resolve() for path in rule_paths}
    taken = {
        rule.id: f"the built-in rule {rule.name}"
        for rule in reserved
        if Path(rule.path).resolve() not in checked
    }
    loaded: dict[str, Rule] = {}
    broken: set[Path] = set()
    for rule_path in rule_paths:
        try:
            rule = load_rule_file(rule_path)
            if rule.id in taken:
                raise DataFileError(
                    str(rule_path), 1, f"duplicate rule id {rule.id!r}, already defined in {taken[rule.id]}"
                )
        except DataFileError as error:
            checks.append(FileCheck(str(rule_path), "", str(error)))
            broken.add(rule_path.resolve())
            continue
        taken[rule.id] = rule.path
        loaded[rule.id] = rule
        checks.append(FileCheck(str(rule_path), f"rule {rule.id}"))
    # A fixture may test a rule of the files given or, when none of them redefines
    # it, a built-in one: `rules test rules/LOC001-....test.yaml` alone is a fixture run.
    testable = {rule.id: rule for rule in reserved if Path(rule.path).resolve() not in broken}
    testable.update(loaded)
    for fixture_path in fixture_paths:
        beside = rule_file_beside(fixture_path)
        if beside is not None and beside.resolve() in broken:
            problem = f"{fixture_path}: not checked; expected a valid rule file beside it ({beside})"
            checks.append(FileCheck(str(fixture_path), "", problem))
            continue
        try:
            fixture = load_fixture(fixture_path)
            rule_of(fixture, testable)
        except DataFileError as error:
            checks.append(FileCheck(str(fixture_path), "", str(error)))
            continue
        count = len(fixture.cases)
        checks.append(
            FileCheck(str(fixture_path), f"{count} case{'s' if count != 1 else ''} for {fixture.rule_id}")
        )
    return sorted(checks, key=lambda c: c.path)
