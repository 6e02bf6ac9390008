"""Every selected claim is a finding, quoted together with what it is checked against.

"The minister resigned tomorrow" is reported on its own; "resigned on October 10"
under a dateline of October 4 is quoted with the dateline. ``field`` names the
mention quoted as the second side; when it is empty the claim is quoted alone.
"""

from __future__ import annotations

from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, NoOptions

NAME = "quoted_with"
ARITY: Arity = "single"
FIELD_TYPES = ("mention",)
TEMPLATE_VALUES = ()
READS_FINDINGS = False
signature = None
pair_keys = None


Options = NoOptions


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    (claim,) = claims
    reference = claim.get(field or "")
    if isinstance(reference, Mention) and reference != claim.span:
        return Conflict((claim.span, reference))
    return Conflict((claim.span,))
