"""A suppression comment that silences nothing, or a factcheck comment that cannot be read.

"<!-- factcheck: ignore[LOC001] one campus -->" above a paragraph where LOC001
finds nothing is stale: it would hide a future contradiction there. It runs
after the other rules and judges their findings; a comment is stale only when a
rule it names ran, since a comment for a rule switched off in this run is not.
Its own findings come last, so no comment can silence them.

The options name the comment's fields: ``rules``, ``whole_file``, ``problem``
(set when it cannot be read), and its source offsets ``comment_start``,
``comment_end``, ``scope_start`` and ``scope_end``.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.reading.directives import Suppression
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, claim_field
from factcheck.rules.suppressions import FindingStarts

NAME = "unused_suppression"
ARITY: Arity = "single"
FIELD_TYPES = ()
TEMPLATE_VALUES = ("problem",)
READS_FINDINGS = True
signature = None
pair_keys = None


@dataclass(frozen=True, slots=True)
class Options:
    rules: str = claim_field("texts")
    whole_file: str = claim_field("bool")
    problem: str = claim_field("text")
    comment_start: str = claim_field("number")
    comment_end: str = claim_field("number")
    scope_start: str = claim_field("number")
    scope_end: str = claim_field("number")


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    (claim,) = claims
    start, end = _offset(claim, options.comment_start), _offset(claim, options.comment_end)
    if start is None or end is None:
        return None
    comment = context.document.evidence_for_source(start, end)
    problem = claim.get(options.problem)
    if isinstance(problem, str):
        return Conflict((comment,), {"problem": problem})
    rules, whole_file = claim.get(options.rules), claim.get(options.whole_file) is True
    scope_start, scope_end = _offset(claim, options.scope_start), _offset(claim, options.scope_end)
    if not isinstance(rules, tuple) or scope_start is None or scope_end is None:
        return None
    suppression = Suppression(rules, None, whole_file, start, end, scope_start, scope_end)
    if not any(suppression.covers_rule(rule_id) for rule_id in context.rule_ids):
        return None
    if context.indexed(_finding_starts).covered_by(suppression):
        return None
    where = "this file" if whole_file else "the paragraph after it"
    return Conflict(
        (comment,), {"problem": f"Suppression of {', '.join(rules)} silences no finding in {where}"}
    )


def _finding_starts(context: CheckContext) -> FindingStarts:
    return FindingStarts.of(context.findings)


def _offset(claim: Claim, name: str) -> int | None:
    value = claim.get(name)
    return int(value) if isinstance(value, float) else None
