"""A claim that is a finding of its own, unless another rule's finding already quotes its words.

"Activists in Paris poured paint" against a source whose activists were in
London: the unsupported "Paris" is a finding quoting it and the closest source
sentence. When a contradiction already quotes "Paris" (the same protest placed
in two cities), that finding says more, and this one is left out: one problem of
the text, one finding. It reads the findings of the rules that read none, so it
runs after them; suppression comments mark its findings like theirs.

Option ``sides`` names the mention fields quoted, in order; the claim's span is
what another finding may already quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, FindingsRead, claim_field

NAME = "unless_already_quoted"
ARITY: Arity = "single"
FIELD_TYPES = ()
TEMPLATE_VALUES = ()
READS_FINDINGS: FindingsRead = "found"
signature = None
pair_keys = None


@dataclass(frozen=True, slots=True)
class Options:
    #: The mentions quoted, in order: the words or statement, then what it is set beside.
    sides: tuple[str, ...] = claim_field("mention", min_items=1)


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    (claim,) = claims
    words = context.document.evidence(claim.span.start, claim.span.end)
    for finding in context.findings:
        if any(e.start < words.end and words.start < e.end for e in finding.evidence):
            return None
    sides = [side for side in (claim.get(name) for name in options.sides) if isinstance(side, Mention)]
    return Conflict(tuple(sides)) if sides else None
