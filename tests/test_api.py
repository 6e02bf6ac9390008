"""The library API: its docstring examples run, and it gives what the command line gives."""

from __future__ import annotations

import doctest
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import factcheck
import factcheck.api
import factcheck.report.model
from factcheck.cli import app
from factcheck.datafiles import DataFileError

TEXT = "During a summit in Vienna, leaders met. The meeting in Japan lasted an hour.\n"


@pytest.mark.parametrize("module", [factcheck, factcheck.api], ids=lambda m: m.__name__)
def test_docstring_examples_run(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.attempted > 0 or module is factcheck
    assert result.failed == 0


def test_public_names_are_listed_and_typed() -> None:
    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None, name
    assert factcheck.Report is factcheck.report.model.Report
    for function in (factcheck.check_text, factcheck.check_paths, factcheck.to_json, factcheck.render):
        assert function.__doc__ and "return" in function.__annotations__, function.__name__
    with pytest.raises(AttributeError):
        factcheck.compare  # noqa: B018 - comes with issue 9, not before


def test_check_text_gives_the_bytes_the_command_line_prints() -> None:
    report = factcheck.check_text(TEXT, select=["LOC001"])
    cli = CliRunner().invoke(app, ["check", "-", "--select", "LOC001", "--format", "json"], input=TEXT)
    assert factcheck.to_json(report) == cli.stdout
    assert json.loads(cli.stdout) == factcheck.to_dict(report)


def test_check_paths_gives_the_bytes_the_command_line_prints(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.md").write_text("Talks in *Oslo* closed.\n", encoding="utf-8")
    report = factcheck.check_paths([tmp_path], select=["LOC"])
    cli = CliRunner().invoke(app, ["check", str(tmp_path), "--select", "LOC", "--format", "sarif"])
    assert factcheck.render(report, "sarif") == cli.stdout
    assert [len(d.findings) for d in report.documents] == [1, 0]


def test_markdown_text_keeps_offsets_into_the_text_as_given() -> None:
    markdown = "The talks in *Oslo* opened; later the talks in **Lisbon** ended.\n"
    (finding,) = factcheck.check_text(markdown, format="markdown", select=["LOC001"]).documents[0].findings
    assert [markdown[e.start : e.end] for e in finding.evidence] == ["talks in *Oslo", "talks in **Lisbon"]


def test_bad_arguments_are_errors_not_reports() -> None:
    with pytest.raises(ValueError, match="format must be one of text, markdown, html"):
        factcheck.check_text(TEXT, format="pdf")
    with pytest.raises(DataFileError, match="'QQ' names no rule"):
        factcheck.check_text(TEXT, select=["QQ"])
    with pytest.raises(ValueError, match="unknown format 'pdf'"):
        factcheck.render(factcheck.check_text(TEXT), "pdf")


def test_the_checker_is_built_once_per_settings() -> None:
    first = factcheck.api.checker_for(factcheck.settings(select=["LOC001"]))
    again = factcheck.api.checker_for(factcheck.settings(select=["LOC001"]))
    other = factcheck.api.checker_for(factcheck.settings(select=["NAM001"]))
    assert first is again and first is not other
