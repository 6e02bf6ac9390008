"""The versioned JSON contract read by dashboards (schema: schemas/report.schema.json)."""

from __future__ import annotations

import json
from typing import Any

from factcheck.reading.document import Evidence
from factcheck.report.model import SCHEMA_VERSION, DocumentResult, Report
from factcheck.report.renderers._contract import RenderContext
from factcheck.rules.findings import Finding

FORMAT = "json"
DESCRIPTION = "one JSON object for the whole run (stable, versioned contract)"


def evidence_data(evidence: Evidence) -> dict[str, Any]:
    data: dict[str, Any] = {
        "start": evidence.start,
        "end": evidence.end,
        "line": evidence.line,
        "column": evidence.column,
        "end_line": evidence.end_line,
        "end_column": evidence.end_column,
        "text": evidence.text,
    }
    if evidence.document is not None:
        # A compared pair: the text the offsets count in.
        data["document"] = evidence.document
    return data


def finding_data(finding: Finding) -> dict[str, Any]:
    data: dict[str, Any] = {
        "rule_id": finding.rule_id,
        "rule_name": finding.rule_name,
        "category": finding.category,
        "severity": finding.severity,
        "message": finding.message,
        "evidence": [evidence_data(e) for e in finding.evidence],
        "fingerprint": finding.fingerprint,
        "suppressed": finding.suppressed,
    }
    if finding.suppressed:
        data["suppression_reason"] = finding.suppression_reason
    return data


def document_data(result: DocumentResult) -> dict[str, Any]:
    data: dict[str, Any] = {"path": result.path}
    if result.source is not None:
        data["source"] = result.source
    if result.doc_id is not None:
        data["id"] = result.doc_id
    data["error"] = result.error
    data["findings"] = [finding_data(f) for f in result.findings]
    return data


def tool_data(report: Report) -> dict[str, Any]:
    return {"name": "factcheck", "version": report.version, "model": report.model}


def summary_data(report: Report) -> dict[str, Any]:
    return {
        "documents": len(report.documents),
        "unreadable": report.unreadable,
        "findings": len(report.active_findings()),
        "suppressed": sum(1 for f in report.findings if f.suppressed),
        "by_severity": report.by_severity(),
    }


def report_data(report: Report) -> dict[str, Any]:
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": tool_data(report),
        "documents": [document_data(d) for d in report.documents],
        "summary": summary_data(report),
    }


def render(report: Report, context: RenderContext) -> str:
    return json.dumps(report_data(report), indent=2, ensure_ascii=False) + "\n"
