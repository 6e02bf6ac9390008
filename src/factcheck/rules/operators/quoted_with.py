"""Every selected claim is a finding, quoted together with what it is checked against.

"The minister resigned tomorrow" is reported on its own; "resigned on October 10"
under a dateline of October 4 is quoted with the dateline. ``field`` names the
mention quoted as the second side; when it is empty the claim is quoted alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.nlp.entities import Mention
from factcheck.rules.operators import Conflict

NAME = "quoted_with"
ARITY = "single"
FIELD_TYPES = ("mention",)
OPTIONS_SCHEMA = {"type": "object", "additionalProperties": False, "properties": {}}
TEMPLATE_VALUES = ()


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    (claim,) = claims
    reference = claim.get(field or "")
    if isinstance(reference, Mention) and reference != claim.span:
        return Conflict((claim.span, reference))
    return Conflict((claim.span,))
