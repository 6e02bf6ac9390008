"""Inline suppressions applied to findings: an editor marks a finding as known and says why.

The comment syntax and where each comment reaches are read with the document
(``factcheck.reading.directives``). A contradiction is suppressed when ANY of its sides
lies in a covered paragraph, because the comment is where an editor looked at it
and decided. ``ignore-file`` covers the whole document wherever it stands.

Suppressed findings are kept (JSON shows ``"suppressed": true`` and the reason) but
leave the exit code alone. A suppression that silences nothing, or a directive that
cannot be read, is itself reported by the built-in rule SUP001, pointing at the
comment, so stale suppressions do not pile up. A suppression counts as unused only
when one of the rules it names ran: a comment for a rule switched off in this run
is not stale. SUP001's own findings cannot be suppressed by comments (use the
configuration's ``ignore`` instead).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from factcheck.reading.directives import Suppression, parse_suppressions
from factcheck.reading.document import Document
from factcheck.rules.findings import Finding
from factcheck.rules.loading import Rule

UNUSED_SUPPRESSION = Rule(
    id="SUP001",
    name="unused-suppression",
    category="suppression",
    severity="warning",
    description=(
        "A suppression comment that silences no finding of the rules it names, or a\n"
        "factcheck comment that cannot be read. Remove it, or fix the rule ids; a\n"
        "stale suppression would silently hide a future contradiction."
    ),
    message="{problem}",
    kind="suppression comment",
    operator="built-in",
    path="",
)

#: Rules implemented in Python rather than YAML; they take part in selection like any other.
BUILTIN_RULES = (UNUSED_SUPPRESSION,)


def covers(suppression: Suppression, finding: Finding) -> bool:
    """Whether a suppression silences a finding: a rule it names, a side in its scope."""
    if not suppression.covers_rule(finding.rule_id):
        return False
    if suppression.whole_file:
        return True
    return any(suppression.scope_start <= e.start < suppression.scope_end for e in finding.evidence)


def _rule_named(rules: Iterable[Rule], suppression: Suppression) -> bool:
    return any(suppression.covers_rule(rule.id) for rule in rules)


def apply_suppressions(
    findings: Sequence[Finding], document: Document, rules: Sequence[Rule]
) -> list[Finding]:
    """Mark suppressed findings and add SUP001 findings for unused or unreadable comments.

    ``rules`` are the rules that ran; SUP001 reports only when it is among them.
    """
    suppressions, bad = parse_suppressions(document.source, document.format)
    if not suppressions and not bad:
        return list(findings)
    used: set[int] = set()
    result: list[Finding] = []
    for finding in findings:
        covering = [index for index, s in enumerate(suppressions) if covers(s, finding)]
        if covering:
            used.update(covering)
            result.append(finding.suppress(suppressions[covering[0]].reason))
        else:
            result.append(finding)
    checker_rule = next((r for r in rules if r.id == UNUSED_SUPPRESSION.id), None)
    if checker_rule is None:
        return result
    for index, suppression in enumerate(suppressions):
        if index in used or not _rule_named(rules, suppression):
            continue
        where = "this file" if suppression.whole_file else "the paragraph after it"
        problem = f"Suppression of {', '.join(suppression.rules)} silences no finding in {where}"
        result.append(_report(checker_rule, document, suppression.start, suppression.end, problem))
    for directive in bad:
        result.append(_report(checker_rule, document, directive.start, directive.end, directive.problem))
    return result


def _report(rule: Rule, document: Document, start: int, end: int, problem: str) -> Finding:
    evidence = document.evidence_for_source(start, end)
    message = rule.message.format_map({"problem": problem})
    return Finding(rule.id, rule.name, rule.category, rule.severity, message, (evidence,))
