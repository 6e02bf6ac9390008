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

from collections.abc import Hashable
from dataclasses import dataclass

from factcheck.claims.model import Claim
from factcheck.rules.operators._contract import Arity, CheckContext, Conflict, claim_field

NAME = "different_days"
ARITY: Arity = "pair"
FIELD_TYPES = ()
TEMPLATE_VALUES = ()
READS_FINDINGS = False
pair_keys = None


@dataclass(frozen=True, slots=True)
class Options:
    #: The fields that each describe the day.
    parts: tuple[str, ...] = claim_field()


def signature(claim: Claim, field: str | None, options: Options) -> Hashable:
    """What ``check`` reads of one claim (its contract: ``_contract.py``)."""
    return tuple(claim.get(part) for part in options.parts)


def check(
    claims: tuple[Claim, ...], field: str | None, options: Options, context: CheckContext
) -> Conflict | None:
    first, second = claims
    for part in options.parts:
        a, b = first.get(part), second.get(part)
        if a is not None and b is not None and a != b:
            return Conflict((first.span, second.span))
    return None
