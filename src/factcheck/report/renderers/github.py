"""GitHub Actions workflow commands: each finding becomes an annotation on its file.

    ::error file=news/a.md,line=9,col=10,endLine=9,endColumn=31,title=LOC001 event-in-two-places::...

The annotation sits on the finding's first side; the message names the other
sides with their line:column. Chosen by default when ``GITHUB_ACTIONS=true``.
"""

from __future__ import annotations

from dataclasses import replace

from factcheck.report.model import DocumentResult, Report
from factcheck.report.renderers import text
from factcheck.report.renderers._contract import RenderContext
from factcheck.rules.findings import Finding

FORMAT = "github"
DESCRIPTION = "GitHub Actions annotations (default when GITHUB_ACTIONS=true)"

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    """The message part of a workflow command: %, CR and LF would end or alter it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: also , and : which separate properties and end the list."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _properties(pairs: list[tuple[str, str | int]]) -> str:
    return ",".join(f"{name}={escape_property(str(value))}" for name, value in pairs)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def annotation(result: DocumentResult, finding: Finding) -> str:
    pairs: list[tuple[str, str | int]] = []
    if result.path != "-":
        pairs.append(("file", result.path))
    first = text.first_side(finding)
    if first is not None:
        pairs.append(("line", first.line))
        # The runner drops an annotation's columns unless it starts and ends on one line.
        if first.end_line == first.line:
            pairs += [("col", first.column), ("endLine", first.end_line), ("endColumn", first.end_column)]
        else:
            pairs.append(("endLine", first.end_line))
    pairs.append(("title", f"{finding.rule_id} {finding.rule_name}"))
    lines = [finding.message]
    for number, evidence in enumerate(finding.evidence, start=1):
        place = f"{result.path_of(evidence)}:" if result.compared else ""
        lines.append(f"[{number}] {place}{evidence.line}:{evidence.column} “{_one_line(evidence.text)}”")
    return f"::{COMMANDS[finding.severity]} {_properties(pairs)}::{escape_data(chr(10).join(lines))}\n"


def render_document(result: DocumentResult, context: RenderContext) -> str:
    if result.error is not None:
        pairs: list[tuple[str, str | int]] = [("title", "factcheck input error")]
        if result.path != "-":
            pairs.insert(0, ("file", result.path))
        return f"::error {_properties(pairs)}::{escape_data(f'{result.path}: {result.error}')}\n"
    shown = [f for f in result.findings if not f.suppressed or context.options.get("show_suppressed")]
    return "".join(annotation(result, finding) for finding in shown)


def render_summary(report: Report, context: RenderContext) -> str:
    """The text report's closing line as a plain log line (not a command), for the job log."""
    return "factcheck: " + text.render_summary(report, replace(context, color=False, statistics=False))


def render(report: Report, context: RenderContext) -> str:
    return "".join(render_document(d, context) for d in report.documents) + render_summary(report, context)
