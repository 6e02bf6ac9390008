"""CLI contract: usage and input errors are one line on stderr with exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()


def test_missing_file_is_an_input_error_with_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", str(tmp_path / "nope.txt"), "--format", "json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["documents"][0]["error"] == "no such file"
    assert report["documents"][0]["findings"] == []


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Nothing to see here.", encoding="utf-8")
    result = runner.invoke(app, ["check", str(article), "--format", "pdf"])
    assert result.exit_code == 2
    assert result.stderr.startswith("factcheck: error: unknown format 'pdf'")
    assert "Traceback" not in result.stderr


def test_bad_fail_on_is_a_usage_error(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Nothing to see here.", encoding="utf-8")
    result = runner.invoke(app, ["check", str(article), "--fail-on", "sometimes"])
    assert result.exit_code == 2
    assert "--fail-on must be one of error, warning, info, never" in result.stderr


def test_stdin_is_read_with_dash() -> None:
    text = "During a summit in Vienna, leaders met. The meeting in Japan lasted an hour."
    result = runner.invoke(app, ["check", "-", "--format", "json"], input=text)
    assert result.exit_code == 1
    (document,) = json.loads(result.stdout)["documents"]
    assert document["path"] == "-"
    assert [f["rule_id"] for f in document["findings"]] == ["LOC001"]


def test_graph_export_formats(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Ukraine will receive tanks from France.", encoding="utf-8")
    as_json = runner.invoke(app, ["graph", str(article), "--format", "json"])
    assert as_json.exit_code == 0
    data = json.loads(as_json.stdout)
    kinds = {edge["kind"] for edge in data["edges"]}
    assert "transfer" in kinds
    transfer = next(e for e in data["edges"] if e["kind"] == "transfer")
    assert (transfer["source"], transfer["target"]) == ("party:france", "party:ukraine")
    assert transfer["provenance"]["text"] == "Ukraine will receive tanks from France"
    graphml = runner.invoke(app, ["graph", str(article), "--format", "graphml"])
    assert graphml.exit_code == 0 and "<graphml" in graphml.stdout
    dot = runner.invoke(app, ["graph", str(article), "--format", "dot"])
    assert dot.exit_code == 0 and dot.stdout.startswith("digraph claims {")


def test_a_folder_with_nothing_to_check_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04")
    result = runner.invoke(app, ["check", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"factcheck: error: no documents to check in {tmp_path}")
