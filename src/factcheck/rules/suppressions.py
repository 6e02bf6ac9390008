"""Inline suppressions applied to findings: an editor marks a finding as known and says why.

The comment syntax and where each comment reaches are read with the document
(``factcheck.reading.directives``). A contradiction is suppressed when ANY of its
sides lies in a covered paragraph, because the comment is where an editor looked
at it and decided. ``ignore-file`` covers the whole document wherever it stands.

Suppressed findings are kept (JSON shows ``"suppressed": true`` and the reason) but
leave the exit code alone. A suppression that silences nothing, or a directive that
cannot be read, is itself reported by the rule SUP001 (``rules/SUP001-*.yaml``),
pointing at the comment, so stale suppressions do not pile up. A suppression
counts as unused only when one of the rules it names ran: a comment for a rule
switched off in this run is not stale. SUP001's own findings cannot be suppressed
by comments (use the configuration's ``ignore`` instead).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from factcheck.reading.directives import Suppression
from factcheck.reading.document import Document
from factcheck.rules.findings import Finding


def covers(suppression: Suppression, finding: Finding) -> bool:
    """Whether a suppression silences a finding: a rule it names, a side in its scope."""
    if not suppression.covers_rule(finding.rule_id):
        return False
    if suppression.whole_file:
        return True
    return any(suppression.scope_start <= e.start < suppression.scope_end for e in finding.evidence)


def apply_suppressions(findings: Sequence[Finding], document: Document) -> list[Finding]:
    """The findings, those a suppression comment of the document covers marked suppressed."""
    suppressions = document.suppressions
    scopes = _Scopes(suppressions)
    result: list[Finding] = []
    for finding in findings:
        covering = [i for i in scopes.around(finding) if covers(suppressions[i], finding)]
        result.append(finding.suppress(suppressions[covering[0]].reason) if covering else finding)
    return result


class _Scopes:
    """Which suppressions' scopes may hold a finding, without asking every suppression.

    Scopes are sorted by start, with the furthest end reached so far: walking back
    from the last scope starting at or before an evidence start stops where no
    earlier scope reaches it. Paragraph scopes rarely overlap, so the walk is short.
    """

    def __init__(self, suppressions: Sequence[Suppression]) -> None:
        self.whole_file = [i for i, s in enumerate(suppressions) if s.whole_file]
        scoped = sorted(
            (s.scope_start, i, s.scope_end) for i, s in enumerate(suppressions) if not s.whole_file
        )
        self.starts = [start for start, _, _ in scoped]
        self.indexes = [index for _, index, _ in scoped]
        self.ends = [end for _, _, end in scoped]
        self.reach: list[int] = []
        for end in self.ends:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def around(self, finding: Finding) -> list[int]:
        """Indexes (in suppression order) of every suppression whose scope holds evidence."""
        found = set(self.whole_file)
        for evidence in finding.evidence:
            at = bisect.bisect_right(self.starts, evidence.start) - 1
            while at >= 0 and self.reach[at] > evidence.start:
                if self.ends[at] > evidence.start:
                    found.add(self.indexes[at])
                at -= 1
        return sorted(found)


@dataclass(frozen=True, slots=True)
class FindingStarts:
    """Where each rule's findings quote the text: their evidence starts, by rule id, in order.

    Asks "does this comment silence any finding?" by bisection instead of asking
    ``covers`` of every finding, for every comment.
    """

    by_rule: Mapping[str, list[int]]

    @classmethod
    def of(cls, findings: Iterable[Finding]) -> FindingStarts:
        by_rule: dict[str, list[int]] = {}
        for finding in findings:
            by_rule.setdefault(finding.rule_id, []).extend(e.start for e in finding.evidence)
        return cls({rule_id: sorted(starts) for rule_id, starts in by_rule.items()})

    def covered_by(self, suppression: Suppression) -> bool:
        """Whether ``suppression`` covers some finding (as ``covers`` decides)."""
        for rule_id, starts in self.by_rule.items():
            if not suppression.covers_rule(rule_id):
                continue
            if suppression.whole_file:
                return True
            first = bisect.bisect_left(starts, suppression.scope_start)
            if first < len(starts) and starts[first] < suppression.scope_end:
                return True
        return False
