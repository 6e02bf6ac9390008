"""The options ``check`` and ``compare`` share, declared once: the same flag reads the
same in both commands' ``-h`` and behaves the same."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

_RULES = "Rules"
_FILES = "Files"
_REPORT = "Report"
_RUN = "Run"

OutputFormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="Report format: github, html, json, jsonl, sarif or text (default: text; github "
        "under GitHub Actions).",
        rich_help_panel=_REPORT,
    ),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the report here.", rich_help_panel=_REPORT)
]
StatisticsOption = Annotated[bool, typer.Option(help="Add counts per rule (text).", rich_help_panel=_REPORT)]
ColorOption = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color",
        help="Colour the text report (default: on a terminal; NO_COLOR and FORCE_COLOR are obeyed).",
        rich_help_panel=_REPORT,
    ),
]
ShowSuppressedOption = Annotated[
    bool,
    typer.Option(help="Also show findings silenced by suppression comments (text).", rich_help_panel=_REPORT),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Report errors only: no warnings, notes or progress.",
        rich_help_panel=_REPORT,
    ),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Only these rule ids or prefixes (comma-separated or repeated).", rich_help_panel=_RULES
    ),
]
ExtendSelectOption = Annotated[
    list[str] | None,
    typer.Option(help="These rules as well as the selected ones.", rich_help_panel=_RULES),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Skip these rule ids or prefixes (comma-separated or repeated).", rich_help_panel=_RULES
    ),
]
RulesDirOption = Annotated[
    list[Path] | None, typer.Option("--rules", help="Extra rule folder.", rich_help_panel=_RULES)
]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Glob of files or folders to skip in folders (replaces the default list).",
        rich_help_panel=_FILES,
    ),
]
