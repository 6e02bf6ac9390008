"""Every selected claim is itself the finding (e.g. each repaired mojibake token)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.rules.operators import Conflict

NAME = "each"
ARITY = "single"
FIELD_TYPES = ()
OPTIONS_SCHEMA = {"type": "object", "additionalProperties": False, "properties": {}}
TEMPLATE_VALUES = ()


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    (claim,) = claims
    return Conflict((claim.span,))
