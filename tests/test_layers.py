"""The stage packages import only downwards and without cycles: pyproject.toml's import-linter contracts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def test_stages_import_only_downwards_and_without_cycles(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    exit_code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    report = capsys.readouterr().out
    assert exit_code == 0, report
    assert "2 kept, 0 broken" in report


#: Modules that must load without spaCy or the rule loader: the package (the library's
#: entry point), settings, exit codes, reading.
LIGHT = (
    "factcheck",
    "factcheck.config",
    "factcheck.report.model",
    "factcheck.reading.inputs",
    "factcheck.rules.findings",
)


def test_settings_reports_and_reading_load_without_spacy() -> None:
    # A fresh interpreter: the suite itself has spaCy loaded long before this runs.
    script = (
        "import importlib, sys\n"
        f"for module in {LIGHT!r}:\n"
        "    importlib.import_module(module)\n"
        "    heavy = [m for m in ('spacy', 'factcheck.rules.loading') if m in sys.modules]\n"
        "    print(module, heavy)\n"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert loaded.stdout.splitlines() == [f"{module} []" for module in LIGHT]
