"""The pre-commit hook and the GitHub Action: they parse, and what they run is real."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from factcheck.cli import app
from factcheck.report.model import FAIL_ON_CHOICES
from factcheck.report.renderers import renderers

ROOT = Path(__file__).resolve().parents[1]
CONTRADICTION = "During a summit in Vienna, leaders met. The meeting in Japan lasted an hour.\n"
#: A config beside the articles: the rule CONTRADICTION is written for, whatever rules come later.
ONLY_LOC001 = 'select = ["LOC001"]\n'


def load(name: str) -> Any:
    return yaml.safe_load((ROOT / name).read_text(encoding="utf-8"))


def action_step(name: str) -> dict[str, Any]:
    (step,) = [s for s in load("action.yml")["runs"]["steps"] if s["name"] == name]
    return dict(step)


def check_options() -> set[str]:
    help_text = CliRunner().invoke(app, ["check", "--help"], env={"COLUMNS": "200"}).stdout
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", help_text))


def test_pre_commit_hook_runs_factcheck_check_on_articles_only() -> None:
    (hook,) = load(".pre-commit-hooks.yaml")
    assert hook["id"] == "factcheck"
    assert hook["entry"] == "factcheck check --force-exclude"
    assert hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "text"]
    pattern = re.compile(hook["files"])
    for article in ("news/a.txt", "a.md", "b.markdown", "c.html", "d.htm"):
        assert pattern.search(article), article
    for other in ("setup.py", "notes.rst", "data.json", "page.html.j2"):
        assert not pattern.search(other), other


def test_pre_commit_entry_checks_the_files_it_is_given(tmp_path: Path) -> None:
    (hook,) = load(".pre-commit-hooks.yaml")
    program, *arguments = hook["entry"].split()
    assert program == "factcheck"  # the console script in pyproject.toml
    (tmp_path / ".factcheck.toml").write_text(ONLY_LOC001, encoding="utf-8")
    article = tmp_path / "story.md"
    article.write_text(CONTRADICTION, encoding="utf-8")
    calm = tmp_path / "calm.txt"
    calm.write_text("The council met on Tuesday.\n", encoding="utf-8")
    readme = tmp_path / "README.md"
    readme.write_text(CONTRADICTION, encoding="utf-8")  # staged too, but not an article
    result = CliRunner().invoke(
        app, [*arguments, str(calm), str(readme), str(article)], env={"GITHUB_ACTIONS": ""}
    )
    assert result.exit_code == 1  # a contradiction fails the commit
    assert result.stdout.startswith(f"{article}:1:10: error LOC001 event-in-two-places")
    assert str(readme) not in result.stdout


def test_action_inputs_and_defaults_are_real_options() -> None:
    action = load("action.yml")
    assert action["runs"]["using"] == "composite"
    inputs = action["inputs"]
    assert {"paths", "fail-on", "format", "args", "cache"} <= set(inputs)
    assert inputs["fail-on"]["default"] in FAIL_ON_CHOICES
    assert inputs["cache"]["default"] == "true"
    assert inputs["format"]["default"] in renderers()
    for name in re.findall(r"\b(github|sarif|json|jsonl|html|text)\b", inputs["format"]["description"]):
        assert name in renderers()
    used = set()
    for step in action["runs"]["steps"]:
        used.update(re.findall(r"(?<![\w-])(--[a-z][a-z-]*)", step.get("run", "")))
    factcheck_options = used - {"--quiet", "--disable-pip-version-check"}
    assert factcheck_options == {"--fail-on", "--format", "--output", "--cache-dir", "--no-cache"}
    assert factcheck_options <= check_options()


def test_action_keeps_the_installation_and_the_results_between_runs() -> None:
    steps = load("action.yml")["runs"]["steps"]
    caches = [step for step in steps if step.get("uses", "").startswith("actions/cache@")]
    assert len(caches) == 2
    installed, results = caches
    assert "factcheck-venv" in installed["with"]["path"] and "~/.cache/pip" in installed["with"]["path"]
    assert installed["with"]["key"] == "${{ steps.key.outputs.install }}"
    assert action_step("Install factcheck")["if"] == "steps.installed.outputs.cache-hit != 'true'"
    assert results["if"] == "inputs.cache == 'true'"
    assert results["with"]["restore-keys"] == "factcheck-results-${{ runner.os }}-"
    assert "factcheck-results" in action_step("Check articles")["run"]


def test_action_installs_from_its_own_folder() -> None:
    install = action_step("Install factcheck")
    assert '-m pip install --quiet --disable-pip-version-check "$GITHUB_ACTION_PATH"' in install["run"]


def test_action_run_step_annotates_and_fails(tmp_path: Path) -> None:
    """The action's own run script, with this checkout's environment standing in for the install."""
    run = action_step("Check articles")
    (tmp_path / "factcheck-venv").symlink_to(ROOT / ".venv")
    (tmp_path / ".factcheck.toml").write_text(ONLY_LOC001, encoding="utf-8")
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a story.md").write_text(CONTRADICTION, encoding="utf-8")
    (tmp_path / "news" / "calm.txt").write_text("The council met on Tuesday.\n", encoding="utf-8")
    if not (ROOT / ".venv" / "bin" / "factcheck").is_file():
        pytest.skip("no .venv with factcheck installed in this checkout")
    environment = {
        **os.environ,
        "RUNNER_TEMP": str(tmp_path),
        "FACTCHECK_PATHS": "news/calm.txt\nnews",
        "FACTCHECK_FAIL_ON": "error",
        "FACTCHECK_FORMAT": "github",
        "FACTCHECK_OUTPUT": "",
        "FACTCHECK_ARGS": "-v  --ignore NAM",
        "FACTCHECK_CACHE": "true",
    }
    done = subprocess.run(
        ["bash", "-e", "-c", run["run"]],
        cwd=tmp_path,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    annotation, summary = done.stdout.splitlines()
    assert "factcheck: rules: LOC001" in done.stderr.splitlines()  # -v, from args
    assert (tmp_path / "factcheck-results" / "CACHEDIR.TAG").is_file()
    assert annotation.startswith(
        "::error file=news/a story.md,line=1,col=10,endLine=1,endColumn=26,title=LOC001 event-in-two-places::"
    )
    assert annotation.endswith("%0A[1] 1:10 “summit in Vienna”%0A[2] 1:45 “meeting in Japan”")
    assert summary == "factcheck: 3 documents checked: 1 error, 0 warnings, 0 infos"


def readme_yaml_blocks(section: str) -> list[Any]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    text = readme.split(f"## {section}\n", 1)[1].split("\n## ", 1)[0]
    return [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL)]


def test_readme_examples_use_the_real_action_inputs_and_hook() -> None:
    *workflows, pre_commit = readme_yaml_blocks("CI integration")
    inputs = set(load("action.yml")["inputs"])
    assert len(workflows) == 2
    for workflow in workflows:
        steps = workflow["jobs"]["factcheck"]["steps"]
        ours = [step for step in steps if step["uses"].startswith("OWNER/factcheck@")]
        assert len(ours) == 1 and set(ours[0]["with"]) <= inputs
        assert ours[0]["with"].get("format", "github") in renderers()
    upload = workflows[1]["jobs"]["factcheck"]["steps"][-1]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert upload["with"]["sarif_file"] == workflows[1]["jobs"]["factcheck"]["steps"][1]["with"]["output"]
    (hook,) = pre_commit["repos"][0]["hooks"]
    assert hook["id"] == load(".pre-commit-hooks.yaml")[0]["id"]
    assert hook["args"][0] in check_options()
