"""Baselines: record today's findings, then report only new ones, even after edits elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()

#: The rules these texts are written for; others added later must not change the counts.
SELECT = ["--select", "LOC001", "--select", "TRF001", "--select", "SUP001"]

SUMMIT = "Trade ministers opened a summit in Norway on Tuesday, promising a deal on fishing quotas."
MEETING = "The meeting in Brazil ended late in the evening without a joint statement."
ARTICLE = f"{SUMMIT}\n\n{MEETING}\n"
NEW_CONTRADICTION = (
    "Japan will provide Vietnam with patrol boats, the ministry said.\n\n"
    "In a later statement the ministry said Vietnam would provide Japan with patrol boats.\n"
)


def _json_check(*args: str) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(app, ["check", "--format", "json", *SELECT, *args])
    return result.exit_code, json.loads(result.stdout), result.stderr


def _rule_ids(report: dict[str, object]) -> list[str]:
    documents = report["documents"]
    assert isinstance(documents, list)
    return [f["rule_id"] for d in documents for f in d["findings"]]


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Path, Path]:
    article = tmp_path / "articles" / "fishing.txt"
    article.parent.mkdir()
    article.write_text(ARTICLE, encoding="utf-8")
    return article, tmp_path / "known.json"


def test_write_baseline_records_findings_per_document_and_exits_0(desk: tuple[Path, Path]) -> None:
    article, baseline = desk
    code, report, stderr = _json_check(str(article), "--write-baseline", str(baseline))
    assert code == 0
    assert _rule_ids(report) == ["LOC001"]  # the report itself is complete
    assert stderr == f"factcheck: recorded 1 finding(s) in {baseline}\n"
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert data["factcheck_baseline"] == 1
    (entry,) = data["documents"]["articles/fishing.txt"]
    assert entry["rule_id"] == "LOC001"
    assert entry["fingerprint"] == report["documents"][0]["findings"][0]["fingerprint"]  # type: ignore[index]


def test_baselined_findings_are_left_out_and_do_not_fail(desk: tuple[Path, Path]) -> None:
    article, baseline = desk
    _json_check(str(article), "--write-baseline", str(baseline))
    code, report, stderr = _json_check(str(article), "--baseline", str(baseline))
    assert (code, _rule_ids(report)) == (0, [])
    assert stderr == f"factcheck: 1 finding(s) recorded in {baseline} not shown\n"


def test_a_paragraph_inserted_above_keeps_the_finding_baselined(desk: tuple[Path, Path]) -> None:
    article, baseline = desk
    _json_check(str(article), "--write-baseline", str(baseline))
    article.write_text("Update: this story was corrected on Friday.\n\n" + ARTICLE, encoding="utf-8")
    before = runner.invoke(app, ["check", "--format", "json", *SELECT, str(article)])
    assert json.loads(before.stdout)["documents"][0]["findings"][0]["evidence"][0]["line"] == 3
    code, report, _ = _json_check(str(article), "--baseline", str(baseline))
    assert (code, _rule_ids(report)) == (0, [])


def test_a_new_contradiction_is_still_reported(desk: tuple[Path, Path]) -> None:
    article, baseline = desk
    _json_check(str(article), "--write-baseline", str(baseline))
    article.write_text(ARTICLE + "\n" + NEW_CONTRADICTION, encoding="utf-8")
    code, report, _ = _json_check(str(article), "--baseline", str(baseline))
    assert (code, _rule_ids(report)) == (1, ["TRF001"])


def test_the_baseline_matches_from_another_working_folder(
    desk: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    article, _ = desk
    monkeypatch.chdir(article.parent.parent)
    _json_check("articles/fishing.txt", "--write-baseline", "known.json")
    monkeypatch.chdir(article.parent)
    code, report, _ = _json_check("fishing.txt", "--baseline", "../known.json")
    assert (code, _rule_ids(report)) == (0, [])


def test_the_same_finding_in_another_document_is_not_baselined(desk: tuple[Path, Path]) -> None:
    article, baseline = desk
    _json_check(str(article), "--write-baseline", str(baseline))
    other = article.with_name("copy.txt")
    other.write_text(ARTICLE, encoding="utf-8")
    code, report, _ = _json_check(str(article), str(other), "--baseline", str(baseline))
    assert (code, _rule_ids(report)) == (1, ["LOC001"])
    assert report["documents"][1]["path"] == str(other)  # type: ignore[index]


def test_suppressed_findings_are_not_recorded(desk: tuple[Path, Path]) -> None:
    article, baseline = desk
    article.write_text(f"{SUMMIT}\n\n[factcheck: ignore[LOC001] two venues]\n{MEETING}\n", encoding="utf-8")
    _json_check(str(article), "--write-baseline", str(baseline))
    assert json.loads(baseline.read_text(encoding="utf-8"))["documents"] == {}


def test_writing_is_deterministic(desk: tuple[Path, Path]) -> None:
    article, baseline = desk
    article.write_text(ARTICLE + "\n" + NEW_CONTRADICTION, encoding="utf-8")
    _json_check(str(article), "--write-baseline", str(baseline))
    first = baseline.read_bytes()
    _json_check(str(article), "--write-baseline", str(baseline))
    assert baseline.read_bytes() == first
    entries = json.loads(first)["documents"]["articles/fishing.txt"]
    assert [e["rule_id"] for e in entries] == ["LOC001", "TRF001"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '{\n  "factcheck_baseline": 1,\n  "documents": {\n}',
            "{path}:4: invalid JSON: Expecting ',' delimiter",
        ),
        (
            '{"documents": {}}',
            "{path}: the top level: 'factcheck_baseline' is a required property; "
            "expected a file written by --write-baseline",
        ),
        (None, "{path}: baseline file not found; write one with --write-baseline"),
    ],
    ids=["broken JSON", "not a baseline", "missing"],
)
def test_a_bad_baseline_is_exit_2(desk: tuple[Path, Path], content: str | None, message: str) -> None:
    article, baseline = desk
    if content is not None:
        baseline.write_text(content, encoding="utf-8")
    result = runner.invoke(app, ["check", str(article), *SELECT, "--baseline", str(baseline)])
    assert result.exit_code == 2
    assert result.stderr == f"factcheck: error: {message.format(path=baseline)}\n"
    assert result.stdout == ""


def test_a_corpus_record_stays_baselined_when_records_are_added_above(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    record = json.dumps({"id": "fishing-1", "text": ARTICLE})
    corpus.write_text(record + "\n", encoding="utf-8")
    baseline = tmp_path / "known.json"
    _json_check(str(corpus), "--write-baseline", str(baseline))
    assert list(json.loads(baseline.read_text(encoding="utf-8"))["documents"]) == ["corpus.jsonl#fishing-1"]
    calm = json.dumps({"id": "weather-7", "text": "Rain is expected on Friday."})
    corpus.write_text(calm + "\n" + record + "\n", encoding="utf-8")
    code, report, _ = _json_check(str(corpus), "--baseline", str(baseline))
    assert (code, _rule_ids(report)) == (0, [])
