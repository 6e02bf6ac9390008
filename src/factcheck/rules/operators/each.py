"""Every selected claim is itself the finding (e.g. each repaired mojibake token)."""

from __future__ import annotations

from factcheck.claims.model import Claim
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, NoOptions

NAME = "each"
ARITY: Arity = "single"
FIELD_TYPES = ()
TEMPLATE_VALUES = ()
READS_FINDINGS = False
signature = None
pair_keys = None


Options = NoOptions


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    (claim,) = claims
    return Conflict((claim.span,))
