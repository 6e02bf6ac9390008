"""The options ``check`` and ``compare`` share, declared once: the same flag reads the
same in both commands' ``-h`` and behaves the same."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

#: The help panels both commands group their options in.
RULES_PANEL = "Rules"
FILES_PANEL = "Files"
REPORT_PANEL = "Report"
RUN_PANEL = "Run"

OutputFormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="Report format: github, html, json, jsonl, sarif or text (default: text; github "
        "under GitHub Actions).",
        rich_help_panel=REPORT_PANEL,
    ),
]
OutputOption = Annotated[
    Path | None, typer.Option("--output", "-o", help="Write the report here.", rich_help_panel=REPORT_PANEL)
]
StatisticsOption = Annotated[
    bool, typer.Option(help="Add counts per rule (text).", rich_help_panel=REPORT_PANEL)
]
ColorOption = Annotated[
    bool | None,
    typer.Option(
        "--color/--no-color",
        help="Colour the text report (default: on a terminal; NO_COLOR and FORCE_COLOR are obeyed).",
        rich_help_panel=REPORT_PANEL,
    ),
]
ShowSuppressedOption = Annotated[
    bool,
    typer.Option(
        help="Also show findings silenced by suppression comments (text).", rich_help_panel=REPORT_PANEL
    ),
]
QuietOption = Annotated[
    bool,
    typer.Option(
        "--quiet",
        "-q",
        help="Report errors only: no warnings, notes or progress.",
        rich_help_panel=REPORT_PANEL,
    ),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Only these rule ids or prefixes (comma-separated or repeated).", rich_help_panel=RULES_PANEL
    ),
]
ExtendSelectOption = Annotated[
    list[str] | None,
    typer.Option(help="These rules as well as the selected ones.", rich_help_panel=RULES_PANEL),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Skip these rule ids or prefixes (comma-separated or repeated).", rich_help_panel=RULES_PANEL
    ),
]
RulesDirOption = Annotated[
    list[Path] | None, typer.Option("--rules", help="Extra rule folder.", rich_help_panel=RULES_PANEL)
]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Glob of files or folders to skip in folders (replaces the default list).",
        rich_help_panel=FILES_PANEL,
    ),
]
