"""Two amounts for the same measured thing that cannot both be true.

"a five-day strike" / "the strike lasted three days" do not overlap and conflict;
"a five-day strike" / "the strike lasted a week" do not (a week may be five working
days). Each amount is the interval its words allow ("about", "at least", rounding,
unit ranges), so "£1.5bn" / "1,500 million pounds" / "nearly £1.5bn" never conflict.

``field`` names the unit (amounts in different units, e.g. dollars and pounds, or
hours and days, are never compared); options ``low`` and ``high`` name the interval's bounds
(``high`` empty: no upper bound).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, claim_field

NAME = "disjoint_amounts"
ARITY: Arity = "pair"
FIELD_TYPES = ("text",)
TEMPLATE_VALUES = ()
READS_FINDINGS = False
pair_keys = None


@dataclass(frozen=True, slots=True)
class Options:
    #: The fields of the interval's bounds; an empty upper bound means none.
    low: str = claim_field("number")
    high: str = claim_field("number")


def _bounds(claim: Claim, options: Options) -> tuple[float, float | None] | None:
    low, high = claim.get(options.low), claim.get(options.high)
    if not isinstance(low, float | int) or isinstance(low, bool):
        return None
    if high is not None and (not isinstance(high, float | int) or isinstance(high, bool)):
        return None
    return float(low), (float(high) if high is not None else None)


def signature(claim: Claim, field: str | None, options: Options) -> Hashable:
    """What ``check`` reads of one claim (its contract: ``_contract.py``)."""
    return claim.get(field or ""), _bounds(claim, options)


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    unit_a, unit_b = first.get(field or ""), second.get(field or "")
    if unit_a != unit_b:
        return None
    a, b = _bounds(first, options), _bounds(second, options)
    if a is None or b is None:
        return None
    (low_a, high_a), (low_b, high_b) = a, b
    a_below_b = high_a is not None and high_a < low_b
    b_below_a = high_b is not None and high_b < low_a
    if not (a_below_b or b_below_a):
        return None
    return Conflict((first.span, second.span))
