"""``factcheck rules list|validate|test`` and ``factcheck explain``: what an editor sees."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.rules.loading import load_rules

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "newsroom-rules"

RULE = """\
id: TST002
name: home-to-current-country
category: travel
severity: warning
description: A trip home to where the traveller already is.
message: "{claim.traveller_name} goes home to {claim.destination}, but is already in {current}"
select:
  kind: travel
  where:
    home: true
conflict:
  operator: already_there
  field: destination
  options:
    person: traveller
"""

FIRING_TEXT = """\
      Trade Minister Lars Berg attended talks in Oslo on Monday.

      After the talks, Berg travelled home to Norway.
"""


def _write_rule(folder: Path, fixture: str) -> tuple[Path, Path]:
    folder.mkdir(exist_ok=True)
    rule = folder / "TST002-home-to-current-country.yaml"
    rule.write_text(RULE, encoding="utf-8")
    test = folder / "TST002-home-to-current-country.test.yaml"
    test.write_text(fixture, encoding="utf-8")
    return rule, test


def test_the_readme_example_passes_its_fixture(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["rules", "test", "examples/newsroom-rules"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "examples/newsroom-rules/TRV101-home-to-current-country.test.yaml (TRV101)",
        "  passed   going home to the country of the talks",
        "  passed   going home from talks abroad (hard negative)",
        "2 passed, 0 failed",
    ]


def test_a_built_in_rules_fixture_runs_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    fixture = next(Path("rules").glob("LOC001-*.test.yaml"))
    result = runner.invoke(app, ["rules", "test", str(fixture)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == f"{fixture} (LOC001)"
    assert result.stdout.splitlines()[-1].endswith("passed, 0 failed")


def test_a_wrong_expectation_fails_with_a_diff(tmp_path: Path) -> None:
    _, test = _write_rule(
        tmp_path / "rules",
        "rule: TST002\ncases:\n  - name: wrong sides\n    text: |\n"
        + FIRING_TEXT
        + '    expect:\n      - ["went home", "talks in Oslo"]\n',
    )
    result = runner.invoke(app, ["rules", "test", str(tmp_path / "rules")])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{test} (TST002)",
        "  failed   wrong sides",
        "    line 3:",
        "      --- expected",
        "      +++ found",
        "      @@ -1 +1 @@",
        '      -["went home", "talks in Oslo"]',
        '      +["travelled home to Norway", "talks in Oslo"]',
        "0 passed, 1 failed",
    ]


def test_an_xfail_case_is_reported_but_does_not_fail(tmp_path: Path) -> None:
    _write_rule(
        tmp_path / "rules",
        "rule: TST002\ncases:\n  - name: silent on purpose\n    text: |\n"
        + FIRING_TEXT
        + '    expect: []\n    xfail: "the rule cannot tell yet"\n',
    )
    result = runner.invoke(app, ["rules", "test", str(tmp_path / "rules")])
    assert result.exit_code == 0
    assert "  xfailed  silent on purpose (the rule cannot tell yet)" in result.stdout.splitlines()
    assert result.stdout.splitlines()[-1] == "0 passed, 0 failed, 1 xfailed"


def test_a_disabled_rule_still_runs_its_fixture(tmp_path: Path) -> None:
    rule, _ = _write_rule(
        tmp_path / "rules",
        "rule: TST002\ncases:\n  - name: fires\n    text: |\n"
        + FIRING_TEXT
        + '    expect:\n      - ["travelled home to Norway", "talks in Oslo"]\n',
    )
    rule.write_text(RULE + "enabled: false\n", encoding="utf-8")
    result = runner.invoke(app, ["rules", "test", str(rule)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "1 passed, 0 failed"


@pytest.mark.parametrize(
    ("fixture", "line", "problem"),
    [
        (
            "rule: TST002\ncases:\n  - name: a\n    text: x\n    expect: []\n    expected: []\n",
            6,
            "unknown key 'expected' at cases/0; expected one of: expect, format, name, text, xfail",
        ),
        (
            'rule: TST002\ncases:\n  - name: a\n    text: x\n    expect: ["one side"]\n',
            5,
            "cases/0/expect/0 should be of type array, found 'one side'",
        ),
        (
            "rule: TST002\ncases:\n  - name: a\n    text: x\n    expect: []\n    format: pdf\n",
            6,
            "'pdf' at cases/0/format is not allowed; expected one of: text, markdown, html",
        ),
        (
            "rule: TST002\ncases:\n  - name: a\n    text: x\n    expect: []\n"
            "  - name: a\n    text: y\n    expect: []\n",
            6,
            "duplicate case name 'a' (first at line 3); expected unique names",
        ),
        (
            "rule: LOC001\ncases:\n  - name: a\n    text: x\n    expect: []\n",
            1,
            "fixture names rule 'LOC001', but the rule file beside it ({rule}) defines 'TST002'; "
            "expected 'TST002'",
        ),
        ("", 1, "empty file; expected a mapping with 'rule' and 'cases'"),
    ],
    ids=["unknown key", "expect not a list of lists", "bad format", "duplicate name", "wrong rule", "empty"],
)
def test_a_bad_fixture_file_is_exit_2_with_file_and_line(
    tmp_path: Path, fixture: str, line: int, problem: str
) -> None:
    rule, test = _write_rule(tmp_path / "rules", fixture)
    expected = f"{test}:{line}: {problem.format(rule=rule)}"
    for command in (["rules", "test"], ["rules", "validate"]):
        result = runner.invoke(app, [*command, str(tmp_path / "rules")])
        assert result.exit_code == 2, result.output
        assert expected in result.stdout.splitlines()
        assert "Traceback" not in result.output


def test_rules_list_shows_the_built_in_suppression_rule() -> None:
    result = runner.invoke(app, ["rules", "list"])
    assert result.exit_code == 0
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:]}
    assert rows["SUP001"] == ["SUP001", "unused-suppression", "suppression", "warning", "yes"]
    assert {"ENC001", "LOC001", "NAM001", "TRF001", "TRV001", "TRV002"} <= set(rows)


def test_shipped_rules_validate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = runner.invoke(app, ["rules", "validate", "rules"])
    assert result.exit_code == 0, result.output
    assert "ok rules/LOC001-event-in-two-places.yaml (rule LOC001)" in result.stdout.splitlines()
    assert any(
        line.startswith("ok rules/LOC001-event-in-two-places.test.yaml (")
        for line in result.stdout.splitlines()
    )


def test_explain_shows_the_rule_and_its_fixture_examples() -> None:
    result = runner.invoke(app, ["explain", "loc001"])
    assert result.exit_code == 0
    text = result.stdout
    (rule,) = [r for r in load_rules([ROOT / "rules"]) if r.id == "LOC001"]
    assert text.startswith(f"LOC001 {rule.name}\n\n  {rule.description.splitlines()[0]}\n")
    assert f"  category:  {rule.category}\n" in text
    assert f"  severity:  {rule.severity}\n" in text
    assert f"  operator:  disjoint_places (field {rule.conflict_field}, level=country)\n" in text
    assert f"  message:   {rule.message}\n" in text
    assert "  a city inside the country of the event (hard negative)\n" in text
    assert "    | Diplomats gathered for talks in Geneva on Sunday to agree a ceasefire.\n" in text
    assert '    -> "summit in Norway" / "meeting in Brazil"\n' in text
    assert "    -> no finding\n" in text


def test_explain_shows_a_configured_severity(tmp_path: Path) -> None:
    config = tmp_path / ".factcheck.toml"
    config.write_text('[severity]\nLOC001 = "warning"\n', encoding="utf-8")
    result = runner.invoke(app, ["explain", "LOC001", "--config", str(config)])
    assert result.exit_code == 0
    assert "  severity:  warning (configured; the rule says error)\n" in result.stdout


def test_explain_an_unknown_rule_is_exit_2() -> None:
    result = runner.invoke(app, ["explain", "XYZ999"])
    assert result.exit_code == 2
    assert result.stderr.startswith("factcheck: error: unknown rule 'XYZ999'; expected one of: ")
    assert "LOC001, " in result.stderr


def test_explain_a_rule_from_an_extra_folder(tmp_path: Path) -> None:
    copy = tmp_path / "newsroom-rules"
    shutil.copytree(EXAMPLE, copy)
    result = runner.invoke(app, ["explain", "TRV101", "--rules", str(copy)])
    assert result.exit_code == 0
    assert '    -> "travelled home to Norway" / "talks in Oslo"\n' in result.stdout


def test_validate_never_loads_the_language_model(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("rules validate loaded the model")

    monkeypatch.setattr("factcheck.nlp.pipeline._load_model", refuse)
    monkeypatch.setattr("factcheck.nlp.pipeline._PIPELINES", {})
    result = runner.invoke(app, ["rules", "validate", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
