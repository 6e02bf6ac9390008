"""Every fixture case of every rule under rules/: the rule alone must report exactly what it expects.

The runner is the one ``factcheck rules test`` uses, so the suite and the command agree.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from conftest import TextCache
from factcheck.datafiles import DataFileError
from factcheck.rules.loading import Rule, load_rules
from factcheck.rules.testcases import Case, Fixture, fixture_files, load_fixture, rule_of, run_case

RULES_DIR = Path(__file__).resolve().parents[1] / "rules"


@cache
def _rules() -> dict[str, Rule]:
    return {rule.id: rule for rule in load_rules([RULES_DIR])}


def _cases() -> list[object]:
    params: list[object] = []
    for path in fixture_files([RULES_DIR]):
        try:
            fixture = load_fixture(path)
        except DataFileError as error:
            # A broken fixture file fails as a test of its own instead of breaking collection.
            params.append(pytest.param(None, None, str(error), id=path.name))
            continue
        for case in fixture.cases:
            params.append(pytest.param(fixture, case, None, id=f"{fixture.rule_id}: {case.name}"))
    return params


def test_the_first_shipped_rules_have_fixtures() -> None:
    # Rules still being written by others may land before their fixtures; these may not.
    first = ("ENC001", "LOC001", "NAM001", "TRF001", "TRV001", "TRV002")
    assert [rule_id for rule_id in first if _rules()[rule_id].fixture_path is None] == []


@pytest.mark.parametrize(("fixture", "case", "load_error"), _cases())
def test_fixture_case(
    fixture: Fixture | None, case: Case | None, load_error: str | None, shared_analyses: TextCache
) -> None:
    assert load_error is None, load_error
    assert fixture is not None and case is not None
    result = run_case(fixture, case, rule_of(fixture, _rules()), shared_analyses)
    if case.xfail is not None and not result.matches:
        pytest.xfail(case.xfail)
    assert result.matches, "\n".join(result.diff())
