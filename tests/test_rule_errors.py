"""A malformed rule file is one exact line, file:line: what was wrong and what was expected.

Each case goes through the CLI twice: ``rules validate DIR`` (no model) and
``check --rules DIR ARTICLE`` (fails before the model is loaded). Both exit 2 and
neither shows a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.claims.extractors import claim_kinds
from factcheck.claims.model import COMMON_FIELDS
from factcheck.cli import app
from factcheck.datafiles import load_schema
from factcheck.rules.operators import operators

runner = CliRunner()

GOOD_RULE = """\
id: TST001
name: test-rule
category: location
severity: error
description: Two places for one event.
message: "{a.place} and {b.place}"
select:
  kind: event_location
group_by: [event]
conflict:
  operator: disjoint_places
  field: place
"""


def _event_fields() -> str:
    fields = {**claim_kinds()["event_location"].fields, **COMMON_FIELDS}
    return ", ".join(sorted(fields))


def _enum(name: str) -> str:
    return ", ".join(load_schema("rule.schema.json")["properties"][name]["enum"])


@dataclass(frozen=True)
class Bad:
    """A rule file's bytes and the exact problem text reported for it at a line."""

    content: bytes
    line: int
    problem: Callable[[], str]


def _edit(old: str, new: str) -> bytes:
    assert old in GOOD_RULE
    return GOOD_RULE.replace(old, new).encode()


CASES: dict[str, Bad] = {
    "bad YAML syntax": Bad(
        _edit("kind: event_location", "kind: [event_location"),
        9,
        lambda: "invalid YAML: did not find expected ',' or ']'",
    ),
    "tab indentation": Bad(
        _edit("  kind: event_location", "\tkind: event_location"),
        8,
        lambda: "tab character; YAML indentation must use spaces",
    ),
    "duplicate key": Bad(
        (GOOD_RULE + "severity: warning\n").encode(),
        13,
        lambda: "invalid YAML: duplicate key 'severity'",
    ),
    "unknown top-level key": Bad(
        (GOOD_RULE + "author: the night desk\n").encode(),
        13,
        lambda: (
            "unknown key 'author' at the top level; expected one of: category, conflict, "
            "description, enabled, group_by, id, message, name, select, severity"
        ),
    ),
    "unknown operator": Bad(
        _edit("operator: disjoint_places", "operator: far_apart"),
        11,
        lambda: f"unknown operator 'far_apart'; expected one of: {', '.join(sorted(operators()))}",
    ),
    "unknown claim kind": Bad(
        _edit("kind: event_location", "kind: weather_report"),
        8,
        lambda: f"unknown claim kind 'weather_report'; expected one of: {', '.join(sorted(claim_kinds()))}",
    ),
    "missing message": Bad(
        _edit('message: "{a.place} and {b.place}"\n', ""),
        1,
        lambda: "'message' is a required property at the top level",
    ),
    "template names an unknown field": Bad(
        _edit("{b.place}", "{b.venue}"),
        6,
        lambda: (
            "message template names unknown field {b.venue}; expected a.<field>, b.<field> "
            f"with fields: {_event_fields()}"
        ),
    ),
    "template with a bad brace": Bad(
        _edit('{b.place}"', '{b.place"'),
        6,
        lambda: "bad message template: expected '}' before end of string",
    ),
    "template with an empty placeholder": Bad(
        _edit("{b.place}", "{}"),
        6,
        lambda: "bad message template: empty {} placeholder; expected a name such as {a.place}",
    ),
    "wrong severity": Bad(
        _edit("severity: error", "severity: fatal"),
        4,
        lambda: f"'fatal' at severity is not allowed; expected one of: {_enum('severity')}",
    ),
    "wrong category": Bad(
        _edit("category: location", "category: weather"),
        3,
        lambda: f"'weather' at category is not allowed; expected one of: {_enum('category')}",
    ),
    "bad id pattern": Bad(
        _edit("id: TST001", "id: tst-1"),
        1,
        lambda: (
            "id: 'tst-1' does not match '^[A-Z]{2,8}[0-9]{3}$'; "
            "expected Stable id, letters then three digits, e.g. LOC001."
        ),
    ),
    "options not matching the operator's schema": Bad(
        (GOOD_RULE + "  options:\n    level: planet\n").encode(),
        14,
        lambda: "bad options for operator 'disjoint_places': 'planet' is not one of ['country', 'known']",
    ),
    "group_by on a single-claim operator": Bad(
        _edit("  operator: disjoint_places\n  field: place\n", "  operator: each\n"),
        9,
        lambda: "operator 'each' checks one claim at a time; group_by applies only to pair operators",
    ),
    "conflict field of the wrong type": Bad(
        _edit("field: place", "field: event"),
        12,
        lambda: "field 'event' is of type text; operator 'disjoint_places' expects mention",
    ),
    "a key of the wrong type": Bad(
        _edit("group_by: [event]", "group_by: event"),
        9,
        lambda: "group_by should be of type array, found 'event'",
    ),
    "empty file": Bad(
        b"",
        1,
        lambda: "empty file; expected a rule: a mapping with id, name, category, ...",
    ),
    "a list instead of a mapping": Bad(
        b"- id: TST001\n- name: test-rule\n",
        1,
        lambda: "expected a rule: a mapping with id, name, category, ..., found a list",
    ),
    "not UTF-8": Bad(
        _edit("Two places for one event.", "Deux lieux pour un \xe9v\xe9nement.").decode().encode("latin-1"),
        5,
        lambda: "not valid UTF-8 (byte 0xe9); expected UTF-8 text",
    ),
    "an id taken by a built-in rule": Bad(
        _edit("id: TST001", "id: SUP001"),
        1,
        lambda: "duplicate rule id 'SUP001', already defined in the built-in rule unused-suppression",
    ),
}


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("Nothing in this text contradicts anything.\n", encoding="utf-8")
    return path


def _rule_dir(tmp_path: Path, content: bytes) -> tuple[Path, Path]:
    folder = tmp_path / "newsroom-rules"
    folder.mkdir()
    rule = folder / "TST001-test-rule.yaml"
    rule.write_bytes(content)
    return folder, rule


@pytest.mark.parametrize("name", sorted(CASES))
def test_rules_validate_reports_the_exact_problem(name: str, tmp_path: Path) -> None:
    bad = CASES[name]
    folder, rule = _rule_dir(tmp_path, bad.content)
    result = runner.invoke(app, ["rules", "validate", str(folder)])
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0] == f"{rule}:{bad.line}: {bad.problem()}"
    assert "Traceback" not in result.output


@pytest.mark.parametrize("name", sorted(CASES))
def test_check_with_the_rule_folder_stops_with_the_same_problem(
    name: str, tmp_path: Path, article: Path
) -> None:
    bad = CASES[name]
    folder, rule = _rule_dir(tmp_path, bad.content)
    result = runner.invoke(app, ["check", str(article), "--rules", str(folder)])
    assert result.exit_code == 2
    assert result.stderr == f"factcheck: error: {rule}:{bad.line}: {bad.problem()}\n"
    assert result.stdout == ""


def test_duplicate_ids_across_files_name_both_files(tmp_path: Path, article: Path) -> None:
    folder, first = _rule_dir(tmp_path, GOOD_RULE.encode())
    second = folder / "TST001-copy.yaml"
    second.write_text(GOOD_RULE.replace("test-rule", "copied-rule"), encoding="utf-8")
    expected = f"{first}:1: duplicate rule id 'TST001', already defined in {second}"

    validated = runner.invoke(app, ["rules", "validate", str(folder)])
    assert validated.exit_code == 2
    assert expected in validated.stdout.splitlines()
    assert f"ok {second} (rule TST001)" in validated.stdout.splitlines()

    checked = runner.invoke(app, ["check", str(article), "--rules", str(folder)])
    assert checked.exit_code == 2
    assert checked.stderr == f"factcheck: error: {expected}\n"


def test_a_missing_rule_folder_is_an_error_not_no_rules(tmp_path: Path, article: Path) -> None:
    missing = tmp_path / "no-such-rules"
    checked = runner.invoke(app, ["check", str(article), "--rules", str(missing)])
    assert checked.exit_code == 2
    assert checked.stderr == (
        f"factcheck: error: {missing}: no such file or folder; expected a rule file or a folder of them\n"
    )
    validated = runner.invoke(app, ["rules", "validate", str(missing)])
    assert validated.exit_code == 2
    assert validated.stdout.splitlines()[0] == f"{missing}: no such file or folder"


def test_a_good_rule_validates_with_ok(tmp_path: Path) -> None:
    folder, rule = _rule_dir(tmp_path, GOOD_RULE.encode())
    result = runner.invoke(app, ["rules", "validate", str(folder)])
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [f"ok {rule} (rule TST001)", "1 file checked, 0 with errors"]
