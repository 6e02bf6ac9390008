"""Two claims about one occasion that put it on days that cannot be the same.

"the vote on Thursday" / "Friday's vote": two weekdays. "the vote on October 5" /
"the vote on Thursday" conflict only when the extractor could give October 5 a
weekday (from the article's dateline). A part unknown on either side ("the vote
on Thursday" / "the vote on October 5" without a dateline) never conflicts.

Option ``parts`` lists the fields that each describe the day (weekday, month and
day, year, offset from the article's date); the claims conflict when some part is
known on both sides and differs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.rules.operators import Conflict

NAME = "different_days"
ARITY = "pair"
FIELD_TYPES = ()
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["parts"],
    "properties": {"parts": {"type": "array", "minItems": 1, "items": {"type": "string"}}},
}
TEMPLATE_VALUES = ()


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    first, second = claims
    for part in options["parts"]:
        a, b = first.get(part), second.get(part)
        if a is not None and b is not None and a != b:
            return Conflict((first.span, second.span))
    return None
