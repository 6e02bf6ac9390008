"""The same action asserted and denied: "the court did not hear the appeal" / "after
hearing the appeal on Monday, the court ...".

The rule's group_by decides what "the same action" is (doer, verb, thing done to).
``field`` names the time: two times that are both given and differ ("did not hear
it on Friday" / "heard it on Monday") are two occasions and never conflict; a
time given on one side only does not prevent a conflict.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.rules.operators import Conflict

NAME = "opposite_polarity"
ARITY = "pair"
FIELD_TYPES = ("text",)
OPTIONS_SCHEMA = {"type": "object", "additionalProperties": False, "properties": {}}
TEMPLATE_VALUES = ()


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    first, second = claims
    if first.polarity == second.polarity:
        return None
    time_a, time_b = first.get(field or ""), second.get(field or "")
    if time_a is not None and time_b is not None and time_a != time_b:
        return None
    return Conflict((first.span, second.span))
