"""Two claims whose values of one field exclude each other.

"Soria, the plaintiff," / "the suit Ruiz brought against Soria": in one case Soria
is on one side, so "plaintiff" and "defendant" exclude each other. Which values
exclude which is the rule's choice (option ``exclusive``, pairs); two equal values
or values in no pair never conflict. The rule's group_by says what must be shared
(the same party in the same event).

``field`` names the value.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.rules.operators import Conflict

NAME = "exclusive_values"
ARITY = "pair"
FIELD_TYPES = ("text",)
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["exclusive"],
    "properties": {
        "exclusive": {
            "type": "array",
            "minItems": 1,
            "items": {"type": "array", "minItems": 2, "maxItems": 2, "items": {"type": "string"}},
        },
    },
}
TEMPLATE_VALUES = ()


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    first, second = claims
    values = (first.get(field or ""), second.get(field or ""))
    pairs = {tuple(pair) for pair in options["exclusive"]}
    if values not in pairs and values[::-1] not in pairs:
        return None
    return Conflict((first.span, second.span))
