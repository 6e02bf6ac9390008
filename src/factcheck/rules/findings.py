"""The Findings stage's data: what a rule reports, with evidence for every side."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace

from factcheck.reading.document import Evidence

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {"info": 1, "warning": 2, "error": 3}
CATEGORIES = (
    "location",
    "travel",
    "transfer",
    "date",
    "number",
    "name",
    "role",
    "negation",
    "relation",
    "outcome",
    "quotation",
    "encoding",
    "suppression",
)


@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    rule_name: str
    category: str
    severity: str
    message: str
    #: Every side of the contradiction, in the order the message names them.
    evidence: tuple[Evidence, ...]
    fingerprint: str = ""
    suppressed: bool = False
    suppression_reason: str | None = None

    @property
    def sort_key(self) -> tuple[int, int, str, str]:
        first = self.evidence[0] if self.evidence else None
        return (first.start if first else 0, first.end if first else 0, self.rule_id, self.message)

    def suppress(self, reason: str | None) -> Finding:
        return replace(self, suppressed=True, suppression_reason=reason)


def fingerprint(rule_id: str, evidence: tuple[Evidence, ...]) -> str:
    """A stable id that survives edits elsewhere in the article: rule and quoted sides only."""
    quoted = sorted(" ".join(e.text.casefold().split()) for e in evidence)
    digest = hashlib.sha256("\x1f".join([rule_id, *quoted]).encode("utf-8"))
    return digest.hexdigest()[:20]


def with_fingerprints(findings: list[Finding]) -> list[Finding]:
    """Sort findings, give each a fingerprint, and keep one of each.

    The same contradiction quoted again word for word (a headline repeated as a
    standfirst) is one problem for the editor, reported at its first place.
    """
    seen: set[str] = set()
    result = []
    for finding in sorted(findings, key=lambda f: f.sort_key):
        key = fingerprint(finding.rule_id, finding.evidence)
        if key in seen:
            continue
        seen.add(key)
        result.append(replace(finding, fingerprint=key))
    return result
