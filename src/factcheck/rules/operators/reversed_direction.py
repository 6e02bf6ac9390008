"""The same thing given in both directions between the same two sides.

"Putin commits to providing North Korea with space tech" / "Putin proposed that North
Korea provide technological support": Russia -> North Korea against North Korea ->
Russia, for one thing (tech). Two things are one when the words they are named by
agree, the words that tell things of a kind apart do not differ, and amounts in one
unit agree: "500 megawatts of hydroelectric power" is "the 500 megawatts", but not
"150 megawatts of wind power". A reciprocal deal ("A sells grain to B while B sells
fertiliser to A") gives two things and does not conflict. Two different times, or a
year or relative time on one side only, are two occasions.

Options name the claim fields: ``giver`` and ``receiver`` (the sides), ``head`` (the
word the thing is named by), ``modifiers`` ("slot:word" texts), ``unit``, ``low``
and ``high`` (its amount), ``time`` and ``dated`` (when it is given, and whether
that is a year or a relative time).
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
_FIELDS = ("giver", "receiver", "head", "modifiers", "unit", "low", "high", "time", "dated")
OPTIONS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["giver", "receiver", "head"],
    "properties": {name: {"type": "string"} for name in _FIELDS},
}
TEMPLATE_VALUES = ("shared",)


def _get(claim: Claim, options: Mapping[str, Any], name: str) -> object:
    field = options.get(name)
    return claim.get(field) if field else None


def _amount(claim: Claim, options: Mapping[str, Any]) -> tuple[str, float, float | None] | None:
    unit, low, high = (_get(claim, options, n) for n in ("unit", "low", "high"))
    if not isinstance(unit, str) or not isinstance(low, int | float) or isinstance(low, bool):
        return None
    return (
        unit,
        float(low),
        float(high) if isinstance(high, int | float) and not isinstance(high, bool) else None,
    )


def _amounts_agree(a: tuple[str, float, float | None], b: tuple[str, float, float | None]) -> bool:
    (_, low_a, high_a), (_, low_b, high_b) = a, b
    return not ((high_a is not None and high_a < low_b) or (high_b is not None and high_b < low_a))


def _modifiers_differ(a: object, b: object) -> bool:
    """Both name a kind in one slot and neither's words contain the other's: "wind" / "hydroelectric"."""
    if not isinstance(a, tuple) or not isinstance(b, tuple):
        return False
    slots: dict[str, tuple[set[str], set[str]]] = {}
    for index, items in enumerate((a, b)):
        for item in items:
            slot, _, word = str(item).partition(":")
            slots.setdefault(slot, (set(), set()))[index].add(word)
    return any(one and two and not (one <= two or two <= one) for one, two in slots.values())


def same_thing(first: Claim, second: Claim, options: Mapping[str, Any]) -> str | None:
    """What two claims both give, or None when they may give two things."""
    head_a, head_b = _get(first, options, "head"), _get(second, options, "head")
    amount_a, amount_b = _amount(first, options), _amount(second, options)
    if head_a and head_b and head_a != head_b:
        return None
    if _modifiers_differ(_get(first, options, "modifiers"), _get(second, options, "modifiers")):
        return None
    if amount_a is not None and amount_b is not None and amount_a[0] == amount_b[0]:
        if not _amounts_agree(amount_a, amount_b):
            return None
        if not (head_a and head_b):
            # "the 500 megawatts" is the 500 megawatts of power the other names.
            return str(head_a or head_b or amount_a[0])
    return str(head_a) if head_a and head_b else None


def check(
    claims: tuple[Claim, ...], field: str | None, options: Mapping[str, Any], graph: ClaimGraph
) -> Conflict | None:
    first, second = claims
    giver, receiver = options["giver"], options["receiver"]
    if first.get(giver) is None or first.get(receiver) is None:
        return None
    if (first.get(giver), first.get(receiver)) != (second.get(receiver), second.get(giver)):
        return None
    shared = same_thing(first, second, options)
    if shared is None:
        return None
    times = _get(first, options, "time"), _get(second, options, "time")
    if None not in times and times[0] != times[1]:
        return None
    if _get(first, options, "dated") != _get(second, options, "dated"):
        return None
    return Conflict((first.span, second.span), {"shared": shared})
