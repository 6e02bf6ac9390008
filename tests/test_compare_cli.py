"""factcheck compare through the CLI: inputs, pairs files, exit codes, and every format as golden files.

The pair for the golden files is the seed and a copy of it with a place, a number
and a direction swapped, written to a temporary folder by the test (never stored)
and named relatively, so the files hold no absolute paths. Regenerate on purpose with

    FACTCHECK_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_compare_cli.py
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from conftest import ROOT, SEED
from factcheck.cli import app

GOLDEN = ROOT / "tests" / "golden" / "compare"
UPDATE = os.environ.get("FACTCHECK_UPDATE_GOLDEN") == "1"
FORMATS = {"text": "txt", "json": "json", "jsonl": "jsonl", "sarif": "sarif", "github": "txt", "html": "html"}
SWAPS = [
    ("The four-hour meeting in Russia’s Far East", "The four-hour meeting in Mongolia"),
    ("four-hour", "six-hour"),
    ("while being hosted by Putin", "while hosting Putin"),
]
REPORT_SCHEMA = json.loads((ROOT / "src" / "factcheck" / "schemas" / "report.schema.json").read_text())


@pytest.fixture
def pair_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    seed = SEED.read_text(encoding="utf-8")
    copy = seed
    for before, after in SWAPS:
        copy = copy.replace(before, after)
    (tmp_path / "seed.txt").write_text(seed, encoding="utf-8")
    (tmp_path / "rewrite.txt").write_text(copy, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def invoke(*arguments: str, stdin: str | None = None) -> Any:
    env = {"GITHUB_ACTIONS": "", "NO_COLOR": "1"}
    return CliRunner().invoke(app, ["compare", *arguments], input=stdin, env=env)


@pytest.mark.parametrize("output_format", sorted(FORMATS))
def test_every_format_matches_its_golden_file(pair_folder: Path, output_format: str) -> None:
    result = invoke("seed.txt", "rewrite.txt", "--format", output_format, "--fail-on", "never", "--no-color")
    assert result.exit_code == 0, result.output
    path = (
        GOLDEN / f"seed-rewrite.{FORMATS[output_format]}"
        if output_format != "github"
        else GOLDEN / "seed-rewrite.github.txt"
    )
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(result.stdout.encode("utf-8"))
    expected = path.read_bytes().decode("utf-8")
    if result.stdout != expected:
        diff = difflib.unified_diff(
            expected.splitlines(True), result.stdout.splitlines(True), "golden", "now", n=1
        )
        pytest.fail(
            f"compare --format {output_format} differs from {path.name}:\n" + "".join(list(diff)[:60])
        )


def test_json_names_the_source_and_each_side_s_text(pair_folder: Path) -> None:
    result = invoke("seed.txt", "rewrite.txt", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    jsonschema.validate(report, REPORT_SCHEMA)
    (document,) = report["documents"]
    assert (document["path"], document["source"]) == ("rewrite.txt", "seed.txt")
    assert [f["rule_id"] for f in document["findings"]] == ["NUM001", "LOC001", "REL001"]
    for finding in document["findings"]:
        assert {e["document"] for e in finding["evidence"]} == {"source", "derived"}
        for evidence in finding["evidence"]:
            text = (
                pair_folder / ("seed.txt" if evidence["document"] == "source" else "rewrite.txt")
            ).read_text()
            assert text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_sarif_sits_at_the_rewrite_and_relates_the_source_file(pair_folder: Path) -> None:
    result = invoke("seed.txt", "rewrite.txt", "--format", "sarif", "--fail-on", "never")
    run = json.loads(result.stdout)["runs"][0]
    for item in run["results"]:
        assert item["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "rewrite.txt"
        related = {r["physicalLocation"]["artifactLocation"]["uri"] for r in item["relatedLocations"]}
        assert "seed.txt" in related


def test_the_seed_against_itself_passes_the_gate(pair_folder: Path) -> None:
    result = invoke("seed.txt", "seed.txt")
    assert result.exit_code == 0, result.output
    assert "0 errors, 0 warnings" in result.stdout


def test_a_pairs_file_names_records_by_line_carries_ids_and_keeps_going_past_a_bad_one(
    tmp_path: Path,
) -> None:
    records = [
        {
            "id": "r1",
            "article": "The council approved the budget in Leeds.",
            "summary": "The council approved the budget.",
        },
        {
            "id": 7,
            "article": "The council approved the budget in Leeds.",
            "summary": "The council rejected the budget.",
        },
        {"id": "r3", "article": "The council met."},
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    arguments = [
        "--pairs",
        str(path),
        "--source-field",
        "article",
        "--derived-field",
        "summary",
        "-f",
        "json",
    ]
    result = invoke(*arguments)
    assert result.exit_code == 2  # a record could not be read: the gate must not pass silently
    report = json.loads(result.stdout)
    jsonschema.validate(report, REPORT_SCHEMA)
    documents = report["documents"]
    assert [(d["path"].rsplit("/", 1)[-1], d.get("id")) for d in documents] == [
        ("pairs.jsonl:1", "r1"),
        ("pairs.jsonl:2", "7"),
        ("pairs.jsonl:3", "r3"),
    ]
    assert documents[0]["findings"] == []
    assert [f["rule_id"] for f in documents[1]["findings"]] == ["CMP005"]
    assert "no 'summary' field" in documents[2]["error"]


def test_pairs_from_standard_input(tmp_path: Path) -> None:
    line = json.dumps({"source": "Sales rose in May.", "derived": "Sales fell in May."})
    result = invoke("--pairs", "-", "-f", "jsonl", stdin=line + "\n")
    assert result.exit_code == 1
    first = json.loads(result.stdout.splitlines()[0])
    assert first["path"] == "-:1" and first["findings"][0]["rule_id"] == "CMP005"


def test_select_ignore_and_fail_on_behave_as_in_check(pair_folder: Path) -> None:
    # Without NUM001, which quotes the changed figure, CMP002 reports it as unsupported.
    only_numbers = invoke("seed.txt", "rewrite.txt", "--select", "CMP002", "-f", "json")
    assert [f["rule_id"] for f in json.loads(only_numbers.stdout)["documents"][0]["findings"]] == ["CMP002"]
    ignored = invoke("seed.txt", "rewrite.txt", "--ignore", "CMP,NUM", "--ignore", "LOC", "--ignore", "REL")
    assert ignored.exit_code == 0
    assert invoke("seed.txt", "rewrite.txt", "--fail-on", "never").exit_code == 0
    assert invoke("seed.txt", "rewrite.txt", "--select", "CMP999").exit_code == 2


def test_config_exit_zero_and_quiet_behave_as_in_check(pair_folder: Path) -> None:
    (pair_folder / ".factcheck.toml").write_text('ignore = ["REL"]\n', encoding="utf-8")
    configured = invoke("seed.txt", "rewrite.txt", "-f", "json")
    found = [f["rule_id"] for f in json.loads(configured.stdout)["documents"][0]["findings"]]
    assert found == ["NUM001", "LOC001"]
    assert invoke("seed.txt", "rewrite.txt", "--exit-zero").exit_code == 0
    # --exit-zero forgives findings, never a text that could not be read.
    assert invoke("seed.txt", "rewrite.txt", "gone.txt", "--exit-zero").exit_code == 2
    quiet = invoke("seed.txt", "rewrite.txt", "-q", "--extend-select", "CMP006", "-f", "json")
    severities = {f["severity"] for f in json.loads(quiet.stdout)["documents"][0]["findings"]}
    assert severities == {"error"}
    assert invoke("seed.txt", "rewrite.txt", "--fail-on", "sometimes").exit_code == 2


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["seed.txt"], "give SOURCE and at least one DERIVED text"),
        (["seed.txt", "rewrite.txt", "--pairs", "p.jsonl"], "not both"),
        (["missing.txt", "rewrite.txt"], "missing.txt: no such file"),
    ],
)
def test_usage_errors_exit_2_with_one_line(pair_folder: Path, arguments: list[str], message: str) -> None:
    result = invoke(*arguments)
    assert result.exit_code == 2
    assert message in result.output


def test_a_rewrite_that_cannot_be_read_is_an_error_of_its_own(pair_folder: Path) -> None:
    result = invoke("seed.txt", "rewrite.txt", "gone.txt", "-f", "json", "--fail-on", "never")
    assert result.exit_code == 2
    documents = json.loads(result.stdout)["documents"]
    assert [d["path"] for d in documents] == ["rewrite.txt", "gone.txt"]
    assert documents[1]["error"] == "no such file" and documents[1]["source"] == "seed.txt"
