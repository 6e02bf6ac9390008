"""Configuration end to end through the CLI: discovery, rule folders, gazetteers, selection, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.config import load_settings
from factcheck.datafiles import DataFileError
from factcheck.reading.selection import DEFAULT_EXCLUDE, DEFAULT_INCLUDE

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_RULES = ROOT / "examples" / "newsroom-rules"

#: LOC001 (error) and NAM001 (warning) both fire on this text.
TWO_FINDINGS = """\
Fishing ministers opened a summit in Norway on Tuesday, chaired by Stefan Kowalczyk.

The meeting in Brazil ended late in the evening. Stefan Kowalzcyk said talks would go on.
"""

#: A town no built-in gazetteer knows; LOC001 can only fire once it is placed in a country.
UNKNOWN_TOWN = """\
Fishing ministers opened a summit in Skarvhavn on Tuesday.

The meeting in Brazil ended late in the evening without a statement.
"""

#: The README's example newsroom rule TRV101 fires on this text.
HOME_TRIP = """\
Trade Minister Lars Berg attended talks in Oslo on Monday.

After the talks, Berg travelled home to Norway.
"""


def _article(folder: Path, text: str, name: str = "article.txt") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _toml_list(values: tuple[str, ...]) -> str:
    return "[" + ", ".join(f'"{value}"' for value in values) + "]"


def _rule_ids(output: str) -> list[str]:
    report = json.loads(output)
    return [f["rule_id"] for d in report["documents"] for f in d["findings"]]


def _check(*args: str) -> tuple[int, list[str], str]:
    result = runner.invoke(app, ["check", "--format", "json", *args])
    ids = _rule_ids(result.stdout) if result.exit_code != 2 else []
    return result.exit_code, ids, result.stderr


def test_without_config_both_rules_fire_and_the_error_fails(tmp_path: Path) -> None:
    article = _article(tmp_path, TWO_FINDINGS)
    assert _check(str(article), "--select", "LOC001", "--select", "NAM001") == (1, ["LOC001", "NAM001"], "")


def test_ignore_by_prefix_in_the_nearest_config_file(tmp_path: Path) -> None:
    # select names the rules these texts are written for, so rules added later do not count.
    (tmp_path / ".factcheck.toml").write_text(
        'select = ["LOC001", "NAM001"]\nignore = ["NAM"]\n', encoding="utf-8"
    )
    article = _article(tmp_path / "desk" / "today", TWO_FINDINGS)
    # Found from the article's folder upwards.
    assert _check(str(article)) == (1, ["LOC001"], "")


def test_select_in_yaml_config_runs_only_that_rule(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.yaml").write_text("select: [NAM001]\n", encoding="utf-8")
    article = _article(tmp_path, TWO_FINDINGS)
    # NAM001 is a warning and fail-on defaults to error.
    assert _check(str(article)) == (0, ["NAM001"], "")


def test_command_line_select_overrides_the_config(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.toml").write_text('select = ["NAM001"]\n', encoding="utf-8")
    article = _article(tmp_path, TWO_FINDINGS)
    assert _check(str(article), "--select", "LOC001") == (1, ["LOC001"], "")


def test_severity_override_changes_the_exit_code(tmp_path: Path) -> None:
    article = _article(tmp_path, TWO_FINDINGS)
    config = tmp_path / ".factcheck.toml"
    config.write_text('select = ["LOC001", "NAM001"]\nignore = ["LOC001"]\n', encoding="utf-8")
    assert _check(str(article)) == (0, ["NAM001"], "")
    config.write_text(
        'select = ["LOC001", "NAM001"]\nignore = ["LOC001"]\n\n[severity]\nNAM001 = "error"\n',
        encoding="utf-8",
    )
    assert _check(str(article)) == (1, ["NAM001"], "")


def test_fail_on_from_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "desk"\n\n[tool.factcheck]\nselect = ["NAM001"]\nfail-on = "warning"\n',
        encoding="utf-8",
    )
    article = _article(tmp_path, TWO_FINDINGS)
    assert _check(str(article)) == (1, ["NAM001"], "")


def test_a_pyproject_without_a_factcheck_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.toml").write_text('select = ["NAM001"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    article = _article(tmp_path / "sub", TWO_FINDINGS)
    assert _check(str(article)) == (0, ["NAM001"], "")


def test_explicit_config_wins_over_the_nearest_one(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.toml").write_text('select = ["NAM001"]\n', encoding="utf-8")
    other = tmp_path / "elsewhere.toml"
    other.write_text('select = ["LOC001"]\n', encoding="utf-8")
    article = _article(tmp_path, TWO_FINDINGS)
    assert _check(str(article), "--config", str(other)) == (1, ["LOC001"], "")


def test_an_extra_rule_folder_adds_a_custom_rule(tmp_path: Path) -> None:
    shutil.copytree(EXAMPLE_RULES, tmp_path / "newsroom-rules")
    (tmp_path / ".factcheck.toml").write_text('rule-dirs = ["newsroom-rules"]\n', encoding="utf-8")
    article = _article(tmp_path / "articles", HOME_TRIP)
    code, ids, _ = _check(str(article), "--fail-on", "warning")
    assert (code, ids.count("TRV101")) == (1, 1)
    # Without the config the rule does not exist.
    bare = _article(tmp_path.parent / f"{tmp_path.name}-bare", HOME_TRIP)
    assert "TRV101" not in _check(str(bare))[1]


def test_extra_gazetteer_entries_make_a_new_place_known(tmp_path: Path) -> None:
    article = _article(tmp_path / "articles", UNKNOWN_TOWN)
    assert _check(str(article), "--select", "LOC001") == (0, [], "")
    (tmp_path / "places.yaml").write_text(
        "places:\n  - id: skarvhavn\n    name: Skarvhavn\n    type: city\n    in: [norway]\n",
        encoding="utf-8",
    )
    (tmp_path / ".factcheck.yaml").write_text("gazetteer: [places.yaml]\n", encoding="utf-8")
    assert _check(str(article), "--select", "LOC001") == (1, ["LOC001"], "")


def test_max_bytes_from_config_refuses_a_large_file(tmp_path: Path) -> None:
    (tmp_path / ".factcheck.toml").write_text("max-bytes = 20\n", encoding="utf-8")
    article = _article(tmp_path, TWO_FINDINGS)
    result = runner.invoke(app, ["check", "--format", "json", str(article)])
    assert result.exit_code == 2
    error = json.loads(result.stdout)["documents"][0]["error"]
    assert error.startswith("file too large (")


@pytest.mark.parametrize(
    ("name", "content", "line", "problem"),
    [
        (
            ".factcheck.toml",
            'select = ["LOC"]\nfail-on = "sometimes"\n',
            2,
            "fail-on: 'sometimes' is not allowed; expected one of: error, warning, info, never",
        ),
        (
            ".factcheck.toml",
            'select = ["LOC"]\n\n[severity]\nNAM001 = "fatal"\n',
            4,
            "severity/NAM001: 'fatal' is not allowed; expected one of: error, warning, info",
        ),
        (
            ".factcheck.toml",
            '[severity]\nnam001 = "error"\n',
            2,
            "severity: 'nam001' is not a rule id; expected an id such as NAM001",
        ),
        (
            ".factcheck.toml",
            'select = ["LOC"]\nfail_on = "error"\n',
            2,
            "unknown setting 'fail_on' at the top level; expected one of: cache-dir, exclude, "
            "extend-exclude, extend-ignore, extend-select, fail-on, gazetteer, ignore, include, max-bytes, "
            "per-file-ignores, respect-gitignore, rule-dirs, select, severity",
        ),
        (".factcheck.toml", 'select = "LOC"\n', 1, "select: 'LOC' is not of type 'array'"),
        (".factcheck.toml", 'select = ["LOC"]\nignore = ["NAM"\n', 2, None),
        (
            ".factcheck.yaml",
            "select: [LOC]\nmax-bytes: -5\n",
            2,
            "max-bytes: -5 is less than the minimum of 1",
        ),
        (".factcheck.yaml", "ignore: [NAM]\nrule-dirs: [missing-rules]\n", 2, None),
        (
            "pyproject.toml",
            '[tool.factcheck]\nselect = ["LOC"]\ncolour = true\n',
            3,
            "unknown setting 'colour' at the top level; expected one of: cache-dir, exclude, "
            "extend-exclude, extend-ignore, extend-select, fail-on, gazetteer, ignore, include, max-bytes, "
            "per-file-ignores, respect-gitignore, rule-dirs, select, severity",
        ),
        (".factcheck.toml", 'ignore = ["LCO"]\n', 1, None),
        (".factcheck.toml", '[severity]\nNAM009 = "error"\n', 2, None),
    ],
    ids=[
        "bad fail-on",
        "bad severity level",
        "severity key not an id",
        "unknown key",
        "wrong type",
        "TOML syntax",
        "YAML minimum",
        "missing rule folder",
        "pyproject unknown key",
        "ignore typo",
        "severity for no rule",
    ],
)
def test_a_bad_config_is_exit_2_with_file_and_line(
    tmp_path: Path, name: str, content: str, line: int, problem: str | None
) -> None:
    config = tmp_path / name
    config.write_text(content, encoding="utf-8")
    article = _article(tmp_path, TWO_FINDINGS)
    result = runner.invoke(app, ["check", str(article)])
    assert result.exit_code == 2
    assert result.stdout == ""
    prefix = f"factcheck: error: {config}:{line}: "
    assert result.stderr.startswith(prefix), result.stderr
    if problem is not None:
        assert result.stderr == prefix + problem + "\n"
    assert "Traceback" not in result.stderr


def test_typos_in_rule_references_say_what_exists(tmp_path: Path) -> None:
    config = tmp_path / ".factcheck.toml"
    config.write_text('select = ["LOC"]\nignore = ["LCO"]\n', encoding="utf-8")
    article = _article(tmp_path, TWO_FINDINGS)
    result = runner.invoke(app, ["check", str(article)])
    assert result.stderr.startswith(f"factcheck: error: {config}:2: ignore: 'LCO' names no rule; expected ")
    from_option = runner.invoke(app, ["check", str(article), "--select", "QQ"])
    assert from_option.exit_code == 2
    assert from_option.stderr.startswith("factcheck: error: --select: select: 'QQ' names no rule; expected ")


def test_config_show_names_the_file_and_the_effective_settings(tmp_path: Path) -> None:
    config = tmp_path / ".factcheck.toml"
    (tmp_path / "newsroom-rules").mkdir()
    config.write_text(
        'select = ["LOC", "NAM001"]\nfail-on = "warning"\nrule-dirs = ["newsroom-rules"]\n'
        '[severity]\nNAM001 = "error"\n',
        encoding="utf-8",
    )
    article = _article(tmp_path / "desk", TWO_FINDINGS)
    result = runner.invoke(app, ["config", "show", str(article)])
    assert result.exit_code == 0
    assert result.stdout == (
        f"# config file: {config}\n"
        'select = ["LOC", "NAM001"]\n'
        "ignore = []\n"
        'fail-on = "warning"\n'
        "max-bytes = 1048576\n"
        f'rule-dirs = ["{tmp_path / "newsroom-rules"}"]\n'
        "gazetteer = []\n"
        "extend-select = []\n"
        "extend-ignore = []\n"
        f"include = {_toml_list(DEFAULT_INCLUDE)}\n"
        f"exclude = {_toml_list(DEFAULT_EXCLUDE)}\n"
        "extend-exclude = []\n"
        "respect-gitignore = true\n"
        f'cache-dir = "{tmp_path / ".factcheck_cache"}"\n'
        "\n"
        "[severity]\n"
        'NAM001 = "error"\n'
        "\n"
        "[per-file-ignores]\n"
    )
    as_json = runner.invoke(app, ["config", "show", "--json", "--config", str(config)])
    data = json.loads(as_json.stdout)
    assert data["config-file"] == str(config)
    assert data["severity"] == {"NAM001": "error"}


def test_config_show_without_a_file_shows_defaults(tmp_path: Path) -> None:
    article = _article(tmp_path, TWO_FINDINGS)
    result = runner.invoke(app, ["config", "show", str(article)])
    assert result.exit_code == 0
    assert result.stdout.startswith("# config file: none found; defaults\nselect = []\n")


def test_a_yaml_error_names_the_line_an_editor_shows_past_a_line_separator(tmp_path: Path) -> None:
    # YAML also breaks lines at U+2028; the file has three lines all the same.
    config = tmp_path / ".factcheck.yaml"
    config.write_text('exclude: ["drafts/\u2028old"]\nselect: [LOC001]\nfail-on: 3\n', encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_settings(config)
    assert (raised.value.line, raised.value.detail) == (
        3,
        "fail-on: 3 is not allowed; expected one of: error, warning, info, never",
    )
    config.write_text("\u2028%", encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        load_settings(config)
    assert raised.value.line == 1
    assert raised.value.detail == "invalid YAML: could not find expected directive name"


def test_a_toml_config_with_a_lone_carriage_return_is_refused_where_it_stands(tmp_path: Path) -> None:
    # TOML lines end at LF or CRLF; read in text mode, the lone CR became a newline and
    # the file was accepted as two settings, its lines counted unlike the editor's.
    config = tmp_path / ".factcheck.toml"
    config.write_bytes(b'select = ["LOC001"]\rfail-on = "warning"\n')
    with pytest.raises(DataFileError) as raised:
        load_settings(config)
    assert raised.value.line == 1
    assert raised.value.detail.startswith("invalid TOML: Expected newline or end of document")
    config.write_bytes(b'select = ["LOC001"]\r\nfail-on = "warning"\r\n')
    assert load_settings(config).fail_on == "warning"
