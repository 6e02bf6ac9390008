"""The Report stage: every document's result plus a summary, ready for a renderer."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from factcheck.reading.document import SOURCE
from factcheck.rules.findings import SEVERITIES, SEVERITY_RANK, Finding
from factcheck.version import __version__

if TYPE_CHECKING:
    # Only a type here: a report is read (exit codes, settings) without loading spaCy.
    from factcheck.claims.graph import Analysis
    from factcheck.reading.document import Document, Evidence
    from factcheck.rules.loading import Rule

#: 2: ``summary.errors`` (documents that could not be read) is now ``summary.unreadable``,
#: so it cannot be mistaken for ``summary.by_severity.error``. A compared pair's fields
#: (``documents[].source``, ``evidence[].document``) are additions, present only for a pair.
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
    #: The document as read (its source quotes the findings' lines), also when the
    #: findings came from the cache and nothing was analysed.
    document: Document | None = None
    #: Answered from the results cache, not analysed in this run.
    cached: bool = False
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
        if self.document is not None:
            return self.document
        return self.analysis.document if self.analysis is not None else None


@dataclass(frozen=True, slots=True)
class Report:
    documents: tuple[DocumentResult, ...]
    model: str
    version: str = __version__
    #: The rules that ran, with their configured severities (what SARIF describes).
    rules: tuple[Rule, ...] = ()

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
    def unreadable(self) -> int:
        """Documents that could not be read."""
        return sum(1 for d in self.documents if d.error is not None)


def reaches(finding: Finding, fail_on: str) -> bool:
    return fail_on != "never" and SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[fail_on]


def exit_code(report: Report, fail_on: str) -> int:
    """2 when a document could not be read (a gate must not pass over it), else 1 or 0."""
    if report.unreadable:
        return 2
    return 1 if any(reaches(f, fail_on) for f in report.active_findings()) else 0
