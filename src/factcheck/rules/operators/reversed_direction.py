"""The same transfer told with giver and receiver swapped.

"Putin commits to providing North Korea with space tech" / "Putin proposed that North
Korea provide technological support": Russia -> North Korea against North Korea ->
Russia, for things that share a stem (tech). A reciprocal deal ("A sells grain to B
while B sells fertiliser to A") shares no stem, so it does not conflict.

Options: ``giver`` and ``receiver`` name the side fields, ``things`` the field of
folded stems, ``min_shared`` how many stems the two things must share.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.claims.graph import ClaimGraph
from factcheck.claims.model import Claim
from factcheck.rules.operators import Conflict

NAME = "reversed_direction"
ARITY = "pair"
FIELD_TYPES = ()
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["giver", "receiver", "things"],
    "properties": {
        "giver": {"type": "string"},
        "receiver": {"type": "string"},
        "things": {"type": "string"},
        "min_shared": {"type": "integer", "minimum": 1},
    },
}
TEMPLATE_VALUES = ("shared",)


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    first, second = claims
    giver, receiver = options["giver"], options["receiver"]
    if first.get(giver) is None or first.get(receiver) is None:
        return None
    if (first.get(giver), first.get(receiver)) != (second.get(receiver), second.get(giver)):
        return None
    things_a, things_b = first.get(options["things"]), second.get(options["things"])
    if not isinstance(things_a, tuple) or not isinstance(things_b, tuple):
        return None
    shared = sorted(set(things_a) & set(things_b))
    if len(shared) < options.get("min_shared", 1):
        return None
    return Conflict((first.span, second.span), {"shared": ", ".join(shared)})
