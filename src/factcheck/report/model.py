"""The Report stage: every document's result plus a summary, ready for a renderer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck import __version__
from factcheck.reading.document import SOURCE, Document, Evidence
from factcheck.rules.findings import SEVERITIES, SEVERITY_RANK, Finding

if TYPE_CHECKING:
    # Only a type here: a report is read (exit codes, settings) without loading spaCy.
    from factcheck.claims.graph import Analysis

#: 2: a compared pair's evidence may count in its source (``evidence[].document``).
SCHEMA_VERSION = 2
FAIL_ON_CHOICES = ("error", "warning", "info", "never")


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """One document's findings, or why it could not be read; its analysis when kept."""

    path: str
    doc_id: str | None
    error: str | None
    findings: tuple[Finding, ...]
    analysis: Analysis | None = None
    #: A rewrite compared with its source: the source as named, and both texts when kept.
    source: str | None = None
    texts: tuple[Document, Document] | None = None

    @property
    def compared(self) -> bool:
        return self.source is not None

    def path_of(self, evidence: Evidence) -> str:
        """The file a side quotes: the source's for its sides, else this document's."""
        return self.source if evidence.document == SOURCE and self.source is not None else self.path

    def document_of(self, evidence: Evidence) -> Document | None:
        """The text a side quotes, when it was kept."""
        if self.texts is not None:
            return self.texts[0] if evidence.document == SOURCE else self.texts[1]
        return self.analysis.document if self.analysis is not None else None


@dataclass(frozen=True, slots=True)
class Report:
    documents: tuple[DocumentResult, ...]
    model: str
    version: str = __version__

    @property
    def findings(self) -> Iterable[Finding]:
        for result in self.documents:
            yield from result.findings

    def active_findings(self) -> list[Finding]:
        return [f for f in self.findings if not f.suppressed]

    def by_severity(self) -> dict[str, int]:
        counts = dict.fromkeys(SEVERITIES, 0)
        for finding in self.active_findings():
            counts[finding.severity] += 1
        return counts

    @property
    def errors(self) -> int:
        return sum(1 for d in self.documents if d.error is not None)


def reaches(finding: Finding, fail_on: str) -> bool:
    return fail_on != "never" and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[fail_on]


def exit_code(report: Report, fail_on: str) -> int:
    """2 when a document could not be read (a gate must not pass over it), else 1 or 0."""
    if report.errors:
        return 2
    return 1 if any(reaches(f, fail_on) for f in report.active_findings()) else 0
