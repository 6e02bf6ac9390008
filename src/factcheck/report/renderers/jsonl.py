"""JSON Lines for pipelines: one line per document as it finishes, then a summary line.

Each document line is the json format's document object plus ``schema_version``;
the last line is ``{"schema_version": ..., "tool": ..., "summary": ...}``. Both are
described in schemas/report.schema.json (``streamedDocument``, ``streamedSummary``).
"""

from __future__ import annotations

import json
from typing import Any

from factcheck.report.model import SCHEMA_VERSION, DocumentResult, Report
from factcheck.report.renderers._contract import RenderContext
from factcheck.report.renderers.json import document_data, summary_data, tool_data

FORMAT = "jsonl"
DESCRIPTION = "JSON Lines: one object per document as it finishes, then a summary line"


def _line(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # JSON allows U+2028/U+2029 raw inside strings, but many line readers
    # (Python's str.splitlines, JavaScript before ES2019) treat them as line breaks.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029") + "\n"


def render_document(result: DocumentResult, context: RenderContext) -> str:
    return _line({"schema_version": SCHEMA_VERSION, **document_data(result)})


def render_summary(report: Report, context: RenderContext) -> str:
    data = {"schema_version": SCHEMA_VERSION, "tool": tool_data(report), "summary": summary_data(report)}
    return _line(data)


def render(report: Report, context: RenderContext) -> str:
    return "".join(render_document(d, context) for d in report.documents) + render_summary(report, context)
