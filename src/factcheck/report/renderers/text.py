"""The report an editor reads: findings grouped by document, every side quoted."""

from __future__ import annotations

import unicodedata

from factcheck.reading.document import DERIVED, Evidence
from factcheck.report.model import DocumentResult, Report
from factcheck.report.renderers._contract import RenderContext
from factcheck.rules.findings import Finding

FORMAT = "text"
DESCRIPTION = "a readable report, each side quoted with line:column (default on a terminal)"

_COLOURS = {"error": "31", "warning": "33", "info": "36", "dim": "2", "bold": "1"}


def _paint(text: str, style: str, context: RenderContext) -> str:
    return f"\033[{_COLOURS[style]}m{text}\033[0m" if context.color else text


def _source_line(result: DocumentResult, evidence: Evidence) -> tuple[str, int] | None:
    document = result.document_of(evidence)
    if document is None:
        return None
    source = document.source
    line_start = source.rfind("\n", 0, evidence.start) + 1
    line_end = source.find("\n", evidence.start)
    line_end = len(source) if line_end == -1 else line_end
    return source[line_start:line_end], evidence.start - line_start


def _cells(text: str) -> int:
    """Terminal columns ``text`` takes: wide (CJK) characters two, combining marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in "WF" else 1
    return width


def _printable(text: str) -> str:
    """The line with control characters (tabs, a CR before LF) shown as one space each.

    One character for one keeps the caret aligned; a raw tab or CR would move it.
    """
    return "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)


def _context_lines(
    result: DocumentResult, evidence: Evidence, context: RenderContext, style: str
) -> list[str]:
    """The source line around a side, with a caret under the quoted words."""
    found = _source_line(result, evidence)
    if found is None:
        return []
    line, offset = found
    line = _printable(line)
    width = 100
    start = max(0, min(offset - 30, len(line) - width))
    shown = line[start : start + width]
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + width < len(line) else ""
    before = prefix + shown[: offset - start]
    quoted = shown[offset - start : offset - start + evidence.end - evidence.start]
    caret_length = max(1, _cells(quoted))
    return [
        "        " + prefix + shown + suffix,
        "        " + " " * _cells(before) + _paint("^" * caret_length, style, context),
    ]


def first_side(finding: Finding) -> Evidence | None:
    """Where a finding is reported: its first side, or in a compared pair its first side in the rewrite."""
    derived = [e for e in finding.evidence if e.document == DERIVED]
    return derived[0] if derived else (finding.evidence[0] if finding.evidence else None)


def render_finding(result: DocumentResult, finding: Finding, context: RenderContext) -> list[str]:
    severity = _paint(finding.severity, finding.severity, context)
    state = " (suppressed)" if finding.suppressed else ""
    first = first_side(finding)
    where = f"{result.path_of(first)}:{first.line}:{first.column}" if first else result.path
    lines = [
        f"{_printable(where)}: {severity} {finding.rule_id} {finding.rule_name}{state}",
        f"    {_printable(finding.message)}",
    ]
    for number, evidence in enumerate(finding.evidence, start=1):
        # A compared pair quotes two files: each side names its own.
        place = f"{result.path_of(evidence)}:" if result.compared else ""
        side = f"{_printable(place)}{evidence.line}:{evidence.column}"
        lines.append(f'    [{number}] {side}  "{_printable(evidence.text)}"')
        lines.extend(_context_lines(result, evidence, context, finding.severity))
    return lines


def render_document(result: DocumentResult, context: RenderContext) -> str:
    if result.error is not None:
        where, error = _printable(result.path), _printable(result.error)
        return f"{where}: {_paint('input error', 'error', context)}: {error}\n\n"
    shown = [f for f in result.findings if not f.suppressed or context.options.get("show_suppressed")]
    if not shown:
        return ""
    lines: list[str] = []
    for finding in shown:
        lines.extend(render_finding(result, finding, context))
        lines.append("")
    return "\n".join(lines) + "\n"


def render_summary(report: Report, context: RenderContext) -> str:
    """The closing line: counts by severity, then counts per rule with --statistics."""
    counts = report.by_severity()
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info")]
    documents = len(report.documents)
    line = f"{documents} document{'s' if documents != 1 else ''} checked"
    if context.elapsed is not None:
        seconds = max(context.elapsed, 1e-9)
        line += f" in {context.elapsed:.1f} s ({documents / seconds:.1f} documents/s)"
    line += f": {', '.join(parts)}"
    suppressed = sum(1 for f in report.findings if f.suppressed)
    if suppressed:
        line += f", {suppressed} suppressed"
    if report.unreadable:
        line += f"; {report.unreadable} could not be read"
    lines = [line]
    if context.statistics:
        per_rule: dict[tuple[str, str], int] = {}
        for finding in report.active_findings():
            key = (finding.rule_id, finding.rule_name)
            per_rule[key] = per_rule.get(key, 0) + 1
        for (rule_id, name), count in sorted(per_rule.items()):
            lines.append(f"{count:6d}  {rule_id} {name}")
    return "\n".join(lines) + "\n"


def render(report: Report, context: RenderContext) -> str:
    return "".join(render_document(d, context) for d in report.documents) + render_summary(report, context)
