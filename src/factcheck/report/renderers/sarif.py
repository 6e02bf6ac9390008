"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run. Each finding is a result located at its first side; the other sides are
``relatedLocations``, linked from the message as ``[text](id)`` so viewers can jump
between them. Documents that could not be read are tool execution notifications,
and the invocation is then marked unsuccessful.
"""

from __future__ import annotations

import json
import re
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

from factcheck.reading.document import Evidence
from factcheck.report.model import DocumentResult, Report
from factcheck.report.renderers._contract import RenderContext
from factcheck.report.renderers.text import first_side
from factcheck.rules.findings import Finding
from factcheck.rules.loading import Rule

FORMAT = "sarif"
DESCRIPTION = "SARIF 2.1.0 for GitHub code scanning (upload with github/codeql-action/upload-sarif)"

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "factcheck/v1"
#: Used until the package metadata names a home page.
FALLBACK_INFORMATION_URI = "https://factcheck.invalid/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def information_uri() -> str:
    """The project's home page from the package metadata, so forks can point at their own."""
    try:
        entries = metadata("factcheck").get_all("Project-URL") or []
    except PackageNotFoundError:
        return FALLBACK_INFORMATION_URI
    for entry in entries:
        label, _, url = str(entry).partition(",")
        if label.strip().lower() in {"homepage", "home", "source", "repository"} and url.strip():
            return url.strip()
    return FALLBACK_INFORMATION_URI


def artifact_location(path: str) -> dict[str, Any]:
    """The document as a URI: relative to the checkout (``%SRCROOT%``) whenever possible.

    Paths are used as given on the command line, so running from the repository
    root gives the repository-relative paths that code scanning needs.
    """
    if path == "-":
        return {"uri": "stdin", "description": {"text": "standard input"}}
    posix = path.replace("\\", "/")
    if Path(path).is_absolute():
        try:
            posix = Path(path).relative_to(Path.cwd()).as_posix()
        except ValueError:
            return {"uri": Path(path).as_uri()}
    relative = PurePosixPath(posix)
    parts = [p for p in relative.parts if p != "."]
    return {"uri": quote("/".join(parts), safe="/"), "uriBaseId": SRCROOT}


def _first_sentence(text: str) -> str:
    """Up to the first full stop that ends a sentence ("e.g. a summit" does not)."""
    flat = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(?=\s+[^a-z]|$)", flat)
    return match.group(1) if match else flat


def _escape_markdown(text: str) -> str:
    return re.sub(r"([\\`*_\[\]<>|~#])", r"\\\1", text)


def _code_span(text: str) -> str:
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def _escape_link_text(text: str) -> str:
    """Square brackets in SARIF message text would start a link: escape them."""
    return re.sub(r"([\[\]])", r"\\\1", text)


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    description = " ".join(rule.description.split())
    title = f"{rule.id} {rule.name}"
    markdown = (
        f"**{title}** ({rule.category}, {rule.severity})\n\n{_escape_markdown(description)}\n\n"
        f"Each finding is reported as: {_code_span(rule.message)}"
    )
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": _first_sentence(rule.description)},
        "fullDescription": {"text": description},
        "help": {"text": f"{title}: {description}\nReported as: {rule.message}", "markdown": markdown},
        "defaultConfiguration": {"enabled": rule.enabled, "level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": ["factcheck", rule.category]},
    }


def _descriptor_from_finding(finding: Finding) -> dict[str, Any]:
    """For a finding whose rule the context does not know (a library caller's own rule)."""
    return {
        "id": finding.rule_id,
        "name": finding.rule_name,
        "shortDescription": {"text": finding.rule_name},
        "defaultConfiguration": {"level": LEVELS[finding.severity]},
        "properties": {"category": finding.category, "tags": ["factcheck", finding.category]},
    }


def _region(evidence: Evidence) -> dict[str, Any]:
    return {
        "startLine": evidence.line,
        "startColumn": evidence.column,
        "endLine": evidence.end_line,
        "endColumn": evidence.end_column,
        "charOffset": evidence.start,
        "charLength": evidence.end - evidence.start,
        "snippet": {"text": evidence.text},
    }


def _location(path: str, evidence: Evidence | None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": artifact_location(path)}
    if evidence is not None:
        physical["region"] = _region(evidence)
    return {"physicalLocation": physical}


def _sides(finding: Finding) -> tuple[Evidence | None, list[Evidence]]:
    """The side a result sits at (in a compared pair: the rewrite's first) and the others in order."""
    first = first_side(finding)
    return first, [e for e in finding.evidence if e is not first]


def _message(result: DocumentResult, finding: Finding) -> str:
    """The finding's message, then each other side as a link to its related location."""
    text = _escape_link_text(finding.message)
    _, rest = _sides(finding)
    others = [
        f"[“{_escape_link_text(e.text)}”]({number}) at "
        + (f"{_escape_link_text(result.path_of(e))}:" if result.compared else "")
        + f"{e.line}:{e.column}"
        for number, e in enumerate(rest, start=1)
    ]
    if others:
        label = "Other side" if len(others) == 1 else "Other sides"
        ending = "" if text.endswith((".", "!", "?")) else "."
        text += f"{ending} {label}: " + "; ".join(others) + "."
    return text


def _side_name(result: DocumentResult, evidence: Evidence, number: int) -> str:
    if result.compared:
        return f"{evidence.document} side"
    return f"side {number + 1}"


def result_data(result: DocumentResult, finding: Finding, rule_index: int) -> dict[str, Any]:
    first, rest = _sides(finding)
    data: dict[str, Any] = {
        "ruleId": finding.rule_id,
        "ruleIndex": rule_index,
        "level": LEVELS[finding.severity],
        "message": {"text": _message(result, finding)},
        "locations": [_location(result.path_of(first) if first else result.path, first)],
    }
    if rest:
        # A compared pair's source sides are related locations in the source file.
        data["relatedLocations"] = [
            {
                **_location(result.path_of(e), e),
                "id": number,
                "message": {"text": f"{_side_name(result, e, number)}: “{_escape_link_text(e.text)}”"},
            }
            for number, e in enumerate(rest, start=1)
        ]
    data["partialFingerprints"] = {FINGERPRINT_KEY: finding.fingerprint}
    if finding.suppressed:
        suppression: dict[str, Any] = {"kind": "inSource"}
        if finding.suppression_reason:
            suppression["justification"] = finding.suppression_reason
        data["suppressions"] = [suppression]
    properties: dict[str, Any] = {"category": finding.category}
    if result.doc_id is not None:
        properties["documentId"] = result.doc_id
    if result.source is not None:
        properties["source"] = result.source
    data["properties"] = properties
    return data


def _notification(result: DocumentResult) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": f"{result.path} could not be read: {result.error}"},
        "locations": [_location(result.path, None)],
        "descriptor": {"id": "input-error"},
    }


def sarif_data(report: Report, context: RenderContext) -> dict[str, Any]:
    descriptors = {rule_id: rule_descriptor(rule) for rule_id, rule in context.rules.items()}
    for finding in report.findings:
        descriptors.setdefault(finding.rule_id, _descriptor_from_finding(finding))
    rule_ids = sorted(descriptors)
    index = {rule_id: number for number, rule_id in enumerate(rule_ids)}
    results = [
        result_data(document, finding, index[finding.rule_id])
        for document in report.documents
        for finding in document.findings
    ]
    failures = [_notification(d) for d in report.documents if d.error is not None]
    invocation: dict[str, Any] = {"executionSuccessful": not failures}
    if failures:
        invocation["toolExecutionNotifications"] = failures
    version = report.version
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "factcheck",
                        "version": version,
                        "semanticVersion": version,
                        "informationUri": information_uri(),
                        "rules": [descriptors[rule_id] for rule_id in rule_ids],
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
                "properties": {"model": report.model},
            }
        ],
    }


def render(report: Report, context: RenderContext) -> str:
    return json.dumps(sarif_data(report, context), indent=2, ensure_ascii=False) + "\n"
