"""Inline suppressions applied to findings: an editor marks a finding as known and says why.

The comment syntax and where each comment reaches are read with the document
(``factcheck.reading.directives``). A contradiction is suppressed when ANY of its
sides lies in a covered paragraph, because the comment is where an editor looked
at it and decided. ``ignore-file`` covers the whole document wherever it stands (in ``factcheck compare``,
the whole rewrite).

Suppressed findings are kept (JSON shows ``"suppressed": true`` and the reason) but
leave the exit code alone. A suppression that silences nothing, or a directive that
cannot be read, is itself reported by the rule SUP001 (``rules/SUP001-*.yaml``),
pointing at the comment, so stale suppressions do not pile up. A suppression
counts as unused only when one of the rules it names ran: a comment for a rule
switched off in this run is not stale. SUP001's own findings cannot be suppressed
by comments (use the configuration's ``ignore`` instead).
"""

from __future__ import annotations

from collections.abc import Sequence

from factcheck.reading.directives import Suppression
from factcheck.reading.document import Document
from factcheck.rules.findings import Finding


def covers(suppression: Suppression, finding: Finding) -> bool:
    """Whether a suppression silences a finding: a rule it names, a side in its scope."""
    if not suppression.covers_rule(finding.rule_id):
        return False
    if suppression.whole_file:
        # The whole text it stands in: in a rewrite read after its source, the rewrite.
        return any(suppression.scope_start <= e.start <= suppression.scope_end for e in finding.evidence)
    return any(suppression.scope_start <= e.start < suppression.scope_end for e in finding.evidence)


def apply_suppressions(findings: Sequence[Finding], document: Document) -> list[Finding]:
    """The findings, those a suppression comment of the document covers marked suppressed."""
    result: list[Finding] = []
    for finding in findings:
        covering = [s for s in document.suppressions if covers(s, finding)]
        result.append(finding.suppress(covering[0].reason) if covering else finding)
    return result
