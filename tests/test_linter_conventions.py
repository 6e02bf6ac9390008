"""The conventions of linters (Ruff, ESLint): what a user of those expects of ``factcheck check``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from factcheck.cli import app

runner = CliRunner()

#: LOC001 (error) and NAM001 (warning) both fire on this text.
TWO_FINDINGS = """\
Fishing ministers opened a summit in Norway on Tuesday, chaired by Stefan Kowalczyk.

The meeting in Brazil ended late in the evening. Stefan Kowalzcyk said talks would go on.
"""
#: Only LOC001 fires here.
ONE_ERROR = "Delegates opened a summit in Chile. The meeting in Kenya lasted two hours.\n"
CALM = "The council met on Tuesday and agreed the budget.\n"
BOTH = ["--select", "LOC001,NAM001"]


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _json(*arguments: str, stdin: str | None = None) -> tuple[int, dict[str, Any], str]:
    result = runner.invoke(app, ["check", *arguments, "--format", "json"], input=stdin)
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, report, result.stderr


def _found(report: dict[str, Any]) -> dict[str, list[str]]:
    return {d["path"]: [f["rule_id"] for f in d["findings"]] for d in report["documents"]}


def test_h_is_help_everywhere() -> None:
    for command in ([], ["check"], ["rules", "list"], ["serve"]):
        result = runner.invoke(app, [*command, "-h"], env={"COLUMNS": "120"})
        assert result.exit_code == 0, (command, result.output)
        assert "Usage: factcheck" in result.stdout


def test_check_help_names_only_options_that_exist() -> None:
    result = runner.invoke(app, ["check", "-h"], env={"COLUMNS": "200"})
    assert "--list-formats" not in result.stdout
    for name in ("github", "html", "json", "jsonl", "sarif", "text"):
        assert name in result.stdout


def test_exit_zero_forgives_findings_but_not_unreadable_documents(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.txt", ONE_ERROR)
    assert _json(str(article), "--select", "LOC001")[0] == 1
    code, report, _ = _json(str(article), "--select", "LOC001", "--exit-zero")
    assert code == 0 and _found(report) == {str(article): ["LOC001"]}
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"Caf\xe9 au lait.")
    assert _json(str(article), str(broken), "--select", "LOC001", "--exit-zero")[0] == 2


def test_quiet_reports_errors_only(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.txt", TWO_FINDINGS)
    code, report, stderr = _json(str(article), *BOTH, "-q", "--fail-on", "warning")
    assert _found(report) == {str(article): ["LOC001"]}
    assert report["summary"]["by_severity"] == {"error": 1, "warning": 0, "info": 0}
    assert code == 1 and stderr == ""
    text = runner.invoke(app, ["check", str(article), *BOTH, "--quiet", "--no-color"])
    assert "NAM001" not in text.stdout and "LOC001" in text.stdout


def test_verbose_says_what_ran_on_stderr(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.txt", TWO_FINDINGS)
    code, report, stderr = _json(str(article), *BOTH, "-v")
    assert code == 1 and _found(report) == {str(article): ["LOC001", "NAM001"]}
    lines = stderr.splitlines()
    assert "factcheck: rules: LOC001, NAM001" in lines
    # "2 findings" or, when an earlier test checked the same text, "2 findings, cached".
    assert any(line.startswith(f"factcheck: [1] {article}: 2 findings") for line in lines)
    assert lines[-1].startswith("factcheck: 1 document in ")
    assert "documents/s" in lines[-1]


def test_comma_lists_equal_repeated_options(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.txt", TWO_FINDINGS)
    repeated = _json(str(article), "--select", "LOC001", "--select", "NAM001")
    commas = _json(str(article), "--select", "LOC001, NAM001")
    assert repeated == commas
    assert _found(commas[1]) == {str(article): ["LOC001", "NAM001"]}
    ignored = _json(str(article), "--select", "LOC,NAM", "--ignore", "NAM001,LOC002")
    assert _found(ignored[1]) == {str(article): ["LOC001"]}


def test_extend_select_and_extend_ignore_in_config_and_on_the_command_line(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.txt", TWO_FINDINGS)
    config = _write(tmp_path / ".factcheck.toml", 'select = ["LOC001"]\nextend-select = ["NAM001"]\n')
    assert _found(_json(str(article))[1]) == {str(article): ["LOC001", "NAM001"]}
    config.write_text('select = ["LOC001", "NAM001"]\nextend-ignore = ["LOC"]\n', encoding="utf-8")
    assert _found(_json(str(article))[1]) == {str(article): ["NAM001"]}
    config.write_text('select = ["LOC001"]\n', encoding="utf-8")
    assert _found(_json(str(article), "--extend-select", "NAM001")[1]) == {str(article): ["LOC001", "NAM001"]}
    # A command-line --select starts over: the file's ignores no longer apply to it.
    config.write_text('select = ["NAM001"]\nignore = ["LOC001"]\n', encoding="utf-8")
    assert _found(_json(str(article), "--select", "LOC001")[1]) == {str(article): ["LOC001"]}


def test_a_typo_in_extend_select_or_per_file_ignores_is_an_error_with_its_line(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.txt", TWO_FINDINGS)
    config = _write(tmp_path / ".factcheck.toml", 'select = ["LOC001"]\nextend-select = ["NMA"]\n')
    code, _, stderr = _json(str(article))
    assert code == 2 and stderr.startswith(
        f"factcheck: error: {config}:2: extend-select: 'NMA' names no rule"
    )
    config.write_text('[per-file-ignores]\n"wires/*" = ["NAM001"]\n"x" = ["QQ9"]\n', encoding="utf-8")
    code, _, stderr = _json(str(article))
    assert code == 2 and stderr.startswith(f"factcheck: error: {config}:3: per-file-ignores 'x': 'QQ9'")


def test_per_file_ignores_leave_out_rules_for_matching_files(tmp_path: Path) -> None:
    wire = _write(tmp_path / "wires" / "agency.txt", TWO_FINDINGS)
    own = _write(tmp_path / "desk" / "ours.txt", TWO_FINDINGS)
    _write(
        tmp_path / ".factcheck.toml",
        'select = ["LOC001", "NAM001"]\n\n[per-file-ignores]\n"wires/*" = ["NAM"]\n"ours.txt" = ["LOC001"]\n',
    )
    report = _json(str(tmp_path / "desk"), str(tmp_path / "wires"))[1]
    assert _found(report) == {str(own): ["NAM001"], str(wire): ["LOC001"]}


def _articles(root: Path) -> None:
    for name in (
        "a.txt",
        "b.mdown",
        "c.xhtml",
        "README.md",
        "LICENSE.txt",
        "drafts/d.md",
        "node_modules/x.md",
    ):
        _write(root / name, CALM)
    _write(root / "e.jsonl", json.dumps({"id": "e1", "text": CALM}) + "\n")
    _write(root / "notes.csv", "a,b\n")


def _shown(*arguments: str) -> list[str]:
    result = runner.invoke(app, ["check", "--show-files", *arguments])
    assert result.exit_code == 0, result.output
    return result.stdout.splitlines()


def test_folders_read_every_known_suffix_and_skip_repository_files(tmp_path: Path) -> None:
    _articles(tmp_path)
    assert _shown(str(tmp_path)) == [
        str(tmp_path / name) for name in ("a.txt", "b.mdown", "c.xhtml", "drafts/d.md", "e.jsonl")
    ]
    # A file named on the command line is always read; --force-exclude applies the exclusions to it.
    assert _shown(str(tmp_path / "README.md")) == [str(tmp_path / "README.md")]
    assert (
        runner.invoke(
            app, ["check", "--show-files", "--force-exclude", str(tmp_path / "README.md")]
        ).exit_code
        == 2
    )
    code, report, _ = _json(str(tmp_path))
    assert code == 0
    assert [d["path"] for d in report["documents"]][-1] == f"{tmp_path / 'e.jsonl'}:1"


def test_exclude_replaces_the_default_list_and_extend_exclude_adds(tmp_path: Path) -> None:
    _articles(tmp_path)
    config = _write(tmp_path / ".factcheck.toml", 'extend-exclude = ["drafts", "*.jsonl"]\n')
    assert _shown(str(tmp_path)) == [str(tmp_path / name) for name in ("a.txt", "b.mdown", "c.xhtml")]
    config.write_text('exclude = ["drafts"]\n', encoding="utf-8")
    shown = _shown(str(tmp_path))
    assert str(tmp_path / "README.md") in shown and str(tmp_path / "node_modules" / "x.md") in shown
    assert str(tmp_path / "drafts" / "d.md") not in shown
    config.unlink()
    assert _shown(str(tmp_path), "--extend-exclude", "b.*") == [
        str(tmp_path / name) for name in ("a.txt", "c.xhtml", "drafts/d.md", "e.jsonl")
    ]


def test_git_ignored_files_are_skipped(tmp_path: Path) -> None:
    repository = tmp_path / "repo"
    (repository / ".git" / "info").mkdir(parents=True)
    (repository / ".git" / "info" / "exclude").write_text("local-*.txt\n", encoding="utf-8")
    _write(repository / ".gitignore", "build/\n*.html\n!keep.html\n")
    _write(repository / "articles" / ".gitignore", "embargoed.md\n")
    for name in ("one.txt", "build/two.txt", "page.html", "keep.html", "embargoed.md", "local-note.txt"):
        _write(repository / "articles" / name, CALM)
    # The walk starts below the repository root: the root's .gitignore still applies.
    assert _shown(str(repository / "articles")) == [
        str(repository / "articles" / name) for name in ("keep.html", "one.txt")
    ]
    everything = _shown(str(repository / "articles"), "--no-respect-gitignore")
    assert len(everything) == 6
    _write(repository / ".factcheck.toml", "respect-gitignore = false\n")
    assert len(_shown(str(repository / "articles"))) == 6


def test_a_gitignore_applies_in_a_folder_outside_any_repository(tmp_path: Path) -> None:
    _write(tmp_path / "archive" / ".gitignore", "old/\n")
    _write(tmp_path / "archive" / "new.txt", CALM)
    _write(tmp_path / "archive" / "old" / "old.txt", CALM)
    assert _shown(str(tmp_path / "archive")) == [str(tmp_path / "archive" / "new.txt")]


def test_stdin_filename_picks_the_format_and_names_the_document() -> None:
    markdown = "The talks in *Oslo* opened; later the talks in **Lisbon** ended.\n"
    code, report, _ = _json("-", "--stdin-filename", "desk/story.md", "--select", "LOC001", stdin=markdown)
    assert code == 1
    (document,) = report["documents"]
    assert document["path"] == "desk/story.md"
    assert [e["text"] for e in document["findings"][0]["evidence"]] == ["talks in *Oslo", "talks in **Lisbon"]
    # Without a path, --stdin-filename reads stdin, as in Ruff.
    again = _json("--stdin-filename", "desk/story.md", "--select", "LOC001", stdin=markdown)
    assert again == (code, report, "")


def test_stdin_filename_of_a_corpus_names_its_records() -> None:
    lines = json.dumps({"id": "w1", "text": ONE_ERROR}) + "\n"
    code, report, _ = _json("-", "--stdin-filename", "feed.jsonl", "--select", "LOC001", stdin=lines)
    assert code == 1
    assert [(d["path"], d["id"]) for d in report["documents"]] == [("feed.jsonl:1", "w1")]


@pytest.mark.parametrize(
    ("environment", "arguments", "coloured"),
    [
        ({"FORCE_COLOR": "1"}, [], True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False),
        ({"FORCE_COLOR": "1"}, ["--no-color"], False),
        ({"NO_COLOR": "1"}, ["--color"], True),
        ({"FORCE_COLOR": ""}, [], False),
        ({}, [], False),
    ],
)
def test_colour_follows_flags_then_no_color_then_force_color(
    tmp_path: Path, environment: dict[str, str], arguments: list[str], coloured: bool
) -> None:
    article = _write(tmp_path / "a.txt", ONE_ERROR)
    clean = {"FORCE_COLOR": None, "NO_COLOR": None}
    result = runner.invoke(
        app, ["check", str(article), "--select", "LOC001", *arguments], env={**clean, **environment}
    )
    assert result.exit_code == 1
    assert ("\x1b[31m" in result.stdout) is coloured


def test_show_files_with_nothing_to_check_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path / "notes.csv", "a,b\n")
    result = runner.invoke(app, ["check", "--show-files", str(tmp_path)])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"factcheck: error: no documents to check in {tmp_path}")


def test_check_without_paths_is_a_usage_error() -> None:
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 2
    assert result.stderr == "factcheck: error: give files, folders or - for stdin (see factcheck check -h)\n"
